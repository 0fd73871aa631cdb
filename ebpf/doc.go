// Package ebpf runs eBPF programs in-process, in a pure-Go virtual machine
// that implements the eBPF instruction set of RFC 9669.
//
// It is the rightmost stage of gocap: package translate turns classic BPF
// into eBPF (github.com/cilium/ebpf/asm.Instructions), and this package runs
// the result over packets, as a socket filter, TC classifier or XDP program
// would run in Linux.
//
// # Building a VM
//
// NewVM takes asm.Instructions; NewVMFromBytes takes raw bytecode (8-byte
// little-endian slots, a 64-bit immediate load taking two). Both validate the
// program once and decode it into a compact form built for execution: one
// dense operation code per behaviour, immediates pre-extended and jump
// targets resolved to absolute slots. The validator refuses:
//
//   - empty programs, programs longer than MaxInstructions, lengths that are
//     not a multiple of 8;
//   - unknown opcodes, and unused fields that are not zero (for example an
//     immediate-source ALU instruction with a nonzero src, a load with a
//     nonzero immediate, an exit with any field set), as RFC 9669 and the
//     bpf_conformance negative tests require;
//   - register numbers above r10, any write to r10, and r10 as the source
//     of an ALU operation other than 64-bit mov, add or sub (as Linux);
//   - jump and local-call targets outside the program or inside a 64-bit
//     immediate load, and any path that runs past the last instruction;
//   - calls to helpers not registered with WithHelper (but for the VM's
//     own bpf_xdp_get_buff_len, see below), `call %reg` (callx,
//     outside RFC 9669), kfunc calls, and 64-bit immediate loads with a
//     pseudo source (maps, code addresses): the VM has no maps.
//
// Division by a constant zero is accepted: RFC 9669 defines x/0 = 0 and
// x%0 = x. Shift amounts, immediate or not, are masked to 31 or 63.
//
// # Instruction set
//
// All of RFC 9669's conformance groups except callx: base32, base64,
// divmul32, divmul64 (including signed division and modulo), atomic32 and
// atomic64 (add, or, and, xor with and without fetch, xchg, cmpxchg),
// sign-extending loads and moves, byte swaps (to little or big endian, and
// the unconditional BSWAP), 64-bit immediate loads and local (bpf-to-bpf)
// calls. The VM is a little-endian machine whatever the host: memory is read
// and written little-endian, so "to little endian" only truncates and "to big
// endian" swaps.
//
// Local calls give the callee a fresh StackSize-byte frame below the
// caller's (r10 moves down), and restore r6 to r9 and r10 on exit; at most
// MaxCallDepth frames, the program's own included, may be live.
//
// The legacy packet loads of the packet group (LD_ABS and LD_IND, 1, 2 and 4
// bytes) follow Linux: they read the packet of the run (the implicit context
// of r6 in Linux), the offset is the immediate (plus the low 32 bits of the
// source register for LD_IND) as a signed 32-bit value, the big-endian value
// is put in r0 in host order, r1 to r5 are clobbered (set to 0 here), and an
// offset outside the packet ends the program with r0 = 0 and no error. The
// negative offsets are Linux's special ones: SKF_LL_OFF+k reads k bytes from
// the link-layer header, where the packet of the run starts, and SKF_NET_OFF+k
// (k up to 0xfffff) k bytes from the network header, SKBuff.NetworkOffset
// bytes in (RunSocket only; other runs have no network header); offsets below
// SKF_LL_OFF read nothing. The SKF_AD_* offsets fall in the SKF_NET_OFF range,
// about a megabyte past the network header, so they read nothing either: eBPF
// has no ancillary loads (the kernel converts those of a classic program when
// it loads it, and package translate reads the __sk_buff fields instead).
//
// # Memory model
//
// Registers hold plain 64-bit values; pointers are values in a fake address
// space in which every memory region has its own 4 GiB window:
//
//	0x1_0000_0000  stack (MaxCallDepth frames of StackSize bytes; r10 starts at its top)
//	0x2_0000_0000  context: struct __sk_buff (RunSocket) or struct xdp_md (RunXDP)
//	0x3_0000_0000  packet, as the context's data/data_end pointers see it
//	0x4_0000_0000  caller memory (Run)
//
// Every load, store and atomic operation is checked against the region its
// address falls in. An access outside all regions, straddling a region's end,
// or writing a read-only region ends the run with a RunError wrapping
// ErrMemoryAccess; it never panics and never touches memory outside the
// regions. The stack is zero at the start of every run (Linux instead refuses
// programs that read uninitialized stack). The context is read-only; the
// packet is read-only in RunSocket and writable in RunXDP; the memory given
// to Run is writable. Writes go to the caller's slices in place.
//
// # Running
//
// Run uses the bpf_conformance calling convention (r1 = memory, r2 = its
// length, 64-bit result). RunSocket and RunXDP build the context from
// SKBuff or XDPMD and return r0's low 32 bits (socket filter: bytes to keep,
// 0 to drop; XDP: the action). Loads of the context's data and data_end
// fields return packet-region pointers, as the kernel's rewrite of those
// loads does, so programs that use direct packet access run unchanged.
//
// Execution is bounded by an instruction budget (DefaultBudget, or
// WithBudget): a run that executes more instructions ends with
// ErrBudgetExhausted, so no program can hang the caller. A program whose
// jumps all go forward and that makes no local call or atomic operation (all
// that package translate emits, but for protochain's loops) runs each
// instruction at most once; when it has no more slots than the budget,
// RunSocket and RunXDP run it in smaller, faster loops that need no
// counting, one for each, over a compact form made for them (common
// sequences of translate's output fused, the context's fields read as values
// of the run), with the same results and errors. Run, and programs without
// a compact form, run in the general interpreter.
//
// RunSocketBatch and RunXDPBatch run many packets in one call, with the
// results RunSocket and RunXDP would give each: what every run would check
// and set up at its entry is done once for the batch, and the compact
// loops go from one packet to the next without returning.
//
// A VM holds its registers and stack, so it is not safe for concurrent use;
// Clone returns another VM that shares the decoded program.
//
// # Divergences from Linux
//
// The VM checks at run time what Linux's verifier proves at load time, so it
// accepts programs Linux refuses (unbounded loops, reads of uninitialized
// stack, pointer arithmetic Linux forbids) and gives them a defined meaning.
// Maps, tail calls and kernel helpers do not exist; helpers are whatever the
// caller registers, with one exception: bpf_xdp_get_buff_len, which the
// translated XDP programs call for `len`, is built in unless the caller
// registers its own. It returns the frame's length on the wire,
// XDPMD.FrameLen, or the length of the packet given to RunXDP when that is
// 0; called outside RunXDP it ends the run with an error. Errors about
// helpers name them as the kernel does (HelperName). Context writes (Linux allows cb[] and a few fields) fault.
// LD_ABS/LD_IND also work in RunXDP and Run, where Linux refuses them.
package ebpf

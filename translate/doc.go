// Package translate turns classic BPF programs, as package cbpf produces
// them, into eBPF programs (github.com/cilium/ebpf/asm.Instructions) that
// the Linux kernel's verifier accepts and that package ebpf's VM runs.
//
// # Targets
//
// SocketFilter gives the kernel's own semantics for classic socket filters
// (what net/core/filter.c's conversion does when a classic filter is
// attached). The result loads as BPF_PROG_TYPE_SOCKET_FILTER, to attach to
// a socket with SO_ATTACH_BPF, or as BPF_PROG_TYPE_SCHED_CLS. It returns
// the classic verdict itself: the number of bytes to keep, 0 to drop.
//
// Direct gives a program for XDP or TC (Target) that reads the packet
// through the context's data and data_end pointers ("direct packet
// access"), with explicit bounds checks. It maps the verdict to the
// target's codes:
//
//	classic verdict   XDP                 TC (direct-action)
//	non-zero          XDP_PASS (2)        TC_ACT_OK (0)
//	zero              XDP_DROP (1)        TC_ACT_SHOT (2)
//
// Each Target describes itself (Target.Info, in target.go): its name as
// filterc's --target spells it, its ELF section, its program type, its
// return codes and the layout of its context. Loaders and tools take those
// facts from there; ForTarget and Compile translate for any target.
//
// # Machine model
//
// A is R0 (where the legacy packet loads leave their result), X is R7, the
// context is kept in R6 (where the legacy loads look for it); the direct
// targets keep data and data_end in R8 and R9. Both registers start at 0,
// as in the kernel. The scratch memory M[0..15] is sixteen 32-bit words at
// the top of the stack; a slot that some path may read before writing it
// (the kernel refuses such programs) is zeroed at entry.
//
// Classic arithmetic is unsigned 32-bit: every ALU operation is an ALU32
// one and every comparison a JMP32 one, so constants with bit 31 set keep
// their unsigned value (a 64-bit operation would sign-extend the 32-bit
// immediate). Division and modulo by X == 0 end the program with verdict
// 0. Constant division by zero and constant shifts of 32 or more are
// refused, as the kernel refuses them.
//
// # Packet loads
//
// The socket target uses the legacy LD_ABS and LD_IND instructions, which
// convert from network byte order, understand SKF_LL_OFF and SKF_NET_OFF,
// and end the program with 0 when the bytes are not in the packet.
//
// The direct targets load through the packet pointer after checking
// data + bound <= data_end. Checks are placed by a dataflow analysis
// (bounds.go): a check proves the largest bound that every path from it
// loads before it can return, and a load needs no check when every path
// to it has proven its bound. [x + k] loads are checked the same way
// relative to data + X while X does not change. A path thus checks each
// bound once: the consecutive loads of a header share one check.
//
// # Ancillary data
//
// Absolute loads at SKF_AD_OFF+n read the sk_buff's metadata. The socket
// and TC targets read struct __sk_buff: len, pkt_type, mark,
// queue_mapping, protocol and vlan_proto (converted from network order, as
// the kernel does), vlan_present, vlan_tci, ifindex and hash; cpu and
// random call bpf_get_smp_processor_id and bpf_get_prandom_u32; xor_x is
// A ^= X. hatype, poff and the netlink extensions have no __sk_buff field
// and are refused (libpcap never emits them).
//
// XDP has no sk_buff: ifindex and queue read struct xdp_md's
// ingress_ifindex and rx_queue_index, `len` is bpf_xdp_get_buff_len (the
// frame's length on the wire, fragments included: what `len` means for a
// classic filter; package ebpf's VM provides that helper too), and
// vlan_avail, vlan_tci and vlan_tpid are 0 because XDP sees VLAN tags in
// the packet (nothing strips them). protocol, pkttype, mark and rxhash
// are refused for XDP with an error wrapping ErrUnsupported.
//
// # Loops
//
// libpcap's protochain is a loop: its classic code ends each step with a
// `ja` whose 32-bit offset wraps to point backward. The verifier accepts
// loops it can prove to end, so each backward jump counts its iterations
// (in R8 for the socket target, in a stack slot otherwise) and after
// MaxLoopIterations the program ends with the drop verdict.
//
// # Where the targets differ from the kernel's classic filters
//
//   - Loops end after MaxLoopIterations backward jumps (the kernel does not
//     run classic programs with backward jumps at all; libpcap's
//     interpreter runs them without a limit).
//   - Direct targets see the frame from the link-layer header: SKF_LL_OFF
//     offsets read the frame, SKF_NET_OFF and other negative offsets always
//     drop, as do loads whose end is past 64 KiB. Only the linear part of
//     the packet is visible (TC: the sk_buff's head; XDP: the buffer
//     without its fragments, under 4 KiB for a page-sized buffer), so a
//     load past it drops.
//   - Direct targets compute [x + k] as X + k without wrapping when k is
//     below 32 KiB: if X + k would wrap around 2^32 back into the packet,
//     the load drops; so does an [x + k] whose 32-bit sum is negative, a
//     special SKF_LL_OFF or SKF_NET_OFF offset included.
//   - Fragments reading through packet pointers see 32 KiB of packet, not
//     64: the caller's start pointer may already be offset from data, and
//     the verifier bounds the sum.
//
// # Fragments and injection
//
// Fragment gives a piece of eBPF to splice into a caller's program, with
// the options of cloudflare/cbpfc's ToEBPF: the packet's bounds in
// registers the caller names, the classic verdict left in a result
// register with a jump to the caller's label instead of exit, working
// registers of the caller's choosing, a stack offset that keeps the
// fragment's scratch memory below the caller's locals, and a label prefix
// so that several fragments live in one program. `len` is the distance
// between the bounds. Fragments carry no source annotations: cilium/ebpf
// makes BTF line info of them, and the kernel refuses line info that
// misses the first instruction of a function.
//
// A fragment reads the packet in one of three ways (Access): through
// packet pointers with the Direct targets' bounds checks; with
// bpf_skb_load_bytes from a __sk_buff context into the stack; or with
// bpf_probe_read_kernel into the stack, for tracing programs, where the
// packet is kernel memory. Only the __sk_buff mode can read ancillary
// fields.
//
// Inject puts a filter into an existing program at an elibpcap stub, a
// bpf-to-bpf function bool stub(skb, __skb, ___skb, data, data_end): the
// stub's body becomes the filter, returning 1 or 0.
//
// # Errors
//
// Errors are *Error values naming the classic instruction (its index and
// its `tcpdump -d` line). In whole programs every eBPF instruction carries
// its classic line as its source (asm.Instruction.Source), and jumps go to
// symbolic labels ("pcN" for classic instruction N, "drop" for the shared
// drop tail; PREFIX_pcN and PREFIX_drop in fragments), whose offsets are
// range-checked before the program is returned.
package translate

package cbpf

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/net/bpf"
)

// This file is an interpreter for classic BPF with the semantics
// of a Linux socket filter (net/core/filter.c: bpf_check_classic at attach
// time, then the classic-to-eBPF conversion at run time). Where it differs
// from golang.org/x/net/bpf's VM:
//
//   - `ld #pktlen` / `ldx #pktlen` give the packet's length on the wire
//     (skb->len), not the captured length.
//   - Ancillary loads (absolute loads at SKF_AD_OFF+n, any width) read
//     Ancillary and give the full field value; x/net supports only the
//     length extension.
//   - Absolute and indirect loads whose offset is negative as an int32 read
//     relative to the link-layer header (SKF_LL_OFF, -0x200000) or the
//     network header (SKF_NET_OFF, -0x100000); other negative offsets fail.
//     x/net treats them as huge unsigned offsets, which always fail.
//   - Shifts by X use the count modulo 32: the kernel converts `lsh x` to a
//     32-bit eBPF shift, whose interpreter masks the count with 31 and whose
//     JITs use the CPU's 32-bit shift, which masks the same way on x86 and
//     arm64. x/net uses Go's shift, which gives 0 for counts of 32 and more.
//     Constant shifts of 32 or more are refused at attach time, as here.
//   - NewVM refuses what the kernel refuses: constant division or modulo by
//     zero, constant shifts >= 32, unknown ancillary offsets, and programs
//     that may read a scratch slot before any store to it on some path.
//   - The netlink attribute extensions (SKF_AD_NLATTR, SKF_AD_NLATTR_NEST)
//     search the packet for a netlink attribute as the kernel does
//     (vmNLAttr); x/net does not have them.
//
// A failed load (out of bounds) and a division or modulo by X == 0 end the
// program with verdict 0, as in both the kernel and x/net.

// Linux classic BPF limits and special offsets (include/uapi/linux/filter.h).
const (
	vmMaxInsns  = 4096      // BPF_MAXINSNS
	vmMemWords  = 16        // BPF_MEMWORDS
	vmNetOff    = -0x100000 // SKF_NET_OFF
	vmLLOff     = -0x200000 // SKF_LL_OFF
	vmAncOff    = -0x1000   // SKF_AD_OFF
	vmAncNLAttr = 12        // SKF_AD_NLATTR
	vmAncNLNest = 16        // SKF_AD_NLATTR_NEST
	vmAncXorX   = 40        // SKF_AD_ALU_XOR_X
	vmRetMask   = 0x07      // BPF_CLASS mask
	vmClassRet  = 0x06      // BPF_RET
	vmClassJump = 0x05      // BPF_JMP
)

// Ancillary is the per-packet metadata a Linux socket filter can read with
// ancillary loads (`ld [proto]`, `ldb [vlanp]`, ...). Each field names the
// SKF_AD_* offset that reads it and the sk_buff field it models. The zero
// value describes a packet with no VLAN tag, received on interface 0, with
// the network header at offset 0.
type Ancillary struct {
	Protocol      uint16 // SKF_AD_PROTOCOL: skb->protocol in host order, e.g. 0x0800 (an EtherType)
	PktType       uint8  // SKF_AD_PKTTYPE: skb->pkt_type (PACKET_HOST 0, BROADCAST 1, MULTICAST 2, OTHERHOST 3, OUTGOING 4)
	Ifindex       uint32 // SKF_AD_IFINDEX: index of the interface the packet was received on or sent from
	Mark          uint32 // SKF_AD_MARK: skb->mark (netfilter / SO_MARK)
	Queue         uint16 // SKF_AD_QUEUE: skb->queue_mapping
	Hatype        uint16 // SKF_AD_HATYPE: the device's ARPHRD_* type, e.g. 1 for Ethernet
	RxHash        uint32 // SKF_AD_RXHASH: skb->hash, the flow hash
	CPU           uint32 // SKF_AD_CPU: the CPU running the filter
	VLANTCI       uint16 // SKF_AD_VLAN_TAG: skb->vlan_tci, the offloaded (stripped) VLAN tag
	VLANPresent   bool   // SKF_AD_VLAN_TAG_PRESENT: a VLAN tag was offloaded; loads give 1 or 0
	VLANProto     uint16 // SKF_AD_VLAN_TPID: skb->vlan_proto in host order, e.g. 0x8100
	PayloadOffset uint32 // SKF_AD_PAY_OFFSET: the flow dissector's transport payload offset
	Random        uint32 // SKF_AD_RANDOM: the value prandom would give (fixed here, for reproducible runs)
	NetworkOffset uint32 // not an SKF_AD field: where the network header starts in the packet, for SKF_NET_OFF loads
}

// VM runs one validated classic BPF program. It holds no per-run state, so
// one VM may run packets from several goroutines at once.
type VM struct {
	prog    []bpf.RawInstruction
	libpcap bool
	code    []vmInsn // the decoded form Run executes (vm_decode.go); nil: Run uses run
}

// VMError is a program NewVM or NewVMLibpcap refuses. PC is the index of
// the offending instruction and Insn its "tcpdump -d" text; PC is -1 when
// the error is about the program as a whole (empty, too long).
type VMError struct {
	PC   int    // index of the offending instruction, or -1
	Insn string // the instruction as "tcpdump -d" prints it, or ""
	Msg  string // what is wrong with it
}

// Error returns "cbpf: instruction PC (INSN): MSG", or "cbpf: MSG" when
// PC is -1.
func (e *VMError) Error() string {
	if e.PC < 0 {
		return "cbpf: " + e.Msg
	}
	return fmt.Sprintf("cbpf: instruction %d (%s): %s", e.PC, e.Insn, e.Msg)
}

// vmLibpcapBudget bounds a run in libpcap mode, where backward jumps make
// loops possible.
const vmLibpcapBudget = 1 << 20

// NewVMLibpcap validates prog as libpcap's bpf_validate does for a filter
// applied in user space (pcap_offline_filter, tcpdump -r) and returns a VM
// that runs it as libpcap's bpf_filter does. The differences from NewVM:
// a "ja" may jump backward (its 32-bit offset wraps around, as the loops
// libpcap generates for "protochain" need), scratch slots start at zero
// instead of having to be written before they are read, a shift by X of
// 32 or more gives 0 (NewVM takes X modulo 32), and an indirect load
// whose X+k passes the end of the packet drops it (NewVM wraps X+k around
// to 32 bits, so a large X can reach back into the packet), a load at an
// unknown ancillary offset is accepted and fails when it runs, and the
// program may be longer than the kernel's 4,096 instructions (libpcap's
// bpf_validate sets no limit in user space), and a constant shift of 32 or
// more is accepted and shifts by the count modulo 32, as libpcap's
// bpf_filter does on x86-64 and arm64 (the kernel refuses it).
// A run that has not returned after 2^20 instructions drops the packet.
//
// One difference from bpf_filter is kept on purpose: Linux's extensions
// (the ancillary fields, SKF_LL_OFF and SKF_NET_OFF) read the Ancillary
// given to Run, zero when it is nil, as the kernel reads them, so that a
// program compiled for a live capture (CompileLive) runs as it would in
// the kernel. bpf_filter, whose offsets are unsigned, fails those loads,
// but for "ldb" of the VLAN tag and its presence, which it reads from the
// auxiliary data of a live capture (pcap_offline_filter has none).
func NewVMLibpcap(prog []bpf.Instruction) (*VM, error) {
	return newVM(prog, true)
}

// NewVM validates prog as the Linux kernel does when a classic filter is
// attached and returns a VM for it. A refused program gives a *VMError
// naming the first offending instruction.
func NewVM(prog []bpf.Instruction) (*VM, error) {
	return newVM(prog, false)
}

func newVM(prog []bpf.Instruction, libpcap bool) (*VM, error) {
	if len(prog) == 0 {
		return nil, &VMError{PC: -1, Msg: "empty program"}
	}
	if len(prog) > vmMaxInsns && !libpcap {
		return nil, &VMError{PC: -1, Msg: fmt.Sprintf("program has %d instructions, more than %d", len(prog), vmMaxInsns)}
	}
	raw := make([]bpf.RawInstruction, len(prog))
	for pc, ins := range prog {
		ri, err := ins.Assemble()
		if err != nil {
			return nil, &VMError{PC: pc, Insn: fmt.Sprint(ins), Msg: err.Error()}
		}
		raw[pc] = ri
	}
	n := len(raw)
	for pc, ri := range raw {
		bad := func(format string, args ...any) error {
			return &VMError{PC: pc, Insn: Image(ri, pc), Msg: fmt.Sprintf(format, args...)}
		}
		if _, ok := imgOpcodes[ri.Op]; !ok {
			return nil, bad("unknown opcode 0x%x", ri.Op)
		}
		switch ri.Op {
		case 0x60, 0x61, 0x02, 0x03: // ld/ldx M[k], st/stx M[k]
			if ri.K >= vmMemWords {
				return nil, bad("scratch slot %d out of range", ri.K)
			}
		case 0x34, 0x94: // div #k, mod #k
			if ri.K == 0 {
				return nil, bad("division by constant zero")
			}
		case 0x64, 0x74: // lsh #k, rsh #k
			// libpcap's bpf_validate lets any count through, and its
			// bpf_filter shifts by k as the CPU does (x86-64 and arm64
			// take the count modulo 32).
			if ri.K >= 32 && !libpcap {
				return nil, bad("shift by %d", ri.K)
			}
		case 0x20, 0x28, 0x30: // absolute loads
			// (In libpcap mode any offset goes: libpcap reads k as
			// unsigned, and such a load fails at run time.)
			if int32(ri.K) >= vmAncOff && int32(ri.K) < 0 && !libpcap {
				off := ri.K - ancillaryBase
				if _, ok := imgAncillary[off]; !ok {
					return nil, bad("unknown ancillary offset SKF_AD_OFF+%d", off)
				}
			}
		case 0x05: // ja
			if libpcap {
				if uint32(pc)+1+ri.K >= uint32(n) {
					return nil, bad("jump out of range")
				}
			} else if ri.K >= uint32(n-pc-1) {
				if t := pc + 1 + int(int32(ri.K)); int32(ri.K) < 0 && t >= 0 {
					// protochain's loop: libpcap's interpreter runs it,
					// the kernel's checks refuse it.
					return nil, bad("jump out of range: backward, to instruction %d (protochain's loop), which the kernel refuses and only NewVMLibpcap runs", t)
				}
				return nil, bad("jump out of range")
			}
		}
		if ri.Op&vmRetMask == vmClassJump && ri.Op != 0x05 {
			if pc+int(ri.Jt)+1 >= n || pc+int(ri.Jf)+1 >= n {
				return nil, bad("jump out of range")
			}
		}
	}
	if last := raw[n-1]; last.Op&vmRetMask != vmClassRet {
		return nil, &VMError{PC: n - 1, Insn: Image(last, n-1), Msg: "the last instruction is not a return"}
	}
	if !libpcap {
		if err := vmCheckScratch(raw); err != nil {
			return nil, err
		}
	}
	return &VM{prog: raw, libpcap: libpcap, code: vmDecode(raw, libpcap)}, nil
}

// vmCheckScratch refuses a program that may load a scratch slot before a
// store to it, with the kernel's check_load_and_stores rule: one pass in
// order, where a jump hands the slots known written to its targets and the
// instruction after a jump starts from what its incoming jumps agree on.
// The state is not reset after a return, so code after a return that is
// only reached by jumps is checked against the stores before the return as
// well (conservative, like the kernel); code no jump reaches after a `ja`
// is not checked.
func vmCheckScratch(raw []bpf.RawInstruction) error {
	masks := make([]uint16, len(raw))
	for i := range masks {
		masks[i] = 0xffff
	}
	var valid uint16
	for pc, ri := range raw {
		valid &= masks[pc]
		switch {
		case ri.Op == 0x02 || ri.Op == 0x03:
			valid |= 1 << ri.K
		case ri.Op == 0x60 || ri.Op == 0x61:
			if valid&(1<<ri.K) == 0 {
				return &VMError{PC: pc, Insn: Image(ri, pc), Msg: fmt.Sprintf("scratch slot %d may be read before it is written", ri.K)}
			}
		case ri.Op == 0x05:
			masks[pc+1+int(ri.K)] &= valid
			valid = 0xffff
		case ri.Op&vmRetMask == vmClassJump:
			masks[pc+1+int(ri.Jt)] &= valid
			masks[pc+1+int(ri.Jf)] &= valid
			valid = 0xffff
		}
	}
	return nil
}

// Run runs the program on one packet and returns its verdict: the number
// of bytes to keep, 0 to drop. pkt holds the captured bytes, starting at
// the link-layer header; wireLen is the packet's length on the wire, which
// `ld #pktlen` reads; anc supplies ancillary data (nil means the zero
// Ancillary). Run never panics; it takes at most len(program) steps, or
// 2^20 for a VM made by NewVMLibpcap.
func (vm *VM) Run(pkt []byte, wireLen uint32, anc *Ancillary) uint32 {
	if vm.code != nil {
		return vm.exec(pkt, wireLen, anc)
	}
	verdict, _ := vm.run(pkt, wireLen, anc)
	return verdict
}

// run is the reference interpreter, which runs the raw instructions one at
// a time and also reports how many it executed. Run uses it for the
// programs the decoded form does not hold (vmDecode); the tests compare
// the two.
func (vm *VM) run(pkt []byte, wireLen uint32, anc *Ancillary) (verdict uint32, steps int) {
	return vm.runFrom(0, &vmState{}, pkt, wireLen, anc)
}

// vmState is the state a run goes on from: A, X and the scratch memory.
type vmState struct {
	a, x uint32
	mem  [vmMemWords]uint32
}

// runFrom runs the raw instructions from pc with the state st (which it
// changes): run from the start, or the rest of a run of the decoded form
// (exec) from an instruction it leaves to this interpreter.
func (vm *VM) runFrom(pc int, st *vmState, pkt []byte, wireLen uint32, anc *Ancillary) (verdict uint32, steps int) {
	if anc == nil {
		anc = &vmZeroAncillary
	}
	a, x, mem := st.a, st.x, &st.mem
	prog := vm.prog
	for ; pc < len(prog); pc++ {
		steps++
		if vm.libpcap && steps > vmLibpcapBudget {
			return 0, steps
		}
		ri := prog[pc]
		k := ri.K
		switch ri.Op {
		case 0x06: // ret #k
			return k, steps
		case 0x16: // ret a
			return a, steps
		case 0x00: // ld #k
			a = k
		case 0x01: // ldx #k
			x = k
		case 0x80: // ld #pktlen
			a = wireLen
		case 0x81: // ldx #pktlen
			x = wireLen
		case 0x60:
			a = mem[k]
		case 0x61:
			x = mem[k]
		case 0x02:
			mem[k] = a
		case 0x03:
			mem[k] = x
		case 0x20, 0x28, 0x30: // ld/ldh/ldb [k]
			size := vmLoadSize(ri.Op)
			if int32(k) >= vmAncOff && int32(k) < 0 {
				if vm.libpcap {
					if _, known := imgAncillary[k-ancillaryBase]; !known {
						// Only NewVMLibpcap lets it through; libpcap
						// reads the offset as a huge unsigned one.
						return 0, steps
					}
				}
				a = vmAncillary(k-ancillaryBase, a, x, pkt, anc)
				continue
			}
			v, ok := vmLoad(pkt, anc, int32(k), size)
			if !ok {
				return 0, steps
			}
			a = v
		case 0x40, 0x48, 0x50: // ld/ldh/ldb [x + k]
			if vm.libpcap {
				// libpcap's bpf_filter adds X and k without
				// wrapping around: a sum past the packet drops it.
				size := vmLoadSize(ri.Op)
				if uint64(x)+uint64(k)+uint64(size) > uint64(len(pkt)) {
					return 0, steps
				}
				v, _ := vmLoad(pkt, anc, int32(x+k), size)
				a = v
				continue
			}
			v, ok := vmLoad(pkt, anc, int32(x+k), vmLoadSize(ri.Op))
			if !ok {
				return 0, steps
			}
			a = v
		case 0xb1: // ldxb 4*([k]&0xf)
			v, ok := vmLoad(pkt, anc, int32(k), 1)
			if !ok {
				return 0, steps
			}
			x = 4 * (v & 0xf)
		case 0x07: // tax
			x = a
		case 0x87: // txa
			a = x
		case 0x84: // neg
			a = -a
		case 0x05: // ja
			// The target wraps backward only in libpcap mode; it
			// may be instruction 0, so pc is one before it here.
			pc = int(uint32(pc)+1+k) - 1
		case 0x15, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d:
			operand := k
			if ri.Op&0x08 != 0 {
				operand = x
			}
			if jumpTaken(ri.Op&0xf0, a, operand) {
				pc += int(ri.Jt)
			} else {
				pc += int(ri.Jf)
			}
		default: // ALU; NewVM admitted only known opcodes
			operand := k
			if ri.Op&0x08 != 0 {
				operand = x
			}
			switch ri.Op & 0xf0 {
			case 0x00:
				a += operand
			case 0x10:
				a -= operand
			case 0x20:
				a *= operand
			case 0x30:
				if operand == 0 {
					return 0, steps
				}
				a /= operand
			case 0x90:
				if operand == 0 {
					return 0, steps
				}
				a %= operand
			case 0x40:
				a |= operand
			case 0x50:
				a &= operand
			case 0xa0:
				a ^= operand
			case 0x60, 0x70:
				switch {
				case vm.libpcap && ri.Op&0x08 != 0 && operand >= 32:
					// libpcap's bpf_filter: shifting by X of 32 or
					// more gives 0.
					a = 0
				case ri.Op&0xf0 == 0x60:
					a <<= operand & 31
				default:
					a >>= operand & 31
				}
			}
		}
	}
	return 0, steps // unreachable: NewVM requires a final return
}

// vmLoadSize gives the width in bytes of a load opcode.
func vmLoadSize(op uint16) int {
	switch op & 0x18 {
	case 0x08:
		return 2
	case 0x10:
		return 1
	}
	return 4
}

// vmLoad reads size bytes in network byte order at off, which is a packet
// offset when non-negative and SKF_LL_OFF/SKF_NET_OFF relative otherwise.
func vmLoad(pkt []byte, anc *Ancillary, off int32, size int) (uint32, bool) {
	var start int64
	switch {
	case off >= 0:
		start = int64(off)
	case off >= vmNetOff:
		start = int64(anc.NetworkOffset) + int64(off) - vmNetOff
	case off >= vmLLOff:
		start = int64(off) - vmLLOff
	default:
		return 0, false
	}
	if start < 0 || start+int64(size) > int64(len(pkt)) {
		return 0, false
	}
	b := pkt[start : start+int64(size)]
	switch size {
	case 1:
		return uint32(b[0]), true
	case 2:
		return uint32(binary.BigEndian.Uint16(b)), true
	}
	return binary.BigEndian.Uint32(b), true
}

// vmAncillary gives the value of the ancillary field at SKF_AD_OFF+off;
// the value is the same for ld, ldh and ldb, as in the kernel.
func vmAncillary(off uint32, a, x uint32, pkt []byte, anc *Ancillary) uint32 {
	switch off {
	case vmAncXorX:
		return a ^ x
	case vmAncNLAttr:
		return vmNLAttr(pkt, a, x, false)
	case vmAncNLNest:
		return vmNLAttr(pkt, a, x, true)
	}
	if i := off / 4; i < uint32(len(ancFields)) && ancFields[i] != nil {
		return ancFields[i](anc)
	}
	return a // not reached: NewVM admits only the offsets above
}

// vmNLAttr gives what the kernel's netlink attribute extensions give
// (bpf_skb_get_nlattr and bpf_skb_get_nlattr_nest in net/core/filter.c):
// the offset in pkt of the first attribute of type X (the type without its
// nested and byte-order flags) among the netlink attributes from offset A
// on (nest false), or among those nested in the attribute at offset A
// (nest true), and 0 when there is none or A leaves no room for an
// attribute header. Attribute headers are read in little-endian order, as
// on the little-endian hosts (x86-64, arm64) where the kernel reads them
// in host order; pkt stands for the whole packet (skb->len).
func vmNLAttr(pkt []byte, a, x uint32, nest bool) uint32 {
	const hdr = 4 // struct nlattr: nla_len, nla_type
	n := int64(len(pkt))
	if n < hdr || int64(a) > n-hdr {
		return 0
	}
	attrLen := func(p int64) int64 { return int64(binary.LittleEndian.Uint16(pkt[p:])) }
	// ok is the kernel's nla_ok: a whole attribute at p within rem bytes.
	ok := func(p, rem int64) bool { return rem >= hdr && attrLen(p) >= hdr && attrLen(p) <= rem }
	p, rem := int64(a), n-int64(a)
	if nest {
		if !ok(p, rem) {
			return 0
		}
		p, rem = p+hdr, attrLen(p)-hdr
	}
	for ; ok(p, rem); p, rem = p+(attrLen(p)+3)&^3, rem-(attrLen(p)+3)&^3 {
		if uint32(binary.LittleEndian.Uint16(pkt[p+2:])&0x3fff) == x {
			return uint32(p)
		}
	}
	return 0
}

// ancFields gives the ancillary fields by their offset from SKF_AD_OFF,
// divided by 4 (vmAncillary adds SKF_AD_ALU_XOR_X, which reads A and X).
var ancFields = [16]func(*Ancillary) uint32{
	0:  func(anc *Ancillary) uint32 { return uint32(anc.Protocol) },
	1:  func(anc *Ancillary) uint32 { return uint32(anc.PktType) },
	2:  func(anc *Ancillary) uint32 { return anc.Ifindex },
	5:  func(anc *Ancillary) uint32 { return anc.Mark },
	6:  func(anc *Ancillary) uint32 { return uint32(anc.Queue) },
	7:  func(anc *Ancillary) uint32 { return uint32(anc.Hatype) },
	8:  func(anc *Ancillary) uint32 { return anc.RxHash },
	9:  func(anc *Ancillary) uint32 { return anc.CPU },
	11: func(anc *Ancillary) uint32 { return uint32(anc.VLANTCI) },
	12: func(anc *Ancillary) uint32 {
		if anc.VLANPresent {
			return 1
		}
		return 0
	},
	13: func(anc *Ancillary) uint32 { return anc.PayloadOffset },
	14: func(anc *Ancillary) uint32 { return anc.Random },
	15: func(anc *Ancillary) uint32 { return uint32(anc.VLANProto) },
}

package cbpf

import "golang.org/x/net/bpf"

// This file holds the form VM.Run executes: the validated program decoded
// once, when the VM is made, into instructions that each do one fixed
// thing. The decoding settles at build time what the reference
// interpreter (VM.run) works out at every step:
//
//   - the operation is one dense byte (vmOp), so the loop is one jump table;
//   - jump targets are absolute instruction indexes;
//   - an absolute load is split by its offset: a plain packet load (the
//     offset checked against the packet once, in the operation), a load
//     relative to the link-layer header (a plain load at a fixed offset),
//     one relative to the network header, an ancillary load, or a load
//     that always fails (a return of 0);
//   - the two modes' differences (indirect loads and shifts by X) are
//     separate operations, so the loop never tests the mode;
//   - an absolute or length load followed by a comparison with a constant
//     (and, in libpcap mode, a 1- or 2-byte indirect load followed by jeq)
//     is one fused instruction: it loads A, compares and jumps, as the two
//     would. The comparison keeps its own slot, for jumps that reach it.
//
// The loop (exec) allocates nothing and calls nothing: it leaves the rare
// loads that need the Ancillary or a negative offset, and the rest of the
// run, to the reference interpreter (VM.runFrom). The tests run every
// program both ways (vm_decode_test.go, FuzzVM).
//
// A program the decoded form cannot hold without changing what a run does
// keeps running in VM.run: one with a backward jump (libpcap mode only),
// whose run must count its steps against the budget, or one of more than
// 32,767 instructions (a target is 15 bits and a flag, vmRetFlag).

// vmOp is the operation of a decoded instruction.
type vmOp uint8

// The decoded operations. K is vmInsn.k, C vmInsn.c, T and F the jump
// targets vmInsn.jt and vmInsn.jf.
const (
	opRetK    vmOp = iota // return K
	opRetA                // return A
	opLdK                 // A = K
	opLdxK                // X = K
	opLdLen               // A = wire length
	opLdxLen              // X = wire length
	opLdMem               // A = M[K]
	opLdxMem              // X = M[K]
	opSt                  // M[K] = A
	opStx                 // M[K] = X
	opLdW                 // A = 4 packet bytes at K (K < 2^31)
	opLdH                 // A = 2 packet bytes at K
	opLdB                 // A = the packet byte at K
	opLdNet               // A = C bytes at the network offset + K (SKF_NET_OFF)
	opLdAnc               // A = the ancillary field at SKF_AD_OFF+K
	opLdIndW              // A = 4 bytes at X+K, wrapping to 32 bits (kernel)
	opLdIndH              // A = 2 bytes at X+K, wrapping (kernel)
	opLdIndB              // A = 1 byte at X+K, wrapping (kernel)
	opLdIndPW             // A = 4 bytes at X+K, not wrapping (libpcap)
	opLdIndPH             // A = 2 bytes at X+K, not wrapping (libpcap)
	opLdIndPB             // A = 1 byte at X+K, not wrapping (libpcap)
	opMsh                 // X = 4*(packet byte at K & 0xf) (K < 2^31)
	opMshSlow             // the same at a negative offset K (SKF_LL_OFF, SKF_NET_OFF)
	opTax                 // X = A
	opTxa                 // A = X
	opNeg                 // A = -A
	opAddK                // A += K
	opSubK                // A -= K
	opMulK                // A *= K
	opDivK                // A /= K (K != 0)
	opModK                // A %= K (K != 0)
	opOrK                 // A |= K
	opAndK                // A &= K
	opXorK                // A ^= K
	opLshK                // A <<= K (K < 32)
	opRshK                // A >>= K (K < 32)
	opAddX                // A += X
	opSubX                // A -= X
	opMulX                // A *= X
	opDivX                // A /= X, return 0 when X == 0
	opModX                // A %= X, return 0 when X == 0
	opOrX                 // A |= X
	opAndX                // A &= X
	opXorX                // A ^= X
	opLshX                // A <<= X&31 (kernel)
	opRshX                // A >>= X&31 (kernel)
	opLshXP               // A <<= X, 0 when X >= 32 (libpcap)
	opRshXP               // A >>= X, 0 when X >= 32 (libpcap)
	opJa                  // go to T
	opJeqK                // A == K ? T : F
	opJgtK                // A > K ? T : F
	opJgeK                // A >= K ? T : F
	opJsetK               // A&K != 0 ? T : F
	opJeqX                // A == X ? T : F
	opJgtX                // A > X ? T : F
	opJgeX                // A >= X ? T : F
	opJsetX               // A&X != 0 ? T : F
	// Fused: a load into A, then a comparison of A with C.
	opLdWJeq    // A = 4 bytes at K; A == C ? T : F
	opLdWJgt    // A = 4 bytes at K; A > C ? T : F
	opLdWJge    // A = 4 bytes at K; A >= C ? T : F
	opLdWJset   // A = 4 bytes at K; A&C != 0 ? T : F
	opLdHJeq    // A = 2 bytes at K; A == C ? T : F
	opLdHJgt    // A = 2 bytes at K; A > C ? T : F
	opLdHJge    // A = 2 bytes at K; A >= C ? T : F
	opLdHJset   // A = 2 bytes at K; A&C != 0 ? T : F
	opLdBJeq    // A = the byte at K; A == C ? T : F
	opLdBJgt    // A = the byte at K; A > C ? T : F
	opLdBJge    // A = the byte at K; A >= C ? T : F
	opLdBJset   // A = the byte at K; A&C != 0 ? T : F
	opLenJeq    // A = wire length; A == C ? T : F
	opLenJgt    // A = wire length; A > C ? T : F
	opLenJge    // A = wire length; A >= C ? T : F
	opLenJset   // A = wire length; A&C != 0 ? T : F
	opLdIndHJeq // A = 2 bytes at X+K (libpcap); A == C ? T : F
	opLdIndBJeq // A = 1 byte at X+K (libpcap); A == C ? T : F
	// A jeq #K whose false target is a jeq #C (of A, as every comparison):
	// A == K ? T : A == C ? T2 : F.
	opJeq2K

	opNone vmOp = 255 // not an operation: the last value, for exec's jump table
)

// vmInsn is one decoded instruction (16 bytes).
type vmInsn struct {
	op     vmOp
	size   uint8  // opLdNet, opMshSlow: the load's width in bytes
	jt, jf uint16 // jump targets, absolute
	jt2    uint16 // opJeq2K: the target when A == C
	k      uint32
	c      uint32 // fused comparisons: the constant compared with
}

// vmDecodeMax is the longest program the decoded form holds: a jump target
// is an index below vmRetFlag.
const vmDecodeMax = vmRetFlag

// vmRetFlag marks a jump target that is a `ret #k`: the run returns its k
// at once, without dispatching it (the index is the target's, flag
// cleared).
const vmRetFlag = 1 << 15

// vmDecode decodes a program newVM validated, or returns nil when it must
// run in the reference interpreter.
func vmDecode(raw []bpf.RawInstruction, libpcap bool) []vmInsn {
	if len(raw) >= vmDecodeMax {
		return nil
	}
	code := make([]vmInsn, len(raw))
	for pc, ri := range raw {
		in := &code[pc]
		k := ri.K
		in.k = k
		switch ri.Op {
		case 0x06:
			in.op = opRetK
		case 0x16:
			in.op = opRetA
		case 0x00:
			in.op = opLdK
		case 0x01:
			in.op = opLdxK
		case 0x80:
			in.op = opLdLen
		case 0x81:
			in.op = opLdxLen
		case 0x60:
			in.op = opLdMem
		case 0x61:
			in.op = opLdxMem
		case 0x02:
			in.op = opSt
		case 0x03:
			in.op = opStx
		case 0x20, 0x28, 0x30:
			size := vmLoadSize(ri.Op)
			off := int32(k)
			switch {
			case off >= 0:
				in.op = [...]vmOp{4: opLdW, 2: opLdH, 1: opLdB}[size]
			case off >= vmAncOff:
				in.op = opLdAnc
				in.k = k - ancillaryBase
			case off >= vmNetOff:
				in.op, in.size, in.k = opLdNet, uint8(size), uint32(off-vmNetOff)
			case off >= vmLLOff:
				// Relative to the link-layer header, which is
				// where the packet starts: a plain load.
				in.op = [...]vmOp{4: opLdW, 2: opLdH, 1: opLdB}[size]
				in.k = uint32(off - vmLLOff)
			default:
				// Below SKF_LL_OFF: the load always fails.
				in.op, in.k = opRetK, 0
			}
		case 0x40, 0x48, 0x50:
			size := vmLoadSize(ri.Op)
			if libpcap {
				in.op = [...]vmOp{4: opLdIndPW, 2: opLdIndPH, 1: opLdIndPB}[size]
			} else {
				in.op = [...]vmOp{4: opLdIndW, 2: opLdIndH, 1: opLdIndB}[size]
			}
		case 0xb1:
			in.op = opMsh
			if int32(k) < 0 {
				in.op, in.size = opMshSlow, 1
			}
		case 0x07:
			in.op = opTax
		case 0x87:
			in.op = opTxa
		case 0x84:
			in.op = opNeg
		case 0x05:
			to := uint32(pc) + 1 + k
			if to <= uint32(pc) {
				// A backward jump (NewVMLibpcap): the run must
				// count its steps, which VM.run does.
				return nil
			}
			in.op, in.jt = opJa, uint16(to)
		case 0x15, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d:
			in.op = map[uint16]vmOp{
				0x15: opJeqK, 0x25: opJgtK, 0x35: opJgeK, 0x45: opJsetK,
				0x1d: opJeqX, 0x2d: opJgtX, 0x3d: opJgeX, 0x4d: opJsetX,
			}[ri.Op]
			in.jt = uint16(pc + 1 + int(ri.Jt))
			in.jf = uint16(pc + 1 + int(ri.Jf))
		default:
			op, ok := vmALUOps[ri.Op]
			if !ok {
				return nil // not reached: newVM admits only known opcodes
			}
			if libpcap {
				switch op {
				case opLshX:
					op = opLshXP
				case opRshX:
					op = opRshXP
				}
			}
			in.op = op
		}
	}
	// Fuse loads with the comparison after them.
	for pc := 0; pc+1 < len(code); pc++ {
		in, next := &code[pc], code[pc+1]
		var base vmOp
		switch in.op {
		case opLdW:
			base = opLdWJeq
		case opLdH:
			base = opLdHJeq
		case opLdB:
			base = opLdBJeq
		case opLdLen:
			base = opLenJeq
		case opLdIndPH, opLdIndPB:
			if next.op == opJeqK {
				in.op = map[vmOp]vmOp{opLdIndPH: opLdIndHJeq, opLdIndPB: opLdIndBJeq}[in.op]
				in.c, in.jt, in.jf = next.k, next.jt, next.jf
			}
			continue
		default:
			continue
		}
		switch next.op {
		case opJeqK, opJgtK, opJgeK, opJsetK:
			in.op = base + next.op - opJeqK
			in.c, in.jt, in.jf = next.k, next.jt, next.jf
		}
	}
	// Two equality tests in one: a jeq #K whose false target is another
	// (libpcap's `jeq #0x8100; jeq #0x88a8; jeq #0x9100` for vlan). The
	// targets are forward, so the second is not merged yet itself.
	for pc := range code {
		in := &code[pc]
		if next := code[in.jf]; in.op == opJeqK && next.op == opJeqK {
			in.op, in.c, in.jt2, in.jf = opJeq2K, next.k, next.jt, next.jf
		}
	}
	// Resolve the jumps to returns of a constant.
	for pc := range code {
		in := &code[pc]
		if in.op < opJa {
			continue
		}
		for _, t := range []*uint16{&in.jt, &in.jf, &in.jt2} {
			if in.op == opJa && t != &in.jt || in.op != opJeq2K && t == &in.jt2 {
				continue
			}
			if code[*t].op == opRetK {
				*t |= vmRetFlag
			}
		}
	}
	return code
}

// vmALUOps maps the ALU opcodes to their decoded operations (the kernel's
// shifts by X; libpcap mode swaps in its own).
var vmALUOps = map[uint16]vmOp{
	0x04: opAddK, 0x14: opSubK, 0x24: opMulK, 0x34: opDivK, 0x94: opModK,
	0x44: opOrK, 0x54: opAndK, 0xa4: opXorK, 0x64: opLshK, 0x74: opRshK,
	0x0c: opAddX, 0x1c: opSubX, 0x2c: opMulX, 0x3c: opDivX, 0x9c: opModX,
	0x4c: opOrX, 0x5c: opAndX, 0xac: opXorX, 0x6c: opLshX, 0x7c: opRshX,
}

// vmZeroAncillary is what a nil *Ancillary reads as.
var vmZeroAncillary Ancillary

// exec runs the decoded program on one packet.
func (vm *VM) exec(pkt []byte, wireLen uint32, anc *Ancillary) uint32 {
	code := vm.code
	var a, x uint32
	var mem [vmMemWords]uint32
	pc := 0
	for {
		in := &code[pc]
		pc++
		switch in.op {
		case opRetK:
			return in.k
		case opRetA:
			return a
		case opLdK:
			a = in.k
		case opLdxK:
			x = in.k
		case opLdLen:
			a = wireLen
		case opLdxLen:
			x = wireLen
		case opLdMem:
			a = mem[in.k&(vmMemWords-1)]
		case opLdxMem:
			x = mem[in.k&(vmMemWords-1)]
		case opSt:
			mem[in.k&(vmMemWords-1)] = a
		case opStx:
			mem[in.k&(vmMemWords-1)] = x
		case opLdW:
			off := int(in.k)
			if off > len(pkt)-4 {
				return 0
			}
			a = uint32(pkt[off])<<24 | uint32(pkt[off+1])<<16 | uint32(pkt[off+2])<<8 | uint32(pkt[off+3])
		case opLdH:
			off := int(in.k)
			if off > len(pkt)-2 {
				return 0
			}
			a = uint32(pkt[off])<<8 | uint32(pkt[off+1])
		case opLdB:
			off := int(in.k)
			if off >= len(pkt) {
				return 0
			}
			a = uint32(pkt[off])
		case opLdNet, opLdAnc, opMshSlow:
			goto slow
		case opLdIndW:
			off := int32(x + in.k)
			if off < 0 {
				goto slow
			}
			o := int(off)
			if o > len(pkt)-4 {
				return 0
			}
			a = uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
		case opLdIndH:
			off := int32(x + in.k)
			if off < 0 {
				goto slow
			}
			o := int(off)
			if o > len(pkt)-2 {
				return 0
			}
			a = uint32(pkt[o])<<8 | uint32(pkt[o+1])
		case opLdIndB:
			off := int32(x + in.k)
			if off < 0 {
				goto slow
			}
			o := int(off)
			if o >= len(pkt) {
				return 0
			}
			a = uint32(pkt[o])
		case opLdIndPW:
			s := uint64(x) + uint64(in.k)
			if s+4 > uint64(len(pkt)) {
				return 0
			}
			o := int(s)
			a = uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
		case opLdIndPH:
			s := uint64(x) + uint64(in.k)
			if s+2 > uint64(len(pkt)) {
				return 0
			}
			o := int(s)
			a = uint32(pkt[o])<<8 | uint32(pkt[o+1])
		case opLdIndPB:
			s := uint64(x) + uint64(in.k)
			if s >= uint64(len(pkt)) {
				return 0
			}
			a = uint32(pkt[int(s)])
		case opMsh:
			off := int(in.k)
			if off >= len(pkt) {
				return 0
			}
			x = 4 * uint32(pkt[off]&0xf)
		case opTax:
			x = a
		case opTxa:
			a = x
		case opNeg:
			a = -a
		case opAddK:
			a += in.k
		case opSubK:
			a -= in.k
		case opMulK:
			a *= in.k
		case opDivK:
			a /= in.k
		case opModK:
			a %= in.k
		case opOrK:
			a |= in.k
		case opAndK:
			a &= in.k
		case opXorK:
			a ^= in.k
		case opLshK:
			a <<= in.k & 31
		case opRshK:
			a >>= in.k & 31
		case opAddX:
			a += x
		case opSubX:
			a -= x
		case opMulX:
			a *= x
		case opDivX:
			if x == 0 {
				return 0
			}
			a /= x
		case opModX:
			if x == 0 {
				return 0
			}
			a %= x
		case opOrX:
			a |= x
		case opAndX:
			a &= x
		case opXorX:
			a ^= x
		case opLshX:
			a <<= x & 31
		case opRshX:
			a >>= x & 31
		case opLshXP:
			a <<= x // Go gives 0 for counts of 32 and more, as libpcap does
		case opRshXP:
			a >>= x
		case opJa:
			if pc = int(in.jt); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJeqK:
			if pc = vmBranch(a == in.k, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJgtK:
			if pc = vmBranch(a > in.k, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJgeK:
			if pc = vmBranch(a >= in.k, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJsetK:
			if pc = vmBranch(a&in.k != 0, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJeqX:
			if pc = vmBranch(a == x, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJgtX:
			if pc = vmBranch(a > x, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJgeX:
			if pc = vmBranch(a >= x, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJsetX:
			if pc = vmBranch(a&x != 0, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdWJeq, opLdWJgt, opLdWJge, opLdWJset:
			off := int(in.k)
			if off > len(pkt)-4 {
				return 0
			}
			a = uint32(pkt[off])<<24 | uint32(pkt[off+1])<<16 | uint32(pkt[off+2])<<8 | uint32(pkt[off+3])
			if pc = vmCompare(in.op-opLdWJeq, a, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdHJeq:
			off := int(in.k)
			if off > len(pkt)-2 {
				return 0
			}
			a = uint32(pkt[off])<<8 | uint32(pkt[off+1])
			if pc = vmBranch(a == in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdHJgt, opLdHJge, opLdHJset:
			off := int(in.k)
			if off > len(pkt)-2 {
				return 0
			}
			a = uint32(pkt[off])<<8 | uint32(pkt[off+1])
			if pc = vmCompare(in.op-opLdHJeq, a, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdBJeq:
			off := int(in.k)
			if off >= len(pkt) {
				return 0
			}
			a = uint32(pkt[off])
			if pc = vmBranch(a == in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdBJgt, opLdBJge, opLdBJset:
			off := int(in.k)
			if off >= len(pkt) {
				return 0
			}
			a = uint32(pkt[off])
			if pc = vmCompare(in.op-opLdBJeq, a, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLenJeq:
			a = wireLen
			if pc = vmBranch(a == in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLenJgt:
			a = wireLen
			if pc = vmBranch(a > in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLenJge:
			a = wireLen
			if pc = vmBranch(a >= in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLenJset:
			a = wireLen
			if pc = vmBranch(a&in.c != 0, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdIndHJeq:
			s := uint64(x) + uint64(in.k)
			if s+2 > uint64(len(pkt)) {
				return 0
			}
			o := int(s)
			a = uint32(pkt[o])<<8 | uint32(pkt[o+1])
			if pc = vmBranch(a == in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opLdIndBJeq:
			s := uint64(x) + uint64(in.k)
			if s >= uint64(len(pkt)) {
				return 0
			}
			a = uint32(pkt[int(s)])
			if pc = vmBranch(a == in.c, in); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opJeq2K:
			t := in.jf
			if a == in.k {
				t = in.jt
			} else if a == in.c {
				t = in.jt2
			}
			if pc = int(t); pc >= vmRetFlag {
				return code[pc-vmRetFlag].k
			}
		case opNone: // 255: with it the switch needs no range check
			return 0
		default:
			return 0 // not reached: vmDecode writes only the operations above
		}
	}
slow:
	// The loads that call out (SKF_NET_OFF, ancillary, negative offsets):
	// the reference interpreter runs the rest of the run from this
	// instruction, so that the loop above calls nothing and the register
	// allocator keeps A, X and pc in registers.
	st := vmState{a: a, x: x, mem: mem}
	verdict, _ := vm.runFrom(pc-1, &st, pkt, wireLen, anc)
	return verdict
}

// vmBranch gives the instruction to go to after a comparison.
func vmBranch(cond bool, in *vmInsn) int {
	if cond {
		return int(in.jt)
	}
	return int(in.jf)
}

// vmCompare compares a with in.c as the fused comparison cmp (0 jeq, 1 jgt,
// 2 jge, 3 jset) and gives the instruction to go to.
func vmCompare(cmp vmOp, a uint32, in *vmInsn) int {
	var cond bool
	switch cmp {
	case 0:
		cond = a == in.c
	case 1:
		cond = a > in.c
	case 2:
		cond = a >= in.c
	default:
		cond = a&in.c != 0
	}
	return vmBranch(cond, in)
}

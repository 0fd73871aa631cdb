package ebpf

import (
	"fmt"
	"math/bits"
)

// runKind says which of Run, RunSocket and RunXDP a run of the fast form is
// for, and so what its data slice is.
type runKind uint8

const (
	runMem    runKind = iota // Run: data is the writable memory region; no context
	runSocket                // RunSocket: data is the read-only packet; __sk_buff context
	runXDP                   // RunXDP: data is the writable packet; xdp_md context
)

// run describes the memory of one run of the fast form, for the accesses it
// makes out of line. A nil skb of a socket run stands for an SKBuff whose Len
// is len(data) and whose other fields are zero.
type run struct {
	data []byte // the packet (regionPacket) or, for runMem, the memory (regionMem)
	kind runKind
	skb  *SKBuff
	xdp  *XDPMD
}

// fastExec runs the fast form (fast.go) over data with exec's semantics,
// without counting the budget (programs with a fast form cannot exhaust it)
// and without call frames (they make no local call). Loads of data are
// checked inline; every other memory access goes out of line through loadAny
// and storeAny, which check it against the region it falls in.
//
// Run, RunSocket and RunXDP call it for every program, and it hands those
// without a fast form to exec (through run, runSocket and runXDP): that way
// they make one call and are small enough to be inlined into their callers.
// It takes its arguments one by one, not in a run, for the same reason.
func (vm *VM) fastExec(data []byte, kind runKind, skb *SKBuff, xdp *XDPMD) (uint64, error) {
	f := vm.fast
	if f == nil {
		switch kind {
		case runSocket:
			return vm.runSocket(data, skb)
		case runXDP:
			return vm.runXDP(data, xdp)
		}
		return vm.run(data)
	}
	if vm.stackDirty < uint64(len(vm.stack)) {
		vm.clearStack()
	}
	// The registers at the start: after the prologue (fast.go) in
	// RunSocket and RunXDP, as exec has them in Run.
	st := &f.entry[kind&3]
	r := st.regs // r0-r10, and regZero; indexes are masked with 15 so they need no bounds check
	pc := st.start
	dataRegion := uint64(regionPacket)
	if kind == runMem {
		dataRegion = regionMem
		r[2] = uint64(len(data))
	} else if st.hasEnd {
		r[st.endReg&15] = packetBase + uint64(len(data))
	}
	var rn run // for the accesses made out of line; set field by field, as a literal is built aside and copied
	rn.data, rn.kind, rn.skb, rn.xdp = data, kind, skb, xdp
	insts := f.insts
	pkt := data // what LD_ABS/LD_IND read: the packet, or Run's memory
	for {
		in := &insts[pc]
		pc++
		if in.op == opRetK {
			// Every run ends here or at exit: tested apart from the
			// switch, it is a branch the processor predicts on its own.
			return in.imm, nil
		}
		switch in.op {
		// 64-bit ALU.
		case opAdd64K:
			r[in.dst&15] += in.imm
		case opAdd64X:
			r[in.dst&15] += r[in.src&15]
		case opSub64K:
			r[in.dst&15] -= in.imm
		case opSub64X:
			r[in.dst&15] -= r[in.src&15]
		case opMul64K:
			r[in.dst&15] *= in.imm
		case opMul64X:
			r[in.dst&15] *= r[in.src&15]
		case opDiv64K:
			r[in.dst&15] = div64(r[in.dst&15], in.imm)
		case opDiv64X:
			r[in.dst&15] = div64(r[in.dst&15], r[in.src&15])
		case opSDiv64K:
			r[in.dst&15] = sdiv64(r[in.dst&15], in.imm)
		case opSDiv64X:
			r[in.dst&15] = sdiv64(r[in.dst&15], r[in.src&15])
		case opOr64K:
			r[in.dst&15] |= in.imm
		case opOr64X:
			r[in.dst&15] |= r[in.src&15]
		case opAnd64K:
			r[in.dst&15] &= in.imm
		case opAnd64X:
			r[in.dst&15] &= r[in.src&15]
		case opLsh64K:
			r[in.dst&15] <<= in.imm
		case opLsh64X:
			r[in.dst&15] <<= r[in.src&15] & 63
		case opRsh64K:
			r[in.dst&15] >>= in.imm
		case opRsh64X:
			r[in.dst&15] >>= r[in.src&15] & 63
		case opNeg64:
			r[in.dst&15] = -r[in.dst&15]
		case opMod64K:
			r[in.dst&15] = mod64(r[in.dst&15], in.imm)
		case opMod64X:
			r[in.dst&15] = mod64(r[in.dst&15], r[in.src&15])
		case opSMod64K:
			r[in.dst&15] = smod64(r[in.dst&15], in.imm)
		case opSMod64X:
			r[in.dst&15] = smod64(r[in.dst&15], r[in.src&15])
		case opXor64K:
			r[in.dst&15] ^= in.imm
		case opXor64X:
			r[in.dst&15] ^= r[in.src&15]
		case opMov64K:
			r[in.dst&15] = in.imm
		case opMov64X:
			r[in.dst&15] = r[in.src&15]
		case opMovSX64B:
			r[in.dst&15] = uint64(int64(int8(r[in.src&15])))
		case opMovSX64H:
			r[in.dst&15] = uint64(int64(int16(r[in.src&15])))
		case opMovSX64W:
			r[in.dst&15] = uint64(int64(int32(r[in.src&15])))
		case opArsh64K:
			r[in.dst&15] = uint64(int64(r[in.dst&15]) >> in.imm)
		case opArsh64X:
			r[in.dst&15] = uint64(int64(r[in.dst&15]) >> (r[in.src&15] & 63))

		// 32-bit ALU.
		case opAdd32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) + uint32(in.imm))
		case opAdd32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) + uint32(r[in.src&15]))
		case opSub32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) - uint32(in.imm))
		case opSub32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) - uint32(r[in.src&15]))
		case opMul32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) * uint32(in.imm))
		case opMul32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) * uint32(r[in.src&15]))
		case opDiv32K:
			r[in.dst&15] = uint64(div32(uint32(r[in.dst&15]), uint32(in.imm)))
		case opDiv32X:
			r[in.dst&15] = uint64(div32(uint32(r[in.dst&15]), uint32(r[in.src&15])))
		case opSDiv32K:
			r[in.dst&15] = uint64(sdiv32(uint32(r[in.dst&15]), uint32(in.imm)))
		case opSDiv32X:
			r[in.dst&15] = uint64(sdiv32(uint32(r[in.dst&15]), uint32(r[in.src&15])))
		case opOr32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) | uint32(in.imm))
		case opOr32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) | uint32(r[in.src&15]))
		case opAnd32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) & uint32(in.imm))
		case opAnd32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) & uint32(r[in.src&15]))
		case opLsh32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) << in.imm)
		case opLsh32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) << (r[in.src&15] & 31))
		case opRsh32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) >> in.imm)
		case opRsh32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) >> (r[in.src&15] & 31))
		case opNeg32:
			r[in.dst&15] = uint64(-uint32(r[in.dst&15]))
		case opMod32K:
			r[in.dst&15] = uint64(mod32(uint32(r[in.dst&15]), uint32(in.imm)))
		case opMod32X:
			r[in.dst&15] = uint64(mod32(uint32(r[in.dst&15]), uint32(r[in.src&15])))
		case opSMod32K:
			r[in.dst&15] = uint64(smod32(uint32(r[in.dst&15]), uint32(in.imm)))
		case opSMod32X:
			r[in.dst&15] = uint64(smod32(uint32(r[in.dst&15]), uint32(r[in.src&15])))
		case opXor32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) ^ uint32(in.imm))
		case opXor32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) ^ uint32(r[in.src&15]))
		case opMov32K:
			r[in.dst&15] = uint64(uint32(in.imm))
		case opMov32X:
			r[in.dst&15] = uint64(uint32(r[in.src&15]))
		case opMovSX32B:
			r[in.dst&15] = uint64(uint32(int32(int8(r[in.src&15]))))
		case opMovSX32H:
			r[in.dst&15] = uint64(uint32(int32(int16(r[in.src&15]))))
		case opArsh32K:
			r[in.dst&15] = uint64(uint32(int32(r[in.dst&15]) >> in.imm))
		case opArsh32X:
			r[in.dst&15] = uint64(uint32(int32(r[in.dst&15]) >> (r[in.src&15] & 31)))

		// Byte order.
		case opLE16:
			r[in.dst&15] = uint64(uint16(r[in.dst&15]))
		case opLE32:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]))
		case opLE64:
		case opSwap16:
			r[in.dst&15] = uint64(bits.ReverseBytes16(uint16(r[in.dst&15])))
		case opSwap32:
			r[in.dst&15] = uint64(bits.ReverseBytes32(uint32(r[in.dst&15])))
		case opSwap64:
			r[in.dst&15] = bits.ReverseBytes64(r[in.dst&15])

		// Loads from memory: the packet region inline, the rest out of line.
		case opLdxB:
			a := r[in.src&15] + uint64(int64(in.off))
			if p, o := data, a&0xffffffff; a>>32 == dataRegion && o < uint64(len(p)) {
				r[in.dst&15] = uint64(p[o])
			} else if v, err := vm.loadAny(&rn, a, 1); err == nil {
				r[in.dst&15] = v
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
		case opLdxH:
			a := r[in.src&15] + uint64(int64(in.off))
			if p, o := data, a&0xffffffff; a>>32 == dataRegion && o+2 <= uint64(len(p)) {
				r[in.dst&15] = uint64(p[o]) | uint64(p[o+1])<<8
			} else if v, err := vm.loadAny(&rn, a, 2); err == nil {
				r[in.dst&15] = v
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
		case opLdxW:
			a := r[in.src&15] + uint64(int64(in.off))
			if p, o := data, a&0xffffffff; a>>32 == dataRegion && o+4 <= uint64(len(p)) {
				r[in.dst&15] = uint64(le.Uint32(p[o:]))
			} else if v, err := vm.loadAny(&rn, a, 4); err == nil {
				r[in.dst&15] = v
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
		case opLdxHBE:
			a := r[in.src&15] + uint64(int64(in.off))
			if p, o := data, a&0xffffffff; a>>32 == dataRegion && o+2 <= uint64(len(p)) {
				r[in.dst&15] = uint64(p[o])<<8 | uint64(p[o+1])
			} else if v, err := vm.loadAny(&rn, a, 2); err == nil {
				r[in.dst&15] = uint64(bits.ReverseBytes16(uint16(v)))
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
			pc++
		case opLdxWBE:
			a := r[in.src&15] + uint64(int64(in.off))
			if p, o := data, a&0xffffffff; a>>32 == dataRegion && o+4 <= uint64(len(p)) {
				r[in.dst&15] = uint64(bits.ReverseBytes32(le.Uint32(p[o:])))
			} else if v, err := vm.loadAny(&rn, a, 4); err == nil {
				r[in.dst&15] = uint64(bits.ReverseBytes32(uint32(v)))
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
			pc++
		case opLdxDW, opLdxSB, opLdxSH, opLdxSW:
			a := r[in.src&15] + uint64(int64(in.off))
			v, err := vm.loadAny(&rn, a, loadSize(in.op))
			if err != nil {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
			switch in.op {
			case opLdxSB:
				v = uint64(int64(int8(v)))
			case opLdxSH:
				v = uint64(int64(int16(v)))
			case opLdxSW:
				v = uint64(int64(int32(v)))
			}
			r[in.dst&15] = v

		// Stores, all out of line.
		case opStB, opStH, opStW, opStDW:
			if err := vm.storeAny(&rn, r[in.dst&15]+uint64(int64(in.off)), storeSize(in.op), in.imm); err != nil {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
		case opStxB, opStxH, opStxW, opStxDW:
			if err := vm.storeAny(&rn, r[in.dst&15]+uint64(int64(in.off)), storeSize(in.op), r[in.src&15]); err != nil {
				return 0, &RunError{PC: pc - 1, Err: err}
			}

		case opLddw:
			r[in.dst&15] = in.imm
			pc++

		// Legacy packet loads; LD_ABS reads regZero as its index.
		case opLdIndB:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = uint64(pkt[o]), 0, 0, 0, 0, 0
		case opLdIndH:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = uint64(pkt[o])<<8|uint64(pkt[o+1]), 0, 0, 0, 0, 0
		case opLdIndW:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = uint64(pkt[o])<<24|uint64(pkt[o+1])<<16|uint64(pkt[o+2])<<8|uint64(pkt[o+3]), 0, 0, 0, 0, 0

		// Jumps.
		case opJA:
			pc = int(in.off)
		case opJEqK:
			if r[in.dst&15] == in.imm {
				pc = int(in.off)
			}
		case opJEqX:
			if r[in.dst&15] == r[in.src&15] {
				pc = int(in.off)
			}
		case opJGtK:
			if r[in.dst&15] > in.imm {
				pc = int(in.off)
			}
		case opJGtX:
			if r[in.dst&15] > r[in.src&15] {
				pc = int(in.off)
			}
		case opJGeK:
			if r[in.dst&15] >= in.imm {
				pc = int(in.off)
			}
		case opJGeX:
			if r[in.dst&15] >= r[in.src&15] {
				pc = int(in.off)
			}
		case opJSetK:
			if r[in.dst&15]&in.imm != 0 {
				pc = int(in.off)
			}
		case opJSetX:
			if r[in.dst&15]&r[in.src&15] != 0 {
				pc = int(in.off)
			}
		case opJNeK:
			if r[in.dst&15] != in.imm {
				pc = int(in.off)
			}
		case opJNeX:
			if r[in.dst&15] != r[in.src&15] {
				pc = int(in.off)
			}
		case opJSGtK:
			if int64(r[in.dst&15]) > int64(in.imm) {
				pc = int(in.off)
			}
		case opJSGtX:
			if int64(r[in.dst&15]) > int64(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSGeK:
			if int64(r[in.dst&15]) >= int64(in.imm) {
				pc = int(in.off)
			}
		case opJSGeX:
			if int64(r[in.dst&15]) >= int64(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJLtK:
			if r[in.dst&15] < in.imm {
				pc = int(in.off)
			}
		case opJLtX:
			if r[in.dst&15] < r[in.src&15] {
				pc = int(in.off)
			}
		case opJLeK:
			if r[in.dst&15] <= in.imm {
				pc = int(in.off)
			}
		case opJLeX:
			if r[in.dst&15] <= r[in.src&15] {
				pc = int(in.off)
			}
		case opJSLtK:
			if int64(r[in.dst&15]) < int64(in.imm) {
				pc = int(in.off)
			}
		case opJSLtX:
			if int64(r[in.dst&15]) < int64(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSLeK:
			if int64(r[in.dst&15]) <= int64(in.imm) {
				pc = int(in.off)
			}
		case opJSLeX:
			if int64(r[in.dst&15]) <= int64(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJEq32K:
			if uint32(r[in.dst&15]) == uint32(in.imm) {
				pc = int(in.off)
			}
		case opJEq32X:
			if uint32(r[in.dst&15]) == uint32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJGt32K:
			if uint32(r[in.dst&15]) > uint32(in.imm) {
				pc = int(in.off)
			}
		case opJGt32X:
			if uint32(r[in.dst&15]) > uint32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJGe32K:
			if uint32(r[in.dst&15]) >= uint32(in.imm) {
				pc = int(in.off)
			}
		case opJGe32X:
			if uint32(r[in.dst&15]) >= uint32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSet32K:
			if uint32(r[in.dst&15])&uint32(in.imm) != 0 {
				pc = int(in.off)
			}
		case opJSet32X:
			if uint32(r[in.dst&15])&uint32(r[in.src&15]) != 0 {
				pc = int(in.off)
			}
		case opJNe32K:
			if uint32(r[in.dst&15]) != uint32(in.imm) {
				pc = int(in.off)
			}
		case opJNe32X:
			if uint32(r[in.dst&15]) != uint32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSGt32K:
			if int32(r[in.dst&15]) > int32(in.imm) {
				pc = int(in.off)
			}
		case opJSGt32X:
			if int32(r[in.dst&15]) > int32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSGe32K:
			if int32(r[in.dst&15]) >= int32(in.imm) {
				pc = int(in.off)
			}
		case opJSGe32X:
			if int32(r[in.dst&15]) >= int32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJLt32K:
			if uint32(r[in.dst&15]) < uint32(in.imm) {
				pc = int(in.off)
			}
		case opJLt32X:
			if uint32(r[in.dst&15]) < uint32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJLe32K:
			if uint32(r[in.dst&15]) <= uint32(in.imm) {
				pc = int(in.off)
			}
		case opJLe32X:
			if uint32(r[in.dst&15]) <= uint32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSLt32K:
			if int32(r[in.dst&15]) < int32(in.imm) {
				pc = int(in.off)
			}
		case opJSLt32X:
			if int32(r[in.dst&15]) < int32(r[in.src&15]) {
				pc = int(in.off)
			}
		case opJSLe32K:
			if int32(r[in.dst&15]) <= int32(in.imm) {
				pc = int(in.off)
			}
		case opJSLe32X:
			if int32(r[in.dst&15]) <= int32(r[in.src&15]) {
				pc = int(in.off)
			}

		case opCall:
			v, err := vm.helpers[in.imm](r[1], r[2], r[3], r[4], r[5])
			if err != nil {
				return 0, &RunError{PC: pc - 1, Err: fmt.Errorf("helper: %w", err)}
			}
			r[0] = v
		case opExit:
			return r[0], nil

		// Fused operations of fuse.go.
		case opLdBJEq:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdBJNe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdBJGt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdBJGe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdBJLt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdBJLe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdBJSet:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJEq:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJNe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJGt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJGe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJLt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJLe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdHJSet:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJEq:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJNe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJGt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJGe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJLt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJLe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
			} else {
				pc++
			}
		case opLdWJSet:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0], r[1], r[2], r[3], r[4], r[5] = v, 0, 0, 0, 0, 0
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
			} else {
				pc++
			}
		case opMSH:
			r[in.src&15] = uint64(uint32(r[0]))
			o := int(int32(in.imm))
			if o < 0 || o >= len(pkt) {
				return 0, nil
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = uint64(pkt[o]&15)<<2, 0, 0, 0, 0, 0
			r[in.dst&15] = r[0]
			r[0] = uint64(uint32(r[in.src&15]))
			pc += 5
		case opMov2K:
			r[in.dst&15] = uint64(uint32(in.imm))
			r[in.src&15] = in.imm >> 32
			pc++
		case opRetK:
			return in.imm, nil

		// Fused operations of the fast form (fast.go).
		case opCheck:
			v := r[in.src&15] + in.imm
			r[in.dst&15] = v
			if v > r[in.aux&15] {
				pc = int(in.off)
			} else {
				pc += 2
			}

		default:
			// Unreachable: buildFast gives no other operation.
			return 0, &RunError{PC: pc - 1, Err: fmt.Errorf("internal error: operation %d has no fast form", in.op)}
		}
	}
}

// loadSize gives the width in bytes of a load operation.
func loadSize(o op) uint64 {
	switch o {
	case opLdxB, opLdxSB:
		return 1
	case opLdxH, opLdxSH:
		return 2
	case opLdxW, opLdxSW:
		return 4
	}
	return 8
}

// storeSize gives the width in bytes of a store operation.
func storeSize(o op) uint64 {
	switch o {
	case opStB, opStxB:
		return 1
	case opStH, opStxH:
		return 2
	case opStW, opStxW:
		return 4
	}
	return 8
}

// loadAny reads the n-byte (1, 2, 4 or 8) little-endian value at address a
// for a run of the fast form: any region, the context included.
func (vm *VM) loadAny(rn *run, a, n uint64) (uint64, error) {
	off := a & 0xffffffff
	var buf []byte
	switch a >> 32 {
	case regionStack:
		buf = vm.stack
	case regionCtx:
		c := context{pktLen: uint64(len(rn.data))}
		switch rn.kind {
		case runSocket:
			c.kind, c.skb = ctxSKB, rn.skb
			if c.skb == nil {
				c.skb = &SKBuff{Len: uint32(len(rn.data))}
			}
		case runXDP:
			c.kind, c.xdp = ctxXDP, rn.xdp
			if c.xdp == nil {
				c.xdp = &XDPMD{}
			}
		}
		if v, ok := c.load(off, n); ok {
			return v, nil
		}
		return 0, memFault("load", a, n)
	case regionPacket:
		if rn.kind != runMem {
			buf = rn.data
		}
	case regionMem:
		if rn.kind == runMem {
			buf = rn.data
		}
	}
	if off+n > uint64(len(buf)) {
		return 0, memFault("load", a, n)
	}
	b := buf[off : off+n]
	switch n {
	case 1:
		return uint64(b[0]), nil
	case 2:
		return uint64(le.Uint16(b)), nil
	case 4:
		return uint64(le.Uint32(b)), nil
	}
	return le.Uint64(b), nil
}

// storeAny writes the low n bytes (1, 2, 4 or 8) of v little-endian at
// address a for a run of the fast form: the stack, the packet of RunXDP or
// the memory of Run. It records how much of the stack needs clearing before
// the next run.
func (vm *VM) storeAny(rn *run, a, n, v uint64) error {
	off := a & 0xffffffff
	var buf []byte
	switch a >> 32 {
	case regionStack:
		buf = vm.stack
	case regionPacket:
		if rn.kind == runXDP {
			buf = rn.data
		}
	case regionMem:
		if rn.kind == runMem {
			buf = rn.data
		}
	}
	if off+n > uint64(len(buf)) {
		return memFault("store", a, n)
	}
	if a>>32 == regionStack && off < vm.stackDirty {
		vm.stackDirty = off
	}
	b := buf[off : off+n]
	switch n {
	case 1:
		b[0] = byte(v)
	case 2:
		le.PutUint16(b, uint16(v))
	case 4:
		le.PutUint32(b, uint32(v))
	default:
		le.PutUint64(b, v)
	}
	return nil
}

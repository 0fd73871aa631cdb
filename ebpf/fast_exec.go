package ebpf

import (
	"fmt"
	"math/bits"
)

// fastExec runs the fast form (fast.go) over data with exec's semantics,
// without counting the budget (programs with a fast form cannot exhaust it)
// and without call frames (they make no local call). It runs inline the
// loads and stores of data (the packet, or Run's memory) and of the stack;
// at any other access (the context, a fault), a helper call or an atomic
// operation, it hands the rest of the run over to exec, which takes it from
// that instruction (resume).
//
// Run, RunSocket and RunXDP call it for every program, and it hands those
// without a fast form to exec (runExec): that way they make one call and are
// small enough to be inlined into their callers.
func (vm *VM) fastExec(data []byte, kind runKind, skb *SKBuff, xdp *XDPMD) (uint64, error) {
	f := vm.fast
	if f == nil {
		return vm.runExec(data, kind, skb, xdp)
	}
	if f.stores && vm.stackDirty < uint64(len(vm.stack)) {
		vm.clearStack()
	}
	// Set the registers the program may read before writing them, to
	// their values at its start: after the prologue (fast.go) in
	// RunSocket and RunXDP, at slot 0 in Run.
	st := &f.entry[kind&3]
	r := &vm.fregs
	r[st.lenReg&15] = st.lenBase + uint64(len(data))
	if n := st.n; n > 0 {
		r[st.init[0].reg&15] = st.init[0].val
		if n > 1 {
			r[st.init[1].reg&15] = st.init[1].val
			for _, v := range st.more {
				r[v.reg&15] = v.val
			}
		}
	}
	pc := st.start
	insts := f.insts
	pkt := data // what LD_ABS/LD_IND read: the packet, or Run's memory
	for {
		in := &insts[pc]
		pc++
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

		// Loads from data and the stack inline; any other goes to exec.
		// Loads from data and the stack inline; any other goes to exec.
		// One case per operation, so that no case reads in.op again.
		case opLdxB:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o < uint64(len(data)) {
				v = uint64(data[o])
			} else if st := vm.stack; a>>32 == regionStack && o < uint64(len(st)) {
				v = uint64(st[o])
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = v
		case opLdxSB:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o < uint64(len(data)) {
				v = uint64(data[o])
			} else if st := vm.stack; a>>32 == regionStack && o < uint64(len(st)) {
				v = uint64(st[o])
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = uint64(int64(int8(v)))
		case opLdxH:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+2 <= uint64(len(data)) {
				v = uint64(le.Uint16(data[o:]))
			} else if st := vm.stack; a>>32 == regionStack && o+2 <= uint64(len(st)) {
				v = uint64(le.Uint16(st[o:]))
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = v
		case opLdxSH:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+2 <= uint64(len(data)) {
				v = uint64(le.Uint16(data[o:]))
			} else if st := vm.stack; a>>32 == regionStack && o+2 <= uint64(len(st)) {
				v = uint64(le.Uint16(st[o:]))
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = uint64(int64(int16(v)))
		case opLdxHBE:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+2 <= uint64(len(data)) {
				v = uint64(le.Uint16(data[o:]))
			} else if st := vm.stack; a>>32 == regionStack && o+2 <= uint64(len(st)) {
				v = uint64(le.Uint16(st[o:]))
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = uint64(bits.ReverseBytes16(uint16(v)))
			pc++ // past the be16
		case opLdxW:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+4 <= uint64(len(data)) {
				v = uint64(le.Uint32(data[o:]))
			} else if st := vm.stack; a>>32 == regionStack && o+4 <= uint64(len(st)) {
				v = uint64(le.Uint32(st[o:]))
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = v
		case opLdxSW:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+4 <= uint64(len(data)) {
				v = uint64(le.Uint32(data[o:]))
			} else if st := vm.stack; a>>32 == regionStack && o+4 <= uint64(len(st)) {
				v = uint64(le.Uint32(st[o:]))
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = uint64(int64(int32(v)))
		case opLdxWBE:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+4 <= uint64(len(data)) {
				v = uint64(le.Uint32(data[o:]))
			} else if st := vm.stack; a>>32 == regionStack && o+4 <= uint64(len(st)) {
				v = uint64(le.Uint32(st[o:]))
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = uint64(bits.ReverseBytes32(uint32(v)))
			pc++ // past the be32
		case opLdxDW:
			a := r[in.src&15] + uint64(int64(in.off))
			o := a & 0xffffffff
			var v uint64
			if a>>32 == kind.dataRegion() && o+8 <= uint64(len(data)) {
				v = le.Uint64(data[o:])
			} else if st := vm.stack; a>>32 == regionStack && o+8 <= uint64(len(st)) {
				v = le.Uint64(st[o:])
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			r[in.dst&15] = v

		// Stores to the stack, and to data where it is writable (not in
		// RunSocket), inline; any other goes to exec.
		case opStB:
			v, a := in.imm, r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+1 <= uint64(len(st)) {
				b = st[o : o+1]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+1 <= uint64(len(data)) {
				b = data[o : o+1]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			b[0] = byte(v)
		case opStxB:
			v, a := r[in.src&15], r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+1 <= uint64(len(st)) {
				b = st[o : o+1]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+1 <= uint64(len(data)) {
				b = data[o : o+1]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			b[0] = byte(v)
		case opStH:
			v, a := in.imm, r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+2 <= uint64(len(st)) {
				b = st[o : o+2]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+2 <= uint64(len(data)) {
				b = data[o : o+2]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			le.PutUint16(b, uint16(v))
		case opStxH:
			v, a := r[in.src&15], r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+2 <= uint64(len(st)) {
				b = st[o : o+2]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+2 <= uint64(len(data)) {
				b = data[o : o+2]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			le.PutUint16(b, uint16(v))
		case opStW:
			v, a := in.imm, r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+4 <= uint64(len(st)) {
				b = st[o : o+4]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+4 <= uint64(len(data)) {
				b = data[o : o+4]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			le.PutUint32(b, uint32(v))
		case opStxW:
			v, a := r[in.src&15], r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+4 <= uint64(len(st)) {
				b = st[o : o+4]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+4 <= uint64(len(data)) {
				b = data[o : o+4]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			le.PutUint32(b, uint32(v))
		case opStDW:
			v, a := in.imm, r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+8 <= uint64(len(st)) {
				b = st[o : o+8]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+8 <= uint64(len(data)) {
				b = data[o : o+8]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			le.PutUint64(b, v)
		case opStxDW:
			v, a := r[in.src&15], r[in.dst&15]+uint64(int64(in.off))
			o := a & 0xffffffff
			var b []byte
			if st := vm.stack; a>>32 == regionStack && o+8 <= uint64(len(st)) {
				b = st[o : o+8]
				if o < vm.stackDirty {
					vm.stackDirty = o
				}
			} else if a>>32 == kind.dataRegion() && kind != runSocket && o+8 <= uint64(len(data)) {
				b = data[o : o+8]
			} else {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			le.PutUint64(b, v)

		case opLddw:
			r[in.dst&15] = in.imm
			pc++

		// Legacy packet loads; LD_ABS reads regZero as its index.
		case opLdIndB:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			r[0] = uint64(pkt[o])
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
		case opLdIndH:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			r[0] = uint64(pkt[o])<<8 | uint64(pkt[o+1])
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
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
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJEq32X:
			if uint32(r[in.dst&15]) == uint32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJGt32K:
			if uint32(r[in.dst&15]) > uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJGt32X:
			if uint32(r[in.dst&15]) > uint32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJGe32K:
			if uint32(r[in.dst&15]) >= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJGe32X:
			if uint32(r[in.dst&15]) >= uint32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSet32K:
			if uint32(r[in.dst&15])&uint32(in.imm) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSet32X:
			if uint32(r[in.dst&15])&uint32(r[in.src&15]) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJNe32K:
			if uint32(r[in.dst&15]) != uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJNe32X:
			if uint32(r[in.dst&15]) != uint32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSGt32K:
			if int32(r[in.dst&15]) > int32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSGt32X:
			if int32(r[in.dst&15]) > int32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSGe32K:
			if int32(r[in.dst&15]) >= int32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSGe32X:
			if int32(r[in.dst&15]) >= int32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJLt32K:
			if uint32(r[in.dst&15]) < uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJLt32X:
			if uint32(r[in.dst&15]) < uint32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJLe32K:
			if uint32(r[in.dst&15]) <= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJLe32X:
			if uint32(r[in.dst&15]) <= uint32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSLt32K:
			if int32(r[in.dst&15]) < int32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSLt32X:
			if int32(r[in.dst&15]) < int32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSLe32K:
			if int32(r[in.dst&15]) <= int32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}
		case opJSLe32X:
			if int32(r[in.dst&15]) <= int32(r[in.src&15]) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else if in.aux&auxRetNext != 0 {
				return insts[pc].imm, nil
			}

		case opCall:
			return vm.resume(pc-1, r, data, kind, skb, xdp)
		case opExit:
			return r[0], nil

		// Fused operations of fuse.go.
		case opLdBJEq:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdBJNe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdBJGt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdBJGe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdBJLt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdBJLe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdBJSet:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJEq:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJNe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJGt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJGe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJLt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJLe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdHJSet:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJEq:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJNe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJGt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJGe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJLt:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJLe:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdWJSet:
			o := int(int32(uint32(r[in.src&15]) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		// The same with an absolute load, whose offset needs no register.
		case opLdABJEq:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdABJNe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdABJGt:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdABJGe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdABJLt:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdABJLe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdABJSet:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint64(pkt[o])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJEq:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJNe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJGt:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJGe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJLt:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJLe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAHJSet:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint64(pkt[o])<<8 | uint64(pkt[o+1])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJEq:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) == uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJNe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) != uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJGt:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) > uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJGe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) >= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJLt:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) < uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJLe:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v) <= uint32(in.imm>>32) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdAWJSet:
			o := int(uint32(in.imm)) // below 1<<31 (buildFast)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint64(pkt[o])<<24 | uint64(pkt[o+1])<<16 | uint64(pkt[o+2])<<8 | uint64(pkt[o+3])
			r[0] = v
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
			if uint32(v)&uint32(in.imm>>32) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		// Direct loads and a comparison of the loaded value (fuseLoadJump);
		// outside data, exec takes over at the load.
		case opLdxBJEq:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v) == uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxBJNe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v) != uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxBJGt:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v) > uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxBJGe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v) >= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxBJLt:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v) < uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxBJLe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v) <= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxBJSet:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o < uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])
			r[in.dst&15] = v
			if uint32(v)&uint32(in.imm) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc++
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJEq:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v) == uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJNe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v) != uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJGt:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v) > uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJGe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v) >= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJLt:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v) < uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJLe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v) <= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxHJSet:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+2 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(data[o])<<8 | uint64(data[o+1])
			r[in.dst&15] = v
			if uint32(v)&uint32(in.imm) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJEq:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v) == uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJNe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v) != uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJGt:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v) > uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJGe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v) >= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJLt:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v) < uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJLe:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v) <= uint32(in.imm) {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opLdxWJSet:
			a := r[in.src&15] + uint64(int64(int32(in.imm>>32)))
			o := a & 0xffffffff
			if a>>32 != kind.dataRegion() || !(o+4 <= uint64(len(data))) {
				return vm.resume(pc-1, r, data, kind, skb, xdp)
			}
			v := uint64(bits.ReverseBytes32(le.Uint32(data[o:])))
			r[in.dst&15] = v
			if uint32(v)&uint32(in.imm) != 0 {
				pc = int(in.off)
				if in.aux&auxRetTaken != 0 {
					return insts[pc].imm, nil
				}
			} else {
				pc += 2
				if in.aux&auxRetNext != 0 {
					return insts[pc].imm, nil
				}
			}
		case opMSH:
			r[in.src&15] = uint64(uint32(r[0]))
			o := int(int32(in.imm))
			if o < 0 || o >= len(pkt) {
				return 0, nil
			}
			r[0] = uint64(pkt[o]&15) << 2
			if in.aux&auxClobber != 0 { // r1 to r5 may be read: clear them as the load does
				r[1], r[2], r[3], r[4], r[5] = 0, 0, 0, 0, 0
			}
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

// dataRegion returns the region of a run's data: Run's memory, or the packet.
func (k runKind) dataRegion() uint64 {
	if k == runMem {
		return regionMem
	}
	return regionPacket
}

package ebpf

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/gocap/gocap/internal/opcode"
)

var le = binary.LittleEndian

// execAt runs the program from slot pc with registers r, the whole budget
// available and no call frame. It never panics: the validator guarantees
// well-formed instructions and in-range jump targets, and every memory access
// is checked here.
func (vm *VM) execAt(pc int, r [16]uint64) (uint64, error) {
	// r holds r0-r10 (and regZero); indexes are masked with 15 so they need
	// no bounds check.
	insts := vm.insts
	pkt := vm.pkt
	steps := vm.budget
	depth := 0
	for {
		in := &insts[pc]
		if steps < uint64(in.cost) {
			if steps == 0 {
				return 0, &RunError{PC: pc, Err: ErrBudgetExhausted}
			}
			// Too little budget for the whole fused sequence: run its
			// first instruction alone.
			in = &vm.plain[pc]
		}
		steps -= uint64(in.cost)
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

		// Loads from memory.
		case opLdxB, opLdxSB:
			a := r[in.src&15] + uint64(int64(in.off))
			var v uint64
			if b := vm.access(a, 1); b != nil {
				v = uint64(b[0])
			} else if x, err := vm.loadSlow(a, 1); err == nil {
				v = x
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
			if in.op == opLdxSB {
				v = uint64(int64(int8(v)))
			}
			r[in.dst&15] = v
		case opLdxH, opLdxSH:
			a := r[in.src&15] + uint64(int64(in.off))
			var v uint64
			if b := vm.access(a, 2); b != nil {
				v = uint64(le.Uint16(b))
			} else if x, err := vm.loadSlow(a, 2); err == nil {
				v = x
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
			if in.op == opLdxSH {
				v = uint64(int64(int16(v)))
			}
			r[in.dst&15] = v
		case opLdxW, opLdxSW:
			a := r[in.src&15] + uint64(int64(in.off))
			var v uint64
			if b := vm.access(a, 4); b != nil {
				v = uint64(le.Uint32(b))
			} else if x, err := vm.loadSlow(a, 4); err == nil {
				v = x
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}
			if in.op == opLdxSW {
				v = uint64(int64(int32(v)))
			}
			r[in.dst&15] = v
		case opLdxDW:
			a := r[in.src&15] + uint64(int64(in.off))
			if b := vm.access(a, 8); b != nil {
				r[in.dst&15] = le.Uint64(b)
			} else if x, err := vm.loadSlow(a, 8); err == nil {
				r[in.dst&15] = x
			} else {
				return 0, &RunError{PC: pc - 1, Err: err}
			}

		// Stores.
		case opStB, opStxB:
			v := in.imm
			if in.op == opStxB {
				v = r[in.src&15]
			}
			a := r[in.dst&15] + uint64(int64(in.off))
			b := vm.accessW(a, 1)
			if b == nil {
				return 0, &RunError{PC: pc - 1, Err: memFault("store", a, 1)}
			}
			b[0] = byte(v)
		case opStH, opStxH:
			v := in.imm
			if in.op == opStxH {
				v = r[in.src&15]
			}
			a := r[in.dst&15] + uint64(int64(in.off))
			b := vm.accessW(a, 2)
			if b == nil {
				return 0, &RunError{PC: pc - 1, Err: memFault("store", a, 2)}
			}
			le.PutUint16(b, uint16(v))
		case opStW, opStxW:
			v := in.imm
			if in.op == opStxW {
				v = r[in.src&15]
			}
			a := r[in.dst&15] + uint64(int64(in.off))
			b := vm.accessW(a, 4)
			if b == nil {
				return 0, &RunError{PC: pc - 1, Err: memFault("store", a, 4)}
			}
			le.PutUint32(b, uint32(v))
		case opStDW, opStxDW:
			v := in.imm
			if in.op == opStxDW {
				v = r[in.src&15]
			}
			a := r[in.dst&15] + uint64(int64(in.off))
			b := vm.accessW(a, 8)
			if b == nil {
				return 0, &RunError{PC: pc - 1, Err: memFault("store", a, 8)}
			}
			le.PutUint64(b, v)

		case opAtomic32:
			a := r[in.dst&15] + uint64(int64(in.off))
			b := vm.accessW(a, 4)
			if b == nil {
				return 0, &RunError{PC: pc - 1, Err: memFault("atomic operation", a, 4)}
			}
			old := le.Uint32(b)
			v := uint32(r[in.src&15])
			switch in.imm &^ opcode.AtomicFetch {
			case opcode.AtomicAdd:
				le.PutUint32(b, old+v)
			case opcode.AtomicOr:
				le.PutUint32(b, old|v)
			case opcode.AtomicAnd:
				le.PutUint32(b, old&v)
			case opcode.AtomicXor:
				le.PutUint32(b, old^v)
			case opcode.AtomicXchg &^ opcode.AtomicFetch:
				le.PutUint32(b, v)
			case opcode.AtomicCmpXchg &^ opcode.AtomicFetch:
				if old == uint32(r[0]) {
					le.PutUint32(b, v)
				}
				r[0] = uint64(old)
				continue
			}
			if in.imm&opcode.AtomicFetch != 0 {
				r[in.src&15] = uint64(old)
			}
		case opAtomic64:
			a := r[in.dst&15] + uint64(int64(in.off))
			b := vm.accessW(a, 8)
			if b == nil {
				return 0, &RunError{PC: pc - 1, Err: memFault("atomic operation", a, 8)}
			}
			old := le.Uint64(b)
			v := r[in.src&15]
			switch in.imm &^ opcode.AtomicFetch {
			case opcode.AtomicAdd:
				le.PutUint64(b, old+v)
			case opcode.AtomicOr:
				le.PutUint64(b, old|v)
			case opcode.AtomicAnd:
				le.PutUint64(b, old&v)
			case opcode.AtomicXor:
				le.PutUint64(b, old^v)
			case opcode.AtomicXchg &^ opcode.AtomicFetch:
				le.PutUint64(b, v)
			case opcode.AtomicCmpXchg &^ opcode.AtomicFetch:
				if old == r[0] {
					le.PutUint64(b, v)
				}
				r[0] = old
				continue
			}
			if in.imm&opcode.AtomicFetch != 0 {
				r[in.src&15] = old
			}

		case opLddw:
			r[in.dst&15] = in.imm
			pc++

		// Legacy packet loads (Linux semantics): the offset is a signed
		// 32-bit value; outside the packet, the program ends returning 0.
		case opLdAbsB, opLdIndB:
			o := int(int32(uint32(r[in.src&15]&indexMask(in.op)) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = uint64(pkt[o]), 0, 0, 0, 0, 0
		case opLdAbsH, opLdIndH:
			o := int(int32(uint32(r[in.src&15]&indexMask(in.op)) + uint32(in.imm)))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = uint64(pkt[o])<<8|uint64(pkt[o+1]), 0, 0, 0, 0, 0
		case opLdAbsW, opLdIndW:
			o := int(int32(uint32(r[in.src&15]&indexMask(in.op)) + uint32(in.imm)))
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
			var v uint64
			var err error
			if fn := vm.helpers[in.imm]; fn != nil {
				v, err = fn(r[1], r[2], r[3], r[4], r[5])
			} else {
				v, err = vm.callBuiltin(vm.helperIDs[in.imm])
			}
			if err != nil {
				return 0, &RunError{PC: pc - 1, Err: fmt.Errorf("helper %s: %w", helperLabel(vm.helperIDs[in.imm]), err)}
			}
			r[0] = v
		case opCallLocal:
			if depth+1 >= MaxCallDepth {
				return 0, &RunError{PC: pc - 1, Err: ErrCallDepth}
			}
			f := &vm.frames[depth]
			f.ret = pc
			f.saved = [4]uint64{r[6], r[7], r[8], r[9]}
			f.fp = r[10]
			depth++
			r[10] -= StackSize
			pc = int(in.off)
		case opExit:
			if depth == 0 {
				return r[0], nil
			}
			depth--
			f := &vm.frames[depth]
			r[6], r[7], r[8], r[9] = f.saved[0], f.saved[1], f.saved[2], f.saved[3]
			r[10] = f.fp
			pc = f.ret

		// Fused operations (fuse.go).
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
			r[0] = in.imm
			if depth == 0 {
				return r[0], nil
			}
			depth--
			f := &vm.frames[depth]
			r[6], r[7], r[8], r[9] = f.saved[0], f.saved[1], f.saved[2], f.saved[3]
			r[10] = f.fp
			pc = f.ret

		default:
			// Unreachable for a validated program.
			return 0, &RunError{PC: pc - 1, Err: fmt.Errorf("internal error: undecoded instruction")}
		}
	}
}

// indexMask keeps the index register of LD_IND and drops it (reads it as
// 0) for LD_ABS, whose src field is zero but names r0, not an index.
func indexMask(o op) uint64 {
	if o >= opLdIndB {
		return ^uint64(0)
	}
	return 0
}

func div64(a, b uint64) uint64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func mod64(a, b uint64) uint64 {
	if b == 0 {
		return a
	}
	return a % b
}

// sdiv64 and smod64 follow RFC 9669: truncating division, x/0 = 0, x%0 = x;
// Go defines MinInt64 / -1 as MinInt64 and MinInt64 % -1 as 0.
func sdiv64(a, b uint64) uint64 {
	if b == 0 {
		return 0
	}
	return uint64(int64(a) / int64(b))
}

func smod64(a, b uint64) uint64 {
	if b == 0 {
		return a
	}
	return uint64(int64(a) % int64(b))
}

func div32(a, b uint32) uint32 {
	if b == 0 {
		return 0
	}
	return a / b
}

func mod32(a, b uint32) uint32 {
	if b == 0 {
		return a
	}
	return a % b
}

func sdiv32(a, b uint32) uint32 {
	if b == 0 {
		return 0
	}
	return uint32(int32(a) / int32(b))
}

func smod32(a, b uint32) uint32 {
	if b == 0 {
		return a
	}
	return uint32(int32(a) % int32(b))
}

package ebpf

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cilium/ebpf/asm"
)

// TestALUKernel compares the VM's arithmetic with the kernel's on random
// straight-line programs: r0 to r5 start from random 64-bit constants
// (small, huge, signed extremes), then 24 operations drawn from every ALU
// and ALU64 operation of RFC 9669 (immediate and register forms, signed
// division and modulo, sign-extending moves, byte swaps, shifts by
// registers of any value, division by registers that may be zero), with a
// forward conditional jump now and then; the six registers are then folded
// into r0, 32 bits at a time, and the program is test-run as a socket
// filter. Operations the verifier refuses outright (division by an
// immediate 0, immediate shifts past the width) are not drawn; every
// program must load, and its 32-bit return value must be the VM's; the
// VM's compact forms (8- and 16-bit) must give what its general
// interpreter gives (checkSameAsExec).
func TestALUKernel(t *testing.T) {
	mayLoadBPF(t)

	rng := rand.New(rand.NewPCG(9669, 2026))
	constant := func() int64 {
		switch rng.IntN(6) {
		case 0:
			return int64(rng.IntN(70)) - 5
		case 1:
			return []int64{-1, 1 << 63 * -1, 1<<63 - 1, 1 << 31, -1 << 31, 1<<32 - 1, 1 << 32}[rng.IntN(7)]
		case 2:
			return int64(int32(rng.Uint32()))
		default:
			return int64(rng.Uint64())
		}
	}
	ops := []asm.ALUOp{asm.Add, asm.Sub, asm.Mul, asm.Div, asm.SDiv, asm.Mod, asm.SMod, asm.Or, asm.And, asm.LSh, asm.RSh, asm.ArSh, asm.Xor, asm.Mov, asm.Neg, asm.MovSX8, asm.MovSX16, asm.MovSX32}
	reg := func() asm.Register { return asm.Register(rng.IntN(6)) }
	pkt := make([]byte, 64)
	const programs = 3000
	for p := range programs {
		var insns asm.Instructions
		type ret struct {
			k     int32
			shape int // 0: mov r0, k; 1: a dead write first; 2: r0 = a register; 3: ja +0, a dead write
			used  bool
		}
		rets := make([]ret, 1+rng.IntN(3))
		for i := range rets {
			rets[i] = ret{k: int32(constant()), shape: rng.IntN(4)}
		}
		for r := asm.R0; r <= asm.R5; r++ {
			insns = append(insns, asm.LoadImm(r, constant(), asm.DWord))
		}
		// 64 bytes of stack, written before any load reads them.
		for off := int16(-64); off < 0; off += 8 {
			insns = append(insns, asm.StoreMem(asm.RFP, off, reg(), asm.DWord))
		}
		label := 0
		for i := 0; i < 24; i++ {
			dst, src := reg(), reg()
			wide := rng.IntN(2) == 0
			switch k := rng.IntN(15); {
			case k >= 13: // a jump to one of the returns after the fold
				i := rng.IntN(len(rets))
				rets[i].used = true
				cond := []asm.JumpOp{asm.JEq, asm.JNE, asm.JGT, asm.JSLT, asm.JSet}[rng.IntN(5)]
				insns = append(insns, cond.Imm(dst, int32(constant()), fmt.Sprintf("ret%d", i)))
			case k == 12: // an atomic operation on the stack, 4 or 8 bytes
				size := []asm.Size{asm.Word, asm.DWord}[rng.IntN(2)]
				off := -int16(size.Sizeof()) * int16(1+rng.IntN(64/size.Sizeof()))
				op := []asm.AtomicOp{asm.AddAtomic, asm.FetchAdd, asm.AndAtomic, asm.FetchAnd, asm.OrAtomic, asm.FetchOr,
					asm.XorAtomic, asm.FetchXor, asm.Xchg, asm.CmpXchg}[rng.IntN(10)]
				if op == asm.CmpXchg && src == asm.R0 {
					src = asm.R1 // r0 is the comparand and gets the old value
				}
				insns = append(insns, op.Mem(asm.RFP, src, size, off))
			case k == 10: // a store to the stack, of a register or an immediate
				size := []asm.Size{asm.Byte, asm.Half, asm.Word, asm.DWord}[rng.IntN(4)]
				off := -int16(size.Sizeof()) * int16(1+rng.IntN(64/size.Sizeof()))
				if size == asm.DWord || rng.IntN(2) == 0 { // cilium/ebpf's StoreImm has no 8-byte form
					insns = append(insns, asm.StoreMem(asm.RFP, off, src, size))
				} else {
					insns = append(insns, asm.StoreImm(asm.RFP, off, int64(int32(constant())), size))
				}
			case k == 11: // a load from the stack, sign-extending or not
				size := []asm.Size{asm.Byte, asm.Half, asm.Word, asm.DWord}[rng.IntN(4)]
				off := -int16(size.Sizeof()) * int16(1+rng.IntN(64/size.Sizeof()))
				if size != asm.DWord && rng.IntN(2) == 0 {
					insns = append(insns, asm.LoadMemSX(dst, asm.RFP, off, size))
				} else {
					insns = append(insns, asm.LoadMem(dst, asm.RFP, off, size))
				}
			case k == 0: // byte order
				size := []asm.Size{asm.Half, asm.Word, asm.DWord}[rng.IntN(3)]
				switch rng.IntN(3) {
				case 0:
					insns = append(insns, asm.BSwap(dst, size))
				case 1:
					insns = append(insns, asm.HostTo(asm.BE, dst, size))
				default:
					insns = append(insns, asm.HostTo(asm.LE, dst, size))
				}
			case k == 1: // a forward jump over the next operation
				name := fmt.Sprintf("l%d", label)
				label++
				cond := []asm.JumpOp{asm.JEq, asm.JNE, asm.JGT, asm.JGE, asm.JLT, asm.JLE, asm.JSGT, asm.JSGE, asm.JSLT, asm.JSLE, asm.JSet}[rng.IntN(11)]
				var j asm.Instruction
				switch {
				case rng.IntN(2) == 0 && wide:
					j = cond.Reg(dst, src, name)
				case wide:
					j = cond.Imm(dst, int32(constant()), name)
				case rng.IntN(2) == 0:
					j = cond.Reg32(dst, src, name)
				default:
					j = cond.Imm32(dst, int32(constant()), name)
				}
				insns = append(insns, j, asm.Add.Imm(reg(), int32(constant())), asm.Mov.Reg(dst, dst).WithSymbol(name))
			default:
				op := ops[rng.IntN(len(ops))]
				imm := int32(constant())
				switch op {
				case asm.Div, asm.SDiv, asm.Mod, asm.SMod:
					if imm == 0 {
						imm = 3
					}
				case asm.LSh, asm.RSh, asm.ArSh:
					if wide {
						imm &= 63
					} else {
						imm &= 31
					}
				}
				switch {
				case op == asm.Neg && wide:
					insns = append(insns, asm.Neg.Imm(dst, 0))
				case op == asm.Neg:
					insns = append(insns, asm.Neg.Imm32(dst, 0))
				case op >= asm.MovSX8 && op <= asm.MovSX32 && wide:
					insns = append(insns, op.Reg(dst, src))
				case op >= asm.MovSX8 && op <= asm.MovSX32:
					if op == asm.MovSX32 {
						op = asm.MovSX16 // no 32-bit form of movsx32
					}
					insns = append(insns, op.Reg32(dst, src))
				case rng.IntN(2) == 0 && wide:
					insns = append(insns, op.Reg(dst, src))
				case wide:
					insns = append(insns, op.Imm(dst, imm))
				case rng.IntN(2) == 0:
					insns = append(insns, op.Reg32(dst, src))
				default:
					insns = append(insns, op.Imm32(dst, imm))
				}
			}
		}
		// Fold the six registers into 32 bits of r0.
		for r := asm.R1; r <= asm.R5; r++ {
			insns = append(insns, asm.Mul.Imm(asm.R0, 31), asm.Xor.Reg(asm.R0, r))
		}
		insns = append(insns, asm.Mov.Reg(asm.R1, asm.R0), asm.RSh.Imm(asm.R1, 32), asm.Xor.Reg(asm.R0, asm.R1), asm.Return())
		// Returns of constants, some after a write nothing reads (the
		// compact forms skip those) or a folded register.
		// (The verifier refuses unreachable instructions: only the
		// returns some jump names are there.)
		for i, r := range rets {
			if !r.used {
				continue
			}
			name := fmt.Sprintf("ret%d", i)
			switch r.shape {
			case 0:
				insns = append(insns, asm.Mov.Imm(asm.R0, r.k).WithSymbol(name), asm.Return())
			case 1:
				insns = append(insns, asm.Mov.Imm(asm.R7, r.k^1).WithSymbol(name), asm.Mov.Imm(asm.R0, r.k), asm.Return())
			case 2:
				insns = append(insns, asm.Mov.Reg(asm.R0, asm.Register(r.k&3)).WithSymbol(name), asm.Return())
			case 3: // ja +0 to a dead write and a return
				insns = append(insns, asm.Ja.Label(name+"b").WithSymbol(name), asm.Mov.Imm(asm.R8, r.k^2).WithSymbol(name+"b"), asm.Mov.Imm(asm.R0, r.k), asm.Return())
			}
		}

		kp, err := LoadSocketFilter(insns)
		if err != nil {
			t.Fatalf("program %d: the verifier refuses it: %v\n%v", p, err, insns)
		}
		want, err := TestRun(kp, pkt)
		kp.Close()
		if err != nil {
			t.Fatal(err)
		}
		vm, err := NewVM(insns)
		if err != nil {
			t.Fatalf("program %d: the VM refuses it: %v\n%v", p, err, insns)
		}
		got, err := vm.RunSocket(pkt, nil)
		if err != nil || got != want {
			t.Fatalf("program %d: the VM gives %#x (%v), the kernel %#x\n%v", p, got, err, want, insns)
		}
		checkSameAsExec(t, fmt.Sprintf("program %d", p), vm, pkt)
	}
	t.Logf("%d random ALU programs: the VM's results are the kernel's", programs)
}

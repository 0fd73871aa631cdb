package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// aluOps maps classic ALU operations to eBPF ones.
var aluOps = map[uint16]asm.ALUOp{
	cbpf.ALUAdd: asm.Add,
	cbpf.ALUSub: asm.Sub,
	cbpf.ALUMul: asm.Mul,
	cbpf.ALUDiv: asm.Div,
	cbpf.ALUOr:  asm.Or,
	cbpf.ALUAnd: asm.And,
	cbpf.ALULsh: asm.LSh,
	cbpf.ALURsh: asm.RSh,
	cbpf.ALUMod: asm.Mod,
	cbpf.ALUXor: asm.Xor,
}

// alu translates the BPF_ALU class. Classic arithmetic is 32-bit and
// unsigned, so every operation is an eBPF ALU32 one, whose immediate is
// used as 32 bits (no sign extension) and whose result is zero-extended.
// Division and modulo by X == 0 end the program with verdict 0, as in the
// kernel; a constant divisor of zero and constant shifts of 32 or more are
// refused, as the kernel refuses them when a classic filter is attached.
// Shifts by X use the count modulo 32, like the kernel's 32-bit shifts.
func (g *gen) alu(ri bpf.RawInstruction) error {
	if aluOp(ri.Op) == cbpf.ALUNeg {
		if ri.Op != cbpf.ClassALU|cbpf.ALUNeg {
			return fmt.Errorf("unknown ALU opcode 0x%x", ri.Op)
		}
		g.emit(asm.Neg.Imm32(g.regA, 0))
		return nil
	}
	op, ok := aluOps[aluOp(ri.Op)]
	if !ok || ri.Op&^0xf8 != cbpf.ClassALU {
		return fmt.Errorf("unknown ALU opcode 0x%x", ri.Op)
	}
	if src(ri.Op) == cbpf.SrcX {
		if op == asm.Div || op == asm.Mod {
			g.emit(asm.JEq.Imm32(g.regX, 0, g.dropLabel))
		}
		g.emit(op.Reg32(g.regA, g.regX))
		return nil
	}
	switch {
	case (op == asm.Div || op == asm.Mod) && ri.K == 0:
		return fmt.Errorf("division by constant zero")
	case (op == asm.LSh || op == asm.RSh) && ri.K >= 32:
		return fmt.Errorf("shift by %d", ri.K)
	}
	g.emit(op.Imm32(g.regA, int32(ri.K)))
	return nil
}

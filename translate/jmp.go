package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// jumpOps maps classic conditional jumps to eBPF ones, with the negation
// used when the true branch falls through (JSET has none).
var jumpOps = map[uint16]struct{ op, not asm.JumpOp }{
	cbpf.JumpJEQ:  {asm.JEq, asm.JNE},
	cbpf.JumpJGT:  {asm.JGT, asm.JLE},
	cbpf.JumpJGE:  {asm.JGE, asm.JLT},
	cbpf.JumpJSET: {asm.JSet, asm.InvalidJumpOp},
}

// jmp translates the BPF_JMP class. Comparisons are JMP32 ones, so that
// constants with bit 31 set compare as the unsigned 32-bit values they are
// in classic BPF (a 64-bit compare would sign-extend the immediate). A
// backward `ja`, which libpcap emits for protochain, counts the loop
// iterations and gives up with verdict 0 after MaxLoopIterations.
func (g *gen) jmp(ri bpf.RawInstruction) error {
	pc := g.pc
	if jmpOp(ri.Op) == cbpf.JumpJA {
		if ri.Op != cbpf.ClassJMP|cbpf.JumpJA {
			return fmt.Errorf("unknown jump opcode 0x%x", ri.Op)
		}
		t := int(int32(uint32(pc+1) + ri.K))
		if t <= pc {
			g.loopCount()
		}
		g.jumpTo(t)
		return nil
	}
	ops, ok := jumpOps[jmpOp(ri.Op)]
	if !ok || ri.Op&^0xf8 != cbpf.ClassJMP {
		return fmt.Errorf("unknown jump opcode 0x%x", ri.Op)
	}
	t, f := pc+1+int(ri.Jt), pc+1+int(ri.Jf)
	cond := func(op asm.JumpOp, label string) asm.Instruction {
		if src(ri.Op) == cbpf.SrcX {
			return op.Reg32(g.regA, g.regX, label)
		}
		return op.Imm32(g.regA, int32(ri.K), label)
	}
	switch {
	case t == f:
		g.jumpTo(t)
	case f == pc+1:
		g.emit(cond(ops.op, g.pcLabel(t)))
	case t == pc+1 && ops.not != asm.InvalidJumpOp:
		g.emit(cond(ops.not, g.pcLabel(f)))
	default:
		g.emit(cond(ops.op, g.pcLabel(t)))
		g.jumpTo(f)
	}
	return nil
}

// jumpTo emits an unconditional jump to classic pc t, or nothing if t is
// the next instruction. It always emits something for the first
// instruction of a pc, so that the pc's label has an instruction.
func (g *gen) jumpTo(t int) {
	if t == g.pc+1 && !g.startPC {
		return
	}
	g.emit(asm.Ja.Label(g.pcLabel(t)))
}

// loopCount counts a backward jump and jumps to the drop tail once the
// program has taken more than MaxLoopIterations of them.
func (g *gen) loopCount() {
	if g.mode == modeSocket {
		g.emit(
			asm.Add.Imm(g.regLoop, 1),
			asm.JGT.Imm(g.regLoop, MaxLoopIterations, g.dropLabel))
		return
	}
	g.emit(
		asm.LoadMem(g.regTmp, asm.RFP, g.fp(loopSlot), asm.DWord),
		asm.Add.Imm(g.regTmp, 1),
		asm.StoreMem(asm.RFP, g.fp(loopSlot), g.regTmp, asm.DWord),
		asm.JGT.Imm(g.regTmp, MaxLoopIterations, g.dropLabel))
	// X feeds packet pointer arithmetic, so the verifier tracks its range
	// exactly, and the paths through the loop body reach the loop head
	// with different ranges that it explores one by one, iteration after
	// iteration. Reloading X in two halves from the stack gives it the
	// same unknown range on every path, so the verifier prunes them: its
	// work grows linearly with MaxLoopIterations.
	g.emit(
		asm.StoreMem(asm.RFP, g.fp(launderSlot), g.regX, asm.Word),
		asm.LoadMem(g.regX, asm.RFP, g.fp(launderSlot), asm.Half),
		asm.LoadMem(g.regTmp, asm.RFP, g.fp(launderSlot+2), asm.Half),
		asm.LSh.Imm32(g.regTmp, 16),
		asm.Or.Reg32(g.regX, g.regTmp))
}

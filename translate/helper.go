package translate

import (
	"github.com/cilium/ebpf/asm"
)

// This file reads the packet in the fragment access modes that go through
// a helper: AccessSkbLoadBytes and AccessProbeReadKernel. A classic load of
// n bytes at offset off becomes, in order:
//
//  1. the other classic register (X for a load into A, A for ldx msh) is
//     spilled if it lives in R0-R5, which the call clobbers;
//  2. the offset goes to R2: off, or X + off computed in 32 bits as the
//     kernel does, which must be at most 64 KiB - n;
//  3. start + offset + n <= end, from the copies of the bounds the
//     prologue spilled, or the drop verdict: the filter sees no byte past
//     PacketEnd, whatever the helper could read;
//  4. the call reads n bytes into the stack buffer (bpf_probe_read_kernel
//     from start + offset, bpf_skb_load_bytes from the skb at start +
//     offset); a non-zero return drops the packet;
//  5. the destination gets the bytes in network order, and the registers
//     the call clobbered (the other classic register, PacketStart,
//     PacketEnd, Context) are reloaded.
//
// R0-R5 are free scratch from step 2 on: the values that matter in them
// have copies on the stack.

// clobbered reports whether a helper call may change r.
func clobbered(r asm.Register) bool { return r <= asm.R5 }

// restoreBounds returns the reloads of PacketStart, PacketEnd and (for
// AccessSkbLoadBytes) Context that a helper call clobbered, or none for
// AccessDirect.
func (g *gen) restoreBounds() asm.Instructions {
	if !g.helperAccess() {
		return nil
	}
	var out asm.Instructions
	if clobbered(g.regData) {
		out = append(out, asm.LoadMem(g.regData, asm.RFP, g.fp(startSlot), asm.DWord))
	}
	if clobbered(g.regEnd) {
		out = append(out, asm.LoadMem(g.regEnd, asm.RFP, g.fp(endSlot), asm.DWord))
	}
	if g.frag.Access == AccessSkbLoadBytes && clobbered(g.regCtx) {
		out = append(out, asm.LoadMem(g.regCtx, asm.RFP, g.fp(ctxSlot), asm.DWord))
	}
	return out
}

// helperLoad emits dst = the n bytes at off (indexed: at X + off) read with
// the fragment's helper, in network byte order. dst is A or X.
func (g *gen) helperLoad(dst asm.Register, off uint32, n int, indexed bool) {
	// 1. Spill the classic register that is not the destination.
	keep, keepSlot := g.regX, int16(spillXSlot)
	if dst == g.regX {
		keep, keepSlot = g.regA, spillASlot
	}
	spill := clobbered(keep)
	if spill {
		g.emit(asm.StoreMem(asm.RFP, g.fp(keepSlot), keep, asm.DWord))
	}

	// 2. The offset, in R2.
	if indexed {
		g.emit(
			asm.Mov.Reg32(asm.R2, g.regX),
			asm.Add.Imm32(asm.R2, int32(off)),
			asm.JGT.Imm(asm.R2, int32(maxPacketOff-n), g.dropLabel))
	} else {
		g.emit(asm.Mov.Imm(asm.R2, int32(off)))
	}

	// 3. start + offset + n <= end.
	g.emit(
		asm.LoadMem(asm.R1, asm.RFP, g.fp(startSlot), asm.DWord),
		asm.LoadMem(asm.R4, asm.RFP, g.fp(endSlot), asm.DWord),
		asm.Mov.Reg(asm.R3, asm.R2),
		asm.Add.Imm(asm.R3, int32(n)),
		asm.Add.Reg(asm.R3, asm.R1),
		asm.JGT.Reg(asm.R3, asm.R4, g.dropLabel))

	// 4. The call.
	if g.frag.Access == AccessProbeReadKernel {
		// bpf_probe_read_kernel(dst = buffer, size = n, src = start + offset)
		g.emit(
			asm.Mov.Reg(asm.R3, asm.R1),
			asm.Add.Reg(asm.R3, asm.R2),
			asm.Mov.Reg(asm.R1, asm.RFP),
			asm.Add.Imm(asm.R1, int32(g.fp(bufSlot))),
			asm.Mov.Imm(asm.R2, int32(n)),
			asm.FnProbeReadKernel.Call())
	} else {
		// bpf_skb_load_bytes(skb, offset = start + offset, to = buffer, len = n)
		g.emit(
			asm.Add.Reg(asm.R2, asm.R1),
			asm.LoadMem(asm.R1, asm.RFP, g.fp(ctxSlot), asm.DWord),
			asm.Mov.Reg(asm.R3, asm.RFP),
			asm.Add.Imm(asm.R3, int32(g.fp(bufSlot))),
			asm.Mov.Imm(asm.R4, int32(n)),
			asm.FnSkbLoadBytes.Call())
	}
	g.emit(asm.JNE.Imm(asm.R0, 0, g.dropLabel))

	// 5. The value, then the reloads.
	g.emit(asm.LoadMem(dst, asm.RFP, g.fp(bufSlot), sizes[n]))
	if n > 1 {
		g.emit(asm.HostTo(asm.BE, dst, sizes[n]))
	}
	if spill {
		g.emit(asm.LoadMem(keep, asm.RFP, g.fp(keepSlot), asm.DWord))
	}
	g.emit(g.restoreBounds()...)
}

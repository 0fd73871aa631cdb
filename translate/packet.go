package translate

import (
	"github.com/cilium/ebpf/asm"
)

// sizes maps a load width in bytes to the eBPF size.
var sizes = map[int]asm.Size{1: asm.Byte, 2: asm.Half, 4: asm.Word}

// loadAbs translates A = [k] (k not an ancillary offset).
//
// The socket target uses the legacy LD_ABS instruction, which reads the
// sk_buff in R6, converts from network byte order, handles the negative
// SKF_LL_OFF and SKF_NET_OFF offsets, and ends the program with 0 when the
// bytes are not there: exactly the classic semantics.
//
// The direct targets read through the packet pointer after a bounds check
// (see bounds.go for where checks go). SKF_LL_OFF offsets are offsets from
// the start of the frame, which is where XDP and TC data starts. Other
// negative offsets, SKF_NET_OFF included, and offsets whose end is past
// 64 KiB (the verifier's limit for packet offsets) always end the program
// with the drop verdict: the direct targets see no network header offset
// and no packet longer than that.
func (g *gen) loadAbs(k uint32, n int) error {
	if g.mode == modeSocket {
		g.emit(asm.LoadAbs(int32(k), sizes[n]))
		return nil
	}
	off, ok := directOffset(k)
	if !ok || off+n > g.maxOff() {
		g.emit(asm.Ja.Label(g.dropLabel))
		return nil
	}
	if g.helperAccess() {
		g.helperLoad(g.regA, uint32(off), n, false)
		return nil
	}
	g.boundsCheck()
	g.loadPacket(g.regA, g.regData, off, n)
	return nil
}

// directOffset gives the packet offset a direct target reads for the
// absolute offset k, or false when it reads nothing.
func directOffset(k uint32) (int, bool) {
	o := int32(k)
	switch {
	case o >= 0:
		return int(o), true
	case o >= skfLLOff && o < skfNetOff:
		return int(o - skfLLOff), true
	}
	return 0, false
}

// loadPacket emits dst = n bytes at base+off in network byte order.
func (g *gen) loadPacket(dst, base asm.Register, off, n int) {
	if off > 0x7fff {
		g.emit(
			asm.Mov.Reg(g.regTmp, base),
			asm.Add.Imm(g.regTmp, int32(off)))
		base, off = g.regTmp, 0
	}
	g.emit(asm.LoadMem(dst, base, int16(off), sizes[n]))
	if n > 1 {
		g.emit(asm.HostTo(asm.BE, dst, sizes[n]))
	}
}

// boundsCheck emits the check the bounds analysis placed at this pc:
// data + bound <= data_end, or the drop verdict.
func (g *gen) boundsCheck() {
	b := g.check[g.pc]
	if b == 0 {
		return
	}
	g.emit(
		asm.Mov.Reg(g.regTmp, g.regData),
		asm.Add.Imm(g.regTmp, int32(b)),
		asm.JGT.Reg(g.regTmp, g.regEnd, g.dropLabel))
}

// loadInd translates A = [x + k].
//
// The socket target uses the legacy LD_IND instruction (offset X + k
// computed in 32 bits, as in the kernel).
//
// The direct targets keep data + X in R5 while X does not change and check
// it once for the largest bound a straight-line path needs. Where k is
// small, X must be at most 64 KiB minus that bound, otherwise the load
// ends with the drop verdict; this differs from the kernel only if X + k
// wraps around 2^32 back into the packet, which libpcap's programs never
// do. A larger k is computed per load, modulo 2^32, like the kernel.
func (g *gen) loadInd(k uint32, n int) error {
	if g.mode == modeSocket {
		g.emit(asm.LoadInd(g.regA, g.regX, int32(k), sizes[n]))
		return nil
	}
	if g.helperAccess() {
		g.helperLoad(g.regA, k, n, true)
		return nil
	}
	if indMerged(k, n) {
		// b <= 0x7fff (indMerged), which every target can read.
		if b := g.checkInd[g.pc]; b != 0 {
			g.emit(
				asm.Mov.Reg(g.regTmp, g.regX),
				asm.JGT.Imm(g.regTmp, int32(g.maxOff()-b), g.dropLabel),
				asm.Mov.Reg(g.regIndPtr, g.regData),
				asm.Add.Reg(g.regIndPtr, g.regTmp),
				asm.Mov.Reg(g.regTmp, g.regIndPtr),
				asm.Add.Imm(g.regTmp, int32(b)),
				asm.JGT.Reg(g.regTmp, g.regEnd, g.dropLabel))
		}
		g.loadPacket(g.regA, g.regIndPtr, int(k), n)
		return nil
	}
	// The offset wraps modulo 2^32 as in the kernel; a negative one
	// (as an int32) is out of bounds here.
	if g.frag != nil {
		// A fragment has no second temporary: the checked pointer is
		// start + offset + n, and the load reaches back n bytes from it.
		g.emit(
			asm.Mov.Reg32(g.regTmp, g.regX),
			asm.Add.Imm32(g.regTmp, int32(k)),
			asm.JGT.Imm(g.regTmp, int32(g.maxOff()-n), g.dropLabel),
			asm.Add.Reg(g.regTmp, g.regData),
			asm.Add.Imm(g.regTmp, int32(n)),
			asm.JGT.Reg(g.regTmp, g.regEnd, g.dropLabel),
			asm.LoadMem(g.regA, g.regTmp, int16(-n), sizes[n]))
		if n > 1 {
			g.emit(asm.HostTo(asm.BE, g.regA, sizes[n]))
		}
		return nil
	}
	g.emit(
		asm.Mov.Reg32(g.regTmp, g.regX),
		asm.Add.Imm32(g.regTmp, int32(k)),
		asm.JGT.Imm(g.regTmp, int32(maxPacketOff-n), g.dropLabel),
		asm.Mov.Reg(g.regTmp2, g.regData),
		asm.Add.Reg(g.regTmp2, g.regTmp),
		asm.Mov.Reg(g.regTmp, g.regTmp2),
		asm.Add.Imm(g.regTmp, int32(n)),
		asm.JGT.Reg(g.regTmp, g.regEnd, g.dropLabel))
	g.loadPacket(g.regA, g.regTmp2, 0, n)
	return nil
}

// indMerged reports whether the load [x + k] of n bytes takes part in the
// merged checks relative to data + X.
func indMerged(k uint32, n int) bool { return k+uint32(n) <= 0x7fff }

// loadMSH translates X = 4*([k]&0xf).
func (g *gen) loadMSH(k uint32) error {
	if g.mode == modeSocket {
		// LD_ABS leaves its result in R0, which is A.
		g.emit(
			asm.Mov.Reg32(g.regSaveA, g.regA),
			asm.LoadAbs(int32(k), asm.Byte),
			asm.And.Imm32(g.regA, 0xf),
			asm.LSh.Imm32(g.regA, 2),
			asm.Mov.Reg32(g.regX, g.regA),
			asm.Mov.Reg32(g.regA, g.regSaveA))
		return nil
	}
	off, ok := directOffset(k)
	if !ok || off+1 > g.maxOff() {
		g.emit(asm.Ja.Label(g.dropLabel))
		return nil
	}
	if g.helperAccess() {
		g.helperLoad(g.regX, uint32(off), 1, false)
	} else {
		g.boundsCheck()
		g.loadPacket(g.regX, g.regData, off, 1)
	}
	g.emit(
		asm.And.Imm32(g.regX, 0xf),
		asm.LSh.Imm32(g.regX, 2))
	return nil
}

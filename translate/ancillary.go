package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/internal/bpfctx"
)

// Ancillary offsets, relative to SKF_AD_OFF (include/uapi/linux/filter.h).
const (
	adProtocol   = 0
	adPktType    = 4
	adIfindex    = 8
	adNLAttr     = 12
	adNLAttrNest = 16
	adMark       = 20
	adQueue      = 24
	adHatype     = 28
	adRxHash     = 32
	adCPU        = 36
	adXorX       = 40
	adVLANTag    = 44
	adVLANTagPr  = 48
	adPayOffset  = 52
	adRandom     = 56
	adVLANTPID   = 60
)

// skbField describes an ancillary value read from struct __sk_buff: its
// offset, and whether the field holds a big-endian 16-bit value that the
// classic load converts to host order (protocol, vlan_proto).
type skbField struct {
	off   int16
	be16  bool
	name  string
	xdpOK bool // xdp_md has it too, at xdpOff
	xdp   int16
}

var skbFields = map[uint32]skbField{
	adProtocol:  {off: bpfctx.SKBProtocol, be16: true, name: "protocol"},
	adPktType:   {off: bpfctx.SKBPktType, name: "pkttype"},
	adIfindex:   {off: bpfctx.SKBIfindex, name: "ifindex", xdpOK: true, xdp: bpfctx.XDPIngressIfindex},
	adMark:      {off: bpfctx.SKBMark, name: "mark"},
	adQueue:     {off: bpfctx.SKBQueueMapping, name: "queue", xdpOK: true, xdp: bpfctx.XDPRxQueueIndex},
	adRxHash:    {off: bpfctx.SKBHash, name: "rxhash"},
	adVLANTag:   {off: bpfctx.SKBVLANTCI, name: "vlan_tci"},
	adVLANTagPr: {off: bpfctx.SKBVLANPresent, name: "vlan_avail"},
	adVLANTPID:  {off: bpfctx.SKBVLANProto, be16: true, name: "vlan_tpid"},
}

// ancillary translates an absolute load from SKF_AD_OFF+off: A = the
// ancillary value, whatever the load's width, as in the kernel.
//
// The socket and TC targets read struct __sk_buff. XDP has no sk_buff: the
// interface and queue come from struct xdp_md; VLAN tags are never taken
// out of an XDP packet, so vlan_avail, vlan_tci and vlan_tpid are 0; the
// other sk_buff fields are refused.
func (g *gen) ancillary(off uint32) error {
	if g.frag != nil {
		return g.fragmentAncillary(off)
	}
	if f, ok := skbFields[off]; ok {
		switch {
		case g.mode.target().Info().Context == ContextSKBuff:
			g.emit(asm.LoadMem(g.regA, g.regCtx, f.off, asm.Word))
			if f.be16 {
				g.emit(asm.HostTo(asm.BE, g.regA, asm.Half))
			}
		case f.xdpOK:
			g.emit(asm.LoadMem(g.regA, g.regCtx, f.xdp, asm.Word))
		case off == adVLANTag || off == adVLANTagPr || off == adVLANTPID:
			g.emit(asm.Mov.Imm32(g.regA, 0))
		default:
			return fmt.Errorf("ancillary field %s: %w for XDP (no sk_buff)", f.name, ErrUnsupported)
		}
		return nil
	}
	switch off {
	case adXorX:
		g.emit(asm.Xor.Reg32(g.regA, g.regX))
	case adCPU:
		g.emit(asm.FnGetSmpProcessorId.Call())
	case adRandom:
		g.emit(asm.FnGetPrandomU32.Call())
	case adHatype:
		return fmt.Errorf("ancillary field hatype: %w (not in __sk_buff)", ErrUnsupported)
	case adPayOffset:
		return fmt.Errorf("ancillary field poff: %w (not in __sk_buff)", ErrUnsupported)
	case adNLAttr, adNLAttrNest:
		return fmt.Errorf("netlink attribute extensions: %w", ErrUnsupported)
	default:
		return fmt.Errorf("unknown ancillary offset SKF_AD_OFF+%d", off)
	}
	return nil
}

// callsHelper reports whether the ancillary load at off calls a helper,
// which clobbers R1-R5.
func callsHelper(off uint32) bool { return off == adCPU || off == adRandom }

// packetLen sets dst to the packet's length: skb->len for the socket and
// TC targets, for XDP the length of the whole frame including any
// fragments (bpf_xdp_get_buff_len), and for a fragment the distance
// between its packet bounds.
func (g *gen) packetLen(dst asm.Register) {
	if g.frag != nil {
		g.fragmentLen(dst)
		return
	}
	if ctx := g.mode.target().Info().Context; ctx.Len >= 0 {
		g.emit(asm.LoadMem(dst, g.regCtx, ctx.Len, asm.Word))
		return
	}
	if dst != asm.R0 {
		g.emit(asm.StoreMem(asm.RFP, g.fp(saveSlot), g.regA, asm.DWord))
	}
	g.emit(
		asm.Mov.Reg(asm.R1, g.regCtx),
		asm.FnXdpGetBuffLen.Call())
	if dst != asm.R0 {
		g.emit(
			asm.Mov.Reg32(dst, asm.R0),
			asm.LoadMem(g.regA, asm.RFP, g.fp(saveSlot), asm.DWord))
	}
}

// fragmentAncillary translates an ancillary load in a fragment. Only
// AccessSkbLoadBytes has a __sk_buff (in Context) to read fields from; no
// mode calls the helpers of cpu and random, whose calls would clobber the
// caller's registers.
func (g *gen) fragmentAncillary(off uint32) error {
	if f, ok := skbFields[off]; ok {
		if g.frag.Access != AccessSkbLoadBytes {
			return fmt.Errorf("ancillary field %s: %w with %v: the fragment has no __sk_buff (only AccessSkbLoadBytes reads one)", f.name, ErrUnsupported, g.frag.Access)
		}
		g.emit(asm.LoadMem(g.regA, g.regCtx, f.off, asm.Word))
		if f.be16 {
			g.emit(asm.HostTo(asm.BE, g.regA, asm.Half))
		}
		return nil
	}
	switch off {
	case adXorX:
		g.emit(asm.Xor.Reg32(g.regA, g.regX))
		return nil
	case adCPU, adRandom:
		name := map[uint32]string{adCPU: "cpu", adRandom: "random"}[off]
		return fmt.Errorf("ancillary field %s: %w in a fragment (it would call a helper)", name, ErrUnsupported)
	}
	// The others (hatype, poff, netlink, unknown offsets) are refused
	// as in whole programs.
	saved := g.frag
	g.frag = nil
	err := g.ancillary(off)
	g.frag = saved
	return err
}

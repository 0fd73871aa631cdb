package capture

import (
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// Linux ancillary loads read packet metadata at these offsets above
// SKF_AD_OFF (include/uapi/linux/filter.h).
const (
	skfADOff   = 0xfffff000 // SKF_AD_OFF (-0x1000) as the unsigned k of a load
	adProtocol = 0          // SKF_AD_PROTOCOL
	adPktType  = 4          // SKF_AD_PKTTYPE
	adIfindex  = 8          // SKF_AD_IFINDEX

	packetOutgoing = 4 // PACKET_OUTGOING, the pkt_type of a packet being sent

	sllHeaderLen  = 16 // SLL_HDR_LEN
	sll2HeaderLen = 20 // SLL2_HDR_LEN
)

// Classic BPF opcode fields used to find packet loads.
const (
	classMask = 0x07
	classLD   = 0x00
	classLDX  = 0x01
	modeMask  = 0xe0
	modeABS   = 0x20
	modeIND   = 0x40
	modeMSH   = 0xa0
)

// fixCooked rewrites a program compiled for a cooked link type so that the
// kernel can run it on a SOCK_DGRAM packet socket, which hands the filter
// the packet from the network header on: loads from the link-layer
// payload move down by the header length, and loads of the header fields
// the kernel knows become ancillary loads (libpcap's fix_offset). It
// reports false when the program reads a header field the kernel cannot
// give (a link-layer address, say); then the filter must run in user
// space, as libpcap does.
func fixCooked(raw []bpf.RawInstruction, lt cbpf.LinkType) ([]bpf.RawInstruction, bool) {
	out := make([]bpf.RawInstruction, len(raw))
	copy(out, raw)
	for i := range out {
		ins := &out[i]
		class := ins.Op & classMask
		if class != classLD && class != classLDX {
			continue
		}
		switch ins.Op & modeMask {
		case modeABS, modeIND, modeMSH:
		default:
			continue
		}
		k, ok := fixOffset(ins.K, lt)
		if !ok {
			return nil, false
		}
		ins.K = k
	}
	return out, true
}

// fixOffset maps one load offset of a cooked-mode program to what the
// kernel filter must read instead.
func fixOffset(k uint32, lt cbpf.LinkType) (uint32, bool) {
	if k >= skfADOff {
		return k, true // already ancillary
	}
	if lt == cbpf.LinkLinuxSLL2 {
		switch {
		case k >= sll2HeaderLen:
			return k - sll2HeaderLen, true
		case k == 0:
			return skfADOff + adProtocol, true
		case k == 4:
			return skfADOff + adIfindex, true
		case k == 10:
			return skfADOff + adPktType, true
		}
	} else {
		switch {
		case k >= sllHeaderLen:
			return k - sllHeaderLen, true
		case k == 0:
			return skfADOff + adPktType, true
		case k == 14:
			return skfADOff + adProtocol, true
		}
	}
	// Other header bytes have no kernel equivalent; negative offsets
	// (SKF_NET_OFF, SKF_LL_OFF) are left alone, as libpcap does.
	return k, int32(k) < 0
}

// prefixSpec says which packets the kernel filter rejects before the
// user's filter runs.
type prefixSpec struct {
	dir        Direction
	loopback   bool // capturing on the loopback device: drop the outgoing copy
	anyLoIndex int  // on "any": the loopback device's index, whose outgoing copies are dropped; 0 for none
}

// directionPrefix returns classic instructions to put in front of a
// filter. libpcap drops these packets in user space after they passed the
// kernel filter (linux_check_direction); gocap drops them in the kernel.
// Control falls through to the instruction after the prefix for packets
// that go on to the filter. The prefix is nil when nothing is dropped.
func directionPrefix(s prefixSpec) []bpf.Instruction {
	rejectOut := s.dir == In || s.loopback
	loCheck := !rejectOut && s.anyLoIndex > 0
	rejectIn := s.dir == Out
	if !rejectOut && !loCheck && !rejectIn {
		return nil
	}
	var outBlock, inBlock []bpf.Instruction
	if rejectIn {
		inBlock = []bpf.Instruction{bpf.RetConstant{Val: 0}}
	}
	switch {
	case rejectOut:
		outBlock = []bpf.Instruction{bpf.RetConstant{Val: 0}}
	case loCheck:
		outBlock = []bpf.Instruction{
			bpf.LoadExtension{Num: bpf.ExtInterfaceIndex},
			bpf.JumpIf{Cond: bpf.JumpEqual, Val: uint32(s.anyLoIndex), SkipTrue: 0, SkipFalse: uint8(1 + len(inBlock))},
			bpf.RetConstant{Val: 0},
		}
	default:
		outBlock = []bpf.Instruction{bpf.Jump{Skip: uint32(len(inBlock))}}
	}
	p := []bpf.Instruction{
		bpf.LoadExtension{Num: bpf.ExtType},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: packetOutgoing, SkipTrue: 0, SkipFalse: uint8(len(outBlock))},
	}
	p = append(p, outBlock...)
	return append(p, inBlock...)
}

// kernelProgram is what a capture attaches to its sockets.
type kernelProgram struct {
	raw      []bpf.RawInstruction // the program for the kernel
	userland bool                 // the user's filter must also run in user space
}

// buildKernelProgram assembles the kernel's program: the prefix, then the
// user's filter (fixed for a cooked socket), or an accept-all return when
// there is no filter or it must run in user space.
func buildKernelProgram(prefix, filter []bpf.Instruction, lt cbpf.LinkType, cooked bool, snaplen uint32) (*kernelProgram, error) {
	kp := &kernelProgram{}
	pre, err := bpf.Assemble(prefix)
	if err != nil {
		return nil, fmt.Errorf("assemble direction test: %w", err)
	}
	accept := []bpf.RawInstruction{{Op: 0x06, K: snaplen}} // ret #snaplen
	body := accept
	if len(filter) > 0 {
		raw, err := bpf.Assemble(filter)
		if err != nil {
			return nil, fmt.Errorf("assemble filter: %w", err)
		}
		body = raw
		if cooked {
			fixed, ok := fixCooked(raw, lt)
			if ok {
				body = fixed
			} else {
				kp.userland = true
				body = accept
			}
		}
	}
	kp.raw = append(pre, body...)
	return kp, nil
}

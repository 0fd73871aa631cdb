package ebpf

import (
	"math/bits"

	"github.com/gocap/gocap/internal/bpfctx"
)

// SKBuff holds the fields of Linux's struct __sk_buff that RunSocket exposes
// to the program. Loads use the kernel's layout (offsets in parentheses);
// every field is a 32-bit value as the program reads it, except Protocol and
// VLANProto, which are given here in host order and which the program reads
// as a little-endian Linux machine presents them: the network-order 16-bit
// value loaded as is, so a program must byte-swap them (be16) as Linux's own
// classic-BPF conversion does.
//
// The data (76), data_meta (140) and data_end (80) fields are not stored
// here: 4-byte loads of them give pointers to the start and the end of the
// packet passed to RunSocket, as the kernel's rewrite of those loads does.
// Other fields of __sk_buff up to its size (192 bytes) read as zero, except
// the pointer fields flow_keys (144) and sk (168), whose loads fault. Stores
// to the context fault: the context is read-only in this VM (Linux allows
// socket filters to write cb[]).
type SKBuff struct {
	Len            uint32    // len (0): the packet's length on the wire
	PktType        uint32    // pkt_type (4): PACKET_HOST, PACKET_BROADCAST, ...
	Mark           uint32    // mark (8)
	QueueMapping   uint32    // queue_mapping (12)
	Protocol       uint16    // protocol (16): EtherType, host order here
	VLANPresent    uint32    // vlan_present (20): 1 if VLANTCI is valid
	VLANTCI        uint32    // vlan_tci (24)
	VLANProto      uint16    // vlan_proto (28): TPID, host order here
	Priority       uint32    // priority (32)
	IngressIfindex uint32    // ingress_ifindex (36)
	Ifindex        uint32    // ifindex (40)
	TCIndex        uint32    // tc_index (44)
	CB             [5]uint32 // cb[5] (48 to 67)
	Hash           uint32    // hash (68)
	TCClassid      uint32    // tc_classid (72)
	NapiID         uint32    // napi_id (84)

	// NetworkOffset is not a field of __sk_buff: it is where the network
	// header starts in the packet passed to RunSocket, which legacy loads
	// at SKF_NET_OFF+k read from (k bytes after it), as Linux reads them
	// from skb_network_header. For a packet socket on Ethernet it is 14;
	// 0, the default, suits a packet that starts at its network header.
	NetworkOffset uint32
}

// XDPMD holds the fields of Linux's struct xdp_md that RunXDP exposes. The
// data (0), data_end (4) and data_meta (8) fields are not stored here: 4-byte
// loads of them give pointers into the packet passed to RunXDP (there is no
// metadata area, so data_meta equals data). Stores to the context fault.
//
// FrameLen is not a field of xdp_md: it is what the VM's built-in
// bpf_xdp_get_buff_len returns, the frame's length on the wire (linear part
// and fragments, as the kernel counts it). 0 means len(pkt), right when
// pkt is the whole frame; set it when pkt is a capture truncated to a
// snapshot length.
type XDPMD struct {
	IngressIfindex uint32 // ingress_ifindex (12)
	RxQueueIndex   uint32 // rx_queue_index (16)
	EgressIfindex  uint32 // egress_ifindex (20)
	FrameLen       uint32 // not in xdp_md: bpf_xdp_get_buff_len's result; 0 means len(pkt)
}

type ctxKind uint8

const (
	ctxNone ctxKind = iota
	ctxSKB
	ctxXDP
)

// context is the context of the current run.
type context struct {
	kind   ctxKind
	skb    *SKBuff
	xdp    *XDPMD
	pktLen uint64
}

// load reads n bytes at offset off of the context. Pointer fields can only be
// read whole (4 bytes); other fields may be read in part, as if the structure
// were laid out in little-endian memory.
func (c *context) load(off, n uint64) (uint64, bool) {
	var size uint64
	switch c.kind {
	case ctxSKB:
		size = bpfctx.SKBSize
	case ctxXDP:
		size = bpfctx.XDPSize
	default:
		return 0, false
	}
	if off+n > size {
		return 0, false
	}
	// Pointer fields.
	for w := off &^ 3; w < off+n; w += 4 {
		if p, isPtr, ok := c.pointer(w); isPtr {
			if n != 4 || w != off || !ok {
				return 0, false
			}
			return p, true
		}
	}
	if n == 4 && off&3 == 0 {
		return uint64(c.word(off)), true
	}
	var v uint64
	for i := uint64(0); i < n; i++ {
		b := off + i
		v |= uint64(byte(c.word(b&^3)>>(8*(b&3)))) << (8 * i)
	}
	return v, true
}

// pointer reports whether the 4-byte word at offset w is a pointer field and,
// if it is one the VM can provide, its value.
func (c *context) pointer(w uint64) (p uint64, isPtr, ok bool) {
	if c.kind == ctxSKB {
		switch w {
		case bpfctx.SKBData, bpfctx.SKBDataMeta:
			return packetBase, true, true
		case bpfctx.SKBDataEnd:
			return packetBase + c.pktLen, true, true
		case bpfctx.SKBFlowKeys, bpfctx.SKBFlowKeys + 4, bpfctx.SKBSK, bpfctx.SKBSK + 4:
			return 0, true, false
		}
		return 0, false, false
	}
	switch w {
	case bpfctx.XDPData, bpfctx.XDPDataMeta:
		return packetBase, true, true
	case bpfctx.XDPDataEnd:
		return packetBase + c.pktLen, true, true
	}
	return 0, false, false
}

// word returns the non-pointer 32-bit field at offset w (a multiple of 4).
func (c *context) word(w uint64) uint32 {
	if c.kind == ctxXDP {
		switch w {
		case bpfctx.XDPIngressIfindex:
			return c.xdp.IngressIfindex
		case bpfctx.XDPRxQueueIndex:
			return c.xdp.RxQueueIndex
		case bpfctx.XDPEgressIfindex:
			return c.xdp.EgressIfindex
		}
		return 0
	}
	s := c.skb
	switch w {
	case bpfctx.SKBProtocol:
		return uint32(bits.ReverseBytes16(s.Protocol))
	case bpfctx.SKBVLANProto:
		return uint32(bits.ReverseBytes16(s.VLANProto))
	case bpfctx.SKBCB, bpfctx.SKBCB + 4, bpfctx.SKBCB + 8, bpfctx.SKBCB + 12, bpfctx.SKBCB + 16:
		return s.CB[(w-bpfctx.SKBCB)/4]
	}
	if i := w / 4; i < uint64(len(skbWords)) && skbWords[i] != nil {
		return *skbWords[i](s)
	}
	return 0
}

// skbWords gives the 32-bit fields of SKBuff read as they are, by their
// offset in __sk_buff divided by 4 (word adds the byte-swapped and the
// array fields).
var skbWords = [bpfctx.SKBSize / 4]func(*SKBuff) *uint32{
	bpfctx.SKBLen / 4:            func(s *SKBuff) *uint32 { return &s.Len },
	bpfctx.SKBPktType / 4:        func(s *SKBuff) *uint32 { return &s.PktType },
	bpfctx.SKBMark / 4:           func(s *SKBuff) *uint32 { return &s.Mark },
	bpfctx.SKBQueueMapping / 4:   func(s *SKBuff) *uint32 { return &s.QueueMapping },
	bpfctx.SKBVLANPresent / 4:    func(s *SKBuff) *uint32 { return &s.VLANPresent },
	bpfctx.SKBVLANTCI / 4:        func(s *SKBuff) *uint32 { return &s.VLANTCI },
	bpfctx.SKBPriority / 4:       func(s *SKBuff) *uint32 { return &s.Priority },
	bpfctx.SKBIngressIfindex / 4: func(s *SKBuff) *uint32 { return &s.IngressIfindex },
	bpfctx.SKBIfindex / 4:        func(s *SKBuff) *uint32 { return &s.Ifindex },
	bpfctx.SKBTCIndex / 4:        func(s *SKBuff) *uint32 { return &s.TCIndex },
	bpfctx.SKBHash / 4:           func(s *SKBuff) *uint32 { return &s.Hash },
	bpfctx.SKBTCClassid / 4:      func(s *SKBuff) *uint32 { return &s.TCClassid },
	bpfctx.SKBNapiID / 4:         func(s *SKBuff) *uint32 { return &s.NapiID },
}

package capture

import (
	"encoding/binary"

	"github.com/gocap/gocap/cbpf"
)

// linkInfo is what a packet socket says about a packet besides its bytes
// (struct sockaddr_ll and the ring's VLAN fields): what the cooked
// headers are made of.
type linkInfo struct {
	protocol  uint16 // EtherType or other protocol, host order
	ifindex   int32
	hatype    uint16 // ARPHRD_ type of the interface
	pkttype   uint8  // PACKET_HOST, PACKET_OUTGOING, ...
	halen     uint8
	addr      [8]byte
	vlanValid bool // the kernel took a VLAN tag out of the packet
	vlanTCI   uint16
	vlanTPID  uint16 // 0 when the kernel did not say
}

// cookedHeaderLen is the length of the cooked header for lt.
func cookedHeaderLen(lt cbpf.LinkType) int {
	if lt == cbpf.LinkLinuxSLL2 {
		return sll2HeaderLen
	}
	return sllHeaderLen
}

// putCooked writes the LINUX_SLL or LINUX_SLL2 header for a packet into b,
// which must be cookedHeaderLen(lt) bytes long, as libpcap builds it
// (pcap_handle_packet_mmap).
func putCooked(b []byte, lt cbpf.LinkType, li *linkInfo) {
	be := binary.BigEndian
	if lt == cbpf.LinkLinuxSLL2 {
		be.PutUint16(b[0:], li.protocol)
		be.PutUint16(b[2:], 0) // reserved
		be.PutUint32(b[4:], uint32(li.ifindex))
		be.PutUint16(b[8:], li.hatype)
		b[10] = li.pkttype
		b[11] = li.halen
		copy(b[12:20], li.addr[:])
		return
	}
	be.PutUint16(b[0:], uint16(li.pkttype))
	be.PutUint16(b[2:], li.hatype)
	be.PutUint16(b[4:], uint16(li.halen))
	copy(b[6:14], li.addr[:])
	be.PutUint16(b[14:], li.protocol)
}

// vlanTPID is the tag protocol to write back for a stripped tag: the one
// the kernel reported, or 802.1Q when it reported none (libpcap's
// VLAN_TPID).
func (li *linkInfo) vlanTPIDOr8021Q() uint16 {
	if li.vlanTPID != 0 {
		return li.vlanTPID
	}
	return 0x8100
}

// cookedPacket builds the packet libpcap hands out for a cooked capture
// in dst (grown as needed): the cooked header, then, for LINUX_SLL only,
// the VLAN tag the kernel stripped (libpcap puts it back at the SLL
// protocol field; LINUX_SLL2 carries no tag), then the payload. It
// returns the packet and the number of bytes it added in front of the
// payload.
func cookedPacket(dst []byte, lt cbpf.LinkType, li *linkInfo, payload []byte) ([]byte, int) {
	hl := cookedHeaderLen(lt)
	extra := hl
	tag := lt == cbpf.LinkLinuxSLL && li.vlanValid
	if tag {
		extra += 4
	}
	n := extra + len(payload)
	if cap(dst) < n {
		dst = make([]byte, n, n+n/2)
	}
	dst = dst[:n]
	putCooked(dst[:hl], lt, li)
	if tag {
		// The header's protocol field becomes the tag protocol,
		// followed by the tag and then the original protocol.
		binary.BigEndian.PutUint16(dst[hl-2:], li.vlanTPIDOr8021Q())
		binary.BigEndian.PutUint16(dst[hl:], li.vlanTCI)
		binary.BigEndian.PutUint16(dst[hl+2:], li.protocol)
	}
	copy(dst[extra:], payload)
	return dst, extra
}

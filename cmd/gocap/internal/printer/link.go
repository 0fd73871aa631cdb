package printer

import (
	"encoding/binary"
	"net"
	"sync"
)

var nullFamilies = map[uint32]string{
	2: "IPv4", 6: "NS", 7: "ISO", 16: "Appletalk", 23: "IPX", 24: "IPv6", 28: "IPv6", 30: "IPv6",
}

// null prints a DLT_NULL or DLT_LOOP frame. Its family is in host byte
// order for DLT_NULL and in network byte order for DLT_LOOP, but tcpdump
// reads both the same way, as a little-endian (its host's order) value
// byte-swapped when its upper 16 bits are not zero.
func (p *Printer) null(b []byte, length int) int {
	r := p.reader("null", b)
	r.need(0, 4) // tcpdump's ND_TCHECK_LEN here ends the packet
	fam := binary.LittleEndian.Uint32(b)
	if fam&0xffff0000 != 0 {
		fam = binary.BigEndian.Uint32(b)
	}
	hdr := func(length int) {
		name, ok := nullFamilies[fam]
		if !p.o.Quiet {
			if !ok {
				name = "Unknown"
			}
			p.printf("AF %s (%d)", name, fam)
		} else {
			if !ok {
				name = sprintf("Unknown AF %d", fam)
			}
			p.print(name)
		}
		p.printf(", length %d: ", length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	b = b[4:]
	length -= 4
	switch fam {
	case 2:
		p.ip(b, length)
	case 24, 28, 30:
		p.ip6(b, length)
	case 7:
		p.isoclns(b, length)
	case 16:
		p.atalk(b, length)
	case 23:
		p.ipx(b, length)
	default:
		if !p.o.LinkHeader {
			hdr(length + 4)
		}
		p.defaultPrint(b)
	}
	return 4
}

// raw prints a raw IP packet (DLT_RAW, DLT_IPV4, DLT_IPV6): tcpdump 4.99.3
// decodes by the version nibble whatever the link type says.
func (p *Printer) raw(b []byte, length int) int {
	if p.o.LinkHeader {
		p.print("ip: ")
	}
	p.ipN(b, length)
	return 0
}

// ipN prints an IPv4 or IPv6 packet chosen by its version.
func (p *Printer) ipN(b []byte, length int) {
	r := p.reader("ipn", b)
	if length < 1 {
		p.printf("truncated-ip %d", length)
		return
	}
	switch r.u8(0) & 0xf0 {
	case 0x40:
		p.ip(b, length)
	case 0x60:
		p.ip6(b, length)
	default:
		p.printf("unknown ip %d", b[0]>>4)
	}
}

var sllPktTypes = map[uint16]string{0: "In", 1: "B", 2: "M", 3: "P", 4: "Out"}

func sllPktType(t uint16) string {
	if s, ok := sllPktTypes[t]; ok {
		return s
	}
	return "?"
}

// sllProto prints the protocol part of an SLL -e header.
func (p *Printer) sllProto(t uint16, length int) {
	if p.o.Quiet {
		return
	}
	if t <= 1500 {
		switch t {
		case 1:
			p.print("802.3")
		case 4:
			p.print("802.2")
		default:
			p.printf("ethertype Unknown (0x%04x)", t)
		}
	} else {
		p.printf("ethertype %s (0x%04x)", ethertypeName(t, "Unknown"), t)
	}
	p.printf(", length %d: ", length)
}

// arphrdRadiotap is Linux's ARPHRD_IEEE80211_RADIOTAP, the hardware type
// of a cooked frame whose payload is a radiotap header and an 802.11 frame
// (the protocol field is then not looked at).
const arphrdRadiotap = 803

// sll prints a Linux cooked (v1) frame.
func (p *Printer) sll(b []byte, length int) int {
	r := p.reader("sll", b)
	r.need(0, 16) // tcpdump's ND_TCHECK_LEN here ends the packet
	hdr := func(length int) {
		p.printf("%3s ", sllPktType(binary.BigEndian.Uint16(b)))
		if binary.BigEndian.Uint16(b[4:]) == 6 {
			p.printf("%s ", p.etherAddr(b[6:12]))
		}
		p.sllProto(binary.BigEndian.Uint16(b[14:]), length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	if binary.BigEndian.Uint16(b[2:]) == arphrdRadiotap {
		return 16 + p.radiotap(b[16:], length-16)
	}
	t := binary.BigEndian.Uint16(b[14:])
	return 16 + p.sllPayload(t, b[16:], length-16, func(tags int) { hdr(length - tags) })
}

// sllPayload prints what follows an SLL or SLL2 header; hdr prints the
// header as -e does, for a frame whose VLAN tags (tags bytes) are left
// out of its length, as tcpdump's sll_print counts it.
func (p *Printer) sllPayload(t uint16, b []byte, length int, hdr func(tags int)) int {
	n := 0
	for {
		switch {
		case t <= 1500:
			switch t {
			case 1: // Novell 802.3: IPX without an LLC header
				p.ipx(b, length)
			case 4:
				k := p.llc(b, length, nil, nil)
				if k < 0 {
					// Unlike Ethernet's, tcpdump's SLL printer does
					// not count an LLC header it could not go past.
					p.defaultPrint(b)
					return n
				}
				return n + k
			default:
				p.defaultPrint(b)
			}
			return n
		case t == etVLAN:
			if len(b) < 4 {
				// tcpdump's own marker: the packet ends here, and -x
				// dumps nothing.
				p.truncMark("vlan")
				return n + len(b)
			}
			tci := binary.BigEndian.Uint16(b)
			if p.o.LinkHeader {
				p.printf("%s, ", vlanTCI(tci))
			}
			t = binary.BigEndian.Uint16(b[2:])
			if !p.o.Quiet {
				// With or without -e, as tcpdump's sll_print does; a
				// length field stands for 802.2, which has no name.
				name := "Unknown"
				if t > 1500 {
					name = ethertypeName(t, "Unknown")
				}
				p.print("ethertype " + name + ", ")
			}
			if t <= 1500 {
				t = 4 // 802.2 LLC
			}
			b = b[4:]
			length -= 4
			n += 4
		default:
			if !p.ethertype(t, b, length) {
				if !p.o.LinkHeader {
					hdr(n)
				}
				p.defaultPrint(b)
			}
			return n
		}
	}
}

// ifNames caches interface names by index: tcpdump names the SLL2
// interface as the local machine does (if_indextoname).
var ifNames sync.Map

// localIfName finds the name of the local interface with an index; a test
// comparing with a tcpdump run in another network namespace replaces it.
var localIfName = func(index int) (string, bool) {
	ifi, err := net.InterfaceByIndex(index)
	if err != nil {
		return "", false
	}
	return ifi.Name, true
}

func ifName(index uint32) string {
	if v, ok := ifNames.Load(index); ok {
		return v.(string)
	}
	name, ok := localIfName(int(index))
	if !ok {
		name = "?"
	}
	ifNames.Store(index, name)
	return name
}

// sll2 prints a Linux cooked v2 frame.
func (p *Printer) sll2(b []byte, length int) int {
	r := p.reader("sll2", b)
	r.need(0, 20) // tcpdump's ND_TCHECK_LEN here ends the packet
	idx := binary.BigEndian.Uint32(b[4:])
	p.printf("%-5s ", ifName(idx))
	p.printf("%-3s ", sllPktType(uint16(b[10])))
	hdr := func(length int) {
		p.printf("ifindex %d ", idx)
		if b[11] == 6 {
			p.printf("%s ", p.etherAddr(b[12:18]))
		}
		p.sllProto(binary.BigEndian.Uint16(b), length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	if binary.BigEndian.Uint16(b[8:]) == arphrdRadiotap {
		return 20 + p.radiotap(b[20:], length-20)
	}
	t := binary.BigEndian.Uint16(b)
	return 20 + p.sllPayload(t, b[20:], length-20, func(tags int) { hdr(length - tags) })
}

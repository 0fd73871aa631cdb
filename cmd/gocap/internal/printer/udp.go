package printer

import "encoding/binary"

// udp prints a UDP datagram; length is the IP payload length.
func (p *Printer) udp(b []byte, length int, h *ipHdr) {
	r := p.reader("udp", b)
	addrs := func(sport, dport int) {
		if sport >= 0 {
			p.addrPorts(h, 17, uint16(sport), uint16(dport), true)
		} else if h.nh == 17 {
			p.hostPair(h.src, h.dst, ": ")
		}
	}
	// tcpdump's UDP printer ends a short header with its own marker
	// instead of unwinding, so -x still dumps from the network header.
	if !r.has(0, 4) {
		addrs(-1, -1)
		r.trunc()
		return
	}
	sport, dport := int(binary.BigEndian.Uint16(b)), int(binary.BigEndian.Uint16(b[2:]))
	if length < 8 {
		addrs(sport, dport)
		p.printf("truncated-udp %d", length)
		return
	}
	if !r.has(0, 6) {
		addrs(sport, dport)
		r.trunc()
		return
	}
	ulen := int(binary.BigEndian.Uint16(b[4:]))
	if ulen == 0 && length > 65535 {
		ulen = length
	}
	if ulen < 8 {
		addrs(sport, dport)
		p.printf("truncated-udplength %d", ulen)
		return
	}
	ulen -= 8
	length -= 8
	if ulen < length {
		length = ulen
	}
	if !r.has(0, 8) {
		addrs(sport, dport)
		r.trunc()
		return
	}
	if p.udpForced(b[8:], length, h, func() { addrs(sport, dport) }) {
		return
	}
	addrs(sport, dport)
	// tcpdump looks for an NFS call or reply before the checksum and
	// any port.
	if !p.o.Quiet && p.nfsUDP(b[8:], length, uint16(sport), uint16(dport), h) {
		return
	}
	// The checksum: with -vv over IPv4, where 0 means none; with -v
	// over IPv6, where it is mandatory.
	if usum := binary.BigEndian.Uint16(b[6:]); p.o.Verbose > 0 && !p.o.NoChecksum && !h.frag && (h.v6 || p.o.Verbose > 1) {
		if !h.v6 && usum == 0 {
			p.print("[no cksum] ")
		} else if r.has(0, length+8) {
			if sum := checksum(b[:length+8], pseudoSum(h, 17, length+8)); sum != 0 {
				p.printf("[bad udp cksum 0x%04x -> 0x%04x!] ", usum, shouldBe(usum, sum))
			} else {
				p.print("[udp sum ok] ")
			}
		}
	}
	data := b[8:]
	if !p.o.Quiet && p.udpPayload(data, length, uint16(sport), uint16(dport), h) {
		return
	}
	if ulen > length && !h.frag {
		p.printf("UDP, bad length %d > %d", ulen, length)
	} else {
		p.printf("UDP, length %d", ulen)
	}
}

// udpPayload dispatches UDP payloads by port; it reports false for ports
// it does not decode.
func (p *Printer) udpPayload(b []byte, length int, sport, dport uint16, h *ipHdr) bool {
	port := func(n uint16) bool { return sport == n || dport == n }
	// The order is tcpdump's (print-udp.c): a datagram between two known
	// ports goes to the first one's printer.
	switch {
	case port(53):
		p.dns(b, length, false)
	case port(5353):
		p.dns(b, length, true)
	case port(525):
		p.timed(b)
	case port(69):
		p.tftp(b, length)
	case port(67) || port(68):
		p.bootp(b, length)
	case port(520):
		p.rip(b, length)
	case port(654):
		p.aodv(b, length, h != nil && h.v6)
	case port(500):
		p.isakmp(b, length, h)
	case port(4500):
		p.isakmpRFC3948(b, length, h)
	case port(7500) || port(8500):
		p.isakmp(b, length, h)
	case port(161) || port(162):
		p.snmp(b, length)
	case port(123):
		p.ntp(b, length)
	case port(88) || port(750):
		p.krb(b)
	case port(1701):
		p.l2tp(b, length)
	case dport == 3456:
		p.vat(b, length)
	case port(2103) || port(2104):
		p.zephyr(b, length)
	case (sport >= 7000 && sport <= 7009) || (dport >= 7000 && dport <= 7009):
		p.rx(b, length, sport, dport, h)
	case port(521):
		p.ripng(b, length)
	case port(546) || port(547):
		p.dhcp6(b, length)
	case port(5359):
		p.ahcp(b, length)
	case port(6696) || port(6697):
		p.babel(b, length)
	case port(8231):
		p.hncp(b, length)
	case dport == 4567:
		p.wb(b, length)
	case port(496):
		p.ciscoAutoRP(b, length)
	case port(1645) || port(1812) || port(1646) || port(1813) || port(1700) || port(3799):
		p.radius(b, length)
	case dport == 1985:
		p.hsrp(b, length)
	case port(921):
		p.lwres(b, length)
	case port(646):
		p.ldp(b, length)
	case port(698):
		p.olsr(b, length, h != nil && h.v6)
	case port(3503):
		p.lspping(b, length)
	case sport == bcmLIPort:
		p.bcmLI(b, length)
	case bfdPort(dport):
		p.bfd(b, length, dport)
	case port(701):
		p.lmp(b, length)
	case port(1589):
		p.vqp(b, length)
	case port(6343):
		p.sflow(b, length)
	case dport == 12223 || sport == 12223:
		p.lwappControl(b, length, dport == 12223)
	case port(12222):
		p.lwappData(b, length)
	// tcpdump tries these after the ones above.
	case port(5060):
		p.txtproto(b, length, "sip", sipCmds, true)
	case port(514):
		p.syslog(b, length)
	case port(8472):
		p.otv(b, length)
	case port(4789):
		p.vxlan(b, length)
	case port(6081):
		p.geneve(b, length)
	case port(4342):
		p.lisp(b, length)
	case port(4790):
		p.vxlanGPE(b, length)
	case port(17754):
		p.zep(b, length)
	case port(6635):
		p.mpls(b, length)
	case len(b) > 2 && b[2] == llapDDP && (atalkPort(sport) || atalkPort(dport)):
		// AppleTalk in UDP (KIP).
		if p.o.Verbose > 0 {
			p.print("kip ")
		}
		p.llap(b, length)
	case port(319) || port(320):
		p.ptp(b, length)
	case port(30490):
		p.someip(b, length)
	default:
		return false
	}
	return true
}

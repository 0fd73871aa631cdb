package printer

import (
	"fmt"
	"math"
	"net/netip"
	"strings"
)

// BGP-4 (RFC 4271 and its extensions), TCP port 179, after tcpdump's
// print-bgp.c. Without -v only ": BGP" is printed; with -v every complete
// message found in the segment is decoded on lines of its own.

const (
	bgpHeaderLen = 19 // marker, length, type
	bgpOpenLen   = 29
	bgpNotifLen  = 21
	bgpRRLen     = 23
)

var bgpMsgTypes = map[uint8]string{1: "Open", 2: "Update", 3: "Notification", 4: "Keepalive", 5: "Route Refresh"}

var bgpAttrNames = map[uint8]string{
	1: "Origin", 2: "AS Path", 17: "AS4 Path", 3: "Next Hop", 4: "Multi Exit Discriminator",
	5: "Local Preference", 6: "Atomic Aggregate", 7: "Aggregator", 18: "Aggregator4",
	8: "Community", 9: "Originator ID", 10: "Cluster List", 11: "DPA", 12: "Advertisers",
	13: "RCID Path / Cluster ID", 14: "Multi-Protocol Reach NLRI", 15: "Multi-Protocol Unreach NLRI",
	16: "Extended Community", 22: "PMSI Tunnel", 23: "Tunnel Encapsulation", 24: "Traffic Engineering",
	25: "IPv6 Extended Community", 26: "Accumulated IGP Metric", 27: "PE Distinguisher Label",
	28: "Entropy Label", 32: "Large Community", 128: "Attribute Set", 255: "Reserved for development",
}

var bgpOptNames = map[uint8]string{1: "Authentication Information", 2: "Capabilities Advertisement"}

var bgpCapNames = map[uint8]string{
	1: "Multiprotocol Extensions", 2: "Route Refresh", 3: "Cooperative Route Filtering",
	4: "Multiple Routes to a Destination", 5: "Extended Next Hop Encoding", 8: "Multiple Labels",
	64: "Graceful Restart", 65: "32-Bit AS Number", 67: "Dynamic Capability", 68: "Multisession BGP",
	69: "Multiple Paths", 70: "Enhanced Route Refresh", 71: "Long-lived Graceful Restart",
	128: "Route Refresh (Cisco)",
}

var bgpNotifyMajor = map[uint8]string{
	1: "Message Header Error", 2: "OPEN Message Error", 3: "UPDATE Message Error",
	4: "Hold Timer Expired", 5: "Finite State Machine Error", 6: "Cease", 7: "Capability Message Error",
}

// bgpNotifyMinor are the subcode names per error code, with the separator
// tcpdump prints before "subcode" (a comma for some codes, not others).
var bgpNotifyMinor = map[uint8]struct {
	sep   string
	names map[uint8]string
}{
	1: {", ", map[uint8]string{1: "Connection Not Synchronized", 2: "Bad Message Length", 3: "Bad Message Type"}},
	2: {", ", map[uint8]string{1: "Unsupported Version Number", 2: "Bad Peer AS", 3: "Bad BGP Identifier",
		4: "Unsupported Optional Parameter", 5: "Authentication Failure", 6: "Unacceptable Hold Time",
		7: "Capability Message Error"}},
	3: {", ", map[uint8]string{1: "Malformed Attribute List", 2: "Unrecognized Well-known Attribute",
		3: "Missing Well-known Attribute", 4: "Attribute Flags Error", 5: "Attribute Length Error",
		6: "Invalid ORIGIN Attribute", 7: "AS Routing Loop", 8: "Invalid NEXT_HOP Attribute",
		9: "Optional Attribute Error", 10: "Invalid Network Field", 11: "Malformed AS_PATH"}},
	5: {" ", map[uint8]string{0: "Unspecified Error", 1: "In OpenSent State", 2: "In OpenConfirm State", 3: "In Established State"}},
	6: {", ", map[uint8]string{1: "Maximum Number of Prefixes Reached", 2: "Administrative Shutdown",
		3: "Peer Unconfigured", 4: "Administrative Reset", 5: "Connection Rejected",
		6: "Other Configuration Change", 7: "Connection Collision Resolution"}},
	7: {" ", map[uint8]string{1: "Invalid Action Value", 2: "Invalid Capability Length",
		3: "Malformed Capability Value", 4: "Unsupported Capability Code"}},
}

var bgpOrigins = map[uint8]string{0: "IGP", 1: "EGP", 2: "Incomplete"}

// afNames is tcpdump's af_values (address family numbers).
var afNames = map[uint16]string{
	0: "Reserved", 1: "IPv4", 2: "IPv6", 3: "NSAP", 4: "HDLC", 5: "BBN 1822", 6: "802",
	7: "E.163", 8: "E.164", 9: "F.69", 10: "X.121", 11: "Novell IPX", 12: "Appletalk",
	13: "Decnet IV", 14: "Banyan Vines", 15: "E.164 with NSAP subaddress", 196: "Layer-2 VPN", 25: "VPLS",
}

var bgpSAFINames = map[uint8]string{
	0: "Reserved", 1: "Unicast", 2: "Multicast", 3: "Unicast+Multicast", 4: "labeled Unicast",
	64: "Tunnel", 65: "VPLS", 66: "MDT", 70: "EVPN", 128: "labeled VPN Unicast",
	129: "labeled VPN Multicast", 130: "labeled VPN Unicast+Multicast",
	132: "Route Target Routing Information", 5: "Multicast VPN",
}

var bgpPMSITunnels = map[uint8]string{1: "RSVP-TE P2MP LSP", 2: "LDP P2MP LSP", 3: "PIM-SSM Tree", 4: "PIM-SM Tree",
	5: "PIM-Bidir Tree", 6: "Ingress Replication", 7: "LDP MP2MP LSP"}

var bgpAddPathModes = map[uint8]string{1: "Receive", 2: "Send", 3: "Both"}

var bgpExtCommNames = map[uint16]string{
	0x0002: "target", 0x0102: "target", 0x0202: "target", 0x0003: "origin", 0x0103: "origin",
	0x0203: "origin", 0x4004: "link-BW", 0x0005: "ospf-domain", 0x0105: "ospf-domain",
	0x0205: "ospf-domain", 0x8005: "ospf-domain", 0x0306: "ospf-route-type", 0x8000: "ospf-route-type",
	0x030c: "encapsulation", 0x0107: "ospf-router-id", 0x8001: "ospf-router-id", 0x800a: "layer2-info",
	0x8800: "eigrp-general-route (flag, tag)", 0x8801: "eigrp-route-metric (AS, delay)",
	0x8802: "eigrp-route-metric (reliability, nexthop, bandwidth)",
	0x8803: "eigrp-route-metric (load, MTU)", 0x8804: "eigrp-external-route (remote-AS, remote-ID)",
	0x8805: "eigrp-external-route (remote-proto, remote-metric)", 0x0009: "source-AS",
	0x010b: "vrf-route-import", 0x000a: "l2vpn-id", 0xf10a: "l2vpn-id",
}

var bgpEncapTunnels = map[uint16]string{
	1: "L2TPv3 over IP", 2: "GRE", 3: "Transmit Tunnel", 4: "IPsec", 5: "IP in IP with IPsec",
	6: "MPLS in IP with IPsec", 7: "IP in IP", 8: "VXLAN", 9: "NVGRE", 10: "MPLS", 11: "MPLS in GRE",
	12: "VXLAN GPE", 13: "MPLS in UDP", 14: "IPv6", 15: "SR TE", 16: "Bare", 17: "SR",
}

var bgpOSPFRouteTypes = map[uint8]string{1: "Router", 2: "Network", 3: "Summary", 5: "External", 7: "NSSA External", 129: "MPLS-VPN Sham"}

var l2vpnEncaps = map[uint8]string{
	0: "Reserved", 1: "Frame Relay", 2: "ATM AAL5 SDU VCC transport", 3: "ATM transparent cell transport",
	4: "Ethernet (VLAN) Tagged Mode", 5: "Ethernet Raw Mode", 6: "Cisco HDLC", 7: "PPP",
	8: "SONET/SDH Circuit Emulation Service over MPLS", 9: "ATM n-to-one VCC cell transport",
	10: "ATM n-to-one VPC cell transport", 11: "IP layer 2 transport", 15: "Frame Relay Port mode",
	17: "Structure-agnostic E1 over packet", 18: "Structure-agnostic T1 (DS1) over packet", 19: "VPLS",
	20: "Structure-agnostic T3 (DS3) over packet", 21: "Nx64kbit/s Basic Service using Structure-aware",
	25: "Frame Relay DLCI", 40: "Structure-agnostic E3 over packet",
	41: "Octet-aligned playload for Structure-agnostic DS1 circuits",
	42: "E1 Nx64kbit/s with CAS using Structure-aware", 43: "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware",
	44: "DS1 (SF) Nx64kbit/s with CAS using Structure-aware",
}

// bgp prints the BGP messages of a TCP segment.
func (p *Printer) bgp(b []byte, length int) {
	r := p.reader("bgp", b)
	p.print(": BGP")
	if p.o.Verbose < 1 {
		return
	}
	off, start := 0, 0
	for off < len(b) {
		if b[off] != 0xff {
			off++
			continue
		}
		if len(b)-off < 16 {
			return
		}
		if !bgpIsMarker(b[off : off+16]) {
			off++
			continue
		}
		if !r.has(off, bgpHeaderLen) {
			r.trunc()
			return
		}
		if start != off {
			r.trunc()
		}
		hlen := int(r.be16(off + 16))
		if hlen < bgpHeaderLen {
			p.printf("\nmessage length %d < %d (invalid)", hlen, bgpHeaderLen)
			return
		}
		if !r.has(off, hlen) {
			p.printf("\n[|BGP %s]", bgpTok(bgpMsgTypes, "Unknown Message Type", b[off+18]))
			return
		}
		p.bgpMessage(r.from(off), hlen)
		off += hlen
		start = off
	}
}

func bgpIsMarker(b []byte) bool {
	for _, c := range b {
		if c != 0xff {
			return false
		}
	}
	return true
}

// bgpMessage prints one message of length n (all captured) starting
// at r's first byte; r reaches to the end of the captured segment.
func (p *Printer) bgpMessage(r reader, n int) {
	typ := r.u8(18)
	p.printf("\n\t%s Message (%d), length: %d", bgpTok(bgpMsgTypes, "Unknown", typ), typ, n)
	switch typ {
	case 1:
		r.label(func() { p.bgpOpen(r, n) })
	case 2:
		r.label(func() { p.bgpUpdate(r, n) })
	case 3:
		r.label(func() { p.bgpNotification(r, n) })
	case 4:
	case 5:
		r.label(func() { p.bgpRouteRefresh(r, n) })
	default:
		p.printf("\n\t  no Message %d decoder", typ)
		p.unknownData(r.b, "\n\t  ", n)
	}
}

// bgpAS formats an AS number as tcpdump's as_printf does: plain, or
// with -b (ASDot) in ASDOT notation when it does not fit 16 bits.
func (p *Printer) bgpAS(as uint32) string {
	if p.o.ASDot && as > 0xffff {
		return sprintf("%d.%d", as>>16, as&0xffff)
	}
	return fmt.Sprint(as)
}

func (p *Printer) bgpOpen(r reader, n int) {
	r.check(0, bgpOpenLen)
	if n < bgpOpenLen {
		gotoTrunc()
	}
	p.printf("\n\t  Version %d, ", r.u8(19))
	p.printf("my AS %s, ", p.bgpAS(uint32(r.be16(20))))
	p.printf("Holdtime %ds, ", r.be16(22))
	p.printf("ID %s", p.addr4At(r.b, 24))
	optsLen := int(r.u8(28))
	p.printf("\n\t  Optional parameters, length: %d", optsLen)
	opts := r.from(bgpOpenLen)
	n -= bgpOpenLen
	for i := 0; i < optsLen; {
		opts.check(i, 2)
		if n < 2+i {
			gotoTrunc()
		}
		typ, olen := opts.u8(i), int(opts.u8(i+1))
		if 2+i+olen > optsLen {
			p.printf("\n\t     Option %d, length: %d, goes past the end of the options", typ, olen)
			break
		}
		p.printf("\n\t    Option %s (%d), length: %d", bgpTok(bgpOptNames, "Unknown", typ), typ, olen)
		if typ == 2 {
			p.bgpCapabilities(opts.from(i+2), olen)
		} else {
			p.printf("\n\t      no decoder for option %d", typ)
		}
		i += 2 + olen
	}
}

// bgpCapabilities prints the capabilities of an OPEN's capabilities
// option; it prints its own truncation marker, as tcpdump does.
func (p *Printer) bgpCapabilities(r reader, capsLen int) {
	r.label(func() {
		afiSafi := func(off int) string {
			afi, safi := r.be16(off), r.u8(off+2)
			return sprintf("AFI %s (%d), SAFI %s (%d)", bgpTok(afNames, "Unknown", afi), afi,
				bgpTok(bgpSAFINames, "Unknown", safi), safi)
		}
		for i := 0; i < capsLen; {
			r.check(i, 2)
			typ, clen := r.u8(i), int(r.u8(i+1))
			p.printf("\n\t      %s (%d), length: %d", bgpTok(bgpCapNames, "Unknown", typ), typ, clen)
			r.check(i+2, clen)
			c := i + 2
			switch typ {
			case 1:
				if clen < 4 {
					p.print(" (too short, < 4)")
					return
				}
				afi, safi := r.be16(c), r.u8(c+3)
				p.printf("\n\t\tAFI %s (%d), SAFI %s (%d)", bgpTok(afNames, "Unknown", afi), afi,
					bgpTok(bgpSAFINames, "Unknown", safi), safi)
			case 8:
				for o, left := c, clen; left >= 4; o, left = o+4, left-4 {
					p.printf("\n\t\t%s, Count: %d", afiSafi(o), r.u8(o+3))
				}
			case 64:
				if clen < 2 {
					p.print(" (too short, < 2)")
					return
				}
				flags := "none"
				if r.u8(c)&0x80 != 0 {
					flags = "R"
				}
				p.printf("\n\t\tRestart Flags: [%s], Restart Time %ds", flags, r.be16(c)&0xfff)
				for o, left := c+2, clen-2; left >= 4; o, left = o+4, left-4 {
					fwd := "no"
					if r.u8(o+3)&0x80 != 0 {
						fwd = "yes"
					}
					p.printf("\n\t\t  %s, Forwarding state preserved: %s", afiSafi(o), fwd)
				}
			case 2, 71, 128:
			case 65:
				if clen < 4 {
					p.print(" (too short, < 4)")
					return
				}
				p.printf("\n\t\t 4 Byte AS %s", p.bgpAS(r.be32(c)))
			case 69:
				if clen == 0 {
					p.print(" (bogus)")
					break
				}
				for o, left := c, clen; left != 0; o, left = o+4, left-4 {
					if left < 4 {
						p.print(" (invalid)")
						break
					}
					p.printf("\n\t\t%s, Send/Receive: %s", afiSafi(o), tokStr(bgpAddPathModes, "Bogus (0x%02x)", r.u8(o+3)))
				}
			default:
				p.printf("\n\t\tno decoder for Capability %d", typ)
				if p.o.Verbose <= 1 {
					p.unknownData(r.b[c:], "\n\t\t", clen)
				}
			}
			if p.o.Verbose > 1 && clen != 0 {
				p.unknownData(r.b[c:], "\n\t\t", clen)
			}
			i += 2 + clen
		}
	})
}

func (p *Printer) bgpNotification(r reader, n int) {
	r.check(0, bgpNotifLen)
	if n < bgpNotifLen {
		return
	}
	major, minor := r.u8(19), r.u8(20)
	p.printf(", %s (%d)", bgpTok(bgpNotifyMajor, "Unknown Error", major), major)
	sub, ok := bgpNotifyMinor[major]
	if !ok {
		return
	}
	p.printf("%ssubcode %s (%d)", sub.sep, bgpTok(sub.names, "Unknown", minor), minor)
	if major != 6 {
		return
	}
	t := bgpNotifLen
	if minor == 1 && n >= bgpNotifLen+7 {
		afi, safi := r.be16(t), r.u8(t+2)
		p.printf(", AFI %s (%d), SAFI %s (%d), Max Prefixes: %d", bgpTok(afNames, "Unknown", afi), afi,
			bgpTok(bgpSAFINames, "Unknown", safi), safi, r.be32(t+3))
	}
	if (minor == 2 || minor == 4) && n >= bgpNotifLen+1 {
		clen := int(r.u8(t))
		rest := 0
		switch {
		case clen > n-(bgpNotifLen+1):
			p.print(", invalid Shutdown Communication length")
		case clen == 0:
			p.print(", empty Shutdown Communication")
			rest = 1
		default:
			p.printf(", Shutdown Communication (length: %d): \"", clen)
			p.printN(r.b[t+1:], clen)
			p.print("\"")
			rest = clen + 1
		}
		if left := n - (rest + bgpNotifLen); left > 0 {
			p.printf(", Data: (length: %d)", left)
			r.need(t+rest, left)
			p.unknownData(r.b[t+rest:], "\n\t\t", left)
		}
	}
}

func (p *Printer) bgpRouteRefresh(r reader, n int) {
	r.check(0, bgpRRLen)
	if n < bgpRRLen {
		return
	}
	afi, safi := r.be16(19), r.u8(22)
	p.printf("\n\t  AFI %s (%d), SAFI %s (%d)", bgpTok(afNames, "Unknown", afi), afi,
		bgpTok(bgpSAFINames, "Unknown", safi), safi)
	if p.o.Verbose > 1 {
		r.check(0, n)
		p.unknownData(r.b, "\n\t  ", n)
	}
}

// bgpPrefix decodes a prefix (length byte, then the significant bytes)
// of at most max bits from r at off with itemLen bytes available; it
// returns the text and the bytes used, -1 for a bad prefix length, or -2
// for too few bytes (tcpdump's decode_prefix4/6).
func (p *Printer) bgpPrefix(r reader, off, itemLen, maxBits int) (string, int) {
	if itemLen < 1 {
		return "", -2
	}
	plen := int(r.u8(off))
	if plen > maxBits {
		return "", -1
	}
	nb := (plen + 7) / 8
	if itemLen-1 < nb {
		return "", -2
	}
	return p.bgpAddr(r.bytes(off+1, nb), plen, maxBits), 1 + nb
}

// bgpAddr is the address of the first plen bits of a (zero-extended to
// maxBits), followed by "/plen".
func (p *Printer) bgpAddr(a []byte, plen, maxBits int) string {
	buf := make([]byte, maxBits/8)
	copy(buf, a)
	if plen%8 != 0 {
		buf[len(a)-1] &= byte(uint16(0xff00) >> (plen % 8))
	}
	var ip netip.Addr
	if maxBits == 32 {
		ip = netip.AddrFrom4([4]byte(buf))
	} else {
		ip = netip.AddrFrom16([16]byte(buf))
	}
	return sprintf("%s/%d", p.host(ip), plen)
}

// bgpAddPath guesses whether NLRI of length bytes at off carry ADD-PATH
// path identifiers (tcpdump's check_add_path).
func bgpAddPath(r reader, off, length, maxBits int) bool {
	if length < 5 {
		return false
	}
	o := 0
	for o < length {
		o += 4
		if !r.has(off+o, 1) {
			break
		}
		pl := int(r.u8(off + o))
		if pl > maxBits {
			return false
		}
		o += 1 + (pl+7)/8
	}
	if o > length {
		return false
	}
	for o = 0; o < length; {
		if !r.has(off+o, 1) {
			break
		}
		pl := int(r.u8(off + o))
		if pl < 1 || pl > maxBits {
			return true
		}
		o += 1 + (pl+7)/8
	}
	return o > length
}

func (p *Printer) bgpUpdate(r reader, length int) {
	off := 0
	// need checks that n bytes are captured and left in the message,
	// step goes past them.
	need := func(n int) {
		r.check(off, n)
		if length < n {
			gotoTrunc()
		}
	}
	step := func(n int) {
		off += n
		length -= n
	}
	need(bgpHeaderLen)
	step(bgpHeaderLen)
	need(2)
	wlen := int(r.be16(off))
	step(2)
	need(wlen)
	if wlen > 1 {
		p.print("\n\t  Withdrawn routes:")
		var k int
		k, wlen = p.bgpRoutes(r, off, wlen, true)
		step(k)
	} else {
		step(wlen)
	}
	need(2)
	alen := int(r.be16(off))
	step(2)
	if wlen == 0 && alen == 0 && length == 0 {
		p.print("\n\t  End-of-Rib Marker (empty NLRI)")
		return
	}
	if alen != 0 {
		if length < alen {
			gotoTrunc()
		}
		var ok bool
		off, length, _, ok = p.bgpAttrs(r, off, length, alen, 0)
		if !ok {
			gotoTrunc()
		}
	}
	if length != 0 {
		p.print("\n\t  Updated routes:")
		p.bgpRoutes(r, off, length, false)
	}
}

// bgpRoutes prints the IPv4 prefixes of an UPDATE's withdrawn routes
// (withdrawn set) or its NLRI, n bytes from off, each with its path ID
// when the routes look like ADD-PATH ones. It returns the bytes it went
// through (n, or fewer after an illegal prefix length) and the bytes
// left of n as tcpdump counts them. A path ID cut short ends the
// withdrawn routes (tcpdump skips the rest of them, yet counts them as
// left) but ends the NLRI as truncated.
func (p *Printer) bgpRoutes(r reader, off, n int, withdrawn bool) (went, left int) {
	addPath := bgpAddPath(r, off, n, 32)
	var pathID uint32
	for went != n {
		if addPath {
			if withdrawn {
				if n-went < 4 {
					return n, n - went
				}
			} else {
				r.check(off+went, 4)
				if n-went < 4 {
					gotoTrunc()
				}
			}
			pathID = r.be32(off + went)
			went += 4
		}
		s, k := p.bgpPrefix(r, off+went, n-went, 32)
		if k == -1 {
			p.print("\n\t    (illegal prefix length)")
			break
		} else if k == -2 {
			gotoTrunc()
		}
		p.printf("\n\t    %s", s)
		if addPath {
			p.printf("   Path Id: %d", pathID)
		}
		went += k
	}
	return went, n - went
}

// bgpAttrFlagBits are the named flags of a path attribute.
var bgpAttrFlagBits = []bitTok{{0x80, "O"}, {0x40, "T"}, {0x20, "P"}, {0x10, "E"}}

// bgpAttrFlags formats the flags of a path attribute.
func bgpAttrFlags(f uint8) string {
	var s strings.Builder
	s.WriteString(", Flags [")
	s.WriteString(bitTokNoSep(bgpAttrFlagBits, "", uint32(f)))
	if f&0xf != 0 {
		fmt.Fprintf(&s, "+%x", f&0xf)
	}
	s.WriteString("]")
	return s.String()
}

// bgpAttrs prints the path attributes of an UPDATE (level 0) or of an
// ATTR_SET (level > 0), alen bytes at off with length bytes left in the
// message. It returns the new offset and length left, and false where
// tcpdump's printer gives up with a truncation.
func (p *Printer) bgpAttrs(r reader, off, length, alen, level int) (int, int, int, bool) {
	indent, tooShort := "\n\t  ", "[path attrs too short]"
	if level > 0 {
		indent, tooShort = "\n\t      ", "[path attr too short]"
	}
	for alen != 0 {
		r.check(off, 2)
		if level == 0 && length < 2 {
			gotoTrunc()
		}
		if alen < 2 {
			if level == 0 {
				p.print(indent + tooShort)
			} else {
				p.print(" " + tooShort)
			}
			return off + alen, length - alen, alen, true
		}
		flags, typ := r.u8(off), r.u8(off+1)
		off, alen, length = off+2, alen-2, length-2
		lenLen := 1
		if flags&0x10 != 0 {
			lenLen = 2
		}
		r.check(off, lenLen)
		if level == 0 && length < lenLen {
			gotoTrunc()
		}
		if alen < lenLen {
			if level == 0 {
				p.print(indent + tooShort)
			} else {
				p.print(" " + tooShort)
			}
			return off + alen, length - alen, alen, true
		}
		var l int
		if lenLen == 2 {
			l = int(r.be16(off))
		} else {
			l = int(r.u8(off))
		}
		off, alen, length = off+lenLen, alen-lenLen, length-lenLen
		p.printf("%s%s (%d), length: %d", indent, bgpTok(bgpAttrNames, "Unknown Attribute", typ), typ, l)
		if level == 0 {
			if flags != 0 {
				p.print(bgpAttrFlags(flags) + ": ")
			}
		} else {
			if flags != 0 {
				p.print(bgpAttrFlags(flags))
			}
			p.print(": ")
		}
		if alen < l {
			p.print(" " + tooShort)
			return off + alen, length - alen, alen, true
		}
		if level == 0 && length < l {
			gotoTrunc()
		}
		if level == 11 {
			p.print("(too many nested levels, not recursing)")
		} else if !p.bgpAttr(r, typ, off, l, level) {
			return off, length, alen, false
		}
		off, alen, length = off+l, alen-l, length-l
	}
	return off, length, 0, true
}

// bgpAttr prints the value of one path attribute of type typ, n bytes
// at off; false means tcpdump's printer gave up (its "trunc" return).
func (p *Printer) bgpAttr(r reader, typ uint8, off, n, level int) (ok bool) {
	defer func() {
		if e := recover(); e != nil {
			if k, isUnwind := e.(unwind); isUnwind && k == toLabel {
				ok = false
				return
			}
			panic(e)
		}
	}()
	t, tlen := off, n
	end := off + n
	switch typ {
	case 1:
		if n != 1 {
			p.print("invalid len")
		} else {
			p.print(bgpTok(bgpOrigins, "Unknown Origin Typecode", r.u8(t)))
		}
	case 2, 17:
		if n%2 != 0 {
			p.print("invalid len")
			break
		}
		if n == 0 {
			p.print("empty")
			break
		}
		asSize := bgpASSize(r, typ, off, n)
		for t < end {
			seg := r.u8(t)
			p.print(bgpSegOpen(seg))
			cnt := int(r.u8(t+1)) * asSize
			for i := 0; i < cnt; i += asSize {
				r.check(t+2+i, asSize)
				if asSize == 2 {
					p.printf("%s ", p.bgpAS(uint32(r.be16(t+2+i))))
				} else {
					p.printf("%s ", p.bgpAS(r.be32(t+2+i)))
				}
			}
			p.print(bgpSegClose(seg))
			t += 2 + cnt
		}
	case 3, 9:
		if n != 4 {
			p.print("invalid len")
		} else {
			p.print(p.addr4At(r.b, t))
		}
	case 4, 5:
		if n != 4 {
			p.print("invalid len")
		} else {
			p.printf("%d", r.be32(t))
		}
	case 6:
		if n != 0 {
			p.print("invalid len")
		}
	case 7:
		if n != 6 && n != 8 {
			p.print("invalid len")
			break
		}
		r.check(t, n)
		if n == 6 {
			p.printf(" AS #%s, origin %s", p.bgpAS(uint32(r.be16(t))), p.addr4At(r.b, t+2))
		} else {
			p.printf(" AS #%s, origin %s", p.bgpAS(r.be32(t)), p.addr4At(r.b, t+4))
		}
	case 18:
		if n != 8 {
			p.print("invalid len")
			break
		}
		p.printf(" AS #%s, origin %s", p.bgpAS(r.be32(t)), p.addr4At(r.b, t+4))
	case 8:
		p.bgpItems(t, tlen, 4, func(t int, sep string) {
			r.check(t, 4)
			switch c := r.be32(t); c {
			case 0xffffff01:
				p.print(" NO_EXPORT")
			case 0xffffff02:
				p.print(" NO_ADVERTISE")
			case 0xffffff03:
				p.print(" NO_EXPORT_SUBCONFED")
			default:
				p.printf("%d:%d%s", c>>16, c&0xffff, sep)
			}
		})
	case 10:
		p.bgpItems(t, tlen, 4, func(t int, sep string) { p.printf("%s%s", p.addr4At(r.b, t), sep) })
	case 14:
		if !p.bgpMPReach(r, off, n) {
			return false
		}
	case 15:
		if !p.bgpMPUnreach(r, off, n) {
			return false
		}
	case 16:
		p.bgpItems(t, tlen, 8, func(t int, _ string) {
			r.check(t, 2)
			ec := r.be16(t)
			p.printf("\n\t    %s (0x%04x), Flags [%s]", bgpTok(bgpExtCommNames, "unknown extd community typecode", ec),
				ec, bgpExtCommFlags(ec))
			r.check(t, 8)
			p.print(": ")
			p.bgpExtCommunity(r, t)
		})
	case 22:
		r.check(t, 5)
		if tlen < 5 {
			return false
		}
		flags, tt := r.u8(t), r.u8(t+1)
		fl := "none"
		if flags&1 != 0 {
			fl = "Leaf Information required"
		}
		p.printf("\n\t    Tunnel-type %s (%d), Flags [%s], MPLS Label %d", bgpTok(bgpPMSITunnels, "Unknown", tt), tt,
			fl, bgpLabel(r, t+2))
		t, tlen = t+5, tlen-5
		switch tt {
		case 4, 5:
			p.printf("\n\t      Sender %s, P-Group %s", p.addr4At(r.b, t), p.addr4At(r.b, t+4))
		case 3:
			p.printf("\n\t      Root-Node %s, P-Group %s", p.addr4At(r.b, t), p.addr4At(r.b, t+4))
		case 6:
			p.printf("\n\t      Tunnel-Endpoint %s", p.addr4At(r.b, t))
		case 2, 7:
			p.printf("\n\t      Root-Node %s, LSP-ID 0x%08x", p.addr4At(r.b, t), r.be32(t+4))
		case 1:
			p.printf("\n\t      Extended-Tunnel-ID %s, P2MP-ID 0x%08x", p.addr4At(r.b, t), r.be32(t+4))
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(r.b[t:], "\n\t      ", tlen)
			}
		}
	case 26:
		for tlen >= 3 {
			at, al := r.u8(t), int(r.be16(t+1))
			t, tlen = t+3, tlen-3
			p.printf("\n\t    %s TLV (%d), length %d", bgpTok(map[uint8]string{1: "AIGP"}, "Unknown", at), at, al)
			if al < 3 {
				return false
			}
			al -= 3
			if tlen < al {
				return false
			}
			if at == 1 {
				if al < 8 {
					return false
				}
				p.printf(", metric %d", uint64(r.be32(t))<<32|uint64(r.be32(t+4)))
			} else if p.o.Verbose <= 1 {
				p.unknownData(r.b[t:], "\n\t      ", al)
			}
			t, tlen = t+al, tlen-al
		}
	case 128:
		r.check(t, 4)
		if n < 4 {
			return false
		}
		p.printf("\n\t    Origin AS: %s", p.bgpAS(r.be32(t)))
		_, _, left, ok := p.bgpAttrs(r, t+4, math.MaxInt32, n-4, level+1)
		if !ok {
			return false
		}
		// tcpdump counts the set's length down as it goes; what was
		// left unread is dumped below with -vv.
		n = left
	case 32:
		if n == 0 || n%12 != 0 {
			p.print("invalid len")
			break
		}
		p.print("\n\t    ")
		p.bgpItems(t, tlen, 12, func(t int, sep string) {
			p.printf("%d:%d:%d%s", r.be32(t), r.be32(t+4), r.be32(t+8), sep)
		})
		n = 0 // tcpdump counts the length down: no dump with -vv
	default:
		r.check(off, n)
		p.printf("\n\t    no Attribute %d decoder", typ)
		if p.o.Verbose <= 1 {
			p.unknownData(r.b[off:], "\n\t    ", n)
		}
	}
	if p.o.Verbose > 1 && n != 0 {
		r.check(off, n)
		p.unknownData(r.b[off:], "\n\t    ", n)
	}
	return true
}

// bgpItems prints, with item, each size-byte item that fills the n bytes
// of an attribute's value at t, giving it the separator to print after it
// (none after the last); n not a multiple of size is an "invalid len".
func (p *Printer) bgpItems(t, n, size int, item func(t int, sep string)) {
	if n%size != 0 {
		p.print("invalid len")
		return
	}
	for ; n != 0; t, n = t+size, n-size {
		item(t, ifElse(n > size, ", ", ""))
	}
}

func bgpSegOpen(t uint8) string {
	return bgpTok(map[uint8]string{2: "", 1: "{ ", 3: "( ", 4: "({ "}, "?", t)
}

func bgpSegClose(t uint8) string {
	return bgpTok(map[uint8]string{2: "", 1: "}", 3: ")", 4: "})"}, "?", t)
}

// bgpASSize guesses the AS number size of an AS_PATH: 2 if the segments
// fit exactly with 2-byte numbers, else 4 (AS4_PATH is always 4).
func bgpASSize(r reader, typ uint8, off, n int) int {
	if typ == 17 {
		return 4
	}
	t, end := off, off+n
	for t < end {
		if s := r.u8(t); s < 1 || s > 4 {
			return 4
		}
		t += 2 + int(r.u8(t+1))*2
	}
	if t == end {
		return 2
	}
	return 4
}

func bgpExtCommFlags(ec uint16) string {
	var f []string
	if ec&0x8000 != 0 {
		f = append(f, "vendor-specific")
	}
	if ec&0x4000 != 0 {
		f = append(f, "non-transitive")
	}
	if f == nil {
		return "none"
	}
	return strings.Join(f, ", ")
}

// bgpExtCommunity prints the value of the extended community at off.
func (p *Printer) bgpExtCommunity(r reader, off int) {
	switch r.be16(off) {
	case 0x0002, 0x0003, 0x000a:
		p.printf("%d:%d (= %s)", r.be16(off+2), r.be32(off+4), p.addr4At(r.b, off+4))
	case 0x0102, 0x0103, 0xf10a, 0x010b:
		p.printf("%s:%d", p.addr4At(r.b, off+2), r.be16(off+6))
	case 0x0202, 0x0203:
		p.printf("%s:%d", p.bgpAS(r.be32(off+2)), r.be16(off+6))
	case 0x4004:
		bw := math.Float32frombits(r.be32(off + 4))
		p.printf("bandwidth: %s Mbps", bgpBandwidth(bw))
	case 0x0005, 0x0105, 0x0205, 0x8005, 0x0107, 0x8001:
		p.print(p.addr4At(r.b, off+2))
	case 0x0306, 0x8000:
		rt, opts := r.u8(off+6), r.u8(off+7)
		e2, e1 := "", ""
		if opts&1 != 0 {
			e2 = "E2"
		}
		if rt == 5 || rt == 7 {
			e1 = "E1"
		}
		p.printf("area:%s, router-type:%s, metric-type:%s%s", p.addr4At(r.b, off+2),
			tokStr(bgpOSPFRouteTypes, "unknown (0x%02x)", rt), e2, e1)
	case 0x800a:
		p.printf("%s Control Flags [0x%02x]:MTU %d", bgpTok(l2vpnEncaps, "unknown encaps", r.u8(off+2)),
			r.u8(off+3), r.be16(off+4))
	case 0x0009:
		p.printf("AS %d", r.be16(off+2))
	case 0x030c:
		p.printf("Tunnel type: %s", bgpTok(bgpEncapTunnels, "unknown encaps", r.be16(off+6)))
	default:
		r.need(off+2, 6)
		p.printf("%x", r.b[off+2:off+8])
	}
}

// bgpBandwidth is tcpdump's "%.3f" of a link bandwidth in bytes per
// second as megabits, computed in single precision as C does (a NaN
// keeps its sign through the arithmetic).
func bgpBandwidth(bw float32) string { return cFloat("%.3f", float64(bw*8/1000000)) }

// bgpRD formats an RFC 4364 route distinguisher (8 bytes at off).
func (p *Printer) bgpRD(r reader, off int) string {
	switch r.be16(off) {
	case 0:
		return sprintf("%d:%d (= %d.%d.%d.%d)", r.be16(off+2), r.be32(off+4),
			r.u8(off+4), r.u8(off+5), r.u8(off+6), r.u8(off+7))
	case 1:
		return sprintf("%d.%d.%d.%d:%d", r.u8(off+2), r.u8(off+3), r.u8(off+4), r.u8(off+5), r.be16(off+6))
	case 2:
		return sprintf("%s:%d (%d.%d.%d.%d:%d)", p.bgpAS(r.be32(off+2)), r.be16(off+6),
			r.u8(off+2), r.u8(off+3), r.u8(off+4), r.u8(off+5), r.be16(off+6))
	}
	return "unknown RD format"
}

// AFI/SAFI pairs, as af<<8|safi.
const (
	bgpV4Uni      = 1<<8 | 1
	bgpV4Multi    = 1<<8 | 2
	bgpV4UniMulti = 1<<8 | 3
	bgpV4Label    = 1<<8 | 4
	bgpV4VPN      = 1<<8 | 128
	bgpV4VPNMulti = 1<<8 | 129
	bgpV4VPNUM    = 1<<8 | 130
	bgpV6Uni      = 2<<8 | 1
	bgpV6Multi    = 2<<8 | 2
	bgpV6UniMulti = 2<<8 | 3
	bgpV6Label    = 2<<8 | 4
	bgpV6VPN      = 2<<8 | 128
	bgpV6VPNMulti = 2<<8 | 129
	bgpV6VPNUM    = 2<<8 | 130
)

// bgpMPKnown are the AFI/SAFI pairs whose next hops and NLRI MP_REACH
// and MP_UNREACH decode.
var bgpMPKnown = map[int]bool{
	bgpV4Uni: true, bgpV4Multi: true, bgpV4UniMulti: true, bgpV4Label: true, 1<<8 | 132: true,
	bgpV4VPN: true, bgpV4VPNMulti: true, bgpV4VPNUM: true, 1<<8 | 5: true, 1<<8 | 66: true,
	bgpV6Uni: true, bgpV6Multi: true, bgpV6UniMulti: true, bgpV6Label: true,
	bgpV6VPN: true, bgpV6VPNMulti: true, bgpV6VPNUM: true,
	3<<8 | 1: true, 3<<8 | 2: true, 3<<8 | 3: true, 3<<8 | 128: true, 3<<8 | 129: true, 3<<8 | 130: true,
	196<<8 | 128: true, 196<<8 | 129: true, 196<<8 | 130: true, 25<<8 | 65: true,
}

// bgpMPAF prints the AFI and SAFI of an MP attribute (n bytes at off)
// and tells whether its NLRI are decoded.
func (p *Printer) bgpMPAF(r reader, off, n int) (int, bool) {
	af, safi := r.be16(off), r.u8(off+2)
	vs := ""
	if safi > 128 {
		vs = "vendor specific "
	}
	p.printf("\n\t    AFI: %s (%d), %sSAFI: %s (%d)", bgpTok(afNames, "Unknown AFI", af), af, vs,
		bgpTok(bgpSAFINames, "Unknown SAFI", safi), safi)
	k := int(af)<<8 | int(safi)
	if !bgpMPKnown[k] {
		r.check(off, n)
		p.printf("\n\t    no AFI %d / SAFI %d decoder", af, safi)
		if p.o.Verbose <= 1 {
			p.unknownData(r.b[off:], "\n\t    ", n)
		}
		return k, false
	}
	return k, true
}

func (p *Printer) bgpMPReach(r reader, off, n int) bool {
	r.check(off, 3)
	if n < 3 {
		return false
	}
	af, ok := p.bgpMPAF(r, off, n)
	if !ok {
		return true
	}
	t, tlen := off+3, n-3
	r.check(t, 1)
	if tlen < 1 {
		return false
	}
	nhlen := int(r.u8(t))
	t, tlen = t+1, tlen-1
	if nhlen != 0 {
		if tlen < nhlen {
			return false
		}
		p.print("\n\t    nexthop: ")
		for left, nnh := nhlen, 0; left != 0; nnh++ {
			if nnh > 0 {
				p.print(", ")
			}
			var need int
			switch af {
			case bgpV4Uni, bgpV4Multi, bgpV4UniMulti, bgpV4Label, 1<<8 | 132, 1<<8 | 5, 1<<8 | 66,
				25<<8 | 65, 196<<8 | 128, 196<<8 | 129, 196<<8 | 130:
				need = 4
			case bgpV4VPN, bgpV4VPNMulti, bgpV4VPNUM:
				need = 12
			case bgpV6Uni, bgpV6Multi, bgpV6UniMulti, bgpV6Label:
				need = 16
			case bgpV6VPN, bgpV6VPNMulti, bgpV6VPNUM:
				need = 24
			case 3<<8 | 1, 3<<8 | 2, 3<<8 | 3:
				p.print(nsapString(r.bytes(t, left)))
				t, tlen, left = t+left, tlen-left, 0
				continue
			case 3<<8 | 128, 3<<8 | 129, 3<<8 | 130:
				if left < 9 {
					need = 9
					break
				}
				if !r.has(t, left) {
					return false
				}
				p.printf("RD: %s, %s", p.bgpRD(r, t), nsapString(r.bytes(t+8, left-8)))
				if r.be32(t+8) == 0x47000601 {
					p.printf(" = %s", p.addr4At(r.b, t+12))
				} else if r.be24(t+8) == 0x350000 {
					p.printf(" = %s", p.host(netip.AddrFrom16([16]byte(r.bytes(t+11, 16)))))
				}
				t, tlen, left = t+left, tlen-left, 0
				continue
			}
			if left < need {
				p.print("invalid len")
				t, tlen, left = t+left, tlen-left, 0
				continue
			}
			switch need {
			case 4:
				p.print(p.addr4At(r.b, t))
			case 12:
				p.printf("RD: %s, %s", p.bgpRD(r, t), p.addr4At(r.b, t+8))
			case 16:
				p.print(p.host(netip.AddrFrom16([16]byte(r.bytes(t, 16)))))
			case 24:
				rd := p.bgpRD(r, t)
				p.printf("RD: %s, %s", rd, p.host(netip.AddrFrom16([16]byte(r.bytes(t+8, 16)))))
			}
			t, tlen, left = t+need, tlen-need, left-need
		}
	}
	p.printf(", nh-length: %d", nhlen)
	if tlen < 1 {
		return false
	}
	snpa := int(r.u8(t))
	t, tlen = t+1, tlen-1
	if snpa != 0 {
		p.printf("\n\t    %d SNPA", snpa)
		for ; snpa != 0; snpa-- {
			if tlen < 1 {
				return false
			}
			sl := int(r.u8(t))
			p.printf("\n\t      %d bytes", sl)
			t, tlen = t+1, tlen-1
			if tlen < sl {
				return false
			}
			r.check(t, sl)
			t, tlen = t+sl, tlen-sl
		}
	} else {
		p.print(", no SNPA")
	}
	return p.bgpNLRIs(r, af, off, t, n)
}

func (p *Printer) bgpMPUnreach(r reader, off, n int) bool {
	r.check(off, 3)
	af, ok := p.bgpMPAF(r, off, n)
	if !ok {
		return true
	}
	if n == 3 {
		p.print("\n\t      End-of-Rib Marker (empty NLRI)")
	}
	return p.bgpNLRIs(r, af, off, off+3, n)
}

// bgpNLRIs prints the NLRI of an MP attribute (n bytes at off) from t on.
func (p *Printer) bgpNLRIs(r reader, af, off, t, n int) bool {
	ap4 := bgpAddPath(r, t, n-(t-off), 32)
	ap6 := bgpAddPath(r, t, n-(t-off), 128)
	for t < off+n {
		adv := p.bgpNLRI(r, af, t, n, ap4, ap6)
		if adv == -2 {
			return false
		}
		if adv < 0 {
			break
		}
		t += adv
	}
	return true
}

// bgpNLRI prints one NLRI of the AFI/SAFI pair af at t; itemLen is, as in
// tcpdump, the whole attribute's length. It returns the bytes used or
// tcpdump's negative codes.
func (p *Printer) bgpNLRI(r reader, af, t, itemLen int, ap4, ap6 bool) int {
	switch af {
	case bgpV4Uni, bgpV4Multi, bgpV4UniMulti, bgpV6Uni, bgpV6Multi, bgpV6UniMulti:
		bits, ap := 32, ap4
		if af>>8 == 2 {
			bits, ap = 128, ap6
		}
		var pathID uint32
		if ap {
			pathID = r.be32(t)
			t += 4
		}
		s, adv := p.bgpPrefix(r, t, itemLen, bits)
		switch adv {
		case -1:
			p.print("\n\t    (illegal prefix length)")
		case -2:
		default:
			p.printf("\n\t      %s", s)
		}
		if ap {
			p.printf("   Path Id: %d", pathID)
			adv += 4
		}
		return adv
	case bgpV4Label, bgpV6Label:
		bits := 32
		if af>>8 == 2 {
			bits = 128
		}
		s, adv := p.bgpLabeledPrefix(r, t, itemLen, bits)
		switch adv {
		case -1:
			p.print("\n\t    (illegal prefix length)")
		case -2:
			return -2
		case -3:
		default:
			p.printf("\n\t      %s", s)
		}
		return adv
	case bgpV4VPN, bgpV4VPNMulti, bgpV4VPNUM, bgpV6VPN, bgpV6VPNMulti, bgpV6VPNUM:
		bits := 32
		if af>>8 == 2 {
			bits = 128
		}
		plen := int(r.u8(t))
		if plen < 24+64 || plen-24-64 > bits {
			p.print("\n\t    (illegal prefix length)")
			return -1
		}
		plen -= 24 + 64
		nb := (plen + 7) / 8
		a := p.bgpAddr(r.bytes(t+12, nb), plen, bits)
		p.printf("\n\t      RD: %s, %s, label:%d %s", p.bgpRD(r, t+4), a, bgpLabel(r, t+1), bgpBottom(r.u8(t+3)))
		return 12 + nb
	}
	switch af {
	case 1<<8 | 132:
		return p.bgpRTRoutingInfo(r, t)
	case 1<<8 | 5:
		s, adv := p.bgpMVPN(r, t)
		if adv == -2 {
			return -2
		}
		p.printf("\n\t      %s", s)
		return adv
	case 1<<8 | 66:
		if r.u8(t) != 128 {
			p.print("\n\t    (illegal prefix length)")
			return -1
		}
		if !r.has(t+1, 8) {
			return -2
		}
		p.printf("\n\t      RD: %s, VPN IP Address: %s, MC Group Address: %s", p.bgpRD(r, t+1),
			p.addr4At(r.b, t+9), p.addr4At(r.b, t+13))
		return 17
	case 25<<8 | 65, 196<<8 | 128, 196<<8 | 129, 196<<8 | 130:
		s, adv := p.bgpL2VPN(r, t)
		if adv == -2 {
			return -2
		}
		p.printf("\n\t      %s", s)
		return adv
	case 3<<8 | 1, 3<<8 | 2, 3<<8 | 3:
		plen := int(r.u8(t))
		if plen > 152 {
			p.print("\n\t    (illegal prefix length)")
			return -1
		}
		nb := (plen + 7) / 8
		p.printf("\n\t      %s/%d", nsapString(bgpMasked(r.bytes(t+4, nb), plen, 19)[:nb]), plen)
		return 1 + nb
	case 3<<8 | 128, 3<<8 | 129, 3<<8 | 130:
		plen := int(r.u8(t))
		if plen < 24+64 || plen-24-64 > 152 {
			p.print("\n\t    (illegal prefix length)")
			return -1
		}
		plen -= 24 + 64
		nb := (plen + 7) / 8
		a := nsapString(bgpMasked(r.bytes(t+12, nb), plen, 19)[:nb])
		p.printf("\n\t      RD: %s, %s/%d, label:%d %s", p.bgpRD(r, t+4), a, plen, bgpLabel(r, t+1), bgpBottom(r.u8(t+3)))
		return 12 + nb
	}
	p.printf("\n\t    ERROR: no AFI %d / SAFI %d decoder", af>>8, af&0xff)
	return -4
}

// bgpMasked is a copied into size zero bytes with the bits past plen
// cleared.
func bgpMasked(a []byte, plen, size int) []byte {
	buf := make([]byte, size)
	copy(buf, a)
	if plen%8 != 0 {
		buf[(plen+7)/8-1] &= byte(uint16(0xff00) >> (plen % 8))
	}
	return buf
}

// nsapString is tcpdump's isonsap_string: the bytes in hex, a dot after
// the first and then after every second one.
func nsapString(a []byte) string {
	if len(a) < 1 || len(a) > 20 {
		return "isonsap_string: illegal length"
	}
	var s strings.Builder
	for i, c := range a {
		fmt.Fprintf(&s, "%02x", c)
		if i%2 == 0 && i+1 < len(a) {
			s.WriteByte('.')
		}
	}
	return s.String()
}

// bgpRTRoutingInfo prints an RFC 4684 route target membership NLRI.
func (p *Printer) bgpRTRoutingInfo(r reader, t int) int {
	plen := int(r.u8(t))
	if plen == 0 {
		p.print("\n\t      default route target")
		return 1
	}
	if plen < 32 {
		p.print("\n\t      (illegal prefix length)")
		return -1
	}
	as := p.bgpAS(r.be32(t + 1))
	plen -= 32
	if plen > 64 {
		p.print("\n\t      (illegal prefix length)")
		return -1
	}
	nb := (plen + 7) / 8
	rt := bgpMasked(r.bytes(t+5, nb), plen, 8)
	p.printf("\n\t      origin AS: %s, %s", as, p.bgpRTPrefix(rt, plen))
	return 5 + nb
}

// bgpRTPrefix formats a route target prefix of plen bits (rt is 8 bytes).
func (p *Printer) bgpRTPrefix(rt []byte, plen int) string {
	if plen == 0 {
		return "route-target: 0:0/0"
	}
	var hx strings.Builder
	n := (plen + 7) / 8
	for i := 0; i < n; i++ {
		fmt.Fprintf(&hx, "%02x", rt[i])
		if i%2 == 1 && i < n-1 {
			hx.WriteByte(' ')
		}
	}
	h := hx.String()
	if plen < 16 {
		return sprintf("route-target: partial-type: (%s/%d)", h, plen)
	}
	be16 := func(o int) uint16 { return uint16(rt[o])<<8 | uint16(rt[o+1]) }
	be32 := func(o int) uint32 { return uint32(be16(o))<<16 | uint32(be16(o+2)) }
	switch ec := be16(0); ec {
	case 0x0002:
		return sprintf("route-target: %d:%d/%d (%s)", be16(2), be32(4), plen, h)
	case 0x0102:
		return sprintf("route-target: %d.%d.%d.%d:%d/%d (%s)", rt[2], rt[3], rt[4], rt[5], be16(6), plen, h)
	case 0x0202:
		return sprintf("route-target: %s:%d/%d (%s)", p.bgpAS(be32(2)), be16(6), plen, h)
	default:
		return sprintf("route target: unknown-type(%04x) (%s/%d)", ec, h, plen)
	}
}

var bgpMVPNRouteTypes = map[uint8]string{1: "Intra-AS I-PMSI", 2: "Inter-AS I-PMSI", 3: "S-PMSI",
	4: "Intra-AS Segment-Leaf", 5: "Source-Active", 6: "Shared Tree Join", 7: "Source Tree Join"}

// bgpBufMax is the most tcpdump's NLRI text buffer holds
// (MAXHOSTNAMELEN + 100 bytes, less the NUL).
const bgpBufMax = 163

// bgpVPNIP is tcpdump's bgp_vpn_ip_print: an address of bits bits.
func (p *Printer) bgpVPNIP(r reader, off int, bits uint32) string {
	switch bits {
	case 32:
		return p.addr4At(r.b, off)
	case 128:
		return p.host(netip.AddrFrom16([16]byte(r.bytes(off, 16))))
	}
	return sprintf("bogus address length %d", bits)
}

// bgpVPNSG appends a multicast source and group to s; it returns the
// bytes it accounts for (tcpdump's bgp_vpn_sg_print).
func (p *Printer) bgpVPNSG(r reader, t int, s *strings.Builder) int {
	total := 0
	for _, what := range []string{"Source", "Group"} {
		al := r.u8(t)
		t++
		if !r.has(t, int(al>>3)) {
			return total
		}
		total += int(al>>3) + 1
		if al != 0 {
			fmt.Fprintf(s, ", %s %s", what, p.bgpVPNIP(r, t, uint32(al)))
			t += int(al >> 3)
		}
	}
	return total
}

// bgpMVPN formats a multicast VPN NLRI (tcpdump's decode_multicast_vpn).
func (p *Printer) bgpMVPN(r reader, t int) (string, int) {
	rt, rl := r.u8(t), r.u8(t+1)
	t += 2
	var s strings.Builder
	fmt.Fprintf(&s, "Route-Type: %s (%d), length: %d", bgpTok(bgpMVPNRouteTypes, "Unknown", rt), rt, rl)
	switch rt {
	case 1:
		if !r.has(t, 8) {
			return "", -2
		}
		rd := p.bgpRD(r, t)
		fmt.Fprintf(&s, ", RD: %s, Originator %s", rd, p.bgpVPNIP(r, t+8, uint32(int32(int(rl)-8)<<3)))
	case 2, 6, 7:
		if !r.has(t, 12) {
			return "", -2
		}
		fmt.Fprintf(&s, ", RD: %s, Source-AS %s", p.bgpRD(r, t), p.bgpAS(r.be32(t+8)))
		if rt != 2 {
			p.bgpVPNSG(r, t+12, &s)
		}
	case 3:
		if !r.has(t, 8) {
			return "", -2
		}
		fmt.Fprintf(&s, ", RD: %s", p.bgpRD(r, t))
		t += 8
		al := uint32(rl) - uint32(p.bgpVPNSG(r, t, &s))
		if al > uint32(len(r.b)) || !r.has(t, int(al)) {
			return "", -2
		}
		fmt.Fprintf(&s, ", Originator %s", p.bgpVPNIP(r, t, al<<3))
	case 5:
		if !r.has(t, 8) {
			return "", -2
		}
		fmt.Fprintf(&s, ", RD: %s", p.bgpRD(r, t))
		p.bgpVPNSG(r, t+8, &s)
	}
	return bgpBufCut(s.String()), int(rl) + 2
}

func bgpBufCut(s string) string {
	if len(s) > bgpBufMax {
		return s[:bgpBufMax]
	}
	return s
}

// bgpBuf is tcpdump's bounded NLRI text buffer: what is written past
// its size is lost, and once a write has not fitted it takes no more.
type bgpBuf struct {
	s    strings.Builder
	left int // tcpdump's buflen
}

func (b *bgpBuf) add(format string, a ...any) {
	if b.left == 0 {
		return
	}
	t := sprintf(format, a...)
	b.s.WriteString(t[:min(len(t), b.left-1)])
	if len(t) >= b.left {
		b.left = 0
	} else {
		b.left -= len(t)
	}
}

// bgpL2VPN formats an L2VPN/VPLS NLRI (tcpdump's decode_labeled_vpn_l2).
func (p *Printer) bgpL2VPN(r reader, t int) (string, int) {
	plen := int(r.be16(t))
	t += 2
	if plen == 12 {
		if !r.has(t, 12) {
			return "", -2
		}
		return sprintf("RD: %s, BGPNH: %s", p.bgpRD(r, t), p.addr4At(r.b, t+8)), plen + 2
	}
	if plen <= 17 {
		return "", -2
	}
	if !r.has(t, 15) {
		return "", -2
	}
	b := &bgpBuf{left: bgpBufMax + 1}
	b.add("RD: %s, CE-ID: %d, Label-Block Offset: %d, Label Base %d", p.bgpRD(r, t), r.be16(t+8), r.be16(t+10), bgpLabel(r, t+12))
	t += 15
	// As in tcpdump, the TLV headers do not count against the length
	// and an unknown TLV's value is not skipped.
	for tlen := plen - 15; tlen != 0; {
		if tlen < 3 {
			b.add("\n\t\tran past the end")
			return b.s.String(), plen + 2
		}
		typ := r.u8(t)
		tl := int(r.be16(t + 1))
		t += 3
		n := (tl + 7) / 8
		if typ == 1 {
			b.add("\n\t\tcircuit status vector (%d) length: %d: 0x", typ, tl)
			for ; n != 0; n, tlen = n-1, tlen-1 {
				if tlen < 1 {
					b.add(" (ran past the end)")
					return b.s.String(), plen + 2
				}
				if !r.has(t, 1) {
					return "", -2
				}
				if b.left != 0 {
					b.add("%02x", r.u8(t))
					t++
				}
			}
			continue
		}
		b.add("\n\t\tunknown TLV #%d, length: %d", typ, tl)
		if tlen < n {
			b.add(" (ran past the end)")
			return b.s.String(), plen + 2
		}
		tlen -= n
	}
	return b.s.String(), plen + 2
}

// bgpTok is tcpdump's tok2str with a default without a format: the
// table's name for v, else def.
func bgpTok[K comparable](m map[K]string, def string, v K) string {
	if s, ok := m[v]; ok {
		return s
	}
	return def
}

func bgpLabel(r reader, off int) uint32 {
	return r.be24(off) >> 4
}

func bgpBottom(b uint8) string {
	if b&1 == 0 {
		return "(BOGUS: Bottom of Stack NOT set!)"
	}
	return "(bottom)"
}

// bgpLabeledPrefix is tcpdump's decode_labeled_prefix4/6: an RFC 3107
// prefix carrying one label. It returns -2 when the 4 bytes of length
// and label were not captured, -3 when itemLen is too short.
func (p *Printer) bgpLabeledPrefix(r reader, t, itemLen, bits int) (string, int) {
	if !r.has(t, 4) {
		return "", -2
	}
	if itemLen < 4 {
		return "", -3
	}
	plen := int(r.u8(t))
	if plen < 24 || plen-24 > bits {
		return "", -1
	}
	plen -= 24
	itemLen -= 4
	nb := (plen + 7) / 8
	if bits == 32 && itemLen < nb {
		return "", -3
	}
	a := p.bgpAddr(r.bytes(t+4, nb), plen, bits)
	return sprintf("%s, label:%d %s", a, bgpLabel(r, t+1), bgpBottom(r.u8(t+3))), 4 + nb
}

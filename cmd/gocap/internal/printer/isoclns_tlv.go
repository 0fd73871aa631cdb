package printer

import (
	"net/netip"
)

// The TLVs of IS-IS PDUs (the variable part after the fixed header),
// decoded as tcpdump 4.99.3's print-isoclns.c decodes them.

var isisTLVNames = map[uint8]string{
	1: "Area address(es)", 2: "IS Reachability", 3: "ES Neighbor(s)", 4: "Partition DIS",
	5: "Prefix Neighbors", 6: "IS Neighbor(s)", 7: "Instance Identifier", 8: "Padding",
	9: "LSP entries", 10: "Authentication", 12: "Checksum", 13: "Purge Originator Identifier",
	14: "LSP Buffersize", 22: "Extended IS Reachability", 24: "IS Alias ID", 42: "DECnet Phase IV",
	66: "Lucent Proprietary", 128: "IPv4 Internal Reachability", 129: "Protocols supported",
	130: "IPv4 External Reachability", 131: "Inter-Domain Information Type",
	132: "IPv4 Interface address(es)", 133: "IPv4 authentication (deprecated)",
	134: "Traffic Engineering Router ID", 135: "Extended IPv4 Reachability",
	138: "Shared Risk Link Group", 143: "Multi-Topology-Aware Port Capability",
	144: "Multi-Topology Capability", 176: "Nortel Proprietary", 177: "Nortel Proprietary",
	137: "Hostname", 211: "Restart Signaling", 222: "Multi Topology IS Reachability",
	229: "Multi Topology", 232: "IPv6 Interface address(es)", 235: "Multi-Topology IPv4 Reachability",
	236: "IPv6 reachability", 237: "Multi-Topology IP6 Reachability",
	240: "Point-to-point Adjacency State", 241: "Hello PDU Sequence Number",
	242: "IS-IS Router Capability", 250: "Vendor Private",
}

var isisExtISSubTLVNames = map[uint8]string{
	3: "Administrative groups", 4: "Link Local/Remote Identifier", 5: "Link Remote Identifier",
	6: "IPv4 interface address", 8: "IPv4 neighbor address", 9: "Maximum link bandwidth",
	10: "Reservable link bandwidth", 11: "Unreserved bandwidth", 18: "Traffic Engineering Metric",
	19: "Link Attribute", 20: "Link Protection Type", 21: "Interface Switching Capability",
	12: "Bandwidth Constraints (old)", 22: "Bandwidth Constraints",
	32: "LAN Adjacency Segment Identifier", 29: "SPB Metric",
	250: "Reserved for cisco specific extensions", 251: "Reserved for cisco specific extensions",
	252: "Reserved for cisco specific extensions", 253: "Reserved for cisco specific extensions",
	254: "Reserved for cisco specific extensions", 255: "Reserved for future expansion",
}

var isisExtIPSubTLVNames = map[uint8]string{1: "32-Bit Administrative tag",
	2: "64-Bit Administrative tag", 3: "Prefix SID", 117: "Management Prefix Color"}

var isisPrefixSIDFlags = []bitTok{{0x80, "Readvertisement"}, {0x40, "Node"}, {0x20, "No-PHP"},
	{0x10, "Explicit NULL"}, {0x08, "Value"}, {0x04, "Local"}}

var isisPrefixSIDAlgos = map[uint8]string{0: "SPF", 1: "strict-SPF"}

var isisLinkAttributes = []bitTok{{0x01, "Local Protection Available"},
	{0x02, "Link excluded from local protection path"}, {0x04, "Local maintenance required"}}

var isisLANAdjSIDFlags = []bitTok{{0x80, "Address family IPv6"}, {0x40, "Backup"}, {0x20, "Value"},
	{0x10, "Local significance"}, {0x08, "Set of adjacencies"}, {0x04, "Persistent"}}

var isisAuthTypes = map[uint8]string{1: "simple text password", 3: "Generic Crypto key-id",
	54: "HMAC-MD5 password", 255: "Routing Domain private password"}

var isisIDRPTypes = map[uint8]string{0: "Reserved", 1: "Routing-Domain Specific", 2: "AS Number Tag"}

var isisMTFlags = []bitTok{{0x4000, "ATT bit set"}, {0x8000, "Overload bit set"}}

var isisMTNames = map[uint16]string{0: "IPv4 unicast", 1: "In-Band Management", 2: "IPv6 unicast",
	3: "Multicast", 4095: "Development, Experimental or Proprietary"}

var isisPTPAdjStates = map[uint8]string{0: "Up", 1: "Initializing", 2: "Down"}

var isisRestartFlags = []bitTok{{0x1, "Restart Request"}, {0x2, "Restart Acknowledgement"},
	{0x4, "Suppress adjacency advertisement"}}

var isisRouterCapFlags = []bitTok{{0x01, "S bit"}, {0x02, "D bit"}}

var isisRouterCapSRFlags = []bitTok{{0x80, "ipv4"}, {0x40, "ipv6"}}

var isisVirtualFlags = map[uint8]string{0: "IsNotVirtual", 1: "IsVirtual"}

var gmplsTSCIndications = map[uint8]string{0: "Standard SONET/SDH", 1: "Arbitrary SONET/SDH"}

// isisTLVEnd is what a TLV decoder tells the TLV loop: go on with the
// next TLV, or end the PDU (tcpdump's return from isis_print, after the
// decoder printed what it prints there).
type isisTLVEnd int

const (
	isisNext isisTLVEnd = iota
	isisStop
)

// isisTLVs prints the TLVs after the fixed header of the PDU in r, up to
// length (the PDU length as far as it is to be decoded).
func (p *Printer) isisTLVs(r reader, fixed, length int) {
	if length < fixed {
		p.printf(" [packet length %d < %d] (invalid)", length, fixed)
		return
	}
	// tcpdump's checks (ND_TCHECK) in the TLVs end the PDU with the
	// marker at its "trunc:" label.
	r.label(func() { p.isisTLVLoop(r, fixed, length) })
}

// isisTLVLoop walks the TLVs for isisTLVs.
func (p *Printer) isisTLVLoop(r reader, fixed, length int) {
	b := r.b
	rest := length - fixed
	off := fixed
	for rest > 0 {
		if !r.has(off, 2) || rest < 2 {
			r.trunc()
			return
		}
		t, l := b[off], int(b[off+1])
		off += 2
		rest -= 2
		p.printf("\n\t    %s TLV #%d, length: %d", mapName(isisTLVNames, t, "unknown"), t, l)
		if rest < l {
			r.trunc()
			return
		}
		if p.isisTLV(r, t, off, l, length) == isisStop {
			return
		}
		if p.o.Verbose > 1 {
			p.unknownData(b[min(off, len(b)):], "\n\t      ", l)
		}
		off += l
		rest -= l
	}
	if rest != 0 {
		p.printf("\n\t      %d straggler bytes", rest)
	}
}

// isisMetricBlock prints the four metrics of an old-style reachability
// entry at off.
func (p *Printer) isisMetricBlock(r reader, off int) {
	m := r.u8(off)
	p.printf(", Default Metric: %d, %s", m&0x3f, isisIE(m))
	for i, name := range []string{"Delay", "Expense", "Error"} {
		if m := r.u8(off + 1 + i); m&0x80 == 0 {
			p.printf("\n\t\t  %s Metric: %d, %s", name, m&0x3f, isisIE(m))
		}
	}
}

// isisIE names the internal/external bit of a metric byte.
func isisIE(m byte) string {
	if m&0x40 != 0 {
		return "External"
	}
	return "Internal"
}

// isisUpDown names the up/down bit of a metric or status byte.
func isisUpDown(m byte) string {
	if m&0x80 != 0 {
		return "down"
	}
	return "up"
}

// isisTLV decodes the TLV of type t whose l value bytes start at off.
// plen is the PDU length (for the checksum TLV).
func (p *Printer) isisTLV(r reader, t byte, off, l, plen int) isisTLVEnd {
	o, tl := off, l
	const in = "\n\t      "
	switch t {
	case 1: // area addresses
		for tl != 0 {
			alen := int(r.u8(o))
			o++
			tl--
			if tl < alen {
				return isisNext
			}
			p.printf(in+"Area address (length: %d): %s", alen, nsapString(r.bytes(o, alen)))
			o += alen
			tl -= alen
		}
	case 6: // IS neighbors (SNPAs)
		if !p.isisIDList(r, in+"SNPA: ", o, tl) {
			return isisNext
		}
	case 7: // instance identifier
		if tl < 4 {
			return isisNext
		}
		n := (tl - 2) / 2
		colon := ""
		if n > 0 {
			colon = ":"
		}
		p.printf(in+"Instance ID: %d, ITIDs(%d)%s ", r.be16(o), n, colon)
		o += 2
		for i := 0; i < n; i++ {
			p.printf("%d", r.be16(o))
			if i < n-1 {
				p.print(", ")
			}
			o += 2
		}
	case 8: // padding
	case 222: // MT IS reachability
		if tl < 2 {
			r.trunc()
			return isisStop
		}
		p.isisMTID(r, o)
		return p.isisExtISList(r, t, o+2, tl-2)
	case 22, 24: // extended IS reachability, IS alias
		return p.isisExtISList(r, t, o, tl)
	case 2: // IS reachability
		if tl < 1 {
			return isisNext
		}
		v := r.u8(o)
		p.printf(in+"%s", mapName(isisVirtualFlags, v, sprintf("bogus virtual flag 0x%02x", v)))
		o++
		tl--
		for tl != 0 {
			if tl < 11 {
				return isisNext
			}
			r.check(o, 11)
			p.printf(in+"IS Neighbor: %s", isisID(r.b[o+4:o+11]))
			p.isisMetricBlock(r, o)
			tl -= 11
			o += 11
		}
	case 3: // ES neighbors
		for tl != 0 {
			if tl < 10 {
				return isisNext
			}
			r.check(o, 10)
			p.printf(in+"ES Neighbor: %s", isisID(r.b[o+4:o+10]))
			p.isisMetricBlock(r, o)
			tl -= 10
			o += 10
		}
	case 128, 130: // IPv4 internal and external reachability
		if !p.isisIPReach(r, o, tl) {
			return isisStop
		}
	case 135, 235, 236, 237: // extended IPv4, MT IPv4, IPv6, MT IPv6
		if t == 235 || t == 237 {
			if tl < 2 {
				r.trunc()
				return isisStop
			}
			p.isisMTID(r, o)
			o += 2
			tl -= 2
		}
		v6 := t == 236 || t == 237
		return p.isisEntries(r, o, tl, func(o, _ int) int { return p.isisExtdIPReach(r, o, v6) })
	case 232: // IPv6 interface addresses
		for tl != 0 {
			if tl < 16 {
				return isisNext
			}
			p.printf(in+"IPv6 interface address: %s", p.host(netip.AddrFrom16([16]byte(r.bytes(o, 16)))))
			o += 16
			tl -= 16
		}
	case 10: // authentication
		return p.isisAuth(r, o, tl, plen)
	case 240: // point-to-point adjacency state
		if tl >= 1 {
			s := r.u8(o)
			p.printf(in+"Adjacency State: %s (%d)", mapName(isisPTPAdjStates, s, "unknown"), s)
			tl--
		}
		if tl > 4 {
			p.printf(in+"Extended Local circuit-ID: 0x%08x", r.be32(o+1))
			tl -= 4
		}
		if tl >= 6 {
			p.printf(in+"Neighbor System-ID: %s", r.isisIDAt(o+5, 6))
			tl -= 6
		}
		if tl >= 4 {
			p.printf(in+"Neighbor Extended Local circuit-ID: 0x%08x", r.be32(o+11))
		}
	case 129: // protocols supported
		p.print(in + "NLPID(s): ")
		for tl != 0 {
			n := r.u8(o)
			p.printf("%s (0x%02x)", mapName(nlpidNames, n, "unknown"), n)
			if tl > 1 {
				p.print(", ")
			}
			o++
			tl--
		}
	case 134: // TE router ID
		if tl < 4 {
			return isisNext
		}
		p.printf(in+"Traffic Engineering Router ID: %s", p.addr4At(r.b, o))
	case 132: // IPv4 interface addresses
		for tl != 0 {
			if tl < 4 {
				return isisNext
			}
			p.printf(in+"IPv4 interface address: %s", p.addr4At(r.b, o))
			o += 4
			tl -= 4
		}
	case 137: // hostname
		p.print(in + "Hostname: ")
		r.jnp(o, tl)
	case 138: // shared risk link group
		if tl < 7 {
			return isisNext
		}
		p.printf(in+"IS Neighbor: %s", r.isisIDAt(o, 7))
		o += 7
		tl -= 7
		if tl < 1 {
			return isisNext
		}
		f := "unnumbered"
		if r.u8(o)&1 != 0 {
			f = "numbered"
		}
		p.printf(", Flags: [%s]", f)
		o++
		tl--
		for _, what := range []string{"interface", "neighbor"} {
			if tl < 4 {
				return isisNext
			}
			p.printf(in+"IPv4 %s address: %s", what, p.addr4At(r.b, o))
			o += 4
			tl -= 4
		}
		for tl != 0 {
			if tl < 4 {
				return isisNext
			}
			p.printf(in+"Link-ID: 0x%08x", r.be32(o))
			o += 4
			tl -= 4
		}
	case 9: // LSP entries
		for tl != 0 {
			if tl < 16 {
				return isisNext
			}
			r.check(o+9, 1)
			p.printf(in+"lsp-id: %s", isisID(r.b[o+2:o+10]))
			p.printf(", seq: 0x%08x", r.be32(o+10))
			p.printf(", lifetime: %5ds", r.be16(o))
			p.printf(", chksum: 0x%04x", r.be16(o+14))
			tl -= 16
			o += 16
		}
	case 12: // checksum
		if tl < 2 {
			return isisNext
		}
		r.check(o, 2)
		sum := r.be16(o)
		p.printf(in+"checksum: 0x%04x ", sum)
		p.osiCksum(r.b, sum, o, plen)
	case 13: // purge originator identifier
		if tl < 1 {
			return isisNext
		}
		n := r.u8(o)
		o++
		tl--
		if n == 0 {
			p.print(" No system IDs supplied")
			return isisNext
		}
		if tl < 6 {
			return isisNext
		}
		p.printf(in+"Purge Originator System-ID: %s", r.isisIDAt(o, 6))
		o += 6
		tl -= 6
		if n > 1 {
			if tl < 6 {
				return isisNext
			}
			r.check(o, 6)
			r.check(o, 13)
			p.printf(in+"Received from System-ID: %s", isisID(r.b[o:o+6]))
		}
	case 229: // MT supported
		for tl != 0 {
			if tl == 1 {
				p.print(in + "invalid MT-ID")
				break
			}
			p.isisMTID(r, o)
			o += 2
			tl -= 2
		}
	case 211: // restart signaling
		if tl < 1 {
			return isisNext
		}
		r.check(o, 1)
		p.printf(in+"Flags [%s]", bitTokString(isisRestartFlags, "none", uint32(r.u8(o))))
		o++
		tl--
		if tl < 2 {
			return isisNext
		}
		r.check(o, 2)
		p.printf(", Remaining holding time %ds", r.be16(o))
		o += 2
		tl -= 2
		if tl == 6 {
			p.printf(", for %s", r.isisIDAt(o, 6))
		}
	case 131: // inter-domain information
		if tl < 1 {
			return isisNext
		}
		it := r.u8(o)
		p.printf(in+"Inter-Domain Information Type: %s", mapName(isisIDRPTypes, it, sprintf("Unknown (0x%02x)", it)))
		o++
		tl--
		if it == 2 {
			if tl < 2 {
				return isisNext
			}
			p.printf("AS Number: %d", r.be16(o))
		} else {
			p.unknownData(r.b[min(o, len(r.b)):], in, tl)
		}
	case 14: // LSP buffer size
		if tl >= 2 {
			p.printf(in+"LSP Buffersize: %d", r.be16(o))
		}
	case 4: // partition DIS
		if !p.isisIDList(r, in, o, tl) {
			return isisNext
		}
	case 5: // prefix neighbors
		if tl < 4 {
			return isisNext
		}
		r.check(o, 4)
		p.print(in + "Metric Block")
		p.isisMetricBlock(r, o)
		o += 4
		tl -= 4
		for tl != 0 {
			pl := int(r.u8(o))
			o++
			tl--
			if pl < 2 {
				p.printf("\n\t\tAddress: prefix length %d < 2", pl)
				break
			}
			if tl < pl/2 {
				break
			}
			p.printf("\n\t\tAddress: %s/%d", nsapString(r.bytes(o, pl/2)), pl*4)
			o += pl / 2
			tl -= pl / 2
		}
	case 241: // IIH sequence number
		if tl >= 4 {
			p.printf(in+"Sequence number: %d", r.be32(o))
		}
	case 242: // router capability
		if tl < 5 {
			p.printf(" [object length %d < 5] (invalid)", tl)
			return isisNext
		}
		p.printf(in+"Router-ID %s", p.addr4At(r.b, o))
		p.printf(", Flags [%s]", bitTokString(isisRouterCapFlags, "none", uint32(r.u8(o+4))))
		if tl > 5 {
			p.isisRouterCapSubTLVs(r, o+5, tl-5)
		}
	case 250: // vendor private
		if tl < 3 {
			return isisNext
		}
		v := r.be24(o)
		p.printf(in+"Vendor: %s (%d)", mapName(ouiNames, v, "Unknown"), v)
		if tl > 3 {
			p.unknownData(r.b[min(o+3, len(r.b)):], "\n\t\t", tl-3)
		}
	case 143: // MT-aware port capability
		if tl < 2 {
			return isisNext
		}
		v := r.be16(o)
		p.printf("\n\t       RES: %d, MTID(s): %d", v>>12, v&0x0fff)
		if tl > 2 {
			p.isisSPBSubTLVs(r, o+2, tl-2, "\n\t       ", isisMTPortCapSubTLVNames, (*Printer).isisMTPortCapSubTLV)
		}
	case 144: // MT capability
		if tl < 2 {
			return isisNext
		}
		v := r.be16(o)
		p.printf(in+"O: %d, RES: %d, MTID(s): %d", v>>15&1, v>>12&7, v&0x0fff)
		if tl > 2 {
			p.isisSPBSubTLVs(r, o+2, tl-2, "\n\t      ", isisMTCapSubTLVNames, (*Printer).isisMTCapSubTLV)
		}
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(r.b[min(off, len(r.b)):], "\n\t\t", l)
		}
	}
	return isisNext
}

// isisMTID prints the multi-topology ID at off.
func (p *Printer) isisMTID(r reader, off int) {
	v := r.be16(off)
	p.printf("\n\t      %s", mapName(isisMTNames, v&0x0fff, "Reserved for IETF Consensus"))
	p.printf(" Topology (0x%03x), Flags: [%s]", v&0x0fff, bitTokString(isisMTFlags, "none", uint32(v&0xf000)))
}

// isisExtISList prints the extended IS reachability entries of a TLV
// (22, 24 or 222) in the tl bytes at off.
func (p *Printer) isisExtISList(r reader, t byte, off, tl int) isisTLVEnd {
	return p.isisEntries(r, off, tl, func(off, tl int) int { return p.isisExtISReach(r, off, "\n\t      ", t, tl) })
}

// isisEntries walks the variable-length entries that fill a TLV, tl
// bytes at off: entry prints the one at off (with tl bytes left) and
// returns its length, 0 when it was cut short. The lengths count modulo
// 256, as in tcpdump's u_char arithmetic.
func (p *Printer) isisEntries(r reader, off, tl int, entry func(off, tl int) int) isisTLVEnd {
	for tl != 0 {
		n := entry(off, tl)
		if n == 0 {
			r.trunc()
			return isisStop
		}
		if tl < n {
			p.printf(" [remaining tlv length %d < %d] (invalid)", tl, n)
			return isisNext
		}
		tl = int(uint8(tl - int(uint8(n))))
		off += int(uint8(n))
	}
	return isisNext
}

// isisExtISReach prints one extended IS reachability entry with its
// sub-TLVs and returns the bytes it took (0 where tcpdump gives up).
func (p *Printer) isisExtISReach(r reader, o int, in string, t byte, remain int) int {
	r.check(o, 7)
	if remain < 7 {
		return 0
	}
	p.printf("%sIS Neighbor: %s", in, isisID(r.b[o:o+7]))
	o += 7
	remain -= 7
	done := 7
	if t != 24 {
		r.check(o, 3)
		if remain < 3 {
			return 0
		}
		p.printf(", Metric: %d", r.be24(o))
		o += 3
		remain -= 3
		done += 3
	}
	r.check(o, 1)
	if remain < 1 {
		return 0
	}
	sum := int(r.u8(o))
	o++
	remain--
	done++
	if sum == 0 {
		p.print(", no sub-TLVs present")
		return done
	}
	p.printf(", sub-TLVs present (%d)", sum)
	in += "  "
	for sum != 0 {
		r.check(o, 2)
		if remain < 2 {
			p.printf("%sRemaining data in TLV shorter than a subTLV header", in)
			done += remain
			break
		}
		if sum < 2 {
			p.printf("%sRemaining data in subTLVs shorter than a subTLV header", in)
			done += sum
			break
		}
		st, sl := r.u8(o), int(r.u8(o+1))
		o += 2
		remain -= 2
		sum -= 2
		done += 2
		p.printf("%s%s subTLV #%d, length: %d", in, mapName(isisExtISSubTLVNames, st, "unknown"), st, sl)
		if sum < sl {
			p.print(" (remaining data in subTLVs shorter than the current subTLV)")
			done += sum
			break
		}
		if remain < sl {
			p.print(" (> remaining tlv length)")
			done += remain
			break
		}
		r.check(o, sl)
		// took consumes n bytes of the sub-TLV as tcpdump's loops do.
		took := func(n int) {
			o += n
			sl -= n
			sum -= n
			done += n
		}
		switch st {
		case 3, 4, 5:
			if sl >= 4 {
				p.printf(", 0x%08x", r.be32(o))
				if sl == 8 {
					p.printf(", 0x%08x", r.be32(o+4))
				}
			}
		case 6, 8:
			if sl >= 4 {
				p.printf(", %s", p.addr4At(r.b, o))
			}
		case 9, 10:
			if sl >= 4 {
				p.printf(", %s Mbps", isisMbps(r.be32(o)))
			}
		case 11:
			if sl >= 32 {
				for c := 0; c < 8; c++ {
					p.printf("%s  TE-Class %d: %s Mbps", in, c, isisMbps(r.be32(o)))
					took(4)
				}
			}
		case 12, 22:
			if sl == 0 {
				break
			}
			m := r.u8(o)
			p.printf("%sBandwidth Constraints Model ID: %s (%d)", in, nameOr(diffservBCModels, uint32(m), "unknown"), m)
			took(1)
			for c := 0; sl != 0; c++ {
				if sl < 4 {
					break
				}
				p.printf("%s  Bandwidth constraint CT%d: %s Mbps", in, c, isisMbps(r.be32(o)))
				took(4)
			}
		case 18:
			if sl >= 3 {
				p.printf(", %d", r.be24(o))
			}
		case 19:
			if sl == 2 {
				v := r.be16(o)
				p.printf(", [ %s ] (0x%04x)", bitTokString(isisLinkAttributes, "Unknown", uint32(v)), v)
			}
		case 20:
			if sl >= 2 {
				p.printf(", %s, Priority %d", bitTokString(gmplsLinkProt, "none", uint32(r.u8(o))), r.u8(o+1))
			}
		case 29:
			if sl >= 6 {
				p.printf(", LM: %d", r.be24(o))
				took(3)
				p.printf(", P: %d", r.u8(o))
				took(1)
				p.printf(", P-ID: %d", r.be16(o))
			}
		case 21:
			if sl >= 36 {
				sc := r.u8(o)
				p.printf("%s  Interface Switching Capability:%s", in, nameOr(gmplsSwitchCaps, uint32(sc), "Unknown"))
				p.printf(", LSP Encoding: %s", nameOr(gmplsEncodings, uint32(r.u8(o+1)), "Unknown"))
				took(4)
				p.printf("%s  Max LSP Bandwidth:", in)
				for l := 0; l < 8; l++ {
					p.printf("%s    priority level %d: %s Mbps", in, l, isisMbps(r.be32(o)))
					took(4)
				}
				switch sc {
				case 1, 2, 3, 4:
					if sl < 6 {
						break
					}
					p.printf("%s  Min LSP Bandwidth: %s Mbps", in, isisMbps(r.be32(o)))
					p.printf("%s  Interface MTU: %d", in, r.be16(o+4))
				case 100:
					if sl < 8 {
						break
					}
					p.printf("%s  Min LSP Bandwidth: %s Mbps", in, isisMbps(r.be32(o)))
					ind := r.u8(o + 4)
					p.printf("%s  Indication %s", in, mapName(gmplsTSCIndications, ind, sprintf("Unknown (%d)", ind)))
				default:
					if sl != 0 {
						p.unknownData(r.b[o:], "\n\t\t    ", sl)
					}
				}
			}
		case 32:
			if sl >= 8 {
				f := r.u8(o)
				p.printf("%s  Flags: [%s]", in, bitTokString(isisLANAdjSIDFlags, "none", uint32(f)))
				vf, lf := f&0x20 != 0, f&0x10 != 0
				took(1)
				p.printf("%s  Weight: %d", in, r.u8(o))
				took(1)
				if sl >= 6 {
					p.printf("%s  Neighbor System-ID: %s", in, r.isisIDAt(o, 6))
				}
				switch {
				case vf && lf:
					p.printf("%s  Label: %d", in, r.be24(o+6))
				case !vf && !lf:
					p.printf("%s  Index: %d", in, r.be32(o+6))
				default:
					p.print(" (invalid)")
				}
			}
		default:
			p.unknownData(r.b[o:], "\n\t\t    ", sl)
		}
		o += sl
		remain -= sl
		sum -= sl
		done += sl
	}
	return done
}

// isisExtdIPReach prints one extended IPv4 (or, with v6, IPv6)
// reachability entry at o with its sub-TLVs and returns the bytes it
// took; 0 where tcpdump gives up.
func (p *Printer) isisExtdIPReach(r reader, o int, v6 bool) int {
	const in = "\n\t      "
	metric := r.be32(o)
	o += 4
	done := 4
	var status byte
	var bits int
	if !v6 {
		status = r.u8(o)
		o++
		bits = int(status & 0x3f)
		if bits > 32 {
			p.printf("%sIPv4 prefix: bad bit length %d", in, bits)
			return 0
		}
		done++
	} else {
		status = r.u8(o)
		bits = int(r.u8(o + 1))
		if bits > 128 {
			p.printf("%sIPv6 prefix: bad bit length %d", in, bits)
			return 0
		}
		o += 2
		done += 2
	}
	n := (bits + 7) / 8
	var pfx [16]byte
	copy(pfx[:], r.bytes(o, n))
	o += n
	done += n
	if !v6 {
		p.printf("%sIPv4 prefix: %15s/%d", in, p.host(netip.AddrFrom4([4]byte(pfx[:4]))), bits)
	} else {
		p.printf("%sIPv6 prefix: %s/%d", in, p.host(netip.AddrFrom16(pfx)), bits)
	}
	p.printf(", Distribution: %s, Metric: %d", isisUpDown(status), metric)
	sub := false
	if !v6 {
		if status&0x40 != 0 {
			p.print(", sub-TLVs present")
			sub = true
		}
	} else {
		sub = status&0x20 != 0
		s := ""
		if sub {
			s = ", sub-TLVs present"
		}
		p.printf(", %s%s", isisIE(status), s)
	}
	if sub {
		sl := uint32(r.u8(o))
		o++
		done += int(sl) + 1
		p.printf(" (%d)", sl)
		for sl > 0 {
			st, stl := r.u8(o), int(r.u8(o+1))
			o += 2
			if !p.isisIPReachSubTLV(r, o, st, stl, in+"  ") {
				return 0
			}
			o += stl
			sl -= uint32(stl + 2)
		}
	}
	return done
}

// isisIPReachSubTLV prints a sub-TLV of an extended IP reachability
// entry; false where tcpdump gives up (after its marker).
func (p *Printer) isisIPReachSubTLV(r reader, o int, st byte, sl int, in string) bool {
	p.printf("%s%s subTLV #%d, length: %d", in, mapName(isisExtIPSubTLVNames, st, "unknown"), st, sl)
	if !r.has(o, sl) {
		r.trunc()
		return false
	}
	switch st {
	case 117, 1:
		for ; sl >= 4; sl -= 4 {
			v := r.be32(o)
			p.printf(", 0x%08x (=%d)", v, v)
			o += 4
		}
	case 2:
		for ; sl >= 8; sl -= 8 {
			p.printf(", 0x%08x%08x", r.be32(o), r.be32(o+4))
			o += 8
		}
	case 3:
		f, algo := r.u8(o), r.u8(o+1)
		var sid uint32
		kind := "index"
		if f&0x08 != 0 {
			if sl < 5 {
				r.trunc()
				return false
			}
			sid = r.be24(o + 2)
			kind = "label"
		} else {
			if sl < 6 {
				r.trunc()
				return false
			}
			sid = r.be32(o + 2)
		}
		p.printf(", Flags [%s], Algo %s (%d), %s %d", bitTokString(isisPrefixSIDFlags, "None", uint32(f)),
			mapName(isisPrefixSIDAlgos, algo, "Unknown"), algo, kind, sid)
	default:
		p.unknownData(r.b[o:], "\n\t\t    ", sl)
	}
	return true
}

// isisIPReach prints the entries of an IPv4 internal or external
// reachability TLV; false where tcpdump ends the PDU.
func (p *Printer) isisIPReach(r reader, o, n int) bool {
	const in = "\n\t      "
	for n > 0 {
		if n < 12 {
			p.printf("short IPv4 Reachability (%d vs 12)", n)
			return false
		}
		if !r.has(o, 12) {
			return false
		}
		pfx, mask := r.b[o+4:o+8], r.be32(o+8)
		if pl := mask2plen(mask); pl == -1 {
			p.printf("%sIPv4 prefix: %s mask %s", in, p.addr4At(pfx, 0), p.addr4At(r.b, o+8))
		} else {
			p.printf("%sIPv4 prefix: %15s/%d", in, p.addr4At(pfx, 0), pl)
		}
		m := r.u8(o)
		p.printf(", Distribution: %s, Metric: %d, %s", isisUpDown(m), m&0x3f, isisIE(m))
		for i, name := range []string{"Delay", "Expense", "Error"} {
			if m := r.u8(o + 1 + i); m&0x80 == 0 {
				p.printf("%s  %s Metric: %d, %s", in, name, m&0x3f, isisIE(m))
			}
		}
		n -= 12
		o += 12
	}
	return true
}

// isisAuth prints an authentication TLV's value (tl bytes at o) in a
// PDU of length bytes.
func (p *Printer) isisAuth(r reader, o, tl, length int) isisTLVEnd {
	if tl < 1 {
		return isisNext
	}
	at := r.u8(o)
	o++
	tl--
	p.printf("\n\t      %s: ", mapName(isisAuthTypes, at, sprintf("unknown Authentication type 0x%02x", at)))
	switch at {
	case 1:
		r.jnp(o, tl)
	case 54:
		for i := 0; i < tl; i++ {
			p.printf("%02x", r.u8(o+i))
		}
		if tl != 16 {
			p.print(", (invalid subTLV) ")
		}
		// The signature covers the PDU with the LSP header's remaining
		// lifetime and checksum zeroed; tcpdump zeroes those two
		// fields' places whatever the PDU type.
		res := p.signatureCheck(r.b, length, o, 8+2, 8+3, 8+16, 8+17)
		p.print(" (" + res + ")")
	case 3:
		if tl < 2 {
			return isisNext
		}
		p.printf("%d, password: ", r.be16(o))
		o += 2
		tl -= 2
		for i := 0; i < tl; i++ {
			p.printf("%02x", r.u8(o+i))
		}
	default:
		p.unknownData(r.b[min(o, len(r.b)):], "\n\t\t  ", tl)
	}
	return isisNext
}

// isisRouterCapSubTLVs prints the sub-TLVs of a router capability TLV.
func (p *Printer) isisRouterCapSubTLVs(r reader, o, tl int) {
	for tl >= 2 {
		st, sl := r.u8(o), int(r.u8(o+1))
		tl -= 2
		o += 2
		name := "unknown"
		if st == 2 {
			name = "SR-Capabilities"
		}
		p.printf("\n\t\t%s subTLV #%d, length: %d", name, st, sl)
		if sl > tl {
			break
		}
		if !r.has(o, sl) {
			return
		}
		if st == 2 {
			f := r.u8(o)
			p.printf(", Flags [%s], Range %d", bitTokString(isisRouterCapSRFlags, "None", uint32(f)), r.be24(o+1))
			so, stl := o+4, uint8(sl-4)
			for stl >= 5 {
				typ, l := r.u8(so), r.u8(so+1)
				stl -= 2
				so += 2
				if l > stl {
					break
				}
				if typ == 1 {
					switch l {
					case 3:
						p.printf(", SID value %d", r.be24(so))
					case 4:
						p.printf(", SID value %d", r.be32(so))
					default:
						p.printf(", Unknown SID length%d", l)
					}
				} else {
					p.unknownData(r.b[min(so, len(r.b)):], "\n\t\t  ", int(l))
				}
				so += int(l)
				stl -= l
			}
		} else {
			p.unknownData(r.b[o:], "\n\t\t", sl)
		}
		tl -= sl
		o += sl
	}
}

// isisMCID prints an SPB MCID (51 bytes at o).
func (p *Printer) isisMCID(r reader, o int) {
	if !r.has(o, 51) {
		r.trunc()
		return
	}
	p.printf("ID: %d, Name: ", r.u8(o))
	r.jnp(o+1, 32)
	p.printf("\n\t              Lvl: %d", r.be16(o+33))
	p.print(", Digest: ")
	for i := 0; i < 16; i++ {
		p.printf("%02x ", r.u8(o+35+i))
	}
}

// isisMTPortCapSubTLVNames and isisMTCapSubTLVNames name the sub-TLVs
// of the MT-aware port capability and MT capability TLVs.
var (
	isisMTPortCapSubTLVNames = map[uint8]string{4: "SPB MCID", 5: "SPB Digest", 6: "SPB BVID"}
	isisMTCapSubTLVNames     = map[uint8]string{1: "SPB Instance", 3: "SPBM Service Identifier and Unicast Address"}
)

// isisSPBSubTLVs walks the sub-TLVs in the n bytes at o of an MT
// capability or MT-aware port capability TLV: each one's header on a line
// starting with indent, then its value, which value prints (false ends
// the walk). A sub-TLV running past the TLV or the capture ends it too.
func (p *Printer) isisSPBSubTLVs(r reader, o, n int, indent string, names map[uint8]string, value func(*Printer, reader, uint8, int, int) bool) {
	for n > 2 {
		st, sl := r.u8(o), int(r.u8(o+1))
		p.printf("%s%s subTLV #%d, length: %d", indent, mapName(names, st, "unknown"), st, sl)
		o += 2
		n -= 2
		if n < sl {
			p.print(" (> containing TLV length)")
			return
		}
		if !r.has(o, sl) {
			r.trunc()
			return
		}
		if !value(p, r, st, o, sl) {
			return
		}
		o += sl
		n -= sl
	}
}

// isisTooShort says " (too short)" when short is true, for a sub-TLV
// value shorter than its fixed part, and returns short.
func isisTooShort(p *Printer, short bool) bool {
	if short {
		p.print(" (too short)")
	}
	return short
}

// isisMTPortCapSubTLV prints the value of one sub-TLV of an MT-aware port
// capability TLV (sl bytes at o); false ends the walk.
func (p *Printer) isisMTPortCapSubTLV(r reader, st uint8, o, sl int) bool {
	switch st {
	case 4:
		if isisTooShort(p, sl < 102) {
			return false
		}
		p.print("\n\t         MCID: ")
		p.isisMCID(r, o)
		p.print("\n\t         AUX-MCID: ")
		p.isisMCID(r, o+51)
	case 5:
		if isisTooShort(p, sl < 33) {
			return false
		}
		v := r.u8(o)
		p.printf("\n\t        RES: %d V: %d A: %d D: %d", v>>5, v>>4&1, v>>2&3, v&3)
		o++
		p.print("\n\t         Digest: ")
		for i := 1; i <= 8; i++ {
			p.printf("%08x ", r.be32(o))
			if i%4 == 0 && i != 8 {
				p.print("\n\t                 ")
			}
			o += 4
		}
	case 6:
		for sl != 0 {
			if isisTooShort(p, sl < 4) {
				return false
			}
			p.printf("\n\t           ECT: %08x", r.be32(o))
			o += 4
			sl -= 4
			if isisTooShort(p, sl < 2) {
				return false
			}
			v := r.be16(o)
			p.printf(" BVID: %d, U:%01x M:%01x ", v>>4, v>>3&1, v>>2&1)
			o += 2
			sl -= 2
		}
	}
	return true
}

// isisMTCapSubTLV prints the value of one sub-TLV of an MT capability
// TLV (sl bytes at o); false ends the walk.
func (p *Printer) isisMTCapSubTLV(r reader, st uint8, o, sl int) bool {
	switch st {
	case 1:
		if isisTooShort(p, sl < 19) {
			return false
		}
		p.printf("\n\t        CIST Root-ID: %08x", r.be32(o))
		p.printf(" %08x", r.be32(o+4))
		p.printf(", Path Cost: %08x", r.be32(o+8))
		p.printf(", Prio: %d", r.be16(o+12))
		p.printf("\n\t        RES: %d", r.be16(o+14)>>5)
		p.printf(", V: %d", r.be16(o+14)>>4&1)
		p.printf(", SPSource-ID: %d", r.be32(o+14)&0x000fffff)
		p.printf(", No of Trees: %x", r.u8(o+18))
		trees := int(r.u8(o + 18))
		o += 19
		sl -= 19
		for ; trees > 0; trees-- {
			if sl < 8 {
				r.trunc()
				return false
			}
			v := r.u8(o)
			p.printf("\n\t         U:%d, M:%d, A:%d, RES:%d", v>>7, v>>6&1, v>>5&1, v&0x1f)
			p.printf(", ECT: %08x", r.be32(o+1))
			w := r.be24(o + 5)
			p.printf(", BVID: %d, SPVID: %d", w>>12&0xfff, w&0xfff)
			o += 8
			sl -= 8
		}
	case 3:
		if sl < 8 {
			r.trunc()
			return false
		}
		p.printf("\n\t        BMAC: %08x", r.be32(o))
		p.printf("%04x", r.be16(o+4))
		v := r.be16(o + 6)
		p.printf(", RES: %d, VID: %d", v>>12, v&0x0fff)
		o += 8
		sl -= 8
		for ; sl >= 4; sl -= 4 {
			w := r.be32(o)
			p.printf("\n\t        T: %d, R: %d, RES: %d, ISID: %d", w>>31, w>>30&1, w>>24&0x3f, w&0xffffff)
			o += 4
		}
	}
	return true
}

// isisIDList prints the 6-byte IDs that fill tl bytes at o, each after
// lead, reporting false when a partial one is left (printed up to it).
func (p *Printer) isisIDList(r reader, lead string, o, tl int) bool {
	for ; tl >= 6; o, tl = o+6, tl-6 {
		p.print(lead + r.isisIDAt(o, 6))
	}
	return tl == 0
}

// isisIDAt is the system, node or LSP ID of n bytes at off after
// tcpdump's check that they were captured (ND_TCHECK_LEN).
func (r reader) isisIDAt(off, n int) string {
	r.check(off, n)
	return isisID(r.b[off : off+n])
}

// isisMbps is a bandwidth (an IEEE float of bytes per second) in Mbps
// as tcpdump prints it with "%.3f", glibc's "inf" and "nan" included.
func isisMbps(v uint32) string { return cFloat("%.3f", mbps(v)) }

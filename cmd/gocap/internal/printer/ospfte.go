package printer

import "math"

// The traffic engineering LSA of OSPF (RFC 3630, 4203, 4124), as
// tcpdump's ospf_te_lsa_print prints it; OSPFv3 uses it for its
// Intra-Area TE LSA.

var ospfTETLVs = map[uint32]string{1: "Router Address", 2: "Link"}

var ospfTESubTLVs = map[uint32]string{1: "Link Type", 2: "Link ID", 3: "Local Interface IP address",
	4: "Remote Interface IP address", 5: "Traffic Engineering Metric", 6: "Maximum Bandwidth",
	7: "Maximum Reservable Bandwidth", 8: "Unreserved Bandwidth", 9: "Administrative Group",
	11: "Link Local/Remote Identifier", 14: "Link Protection Type", 15: "Interface Switching Capability",
	16: "Shared Risk Link Group", 17: "Bandwidth Constraints"}

var ospfTELinkTypes = map[uint32]string{1: "Point-to-point", 2: "Multi-Access"}

var diffservBCModels = map[uint32]string{0: "Russian dolls", 1: "Maximum allocation",
	254: "Maximum allocation with E-LSP support"}

var gmplsLinkProt = []bitTok{{0x01, "Extra Traffic"}, {0x02, "Unprotected"}, {0x04, "Shared"},
	{0x08, "Dedicated 1:1"}, {0x10, "Dedicated 1+1"}, {0x20, "Enhanced"}, {0x40, "Reserved"}, {0x80, "Reserved"}}

var gmplsSwitchCaps = map[uint32]string{1: "Packet-Switch Capable-1", 2: "Packet-Switch Capable-2",
	3: "Packet-Switch Capable-3", 4: "Packet-Switch Capable-4", 51: "Layer-2 Switch Capable",
	100: "Time-Division-Multiplex", 150: "Lambda-Switch Capable", 200: "Fiber-Switch Capable"}

var gmplsEncodings = map[uint32]string{1: "Packet", 2: "Ethernet V2/DIX", 3: "ANSI/ETSI PDH", 4: "Reserved",
	5: "SDH ITU-T G.707/SONET ANSI T1.105", 6: "Reserved", 7: "Digital Wrapper", 8: "Lambda (photonic)",
	9: "Fiber", 10: "Reserved", 11: "FiberChannel"}

// mbps is a bandwidth in bytes per second, an IEEE float, in Mbps,
// computed in single precision as tcpdump does.
func mbps(v uint32) float64 {
	f := math.Float32frombits(v)
	f = f * 8 / 1000000
	return float64(f)
}

// ospfTE prints the TLVs of a TE LSA, the n bytes at off; false where
// tcpdump gives up (after " (invalid)" for a bad sub-TLV length).
func (p *Printer) ospfTE(r reader, off, n int) bool {
	for n != 0 {
		t, l, ok := p.ospfTLVHead(r, off, n, ospfTETLVs, "\n\t    %s TLV (%d), length: %d")
		if !ok {
			return false
		}
		off += 4
		n -= 4
		switch t {
		case 2:
			k := off
			for l != 0 {
				if l < 4 {
					p.printf("\n\t    Remaining TLV length %d < 4", l)
					return false
				}
				st, sl := uint32(r.be16(k)), int(r.be16(k+2))
				k += 4
				l -= 4
				if st == 0 || sl == 0 {
					p.print(" (invalid)")
					return false
				}
				p.printf("\n\t      %s subTLV (%d), length: %d", nameOr(ospfTESubTLVs, st, "unknown"), st, sl)
				if l < sl {
					p.printf("\n\t    Remaining TLV length %d < %d", l+4, sl+4)
					return false
				}
				if !r.has(k, sl) {
					return false
				}
				switch p.ospfTESub(r, k, st, sl) {
				case toInvalid:
					p.print(" (invalid)")
					return false
				case toLabel:
					return false
				}
				if st == 16 {
					// tcpdump steps over the groups as it prints them,
					// and then over the sub-TLV again.
					k += sl
				}
				sl = (sl + 3) &^ 3
				if l < sl {
					p.printf("\n\t    Remaining TLV length %d < %d", l+4, sl+4)
					return false
				}
				l -= sl
				k += sl
			}
			// tcpdump's TLV pointer has moved past the sub-TLVs and
			// their length counted down to 0: the LSA's remaining
			// length stays as it was.
			off = k
		case 1:
			if l < 4 {
				p.printf("\n\t    TLV length %d < 4", l)
				return false
			}
			p.printf(", %s", p.host(addr4(r.bytes(off, 4))))
		default:
			if p.o.Verbose <= 1 && !p.unknownAt(r, off, l, "\n\t      ") {
				return false
			}
		}
		l = (l + 3) &^ 3
		if l > n {
			p.printf("\n\t    Bogus padded length %d > %d", l, n)
			return false
		}
		n -= l
		off += l
	}
	return true
}

// ospfTESub prints the value of a link sub-TLV: toInvalid for a bad
// length (after what tcpdump prints before " (invalid)"), toLabel where
// tcpdump gives up, ran otherwise.
func (p *Printer) ospfTESub(r reader, k int, st uint32, sl int) unwind {
	bad := func(s string) unwind {
		p.print(s)
		return toInvalid
	}
	switch st {
	case 9:
		if sl != 4 {
			return bad(" != 4")
		}
		p.printf(", 0x%08x", r.be32(k))
	case 2, 11:
		if sl != 4 && sl != 8 {
			return bad(" != 4 && != 8")
		}
		p.printf(", %s (0x%08x)", p.host(addr4(r.bytes(k, 4))), r.be32(k))
		if sl == 8 {
			p.printf(", %s (0x%08x)", p.host(addr4(r.bytes(k+4, 4))), r.be32(k+4))
		}
	case 3, 4:
		if sl != 4 {
			return bad(" != 4")
		}
		p.printf(", %s", p.host(addr4(r.bytes(k, 4))))
	case 6, 7:
		if sl != 4 {
			return bad(" != 4")
		}
		p.printf(", %s Mbps", floatF3(r.be32(k)))
	case 8:
		if sl != 32 {
			return bad(" != 32")
		}
		for c := range 8 {
			p.printf("\n\t\tTE-Class %d: %s Mbps", c, floatF3(r.be32(k+4*c)))
		}
	case 17:
		if sl < 4 {
			return bad(" < 4")
		}
		m := uint32(r.u8(k))
		p.printf("\n\t\tBandwidth Constraints Model ID: %s (%d)", nameOr(diffservBCModels, m, "unknown"), m)
		if sl%4 != 0 {
			p.printf("\n\t\tlength %d != N x 4", sl)
			return toInvalid
		}
		if sl > 36 {
			p.printf("\n\t\tlength %d > 36", sl)
			return toInvalid
		}
		for c := 0; c < (sl-4)/4; c++ {
			p.printf("\n\t\t  Bandwidth constraint CT%d: %s Mbps", c, floatF3(r.be32(k+4+4*c)))
		}
	case 5:
		if sl != 4 {
			return bad(" != 4")
		}
		p.printf(", Metric %d", r.be32(k))
	case 14:
		if sl != 4 {
			return bad(" != 4")
		}
		p.printf(", %s", bitTokString(gmplsLinkProt, "none", uint32(r.u8(k))))
	case 15:
		if sl < 36 {
			return bad(" < 36")
		}
		p.printf("\n\t\tInterface Switching Capability: %s", nameOr(gmplsSwitchCaps, uint32(r.u8(k)), "Unknown"))
		p.printf("\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:", nameOr(gmplsEncodings, uint32(r.u8(k+1)), "Unknown"))
		for l := range 8 {
			p.printf("\n\t\t  priority level %d: %s Mbps", l, floatF3(r.be32(k+4+4*l)))
		}
	case 1:
		if sl != 1 {
			return bad(" != 1")
		}
		v := uint32(r.u8(k))
		p.printf(", %s (%d)", nameOr(ospfTELinkTypes, v, "unknown"), v)
	case 16:
		if sl%4 != 0 {
			return bad(" != N x 4")
		}
		if sl != 0 {
			p.print("\n\t\t  Shared risk group: ")
		}
		for c := 0; c < sl/4; c++ {
			if c > 0 {
				p.print(", ")
			}
			p.printf("%d", r.be32(k+4*c))
		}
	default:
		if p.o.Verbose <= 1 && !p.unknownAt(r, k, sl, "\n\t\t") {
			return toLabel
		}
	}
	return ran
}

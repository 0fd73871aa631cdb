package printer

import (
	"net/netip"
)

// Connectivity Fault Management (IEEE 802.1ag, ethertype 0x8902) as
// tcpdump's print-cfm.c prints it.

var cfmOpcodeNames = map[uint8]string{1: "Continuity Check Message", 2: "Loopback Reply",
	3: "Loopback Message", 4: "Linktrace Reply", 5: "Linktrace Message"}

var cfmMDFormats = map[uint8]string{0: "IEEE 802.1", 1: "No MD Name present", 2: "DNS string",
	3: "MAC + 16Bit Integer", 4: "Character string"}

var cfmMAFormats = map[uint8]string{0: "IEEE 802.1", 1: "Primary VID", 2: "Character string",
	3: "16Bit Integer", 4: "RFC2685 VPN-ID"}

var cfmLTMFlags = []bitTok{{0x80, "Use Forwarding-DB only"}}

var cfmLTRFlags = []bitTok{{0x80, "UseFDB Only"}, {0x40, "FwdYes"}, {0x20, "Terminal MEP"}}

var cfmReplyActions = map[uint8]string{1: "Exact Match", 2: "Filtering DB", 3: "MIP CCM DB"}

var cfmTLVNames = map[uint8]string{0: "End", 1: "Sender ID", 2: "Port status", 3: "Interface status",
	4: "Data", 5: "Reply Ingress", 6: "Reply Egress", 31: "Organization Specific"}

var cfmPortStatus = map[uint8]string{1: "Blocked", 2: "Up"}

var cfmInterfaceStatus = map[uint8]string{1: "Up", 2: "Down", 3: "Testing", 5: "Dormant",
	6: "not present", 7: "lower Layer down"}

var cfmChassisIDTypes = map[uint8]string{0: "Reserved", 1: "Chassis component", 2: "Interface alias",
	3: "Port component", 4: "MAC address", 5: "Network address", 6: "Interface name", 7: "Locally assigned"}

// cfmIntervals are the CCM intervals in seconds, as the float32 values
// tcpdump computes with.
var cfmIntervals = [8]float32{0, 0.003333, 0.01, 0.1, 1, 10, 60, 600}

// Sizes of the CFM message bodies before their TLVs.
const (
	cfmCCMSize = 70
	cfmLTMSize = 17
	cfmLTRSize = 6
)

// cfm prints a CFM PDU. print-cfm.c's length checks (ND_TCHECK) go to
// its "trunc:" label, its reads end the packet.
func (p *Printer) cfm(b []byte, length int) {
	r := p.reader("cfm", b)
	r.label(func() { p.cfmPDU(r, length) })
}

// cfmPDU prints the PDU inside cfm's label.
func (p *Printer) cfmPDU(r reader, length int) {
	tooShort := func() { p.print("\n\t\t packet is too short") }
	if length < 4 {
		tooShort()
		return
	}
	r.check(0, 4)
	mdv := r.u8(0)
	if mdv&0x1f != 0 {
		p.printf("CFMv%d not supported, length %d", mdv&0x1f, length)
		return
	}
	op := r.u8(1)
	p.printf("CFMv%d %s, MD Level %d, length %d", mdv&0x1f,
		mapName(cfmOpcodeNames, op, sprintf("unknown (%d)", op)), mdv>>5, length)
	if p.o.Verbose < 1 {
		return
	}
	flags, first := r.u8(2), int(r.u8(3))
	p.printf("\n\tFirst TLV offset %d", first)
	off, tlen := 4, length-4
	if first > tlen {
		p.printf(" (too large, must be <= %d)", tlen)
		return
	}
	// fits reports whether the message body of size bytes fits before
	// the first TLV and in the PDU (printing tcpdump's complaint, whose
	// "too small" check is numbered n, where not), then checks that it
	// was captured.
	fits := func(size, n int) bool {
		if first < size {
			p.printf(" (too small %d, must be >= %d)", n, size)
			return false
		}
		if tlen < size {
			tooShort()
			return false
		}
		r.check(off, size)
		return true
	}
	switch op {
	case 1:
		if !fits(cfmCCMSize, 1) || !p.cfmCCM(r, off, flags) {
			return
		}
	case 4, 5:
		size, n, flagBits := cfmLTRSize, 5, cfmLTRFlags
		if op == 5 {
			size, n, flagBits = cfmLTMSize, 4, cfmLTMFlags
		}
		if !fits(size, n) {
			return
		}
		p.printf(", Flags [%s]", bitTokString(flagBits, "none", uint32(flags)))
		p.printf("\n\t  Transaction-ID 0x%08x, ttl %d", r.be32(off), r.u8(off+4))
		if op == 5 {
			p.printf("\n\t  Original-MAC %s, Target-MAC %s", p.etherAddr(r.bytes(off+5, 6)), p.etherAddr(r.bytes(off+11, 6)))
		} else {
			a := r.u8(off + 5)
			p.printf("\n\t  Replay-Action %s (%d)", mapName(cfmReplyActions, a, "Unknown"), a)
		}
	default:
		p.unknownData(r.b[off:], "\n\t  ", tlen-first)
	}
	off += first
	tlen -= first
	for tlen > 0 {
		typ := r.u8(off)
		p.printf("\n\t%s TLV (0x%02x)", mapName(cfmTLVNames, typ, "Unknown"), typ)
		if typ == 0 {
			return
		}
		if tlen < 3 {
			tooShort()
			return
		}
		r.check(off, 3)
		tl := int(r.be16(off + 1))
		p.printf(", length %d", tl)
		off += 3
		tlen -= 3
		tlv := off
		if tlen < tl {
			tooShort()
			return
		}
		r.check(off, tl)
		hexdump := false
		switch typ {
		case 2, 3:
			if tl < 1 {
				p.print(" (too short, must be >= 1)")
				return
			}
			names := cfmPortStatus
			if typ == 3 {
				names = cfmInterfaceStatus
			}
			p.printf(", Status: %s (%d)", mapName(names, r.u8(off), "Unknown"), r.u8(off))
		case 31:
			if tl < 4 {
				p.print(" (too short, must be >= 4)")
				return
			}
			oui := uint32(r.u8(off))<<16 | uint32(r.be16(off+1))
			p.printf(", Vendor: %s (%d), Sub-Type %d", mapName(ouiNames, oui, "Unknown"), oui, r.u8(off+3))
			hexdump = true
		case 1:
			var next, ok bool
			next, ok, hexdump = p.cfmSenderID(r, &off, &tlen, &tl)
			if !ok {
				return
			}
			if next {
				off += tl
				tlen -= tl
				continue
			}
		default:
			hexdump = true
		}
		if hexdump || p.o.Verbose > 1 {
			p.unknownData(r.b[tlv:], "\n\t  ", tl)
		}
		off += tl
		tlen -= tl
	}
}

// cfmCCM prints the body of a Continuity Check Message, reporting false
// where tcpdump stops printing the PDU.
func (p *Printer) cfmCCM(r reader, off int, flags uint8) bool {
	iv := flags & 7
	rdi := ""
	if flags&0x80 != 0 {
		rdi = ", RDI"
	}
	p.printf(", Flags [CCM Interval %d%s]", iv, rdi)
	if iv != 0 {
		base := float64(cfmIntervals[iv])
		p.printf("\n\t  CCM Interval %.3fs, min CCM Lifetime %.3fs, max CCM Lifetime %.3fs", base, base*3.25, base*3.5)
	}
	p.printf("\n\t  Sequence Number 0x%08x, MA-End-Point-ID 0x%04x", r.be32(off), r.be16(off+4))
	n := off + 6
	remaining := 48
	mdf := r.u8(n)
	n++
	remaining--
	if mdf != 1 {
		ml := int(r.u8(n))
		n++
		remaining--
		p.printf("\n\t  MD Name Format %s (%d), MD Name length %d", mapName(cfmMDFormats, mdf, "Unknown"), mdf, ml)
		if ml > remaining-3 {
			p.printf(" (too large, must be <= %d)", remaining-2)
			return false
		}
		p.print("\n\t  MD Name: ")
		switch mdf {
		case 2, 4:
			p.printJNP(r, n, ml)
		case 3:
			if ml == 6 {
				p.printf("\n\t  MAC %s", p.etherAddr(r.bytes(n, 6)))
			} else {
				p.print("\n\t  MAC (length invalid)")
			}
		default:
			p.unknownData(r.b[n:], "\n\t    ", ml)
		}
		n += ml
		remaining -= ml
	} else {
		p.printf("\n\t  MD Name Format %s (%d)", mapName(cfmMDFormats, mdf, "Unknown"), mdf)
	}
	maf := r.u8(n)
	mal := int(r.u8(n + 1))
	n += 2
	remaining -= 2
	p.printf("\n\t  MA Name-Format %s (%d), MA name length %d", mapName(cfmMAFormats, maf, "Unknown"), maf, mal)
	if mal > remaining {
		p.printf(" (too large, must be <= %d)", remaining)
		return false
	}
	p.print("\n\t  MA Name: ")
	if maf == 2 {
		p.printJNP(r, n, mal)
	} else {
		p.unknownData(r.b[n:], "\n\t    ", mal)
	}
	return true
}

// cfmSenderID prints a Sender ID TLV whose value starts at *off, moving
// *off, *tlen and *tl along as print-cfm.c moves its pointer and counts.
// It reports whether to skip to the next TLV at once, false in ok where
// tcpdump stops printing, and whether a hex dump follows.
func (p *Printer) cfmSenderID(r reader, off, tlen, tl *int) (next, ok, hexdump bool) {
	if *tl < 1 {
		p.print(" (too short, must be >= 1)")
		return true, true, false
	}
	cl := int(r.u8(*off))
	*off++
	*tlen--
	*tl--
	if cl != 0 {
		if *tl < 1 {
			p.print("\n\t  (TLV too short)")
			return true, true, false
		}
		ct := r.u8(*off)
		*tl--
		p.printf("\n\t  Chassis-ID Type %s (%d), Chassis-ID length %d", mapName(cfmChassisIDTypes, ct, "Unknown"), ct, cl)
		if *tl < cl {
			p.print("\n\t  (TLV too short)")
			return true, true, false
		}
		switch ct {
		case 4:
			if cl != 6 {
				p.print(" (invalid MAC address length)")
				hexdump = true
				break
			}
			p.printf("\n\t  MAC %s", p.etherAddr(r.bytes(*off+1, 6)))
		case 5:
			hexdump = p.cfmNetworkAddr(r, *off+1, cl)
		case 6, 2, 7, 1, 3:
			p.printJNP(r, *off+1, cl)
		default:
			hexdump = true
		}
		*tl -= cl
		*off += 1 + cl
		*tlen -= 1 + cl
	}
	if *tl == 0 {
		return false, true, hexdump
	}
	dl := int(r.u8(*off))
	*off++
	*tlen--
	*tl--
	p.printf("\n\t  Management Address Domain Length %d", dl)
	if dl == 0 {
		return false, true, hexdump
	}
	if *tl < dl {
		p.print("\n\t  (TLV too short)")
		return true, true, hexdump
	}
	*tl -= dl
	r.need(*off, dl)
	p.unknownData(r.b[*off:], "\n\t  Management Address Domain: ", dl)
	*off += dl
	*tlen -= dl
	if *tl < 1 {
		p.print(" (Management Address Length is missing)")
		return false, true, true
	}
	al := int(r.u8(*off))
	*off++
	*tlen--
	*tl--
	p.printf("\n\t  Management Address Length %d", al)
	if al != 0 {
		if *tl < al {
			p.print("\n\t  (TLV too short)")
			return false, false, hexdump
		}
		*tl -= al
		r.need(*off, al)
		p.unknownData(r.b[*off:], "\n\t  Management Address: ", al)
		*off += al
		*tlen -= al
	}
	return false, true, hexdump
}

// cfmNetworkAddr prints a Network Address chassis ID of n bytes at off,
// reporting whether a hex dump should follow.
func (p *Printer) cfmNetworkAddr(r reader, off, n int) bool {
	if n < 1 {
		p.print("\n\t  Network Address Type (invalid, no data")
		return false
	}
	t := r.u8(off)
	p.printf("\n\t  Network Address Type %s (%d)", mapName(afNames, uint16(t), "Unknown"), t)
	switch t {
	case 1:
		if n != 5 {
			p.printf("(invalid IPv4 address length %d)", n-1)
			return true
		}
		p.printf(", %s", p.host(addr4(r.bytes(off+1, 4))))
	case 2:
		if n != 17 {
			p.printf("(invalid IPv6 address length %d)", n-1)
			return true
		}
		p.printf(", %s", p.host(netip.AddrFrom16([16]byte(r.bytes(off+1, 16)))))
	default:
		return true
	}
	return false
}

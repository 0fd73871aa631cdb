package printer

// LSP ping, MPLS echo request and reply (RFC 4379), UDP port 3503.

var lsppingMsgTypes = map[byte]string{1: "MPLS Echo Request", 2: "MPLS Echo Reply"}

var lsppingReplyModes = map[byte]string{
	1: "Do not reply", 2: "Reply via an IPv4/IPv6 UDP packet",
	3: "Reply via an IPv4/IPv6 UDP packet with Router Alert",
	4: "Reply via application level control channel",
}

var lsppingReturnCodes = map[byte]string{
	0:  "No return code or return code contained in the Error Code TLV",
	1:  "Malformed echo request received",
	2:  "One or more of the TLVs was not understood",
	3:  "Replying router is an egress for the FEC at stack depth",
	4:  "Replying router has no mapping for the FEC at stack depth",
	5:  "Reserved",
	6:  "Reserved",
	7:  "Reserved",
	8:  "Label switched at stack-depth",
	9:  "Label switched but no MPLS forwarding at stack-depth",
	10: "Mapping for this FEC is not the given label at stack depth",
	11: "No label entry at stack-depth",
	12: "Protocol not associated with interface at FEC stack depth",
	13: "Premature termination of ping due to label stack shrinking to a single label",
}

var lsppingTLVNames = map[uint16]string{
	1: "Target FEC Stack", 2: "Downstream Mapping", 3: "Pad", 9: "Error Code",
	5: "Vendor Enterprise Code", 7: "Interface Label Stack", 10: "Reply TOS Byte",
	15: "BFD Discriminator", 0xfc00: "Vendor Private Code",
}

var lsppingFECNames = map[uint16]string{
	1: "LDP IPv4 prefix", 2: "LDP IPv6 prefix", 3: "RSVP IPv4 Session Query",
	4: "RSVP IPv6 Session Query", 5: "Reserved", 6: "VPN IPv4 prefix", 7: "VPN IPv6 prefix",
	8: "L2 VPN endpoint", 9: "FEC 128 pseudowire (old)", 10: "FEC 128 pseudowire",
	12: "BGP labeled IPv4 prefix", 13: "BGP labeled IPv6 prefix",
}

var lsppingAddrTypes = map[byte]string{1: "IPv4", 2: "Unnumbered IPv4", 3: "IPv6", 4: "IPv6"}

// lsppingHeaderLen is the length of the common header.
const lsppingHeaderLen = 32

// lspping prints an LSP ping message; with -v its header in full and its
// TLVs. Every short read ends the packet, as in tcpdump; lengths that do
// not add up print tcpdump's "too short" notes instead.
func (p *Printer) lspping(b []byte, length int) {
	r := p.reader("lspping", b)
	if length < lsppingHeaderLen {
		p.print("\n\t\t packet is too short")
		return
	}
	r.need(0, lsppingHeaderLen)
	ver := r.be16(0)
	if ver != 1 {
		p.printf("LSP-PING version %d packet not supported", ver)
		return
	}
	mt := r.u8(4)
	if p.o.Verbose < 1 {
		p.printf("LSP-PINGv%d, %s, seq %d, length: %d", ver,
			mapName(lsppingMsgTypes, mt, sprintf("unknown (%d)", mt)), r.be32(12), length)
		return
	}
	rm := r.u8(5)
	p.printf("\n\tLSP-PINGv%d, msg-type: %s (%d), length: %d\n\t  reply-mode: %s (%d)", ver,
		mapName(lsppingMsgTypes, mt, "unknown"), mt, length, mapName(lsppingReplyModes, rm, "unknown"), rm)
	rc, sub := r.u8(6), r.u8(7)
	switch rc {
	case 3, 4, 8, 10, 11, 12: // the subcode is the stack depth
		p.printf("\n\t  Return Code: %s %d (%d)\n\t  Return Subcode: (%d)", mapName(lsppingReturnCodes, rc, "unknown"), sub, rc, sub)
	default:
		p.printf("\n\t  Return Code: %s (%d)\n\t  Return Subcode: (%d)", mapName(lsppingReturnCodes, rc, "unknown"), rc, sub)
	}
	p.printf("\n\t  Sender Handle: 0x%08x, Sequence: %d", r.be32(8), r.be32(12))
	p.print("\n\t  Sender Timestamp: ")
	p.ntpTimestamp(b, 16)
	p.print(" Receiver Timestamp: ")
	if r.be32(24) == 0 && r.be32(28) == 0 {
		p.print("no timestamp")
	} else {
		p.ntpTimestamp(b, 24)
	}

	off, left := lsppingHeaderLen, length-lsppingHeaderLen
	for left != 0 {
		if left < 4 {
			p.print("\n\t\t packet is too short")
			return
		}
		typ, tl := r.be16(off), int(r.be16(off+2))
		p.printf("\n\t  %s TLV (%d), length: %d", mapName(lsppingTLVNames, typ, "Unknown"), typ, tl)
		if tl == 0 {
			off += 4
			left -= 4
			continue
		}
		if left < tl+4 {
			p.print("\n\t\t packet is too short")
			return
		}
		r.need(off+4, tl)
		hexdump, stop := p.lsppingTLV(r, typ, off+4, tl)
		if stop {
			return
		}
		if p.o.Verbose > 1 || hexdump {
			p.unknownData(b[off+4:], "\n\t    ", tl)
		}
		if tl%4 != 0 { // TLVs are padded to four bytes
			tl += 4 - tl%4
			if left < tl+4 {
				p.print("\n\t\t packet is too short")
				return
			}
		}
		off += tl + 4
		left -= tl + 4
	}
}

// lsppingShort prints tcpdump's note for a TLV shorter than its contents.
func (p *Printer) lsppingShort() { p.print("\n\t      TLV is too short") }

// lsppingTLV prints the value of a TLV of type typ, tl bytes at off, all
// captured. It reports whether the value is to be dumped in hex after
// it, and whether the whole message ends there.
func (p *Printer) lsppingTLV(r reader, typ uint16, off, tl int) (hexdump, stop bool) {
	switch typ {
	case 1: // Target FEC Stack
		return p.lsppingFECStack(r, off, tl)
	case 2: // Downstream Mapping
		if tl < 4 {
			p.lsppingShort()
			return true, false
		}
		r.need(off, 4)
		at := r.u8(off + 2)
		p.printf("\n\t    MTU: %d, Address-Type: %s (%d)", r.be16(off), mapName(lsppingAddrTypes, at, "unknown"), at)
		var n int
		switch at {
		case 1, 2:
			n = 12
		case 3:
			n = 36
		case 4:
			n = 24
		}
		if n > 0 {
			if tl < n {
				p.lsppingShort()
				return true, false
			}
			r.need(off, n)
			switch at {
			case 1:
				p.printf("\n\t    Downstream IP: %s\n\t    Downstream Interface IP: %s", p.host(addr4(r.bytes(off+4, 4))), p.host(addr4(r.bytes(off+8, 4))))
			case 2:
				p.printf("\n\t    Downstream IP: %s\n\t    Downstream Interface Index: 0x%08x", p.host(addr4(r.bytes(off+4, 4))), r.be32(off+8))
			case 3:
				p.printf("\n\t    Downstream IP: %s\n\t    Downstream Interface IP: %s", p.host(addr16(r.bytes(off+4, 16))), p.host(addr16(r.bytes(off+20, 16))))
			case 4:
				p.printf("\n\t    Downstream IP: %s\n\t    Downstream Interface Index: 0x%08x", p.host(addr16(r.bytes(off+4, 16))), r.be32(off+20))
			}
			off += n
			tl -= n
		}
		if tl < 4 {
			p.lsppingShort()
			return true, false
		}
		r.need(off, 4)
		// tcpdump decodes no further and dumps the whole TLV.
		return true, false
	case 15: // BFD Discriminator
		if tl < 4 {
			p.lsppingShort()
			return true, false
		}
		p.printf("\n\t    BFD Discriminator 0x%08x", r.be32(off))
	case 5: // Vendor Enterprise Code
		if tl < 4 {
			p.lsppingShort()
			return true, false
		}
		v := r.be32(off)
		p.printf("\n\t    Vendor: %s (0x%04x)", mapName(lsppingSMIVendors, v, "Unknown"), v)
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(r.b[off:], "\n\t    ", tl)
		}
	}
	return false, false
}

// lsppingFECStack prints the sub-TLVs of a Target FEC Stack TLV.
func (p *Printer) lsppingFECStack(r reader, off, tl int) (hexdump, stop bool) {
	for tl != 0 {
		if tl < 4 {
			p.lsppingShort()
			return true, false
		}
		typ, sl := r.be16(off), int(r.be16(off+2))
		if tl < sl+4 {
			p.lsppingShort()
			return true, false
		}
		s := off + 4
		r.need(s, sl)
		p.printf("\n\t    %s subTLV (%d), length: %d", mapName(lsppingFECNames, typ, "Unknown"), typ, sl)
		if !p.lsppingFEC(r, typ, s, sl) || p.o.Verbose > 1 {
			p.unknownData(r.b[s:], "\n\t      ", sl)
		}
		if sl%4 != 0 { // sub-TLVs are padded to four bytes
			sl += 4 - sl%4
			if tl < sl+4 {
				p.print("\n\t\t TLV is too short")
				return false, true
			}
		}
		// tcpdump steps over the value but not the sub-TLV's header,
		// and so reads the next one four bytes early.
		off += sl
		tl -= sl + 4
	}
	return false, false
}

// lsppingFECSizes are the value lengths of the FEC sub-TLVs decoded.
var lsppingFECSizes = map[uint16]int{1: 5, 2: 17, 12: 5, 13: 17, 3: 20, 4: 56, 6: 13, 7: 25, 8: 14, 9: 10, 10: 14}

// lsppingFEC prints a FEC sub-TLV's value, sl bytes at s; it reports
// false for one it does not decode, which is dumped in hex.
func (p *Printer) lsppingFEC(r reader, typ uint16, s, sl int) bool {
	want, ok := lsppingFECSizes[typ]
	if !ok {
		return false
	}
	if sl != want {
		p.printf("\n\t      invalid subTLV length, should be %d", want)
		return false
	}
	ip4 := func(o int) string { return p.host(addr4(r.bytes(s+o, 4))) }
	ip6 := func(o int) string { return p.host(addr16(r.bytes(s+o, 16))) }
	pw := func(o int) string {
		t := r.be16(s + o)
		return sprintf("%s (%d)", mapName(mplsPWTypes, t, "unknown"), t)
	}
	switch typ {
	case 1, 12:
		p.printf("\n\t      %s/%d", ip4(0), r.u8(s+4))
	case 2, 13:
		p.printf("\n\t      %s/%d", ip6(0), r.u8(s+16))
	case 3:
		p.printf("\n\t      tunnel end-point %s, tunnel sender %s, lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id %s",
			ip4(0), ip4(12), r.be16(s+18), r.be16(s+6), ip4(8))
	case 4:
		p.printf("\n\t      tunnel end-point %s, tunnel sender %s, lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id %s",
			ip6(0), ip6(36), r.be16(s+54), r.be16(s+18), ip6(20))
	case 6:
		p.printf("\n\t      RD: %s, %s/%d", p.lsppingRD(r, s), ip4(8), r.u8(s+12))
	case 7:
		p.printf("\n\t      RD: %s, %s/%d", p.lsppingRD(r, s), ip6(8), r.u8(s+24))
	case 8:
		p.printf("\n\t      RD: %s, Sender VE ID: %d, Receiver VE ID: %d\n\t      Encapsulation Type: %s",
			p.lsppingRD(r, s), r.be16(s+8), r.be16(s+10), pw(12))
	case 9:
		p.printf("\n\t      Remote PE: %s\n\t      PW ID: 0x%08x, PW Type: %s", ip4(0), r.be32(s+4), pw(8))
	case 10:
		p.printf("\n\t      Sender PE: %s, Remote PE: %s\n\t      PW ID: 0x%08x, PW Type: %s", ip4(0), ip4(4), r.be32(s+8), pw(12))
	}
	return true
}

// lsppingRD formats a BGP/MPLS VPN route distinguisher (RFC 4364) as
// tcpdump's bgp_vpn_rd_print does (-b included), once its 8 bytes are
// known to be there.
func (p *Printer) lsppingRD(r reader, off int) string {
	r.bytes(off, 8)
	return p.bgpRD(r, off)
}

// lsppingSMIVendors names SMI enterprise numbers as tcpdump's smi_values does.
var lsppingSMIVendors = map[uint32]string{
	0:     "IETF (reserved)",
	5:     "ACC",
	9:     "Cisco",
	11:    "Hewlett Packard",
	42:    "Sun Microsystems",
	61:    "Merit",
	74:    "AT&T",
	161:   "Motorola",
	166:   "Shiva",
	193:   "Ericsson AB",
	255:   "Cisco VPN 5000",
	307:   "Livingston",
	311:   "Microsoft",
	429:   "3Com",
	529:   "Ascend",
	1584:  "Bay Networks",
	1991:  "Foundry",
	2180:  "Versanet",
	2352:  "Redback",
	2636:  "Juniper Networks",
	2637:  "Aptis",
	2937:  "Deutsche Telekom AG",
	3054:  "Ixia Communications",
	3076:  "Cisco VPN 3000",
	3085:  "CoSine Communications",
	3224:  "Netscreen",
	3199:  "Shasta",
	3309:  "Nomadix",
	3414:  "T-Mobile",
	3561:  "The Broadband Forum",
	3902:  "ZTE",
	4329:  "Siemens",
	4491:  "CableLabs",
	4874:  "Unisphere Networks",
	5263:  "Cisco BBSM",
	5535:  "3rd Generation Partnership Project 2 (3GPP2)",
	5806:  "SK Telecom",
	5925:  "ipUnplugged",
	5948:  "Issanni Communications",
	5951:  "Netscaler",
	6490:  "T-Mobile",
	6618:  "Quintum",
	6728:  "Interlink",
	7951:  "CNCTC",
	8164:  "Starent Networks",
	8744:  "Colubris",
	10415: "3GPP",
	10529: "Gemtek-Systems",
	10704: "Barracuda Networks",
	10923: "Ericsson AB - Packet Core Networks",
	11665: "dacom",
	11862: "Columbia University",
	12356: "Fortinet",
	12951: "Verizon Wireless",
	13745: "Plixer",
	14122: "Wi-Fi Alliance",
	16787: "T-Systems Nova",
	20942: "China Telecom - Guangzhou Research Institute",
	26866: "Gigamon Systems",
	32622: "CACE Technologies",
	35632: "ntop",
	46098: "Ericsson Canada",
}

// mplsPWTypes are the MPLS pseudowire types (RFC 4446), as tcpdump names them.
var mplsPWTypes = map[uint16]string{
	0x0000: "Reserved",
	0x0001: "Frame Relay DLCI (Martini Mode)",
	0x0002: "ATM AAL5 SDU VCC transport",
	0x0003: "ATM transparent cell transport",
	0x0004: "Ethernet VLAN",
	0x0005: "Ethernet",
	0x0006: "Cisco-HDLC",
	0x0007: "PPP",
	0x0008: "SONET/SDH Circuit Emulation Service over MPLS",
	0x0009: "ATM n-to-one VCC cell transport",
	0x000a: "ATM n-to-one VPC cell transport",
	0x000b: "IP Layer2 Transport",
	0x000c: "ATM one-to-one VCC Cell Mode",
	0x000d: "ATM one-to-one VPC Cell Mode",
	0x000e: "ATM AAL5 PDU VCC transport",
	0x000f: "Frame-Relay Port mode",
	0x0010: "SONET/SDH Circuit Emulation over Packet",
	0x0011: "Structure-agnostic E1 over Packet",
	0x0012: "Structure-agnostic T1 (DS1) over Packet",
	0x0013: "Structure-agnostic E3 over Packet",
	0x0014: "Structure-agnostic T3 (DS3) over Packet",
	0x0015: "CESoPSN basic mode",
	0x0016: "TDMoIP basic mode",
	0x0017: "CESoPSN TDM with CAS",
	0x0018: "TDMoIP TDM with CAS",
	0x0019: "Frame Relay DLCI",
	0x0040: "IP-interworking",
}

package printer

import (
	"strings"
)

// Spanning-tree protocol versions and BPDU types.
const (
	stpVersionSTP  = 0
	stpVersionRSTP = 2
	stpVersionMSTP = 3
	stpVersionSPB  = 4

	bpduConfig = 0x00
	bpduRSTP   = 0x02
	bpduTCN    = 0x80

	// stpConfigLen is the length of an RSTP BPDU, the configuration BPDU
	// fields plus the version 1 length byte.
	stpConfigLen = 36
	// mstiLen is the length of one MSTI configuration message.
	mstiLen = 16
)

var stpVersionNames = map[uint8]string{0: "802.1d", 2: "802.1w", 3: "802.1s", 4: "802.1aq"}

var bpduTypeNames = map[uint8]string{bpduConfig: "Config", bpduRSTP: "Rapid STP", bpduTCN: "Topology Change"}

var stpFlagBits = []bitTok{
	{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"}, {0x20, "Forward"},
	{0x40, "Agreement"}, {0x80, "Topology change ACK"},
}

var stpPortRoles = [4]string{"Unknown", "Alternate", "Root", "Designated"}

// bridgeID formats an 8-byte bridge identifier: priority, then MAC.
func bridgeID(b []byte) string {
	return sprintf("%02x%02x.%s", b[0], b[1], mac(b[2:8]))
}

// stpTime formats a BPDU timer, counted in 1/256 s.
func stpTime(v uint16) string { return sprintf("%.2fs", float64(v)/256) }

// stpBPDULen is the length of the BPDU header tcpdump's length tests
// count (the configuration fields and the version 1 length byte).
const stpBPDULen = stpConfigLen

// stp prints a spanning-tree BPDU (802.1D, 802.1w, 802.1s, SPB). Each
// line's values are read before the line is printed, so a BPDU cut short
// ends after the last whole line (tcpdump evaluates all of a printf's
// arguments first).
func (p *Printer) stp(b []byte, length int) {
	r := p.reader("stp", b)
	if length < 4 {
		p.print(" (invalid)")
		return
	}
	if r.be16(0) != 0 {
		p.printf("unknown STP version, length %d", length)
		return
	}
	ver := r.u8(2)
	p.print("STP ")
	p.print(mapName(stpVersionNames, ver, sprintf("Unknown STP protocol (0x%02x)", ver)))
	if ver > stpVersionSPB || ver == 1 {
		return
	}
	typ := r.u8(3)
	p.printf(", %s", mapName(bpduTypeNames, typ, sprintf("Unknown BPDU Type (0x%02x)", typ)))
	switch typ {
	case bpduConfig:
		if length < stpBPDULen-1 {
			p.print(" (invalid)")
			return
		}
		p.stpConfig(r, length)
	case bpduRSTP:
		switch ver {
		case stpVersionRSTP:
			if length < stpBPDULen {
				p.print(" (invalid)")
				return
			}
			p.stpConfig(r, length)
		case stpVersionMSTP, stpVersionSPB:
			if length < mstpMinLen || r.u8(35) != 0 {
				p.print(" (invalid)")
				return
			}
			v3 := int(r.be16(36)) + 2
			if length < stpBPDULen+v3 {
				p.print(" (invalid)")
				return
			}
			p.mstp(r, length)
			if ver == stpVersionSPB {
				v4 := int(r.be16(36+v3)) + 2
				if length < stpBPDULen+v3+v4 || v4 < spbMinLen {
					p.print(" (invalid)")
					return
				}
				p.spb(r, stpBPDULen+v3)
			}
		}
	}
}

// Lengths tcpdump checks MSTP and SPB BPDUs against.
const (
	mstpMinLen = 102
	spbMinLen  = 87
)

// stpConfig prints a configuration or RSTP BPDU.
func (p *Printer) stpConfig(r reader, length int) {
	flags := r.u8(4)
	p.printf(", Flags [%s]", bitTokString(stpFlagBits, "none", uint32(flags)))
	bid := bridgeID(r.bytes(17, 8))
	p.printf(", bridge-id %s.%04x, length %d", bid, r.be16(25), length)
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tmessage-age %s, max-age %s, hello-time %s, forwarding-delay %s",
		stpTime(r.be16(27)), stpTime(r.be16(29)), stpTime(r.be16(31)), stpTime(r.be16(33)))
	root := bridgeID(r.bytes(5, 8))
	p.printf("\n\troot-id %s, root-pathcost %d", root, r.be32(13))
	if r.u8(2) == stpVersionRSTP {
		p.printf(", port-role %s", stpPortRoles[flags>>2&3])
	}
}

// mstp prints an MSTP BPDU: the CIST part, then each MSTI.
func (p *Printer) mstp(r reader, length int) {
	flags := r.u8(4)
	p.printf(", CIST Flags [%s], length %d", bitTokString(stpFlagBits, "none", uint32(flags)), length)
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tport-role %s, ", stpPortRoles[flags>>2&3])
	root := bridgeID(r.bytes(5, 8))
	p.printf("CIST root-id %s, CIST ext-pathcost %d", root, r.be32(13))
	p.printf("\n\tCIST regional-root-id %s, ", bridgeID(r.bytes(17, 8)))
	p.printf("CIST port-id %04x,", r.be16(25))
	p.printf("\n\tmessage-age %s, max-age %s, hello-time %s, forwarding-delay %s",
		stpTime(r.be16(27)), stpTime(r.be16(29)), stpTime(r.be16(31)), stpTime(r.be16(33)))
	p.printf("\n\tv3len %d, ", r.be16(36))
	p.print("MCID Name ")
	p.printJNP(r, 39, 32)
	p.printf(", rev %d,\n\t\tdigest %08x%08x%08x%08x, ", r.be16(71),
		r.be32(73), r.be32(77), r.be32(81), r.be32(85))
	p.printf("CIST int-root-pathcost %d,", r.be32(89))
	p.printf("\n\tCIST bridge-id %s, ", bridgeID(r.bytes(93, 8)))
	p.printf("CIST remaining-hops %d", r.u8(101))
	v3 := int(r.be16(36))
	if v3 <= 64 {
		return
	}
	for rem, off := v3-64, 102; rem >= mstiLen; rem, off = rem-mstiLen, off+mstiLen {
		id := r.be16(off+1) & 0xfff
		f := r.u8(off)
		p.printf("\n\tMSTI %d, Flags [%s], port-role %s", id,
			bitTokString(stpFlagBits, "none", uint32(f)), stpPortRoles[f>>2&3])
		root := bridgeID(r.bytes(off+1, 8))
		p.printf("\n\t\tMSTI regional-root-id %s, pathcost %d", root, r.be32(off+9))
		p.printf("\n\t\tMSTI bridge-prio %d, port-prio %d, hops %d", r.u8(off+13)>>4, r.u8(off+14)>>4, r.u8(off+15))
	}
}

// spb prints the SPB (802.1aq) part of a BPDU, which starts at off, with
// -v.
func (p *Printer) spb(r reader, off int) {
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tv4len %d, ", r.be16(off))
	p.print("AUXMCID Name ")
	p.printJNP(r, off+3, 32)
	p.printf(", Rev %d,\n\t\tdigest %08x%08x%08x%08x", r.be16(off+35),
		r.be32(off+37), r.be32(off+41), r.be32(off+45), r.be32(off+49))
	agr := r.u8(off + 53)
	format := r.u8(off + 55)
	conv := r.u8(off + 56)
	edge := r.be16(off + 57)
	d := off + 67
	p.printf("\n\tAgreement num %d, Discarded Agreement num %d, Agreement valid-flag %d,"+
		"\n\tRestricted role-flag: %d, Format id %d cap %d, Convention id %d cap %d,"+
		"\n\tEdge count %d, Agreement digest %08x%08x%08x%08x%08x",
		agr>>6, agr>>4&3, agr>>3&1, agr>>2&1, format>>4, format, conv>>4, conv, edge,
		r.be32(d), r.be32(d+4), r.be32(d+8), r.be32(d+12), r.be32(d+16))
}

// printableZ renders a NUL-padded string field as tcpdump's nd_printjzp:
// up to the first NUL, unprintable bytes escaped.
func printableZ(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if c == 0 {
			break
		}
		writeEscaped(&s, c)
	}
	return s.String()
}

// printableN renders b as tcpdump's nd_printn/nd_printjn: every byte, the
// unprintable ones escaped.
func printableN(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		writeEscaped(&s, c)
	}
	return s.String()
}

// writeEscaped writes c as tcpdump's fn_print_char does: printable ASCII
// as itself, the high bit as "M-", control characters as "^X".
func writeEscaped(s *strings.Builder, c byte) {
	if c >= 0x80 {
		s.WriteString("M-")
		c &= 0x7f
	}
	if c < 0x20 || c == 0x7f {
		s.WriteByte('^')
		s.WriteByte(c ^ 0x40)
		return
	}
	s.WriteByte(c)
}

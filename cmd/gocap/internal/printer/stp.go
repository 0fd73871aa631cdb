package printer

import (
	"fmt"
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

var stpVersionNames = map[uint8]string{0: "802.1d", 2: "802.1w", 3: "802.1s", 4: "802.1Q-2014"}

var bpduTypeNames = map[uint8]string{bpduConfig: "Config", bpduRSTP: "Rapid STP", bpduTCN: "Topology Change"}

var stpFlagBits = []flagBit{
	{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"}, {0x20, "Forward"},
	{0x40, "Agreement"}, {0x80, "Topology change ACK"},
}

var stpPortRoles = [4]string{"Unknown", "Alternate", "Root", "Designated"}

// flagBit names one bit (or mask) of a flags field.
type flagBit struct {
	bit  uint32
	name string
}

// flagNames lists the names of the bits set in v, joined by sep, or none
// when no named bit is set, like tcpdump's bittok2str.
func flagNames(bits []flagBit, v uint32, none, sep string) string {
	var s []string
	for _, b := range bits {
		if v&b.bit == b.bit && b.bit != 0 {
			s = append(s, b.name)
		}
	}
	if len(s) == 0 {
		return none
	}
	return strings.Join(s, sep)
}

// bridgeID formats an 8-byte bridge identifier: priority, then MAC.
func bridgeID(b []byte) string {
	return fmt.Sprintf("%02x%02x.%s", b[0], b[1], mac(b[2:8]))
}

// stpTime formats a BPDU timer, counted in 1/256 s.
func stpTime(v uint16) string { return fmt.Sprintf("%.2fs", float64(v)/256) }

// stp prints a spanning-tree BPDU (802.1D, 802.1w, 802.1s, SPB).
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
	p.print(mapName(stpVersionNames, ver, fmt.Sprintf("Unknown STP protocol (0x%02x)", ver)))
	if ver > stpVersionSPB || ver == 1 {
		return
	}
	typ := r.u8(3)
	p.printf(", %s", mapName(bpduTypeNames, typ, fmt.Sprintf("Unknown BPDU Type (0x%02x)", typ)))
	switch typ {
	case bpduConfig:
		if length < stpConfigLen-1 {
			p.print(" (invalid)")
			return
		}
		p.stpConfig(b, length)
	case bpduRSTP:
		switch ver {
		case stpVersionRSTP:
			if length < stpConfigLen {
				p.print(" (invalid)")
				return
			}
			p.stpConfig(b, length)
		case stpVersionMSTP, stpVersionSPB:
			if length < stpConfigLen+2 {
				p.print(" (invalid)")
				return
			}
			v3 := int(r.be16(36)) + 2
			if length < stpConfigLen+v3 {
				p.print(" (invalid)")
				return
			}
			p.mstp(b, length)
			if ver == stpVersionSPB {
				v4 := int(r.be16(36+v3)) + 2
				if length < stpConfigLen+v3+v4 || v4 < 87 {
					p.print(" (invalid)")
					return
				}
				p.spb(b[stpConfigLen+v3:])
			}
		}
	}
}

// stpConfig prints a configuration or RSTP BPDU.
func (p *Printer) stpConfig(b []byte, length int) {
	need(b, 35)
	flags := b[4]
	p.printf(", Flags [%s]", flagNames(stpFlagBits, uint32(flags), "none", ", "))
	p.printf(", bridge-id %s.%04x, length %d", bridgeID(b[17:25]), be16(b, 25), length)
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tmessage-age %s, max-age %s, hello-time %s, forwarding-delay %s",
		stpTime(be16(b, 27)), stpTime(be16(b, 29)), stpTime(be16(b, 31)), stpTime(be16(b, 33)))
	p.printf("\n\troot-id %s, root-pathcost %d", bridgeID(b[5:13]), be32(b, 13))
	if b[2] == stpVersionRSTP {
		p.printf(", port-role %s", stpPortRoles[flags>>2&3])
	}
}

// mstp prints an MSTP BPDU: the CIST part, then each MSTI.
func (p *Printer) mstp(b []byte, length int) {
	flags := u8(b, 4)
	p.printf(", CIST Flags [%s], length %d", flagNames(stpFlagBits, uint32(flags), "none", ", "), length)
	if p.o.Verbose == 0 {
		return
	}
	need(b, 35)
	p.printf("\n\tport-role %s, ", stpPortRoles[flags>>2&3])
	p.printf("CIST root-id %s, CIST ext-pathcost %d", bridgeID(b[5:13]), be32(b, 13))
	p.printf("\n\tCIST regional-root-id %s, ", bridgeID(b[17:25]))
	p.printf("CIST port-id %04x,", be16(b, 25))
	p.printf("\n\tmessage-age %s, max-age %s, hello-time %s, forwarding-delay %s",
		stpTime(be16(b, 27)), stpTime(be16(b, 29)), stpTime(be16(b, 31)), stpTime(be16(b, 33)))
	v3 := int(be16(b, 36))
	p.printf("\n\tv3len %d, ", v3)
	p.print("MCID Name ")
	need(b, 102)
	p.print(printableZ(b[39:71]))
	p.printf(", rev %d,\n\t\tdigest %08x%08x%08x%08x, ", be16(b, 71),
		be32(b, 73), be32(b, 77), be32(b, 81), be32(b, 85))
	p.printf("CIST int-root-pathcost %d,", be32(b, 89))
	p.printf("\n\tCIST bridge-id %s, ", bridgeID(b[93:101]))
	p.printf("CIST remaining-hops %d", b[101])
	if v3 <= 64 {
		return
	}
	for rem, off := v3-64, 102; rem >= mstiLen; rem, off = rem-mstiLen, off+mstiLen {
		need(b, off+mstiLen)
		m := b[off:]
		p.printf("\n\tMSTI %d, Flags [%s], port-role %s", be16(m, 1)&0xfff,
			flagNames(stpFlagBits, uint32(m[0]), "none", ", "), stpPortRoles[m[0]>>2&3])
		p.printf("\n\t\tMSTI regional-root-id %s, pathcost %d", bridgeID(m[1:9]), be32(m, 9))
		p.printf("\n\t\tMSTI bridge-prio %d, port-prio %d, hops %d", m[13]>>4, m[14]>>4, m[15])
	}
}

// spb would print the SPB (802.1aq) part of a BPDU; its fields are not
// decoded yet, so only the MSTP part is printed.
func (p *Printer) spb(b []byte) {}

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

package printer

import (
	"strings"
)

// Telnet option negotiation (TCP port 23), as print-telnet.c prints it:
// the IAC commands at the start of a segment, " [telnet WILL ECHO, DO
// NAWS]", or with -X and -vvv each command in hex.

// telnetCmdNames are the command names from EOF (236) to IAC (255).
var telnetCmdNames = []string{"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC"}

// telnetOptNames are the option names, 0 to 39 (NEW-ENVIRON).
var telnetOptNames = []string{"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS",
	"TIMING MARK", "RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
	"NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO", "DATA ENTRY TERMINAL", "SUPDUP",
	"SUPDUP OUTPUT", "SEND LOCATION", "TERMINAL TYPE", "END OF RECORD", "TACACS UID",
	"OUTPUT MARKING", "TTYLOC", "3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW", "LINEMODE",
	"XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON"}

// Sub-negotiation qualifiers: generic, of AUTHENTICATION (37) and of
// ENCRYPT (38); "" marks a hole in the table.
var (
	telnetQualNames   = []string{"IS", "SEND", "INFO"}
	telnetAuthCmds    = []string{"IS", "SEND", "REPLY", "NAME"}
	telnetAuthTypes   = []string{"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA", "SSL", "", "", "LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM"}
	telnetEncCmds     = []string{"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END", "END_KEYID", "DEC_KEYID"}
	telnetEncTypes    = []string{"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", "", "CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64"}
	telnetSubOptNames = map[byte][]string{37: telnetAuthCmds, 38: telnetEncCmds}
)

// nameOrHex is the table's name for v, or v as "%#x" when it has none.
func nameOrHex(v byte, tab []string) string {
	if int(v) < len(tab) && tab[v] != "" {
		return tab[v]
	}
	return cAltHex(uint64(v))
}

// telnetCommand reads the command at off (an IAC) with rem bytes of the
// segment left, and returns its text and its length, or length -1 when
// it is not a command tcpdump decodes (or it goes past the segment).
func telnetCommand(r reader, off, rem int) (string, int) {
	start := off
	next := func() (byte, bool) {
		if rem < 1 {
			return 0, false
		}
		c := r.u8(off)
		off++
		rem--
		return c, true
	}
	c, ok := next()
	if !ok || c != 255 {
		return "", -1
	}
	if c, ok = next(); !ok {
		return "", -1
	}
	if c == 255 {
		return "IAC IAC", off - start
	}
	if c < 236 {
		return "", -1
	}
	name := telnetCmdNames[c-236]
	switch c {
	case 251, 252, 253, 254, 250:
	default:
		return name, off - start
	}
	x, ok := next()
	if !ok {
		return "", -1
	}
	var s strings.Builder
	s.WriteString(name)
	s.WriteByte(' ')
	if int(x) < len(telnetOptNames) {
		s.WriteString(telnetOptNames[x])
	} else {
		s.WriteString(cAltHex(uint64(x)))
	}
	if c != 250 {
		return s.String(), off - start
	}
	// A sub-negotiation runs to IAC SE.
	end := off
	for rem > end+1-off {
		if r.u8(end) == 255 && r.u8(end+1) == 240 {
			break
		}
		end++
	}
	if r.u8(end) != 255 {
		return "", -1
	}
	quals := telnetQualNames
	if t, ok := telnetSubOptNames[x]; ok {
		quals = t
	}
	if end > off {
		q, _ := next()
		s.WriteString(" " + nameOrHex(q, quals))
		if x == 37 || x == 38 {
			if end > off {
				t, _ := next()
				types := telnetAuthTypes
				if x == 38 {
					types = telnetEncTypes
				}
				s.WriteString(" " + nameOrHex(t, types))
			}
		}
	}
	for end > off {
		v, ok := next()
		if !ok {
			return "", -1
		}
		s.WriteString(" " + cAltHex(uint64(v)))
	}
	s.WriteString(" SE")
	return s.String(), off + 2 - start
}

// telnet prints the Telnet commands at the start of a segment.
func (p *Printer) telnet(b []byte, length int) {
	r := p.reader("telnet", b)
	off, rem := 0, length
	first := true
	hexForm := p.o.HexASCII > 0 && p.o.Verbose > 2
	for rem != 0 && r.u8(off) == 255 {
		text, l := telnetCommand(r, off, rem)
		if l < 0 {
			break
		}
		if hexForm {
			if first {
				p.print("\nTelnet:")
			}
			p.telnetHex(r, off, l)
			if l > 8 {
				p.print("\n\t\t\t\t")
			} else {
				p.print(strings.Repeat(" ", (8-l)*3) + "\t")
			}
		} else if first {
			p.print(" [telnet ")
		} else {
			p.print(", ")
		}
		p.print(text)
		first = false
		off += l
		// The length is unsigned in tcpdump: a sub-negotiation whose
		// IAC SE is cut off at the end wraps it around.
		rem -= l
		if rem < 0 {
			rem += 1 << 32
		}
	}
	if !first {
		if hexForm {
			p.print("\n")
		} else {
			p.print("]")
		}
	}
}

// telnetHex dumps the n bytes at off as tcpdump's hex_print_with_offset,
// the lines numbered from off; bytes not captured end the packet.
func (p *Printer) telnetHex(r reader, off, n int) {
	avail := max(len(r.b)-off, 0)
	cut := n > avail
	if cut {
		n = avail
	}
	i := 0
	for ; i+1 < n; i += 2 {
		if i%16 == 0 {
			p.printf("\n0x%04x: ", off+i)
		}
		p.printf(" %02x%02x", r.b[off+i], r.b[off+i+1])
	}
	if n&1 != 0 {
		if i%16 == 0 {
			p.printf("\n0x%04x: ", off+i)
		}
		p.printf(" %02x", r.b[off+i])
	}
	if cut {
		endPacket()
	}
}

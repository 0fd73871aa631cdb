package printer

import "time"

var ntpModes = []string{"unspecified", "symmetric active", "symmetric passive", "Client", "Server",
	"Broadcast", "Control Message", "Reserved"}

var ntpLeap = map[uint8]string{0x00: "", 0x40: "+1s", 0x80: "-1s", 0xc0: "clock unsynchronized"}

// ntp prints an NTP message (UDP port 123).
func (p *Printer) ntp(b []byte, length int) {
	r := p.reader("ntp", b)
	st := r.u8(0)
	mode := st & 7
	p.printf("NTPv%d, %s, length %d", (st&0x38)>>3, ntpModes[mode], length)
	if p.o.Verbose == 0 {
		return
	}
	p.print("\n")
	leap := st & 0xc0
	p.printf("\tLeap indicator: %s (%d)", ntpLeap[leap], leap)
	// tcpdump's "invalid:" label checks that the whole message was
	// captured after printing " (invalid)".
	if r.label(func() { p.ntpMessage(r, length, mode) }) == toInvalid && !r.has(0, length) {
		r.trunc()
	}
}

// ntpMessage prints an NTP message by its mode; invalid and check return
// to ntp's label.
func (p *Printer) ntpMessage(r reader, length int, mode byte) {
	switch {
	case mode <= 5:
		p.ntpTime(r, length)
	case mode == 6:
		p.ntpControl(r, length)
	}
}

func (p *Printer) ntpTime(r reader, length int) {
	b := r.b
	if length < 48 {
		invalid()
	}
	stratum := r.u8(1)
	sn := "reserved"
	switch {
	case stratum == 0:
		sn = "unspecified"
	case stratum == 1:
		sn = "primary reference"
	case stratum >= 2 && stratum <= 15:
		sn = "secondary reference"
	}
	p.printf(", Stratum %d (%s)", stratum, sn)
	poll := int8(r.u8(2))
	p.printf(", poll %d", poll)
	if poll > -32 && poll < 32 {
		if poll >= 0 {
			p.printf(" (%ds)", uint32(1)<<poll)
		} else {
			p.printf(" (1/%ds)", uint32(1)<<-poll)
		}
	}
	p.printf(", precision %d", int8(r.u8(3)))
	r.check(4, 4)
	p.print("\n\tRoot Delay: ")
	p.ntpSFix(b, 4)
	r.check(8, 4)
	p.print(", Root dispersion: ")
	p.ntpSFix(b, 8)
	r.check(12, 4)
	p.print(", Reference-ID: ")
	switch stratum {
	case 0:
		p.print("(unspec)")
	case 1:
		if !p.printN(b[12:], 4) {
			gotoTrunc()
		}
	case 62:
		p.printf("%s INFO_QUERY", p.host(addr4(b[12:])))
		return
	case 63:
		p.printf("%s INFO_REPLY", p.host(addr4(b[12:])))
		return
	default:
		p.printf("0x%08x", r.be32(12))
	}
	for i, name := range []string{"Reference Timestamp:  ", "Originator Timestamp: ",
		"Receive Timestamp:    ", "Transmit Timestamp:   "} {
		r.check(16+8*i, 8)
		p.printf("\n\t  %s", name)
		p.ntpTimestamp(b, 16+8*i)
	}
	p.print("\n\t    Originator - Receive Timestamp:  ")
	p.ntpDelta(b, 24, 32)
	p.print("\n\t    Originator - Transmit Timestamp: ")
	p.ntpDelta(b, 24, 40)
	switch length {
	case 52:
		p.printf("\n\tKey id: %d", r.be32(48))
	case 68, 72:
		p.printf("\n\tKey id: %d", r.be32(48))
		n := (length - 52) / 4
		r.check(52, 4*n)
		p.print("\n\tAuthentication: ")
		for i := 0; i < n; i++ {
			p.printf("%08x", r.be32(52+4*i))
		}
	default:
		if length > 48 {
			p.printf("\n\t(%d more bytes after the header)", length-48)
		}
	}
}

func (p *Printer) ntpSFix(b []byte, off int) {
	i := be16(b, off)
	ff := float64(be16(b, off+2)) / 65536.0
	p.printf("%d.%06d", i, int(ff*1000000.0))
}

// ntpFrac converts a 32-bit binary fraction to nanoseconds as tcpdump
// does (through a double, truncating).
func ntpFrac(f uint32) uint32 {
	return uint32(float64(f) / 4294967296.0 * 1000000000.0)
}

// ntpTimestamp prints a 64-bit NTP timestamp and, when the seconds are
// not zero, the UTC time it names.
func (p *Printer) ntpTimestamp(b []byte, off int) {
	i, f := be32(b, off), be32(b, off+4)
	p.printf("%d.%09d", i, ntpFrac(f))
	if i != 0 {
		t := time.Unix(int64(i)-2208988800, 0).UTC()
		p.printf(" (%s)", t.Format("2006-01-02T15:04:05Z"))
	}
}

// ntpDelta prints the signed difference of the timestamps at off and
// from (from minus off), or the timestamp at from if the one at off is 0.
func (p *Printer) ntpDelta(b []byte, off, from int) {
	u, ou := be32(b, from), be32(b, off)
	uf, ouf := be32(b, from+4), be32(b, off+4)
	if ou == 0 && ouf == 0 {
		p.ntpTimestamp(b, from)
		return
	}
	var i, f uint32
	sign := "+"
	switch {
	case u > ou:
		i, f = u-ou, uf-ouf
		if ouf > uf {
			i--
		}
	case u < ou:
		sign = "-"
		i, f = ou-u, ouf-uf
		if uf > ouf {
			i--
		}
	default:
		if uf > ouf {
			f = uf - ouf
		} else {
			sign = "-"
			f = ouf - uf
		}
	}
	p.printf("%s%d.%09d", sign, i, ntpFrac(f))
}

func (p *Printer) ntpControl(r reader, length int) {
	if length < 12 {
		invalid()
	}
	c := r.u8(1)
	pick := func(bit byte, yes, no string) string {
		if c&bit != 0 {
			return yes
		}
		return no
	}
	p.printf(", %s, %s, %s, OpCode=%d\n", pick(0x80, "Response", "Request"), pick(0x40, "Error", "OK"),
		pick(0x20, "More", "Last"), c&0x1f)
	p.printf("\tSequence=%d", r.be16(2))
	status := r.be16(4)
	p.print(", Status=" + cAltHex(uint64(status)))
	p.printf(", Assoc.=%d", r.be16(6))
	p.printf(", Offset=%d", r.be16(8))
	count := int(r.be16(10))
	p.printf(", Count=%d", count)
	if 12+count > length {
		invalid()
	}
	if count != 0 {
		r.check(12, count)
		p.print("\n\tTO-BE-DONE: data not interpreted")
	}
}

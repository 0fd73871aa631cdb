package printer

import "time"

// zep prints a ZigBee Encapsulation Protocol message (tcpdump's
// print-zep.c, UDP port 17754): a v1 or v2 header, then the 802.15.4
// frame it carries.
func (p *Printer) zep(b []byte, length int) {
	r := p.reader("zep", b)
	p.print("ZEP")
	if r.u8(0) != 'E' || r.u8(1) != 'X' {
		p.print(" [Preamble Code: ")
		p.printChar(r.u8(0))
		p.printChar(r.u8(1)) // a one-byte message ends here
		p.print("] (invalid)")
		return
	}
	ver := r.u8(2)
	p.printf("v%d ", ver)
	var inner, hdr int
	switch {
	case ver == 1:
		if !p.zepLen(length, 16) {
			return
		}
		p.printf("Channel ID %d, Device ID 0x%04x, ", r.u8(3), r.be16(4))
		if r.u8(6) != 0 {
			p.print("CRC, ")
		} else {
			p.printf("LQI %d, ", r.u8(7))
		}
		inner, hdr = int(r.u8(15)), 16
		p.printf("inner len = %d", inner)
	case r.u8(3) == 2: // a v2 acknowledgement
		if !p.zepLen(length, 8) {
			return
		}
		p.printf("ACK, seq# = %d", r.be32(4))
		hdr = 8
	default:
		if !p.zepLen(length, 32) {
			return
		}
		p.printf("Type %d, Channel ID %d, Device ID 0x%04x, ", r.u8(3), r.u8(4), r.be16(5))
		if r.u8(7) != 0 {
			p.print("CRC, ")
		} else {
			p.printf("LQI %d, ", r.u8(8))
		}
		p.zepTime(r, 9)
		seq := r.be32(17)
		inner, hdr = int(r.u8(31)), 32
		p.printf(", seq# = %d, inner len = %d", seq, inner)
	}
	rest := r.from(hdr)
	length -= hdr
	if inner != 0 {
		p.print("\n\t")
		if p.wpan(rest.b, inner) != 0 {
			rest.need(0, length)
			rest, length = rest.from(length), 0
		}
	}
	if !p.suppressDefault() {
		p.defaultPrintAll(rest.b, length)
	}
}

// zepTime prints a ZEP v2 timestamp, NTP's format, with the local time
// it names unless its seconds are zero; tcpdump computes the fraction
// through a float.
func (p *Printer) zepTime(r reader, off int) {
	i, uf := r.be32(off), r.be32(off+4)
	ff := float32(float64(float32(uf)) / 4294967296.0)
	p.printf("%d.%09d", i, uint32(float64(ff)*1000000000.0))
	if i != 0 {
		t := time.Unix(int64(i-2208988800), 0).In(p.o.Location)
		p.printf(" (%s)", t.Format("2006/01/02 15:04:05"))
	}
}

// zepLen checks that a message of length bytes holds a header of n,
// printing tcpdump's complaint when it does not (ND_LCHECK_U).
func (p *Printer) zepLen(length, n int) bool {
	if length < n {
		p.printf(" [len %d < %d] (invalid)", length, n)
		return false
	}
	return true
}

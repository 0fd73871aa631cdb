package printer

import (
	"math"
	"time"
)

// printChar prints one byte the way tcpdump's fn_print_char does:
// bytes above 0x7f get an "M-" prefix and lose the high bit, control
// characters become "^X".
func (p *Printer) printChar(c byte) {
	if c >= 0x80 {
		c &= 0x7f
		p.print("M-")
	}
	if c < 0x20 || c == 0x7f {
		c ^= 0x40
		p.buf.WriteByte('^')
	}
	p.buf.WriteByte(c)
}

// printN prints up to n bytes of b with printChar, like tcpdump's
// nd_printn; it reports false if b ended before n bytes.
func (p *Printer) printN(b []byte, n int) bool {
	for i := 0; i < n; i++ {
		if i >= len(b) {
			return false
		}
		p.printChar(b[i])
	}
	return true
}

// printCString prints b up to its first NUL with printChar, like
// tcpdump's fn_print_str.
func (p *Printer) printCString(b []byte) {
	for _, c := range b {
		if c == 0 {
			return
		}
		p.printChar(c)
	}
}

// printZeroPadded prints up to n bytes of b, stopping at a NUL, like
// tcpdump's nd_printzp; it reports false if b ended first.
func (p *Printer) printZeroPadded(b []byte, n int) bool {
	for i := 0; i < n; i++ {
		if i >= len(b) {
			return false
		}
		if b[i] == 0 {
			return true
		}
		p.printChar(b[i])
	}
	return true
}

// localTime converts seconds since the epoch to the printer's time zone.
func (p *Printer) localTime(sec int64) time.Time {
	return time.Unix(sec, 0).In(p.o.Location)
}

// printJNP prints n bytes at off with printChar, stopping at a NUL
// (tcpdump's nd_printjnp); a byte not captured ends the packet.
func (p *Printer) printJNP(r reader, off, n int) {
	for i := 0; i < n; i++ {
		c := r.u8(off + i)
		if c == 0 {
			return
		}
		p.printChar(c)
	}
}

// cAltHex is C's "%#x": 0 prints as "0", without Go's "0x" prefix.
func cAltHex(v uint64) string {
	if v == 0 {
		return "0"
	}
	return sprintf("%#x", v)
}

// floatG is C's "%.10g" of a single-precision value promoted to double.
func floatG(f float32) string { return cFloat("%.10g", float64(f)) }

// cFloat is C's printf of d with format (one %f or %g verb), with
// glibc's spellings of infinities and NaNs, sign included.
func cFloat(format string, d float64) string {
	sign := ""
	if math.Signbit(d) {
		sign = "-"
	}
	switch {
	case math.IsInf(d, 0):
		return sign + "inf"
	case math.IsNaN(d):
		return sign + "nan"
	}
	return sprintf(format, d)
}

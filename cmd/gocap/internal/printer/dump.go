package printer

// dump appends the -x/-X/-A dump of the packet: from the end of the link
// header, or the whole packet for -xx/-XX/-AA or when decoding stopped on a
// truncated packet (then hdrlen is 0).
func (p *Printer) dump(data []byte) {
	from := p.hdrlen
	if from > len(data) {
		from = len(data)
	}
	switch {
	case p.o.HexASCII > 0:
		if p.o.HexASCII > 1 {
			from = 0
		}
		if len(data) > from || p.o.HexASCII > 1 {
			p.hexASCII(data[from:])
		}
	case p.o.Hex > 0:
		if p.o.Hex > 1 {
			from = 0
		}
		if len(data) > from || p.o.Hex > 1 {
			p.hex(data[from:])
		}
	case p.o.ASCII > 0:
		if p.o.ASCII > 1 {
			from = 0
		}
		if len(data) > from || p.o.ASCII > 1 {
			p.ascii(data[from:])
		}
	}
}

const hexdigits = "0123456789abcdef"

func isGraph(c byte) bool { return c > 0x20 && c < 0x7f }

// hex prints b as tcpdump -x does: eight groups of two bytes a line.
func (p *Printer) hex(b []byte) {
	for off := 0; off < len(b); off += 16 {
		p.print("\n\t0x")
		p.hexNum(uint64(off), 4)
		p.print(": ")
		end := min(off+16, len(b))
		for i := off; i < end; i += 2 {
			p.buf.WriteByte(' ')
			p.buf.WriteByte(hexdigits[b[i]>>4])
			p.buf.WriteByte(hexdigits[b[i]&15])
			if i+1 < end {
				p.buf.WriteByte(hexdigits[b[i+1]>>4])
				p.buf.WriteByte(hexdigits[b[i+1]&15])
			}
		}
	}
}

// hexASCII prints b as tcpdump -X does: the hex column padded to 40
// characters, two spaces, then the printable characters.
func (p *Printer) hexASCII(b []byte) { p.hexASCIIIdent(b, "\n\t") }

// hexASCIIIdent is hexASCII with each line starting with ident instead
// of a newline and a tab (tcpdump's hex_and_ascii_print).
func (p *Printer) hexASCIIIdent(b []byte, ident string) {
	for off := 0; off < len(b); off += 16 {
		p.buf.WriteString(ident)
		p.printf("0x%04x: ", off)
		end := min(off+16, len(b))
		n := 0
		for i := off; i < end; i += 2 {
			p.buf.WriteByte(' ')
			p.buf.WriteByte(hexdigits[b[i]>>4])
			p.buf.WriteByte(hexdigits[b[i]&15])
			n += 3
			if i+1 < end {
				p.buf.WriteByte(hexdigits[b[i+1]>>4])
				p.buf.WriteByte(hexdigits[b[i+1]&15])
				n += 2
			}
		}
		for ; n < 40; n++ {
			p.buf.WriteByte(' ')
		}
		p.buf.WriteString("  ")
		for _, c := range b[off:end] {
			if isGraph(c) {
				p.buf.WriteByte(c)
			} else {
				p.buf.WriteByte('.')
			}
		}
	}
}

// ascii prints b as tcpdump -A does: printable characters, tabs, spaces and
// newlines as they are, anything else as '.', except carriage returns:
// tcpdump prints a '.' for one only when at least two bytes follow and
// the next is not a newline, and nothing otherwise.
func (p *Printer) ascii(b []byte) {
	p.buf.WriteByte('\n')
	for i, c := range b {
		switch {
		case c == '\r':
			if len(b)-i-1 > 1 && b[i+1] != '\n' {
				p.buf.WriteByte('.')
			}
		case isGraph(c) || c == '\t' || c == ' ' || c == '\n':
			p.buf.WriteByte(c)
		default:
			p.buf.WriteByte('.')
		}
	}
}

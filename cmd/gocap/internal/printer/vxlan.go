package printer

// vxlan prints a VXLAN header (RFC 7348) and the Ethernet frame it
// carries, on the next line.
func (p *Printer) vxlan(b []byte, length int) {
	r := p.reader("vxlan", b)
	p.print("VXLAN")
	if length < 8 {
		p.print(" (invalid)")
		return
	}
	// tcpdump names the I bit, and says "invalid" when it is clear. It
	// reads the flags byte before printing the comma.
	r.need(0, 1)
	p.print(", ")
	p.vxlanFlags(r, "invalid")
	p.printf("vni %d\n", r.be24(4))
	p.vxlanFrame(r, length)
}

// vxlanFlags prints the flags byte of a VXLAN or OTV header, naming the
// instance bit I, or clear.
func (p *Printer) vxlanFlags(r reader, clear string) {
	f := r.u8(0)
	p.printf("flags [%s] (0x%02x), ", ifElse(f&0x08 != 0, "I", clear), f)
}

// vxlanFrame prints the Ethernet frame after the 8-byte VXLAN or OTV
// header, whose last byte must have been captured.
func (p *Printer) vxlanFrame(r reader, length int) {
	r.need(7, 1)
	p.ether(r.b[8:], length-8)
}

// otv prints an Overlay Transport Virtualization header (UDP port 8472)
// and the Ethernet frame it carries.
func (p *Printer) otv(b []byte, length int) {
	r := p.reader("otv", b)
	p.print("OTV, ")
	if length < 8 {
		// tcpdump then wants the whole short datagram captured.
		p.printf("[length %d < %d] (invalid)", length, 8)
		r.need(0, length)
		return
	}
	// OTV's instance bit, "." when it is clear.
	p.vxlanFlags(r, ".")
	p.printf("overlay %d, ", r.be24(1))
	p.printf("instance %d\n", r.be24(4))
	p.vxlanFrame(r, length)
}

var vxlanGPEFlagBits = []bitTok{{0x08, "I"}, {0x04, "P"}, {0x02, "B"}, {0x01, "O"}}

// vxlanGPE prints a VXLAN Generic Protocol Extension header and its
// payload.
func (p *Printer) vxlanGPE(b []byte, length int) {
	r := p.reader("vxlan_gpe", b)
	p.print("VXLAN-GPE, ")
	if length < 8 {
		p.printf(" (len %d < 8) (invalid)", length)
		return
	}
	p.printf("flags [%s], ", bitTokNoSep(vxlanGPEFlagBits, "none", uint32(r.u8(0))))
	next := r.u8(3)
	vni := r.be24(4)
	r.need(7, 1)
	p.printf("vni %d", vni)
	p.nextLineOrColon()
	p.gpePayload(next, b[8:], length-8)
}

// nextLineOrColon separates an encapsulation header from its payload:
// a new indented line with -v, ": " otherwise.
func (p *Printer) nextLineOrColon() {
	if p.o.Verbose > 0 {
		p.print("\n    ")
	} else {
		p.print(": ")
	}
}

// gpePayload prints what a VXLAN-GPE or NSH header says follows it.
func (p *Printer) gpePayload(next uint8, b []byte, length int) {
	switch next {
	case 1:
		p.ip(b, length)
	case 2:
		p.ip6(b, length)
	case 3:
		p.ether(b, length)
	case 4:
		p.nsh(b, length)
	default:
		p.print("ERROR: unknown-next-protocol (invalid)")
	}
}

package printer

// MSDP, TCP port 639, as tcpdump's print-msdp.c prints it.

// msdp prints the MSDP messages of a TCP segment (msdp_print).
func (p *Printer) msdp(b []byte, length int) {
	r := p.reader("msdp", b)
	p.print(": msdp")
	// The "trunc:" label names the protocol announced last, which may
	// be one of a carried packet's.
	u := p.label("", func() {
		// A first message that does not look like one is "truncated"
		// too.
		if typ, l := r.u8(0), r.be16(1); l > 1500 || l < 3 || typ == 0 || typ > 7 {
			gotoTrunc()
		}
		for off := 0; length != 0; {
			typ, l := r.u8(off), int(r.be16(off+1))
			if l > 1400 || p.o.Verbose > 0 {
				p.printf(" [len %d]", l)
			}
			if l < 3 || length < l {
				gotoTrunc()
			}
			off += 3
			length -= 3
			switch typ {
			case 1, 3:
				if typ == 1 {
					p.print(" SA")
				} else {
					p.print(" SA-Response")
				}
				n := int(r.u8(off))
				p.printf(" %d entries", n)
				if n*12+8 < l {
					p.print(" [w/data]")
					if p.o.Verbose > 1 {
						p.print(" ")
						p.ip(r.b[min(off+n*12+8-3, len(r.b)):], l-(n*12+8))
					}
				}
			case 2:
				p.print(" SA-Request")
				p.printf(" for %s", p.host(addr4(r.bytes(off+1, 4))))
			case 4:
				p.print(" Keepalive")
				if l != 3 {
					p.printf("[len=%d] ", l)
				}
			case 5:
				p.print(" Notification")
			default:
				p.printf(" [type=%d len=%d]", typ, l)
			}
			off += l - 3
			length -= l - 3
		}
	})
	if u == toLabel {
		p.truncMark(p.proto)
	}
}

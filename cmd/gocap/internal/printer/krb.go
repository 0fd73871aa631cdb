package printer

// krb prints a Kerberos message on UDP port 88 or 750 as tcpdump does
// without a Kerberos 4 decoder: only the protocol version.
func (p *Printer) krb(b []byte) {
	r := p.reader("krb", b)
	switch v := r.u8(0); v {
	case 1, 2, 3, 4:
		p.printf(" v%d", v)
	case 106, 107:
		p.print(" v5")
	}
}

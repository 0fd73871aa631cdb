package printer

// MACsec (IEEE 802.1AE, ethertype 0x88e5) as tcpdump's print-macsec.c
// and its caller in print-ether.c print it: the SecTAG with -e, an
// encrypted payload as a summary and raw data, a clear one by the type
// field that follows the SecTAG.

const etMACsec = 0x88e5

// SecTAG bits.
const (
	macsecVersion = 0x80
	macsecSC      = 0x20
	macsecConfid  = 0x0c
	macsecFlags   = 0x7c
	macsecICVLen  = 16
)

var macsecFlagBits = []bitTok{{0x08, "E"}, {0x04, "C"}, {0x40, "S"}, {0x10, "B"}, {0x20, "I"}}

// macsecTag prints the SecTAG's fields and a trailing ", ".
func (p *Printer) macsecTag(b []byte, sl uint8) {
	p.printf("an %d, pn %d, flags %s", b[0]&3, be32(b, 2), bitTokNoSep(macsecFlagBits, "none", uint32(b[0]&macsecFlags)))
	if sl != 0 {
		p.printf(", sl %d", sl)
	}
	if b[0]&macsecSC != 0 {
		p.printf(", sci %08x%08x", be32(b, 6), be32(b, 10))
	}
	p.print(", ")
}

// macsecEther prints the SecTAG that follows an Ethernet header hdr. It
// returns the captured bytes after the SecTAG less the ICV, their length
// and how many of them were captured (as the short length says, if
// set), the SecTAG's length, and done when the frame has been printed
// (encrypted, or a SecTAG tcpdump rejects): the caller then counts n as
// the rest of the link header.
func (p *Printer) macsecEther(b []byte, length int, hdr []byte) (rest []byte, restLen, caplen, n int, done bool) {
	save := p.proto
	r := p.reader("macsec", b)
	defer p.announce(save)
	bad := func() ([]byte, int, int, int, bool) { return nil, 0, 0, len(b), true }
	if len(b) < 6 || length < 6 {
		r.trunc()
		return bad()
	}
	n = 6
	if b[0]&macsecSC != 0 {
		n = 14
		if len(b) < 14 || length < 14 {
			r.trunc()
			return bad()
		}
	}
	if b[1]&^0x3f != 0 || b[0]&macsecVersion != 0 {
		p.print(" (invalid)")
		return bad()
	}
	sl := b[1] & 0x3f
	if p.o.LinkHeader {
		p.macsecTag(b, sl)
	}
	rest, restLen = b[n:], length-n
	if b[0]&macsecConfid != 0 {
		if !p.o.LinkHeader {
			p.printf("%s > %s ", p.etherAddr(hdr[6:12]), p.etherAddr(hdr[0:6]))
			p.print("802.1AE MACsec, ")
			p.macsecTag(b, sl)
		}
		p.defaultPrint(rest)
		return nil, 0, 0, n, true
	}
	if restLen < macsecICVLen || len(rest) < macsecICVLen {
		r.trunc()
		return bad()
	}
	restLen -= macsecICVLen
	rest = rest[:len(rest)-macsecICVLen]
	caplen = len(rest)
	if sl != 0 {
		if int(sl) > restLen || int(sl) > caplen {
			r.trunc()
			return bad()
		}
		restLen = min(restLen, int(sl))
		caplen = min(caplen, int(sl))
	}
	return rest, restLen, caplen, n, false
}

package printer

import (
	"encoding/binary"

	"github.com/gocap/gocap/cbpf"
)

// linkDecoderFor looks a link type up in linkDecoders for the printers of
// link types that carry packets of another (PKTAP, PPI); set in init, as
// linkDecoders refers to those printers.
var linkDecoderFor func(cbpf.LinkType) (linkDecoder, bool)

func init() {
	linkDecoderFor = func(lt cbpf.LinkType) (linkDecoder, bool) {
		d, ok := linkDecoders[lt]
		return d, ok
	}
}

// pktap prints a packet of Apple's PKTAP (DLT_PKTAP, tcpdump's
// print-pktap.c): a little-endian header of its own length (at least 108
// bytes) naming the link type of the packet that follows, printed by that
// type's printer.
func (p *Printer) pktap(b []byte, length int) int {
	const minLen = 108
	r := p.reader("pktap", b)
	if length < minLen {
		p.printf(" (packet too short, %d < %d)", length, minLen)
		p.print(" (invalid)")
		return 0
	}
	le := binary.LittleEndian
	hdrLen := le.Uint32(r.bytes(0, 4))
	dlt := cbpf.LinkType(le.Uint32(r.bytes(8, 4)))
	switch {
	case hdrLen < minLen:
		p.printf(" (pkt_len too small, %d < %d)", hdrLen, minLen)
		p.print(" (invalid)")
		return 0
	case hdrLen > uint32(length):
		p.printf(" (pkt_len too big, %d > %d)", hdrLen, length)
		p.print(" (invalid)")
		return 0
	}
	n := int(hdrLen)
	r.need(0, n)
	hdr := func(length int) {
		name, _, ok := dlt.NameIn110()
		if !ok {
			name = "UNKNOWN"
		}
		if p.o.Quiet {
			p.print(name)
		} else {
			p.printf("DLT %s (%d) len %d", name, dlt, hdrLen)
		}
		p.printf(", length %d: ", length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	switch le.Uint32(r.bytes(4, 4)) {
	case 0:
		p.print("no data")
	case 1:
		if dec, ok := linkDecoderFor(dlt); ok {
			// tcpdump adds the inner header's length twice.
			inner := dec(p, b[n:], length-n)
			return n + 2*inner
		}
		if !p.o.LinkHeader {
			hdr(length)
		}
		p.defaultPrint(b[n:])
	}
	return n
}

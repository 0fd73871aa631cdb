package printer

import (
	"encoding/binary"

	"github.com/gocap/gocap/cbpf"
)

// ppi prints a DLT_PPI packet (tcpdump's print-ppi.c): a Per-Packet
// Information header (version, flags, its own length with the TLVs it
// holds, the link type of the packet) and the packet, printed by that
// link type's decoder.
func (p *Printer) ppi(b []byte, length int) int {
	r := p.reader("ppi", b)
	if len(b) < 8 {
		r.trunc()
		return len(b)
	}
	n := int(binary.LittleEndian.Uint16(b[2:]))
	if n < 8 || n > 65532 {
		p.printf(" [length %d < 8 or > 65532] (invalid)", n)
		return len(b)
	}
	if len(b) < n {
		r.trunc()
		return len(b)
	}
	dlt := binary.LittleEndian.Uint32(b[4:])
	if p.o.LinkHeader {
		p.ppiHeader(b, length, n, dlt)
	}
	if dec, ok := linkDecoderFor(cbpf.LinkType(dlt)); ok {
		// tcpdump counts the inner link header twice.
		return n + 2*dec(p, b[n:], length-n)
	}
	if !p.o.LinkHeader {
		p.ppiHeader(b, length, n, dlt)
	}
	if !p.suppressDefault() {
		p.defaultPrintAll(b[n:], len(b)-n)
	}
	return n
}

// ppiHeader prints the -e form of a PPI header.
func (p *Printer) ppiHeader(b []byte, length, n int, dlt uint32) {
	name, _, ok := cbpf.LinkType(dlt).NameIn110()
	if !ok {
		name = "UNKNOWN"
	}
	if p.o.Quiet {
		p.print(name)
	} else {
		p.printf("V.%d DLT %s (%d) len %d", b[0], name, dlt, n)
	}
	p.printf(", length %d: ", length)
}

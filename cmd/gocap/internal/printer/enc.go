package printer

import "encoding/binary"

// enc prints a packet of OpenBSD's enc(4) interface (DLT_ENC, tcpdump's
// print-enc.c): a 12-byte header of address family, SPI and flags, the
// family and flags in the capturing host's byte order, then the IP packet.
func (p *Printer) enc(b []byte, length int) int {
	const hdrLen = 12
	r := p.reader("enc", b)
	r.need(0, hdrLen)
	af := binary.LittleEndian.Uint32(b)
	flags := binary.LittleEndian.Uint32(b[8:])
	if af&0xffff0000 != 0 {
		af = binary.BigEndian.Uint32(b)
		flags = binary.BigEndian.Uint32(b[8:])
	}
	if flags == 0 {
		p.print("(unprotected): ")
	} else {
		p.print("(")
	}
	for _, f := range []struct {
		bit  uint32
		name string
	}{{0x0800, "authentic"}, {0x0400, "confidential"}} {
		if flags&f.bit == 0 {
			continue
		}
		p.print(f.name)
		if flags == f.bit {
			p.print("): ")
		} else {
			p.print(",")
		}
		flags &^= f.bit
	}
	p.printf("SPI 0x%08x: ", r.be32(4))
	b, length = b[hdrLen:], length-hdrLen
	switch af {
	case 2:
		p.ip(b, length)
	case 24, 28, 30:
		p.ip6(b, length)
	}
	return hdrLen
}

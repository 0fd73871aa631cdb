package printer

import "encoding/binary"

// Linux vsock monitor transports and operations, and the virtio transport
// header's types and operations (tcpdump's print-vsock.c).
var (
	vsockTransports = map[uint16]string{0: "UNKNOWN", 1: "NO_INFO", 2: "VIRTIO"}
	vsockOps        = map[uint16]string{0: "UNKNOWN", 1: "CONNECT", 2: "DISCONNECT", 3: "CONTROL", 4: "PAYLOAD"}
	virtioTypes     = map[uint16]string{1: "STREAM"}
	virtioOps       = map[uint16]string{0: "INVALID", 1: "REQUEST", 2: "RESPONSE", 3: "RST", 4: "SHUTDOWN",
		5: "RW", 6: "CREDIT UPDATE", 7: "CREDIT REQUEST"}
)

// vsock prints a packet of the Linux vsock monitor (DLT_VSOCK): a 32-byte
// little-endian header (source and destination CID and port, operation,
// transport and the transport header's length), with -v the virtio
// transport header after it, and with -vv a payload's bytes.
func (p *Printer) vsock(b []byte, length int) int {
	const hdrLen, virtioLen = 32, 44
	r := p.reader("vsock", b)
	if len(b) < hdrLen {
		r.trunc()
		return len(b)
	}
	le := binary.LittleEndian
	transport := le.Uint16(b[26:])
	p.print(tokStr(vsockTransports, "Invalid transport (%d)", transport))
	extra := 0
	if transport == 2 {
		extra = virtioLen
	}
	short := false
	if p.o.Verbose > 0 {
		if len(b) < hdrLen+extra {
			short = true
		} else {
			if transport == 2 {
				h := b[hdrLen:]
				p.printf(" (len %d, type %s, op %s, flags %x, buf_alloc %d, fwd_cnt %d)",
					le.Uint32(h[24:]), tokStr(virtioTypes, "Invalid type (%d)", le.Uint16(h[28:])),
					tokStr(virtioOps, "Invalid op (%d)", le.Uint16(h[30:])), le.Uint32(h[32:]),
					le.Uint32(h[36:]), le.Uint32(h[40:]))
			}
			p.print("\n\t")
		}
	} else {
		p.print(" ")
	}
	op := le.Uint16(b[24:])
	p.printf("%d.%d > %d.%d %s, length %d", le.Uint64(b), le.Uint32(b[16:]), le.Uint64(b[8:]), le.Uint32(b[20:]),
		tokStr(vsockOps, " invalid op (%d)", op), len(b))
	if short {
		r.trunc()
		return hdrLen
	}
	if p.o.Verbose > 1 && op == 4 {
		if len(b) <= hdrLen+extra {
			r.trunc()
			return hdrLen
		}
		p.print("\n")
		p.unknownData(b[hdrLen+extra:], "\t", len(b)-hdrLen-extra)
	}
	return hdrLen
}

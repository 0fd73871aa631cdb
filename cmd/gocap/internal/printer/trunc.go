package printer

import "encoding/binary"

// Truncation, as the package doc describes it: tcpdump's model.
//
// tcpdump's printers read packet bytes through the GET_* macros; a read
// past the captured bytes longjmps (nd_trunc_longjmp) out of every
// printer to the code that owns the packet's line (pretty_print_packet),
// which prints " [|proto]" (nd_print_trunc) with the protocol the
// printers announced last in ndo_protocol, and with -x dumps the whole
// packet. Some printers also test lengths themselves (ND_TCHECK, or an
// explicit test) and jump to a local "trunc:" label: the label prints
// the marker, the printer returns and its caller goes on printing. An
// "invalid:" label prints " (invalid)" (nd_print_invalid) for a length
// that is wrong rather than short.
//
// Here the reads of a reader (and the bare-slice reads below) panic with
// toLine, which only decode recovers (the longjmp); check and invalid
// panic with toLabel and toInvalid, which label recovers (the local
// labels). decode and label are the only recovers in the package.
// p.proto stands for ndo_protocol: Printer.reader and announce set it.

// unwind is what a short read panics with: where it returns to.
type unwind uint8

const (
	// ran is label's result when the function ran to its end.
	ran unwind = iota
	// toLine ends the packet: decode prints " [|proto]" (GET_* and
	// nd_trunc_longjmp).
	toLine
	// toLabel returns to the nearest label, which prints " [|proto]"
	// (ND_TCHECK and "goto trunc").
	toLabel
	// toInvalid returns to the nearest label, which prints " (invalid)"
	// ("goto invalid" and nd_print_invalid).
	toInvalid
)

// reader is the bytes of one protocol's printer and the protocol's name
// as tcpdump's " [|name]" marker gives it. Offsets are from the start of
// b; every read checks that the bytes were captured. A reader is a small
// value: pass it and slice it freely, it does not allocate.
type reader struct {
	p     *Printer
	b     []byte
	proto string
}

// reader announces the protocol proto as the one being printed (what a
// short read that ends the packet names) and returns a reader of b.
func (p *Printer) reader(proto string, b []byte) reader {
	p.announce(proto)
	return reader{p: p, b: b, proto: proto}
}

// announce makes proto the protocol a packet-ending short read names
// (tcpdump's assignment to ndo_protocol), for the printers that read
// through a reader of their caller's, or name themselves again after an
// inner printer returned.
func (p *Printer) announce(proto string) { p.proto = proto }

// announce names the reader's protocol again in a packet-ending short
// read, after an inner printer announced its own.
func (r reader) announce() { r.p.announce(r.proto) }

// has reports whether n bytes from off were captured (ND_TTEST_LEN).
func (r reader) has(off, n int) bool {
	return off >= 0 && n >= 0 && off+n <= len(r.b)
}

// from is the reader of the bytes from off on (none if off is past the
// end), for the same protocol.
func (r reader) from(off int) reader {
	return reader{p: r.p, b: r.b[min(max(off, 0), len(r.b)):], proto: r.proto}
}

// u8 is the byte at off; a short read ends the packet.
func (r reader) u8(off int) byte { return u8(r.b, off) }

// be16 is the big-endian 16-bit value at off; a short read ends the
// packet.
func (r reader) be16(off int) uint16 { return be16(r.b, off) }

// be32 is the big-endian 32-bit value at off; a short read ends the
// packet.
func (r reader) be32(off int) uint32 { return be32(r.b, off) }

// be24 is the big-endian 24-bit value at off; a short read ends the
// packet.
func (r reader) be24(off int) uint32 { return be24(r.b, off) }

// need ends the packet unless off+n bytes were captured.
func (r reader) need(off, n int) {
	if !r.has(off, n) {
		panic(toLine)
	}
}

// bytes is the n bytes at off; a short read ends the packet.
func (r reader) bytes(off, n int) []byte {
	r.need(off, n)
	return r.b[off : off+n]
}

// check returns to the nearest label, which prints " [|proto]", unless n
// bytes from off were captured (tcpdump's ND_TCHECK with a trunc label).
func (r reader) check(off, n int) { check(r.b, off, n) }

// trunc prints the reader's marker " [|proto]" where the printer
// checks a length itself and stops (nd_print_trunc at a "trunc:" label);
// the caller goes on.
func (r reader) trunc() { r.p.truncMark(r.proto) }

// label runs f with a "trunc:" label printing the reader's marker; see
// Printer.label.
func (r reader) label(f func()) unwind { return r.p.label(r.proto, f) }

// The same reads on a bare slice, for the decoders that take their bytes
// as a []byte and leave p.proto to the caller; they unwind exactly as the
// reader's do.

// be16 is the big-endian 16-bit value at b[off:]; a short read ends the
// packet.
func be16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		panic(toLine)
	}
	return binary.BigEndian.Uint16(b[off:])
}

// be32 is the big-endian 32-bit value at b[off:]; a short read ends the
// packet.
func be32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		panic(toLine)
	}
	return binary.BigEndian.Uint32(b[off:])
}

// be24 is the big-endian 24-bit value at b[off:]; a short read ends the
// packet.
func be24(b []byte, off int) uint32 {
	if off < 0 || off+3 > len(b) {
		panic(toLine)
	}
	return uint32(b[off])<<16 | uint32(b[off+1])<<8 | uint32(b[off+2])
}

// u8 is b[off]; a short read ends the packet.
func u8(b []byte, off int) byte {
	if off < 0 || off >= len(b) {
		panic(toLine)
	}
	return b[off]
}

// need ends the packet unless b holds n bytes.
func need(b []byte, n int) {
	if n > len(b) || n < 0 {
		panic(toLine)
	}
}

// check returns to the nearest label unless b holds n bytes from off.
func check(b []byte, off, n int) {
	if off < 0 || n < 0 || off+n > len(b) {
		panic(toLabel)
	}
}

// endPacket ends the packet as a short read does, for a printer that
// finds its bytes short by a test of its own (nd_trunc_longjmp).
func endPacket() { panic(toLine) }

// gotoTrunc returns to the nearest label as check does, for a printer
// that finds its bytes short by a test of its own ("goto trunc").
func gotoTrunc() { panic(toLabel) }

// invalid returns to the nearest label, which prints " (invalid)"
// ("goto invalid").
func invalid() { panic(toInvalid) }

// label runs f as a tcpdump printer with its own "trunc:" (and
// "invalid:") label: where f checks a length with check and the bytes
// are short, label prints " [|proto]" and returns toLabel; where f
// calls invalid it prints " (invalid)" and returns toInvalid; either way
// the caller goes on printing. With proto "" label prints nothing, for
// the callers whose labels print something else. A read that
// ends the packet (toLine) and any other panic pass through to decode.
// It returns ran when f ran to its end.
func (p *Printer) label(proto string, f func()) (u unwind) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		k, ok := r.(unwind)
		if !ok || (k != toLabel && k != toInvalid) {
			panic(r)
		}
		switch {
		case proto == "":
		case k == toInvalid:
			p.print(" (invalid)")
		default:
			p.truncMark(proto)
		}
		u = k
	}()
	f()
	return ran
}

// truncMark prints tcpdump's truncation marker " [|proto]", where a
// tcpdump printer prints it itself (nd_print_trunc at a "trunc:" label,
// or an explicit print) rather than leaving it to the line owner.
func (p *Printer) truncMark(proto string) {
	p.buf.WriteByte(' ')
	p.truncMarkTight(proto)
}

// truncMarkTight prints "[|proto]" without the leading space, as the
// few tcpdump printers with a literal "[|proto]" (GRE, PIM, PPP) do.
func (p *Printer) truncMarkTight(proto string) {
	p.buf.WriteString("[|")
	p.buf.WriteString(proto)
	p.buf.WriteByte(']')
}

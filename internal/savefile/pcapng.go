package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/gocap/gocap/cbpf"
)

// pcapng block types.
const (
	blockIDB = 0x00000001 // Interface Description Block
	blockPB  = 0x00000002 // Packet Block (obsolete)
	blockSPB = 0x00000003 // Simple Packet Block
	blockEPB = 0x00000006 // Enhanced Packet Block
	blockSHB = 0x0a0d0d0a // Section Header Block
)

// pcapngMaxBlock is the largest block libpcap accepts before it has seen an
// interface (INITIAL_MAX_BLOCKSIZE).
const pcapngMaxBlock = 16 * 1024 * 1024

// shbMaxLen is the longest first Section Header Block libpcap accepts
// (BT_SHB_INSANE_MAX).
const shbMaxLen = 1024 * 1024

// ngIface is one Interface Description Block.
type ngIface struct {
	dlt    cbpf.LinkType
	snap   uint32 // the snapshot length, adjusted as libpcap adjusts it
	file   uint32 // the link type as the file has it (LINKTYPE_ value)
	ups    uint64 // timestamp units per second
	offset int64  // if_tsoffset, seconds
}

// pcapngReader reads pcapng, with any number of sections and interfaces.
// Like libpcap 1.10.3 (and master), it refuses an interface whose link
// type or snapshot length is not the first interface's, unless mixed is
// set (OpenMixed): then each record carries its interface's link type and
// is checked against its interface's snapshot length.
type pcapngReader struct {
	in     *inbuf
	swap   bool // big-endian file (the byte-order magic reads swapped)
	prec   Precision
	mixed  bool
	dlt    cbpf.LinkType // the first interface's
	snap   uint32
	ifaces []ngIface
	rec    Record
	typ    uint32 // type of the block just read
	maxBlk uint32 // the longest block accepted
}

func openPcapng(in *inbuf, prec Precision, mixed bool) (Reader, error) {
	p := &pcapngReader{in: in, prec: prec, mixed: mixed, maxBlk: pcapngMaxBlock}
	// The rest of the block header and the byte-order magic. A file too
	// short for them is not recognised as pcapng at all.
	h, err := in.take(8)
	if len(h) < 8 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, errors.New("unknown file format")
	}
	switch binary.LittleEndian.Uint32(h[4:]) {
	case 0x1a2b3c4d:
	case 0x4d3c2b1a:
		p.swap = true
	default:
		return nil, errors.New("unknown file format")
	}
	total := p.u32(h[0:])
	if total < 28 || total > shbMaxLen {
		// libpcap's words, capital letter included.
		return nil, fmt.Errorf("%s has invalid length 28 < _%d_ < %d (BT_SHB_INSANE_MAX)", "Section Header Block in pcapng dump file", total, shbMaxLen)
	}
	body, err := in.take(int(total) - 12)
	if len(body) < int(total)-12 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("truncated pcapng dump file; tried to read %d bytes, only got %d", total-12, len(body))
	}
	// libpcap checks the first section's version but not its trailer.
	if err := p.version(body); err != nil {
		return nil, err
	}
	// Blocks up to the first interface; libpcap skips any other section
	// header there as it skips unknown blocks.
	for {
		body, err := p.block()
		if err == io.EOF {
			return nil, errors.New("the capture file has no Interface Description Blocks")
		}
		if err != nil {
			return nil, err
		}
		switch p.typ {
		case blockIDB:
			if err := p.addIface(body); err != nil {
				return nil, err
			}
			first := p.ifaces[0]
			p.dlt, p.snap = first.dlt, first.snap
			// Room for an EPB of the link type's largest packet and
			// 128 KiB of options, as libpcap allows.
			p.maxBlk = max(p.maxBlk, 8+20+maxSnaplenFor(p.dlt)+131072+4)
			return p, nil
		case blockEPB, blockSPB, blockPB:
			return nil, errors.New("the capture file has a packet block before any Interface Description Blocks")
		}
	}
}

// version checks the first Section Header Block's version (body starts
// after the byte-order magic).
func (p *pcapngReader) version(body []byte) error {
	major, minor := p.u16(body[0:]), p.u16(body[2:])
	if major != 1 || (minor != 0 && minor != 2) {
		return fmt.Errorf("unsupported pcapng savefile version %d.%d", major, minor)
	}
	return nil
}

// section checks a later Section Header Block (body after the block
// header, without the trailer) as libpcap does, and starts a new
// section: the byte order may not change, and only the major version
// counts.
func (p *pcapngReader) section(body []byte) error {
	if len(body) < 16 {
		return fmt.Errorf("block of type %d in pcapng dump file is too short", uint32(blockSHB))
	}
	switch p.u32(body) {
	case 0x1a2b3c4d:
	case 0x4d3c2b1a:
		return errors.New("the file has sections with different byte orders")
	default:
		return errors.New("the file has a section with a bad byte order magic field")
	}
	if major := p.u16(body[4:]); major != 1 {
		return fmt.Errorf("unknown pcapng savefile major version number %d", major)
	}
	p.ifaces = p.ifaces[:0]
	return nil
}

// block reads the next block and returns its body (after the 8-byte
// header, without the trailer), or io.EOF at a clean end of file. Its
// total length is checked as libpcap checks it (at least 12, a multiple
// of 4, within maxBlk), with its messages, and so is the trailer's.
func (p *pcapngReader) block() ([]byte, error) {
	h, err := p.in.take(8)
	if len(h) < 8 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		if len(h) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("truncated pcapng dump file; tried to read 8 bytes, only got %d", len(h))
	}
	p.typ = p.u32(h[0:])
	total := p.u32(h[4:])
	switch {
	case total < 12:
		return nil, fmt.Errorf("block in pcapng dump file has a length of %d < 12", total)
	case total%4 != 0:
		return nil, fmt.Errorf("block in pcapng dump file has a length of %d that is not a multiple of 4", total)
	case total > p.maxBlk:
		return nil, fmt.Errorf("pcapng block size %d > maximum %d", total, p.maxBlk)
	}
	rest, err := p.in.take(int(total) - 8)
	if len(rest) < int(total)-8 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("truncated pcapng dump file; tried to read %d bytes, only got %d", total-8, len(rest))
	}
	if p.u32(rest[len(rest)-4:]) != total {
		return nil, errors.New("block total length in header and trailer don't match")
	}
	return rest[:len(rest)-4], nil
}

// addIface records an Interface Description Block, reading its options
// as libpcap does: every option must fit in the block, and the time
// stamp options may appear once each, with their exact lengths.
func (p *pcapngReader) addIface(body []byte) error {
	short := errors.New("block of type 1 in pcapng dump file is too short")
	if len(body) < 8 {
		return short
	}
	word := uint32(p.u16(body[0:]))
	ifc := ngIface{dlt: cbpf.LinkTypeFromFile(word), file: word, ups: 1000000}
	ifc.snap = adjustSnaplen(ifc.dlt, p.u32(body[4:]))
	if p.snap != 0 && !p.mixed {
		// Not the file's first interface. libpcap compares the link
		// type as the file has it with the first interface's as a DLT_
		// value, so a second LINKTYPE_RAW (101, DLT_RAW 12 on Linux)
		// interface is refused too; tcpdump 4.99.3 shows it. The
		// snapshot length is adjusted for the first's link type.
		if word != uint32(p.dlt) {
			return fmt.Errorf("an interface has a type %d different from the type of the first interface", word)
		}
		if adjustSnaplen(p.dlt, p.u32(body[4:])) != p.snap {
			return fmt.Errorf("an interface has a snapshot length %d different from the snapshot length of the first interface", p.u32(body[4:]))
		}
	}
	var sawRes, sawOff bool
	for opts := body[8:]; len(opts) > 0; {
		if len(opts) < 4 {
			return short
		}
		code, n := p.u16(opts[0:]), int(p.u16(opts[2:]))
		opts = opts[4:]
		padded := (n + 3) &^ 3
		if padded > len(opts) {
			return short
		}
		v := opts[:n]
		opts = opts[padded:]
		switch code {
		case 0: // opt_endofopt
			if n != 0 {
				return fmt.Errorf("Interface Description Block has opt_endofopt option with length %d != 0", n)
			}
			opts = nil
		case 9: // if_tsresol
			if n != 1 {
				return fmt.Errorf("Interface Description Block has if_tsresol option with length %d != 1", n)
			}
			if sawRes {
				return errors.New("Interface Description Block has more than one if_tsresol option")
			}
			sawRes = true
			e := uint(v[0] & 0x7f)
			if v[0]&0x80 != 0 {
				if e > 63 {
					return fmt.Errorf("Interface Description Block if_tsresol option resolution 2^-%d is too high", e)
				}
				ifc.ups = 1 << e
			} else {
				if e > 19 {
					return fmt.Errorf("Interface Description Block if_tsresol option resolution 10^-%d is too high", e)
				}
				ifc.ups = 1
				for range e {
					ifc.ups *= 10
				}
			}
		case 14: // if_tsoffset
			if n != 8 {
				return fmt.Errorf("Interface Description Block has if_tsoffset option with length %d != 8", n)
			}
			if sawOff {
				return errors.New("Interface Description Block has more than one if_tsoffset option")
			}
			sawOff = true
			ifc.offset = int64(p.u64(v))
		}
	}
	p.ifaces = append(p.ifaces, ifc)
	return nil
}

func (p *pcapngReader) LinkType() cbpf.LinkType { return p.dlt }
func (p *pcapngReader) LinkTypeHeader() uint32  { return p.dlt.FileValue() }
func (p *pcapngReader) Snaplen() uint32         { return p.snap }
func (p *pcapngReader) Swapped() bool           { return p.swap }
func (p *pcapngReader) Nano() bool              { return false }

// u16, u32 and u64 read fields in the file's byte order (without an
// interface call: the record path reads several a packet).
func (p *pcapngReader) u16(b []byte) uint16 {
	if p.swap {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (p *pcapngReader) u32(b []byte) uint32 {
	if p.swap {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (p *pcapngReader) u64(b []byte) uint64 {
	if p.swap {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

func (p *pcapngReader) Next() ([]byte, *Record, error) {
	for {
		body, err := p.block()
		if err == io.EOF {
			return nil, nil, io.EOF
		}
		if err != nil {
			return nil, nil, &LoopError{Msg: "pcap_loop: " + err.Error()}
		}
		switch p.typ {
		case blockEPB, blockPB:
			return p.packet(body)
		case blockSPB:
			return p.simplePacket(body)
		case blockIDB:
			if err := p.addIface(body); err != nil {
				return nil, nil, LoopErrorf("%v", err)
			}
		case blockSHB:
			if err := p.section(body); err != nil {
				return nil, nil, LoopErrorf("%v", err)
			}
		}
	}
}

// snapFor is the snapshot length a packet of interface id (a known one)
// is checked against: the first interface's, or with mixed its own.
func (p *pcapngReader) snapFor(id uint32) uint32 {
	if p.mixed {
		return p.ifaces[id].snap
	}
	return p.snap
}

// noIface is libpcap's error for a packet on an interface the section
// has not described.
func noIface(id uint32) error {
	return LoopErrorf("a packet arrived on interface %d, but there's no Interface Description Block for that interface", id)
}

func (p *pcapngReader) packet(body []byte) ([]byte, *Record, error) {
	if len(body) < 20 {
		return nil, nil, LoopErrorf("block of type %d in pcapng dump file is too short", p.typ)
	}
	var id uint32
	if p.typ == blockEPB {
		id = p.u32(body[0:])
	} else {
		id = uint32(p.u16(body[0:]))
	}
	ts := uint64(p.u32(body[4:]))<<32 | uint64(p.u32(body[8:]))
	caplen, wirelen := p.u32(body[12:]), p.u32(body[16:])
	data := body[20:]
	if id >= uint32(len(p.ifaces)) {
		return nil, nil, noIface(id)
	}
	// libpcap stops at a packet longer than the snapshot length (the
	// first interface's), and only then looks for its bytes.
	if snap := p.snapFor(id); caplen > snap {
		return nil, nil, LoopErrorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, snap)
	}
	if uint64(caplen) > uint64(len(data)) {
		return nil, nil, LoopErrorf("block of type %d in pcapng dump file is too short", p.typ)
	}
	ifc := &p.ifaces[id]
	r := &p.rec
	r.Iface = int(id)
	r.LinkType = ifc.dlt
	r.CapLen, r.WireLen = caplen, wirelen
	p.stamp(ifc, ts)
	postProcess(ifc.file, p.swap, &r.WireLen, data[:caplen])
	return data[:caplen], r, nil
}

func (p *pcapngReader) simplePacket(body []byte) ([]byte, *Record, error) {
	if len(body) < 4 {
		return nil, nil, LoopErrorf("block of type %d in pcapng dump file is too short", p.typ)
	}
	if len(p.ifaces) == 0 {
		return nil, nil, noIface(0)
	}
	wirelen := p.u32(body[0:])
	data := body[4:]
	// An SPB holds the packet up to the snapshot length; libpcap stops
	// when the block is shorter than that.
	caplen := min(wirelen, p.snapFor(0))
	if uint64(caplen) > uint64(len(data)) {
		return nil, nil, LoopErrorf("block of type %d in pcapng dump file is too short", p.typ)
	}
	r := &p.rec
	r.Iface = 0
	r.LinkType = p.ifaces[0].dlt
	r.CapLen, r.WireLen = caplen, wirelen
	r.Sec, r.Frac = 0, 0
	postProcess(p.ifaces[0].file, p.swap, &r.WireLen, data[:caplen])
	return data[:caplen], r, nil
}

// stamp converts a pcapng timestamp to seconds and a fraction in the
// reader's precision. Like libpcap, it keeps all 64 bits of seconds
// (tcpdump prints time_2107.pcapng's packet at 2107-01-01; only -tt, which
// prints the seconds as 32 bits, shows 28315904); a pcap file written
// from it keeps their low 32 bits, as libpcap's writer does.
func (p *pcapngReader) stamp(ifc *ngIface, ts uint64) {
	target := uint64(1000000)
	if p.prec == Nano {
		target = 1000000000
	}
	sec, frac := ts/ifc.ups, ts%ifc.ups
	switch {
	case ifc.ups == target:
	case ifc.ups > target && ifc.ups%target == 0:
		frac /= ifc.ups / target
	case ifc.ups < target && target%ifc.ups == 0:
		frac *= target / ifc.ups
	default:
		// A binary resolution: libpcap multiplies then divides in 64
		// bits, and the product wraps for fine resolutions.
		frac = frac * target / ifc.ups
	}
	p.rec.Sec = int64(sec) + ifc.offset
	p.rec.Frac = int64(frac)
}

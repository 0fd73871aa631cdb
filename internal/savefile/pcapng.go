package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"

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

// shbInsaneMax is the largest first Section Header Block libpcap reads
// (BT_SHB_INSANE_MAX).
const shbInsaneMax = 1024 * 1024

// ngIface is one Interface Description Block.
type ngIface struct {
	dlt    cbpf.LinkType
	snap   uint32 // the snapshot length, adjusted as libpcap adjusts it
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
	order  binary.ByteOrder
	swap   bool
	prec   Precision
	mixed  bool
	dlt    cbpf.LinkType // the first interface's
	snap   uint32        // the first interface's, adjusted
	ifaces []ngIface
	rec    Record
	typ    uint32 // type of the block just read
}

func openPcapng(in *inbuf, prec Precision, mixed bool) (Reader, error) {
	p := &pcapngReader{in: in, prec: prec, mixed: mixed}
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
		p.order = binary.LittleEndian
	case 0x4d3c2b1a:
		p.order = binary.BigEndian
		p.swap = true
	default:
		return nil, errors.New("unknown file format")
	}
	total := p.order.Uint32(h[0:])
	if total < 28 || total > shbInsaneMax {
		// libpcap's words, capital letter included.
		return nil, fmt.Errorf("%s has invalid length 28 < _%d_ < %d (BT_SHB_INSANE_MAX)", "Section Header Block in pcapng dump file", total, shbInsaneMax)
	}
	body, err := in.take(int(total) - 12)
	if len(body) < int(total)-12 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("truncated pcapng dump file; tried to read %d bytes, only got %d", total-12, len(body))
	}
	// libpcap does not look at the first section's trailer.
	if err := p.section(total, body, false); err != nil {
		return nil, err
	}
	// Blocks up to the first interface.
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
			return p, nil
		case blockEPB, blockSPB, blockPB:
			return nil, errors.New("the capture file has a packet block before any Interface Description Blocks")
		case blockSHB:
			if err := p.section(uint32(len(body)+8), body[4:], true); err != nil {
				return nil, err
			}
		}
	}
}

// section checks a Section Header Block whose body (after the byte-order
// magic, trailer included) is body, and starts a new section. trailer
// says whether to check the length in the trailer.
func (p *pcapngReader) section(total uint32, body []byte, trailer bool) error {
	if trailer && p.order.Uint32(body[len(body)-4:]) != total {
		return errors.New("block total length in header and trailer don't match")
	}
	major, minor := p.order.Uint16(body[0:]), p.order.Uint16(body[2:])
	if major != 1 || (minor != 0 && minor != 2) {
		return fmt.Errorf("unsupported pcapng savefile version %d.%d", major, minor)
	}
	p.ifaces = p.ifaces[:0]
	return nil
}

// block reads the next block and returns its body (after the 8-byte
// header, without the trailer), or io.EOF at a clean end of file.
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
	p.typ = p.order.Uint32(h[0:])
	total := p.order.Uint32(h[4:])
	if p.typ == blockSHB {
		// A new section may change the byte order only if both the
		// length and the byte-order magic say so consistently.
		return p.newSection(total)
	}
	rest, err := p.blockBody(total, 12)
	if err != nil {
		return nil, err
	}
	if p.order.Uint32(rest[len(rest)-4:]) != total {
		return nil, errors.New("block total length in header and trailer don't match")
	}
	return rest[:len(rest)-4], nil
}

// blockBody checks a block's total length (at least minLen, a multiple of
// 4, within pcapngMaxBlock) as libpcap does, with its messages, and reads
// the rest of the block after the type and length, trailer included.
func (p *pcapngReader) blockBody(total, minLen uint32) ([]byte, error) {
	if total < minLen {
		return nil, fmt.Errorf("block in pcapng dump file has a length of %d < %d", total, minLen)
	}
	if total%4 != 0 {
		return nil, fmt.Errorf("block in pcapng dump file has a length of %d that is not a multiple of 4", total)
	}
	if total > pcapngMaxBlock {
		return nil, fmt.Errorf("pcapng block size %d > maximum %d", total, pcapngMaxBlock)
	}
	rest, err := p.in.take(int(total) - 8)
	if len(rest) < int(total)-8 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("truncated pcapng dump file; tried to read %d bytes, only got %d", total-8, len(rest))
	}
	return rest, nil
}

// newSection reads a Section Header Block after the first; total is its
// length as read in the current byte order. The returned body starts
// with the byte-order magic and includes the trailer.
func (p *pcapngReader) newSection(total uint32) ([]byte, error) {
	rest, err := p.blockBody(total, 28)
	if err != nil {
		return nil, err
	}
	if p.order.Uint32(rest) != 0x1a2b3c4d {
		return nil, errors.New("the file has sections with different byte orders")
	}
	return rest, nil
}

// addIface records an Interface Description Block.
func (p *pcapngReader) addIface(body []byte) error {
	if len(body) < 8 {
		return errors.New("block of type 1 in pcapng dump file is too short")
	}
	word := uint32(p.order.Uint16(body[0:]))
	ifc := ngIface{dlt: cbpf.LinkTypeFromFile(word), ups: 1000000}
	ifc.snap = adjustSnaplen(ifc.dlt, p.order.Uint32(body[4:]))
	if p.snap != 0 && !p.mixed {
		// Not the file's first interface. libpcap compares the link
		// type as the file has it with the first interface's as a DLT_
		// value, so a second LINKTYPE_RAW (101, DLT_RAW 12 on Linux)
		// interface is refused too; tcpdump 4.99.3 shows it.
		if word != uint32(p.dlt) {
			return fmt.Errorf("an interface has a type %d different from the type of the first interface", word)
		}
		if ifc.snap != p.snap {
			return fmt.Errorf("an interface has a snapshot length %d different from the snapshot length of the first interface", p.order.Uint32(body[4:]))
		}
	}
	if err := p.ifaceOptions(&ifc, body[8:]); err != nil {
		return err
	}
	p.ifaces = append(p.ifaces, ifc)
	return nil
}

// ifaceOptions reads an Interface Description Block's options as libpcap
// does: every option, up to opt_endofopt or the end of the block, must be
// whole (its value padded to 4 bytes), and if_tsresol and if_tsoffset
// must have their sizes and come at most once; other options are skipped.
func (p *pcapngReader) ifaceOptions(ifc *ngIface, opts []byte) error {
	var sawResol, sawOffset bool
	for len(opts) > 0 {
		if len(opts) < 4 {
			return errors.New("block of type 1 in pcapng dump file is too short")
		}
		code, n := p.order.Uint16(opts[0:]), int(p.order.Uint16(opts[2:]))
		padded := (n + 3) &^ 3
		if padded > len(opts)-4 {
			return errors.New("block of type 1 in pcapng dump file is too short")
		}
		v := opts[4 : 4+n]
		opts = opts[4+padded:]
		switch code {
		case 0: // opt_endofopt
			if n != 0 {
				return fmt.Errorf("%s has opt_endofopt option with length %d != 0", idbName, n)
			}
			return nil
		case 9: // if_tsresol
			if n != 1 {
				return fmt.Errorf("%s has if_tsresol option with length %d != 1", idbName, n)
			}
			if sawResol {
				return fmt.Errorf("%s has more than one if_tsresol option", idbName)
			}
			sawResol = true
			e := uint(v[0] & 0x7f)
			if v[0]&0x80 != 0 {
				if e > 63 {
					return fmt.Errorf("%s if_tsresol option resolution 2^-%d is too high", idbName, e)
				}
				ifc.ups = 1 << e
			} else {
				if e > 19 {
					return fmt.Errorf("%s if_tsresol option resolution 10^-%d is too high", idbName, e)
				}
				ifc.ups = 1
				for range e {
					ifc.ups *= 10
				}
			}
		case 14: // if_tsoffset
			if n != 8 {
				return fmt.Errorf("%s has if_tsoffset option with length %d != 8", idbName, n)
			}
			if sawOffset {
				return fmt.Errorf("%s has more than one if_tsoffset option", idbName)
			}
			sawOffset = true
			ifc.offset = int64(p.order.Uint64(v))
		}
	}
	return nil
}

// idbName begins libpcap's messages about an interface's options (given
// as an argument: an error string may not start with a capital letter).
const idbName = "Interface Description Block"

func (p *pcapngReader) LinkType() cbpf.LinkType { return p.dlt }
func (p *pcapngReader) LinkTypeHeader() uint32  { return p.dlt.FileValue() }
func (p *pcapngReader) Snaplen() uint32         { return p.snap }
func (p *pcapngReader) Swapped() bool           { return p.swap }
func (p *pcapngReader) Nano() bool              { return false }

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
			if err := p.section(uint32(len(body)+8), body[4:], true); err != nil {
				return nil, nil, LoopErrorf("%v", err)
			}
		}
	}
}

func (p *pcapngReader) packet(body []byte) ([]byte, *Record, error) {
	if len(body) < 20 {
		return nil, nil, p.tooShort()
	}
	var id uint32
	if p.typ == blockEPB {
		id = p.order.Uint32(body[0:])
	} else {
		id = uint32(p.order.Uint16(body[0:]))
	}
	ts := uint64(p.order.Uint32(body[4:]))<<32 | uint64(p.order.Uint32(body[8:]))
	caplen, wirelen := p.order.Uint32(body[12:]), p.order.Uint32(body[16:])
	ifc, err := p.checkPacket(id, caplen, body[20:])
	if err != nil {
		return nil, nil, err
	}
	r := &p.rec
	r.Iface = int(id)
	r.LinkType = ifc.dlt
	r.CapLen, r.WireLen = caplen, wirelen
	p.stamp(ifc, ts)
	return body[20 : 20+caplen], r, nil
}

// checkPacket makes libpcap's checks of a packet block, in libpcap's
// order: the interface is known, the captured length is within the
// snapshot length, and the block holds that many bytes.
func (p *pcapngReader) checkPacket(id, caplen uint32, data []byte) (*ngIface, error) {
	if id >= uint32(len(p.ifaces)) {
		return nil, LoopErrorf("a packet arrived on interface %d, but there's no Interface Description Block for that interface", id)
	}
	ifc := &p.ifaces[id]
	snap := p.snap
	if p.mixed {
		snap = ifc.snap
	}
	if caplen > snap {
		return nil, LoopErrorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, snap)
	}
	if uint64(caplen) > uint64(len(data)) {
		return nil, p.tooShort()
	}
	return ifc, nil
}

// tooShort is libpcap's error for a block too short for what it says it
// holds.
func (p *pcapngReader) tooShort() error {
	return LoopErrorf("block of type %d in pcapng dump file is too short", p.typ)
}

func (p *pcapngReader) simplePacket(body []byte) ([]byte, *Record, error) {
	if len(body) < 4 {
		return nil, nil, p.tooShort()
	}
	// The block has no captured length: it is the length on the wire cut
	// to the snapshot length, and the block must hold that much.
	wirelen := p.order.Uint32(body[0:])
	caplen := wirelen
	snap := p.snap
	if p.mixed && len(p.ifaces) > 0 {
		snap = p.ifaces[0].snap
	}
	caplen = min(caplen, snap)
	if _, err := p.checkPacket(0, caplen, body[4:]); err != nil {
		return nil, nil, err
	}
	data := body[4 : 4+caplen]
	r := &p.rec
	r.Iface = 0
	r.LinkType = p.ifaces[0].dlt
	r.CapLen, r.WireLen = caplen, wirelen
	r.Sec, r.Frac = 0, 0
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
		hi, lo := bits.Mul64(frac, target)
		frac, _ = bits.Div64(hi, lo, ifc.ups) // hi < ups since frac < ups
	}
	p.rec.Sec = int64(sec) + ifc.offset
	p.rec.Frac = uint32(frac)
}

package savefile

import (
	"encoding/binary"
	"math"
	"strconv"

	"github.com/gocap/gocap/cbpf"
)

// pcapng block types and option codes written by NgWriter (the pcapng
// specification, draft-ietf-opsawg-pcapng).
const (
	ngSHB = 0x0A0D0D0A // Section Header Block
	ngIDB = 0x00000001 // Interface Description Block
	ngEPB = 0x00000006 // Enhanced Packet Block

	ngOptEnd       = 0 // opt_endofopt
	ngOptUserAppl  = 4 // shb_userappl
	ngOptIfName    = 2 // if_name
	ngOptIfTsresol = 9 // if_tsresol
)

// NgWriter writes pcapng: a Section Header Block naming the application
// "gocap", then an Interface Description Block for each link type the
// first time a record of it comes (the first one up front), named "if0",
// "if1" ..., each with the writer's time stamp resolution (if_tsresol 6 or
// 9), then one Enhanced Packet Block a record. It writes little-endian,
// whatever the machine, and each block is one record of its
// RecordBuffer, so the file always ends on a whole block.
//
// It used to be gopacket's pcapgo.NgWriter; this one writes the blocks
// into the RecordBuffer directly (no second buffer, no time.Time per
// packet), writes the resolution it is given where pcapgo always wrote
// nanoseconds, and keeps gopacket's layers package and its several
// megabytes of tables out of the gocap binary. pcapgo's reader remains
// the outside check in the tests.
type NgWriter struct {
	o    *RecordBuffer
	ids  map[cbpf.LinkType]uint32
	snap uint32
	prec Precision
	blk  []byte // the block being built
}

// NewNgWriter writes a pcapng Section Header Block (application "gocap")
// and an Interface Description Block for dlt to o, and writes them out at
// once. Records' time stamps are in prec, and so is each interface's
// resolution.
func NewNgWriter(o *RecordBuffer, dlt cbpf.LinkType, snap uint32, prec Precision) (*NgWriter, error) {
	n := &NgWriter{o: o, ids: make(map[cbpf.LinkType]uint32), snap: snap, prec: prec}
	n.begin(ngSHB)
	n.blk = binary.LittleEndian.AppendUint32(n.blk, 0x1A2B3C4D) // byte-order magic
	n.blk = binary.LittleEndian.AppendUint16(n.blk, 1)          // version 1.0
	n.blk = binary.LittleEndian.AppendUint16(n.blk, 0)
	n.blk = binary.LittleEndian.AppendUint64(n.blk, math.MaxUint64) // section length unknown
	n.option(ngOptUserAppl, []byte("gocap"))
	n.option(ngOptEnd, nil)
	if err := n.end(); err != nil {
		return nil, err
	}
	if err := n.iface(dlt); err != nil {
		return nil, err
	}
	if err := o.Flush(); err != nil {
		return nil, err
	}
	return n, nil
}

// iface describes link type lt as the next interface.
func (n *NgWriter) iface(lt cbpf.LinkType) error {
	id := uint32(len(n.ids))
	n.ids[lt] = id
	n.begin(ngIDB)
	n.blk = binary.LittleEndian.AppendUint16(n.blk, uint16(lt.FileValue()))
	n.blk = binary.LittleEndian.AppendUint16(n.blk, 0) // reserved
	n.blk = binary.LittleEndian.AppendUint32(n.blk, n.snap)
	n.option(ngOptIfName, strconv.AppendUint([]byte("if"), uint64(id), 10))
	res := byte(6) // 10^-6 s
	if n.prec == Nano {
		res = 9
	}
	n.option(ngOptIfTsresol, []byte{res})
	n.option(ngOptEnd, nil)
	return n.end()
}

// begin starts a block of type typ, its length to be filled in by end.
func (n *NgWriter) begin(typ uint32) {
	n.blk = binary.LittleEndian.AppendUint32(n.blk[:0], typ)
	n.blk = binary.LittleEndian.AppendUint32(n.blk, 0)
}

// option appends an option, padded to 32 bits.
func (n *NgWriter) option(code uint16, v []byte) {
	n.blk = binary.LittleEndian.AppendUint16(n.blk, code)
	n.blk = binary.LittleEndian.AppendUint16(n.blk, uint16(len(v)))
	n.blk = append(n.blk, v...)
	n.pad()
}

// pad appends zeros up to a multiple of 4 bytes.
func (n *NgWriter) pad() {
	for len(n.blk)%4 != 0 {
		n.blk = append(n.blk, 0)
	}
}

// end fills in the block's length, appends the trailing copy of it and
// hands the block to the RecordBuffer as one record.
func (n *NgWriter) end() error {
	total := uint32(len(n.blk) + 4)
	binary.LittleEndian.PutUint32(n.blk[4:], total)
	n.blk = binary.LittleEndian.AppendUint32(n.blk, total)
	n.o.Write(n.blk)
	return n.o.EndRecord()
}

// Write adds one Enhanced Packet Block, first describing rec's link type
// as a new interface if the file has none of it yet. The time stamp is
// rec's seconds and fraction in units of the writer's precision, as a
// 64-bit count.
func (n *NgWriter) Write(rec *Record, data []byte) error {
	id, ok := n.ids[rec.LinkType]
	if !ok {
		if err := n.iface(rec.LinkType); err != nil {
			return err
		}
		id = n.ids[rec.LinkType]
	}
	per := uint64(1e6)
	if n.prec == Nano {
		per = 1e9
	}
	sec := uint64(rec.Sec)
	if rec.Sec < 0 {
		sec = uint64(uint32(rec.Sec)) // a pcap file's seconds past 2038 (see pcap.go)
	}
	ts := sec*per + uint64(rec.Frac)
	n.begin(ngEPB)
	n.blk = binary.LittleEndian.AppendUint32(n.blk, id)
	n.blk = binary.LittleEndian.AppendUint32(n.blk, uint32(ts>>32))
	n.blk = binary.LittleEndian.AppendUint32(n.blk, uint32(ts))
	n.blk = binary.LittleEndian.AppendUint32(n.blk, uint32(len(data)))
	n.blk = binary.LittleEndian.AppendUint32(n.blk, rec.WireLen)
	// The data goes to the RecordBuffer without a copy into blk.
	padding := -len(data) & 3
	total := uint32(len(n.blk) + len(data) + padding + 4)
	binary.LittleEndian.PutUint32(n.blk[4:], total)
	n.o.Write(n.blk)
	n.o.Write(data)
	n.blk = append(n.blk[:0], 0, 0, 0, 0)[:padding]
	n.blk = binary.LittleEndian.AppendUint32(n.blk, total)
	n.o.Write(n.blk)
	return n.o.EndRecord()
}

// Flush writes out the blocks waiting.
func (n *NgWriter) Flush() error { return n.o.Flush() }

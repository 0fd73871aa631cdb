package savefile

import (
	"encoding/binary"
	"math/bits"

	"github.com/gocap/gocap/cbpf"
)

// Some link types carry a pseudo-header with fields in the byte order of
// the host that captured the packet. When the file was written on a host
// of the other byte order, libpcap (swap_pseudo_headers) turns those
// fields around in the packet data before anyone sees it: the printer,
// the filter and a -w copy all get them in the reading host's order,
// little-endian here. swapPseudoHeader does the same, in place.

// postProcess is libpcap's pcapint_post_process for a packet of link type
// lt (LINKTYPE_ value) read from a file of the other byte order (swapped)
// or not: the pseudo-header's host-order fields turned around, then the
// length on the wire of an incoming isochronous USB completion mended.
func postProcess(lt uint32, swapped bool, wire *uint32, data []byte) {
	if swapped {
		swapPseudoHeader(lt, *wire, data)
	}
	if cbpf.LinkType(lt) == cbpf.LinkUSBLinuxMMapped {
		fixUSBIsoLength(wire, data)
	}
}

// fixUSBIsoLength mends the length on the wire of a memory-mapped Linux
// USB completion event of an incoming isochronous transfer: older
// libpcaps counted the whole URB buffer, where the data is scattered as
// the isochronous descriptors say. Like libpcap 1.10.3 it works only on a
// length that looks computed the old way, looks at the descriptors
// captured, and adds in 32 bits that may wrap.
func fixUSBIsoLength(wire *uint32, b []byte) {
	caplen := uint32(len(b))
	if caplen < 64 {
		return
	}
	le := binary.LittleEndian
	ndesc := le.Uint32(b[60:])
	hdrLen := 64 + ndesc*16
	if b[15] != 0 || b[9] != 0 || b[8] != 'C' || b[10]&0x80 == 0 || *wire != hdrLen+le.Uint32(b[32:]) {
		return
	}
	var end uint32
	left := caplen - 64
	for i := uint32(0); i < ndesc && left >= 16; i, left = i+1, left-16 {
		d := b[64+16*i:]
		if n := le.Uint32(d[8:]); n != 0 {
			end = max(end, le.Uint32(d[4:])+n)
		}
	}
	if n := hdrLen + end; n >= caplen {
		*wire = n
	}
	*wire = max(*wire, caplen)
}

// swapPseudoHeader turns around the host-order fields of data, a packet
// of link type lt (LINKTYPE_ value) that was wire bytes long.
func swapPseudoHeader(lt uint32, wire uint32, data []byte) {
	caplen := uint32(len(data))
	// These link types' LINKTYPE_ values are their DLT_ values.
	switch cbpf.LinkType(lt) {
	case cbpf.LinkLinuxSLL:
		// 16-byte header, protocol (big-endian) at 14.
		if caplen >= 16 && wire >= 16 {
			swapSocketCAN(binary.BigEndian.Uint16(data[14:]), wire-16, data[16:])
		}
	case cbpf.LinkLinuxSLL2:
		// 20-byte header, protocol (big-endian) at 0.
		if caplen >= 20 && wire >= 20 {
			swapSocketCAN(binary.BigEndian.Uint16(data[0:]), wire-20, data[20:])
		}
	case cbpf.LinkUSBLinux:
		swapUSBLinux(data, false)
	case cbpf.LinkUSBLinuxMMapped:
		swapUSBLinux(data, true)
	case cbpf.LinkNFLOG:
		swapNFLOG(wire, data)
	case cbpf.LinkPFLog:
		swapPFLOG(wire, data)
	}
}

// swapPFLOG turns around the user and process IDs of a pflog header
// (uid, pid, rule_uid and rule_pid, 4 bytes each from offset 44), each
// while it is captured and inside the header's own length.
func swapPFLOG(wire uint32, b []byte) {
	if len(b) == 0 {
		return
	}
	hlen := uint32(b[0])
	for end := uint32(48); end <= 60; end += 4 {
		if uint32(len(b)) < end || wire < end || hlen < end {
			return
		}
		swapField(b[end-4 : end])
	}
}

// swapSocketCAN turns around the CAN identifier of a SocketCAN frame
// (protocol 0x000c CAN or 0x000d CAN FD) after a cooked header.
func swapSocketCAN(proto uint16, wire uint32, b []byte) {
	if proto != 0x000c && proto != 0x000d {
		return
	}
	if len(b) >= 4 && wire >= 4 {
		swapField(b[0:4])
	}
}

// swapUSBLinux turns around the fields of a Linux USB pseudo-header (48
// bytes, or 64 with the isochronous descriptors after it when mmapped),
// field by field while they are captured.
func swapUSBLinux(b []byte, mmapped bool) {
	n := len(b)
	// Each step names the end of a field; a field not wholly captured
	// ends the work, as in libpcap.
	field := func(off, size int) bool {
		if n < off+size {
			return false
		}
		swapField(b[off : off+size])
		return true
	}
	if !field(0, 8) || !field(12, 2) || !field(16, 8) || !field(24, 4) ||
		!field(28, 4) || !field(32, 4) || !field(36, 4) {
		return
	}
	iso := b[9] == 0 // transfer type URB_ISOCHRONOUS
	if iso && (!field(40, 4) || !field(44, 4)) {
		return
	}
	if !mmapped {
		return
	}
	if !field(48, 4) || !field(52, 4) || !field(56, 4) || !field(60, 4) {
		return
	}
	if !iso {
		return
	}
	ndesc := binary.LittleEndian.Uint32(b[60:])
	off := 64
	for i := uint32(0); i < ndesc; i++ {
		if !field(off, 4) || !field(off+4, 4) || !field(off+8, 4) {
			return
		}
		off += 16
	}
}

// swapNFLOG turns around the type and length of every TLV of an NFLOG
// packet (version 0) while whole TLVs are captured.
func swapNFLOG(wire uint32, b []byte) {
	caplen := uint32(len(b))
	if caplen < 4 || wire < 4 || b[1] != 0 {
		return
	}
	caplen, wire = caplen-4, wire-4
	p := b[4:]
	for caplen >= 4 {
		swapField(p[0:2])
		swapField(p[2:4])
		size := uint32(binary.LittleEndian.Uint16(p[0:]))
		size = (size + 3) &^ 3
		if size < 4 || caplen < size || wire < size {
			return
		}
		caplen, wire = caplen-size, wire-size
		p = p[size:]
	}
}

// swapField reverses the bytes of a 2-, 4- or 8-byte field.
func swapField(f []byte) {
	switch len(f) {
	case 2:
		f[0], f[1] = f[1], f[0]
	case 4:
		binary.LittleEndian.PutUint32(f, bits.ReverseBytes32(binary.LittleEndian.Uint32(f)))
	case 8:
		binary.LittleEndian.PutUint64(f, bits.ReverseBytes64(binary.LittleEndian.Uint64(f)))
	}
}

package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// Capture files whose headers and blocks sit at libpcap's limits, built
// here: snapshot lengths of 0 and beyond the link type's maximum, records
// longer than the snapshot length, pcapng section headers before and
// after the first interface, interfaces whose snapshot length differs,
// Simple Packet Blocks shorter than they claim and Interface Description
// Block options libpcap refuses. gocap must print the same packets as
// tcpdump, stop where it stops and say what it says.

// ngBuf builds a little-endian pcapng file block by block.
type ngBuf struct{ b bytes.Buffer }

// block appends a block of type typ whose body is body, padded to 4
// bytes; trailer, when not 0, replaces the total length in the trailer.
func (n *ngBuf) block(typ uint32, body []byte, trailer uint32) *ngBuf {
	body = append(body, make([]byte, (4-len(body)%4)%4)...)
	total := uint32(12 + len(body))
	if trailer == 0 {
		trailer = total
	}
	n.b.Write(binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(nil, typ), total))
	n.b.Write(body)
	n.b.Write(binary.LittleEndian.AppendUint32(nil, trailer))
	return n
}

// shb appends a Section Header Block with the byte-order magic and
// version given.
func (n *ngBuf) shb(magic uint32, major, minor uint16, trailer uint32) *ngBuf {
	b := binary.LittleEndian.AppendUint32(nil, magic)
	b = binary.LittleEndian.AppendUint16(b, major)
	b = binary.LittleEndian.AppendUint16(b, minor)
	b = append(b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	return n.block(0x0a0d0d0a, b, trailer)
}

// idb appends an Interface Description Block; opts are its raw options.
func (n *ngBuf) idb(linkType uint16, snaplen uint32, opts ...byte) *ngBuf {
	b := binary.LittleEndian.AppendUint16(nil, linkType)
	b = append(b, 0, 0)
	b = binary.LittleEndian.AppendUint32(b, snaplen)
	return n.block(1, append(b, opts...), 0)
}

// epb appends an Enhanced Packet Block on interface id.
func (n *ngBuf) epb(id uint32, data []byte) *ngBuf {
	return n.epbAt(id, 0xe8<<32|uint64(0xd4a51000+id), data)
}

// epbAt appends an Enhanced Packet Block on interface id with time stamp
// ts, in the interface's units.
func (n *ngBuf) epbAt(id uint32, ts uint64, data []byte) *ngBuf {
	b := binary.LittleEndian.AppendUint32(nil, id)
	b = binary.LittleEndian.AppendUint32(b, uint32(ts>>32))
	b = binary.LittleEndian.AppendUint32(b, uint32(ts))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	return n.block(6, append(b, data...), 0)
}

// epbLen appends an Enhanced Packet Block on interface id that says it
// holds caplen bytes and holds data.
func (n *ngBuf) epbLen(id, caplen uint32, data []byte) *ngBuf {
	b := binary.LittleEndian.AppendUint32(nil, id)
	b = binary.LittleEndian.AppendUint64(b, 0)
	b = binary.LittleEndian.AppendUint32(b, caplen)
	b = binary.LittleEndian.AppendUint32(b, caplen)
	return n.block(6, append(b, data...), 0)
}

// spb appends a Simple Packet Block holding data, for a packet of wire
// bytes on the wire.
func (n *ngBuf) spb(wire uint32, data []byte) *ngBuf {
	return n.block(3, append(binary.LittleEndian.AppendUint32(nil, wire), data...), 0)
}

// ngOpt is one IDB option, padded.
func ngOpt(code uint16, v ...byte) []byte {
	b := binary.LittleEndian.AppendUint16(nil, code)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(v)))
	b = append(b, v...)
	return append(b, make([]byte, (4-len(v)%4)%4)...)
}

// dnsQueryFrame is an Ethernet frame with an IPv4 UDP datagram to port 53.
func dnsQueryFrame() []byte {
	return []byte{
		0, 0, 0x5e, 0, 1, 1, 0, 0, 0x5e, 0, 1, 2, 0x08, 0x00,
		0x45, 0, 0, 0x31, 0x12, 0x34, 0, 0, 0x40, 0x11, 0x54, 0x86, 10, 0, 0, 1, 10, 0, 0, 2,
		0x04, 0xd2, 0, 0x35, 0, 0x1d, 0, 0,
		0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w', 'w', 0, 0, 1, 0, 1,
	}
}

// limitInputs are the capture files of TestCaptureLimitsLikeTcpdump.
func limitInputs() map[string][]byte {
	const magic = 0x1a2b3c4d
	fr := dnsQueryFrame()
	big := make([]byte, 300000)
	ng := func() *ngBuf { n := &ngBuf{}; return n.shb(magic, 1, 0, 0) }
	m := map[string][]byte{
		// pcapng: a packet longer than the snapshot length stops the file.
		"ng-epb-over-snap":   ng().idb(1, 40).epb(0, fr[:30]).epb(0, fr).epb(0, fr[:30]).b.Bytes(),
		"ng-epb-over-max":    ng().idb(1, 0).epb(0, big).epb(0, fr).b.Bytes(),
		"ng-snap-huge":       ng().idb(1, 0x30303030).epb(0, fr).epb(0, big).epb(0, fr).b.Bytes(),
		"ng-dbus-snap-0":     ng().idb(231, 0).epb(0, fr).epb(0, big).epb(0, fr).b.Bytes(),
		"ng-spb-capped":      ng().idb(1, 40).epb(0, fr[:30]).spb(uint32(len(fr)), fr[:40]).b.Bytes(),
		"ng-spb-short":       ng().idb(1, 0).epb(0, fr[:30]).spb(100, fr[:30]).epb(0, fr[:30]).b.Bytes(),
		"ng-no-idb":          ng().idb(1, 0).epb(0, fr).epb(3, fr).b.Bytes(),
		"ng-spb-no-idb":      ng().idb(1, 0).epb(0, fr).shb(magic, 1, 0, 0).spb(uint32(len(fr)), fr).b.Bytes(),
		"ng-epb-fixed-short": ng().idb(1, 0).epb(0, fr).block(6, make([]byte, 12), 0).b.Bytes(),
		"ng-spb-fixed-short": ng().idb(1, 0).epb(0, fr).block(3, nil, 0).b.Bytes(),
		"ng-pb-fixed-short":  ng().idb(1, 0).epb(0, fr).block(2, make([]byte, 8), 0).b.Bytes(),
		// Past 16 MiB, only a link type with a larger maximum (D-Bus)
		// makes room for a longer block.
		"ng-block-17m-dbus":  ng().idb(231, 0).epb(0, fr).block(0x999, make([]byte, 17<<20), 0).epb(0, fr).b.Bytes(),
		"ng-block-17m-ether": ng().idb(1, 0).epb(0, fr).block(0x999, make([]byte, 17<<20), 0).epb(0, fr).b.Bytes(),
		// The block must hold the bytes it says it holds; the interface
		// is checked first, then the snapshot length.
		"ng-epb-over-data":     ng().idb(1, 0).epb(0, fr).epbLen(0, 100, fr).b.Bytes(),
		"ng-iface-before-snap": ng().idb(1, 40).epb(0, fr[:30]).epb(5, fr).b.Bytes(),
		"ng-usbpcap-snap-0":    ng().idb(249, 0).epb(0, fr).b.Bytes(),
		"ng-snap-2g":           ng().idb(1, 0x80000000).epb(0, fr).b.Bytes(),
		// Interfaces must share the first one's link type, as the file
		// has it against the first's DLT_ value: two LINKTYPE_RAW (101,
		// DLT_RAW 12) interfaces are refused too.
		"ng-idb-linktype-differs": ng().idb(1, 0).epb(0, fr).idb(101, 0).epb(1, fr[14:]).b.Bytes(),
		"ng-idb-two-raw":          ng().idb(101, 0).epb(0, fr[14:]).idb(101, 0).epb(1, fr[14:]).b.Bytes(),
		// Interfaces must share the first one's snapshot length.
		"ng-idb-snap-differs":  ng().idb(1, 100).epb(0, fr).idb(1, 200).epb(1, fr).b.Bytes(),
		"ng-idb-snap-0-vs-max": ng().idb(1, 262144).epb(0, fr).idb(1, 0).epb(1, fr).b.Bytes(),
		"ng-section-snap":      ng().idb(1, 100).epb(0, fr).shb(magic, 1, 0, 0).idb(1, 200).epb(0, fr).b.Bytes(),
		// Section headers: the first one's trailer is not checked, later
		// ones only for their byte order and major version; before the
		// first interface they are skipped.
		"ng-shb-trailer":     (&ngBuf{}).shb(magic, 1, 0, 156).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-shb-minor-1":     ng().idb(1, 0).epb(0, fr).shb(magic, 1, 1, 0).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-shb-major-2":     ng().idb(1, 0).epb(0, fr).shb(magic, 2, 0, 0).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-shb-swapped":     ng().idb(1, 0).epb(0, fr).shb(0x4d3c2b1a, 1, 0, 0).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-shb-bad-magic":   ng().idb(1, 0).epb(0, fr).shb(0x12345678, 1, 0, 0).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-shb-short":       ng().idb(1, 0).epb(0, fr).block(0x0a0d0d0a, []byte{0x4d, 0x3c, 0x2b, 0x1a, 1, 0}, 0).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-shb-before-idb":  ng().shb(magic, 2, 0, 0).block(0x0a0d0d0a, []byte{0, 0}, 0).idb(1, 0).epb(0, fr).b.Bytes(),
		"ng-first-shb-huge":  (&ngBuf{}).block(0x0a0d0d0a, append([]byte{0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0}, make([]byte, 2<<20)...), 0).b.Bytes(),
		"ng-first-shb-short": {0x0a, 0x0d, 0x0d, 0x0a, 16, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0},
		// Interface Description Block options.
		"ng-opt-tsresol-len0":   ng().idb(1, 0, ngOpt(9)...).epb(0, fr).b.Bytes(),
		"ng-opt-tsresol-len2":   ng().idb(1, 0, ngOpt(9, 6, 6)...).epb(0, fr).b.Bytes(),
		"ng-opt-tsresol-twice":  ng().idb(1, 0, append(ngOpt(9, 6), ngOpt(9, 6)...)...).epb(0, fr).b.Bytes(),
		"ng-opt-tsresol-10-20":  ng().idb(1, 0, append(ngOpt(2, 'e', 't', 'h', '0'), ngOpt(9, 20)...)...).epb(0, fr).b.Bytes(),
		"ng-opt-tsresol-2-64":   ng().idb(1, 0, ngOpt(9, 0x80|64)...).epb(0, fr).b.Bytes(),
		"ng-opt-tsoffset-len4":  ng().idb(1, 0, ngOpt(14, 0, 0, 0, 1)...).epb(0, fr).b.Bytes(),
		"ng-opt-tsoffset-twice": ng().idb(1, 0, append(ngOpt(14, 1, 0, 0, 0, 0, 0, 0, 0), ngOpt(14, 1, 0, 0, 0, 0, 0, 0, 0)...)...).epb(0, fr).b.Bytes(),
		"ng-opt-end-len2":       ng().idb(1, 0, ngOpt(0, 'a', 'b')...).epb(0, fr).b.Bytes(),
		"ng-opt-cut":            ng().idb(1, 0, 9, 0, 8, 0).epb(0, fr).b.Bytes(),
		"ng-opt-later-idb":      ng().idb(1, 0).epb(0, fr).idb(1, 0, ngOpt(9)...).epb(1, fr).b.Bytes(),
		"ng-opt-after-end":      ng().idb(1, 0, append(ngOpt(0), 9, 0)...).epb(0, fr).b.Bytes(),
		// Binary time stamp resolutions: libpcap scales the fraction in
		// 64 bits, which wrap for fine ones.
		"ng-tsresol-2-63": ng().idb(1, 0, ngOpt(9, 0x80|63)...).epbAt(0, 1<<64-1, fr).epbAt(0, 0x123456789abcdef0, fr).epbAt(0, 12345, fr).b.Bytes(),
		"ng-tsresol-2-40": ng().idb(1, 0, ngOpt(9, 0x80|40)...).epbAt(0, 1<<64-1, fr).epbAt(0, 0x123456789abcdef0, fr).b.Bytes(),
		"ng-tsresol-2-6":  ng().idb(1, 0, ngOpt(9, 0x80|6)...).epbAt(0, 0x123456789abcdef0, fr).b.Bytes(),
	}
	// pcap: 0 and huge snapshot lengths stand for the link type's maximum;
	// a record longer than that maximum stops the file.
	rec := func(data []byte) pcapRec { return pcapRec{1000, 5, uint32(len(data)), uint32(len(data)), data} }
	pc := func(snap, lt uint32, recs ...pcapRec) []byte {
		return pcapFile{magic: 0xa1b2c3d4, major: 2, minor: 4, snaplen: snap, linkType: lt, recs: recs}.bytes()
	}
	m["pcap-snap-huge-over-max"] = pc(0x30303030, 1, rec(fr), rec(big), rec(fr))
	m["pcap-snap-300000"] = pc(300000, 1, rec(fr), rec(big[:280000]), rec(fr))
	m["pcap-snap-negative"] = pc(0x80000001, 1, rec(fr), rec(big[:280000]), rec(fr))
	m["pcap-dbus-snap-0"] = pc(0, 231, rec(fr), rec(big), rec(fr))
	m["pcap-dbus-snap-100"] = pc(100, 231, rec(fr), rec(big), rec(fr))
	m["pcap-cut-before-snap"] = pc(40, 1, rec(fr), rec(fr))[:24+16+len(fr)+16+20]
	// Kuznetzov's format: libpcap adds 14 to an Ethernet file's snapshot
	// length.
	kz := func(snap, lt uint32, pkts ...[]byte) []byte {
		b := pcapFile{magic: 0xa1b2cd34, major: 2, minor: 4, snaplen: snap, linkType: lt}.bytes()
		for _, p := range pkts {
			b = binary.LittleEndian.AppendUint32(b, 1000)
			b = binary.LittleEndian.AppendUint32(b, 5)
			b = binary.LittleEndian.AppendUint32(b, uint32(len(p)))
			b = binary.LittleEndian.AppendUint32(b, uint32(len(p)))
			b = append(b, make([]byte, 8)...)
			b = append(b, p...)
		}
		return b
	}
	m["kuznetzov-snap-60"] = kz(60, 1, fr, fr[:40])
	m["kuznetzov-snap-0"] = kz(0, 1, fr)
	m["kuznetzov-snap-max"] = kz(0x7ffffff8, 1, fr)
	m["kuznetzov-raw"] = kz(40, 101, fr[14:], fr[14:30])
	return m
}

// TestCaptureLimitsLikeTcpdump: for each file of limitInputs, gocap's
// exit status, output and messages match tcpdump's.
func TestCaptureLimitsLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	dir := t.TempDir()
	for name, data := range limitInputs() {
		in := filepath.Join(dir, name)
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, prec := range []string{"micro", "nano"} {
			args := []string{"-n", "--time-stamp-precision=" + prec, "-r", in}
			tc, to, te := runTcpdump(args...)
			gc, gout, ge := runGocap(t, nil, args...)
			if gc != tc || gout != to || ge != tcpdumpMessage(te) {
				t.Errorf("%s %s: exit %d\n%s%s\ntcpdump: exit %d\n%s%s", name, prec, gc, gout, ge, tc, to, tcpdumpMessage(te))
			}
		}
	}
}

// bePcap is a big-endian pcap file of link type lt holding pkts.
func bePcap(lt uint32, pkts ...[]byte) []byte {
	wires := make([]uint32, len(pkts))
	for i, p := range pkts {
		wires[i] = uint32(len(p))
	}
	return bePcapWire(lt, pkts, wires)
}

// bePcapWire is bePcap with the lengths on the wire given.
func bePcapWire(lt uint32, pkts [][]byte, wires []uint32) []byte {
	b := binary.BigEndian.AppendUint32(nil, 0xa1b2c3d4)
	b = binary.BigEndian.AppendUint16(b, 2)
	b = binary.BigEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.BigEndian.AppendUint32(b, 262144)
	b = binary.BigEndian.AppendUint32(b, lt)
	for i, p := range pkts {
		b = binary.BigEndian.AppendUint32(b, 1000)
		b = binary.BigEndian.AppendUint32(b, uint32(i))
		b = binary.BigEndian.AppendUint32(b, uint32(len(p)))
		b = binary.BigEndian.AppendUint32(b, wires[i])
		b = append(b, p...)
	}
	return b
}

// cut is pkt and its first n bytes, for every n of ns.
func cut(pkt []byte, ns ...int) [][]byte {
	out := [][]byte{pkt}
	for _, n := range ns {
		out = append(out, pkt[:n])
	}
	return out
}

// swappedInputs are big-endian captures of the link types whose
// pseudo-headers hold fields in the capturing host's byte order: libpcap
// turns those around before tcpdump prints (or writes) the packet. Some
// USB captures of either byte order have their length on the wire mended.
func swappedInputs() map[string][]byte {
	be := binary.BigEndian
	ip := []byte{0x45, 0, 0, 0x1c, 0, 0, 0, 0, 0x40, 1, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, 8, 0, 0xf7, 0xff, 0, 0, 0, 0}
	// NFLOG: the TLV lengths and types are in host order.
	tlv := func(typ uint16, v []byte) []byte {
		b := be.AppendUint16(nil, uint16(4+len(v)))
		b = be.AppendUint16(b, typ)
		b = append(b, v...)
		return append(b, make([]byte, (4-len(v)%4)%4)...)
	}
	nflog := append([]byte{2, 0, 0, 5}, tlv(1, []byte{8, 0, 1, 0})...)
	nflog = append(nflog, tlv(10, []byte("pfx\x00"))...)
	nflog = append(nflog, tlv(9, ip)...)
	nflogV1 := append([]byte{2, 1}, nflog[2:]...)
	// Linux USB: id, bus, time stamp, status and lengths in host order;
	// the mmapped header adds four fields and the isochronous descriptors.
	usb := func(transfer byte, mmapped bool, ndesc uint32) []byte {
		b := be.AppendUint64(nil, 0x1122334455667788)
		b = append(b, 'C', transfer, 0x81, 3)
		b = be.AppendUint16(b, 2)
		b = append(b, 0, 0)
		b = be.AppendUint64(b, 1000)
		b = be.AppendUint32(b, 5)
		b = be.AppendUint32(b, uint32(0xffffff8d))
		b = be.AppendUint32(b, 64)
		b = be.AppendUint32(b, 4)
		b = be.AppendUint32(b, 1)
		b = be.AppendUint32(b, ndesc)
		if mmapped {
			b = be.AppendUint32(b, 8)
			b = be.AppendUint32(b, 9)
			b = be.AppendUint32(b, 0x204)
			b = be.AppendUint32(b, ndesc)
			for i := range ndesc {
				b = be.AppendUint32(b, uint32(0xffffffee))
				b = be.AppendUint32(b, 16*i)
				b = be.AppendUint32(b, 16)
				b = be.AppendUint32(b, 0)
			}
		}
		return append(b, 0xde, 0xad, 0xbe, 0xef)
	}
	// Linux cooked captures of SocketCAN: the CAN ID is in host order.
	canFrame := be.AppendUint32(nil, 0x80000123)
	canFrame = append(canFrame, 4, 0, 0, 0, 1, 2, 3, 4)
	sll := func(proto uint16) []byte {
		b := []byte{0, 0, 0x01, 0x18, 0, 6, 0, 0, 0, 0, 0, 1, 0, 0}
		return append(be.AppendUint16(b, proto), canFrame...)
	}
	sll2 := func(proto uint16) []byte {
		b := be.AppendUint16(nil, proto)
		b = append(b, 0, 0, 0, 0, 0, 2, 0x01, 0x18, 0, 6, 0, 0, 0, 0, 0, 1, 0, 0)
		return append(b, canFrame...)
	}
	// pflog: uid, pid, rule_uid and rule_pid are in host order.
	pflog := func(hlen byte) []byte {
		b := []byte{hlen, 2, 0, 0}
		b = append(b, "eth0\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"...)
		b = append(b, make([]byte, 16)...)
		for _, v := range []uint32{7, 1, 1000, 4321, 0, 99} {
			b = be.AppendUint32(b, v)
		}
		b = append(b, 1, 0, 0, 0)
		if int(hlen) < len(b) {
			b = b[:hlen]
		}
		b = append(b, make([]byte, int(hlen)-len(b))...)
		return append(b, ip...)
	}
	m := map[string][]byte{
		"be-nflog":      bePcap(239, append(cut(nflog, 3, 6, 14, 20), nflogV1)...),
		"be-usb":        bePcap(189, append(cut(usb(2, false, 0), 7, 13, 20, 30, 39, 44), usb(0, false, 3))...),
		"be-usb-mmap":   bePcap(220, append(cut(usb(0, true, 2), 50, 58, 62, 70, 90, 100), usb(3, true, 0))...),
		"be-sll-can":    bePcap(113, append(cut(sll(0x000c), 15, 18), sll(0x000d), sll(0x000e), sll(0x0800))...),
		"be-sll2-can":   bePcap(276, append(cut(sll2(0x000c), 19, 22), sll2(0x000d), sll2(0x0800))...),
		"be-pflog":      bePcap(117, append(cut(pflog(64), 46, 50, 58), pflog(48), pflog(56))...),
		"be-pflog-long": bePcap(117, pflog(72)),
	}
	// Incoming isochronous USB completions whose length on the wire was
	// counted the old way (header, descriptors and the whole URB):
	// libpcap mends it from the descriptors, in either byte order. The
	// second descriptor's end wraps past 2^32, as libpcap's sum does.
	iso := func(order binary.AppendByteOrder, off2 uint32) []byte {
		b := order.AppendUint64(nil, 1)
		b = append(b, 'C', 0, 0x81, 3)
		b = order.AppendUint16(b, 1)
		b = append(b, 0, 0)
		b = order.AppendUint64(b, 1000)
		for _, v := range []uint32{5, 0, 100, 30, 0, 2, 8, 9, 0x204, 2} {
			b = order.AppendUint32(b, v)
		}
		for _, d := range [][2]uint32{{0, 10}, {off2, 20}} {
			b = order.AppendUint32(b, 0)
			b = order.AppendUint32(b, d[0])
			b = order.AppendUint32(b, d[1])
			b = order.AppendUint32(b, 0)
		}
		return append(b, make([]byte, 30)...)
	}
	oldLen := uint32(64 + 2*16 + 100)
	m["be-usb-iso-length"] = bePcapWire(220, [][]byte{iso(be, 50), iso(be, 0xfffffff0), iso(be, 50)}, []uint32{oldLen, oldLen, 500})
	le := binary.LittleEndian
	var lrecs []pcapRec
	for i, p := range [][]byte{iso(le, 50), iso(le, 0xfffffff0), iso(le, 50), iso(le, 50)[:70]} {
		w := []uint32{oldLen, oldLen, 500, oldLen}[i]
		lrecs = append(lrecs, pcapRec{1000, uint32(i), uint32(len(p)), w, p})
	}
	m["le-usb-iso-length"] = pcapFile{magic: 0xa1b2c3d4, major: 2, minor: 4, snaplen: 262144, linkType: 220, recs: lrecs}.bytes()
	// Time stamps: after the byte swap libpcap holds the seconds and the
	// fraction unsigned, so that past 2038 stays there and an impossible
	// nanosecond fraction divides as a positive number.
	stamps := func(magic uint32) []byte {
		b := be.AppendUint32(nil, magic)
		b = be.AppendUint16(b, 2)
		b = be.AppendUint16(b, 4)
		b = append(b, make([]byte, 8)...)
		b = be.AppendUint32(b, 262144)
		b = be.AppendUint32(b, 101)
		for _, ts := range [][2]uint32{{0x80000001, 5}, {0xfffffff0, 999999}, {1000, 0x80000000}, {1000, 0xfffffff0}, {1000, 2000000}} {
			b = be.AppendUint32(b, ts[0])
			b = be.AppendUint32(b, ts[1])
			b = be.AppendUint32(b, uint32(len(ip)))
			b = be.AppendUint32(b, uint32(len(ip)))
			b = append(b, ip...)
		}
		return b
	}
	m["be-stamps-micro"] = stamps(0xa1b2c3d4)
	m["be-stamps-nano"] = stamps(0xa1b23c4d)
	return m
}

// TestSwappedPseudoHeadersLikeTcpdump: big-endian captures of those link
// types print, in hex too, as tcpdump prints them, and a -w copy holds
// the same bytes as tcpdump's.
func TestSwappedPseudoHeadersLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	dir := t.TempDir()
	for name, data := range swappedInputs() {
		in := filepath.Join(dir, name)
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, flags := range [][]string{{"-n", "-x"}, {"-n", "-e", "-vvv", "-x"}, {"-n", "-tttt", "--time-stamp-precision=nano"}, {"-n", "-tt"}} {
			args := append(flags, "-r", in)
			tc, to, te := runTcpdump(args...)
			gc, gout, ge := runGocap(t, nil, args...)
			if gc != tc || gout != to || ge != tcpdumpMessage(te) {
				t.Errorf("%s %v: exit %d\n%s%s\ntcpdump: exit %d\n%s%s", name, flags, gc, gout, ge, tc, to, tcpdumpMessage(te))
			}
		}
		tOut, gOut := in+".t", in+".g"
		runTcpdump("-r", in, "-w", tOut)
		runGocap(t, nil, "-r", in, "-w", gOut)
		want, werr := os.ReadFile(tOut)
		got, gerr := os.ReadFile(gOut)
		if werr != nil || gerr != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: -w copy differs from tcpdump's (errors %v, %v)", name, gerr, werr)
		}
	}
}

package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// writeStampFile writes a pcap file (microsecond or nanosecond magic, in
// byte order le) of one ARP request at each of the given raw time stamps,
// seconds and fraction as the file holds them.
func writeStampFile(t *testing.T, name string, nano bool, le binary.AppendByteOrder, stamps [][2]uint32) string {
	t.Helper()
	arp := []byte{
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x06,
		0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, 0x02, 0x11, 0x22, 0x33, 0x44, 0x55,
		192, 168, 0, 1, 0, 0, 0, 0, 0, 0, 192, 168, 0, 2,
	}
	magic := uint32(0xa1b2c3d4)
	if nano {
		magic = 0xa1b23c4d
	}
	b := le.AppendUint32(nil, magic)
	b = le.AppendUint16(b, 2)
	b = le.AppendUint16(b, 4)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 65535)
	b = le.AppendUint32(b, 1)
	for _, s := range stamps {
		b = le.AppendUint32(b, s[0])
		b = le.AppendUint32(b, s[1])
		b = le.AppendUint32(b, uint32(len(arp)))
		b = le.AppendUint32(b, uint32(len(arp)))
		b = append(b, arp...)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTimestampsSignedLikeTcpdump checks the time column on pcap time
// stamps that libpcap 1.10.3 reads as negative (seconds with bit 31 set,
// fractions past 2^31), going backwards and forwards across 2038, in
// every -t form: the offsets of -ttt and -ttttt compare and subtract them
// as signed numbers, as tcpdump's do.
func TestTimestampsSignedLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	micro := writeStampFile(t, "micro.pcap", false, binary.LittleEndian, [][2]uint32{
		{0x7fffffff, 999999}, {0x80000000, 0}, {0xffffffff, 999999}, {1, 1000000},
		{2, 0xffffffff}, {0, 0}, {0x80000001, 5}, {0x7ffffffe, 1},
	})
	nano := writeStampFile(t, "nano.pcap", true, binary.LittleEndian, [][2]uint32{
		{0x7fffffff, 999999999}, {0xffffffff, 999999999}, {1, 1000000000}, {2, 0xffffffff},
		{0x80000000, 1}, {3, 0x80000000},
	})
	timestampsLikeTcpdump(t, micro)
	timestampsLikeTcpdump(t, nano)
}

// TestTimestampsSwappedLikeTcpdump: in a file of the other byte order
// libpcap's byte swap leaves the seconds and the fraction unsigned, and
// the fraction is scaled in a C long (a microsecond fraction of 5,000,000
// is 5,000,000,000 nanoseconds with --nano): the offsets of -ttt and
// -ttttt show it.
func TestTimestampsSwappedLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	stamps := [][2]uint32{
		{1000, 5}, {1000, 0x90000000}, {1001, 0xfffffff0}, {1002, 3000000}, {0x90000000, 7},
		{1003, 5000000}, {1003, 999999999}, {1004, 0xffffffff}, {1005, 1},
	}
	for _, c := range []struct {
		name  string
		nano  bool
		order binary.AppendByteOrder
	}{{"be-micro.pcap", false, binary.BigEndian}, {"be-nano.pcap", true, binary.BigEndian}, {"le-micro.pcap", false, binary.LittleEndian}, {"le-nano.pcap", true, binary.LittleEndian}} {
		timestampsLikeTcpdump(t, writeStampFile(t, c.name, c.nano, c.order, stamps))
	}
}

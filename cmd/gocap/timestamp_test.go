package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// writeStampFile writes a pcap file (microsecond or nanosecond magic) of
// one ARP request at each of the given raw time stamps, seconds and
// fraction as the file holds them.
func writeStampFile(t *testing.T, name string, nano bool, stamps [][2]uint32) string {
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
	le := binary.LittleEndian
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
	micro := writeStampFile(t, "micro.pcap", false, [][2]uint32{
		{0x7fffffff, 999999}, {0x80000000, 0}, {0xffffffff, 999999}, {1, 1000000},
		{2, 0xffffffff}, {0, 0}, {0x80000001, 5}, {0x7ffffffe, 1},
	})
	nano := writeStampFile(t, "nano.pcap", true, [][2]uint32{
		{0x7fffffff, 999999999}, {0xffffffff, 999999999}, {1, 1000000000}, {2, 0xffffffff},
		{0x80000000, 1}, {3, 0x80000000},
	})
	timestampsLikeTcpdump(t, micro)
	timestampsLikeTcpdump(t, nano)
}

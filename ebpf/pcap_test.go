package ebpf

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// tcpdumpPcaps is the directory of real captures in ../shared.
const tcpdumpPcaps = "../../shared/corpus/tcpdump-pcaps"

// readPcap returns the captured bytes of each record of a classic pcap file
// whose link type is Ethernet, or nil for any other file (pcapng, other link
// types, damaged headers). Damaged trailing records end the list.
func readPcap(path string) [][]byte {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 24 {
		return nil
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		bo = binary.LittleEndian
	case 0xd4c3b2a1, 0x4d3cb2a1:
		bo = binary.BigEndian
	default:
		return nil
	}
	if bo.Uint32(b[20:]) != 1 { // LINKTYPE_ETHERNET
		return nil
	}
	var pkts [][]byte
	for p := b[24:]; len(p) >= 16; {
		n := int(bo.Uint32(p[8:]))
		if n < 0 || n > len(p)-16 || n > 1<<18 {
			break
		}
		pkts = append(pkts, p[16:16+n])
		p = p[16+n:]
	}
	return pkts
}

// ethernetPackets returns the packets of every Ethernet capture in
// ../shared/corpus/tcpdump-pcaps, skipping the test if the corpus is absent
// and failing it if the corpus holds none.
func ethernetPackets(tb testing.TB) [][]byte {
	tb.Helper()
	if _, err := os.Stat(tcpdumpPcaps); err != nil {
		tb.Skipf("captures not found at %s (../shared is absent); skipping", tcpdumpPcaps)
	}
	files, err := filepath.Glob(filepath.Join(tcpdumpPcaps, "*.pcap"))
	if err != nil {
		tb.Fatal(err)
	}
	var pkts [][]byte
	for _, f := range files {
		pkts = append(pkts, readPcap(f)...)
	}
	if len(pkts) == 0 {
		tb.Fatalf("no Ethernet packets in %s", tcpdumpPcaps)
	}
	return pkts
}

package ebpf_test

import (
	"path/filepath"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/savefile"
	"github.com/gocap/gocap/translate"
)

// benchFilters are the filters of bench/vm-filters.txt, the set bench/vm.sh
// times against libpcap's interpreter.
var benchFilters = []string{
	"tcp port 80",
	"ip host 10.0.0.1",
	"udp and dst port 53",
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
	"ip6 and tcp",
	"vlan and ip",
	"not arp",
	"net 192.168.0.0/16 and (tcp or udp)",
	"len > 100",
	"len <= 60",
	"len == 60",
	"less 64",
	"less 128",
	"greater 100",
	"greater 1000",
	"len >= 54 and len < 1500",
	"tcp and len > 100",
	"ip and less 128",
	"udp and greater 200",
	"not less 100",
}

// BenchmarkSocketFilters runs each of benchFilters, compiled by cbpf with
// the optimizer on and translated for the socket target, over the Ethernet
// packets of the shared captures; one operation is one packet, so ns/op is
// ns/packet. bench/vm.sh gives the same figures next to libpcap's.
//
//	go test -run '^$' -bench SocketFilters ./ebpf
func BenchmarkSocketFilters(b *testing.B) {
	pkts := benchPackets(b)
	for _, expr := range benchFilters {
		prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true, Offline: true})
		if err != nil {
			b.Fatal(err)
		}
		insns, err := translate.SocketFilter(prog)
		if err != nil {
			b.Fatal(err)
		}
		vm, err := ebpf.NewVM(insns)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(expr, func(b *testing.B) {
			skb := &ebpf.SKBuff{}
			i := 0
			for b.Loop() {
				p := pkts[i]
				if i++; i == len(pkts) {
					i = 0
				}
				skb.Len = uint32(len(p))
				if _, err := vm.RunSocket(p, skb); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchPackets returns the records of the Ethernet *.pcap captures of
// ../shared/corpus/tcpdump-pcaps, skipping the benchmark when they are absent.
func benchPackets(b *testing.B) [][]byte {
	dir := "../../shared/corpus/tcpdump-pcaps"
	files, _ := filepath.Glob(filepath.Join(dir, "*.pcap"))
	if len(files) == 0 {
		b.Skipf("captures not found at %s (../shared is absent); skipping", dir)
	}
	var pkts [][]byte
	for _, f := range files {
		r, recs, _ := savefile.ReadFile(f, savefile.Micro)
		if r == nil || r.LinkType() != cbpf.LinkEN10MB {
			continue
		}
		for _, p := range recs {
			pkts = append(pkts, p.Data)
		}
	}
	if len(pkts) == 0 {
		b.Fatalf("no Ethernet packets in %s", dir)
	}
	return pkts
}

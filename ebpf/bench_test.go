package ebpf

import (
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/internal/bpfctx"
)

// BenchmarkRunTCPPort80 measures one filter run per operation (ns/op is
// ns/packet) for `tcp port 80` over the Ethernet packets of the shared
// captures, cycling through them: this VM as a socket filter (LD_ABS/LD_IND)
// and with direct packet access (XDP), and golang.org/x/net/bpf's VM running
// libpcap's classic program, for comparison.
//
//	go test -run '^$' -bench RunTCPPort80 ./ebpf
func BenchmarkRunTCPPort80(b *testing.B) {
	pkts := ethernetPackets(b)
	b.Run("socket", func(b *testing.B) {
		vm, err := NewVM(tcpPort80Socket())
		if err != nil {
			b.Fatal(err)
		}
		skb := &SKBuff{}
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			p := pkts[i%len(pkts)]
			skb.Len = uint32(len(p))
			if _, err := vm.RunSocket(p, skb); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xdp", func(b *testing.B) {
		vm, err := NewVM(tcpPort80Direct(bpfctx.XDPData, bpfctx.XDPDataEnd))
		if err != nil {
			b.Fatal(err)
		}
		md := &XDPMD{}
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			if _, err := vm.RunXDP(pkts[i%len(pkts)], md); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("x-net-bpf", func(b *testing.B) {
		vm, err := bpf.NewVM(tcpPort80Classic)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			if _, err := vm.Run(pkts[i%len(pkts)]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

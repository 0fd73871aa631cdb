package ebpf

import (
	"math/rand/v2"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/internal/bpfctx"
)

// TestTCPPort80Differential runs `tcp port 80` over every Ethernet packet of
// the shared captures, and over truncations and random mutations of them, in
// golang.org/x/net/bpf's classic VM (running libpcap's program) and in this
// VM as a socket filter (LD_ABS/LD_IND) and with direct packet access (XDP
// and TC contexts). All must give the same verdict.
func TestTCPPort80Differential(t *testing.T) {
	pkts := ethernetPackets(t)
	ref, err := bpf.NewVM(tcpPort80Classic)
	if err != nil {
		t.Fatal(err)
	}
	sock, err := NewVM(tcpPort80Socket())
	if err != nil {
		t.Fatal(err)
	}
	xdp, err := NewVM(tcpPort80Direct(bpfctx.XDPData, bpfctx.XDPDataEnd))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := NewVM(tcpPort80Direct(bpfctx.SKBData, bpfctx.SKBDataEnd))
	if err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(1, 2))
	var inputs [][]byte
	for _, p := range pkts {
		inputs = append(inputs, p)
		for _, n := range []int{0, 13, 14, 21, 24, 34, 35, 36, 37, 54, 55, 56, 57} {
			if n < len(p) {
				inputs = append(inputs, p[:n])
			}
		}
		if len(p) > 0 {
			m := append([]byte(nil), p...)
			for range 3 {
				m[rng.IntN(len(m))] = byte(rng.IntN(256))
			}
			inputs = append(inputs, m)
		}
	}

	accepted := 0
	for i, p := range inputs {
		want, err := ref.Run(p)
		if err != nil {
			t.Fatalf("input %d: x/net/bpf: %v", i, err)
		}
		if want != 0 {
			accepted++
		}
		got, err := sock.RunSocket(p, nil)
		if err != nil || int(got) != want {
			t.Fatalf("input %d (% x): socket filter = %d, %v; x/net/bpf = %d", i, p, got, err, want)
		}
		got, err = xdp.RunXDP(p, nil)
		if err != nil || int(got) != want {
			t.Fatalf("input %d (% x): XDP = %d, %v; x/net/bpf = %d", i, p, got, err, want)
		}
		got, err = tc.RunSocket(p, nil)
		if err != nil || int(got) != want {
			t.Fatalf("input %d (% x): TC = %d, %v; x/net/bpf = %d", i, p, got, err, want)
		}
	}
	if accepted == 0 || accepted == len(inputs) {
		t.Fatalf("%d of %d inputs accepted: the comparison is not discriminating", accepted, len(inputs))
	}
	t.Logf("%d inputs (%d captured packets), %d accepted, all four agree", len(inputs), len(pkts), accepted)
}

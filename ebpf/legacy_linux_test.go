package ebpf_test

import (
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// TestLegacySpecialOffsetsKernel checks the legacy loads at Linux's special
// offsets, SKF_LL_OFF+k and SKF_NET_OFF+k, absolute, indexed and in
// ldxb 4*([k]&0xf), against
// the kernel: the socket-filter translation of each classic program is
// test-run as a SchedCLS program (the frame from its link-layer header,
// the network header 14 bytes in, as eth_type_trans leaves it), and the
// VM, given NetworkOffset 14, must return what the kernel returns; so
// must cbpf.VM with the same network offset.
func TestLegacySpecialOffsetsKernel(t *testing.T) {
	requireBPF(t)
	const (
		ll  = 0xffe00000 // SKF_LL_OFF
		net = 0xfff00000 // SKF_NET_OFF
	)
	// An Ethernet frame with an IPv4 header and 8 bytes of UDP.
	pkt := []byte{
		0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00,
		0x45, 0x00, 0x00, 0x1c, 0x12, 0x34, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
		10, 0, 0, 1, 10, 0, 0, 2,
		0x00, 0x35, 0x04, 0xd2, 0x00, 0x08, 0x00, 0x00,
	}
	retA := bpf.RawInstruction{Op: 0x16}
	var progs [][]bpf.RawInstruction
	for _, op := range []uint16{0x20, 0x28, 0x30} { // ld, ldh, ldb [k]
		for _, k := range []uint32{ll, ll + 12, ll + 38, ll + 39, ll + 41, ll + 42, net, net + 9, net + 24, net + 27, net + 28, net - 1, net + 0xff000, 0xfffff000 - 4} {
			progs = append(progs, []bpf.RawInstruction{{Op: op, K: k}, retA})
		}
	}
	for _, k := range []uint32{ll + 14, ll + 41, ll + 42, net, net + 20, net + 28, net - 1} { // ldxb 4*([k]&0xf)
		progs = append(progs, []bpf.RawInstruction{{Op: 0xb1, K: k}, {Op: 0x87}, {Op: 0x04, K: 1}, retA})
	}
	for _, op := range []uint16{0x40, 0x48, 0x50} { // ld, ldh, ldb [x + k]
		for _, xk := range [][2]uint32{{0, ll + 12}, {12, ll}, {ll, 12}, {net, 9}, {9, net}, {0xffffffff, net + 10}, {30, net}, {2, ll + 40}} {
			progs = append(progs, []bpf.RawInstruction{{Op: 0x01, K: xk[0]}, {Op: op, K: xk[1]}, retA})
		}
	}
	read := 0
	for _, raw := range progs {
		prog := cbpf.Typed(raw)
		listing, _ := cbpf.Format(prog)
		insns, err := translate.SocketFilter(prog)
		if err != nil {
			t.Fatalf("%s: %v", listing, err)
		}
		kp, err := ebpf.LoadSchedCLS(insns)
		if err != nil {
			t.Fatalf("%s: %v", listing, err)
		}
		want, err := ebpf.TestRun(kp, pkt)
		kp.Close()
		if err != nil {
			t.Fatalf("%s: %v", listing, err)
		}
		if want != 0 {
			read++
		}
		vm, err := ebpf.NewVM(insns)
		if err != nil {
			t.Fatal(err)
		}
		got, err := vm.RunSocket(pkt, &ebpf.SKBuff{Len: uint32(len(pkt)), Protocol: 0x0800, NetworkOffset: 14})
		if err != nil || got != want {
			t.Errorf("%s: VM gives %#x (%v), the kernel %#x", listing, got, err, want)
		}
		ref, err := cbpf.NewVM(prog)
		if err != nil {
			t.Fatal(err)
		}
		if c := ref.Run(pkt, uint32(len(pkt)), &cbpf.Ancillary{Protocol: 0x0800, NetworkOffset: 14}); c != want {
			t.Errorf("%s: cbpf.VM gives %#x, the kernel %#x", listing, c, want)
		}
	}
	t.Logf("%d programs agree with the kernel, %d of them reading the packet", len(progs), read)
	if read < len(progs)/3 {
		t.Errorf("only %d programs read the packet: the offsets no longer test what they should", read)
	}
}

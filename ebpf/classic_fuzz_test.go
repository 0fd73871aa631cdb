package ebpf

import (
	"errors"
	"testing"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/classicgen"
	"github.com/gocap/gocap/translate"
)

// Classic programs nobody's compiler wrote: the corpus differential
// (golden/diff_test.go) runs translations of what cbpf's code generator
// emits, but translate also takes any program a user hands it (a
// `tcpdump -dd` listing, a filter built with x/net/bpf's assembler). These
// tests build valid classic programs of every opcode from arbitrary bytes
// and require every translation, run in this package's VM, to give the
// classic reference interpreter's verdict.

// FuzzTranslatedClassic runs the socket, TC and XDP translations of a
// classic program built from arbitrary bytes (classicgen.Program) over a packet
// with the given ancillary values and requires each to give cbpf.VM's
// verdict: the whole value for the socket body, pass or drop for TC and
// XDP. A program cbpf.NewVM accepts must translate for the socket and TC
// targets but for hatype and the netlink attributes, which no __sk_buff
// field holds; XDP may refuse
// the other sk_buff-only ancillary fields (translate.ErrUnsupported).
func FuzzTranslatedClassic(f *testing.F) {
	f.Add([]byte{1, 0, 0, 4, 12, 0, 0, 0, 45, 0, 1, 0, 0, 8, 0, 0, 56, 0, 0, 1, 255, 255, 0, 0}, []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x08\x00\x45\x00\x00\x28"), uint64(0))
	f.Add([]byte{13, 0, 0, 4, 14, 0, 0, 0, 4, 0, 0, 4, 16, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0}, make([]byte, 60), uint64(0x0800_0003_0001))
	f.Add([]byte{0, 0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 40, 0, 0, 0}, make([]byte, 20), uint64(7))
	f.Fuzz(func(t *testing.T, code, pkt []byte, ancBits uint64) {
		raw := classicgen.Program(code)
		prog := cbpf.Typed(raw)
		ref, err := cbpf.NewVM(prog)
		if err != nil {
			return
		}
		anc := cbpf.Ancillary{
			Protocol: uint16(ancBits), PktType: uint8(ancBits>>16) % 8, Ifindex: uint32(ancBits>>20) % 16,
			Mark: uint32(ancBits >> 24), Queue: uint16(ancBits >> 32), RxHash: uint32(ancBits >> 40),
			VLANPresent: ancBits>>48&1 != 0, VLANTCI: uint16(ancBits >> 49), VLANProto: 0x8100,
		}
		if !anc.VLANPresent {
			anc.VLANTCI, anc.VLANProto = 0, 0
		}
		anc.NetworkOffset = uint32(ancBits>>58) % 24
		// The direct targets read no network header: SKF_NET_OFF loads
		// drop, as the reference's do with the header out of reach.
		direct := anc
		direct.NetworkOffset = 1 << 30
		xdpAnc := cbpf.Ancillary{Ifindex: anc.Ifindex, Queue: anc.Queue, NetworkOffset: 1 << 30}
		n := uint32(len(pkt))
		want := ref.Run(pkt, n, &anc)
		wantTC := ref.Run(pkt, n, &direct)
		wantXDP := ref.Run(pkt, n, &xdpAnc)
		helpers := []Option{
			WithHelper(int32(asm.FnGetSmpProcessorId), func(_, _, _, _, _ uint64) (uint64, error) { return 0, nil }),
			WithHelper(int32(asm.FnGetPrandomU32), func(_, _, _, _, _ uint64) (uint64, error) { return 0, nil }),
			WithHelper(int32(asm.FnXdpGetBuffLen), func(_, _, _, _, _ uint64) (uint64, error) { return uint64(n), nil }),
		}
		present := uint32(0)
		if anc.VLANPresent {
			present = 1
		}
		skb := &SKBuff{
			Len: n, PktType: uint32(anc.PktType), Mark: anc.Mark, QueueMapping: uint32(anc.Queue),
			Protocol: anc.Protocol, VLANPresent: present, VLANTCI: uint32(anc.VLANTCI), VLANProto: anc.VLANProto,
			Ifindex: anc.Ifindex, Hash: anc.RxHash, NetworkOffset: anc.NetworkOffset,
		}
		for _, target := range []translate.Target{0, translate.TC, translate.XDP} {
			var insns asm.Instructions
			if target == 0 {
				insns, err = translate.SocketFilter(prog)
			} else {
				insns, err = translate.Direct(prog, target)
			}
			if errors.Is(err, translate.ErrUnsupported) && (target == translate.XDP || classicgen.LoadsAncillary(raw, 12, 16, 28)) { // nlattr, nlattr_nest, hatype: no __sk_buff field
				continue
			}
			if err != nil {
				t.Fatalf("translate for %v: %v\n%s", target, err, classicListing(raw))
			}
			vm, err := NewVM(insns, helpers...)
			if err != nil {
				t.Fatalf("the VM refuses the %v translation: %v\n%s", target, err, classicListing(raw))
			}
			var got, w uint32
			switch target {
			case 0:
				got, err = vm.RunSocket(pkt, skb)
				w = want
			case translate.TC:
				got, err = vm.RunSocket(pkt, skb)
				w = translate.TCActShot
				if wantTC != 0 {
					w = translate.TCActOK
				}
			case translate.XDP:
				got, err = vm.RunXDP(append([]byte(nil), pkt...), &XDPMD{IngressIfindex: xdpAnc.Ifindex, RxQueueIndex: uint32(xdpAnc.Queue)})
				w = translate.XDPDrop
				if wantXDP != 0 {
					w = translate.XDPPass
				}
			}
			checkSameAsExec(t, target.String(), vm, pkt)
			if err == nil && got != w && target != 0 && got == dropOf(target) && directDropsIndexed(raw, pkt, &direct) {
				continue // documented: direct targets drop negative [x + k] offsets
			}
			if err != nil || got != w {
				t.Fatalf("%v translation gives %d (err %v), cbpf.VM %d on %d bytes % x, %+v\n%s", target, got, err, w, n, pkt, anc, classicListing(raw))
			}
		}
	})
}

// dropOf is the drop verdict of a direct target.
func dropOf(target translate.Target) uint32 {
	if target == translate.XDP {
		return translate.XDPDrop
	}
	return translate.TCActShot
}

// directDropsIndexed reports whether the direct targets' documented
// difference explains a drop: their [x + k] loads drop when X + k is
// negative as a 32-bit value or wraps around 2^32 (translate's doc.go),
// where the kernel reads a special offset or the wrapped one. libpcap's
// interpreter, which never wraps, then rejects the packet too.
func directDropsIndexed(raw []bpf.RawInstruction, pkt []byte, anc *cbpf.Ancillary) bool {
	indexed := false
	for _, in := range raw {
		indexed = indexed || in.Op == 0x40 || in.Op == 0x48 || in.Op == 0x50
	}
	if !indexed {
		return false
	}
	vm, err := cbpf.NewVMLibpcap(cbpf.Typed(raw))
	return err == nil && vm.Run(pkt, uint32(len(pkt)), anc) == 0
}

// classicListing is the program as tcpdump -d prints it, for failures.
func classicListing(raw []bpf.RawInstruction) string {
	s, err := cbpf.Format(cbpf.Typed(raw))
	if err != nil {
		return err.Error()
	}
	return s
}

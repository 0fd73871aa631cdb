package ebpf

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// Classic programs nobody's compiler wrote: the corpus differential
// (golden/diff_test.go) runs translations of what cbpf's code generator
// emits, but translate also takes any program a user hands it (a
// `tcpdump -dd` listing, a filter built with x/net/bpf's assembler). These
// tests build valid classic programs of every opcode from arbitrary bytes
// and require every translation, run in this package's VM, to give the
// classic reference interpreter's verdict.

// classicOps are the opcodes the kernel's classic checker accepts, each
// with what its k is (see classicProgram).
var classicOps = []struct {
	op uint16
	k  byte // 'a' packet offset, 'm' scratch slot, 'j' jump, 'k' any constant, 'd' divisor, 's' shift, 0 unused
}{
	{0x20, 'a'}, {0x28, 'a'}, {0x30, 'a'}, // ld/ldh/ldb [k]
	{0x40, 'a'}, {0x48, 'a'}, {0x50, 'a'}, // ld/ldh/ldb [x+k]
	{0x80, 0}, {0x00, 'k'}, {0x60, 'm'}, // ld len, ld #k, ld M[k]
	{0x01, 'k'}, {0x61, 'm'}, {0x81, 0}, {0xb1, 'a'}, // ldx #k, ldx M[k], ldx len, ldxb 4*([k]&0xf)
	{0x02, 'm'}, {0x03, 'm'}, // st, stx
	{0x04, 'k'}, {0x14, 'k'}, {0x24, 'k'}, {0x34, 'd'}, {0x44, 'k'}, {0x54, 'k'}, {0x64, 's'}, {0x74, 's'}, {0x94, 'd'}, {0xa4, 'k'},
	{0x0c, 0}, {0x1c, 0}, {0x2c, 0}, {0x3c, 0}, {0x4c, 0}, {0x5c, 0}, {0x6c, 0}, {0x7c, 0}, {0x9c, 0}, {0xac, 0}, {0x84, 0},
	{0x05, 'j'}, {0x15, 'k'}, {0x25, 'k'}, {0x35, 'k'}, {0x45, 'k'}, {0x1d, 0}, {0x2d, 0}, {0x3d, 0}, {0x4d, 0},
	{0x06, 'k'}, {0x16, 0}, {0x07, 0}, {0x87, 0},
}

// classicAncillary are the SKF_AD_OFF offsets every target but XDP
// translates (hatype, poff and the netlink ones have no __sk_buff field).
var classicAncillary = []uint32{0, 4, 8, 20, 24, 32, 36, 40, 44, 48, 56, 60}

// classicProgram turns b, 8 bytes an instruction, into a classic program
// of at most 64 instructions that is valid by construction (or nearly:
// cbpf.NewVM has the last word). Byte 0 picks the opcode, bytes 1 and 2
// the jump offsets (kept inside the program), bytes 3 to 7 the constant:
// packet offsets are mostly small, sometimes an ancillary or a
// SKF_NET_OFF/SKF_LL_OFF offset or anything; the program ends in a return.
func classicProgram(b []byte) []bpf.RawInstruction {
	var prog []bpf.RawInstruction
	for len(b) >= 8 && len(prog) < 63 {
		o := classicOps[int(b[0])%len(classicOps)]
		k := binary.LittleEndian.Uint32(b[4:8])
		switch o.k {
		case 'a':
			switch b[3] % 8 {
			case 0:
				k = 0xfffff000 + classicAncillary[int(k)%len(classicAncillary)]
			case 1:
				k = 0xfff00000 + k%64 // SKF_NET_OFF
			case 2:
				k = 0xffe00000 + k%64 // SKF_LL_OFF
			case 3:
				// any offset
			default:
				k %= 80
			}
		case 'm':
			k %= 16
		case 'd':
			if k == 0 || b[3]%2 == 0 {
				k = k%16 + 1
			}
		case 's':
			if b[3]%4 != 0 {
				k %= 40
			}
		case 'k':
			if b[3]%2 == 0 {
				k %= 256
			}
		case 0:
			k = 0
		}
		in := bpf.RawInstruction{Op: o.op, K: k}
		if o.op&0x07 == 0x05 { // jumps stay inside the program
			room := uint32(62 - len(prog))
			if o.k == 'j' {
				in.K = k % (room + 1)
			} else {
				in.Jt = b[1] % uint8(room+1)
				in.Jf = b[2] % uint8(room+1)
			}
		}
		prog = append(prog, in)
		b = b[8:]
	}
	return append(prog, bpf.RawInstruction{Op: 0x16}) // ret a
}

// FuzzTranslatedClassic runs the socket, TC and XDP translations of a
// classic program built from arbitrary bytes (classicProgram) over a packet
// with the given ancillary values and requires each to give cbpf.VM's
// verdict: the whole value for the socket body, pass or drop for TC and
// XDP. A program cbpf.NewVM accepts must translate for the socket and TC
// targets; XDP may refuse the sk_buff-only ancillary fields
// (translate.ErrUnsupported).
func FuzzTranslatedClassic(f *testing.F) {
	f.Add([]byte{1, 0, 0, 4, 12, 0, 0, 0, 45, 0, 1, 0, 0, 8, 0, 0, 56, 0, 0, 1, 255, 255, 0, 0}, []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x08\x00\x45\x00\x00\x28"), uint64(0))
	f.Add([]byte{13, 0, 0, 4, 14, 0, 0, 0, 4, 0, 0, 4, 16, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0}, make([]byte, 60), uint64(0x0800_0003_0001))
	f.Add([]byte{0, 0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 40, 0, 0, 0}, make([]byte, 20), uint64(7))
	f.Fuzz(func(t *testing.T, code, pkt []byte, ancBits uint64) {
		raw := classicProgram(code)
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
			if target == translate.XDP && errors.Is(err, translate.ErrUnsupported) {
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

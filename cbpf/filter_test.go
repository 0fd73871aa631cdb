package cbpf_test

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
)

// A DLT_NULL packet from macOS carries AF_INET6 as 30, here in the other
// byte order. A savefile filter must match it (libpcap checks every BSD's
// AF_INET6 in both orders offline); Compile with Options left at their
// zero values (a live filter: Linux's AF_INET6 in host order only) does
// not: that was the trap.
func TestCompileFileDLTNullOtherByteOrder(t *testing.T) {
	pkt := make([]byte, 44)
	var foreign binary.ByteOrder = binary.BigEndian
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		foreign = binary.LittleEndian
	}
	foreign.PutUint32(pkt, 30) // AF_INET6 as macOS numbers it
	pkt[4] = 0x60
	ci := gopacket.CaptureInfo{CaptureLength: len(pkt), Length: len(pkt)}

	for _, order := range []binary.ByteOrder{nil, binary.BigEndian, binary.LittleEndian} {
		f, err := cbpf.CompileFile("ip6", uint32(layers.LinkTypeNull), 65535, order)
		if err != nil {
			t.Fatal(err)
		}
		if !f.Matches(ci, pkt) {
			t.Errorf("order %v: CompileFile's filter misses a byte-swapped DLT_NULL IPv6 packet", order)
		}
		if !f.Options.Offline || !f.Options.Optimize {
			t.Errorf("order %v: options %+v: want Offline and Optimize", order, f.Options)
		}
		wantSwapped := order != nil && order.Uint16([]byte{1, 0}) != binary.NativeEndian.Uint16([]byte{1, 0})
		if f.Options.Swapped != wantSwapped {
			t.Errorf("order %v: Swapped = %v, want %v", order, f.Options.Swapped, wantSwapped)
		}
	}

	prog, err := cbpf.Compile("ip6", cbpf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vm, err := cbpf.NewVMLibpcap(prog)
	if err != nil {
		t.Fatal(err)
	}
	if vm.Run(pkt, uint32(len(pkt)), nil) != 0 {
		t.Error("a live DLT_NULL filter matches the swapped packet: the test no longer shows the difference")
	}
}

func TestCompileFileLinkTypes(t *testing.T) {
	// LINKTYPE_RAW (101) is DLT_RAW (12); FCS bits above bit 25 are dropped.
	for _, v := range []uint32{101, 101 | 0x14000000} {
		f, err := cbpf.CompileFile("ip", v, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.Options.LinkType != cbpf.LinkRaw {
			t.Errorf("file link type %#x: compiled for %v, want RAW", v, f.Options.LinkType)
		}
		if f.Options.Snaplen != 0 || !f.Options.NetmaskSet || f.Options.Netmask != 0 {
			t.Errorf("file link type %#x: options %+v", v, f.Options)
		}
	}
}

func TestCompileLiveNeedsLinkType(t *testing.T) {
	if _, err := cbpf.CompileLive("tcp", 0, 0); !errors.Is(err, cbpf.ErrNoLinkType) {
		t.Errorf("CompileLive with link type 0: %v, want ErrNoLinkType", err)
	}
	f, err := cbpf.CompileLive("tcp", cbpf.LinkEN10MB, 128, cbpf.WithoutOptimizer(), cbpf.WithNetmask(0xffffff00))
	if err != nil {
		t.Fatal(err)
	}
	o := f.Options
	if o.Optimize || !o.LinuxExt || o.Offline || o.Snaplen != 128 || o.Netmask != 0xffffff00 || !o.NetmaskSet {
		t.Errorf("options %+v", o)
	}
	// Without the optimizer the program is Compile's, instruction for
	// instruction.
	want, err := cbpf.Compile("tcp", o)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != len(f.Program) {
		t.Fatalf("%d instructions, Compile gives %d", len(f.Program), len(want))
	}
	for i := range want {
		if want[i] != f.Program[i] {
			t.Errorf("instruction %d: %v, Compile gives %v", i, f.Program[i], want[i])
		}
	}
}

func TestFilterMatchesUsesWireLength(t *testing.T) {
	f, err := cbpf.CompileFile("len > 100", uint32(layers.LinkTypeEthernet), 64, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := make([]byte, 64)
	if !f.Matches(gopacket.CaptureInfo{CaptureLength: 64, Length: 1514}, data) {
		t.Error("a 1514-byte packet captured to 64 bytes is not len > 100")
	}
	if f.Matches(gopacket.CaptureInfo{CaptureLength: 64, Length: 64}, data) {
		t.Error("a 64-byte packet is len > 100")
	}
	if f.Matches(gopacket.CaptureInfo{}, data) {
		t.Error("with Length 0 the wire length is not len(data)")
	}
}

func TestErrorKinds(t *testing.T) {
	for _, tc := range []struct {
		expr string
		lt   uint32
		kind parser.ErrorKind
	}{
		{"tcp port", 1, parser.KindSyntax},
		{"tcp and (", 1, parser.KindSyntax},
		{"host 1.2.3.4.5", 1, parser.KindInvalid}, // unknown host, as libpcap says
		{"port 99999", 1, parser.KindInvalid},
		{"host nothing.invalid", 1, parser.KindInvalid},
		{"vlan", 101, parser.KindLinkType},
		{"mpls", 101, parser.KindLinkType},
		{"inbound", 1, parser.KindLinkType}, // not a live capture
		{"sio 1", 1, parser.KindLinkType},   // SS7 only
		{"ip and not ip", 1, parser.KindRejectsAll},
		{"tcp and udp", 1, parser.KindRejectsAll},
	} {
		_, err := cbpf.CompileFile(tc.expr, tc.lt, 0, nil)
		var perr *parser.Error
		if !errors.As(err, &perr) {
			t.Errorf("%q: error %v, want a *parser.Error", tc.expr, err)
			continue
		}
		if perr.Kind != tc.kind {
			t.Errorf("%q: kind %v (%v), want %v", tc.expr, perr.Kind, perr, tc.kind)
		}
	}
}

func TestVMErrorCarriesPC(t *testing.T) {
	for _, tc := range []struct {
		prog []bpf.Instruction
		pc   int
	}{
		{nil, -1},
		{[]bpf.Instruction{bpf.LoadAbsolute{Off: 0, Size: 1}, bpf.ALUOpConstant{Op: bpf.ALUOpShiftLeft, Val: 40}, bpf.RetA{}}, 1},
		{[]bpf.Instruction{bpf.LoadScratch{Dst: bpf.RegA, N: 3}, bpf.RetA{}}, 0},
		{[]bpf.Instruction{bpf.RetA{}, bpf.LoadAbsolute{Off: 0, Size: 1}}, 1},
		{[]bpf.Instruction{bpf.Jump{Skip: 5}, bpf.RetA{}}, 0},
		{[]bpf.Instruction{bpf.RetA{}, bpf.LoadAbsolute{Off: 0, Size: 3}, bpf.RetA{}}, 1}, // does not assemble
	} {
		_, err := cbpf.NewVM(tc.prog)
		var verr *cbpf.VMError
		if !errors.As(err, &verr) {
			t.Errorf("%v: error %v, want a *cbpf.VMError", tc.prog, err)
			continue
		}
		if verr.PC != tc.pc {
			t.Errorf("%v: PC %d (%v), want %d", tc.prog, verr.PC, verr, tc.pc)
		}
		if tc.pc >= 0 && verr.Insn == "" {
			t.Errorf("%v: no instruction text in %v", tc.prog, verr)
		}
	}
}

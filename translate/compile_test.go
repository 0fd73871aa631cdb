package translate_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
	"github.com/gocap/gocap/translate"
)

// One call from an expression to a program for a kernel hook: compile
// with the optimizer, the Linux extensions where the hook has an
// __sk_buff, and translate.
func ExampleCompile() {
	for _, target := range []translate.Target{translate.Socket, translate.TC, translate.XDP} {
		insns, err := translate.Compile("udp port 53", cbpf.LinkEN10MB, target)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(target, len(insns) > 0)
	}
	// An unset link type (0, DLT_NULL) is an error, not a BSD loopback
	// filter.
	_, err := translate.Compile("udp port 53", 0, translate.XDP)
	fmt.Println(errors.Is(err, cbpf.ErrNoLinkType))
	// Output:
	// Socket true
	// TC true
	// XDP true
	// true
}

func TestCompileIsCompileThenTranslate(t *testing.T) {
	for _, tc := range []struct {
		target   translate.Target
		linuxExt bool
	}{
		{translate.Socket, true},
		{translate.TC, true},
		{translate.XDP, false},
	} {
		for _, expr := range []string{"tcp port 80", "vlan 10 and ip6", "len > 100"} {
			got, err := translate.Compile(expr, cbpf.LinkEN10MB, tc.target)
			if err != nil {
				t.Fatalf("%v %q: %v", tc.target, expr, err)
			}
			prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, NetmaskSet: true, LinuxExt: tc.linuxExt, Optimize: true})
			if err != nil {
				t.Fatal(err)
			}
			var want fmt.Stringer
			if tc.target == translate.Socket {
				want, err = translate.SocketFilter(prog)
			} else {
				want, err = translate.Direct(prog, tc.target)
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != want.String() {
				t.Errorf("%v %q: Compile differs from cbpf.Compile + translate:\n%v\nwant\n%v", tc.target, expr, got, want)
			}
		}
	}
}

func TestCompileErrors(t *testing.T) {
	if _, err := translate.Compile("tcp", cbpf.LinkNull, translate.TC); !errors.Is(err, cbpf.ErrNoLinkType) {
		t.Errorf("link type 0: %v, want ErrNoLinkType", err)
	}
	var terr *translate.Error
	if _, err := translate.Compile("tcp", cbpf.LinkEN10MB, 0); !errors.As(err, &terr) {
		t.Errorf("target 0: %v, want a *translate.Error", err)
	}
	var perr *parser.Error
	if _, err := translate.Compile("tcp port", cbpf.LinkEN10MB, translate.XDP); !errors.As(err, &perr) || perr.Kind != parser.KindSyntax {
		t.Errorf("bad expression: %v, want a syntax *parser.Error", err)
	}
	// inbound reads the __sk_buff's pkt_type, which XDP does not have.
	if _, err := translate.Compile("inbound", cbpf.LinkEN10MB, translate.Socket); err != nil {
		t.Errorf("inbound for a socket filter: %v", err)
	}
	if _, err := translate.Compile("inbound", cbpf.LinkEN10MB, translate.XDP); err == nil {
		t.Error("inbound for XDP compiles")
	}
	if _, err := translate.Compile("ip", cbpf.LinkEN10MB, translate.Socket, cbpf.WithoutOptimizer(), cbpf.WithResolver(parser.DefaultResolver())); err != nil {
		t.Errorf("with options: %v", err)
	}
	if translate.Socket.String() != "Socket" {
		t.Errorf("Socket.String() = %q", translate.Socket.String())
	}
	prog, err := cbpf.Compile("ip", cbpf.Options{LinkType: cbpf.LinkEN10MB})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := translate.Direct(prog, translate.Socket); err == nil {
		t.Error("Direct accepts the Socket target")
	}
}

package ebpf

import (
	"testing"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// TestCompactEq2AndDeadWrites checks that the compact forms of translated
// filters skip the instructions without effect (deadWrite: XDP's mov r1, r6
// before the VM's own bpf_xdp_get_buff_len, and with it the context register
// at entry), fuse two equality tests of one value (the *Eq2 operations) and
// XDP's checked load, and32 and comparison (cChkLdD*AndTree),
// and that they still run as exec does, with the built-in helper (which
// TestFastFormTranslated replaces).
func TestCompactEq2AndDeadWrites(t *testing.T) {
	pkts := ethernetPackets(t)
	cases := []struct {
		expr  string
		sock  []cop // operations the socket form must have
		xdp   []cop // and the XDP form
		noXDP []cop // operations the XDP form must not have
	}{
		{expr: "tcp port 80", sock: []cop{cLdAHEq2}, xdp: []cop{cChkLdDHEq2}},
		{expr: "vlan and ip", sock: []cop{cLdAHEq2, cJ32Eq2K}, xdp: []cop{cChkLdDHEq2, cJ32Eq2K}},
		{expr: "ip6 and tcp", sock: []cop{cLdABEq2}, xdp: []cop{cChkLdDBEq2}},
		{expr: "net 192.168.0.0/16 and (tcp or udp)", sock: []cop{cLdABEq2}, xdp: []cop{cLdxBEq2, cChkLdDWAndTree}},
		{expr: "ip and less 128", xdp: []cop{cBuffLenGt}, noXDP: []cop{cMov64X, cLddw}},
		{expr: "udp and greater 200", sock: []cop{cLdAHEq2}, xdp: []cop{cChkLdDHEq2, cBuffLenGe}, noXDP: []cop{cMov64X, cLddw}},
		{expr: "tcp and len > 100", xdp: []cop{cBuffLenGt}, noXDP: []cop{cMov64X, cLddw}},
	}
	has := func(f *compactForm, o cop) bool {
		for i := range f.insts {
			if f.insts[i].op == o {
				return true
			}
		}
		return false
	}
	for _, c := range cases {
		prog, err := cbpf.Compile(c.expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true, Offline: true})
		if err != nil {
			t.Fatalf("%q: %v", c.expr, err)
		}
		for _, target := range []string{"socket", "xdp"} {
			var insns asm.Instructions
			if target == "socket" {
				insns, err = translate.SocketFilter(prog)
			} else {
				insns, err = translate.Direct(prog, translate.XDP)
			}
			if err != nil {
				t.Fatalf("%q %s: %v", c.expr, target, err)
			}
			vm, err := NewVM(insns)
			if err != nil {
				t.Fatalf("%q %s: %v", c.expr, target, err)
			}
			sock, xdp := vm.forms()
			f, want, not := sock, c.sock, []cop(nil)
			if target == "xdp" {
				f, want, not = xdp, c.xdp, c.noXDP
			}
			if f == nil {
				t.Fatalf("%q %s: no compact form", c.expr, target)
			}
			for _, o := range want {
				if !has(f, o) {
					t.Errorf("%q %s: no operation %d in the compact form", c.expr, target, o)
				}
			}
			for _, o := range not {
				if has(f, o) {
					t.Errorf("%q %s: operation %d in the compact form", c.expr, target, o)
				}
			}
			name := c.expr + " " + target
			for i, p := range pkts {
				if i%3 != 0 {
					continue
				}
				checkSameAsExec(t, name, vm, p)
				for _, n := range []int{0, 13, 14, 21, 24, 34, 55} {
					if n < len(p) {
						checkSameAsExec(t, name, vm, p[:n])
					}
				}
			}
		}
	}
}

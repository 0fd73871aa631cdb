package cbpf

import (
	"errors"
	"testing"

	"github.com/gocap/gocap/parser"
)

// FuzzCompile feeds arbitrary expressions to the whole compiler for each
// supported link type: it must either return a positioned error or a
// program that the listing printer can print, never panic or hang.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"tcp port 80", "host 10.0.0.1 and not udp", "ip6 net fe80::/10",
		"ether host 1:2:3:4:5:6 or arp", "tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
		"len > 100 and ip[2:2] - ((ip[0]&0xf)<<2) < 40", "portrange 1-1023",
		"ip proto \\tcp or ip6 proto 17", "less 64 or greater 1500", "byte 8 & 5",
		"vlan 100 and ip", "mpls and pppoes 3", "llc u", "protochain 6", "decnet host 1.2",
		"inbound", "ifindex 3", "geneve 5 and tcp", "vxlan and vxlan", "l1 or esis",
		"(((((ip)))))", "not not not tcp", "ip broadcast", "net 10 mask 255.0.0.0",
	} {
		f.Add(s, uint8(0))
	}
	types := []LinkType{LinkEN10MB, LinkRaw, LinkIPv4, LinkIPv6, LinkNull, LinkLoop, LinkLinuxSLL, LinkLinuxSLL2}
	res := parser.NewStaticResolver(nil)
	f.Fuzz(func(t *testing.T, expr string, lt uint8) {
		opts := Options{LinkType: types[int(lt)%len(types)], Resolver: res, LinuxExt: lt&0x80 != 0}
		prog, err := Compile(expr, opts)
		if err != nil {
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("%q: error is %T, not *parser.Error: %v", expr, err, err)
			}
			if pe.Pos != parser.NoPos && (pe.Pos < 0 || int(pe.Pos) > len(expr)) {
				t.Fatalf("%q: error position %d outside the expression", expr, pe.Pos)
			}
			return
		}
		if len(prog) == 0 {
			t.Fatalf("%q: empty program", expr)
		}
		if _, err := Format(prog); err != nil {
			t.Fatalf("%q: listing: %v", expr, err)
		}
	})
}

package capture

import (
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// cookedCase is a packet as a cooked capture sees it: the metadata the
// kernel has and the network-layer bytes.
type cookedCase struct {
	name    string
	li      linkInfo
	payload []byte
}

// udpPacket is an IPv4 UDP packet from 192.0.2.1:40000 to 192.0.2.2:port.
func udpPacket(port uint16) []byte {
	p := []byte{
		0x45, 0, 0, 32, 0, 1, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2,
		0x9c, 0x40, byte(port >> 8), byte(port), 0, 12, 0, 0, 'g', 'o', 'c', 'a',
	}
	return p
}

// TestFixCookedKeepsVerdicts checks libpcap's cooked-mode rewriting by
// its meaning: the rewritten program, run as the kernel runs it (on the
// network-layer bytes, header fields from the metadata), must give every
// packet the verdict the original program gives the packet with its
// LINUX_SLL or LINUX_SLL2 header.
func TestFixCookedKeepsVerdicts(t *testing.T) {
	pkts := []cookedCase{
		{"udp-in", linkInfo{protocol: 0x0800, ifindex: 3, hatype: 1, pkttype: 0, halen: 6, addr: [8]byte{2, 0, 0x5e, 0, 0, 1}}, udpPacket(7001)},
		{"udp-out", linkInfo{protocol: 0x0800, ifindex: 3, hatype: 1, pkttype: packetOutgoing, halen: 6}, udpPacket(53)},
		{"udp-lo", linkInfo{protocol: 0x0800, ifindex: 1, hatype: 772, pkttype: 0, halen: 6}, udpPacket(7002)},
		{"arp", linkInfo{protocol: 0x0806, ifindex: 3, hatype: 1, pkttype: 1, halen: 6}, make([]byte, 28)},
	}
	exprs := []string{"udp", "udp port 7001", "inbound", "outbound", "ip and not udp port 53", "arp", "ifindex 3", "udp[8:4] = 0x676f6361"}
	for _, lt := range []cbpf.LinkType{cbpf.LinkLinuxSLL, cbpf.LinkLinuxSLL2} {
		for _, expr := range exprs {
			prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: lt, LinuxExt: true, Optimize: true})
			if err != nil {
				if expr == "ifindex 3" && lt == cbpf.LinkLinuxSLL {
					continue // ifindex is an SLL2 field
				}
				t.Fatalf("%v %q: %v", lt, expr, err)
			}
			raw, err := bpf.Assemble(prog)
			if err != nil {
				t.Fatal(err)
			}
			fixed, ok := fixCooked(raw, lt)
			if !ok {
				t.Fatalf("%v %q: not fixable, libpcap fixes it", lt, expr)
			}
			orig, err := cbpf.NewVM(prog)
			if err != nil {
				t.Fatal(err)
			}
			kern, err := cbpf.NewVM(cbpf.Typed(fixed))
			if err != nil {
				t.Fatalf("%v %q: the kernel would refuse the fixed program: %v", lt, expr, err)
			}
			for _, p := range pkts {
				full, hl := cookedPacket(nil, lt, &p.li, p.payload)
				anc := cbpf.Ancillary{Protocol: p.li.protocol, PktType: p.li.pkttype, Ifindex: uint32(p.li.ifindex), Hatype: p.li.hatype}
				want := orig.Run(full, uint32(len(full)), &anc) != 0
				got := kern.Run(p.payload, uint32(len(full)-hl), &anc) != 0
				if got != want {
					t.Errorf("%v %q on %s: kernel verdict %v, cooked-header verdict %v", lt, expr, p.name, got, want)
				}
			}
		}
	}
}

// TestFixCookedRefusesAddresses checks that a load from the cooked
// header's address bytes sends the filter to user space, as in libpcap.
func TestFixCookedRefusesAddresses(t *testing.T) {
	for _, lt := range []cbpf.LinkType{cbpf.LinkLinuxSLL, cbpf.LinkLinuxSLL2} {
		prog, err := cbpf.Compile("ether[12:4] = 0x02005e00", cbpf.Options{LinkType: lt, LinuxExt: true, Optimize: true})
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := bpf.Assemble(prog)
		if _, ok := fixCooked(raw, lt); ok {
			t.Errorf("%v: a load of header bytes 12-15 was rewritten for the kernel", lt)
		}
	}
}

// TestDirectionPrefix runs the -Q and loopback prefixes in front of an
// accept-all program over every direction and interface.
func TestDirectionPrefix(t *testing.T) {
	type pkt struct {
		out bool
		ifx uint32
	}
	pkts := []pkt{{false, 1}, {true, 1}, {false, 3}, {true, 3}}
	cases := []struct {
		spec prefixSpec
		keep func(pkt) bool
	}{
		{prefixSpec{}, func(pkt) bool { return true }},
		{prefixSpec{dir: In}, func(p pkt) bool { return !p.out }},
		{prefixSpec{dir: Out}, func(p pkt) bool { return p.out }},
		{prefixSpec{loopback: true}, func(p pkt) bool { return !p.out }},
		{prefixSpec{loopback: true, dir: Out}, func(pkt) bool { return false }},
		{prefixSpec{anyLoIndex: 1}, func(p pkt) bool { return !(p.out && p.ifx == 1) }},
		{prefixSpec{anyLoIndex: 1, dir: Out}, func(p pkt) bool { return p.out && p.ifx != 1 }},
		{prefixSpec{anyLoIndex: 1, dir: In}, func(p pkt) bool { return !p.out }},
	}
	for _, c := range cases {
		prog := append(directionPrefix(c.spec), bpf.RetConstant{Val: 1000})
		vm, err := cbpf.NewVM(prog)
		if err != nil {
			t.Fatalf("%+v: %v", c.spec, err)
		}
		for _, p := range pkts {
			anc := cbpf.Ancillary{Ifindex: p.ifx}
			if p.out {
				anc.PktType = packetOutgoing
			}
			got := vm.Run(make([]byte, 64), 64, &anc) != 0
			if got != c.keep(p) {
				t.Errorf("%+v on %+v: kept %v", c.spec, p, got)
			}
		}
	}
}

// TestDeviceString checks the -D line format against lines tcpdump 4.99.3
// printed (CLI.md and the test namespaces).
func TestDeviceString(t *testing.T) {
	for _, c := range []struct {
		d    Device
		want string
	}{
		{Device{"eth0", "", FlagUp | FlagRunning | ConnConnected}, "eth0 [Up, Running, Connected]"},
		{Device{"any", anyDescription, FlagUp | FlagRunning | ConnNotApplicable}, "any (Pseudo-device that captures on all interfaces) [Up, Running]"},
		{Device{"lo", "", FlagUp | FlagRunning | FlagLoopback | ConnNotApplicable}, "lo [Up, Running, Loopback]"},
		{Device{"ifb0", "", ConnNotApplicable}, "ifb0 [none]"},
		{Device{"cap0", "", FlagUp | ConnConnected}, "cap0 [Up, Connected]"},
	} {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

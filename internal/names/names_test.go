package names

import (
	"context"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBuiltinTables checks the built-in tables alone, as on a machine
// without /etc/services and /etc/protocols.
func TestBuiltinTables(t *testing.T) {
	if p, ok := builtinServicePort("domain", "udp"); !ok || p != 53 {
		t.Errorf("builtin domain/udp = %d, %v", p, ok)
	}
	if _, ok := builtinServicePort("ssh", "udp"); ok {
		t.Error("builtin ssh/udp exists")
	}
	if p, ok := builtinServicePort("amqp", "SCTP"); !ok || p != 5672 {
		t.Errorf("builtin amqp/sctp = %d, %v", p, ok)
	}
	if n, ok := builtinProtocolNumber("TCP"); !ok || n != 6 {
		t.Errorf("builtin TCP = %d, %v", n, ok)
	}
}

func TestParseMAC(t *testing.T) {
	want := [6]byte{0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f}
	for _, s := range []string{"a:b:c:d:e:f", "0a-0b-0c-0d-0e-0f", "a.b.c.d.e.f", "0a0b.0c0d.0e0f", "0a0b0c0d0e0f", "0A:0B:0C:0D:0E:0F"} {
		if got, ok := ParseMAC(s); !ok || got != want {
			t.Errorf("ParseMAC(%q) = %x, %v", s, got, ok)
		}
		if got, ok := parseColonMAC(s); ok != strings.Contains(s, ":") || ok && got != want {
			t.Errorf("parseColonMAC(%q) = %x, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "a:b:c:d:e", "a:b:c:d:e:f:1", "0g:0b:0c:0d:0e:0f", "a:b-c:d:e:f", "012:b:c:d:e:f"} {
		if _, ok := ParseMAC(s); ok {
			t.Errorf("ParseMAC(%q) succeeded", s)
		}
		if _, ok := parseColonMAC(s); ok {
			t.Errorf("parseColonMAC(%q) succeeded", s)
		}
	}
}

// TestTableRead checks the forward readers on what the package doc
// lists: comments anywhere, case and a trailing dot ignored, the first
// entry for a name winning (every entry, for hosts), aliases, and lines
// that do not parse skipped.
func TestTableRead(t *testing.T) {
	var tb Table
	load := func(f func(r *strings.Reader) error, text string) {
		t.Helper()
		if err := f(strings.NewReader(text)); err != nil {
			t.Fatal(err)
		}
	}
	load(func(r *strings.Reader) error { return tb.LoadServices(r) }, `# comment
http		80/tcp		www		# WorldWideWeb HTTP
http-alt	80/tcp
other		81/tcp		http
Web		80/UDP
amqp		5672/sctp
plus		+90/tcp
bad		x/tcp
toobig		70000/udp
nocolon		81
`)
	for _, c := range []struct {
		name, proto string
		port        int
		ok          bool
	}{
		{"http", "tcp", 80, true}, {"WWW.", "tcp", 80, true}, {"http", "udp", 0, false},
		{"web", "udp", 80, true}, {"amqp", "sctp", 5672, true}, {"plus", "tcp", 90, true},
		{"bad", "tcp", 0, false}, {"toobig", "udp", 0, false}, {"nocolon", "tcp", 0, false},
	} {
		if p, ok := tb.Service(c.name, c.proto); p != c.port || ok != c.ok {
			t.Errorf("Service(%q, %q) = %d, %v; want %d, %v", c.name, c.proto, p, ok, c.port, c.ok)
		}
	}

	load(func(r *strings.Reader) error { return tb.LoadProtocols(r) }, "tcp 6 TCP\nTcp 7\nmptcp 262 MPTCP\n")
	if n, ok := tb.Protocol("TCP"); !ok || n != 6 {
		t.Errorf("Protocol(TCP) = %d, %v", n, ok)
	}
	if _, ok := tb.Protocol("mptcp"); ok {
		t.Error("a protocol number above 255 was loaded")
	}

	load(func(r *strings.Reader) error { return tb.LoadHosts(r) }, "10.0.0.1 a A-alias\nfe80::1%eth0 a\nbad a\n10.0.0.2 a # c\n")
	if got, want := tb.Hosts("A."), []netip.Addr{netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("fe80::1"), netip.MustParseAddr("10.0.0.2")}; !slices.Equal(got, want) {
		t.Errorf("Hosts(A.) = %v, want %v", got, want)
	}

	load(func(r *strings.Reader) error { return tb.LoadEthers(r) }, "0a-0b-0c-0d-0e-0f box\n1:2:3:4:5:6 BOX\nzz:0:0:0:0:0 bad\n")
	if mac, ok := tb.Ether("Box"); !ok || mac != [6]byte{10, 11, 12, 13, 14, 15} {
		t.Errorf("Ether(Box) = %x, %v", mac, ok)
	}
	tb.AddEther("box", [6]byte{1})
	if mac, _ := tb.Ether("box"); mac != [6]byte{1} {
		t.Errorf("AddEther did not replace: %x", mac)
	}

	load(func(r *strings.Reader) error { return tb.LoadNetworks(r) }, "loopback 127\nten 10.0 TEN-alias\n10.20 swapped\nlast 0x0a.1\nbad 256\n")
	for name, want := range map[string]uint32{"loopback": 127, "ten-alias": 0x0a00, "swapped": 0x0a14, "last": 0x0a01} {
		if n, ok := tb.Network(name); !ok || n != want {
			t.Errorf("Network(%q) = %#x, %v; want %#x", name, n, ok, want)
		}
	}
	if _, ok := tb.Network("bad"); ok {
		t.Error("Network(bad) succeeded")
	}
}

// TestReverseRead checks the reverse readers on the cases glibc's files
// source handles: comments, aliases, protocols other than tcp and udp,
// bad lines, and several lines for one number, where the first wins
// (tcpdump's port table and ether_ntohost return the first). The
// printer's TestNamesLikeTcpdump compares the result with tcpdump.
func TestReverseRead(t *testing.T) {
	nt := NewReverse()
	if err := nt.LoadServices(strings.NewReader(`# comment
http		80/tcp		www		# WorldWideWeb HTTP
http-alt	80/tcp
web		80/udp
sctp-only	9/sctp
upper		83/TCP
plus		+84/tcp
bad		x/tcp
toobig		70000/udp
nocolon		81
	indented	82/tcp
`)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		m    map[uint16]string
		port uint16
		want string
	}{
		{nt.tcp, 80, "http"}, {nt.udp, 80, "web"}, {nt.tcp, 82, "indented"},
		{nt.tcp, 9, ""}, {nt.udp, 9, ""}, {nt.tcp, 81, ""}, {nt.tcp, 83, ""}, {nt.tcp, 84, ""},
	} {
		if got := c.m[c.port]; got != c.want {
			t.Errorf("port %d: %q, want %q", c.port, got, c.want)
		}
	}
	if len(nt.tcp) != 2 || len(nt.udp) != 1 {
		t.Errorf("tcp %v udp %v: want 2 and 1 entries", nt.tcp, nt.udp)
	}
	if s, ok := nt.TCPPort(80); !ok || s != "http" {
		t.Errorf("TCPPort(80) = %q, %v", s, ok)
	}
	if s, ok := nt.UDPPort(80); !ok || s != "web" {
		t.Errorf("UDPPort(80) = %q, %v", s, ok)
	}

	if err := nt.LoadEthers(strings.NewReader(`# comment
8:0:20:1:2:3	sun-box
08:00:20:01:02:03	second
00:11:22:33:44:zz	bad
00-11-22-33-44-55	dashes
aa:bb:cc:dd:ee:ff	other # trailing
`)); err != nil {
		t.Fatal(err)
	}
	want := map[[6]byte]string{
		{8, 0, 0x20, 1, 2, 3}:                "sun-box",
		{0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff}: "other",
	}
	if len(nt.ethers) != len(want) {
		t.Errorf("ethers %v, want %v", nt.ethers, want)
	}
	for a, n := range want {
		if got, _ := nt.Ether(a); got != n {
			t.Errorf("Ether(%x) = %q, want %q", a, got, n)
		}
	}
}

// TestDirections reads the same text forward and reverse, where the
// package doc says the two differ.
func TestDirections(t *testing.T) {
	const services = "first 80/tcp\nsecond 80/tcp\nUpper 81/TCP\n"
	var fw Table
	rv := NewReverse()
	_ = fw.LoadServices(strings.NewReader(services))
	_ = rv.LoadServices(strings.NewReader(services))
	if p, ok := fw.Service("upper", "tcp"); !ok || p != 81 {
		t.Errorf("forward: Upper 81/TCP = %d, %v", p, ok)
	}
	if _, ok := rv.TCPPort(81); ok {
		t.Error("reverse: 81/TCP read as tcp")
	}
	if p, _ := fw.Service("second", "tcp"); p != 80 {
		t.Errorf("forward: second = %d", p)
	}
	if s, _ := rv.TCPPort(80); s != "first" {
		t.Errorf("reverse: port 80 = %q", s)
	}

	const hosts = "10.0.0.1 a\n10.0.0.2 a\n10.0.0.1 b\n"
	_ = fw.LoadHosts(strings.NewReader(hosts))
	_ = rv.LoadHosts(strings.NewReader(hosts))
	if got := fw.Hosts("a"); len(got) != 2 {
		t.Errorf("forward: a = %v, want both lines' addresses", got)
	}
	if got, _ := rv.Host(netip.MustParseAddr("10.0.0.1")); !slices.Equal(got, []string{"a"}) {
		t.Errorf("reverse: 10.0.0.1 = %v, want the first line's names", got)
	}

	const ethers = "0a0b.0c0d.0e0f dotted\n"
	_ = fw.LoadEthers(strings.NewReader(ethers))
	_ = rv.LoadEthers(strings.NewReader(ethers))
	if _, ok := fw.Ether("dotted"); !ok {
		t.Error("forward: a dotted MAC address was not read")
	}
	if _, ok := rv.Ether([6]byte{10, 11, 12, 13, 14, 15}); ok {
		t.Error("reverse: a dotted MAC address was read")
	}
}

// TestHostsResolver reads a hosts file: the first line for an address
// gives its names, as the C library's files source answers.
func TestHostsResolver(t *testing.T) {
	h, err := NewHostsResolver(writeTemp(t, "hosts", `127.0.0.1 localhost # comment
127.0.0.1 second
::1 ip6-localhost ip6-loopback
bad-address name
`))
	if err != nil {
		t.Fatal(err)
	}
	for addr, want := range map[string][]string{
		"127.0.0.1": {"localhost"},
		"::1":       {"ip6-localhost", "ip6-loopback"},
		"10.0.0.1":  nil,
	} {
		got, err := h.LookupAddr(context.Background(), addr)
		if !slices.Equal(got, want) || (err == nil) != (want != nil) {
			t.Errorf("LookupAddr(%s) = %v, %v; want %v", addr, got, err, want)
		}
	}
	if _, err := NewHostsResolver(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Error("NewHostsResolver of a missing file: no error")
	}
	if _, err := (&HostsResolver{}).LookupAddr(context.Background(), "10.0.0.1"); err == nil {
		t.Error("an empty HostsResolver named an address")
	}
}

// TestReverseResolverBounded checks the bound on a resolver that never
// answers: each lookup ends at the timeout, and after maxSlowLookups of
// them the resolver is no longer asked and the hosts file answers.
func TestReverseResolverBounded(t *testing.T) {
	calls := 0
	r := &ReverseResolver{
		lookup: func(ctx context.Context, addr string) ([]string, error) {
			calls++
			<-ctx.Done()
			return nil, ctx.Err()
		},
		timeout:   time.Millisecond,
		hostsPath: writeTemp(t, "hosts", "192.0.2.9 from-hosts\n"),
	}
	for i := range maxSlowLookups {
		if _, err := r.LookupAddr(context.Background(), netip.AddrFrom4([4]byte{192, 0, 2, byte(i)}).String()); err == nil {
			t.Fatal("a lookup that timed out gave no error")
		}
	}
	names, err := r.LookupAddr(context.Background(), "192.0.2.9")
	if err != nil || !slices.Equal(names, []string{"from-hosts"}) {
		t.Errorf("after %d timeouts: %v, %v; want the hosts file's name", maxSlowLookups, names, err)
	}
	if _, err := r.LookupAddr(context.Background(), "192.0.2.10"); err == nil {
		t.Error("an address the hosts file lacks got a name")
	}
	if calls != maxSlowLookups {
		t.Errorf("resolver asked %d times, want %d", calls, maxSlowLookups)
	}
}

// TestSystem checks System's fallbacks on this machine: the built-in
// tables behind the files, and ".invalid" names never asked of DNS.
func TestSystem(t *testing.T) {
	r := NewSystem(0)
	if r.dnsTimeout != DefaultDNSTimeout {
		t.Errorf("NewSystem(0) bound = %v", r.dnsTimeout)
	}
	if p, ok := r.LookupService("Domain.", "UDP"); !ok || p != 53 {
		t.Errorf("LookupService(Domain., UDP) = %d, %v", p, ok)
	}
	if n, ok := r.LookupProtocol("ipv6-icmp"); !ok || n != 58 {
		t.Errorf("LookupProtocol(ipv6-icmp) = %d, %v", n, ok)
	}
	if got, err := r.LookupHost("x.invalid"); len(got) != 0 || err != nil {
		t.Errorf("LookupHost(x.invalid) = %v, %v", got, err)
	}
}

package parser

import (
	"encoding/json"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type resolverFixtures struct {
	Hosts           []string `json:"hosts_lines"`
	Ethers          []string `json:"ethers_lines"`
	Networks        []string `json:"networks_lines"`
	NetworksSwapped []string `json:"networks_lines_swapped"`
	Nonexistent     string   `json:"nonexistent"`
}

func loadFixtures(t *testing.T) (*StaticResolver, resolverFixtures) {
	t.Helper()
	path := filepath.Join(corpusDir, "resolver_fixtures.json")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("resolver fixtures not found at %s (the shared directory is absent)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var fx resolverFixtures
	if err := json.Unmarshal(data, &fx); err != nil {
		t.Fatal(err)
	}
	if len(fx.Hosts) == 0 || len(fx.Ethers) == 0 || len(fx.Networks) == 0 {
		t.Fatalf("%s: missing fixture lines", path)
	}
	r := NewStaticResolver(nil)
	for _, load := range []struct {
		f     func(*StaticResolver, string) error
		lines []string
	}{
		{func(r *StaticResolver, s string) error { return r.LoadHosts(strings.NewReader(s)) }, fx.Hosts},
		{func(r *StaticResolver, s string) error { return r.LoadEthers(strings.NewReader(s)) }, fx.Ethers},
		{func(r *StaticResolver, s string) error { return r.LoadNetworks(strings.NewReader(s)) }, fx.Networks},
	} {
		if err := load.f(r, strings.Join(load.lines, "\n")+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	return r, fx
}

func TestStaticResolverFixtures(t *testing.T) {
	r, fx := loadFixtures(t)

	// Addresses come back in the order of the hosts lines.
	got, err := r.LookupHost("eth-ipv4x4-ipv6x2.host357.libpcap.test")
	if err != nil {
		t.Fatal(err)
	}
	var want []netip.Addr
	for _, l := range fx.Hosts {
		w := strings.Fields(l)
		if w[1] == "eth-ipv4x4-ipv6x2.host357.libpcap.test" {
			want = append(want, netip.MustParseAddr(w[0]))
		}
	}
	if len(want) != 6 || !slices.Equal(got, want) {
		t.Errorf("LookupHost = %v, want %v", got, want)
	}
	// Case-insensitive, trailing dot ignored.
	if got, _ := r.LookupHost("NOETH-IPV4-NOIPV6.host123.libpcap.test."); len(got) != 1 || got[0] != netip.MustParseAddr("10.20.30.40") {
		t.Errorf("case-insensitive LookupHost = %v", got)
	}
	if got, err := r.LookupHost(fx.Nonexistent); len(got) != 0 || err != nil {
		t.Errorf("LookupHost(%q) = %v, %v; want none", fx.Nonexistent, got, err)
	}

	mac, ok := r.LookupEther("Eth-IPv4-IPv6.host123.libpcap.test")
	if !ok || mac != [6]byte{0xaa, 0, 4, 0, 0x14, 0x0e} {
		t.Errorf("LookupEther = %x, %v", mac, ok)
	}
	if _, ok := r.LookupEther("noeth-ipv4-noipv6.host123.libpcap.test"); ok {
		t.Error("LookupEther found a name that has no ethers line")
	}

	for name, want := range map[string]uint32{
		"net-10-0-0-0.libpcap.test":   0x0a000000,
		"net-10-20-0-0.libpcap.test":  0x0a140000,
		"net-10-20-30-0.libpcap.test": 0x0a141e00,
	} {
		if n, ok := r.LookupNetwork(name); !ok || n != want {
			t.Errorf("LookupNetwork(%q) = %#x, %v; want %#x", name, n, ok, want)
		}
	}
	if _, ok := r.LookupNetwork(fx.Nonexistent); ok {
		t.Errorf("LookupNetwork(%q) succeeded", fx.Nonexistent)
	}

	// The swapped networks layout reads the same.
	s := NewStaticResolver(nil)
	if err := s.LoadNetworks(strings.NewReader(strings.Join(fx.NetworksSwapped, "\n"))); err != nil {
		t.Fatal(err)
	}
	if n, ok := s.LookupNetwork("net-10-20-0-0.libpcap.test"); !ok || n != 0x0a140000 {
		t.Errorf("swapped LookupNetwork = %#x, %v", n, ok)
	}
}

func TestStaticResolverFallback(t *testing.T) {
	base := NewStaticResolver(nil)
	base.AddHost("b", netip.MustParseAddr("10.0.0.2"))
	base.AddEther("b", [6]byte{1, 2, 3, 4, 5, 6})
	base.AddNetwork("b", 10)
	r := NewStaticResolver(base)
	r.AddHost("a", netip.MustParseAddr("10.0.0.1"))
	r.AddHost("A", netip.MustParseAddr("::1"))
	if got, _ := r.LookupHost("a"); !slices.Equal(got, []netip.Addr{netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("::1")}) {
		t.Errorf("LookupHost(a) = %v", got)
	}
	if got, _ := r.LookupHost("B"); len(got) != 1 || got[0] != netip.MustParseAddr("10.0.0.2") {
		t.Errorf("LookupHost(B) through fallback = %v", got)
	}
	if mac, ok := r.LookupEther("b"); !ok || mac != [6]byte{1, 2, 3, 4, 5, 6} {
		t.Errorf("LookupEther(b) = %x, %v", mac, ok)
	}
	if n, ok := r.LookupNetwork("b"); !ok || n != 10 {
		t.Errorf("LookupNetwork(b) = %d, %v", n, ok)
	}
	if _, ok := r.LookupService("http", "tcp"); ok {
		t.Error("LookupService without a resolver for services succeeded")
	}
	d := NewStaticResolver(DefaultResolver())
	if p, ok := d.LookupService("http", "tcp"); !ok || p != 80 {
		t.Errorf("LookupService(http) through DefaultResolver = %d, %v", p, ok)
	}
}

func TestDefaultResolverNames(t *testing.T) {
	r := DefaultResolver()
	for _, tc := range []struct {
		name, proto string
		port        int
	}{
		{"domain", "tcp", 53}, {"domain", "udp", 53}, {"http", "tcp", 80},
		{"https", "tcp", 443}, {"ftp", "tcp", 21}, {"ftp-data", "tcp", 20},
		{"smtp", "tcp", 25}, {"ssh", "tcp", 22}, {"telnet", "tcp", 23},
		{"ntp", "udp", 123}, {"snmp", "udp", 161}, {"bootps", "udp", 67},
		{"bootpc", "udp", 68}, {"tftp", "udp", 69}, {"SMTP", "tcp", 25},
	} {
		if p, ok := r.LookupService(tc.name, tc.proto); !ok || p != tc.port {
			t.Errorf("LookupService(%q, %q) = %d, %v; want %d", tc.name, tc.proto, p, ok, tc.port)
		}
	}
	if _, ok := r.LookupService("nosuchport", "tcp"); ok {
		t.Error("LookupService(nosuchport) succeeded")
	}
	for name, want := range map[string]int{"ip": 0, "icmp": 1, "tcp": 6, "udp": 17, "ipv6": 41, "ipv6-icmp": 58, "sctp": 132} {
		if n, ok := r.LookupProtocol(name); !ok || n != want {
			t.Errorf("LookupProtocol(%q) = %d, %v; want %d", name, n, ok, want)
		}
	}
	if _, ok := r.LookupProtocol("nosuchprotocol"); ok {
		t.Error("LookupProtocol(nosuchprotocol) succeeded")
	}
	if got, err := r.LookupHost("host.invalid."); len(got) != 0 || err != nil {
		t.Errorf("LookupHost(host.invalid.) = %v, %v; want not found", got, err)
	}
	if got, err := r.LookupHost("localhost"); err != nil || len(got) == 0 {
		t.Logf("localhost did not resolve here: %v %v", got, err)
	}
}

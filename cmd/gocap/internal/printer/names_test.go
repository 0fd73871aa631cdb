package printer

import (
	"context"
	"errors"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNameTablesMissing checks that a missing file gives no names, as
// getservent and ether_ntohost give none: the numbers are printed. The
// readers themselves are tested in internal/names (TestReverseRead);
// TestNamesLikeTcpdump compares the result with tcpdump.
func TestNameTablesMissing(t *testing.T) {
	none := loadNameTables(filepath.Join(t.TempDir(), "absent"), "")
	p := New(io.Discard, Options{})
	p.names = none
	if got := p.tcpPort(80); got != "80" {
		t.Errorf("tcpPort(80) without a services file = %q, want 80", got)
	}
	if got := p.etherAddr([]byte{0, 1, 2, 3, 4, 5}); got != "00:01:02:03:04:05 (oui Unknown)" {
		t.Errorf("etherAddr without an ethers file = %q", got)
	}
}

// TestEtherAddrNames checks etheraddr_string's forms: the ethers name,
// "Broadcast", the OUI table's maker or "Unknown" (the forms tcpdump
// prints in the shared captures, e.g. "00:00:00:00:00:00 (oui Ethernet)"
// in nsh-over-vxlan-gpe.pcap), and plain hex with -n.
func TestEtherAddrNames(t *testing.T) {
	nt := loadNameTables("", writeTemp(t, "ethers", "0:1:2:3:4:5 box\n"))
	p := New(io.Discard, Options{})
	p.names = nt
	for _, c := range []struct {
		a    []byte
		want string
	}{
		{[]byte{0, 1, 2, 3, 4, 5}, "box"},
		{[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "Broadcast"},
		{[]byte{0, 0, 0x0c, 1, 2, 3}, "00:00:0c:01:02:03 (oui Cisco)"},
		{[]byte{0, 0, 0, 0, 0, 0}, "00:00:00:00:00:00 (oui Ethernet)"},
		{[]byte{0x42, 0xb4, 0x44, 0xb4, 0xf0, 0xee}, "42:b4:44:b4:f0:ee (oui Unknown)"},
	} {
		if got := p.etherAddr(c.a); got != c.want {
			t.Errorf("etherAddr(%x) = %q, want %q", c.a, got, c.want)
		}
	}
	if got := p.linkAddrName([]byte{1, 2, 3, 4}); got != "01:02:03:04" {
		t.Errorf("linkAddrName of 4 bytes = %q", got)
	}
	n := New(io.Discard, Options{NumericLevel: 1})
	if got := n.etherAddr([]byte{0, 1, 2, 3, 4, 5}); got != "00:01:02:03:04:05" {
		t.Errorf("etherAddr with -n = %q", got)
	}
}

// nameSource answers a fakeResolver.
type nameSource interface {
	lookup(addr string) ([]string, bool)
}

// nameMap is a nameSource from a map.
type nameMap map[string][]string

func (m nameMap) lookup(addr string) ([]string, bool) {
	n, ok := m[addr]
	return n, ok
}

// fakeResolver answers from a nameSource and counts the questions.
type fakeResolver struct {
	names nameSource
	asked []string
}

func (f *fakeResolver) LookupAddr(_ context.Context, addr string) ([]string, error) {
	f.asked = append(f.asked, addr)
	if n, ok := f.names.lookup(addr); ok {
		return n, nil
	}
	return nil, errors.New("not found")
}

// TestHostNames checks ipaddr_string's rules: one lookup per address,
// the trailing dot removed, -N cutting at the first dot, -f leaving
// foreign IPv4 addresses (but not IPv6 ones) numeric, :: never looked up,
// and -n asking nothing.
func TestHostNames(t *testing.T) {
	names := nameMap{
		"192.0.2.1":    {"a.example.org.", "alias"},
		"198.51.100.7": {"far.example.net"},
		"2001:db8::1":  {"six.example.com."},
		"::":           {"unspecified"},
	}
	a1, a2, far := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2"), netip.MustParseAddr("198.51.100.7")
	six, unspec := netip.MustParseAddr("2001:db8::1"), netip.IPv6Unspecified()

	r := &fakeResolver{names: names}
	p := New(io.Discard, Options{Resolver: r})
	for range 2 {
		for _, c := range []struct {
			a    netip.Addr
			want string
		}{{a1, "a.example.org"}, {a2, "192.0.2.2"}, {far, "far.example.net"}, {six, "six.example.com"}, {unspec, "::"}} {
			if got := p.host(c.a); got != c.want {
				t.Errorf("host(%s) = %q, want %q", c.a, got, c.want)
			}
		}
	}
	if want := []string{"192.0.2.1", "192.0.2.2", "198.51.100.7", "2001:db8::1"}; !slices.Equal(r.asked, want) {
		t.Errorf("asked %v, want each address once and not ::: %v", r.asked, want)
	}

	r = &fakeResolver{names: names}
	p = New(io.Discard, Options{Resolver: r, NoDomain: true, LocalNet: netip.MustParsePrefix("192.0.2.0/24")})
	for _, c := range []struct {
		a    netip.Addr
		want string
	}{{a1, "a"}, {far, "198.51.100.7"}, {six, "six"}} {
		if got := p.host(c.a); got != c.want {
			t.Errorf("-N -f: host(%s) = %q, want %q", c.a, got, c.want)
		}
	}
	if slices.Contains(r.asked, "198.51.100.7") {
		t.Error("-f: a foreign address was looked up")
	}

	r = &fakeResolver{names: names}
	p = New(io.Discard, Options{Resolver: r, NumericLevel: 1})
	if got := p.host(a1); got != "192.0.2.1" || len(r.asked) != 0 {
		t.Errorf("-n: host = %q after %d lookups", got, len(r.asked))
	}
}

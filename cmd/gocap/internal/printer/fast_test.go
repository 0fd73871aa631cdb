package printer

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/netip"
	"testing"
)

type nilStringer struct{ s string }

func (n *nilStringer) String() string { return n.s }

type hexFormatter int

func (h hexFormatter) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "F%d", int(h)) }

type namedInt uint16

// TestAppendfLikeFmt checks that appendf gives fmt.Sprintf's text for
// every verb, flag and argument type it takes on, and declines the rest.
func TestAppendfLikeFmt(t *testing.T) {
	formats := []string{
		"%d", "%s", "%v", "%x", "%X", "%c", "%%", "%02x", "%04x", "%08x", "%016x", "%02X",
		"%5d", "%-5d", "%05d", "%-05d", "%0-5d", "%2d", "%15s", "%-15s", "%-3s", "%3s", "%1x",
		"%0x", "%05v", "%-6v", "%3c", "%+d", "% d", "%#x", "%.2f", "%.3d", "%*d", "%[1]d",
		"%q", "%o", "%5%", "%t", "%", "%06d", "%09d", "%03x", "%020d", "%-08X", "%066x",
		"abc %d def", "x%sy%dz", "%d %d", "%s%s",
	}
	var nilS *nilStringer
	args := []any{
		0, 1, -1, 7, 42, -42, 255, 256, 65535, -65536, math.MaxInt64, math.MinInt64,
		int8(-128), int8(127), int16(-300), int32(0x10FFFF), int32(0x110000), int32(-5), int64(1) << 40,
		uint(9), uint8(200), uint16(0xbeef), uint32(0xdeadbeef), uint64(math.MaxUint64),
		"", "ab", "héllo", "\xff\xfe", []byte("xy"), true, 1.5, nil,
		errors.New("oops"), netip.MustParseAddr("10.1.2.3"), &nilStringer{"nm"}, nilS,
		hexFormatter(3), namedInt(7),
	}
	tried, taken := 0, 0
	for _, f := range formats {
		var lists [][]any
		lists = append(lists, nil)
		for _, a := range args {
			lists = append(lists, []any{a})
			lists = append(lists, []any{a, 5})
			lists = append(lists, []any{"s", a})
		}
		for _, l := range lists {
			tried++
			want := fmt.Sprintf(f, l...)
			got, ok := appendf([]byte("pre"), f, l)
			if !ok {
				continue
			}
			taken++
			if string(got) != "pre"+want {
				t.Errorf("appendf(%q, %#v) = %q, fmt gives %q", f, l, got[3:], want)
			}
		}
	}
	if taken < 500 {
		t.Errorf("appendf formatted only %d of %d cases", taken, tried)
	}
	// The printers' usual formats must not fall back to fmt.
	for _, c := range []struct {
		f string
		a []any
	}{
		{"%d", []any{uint32(70000)}}, {"%02x:%04x", []any{uint8(1), uint16(2)}},
		{"%s > %s:", []any{"a", netip.MustParseAddr("::1")}}, {"%-3d|%5s", []any{-1, "x"}},
	} {
		if _, ok := appendf(nil, c.f, c.a); !ok {
			t.Errorf("appendf(%q) left to fmt", c.f)
		}
	}
}

// TestChecksumLikeWordSum checks the eight-bytes-at-a-time checksum
// against the one's complement sum of 16-bit words it stands for.
func TestChecksumLikeWordSum(t *testing.T) {
	want := func(b []byte, initial uint32) uint16 {
		sum := uint64(initial)
		for i := 0; i < len(b); i += 2 {
			w := uint64(b[i]) << 8
			if i+1 < len(b) {
				w |= uint64(b[i+1])
			}
			sum += w
		}
		for sum>>16 != 0 {
			sum = sum&0xffff + sum>>16
		}
		return ^uint16(sum)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		for _, init := range []uint32{0, 0xffff, rng.Uint32() >> 8, 0xfffffff} {
			if got, w := checksum(b, init), want(b, init); got != w {
				t.Errorf("checksum of %d bytes from %#x = %#04x, want %#04x", n, init, got, w)
			}
		}
		ff := bytes.Repeat([]byte{0xff}, n)
		if got, w := checksum(ff, 0), want(ff, 0); got != w {
			t.Errorf("checksum of %d 0xff bytes = %#04x, want %#04x", n, got, w)
		}
	}
}

// TestIPv4CompatibleAddrPortsLikeTcpdump prints TCP and UDP over IPv6
// between IPv4-compatible addresses: the appended "a.p > b.q:" must end
// them in dotted quad as host does (tcpdump's addrtostr6).
func TestIPv4CompatibleAddrPortsLikeTcpdump(t *testing.T) {
	hdr := "000000000002 000000000001 86dd 6000 0000 %s " +
		"0000000000000000000000000a000001 000000000000000000000000c0a80102 "
	pkts := []crafted{
		{fmt.Sprintf(hdr, "0014 0640") + "04d2 0050 00000001 00000000 5002 2000 0000 0000", 0},
		{fmt.Sprintf(hdr, "0008 1140") + "04d2 0035 0008 0000", 0},
		{fmt.Sprintf(hdr, "0002 1140") + "04d2", 0},
	}
	craftedLikeTcpdump(t, "addr6ports", pkts)
}

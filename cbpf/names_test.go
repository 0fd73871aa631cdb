package cbpf

import (
	"fmt"
	"strings"
	"testing"
)

// The libpcap translate tests in golden/translate_test.go check these
// helpers against libpcap's outputs; this file checks the wrappers' own
// contract: equivalent spellings agree, bad input is an error that names it.

func TestParseMACForms(t *testing.T) {
	forms := []string{"0a1b2c3d4e5f", "0a1b.2c3d.4e5f", "0a:1b:2c:3d:4e:5f", "a:1b:2c:3d:4e:5f",
		"0A-1B-2C-3D-4E-5F", "a.1b.2c.3d.4e.5f"}
	first, err := ParseMAC(forms[0])
	if err != nil {
		t.Fatalf("ParseMAC(%q): %v", forms[0], err)
	}
	if first == ([6]byte{}) {
		t.Fatalf("ParseMAC(%q) = all zeros", forms[0])
	}
	for _, s := range forms[1:] {
		got, err := ParseMAC(s)
		if err != nil || got != first {
			t.Errorf("ParseMAC(%q) = %x, %v; want %x as for %q", s, got, err, first, forms[0])
		}
	}
}

func TestNameErrors(t *testing.T) {
	for _, s := range []string{"", "0a1b2c3d4e5", "0a:1b:2c:3d:4e", "0a1b2c3d4e5g", "0a1b:2c3d:4e5f:"} {
		if mac, err := ParseMAC(s); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", s)) || mac != ([6]byte{}) {
			t.Errorf("ParseMAC(%q) = %x, %v; want a zero address and an error naming the input", s, mac, err)
		}
	}
	for _, s := range []string{"", "1", "1.2.3", "64.0", "0.1024", "a.1", "-1.2"} {
		if v, err := ParseDECnet(s); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", s)) || v != 0 {
			t.Errorf("ParseDECnet(%q) = %d, %v; want 0 and an error naming the input", s, v, err)
		}
	}
	for _, s := range []string{"", "$", "1", "$123", "$g"} {
		if v, err := ParseARCnet(s); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", s)) || v != 0 {
			t.Errorf("ParseARCnet(%q) = %d, %v; want 0 and an error naming the input", s, v, err)
		}
	}
	for _, s := range []string{"", "IP", "ip6 ", "tcp"} {
		if v, ok := EtherProtoByName(s); ok {
			t.Errorf("EtherProtoByName(%q) = %#x, true; want false", s, v)
		}
		if v, ok := LLCByName(s); ok {
			t.Errorf("LLCByName(%q) = %#x, true; want false", s, v)
		}
	}
}

func TestParseDECnetLayout(t *testing.T) {
	// A DECnet address is AREA (6 bits) above NODE (10 bits).
	for area := uint16(0); area < 64; area += 21 {
		for _, node := range []uint16{0, 1, 511, 1023} {
			s := fmt.Sprintf("%d.%d", area, node)
			v, err := ParseDECnet(s)
			if err != nil || v != area<<10|node {
				t.Errorf("ParseDECnet(%q) = %#x, %v; want %#x", s, v, err, area<<10|node)
			}
		}
	}
}

// FuzzNames checks that the helpers never panic and that a parsed address
// written back in the canonical form parses to the same value.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"ip", "stp", "1:2:3:4:5:6", "0102.0304.0506", "63.1023", "$0d", "1:2:3:4:5:6:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, ok := EtherProtoByName(s); !ok && p != 0 {
			t.Errorf("EtherProtoByName(%q) = %#x, false", s, p)
		}
		if p, ok := LLCByName(s); !ok && p != 0 {
			t.Errorf("LLCByName(%q) = %#x, false", s, p)
		}
		if mac, err := ParseMAC(s); err == nil {
			canon := fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5])
			if again, err := ParseMAC(canon); err != nil || again != mac {
				t.Errorf("ParseMAC(%q) = %x, but ParseMAC(%q) = %x, %v", s, mac, canon, again, err)
			}
		}
		if v, err := ParseDECnet(s); err == nil {
			canon := fmt.Sprintf("%d.%d", v>>10, v&0x3ff)
			if again, err := ParseDECnet(canon); err != nil || again != v {
				t.Errorf("ParseDECnet(%q) = %#x, but ParseDECnet(%q) = %#x, %v", s, v, canon, again, err)
			}
		}
		if v, err := ParseARCnet(s); err == nil {
			canon := fmt.Sprintf("$%02x", v)
			if again, err := ParseARCnet(canon); err != nil || again != v {
				t.Errorf("ParseARCnet(%q) = %#x, but ParseARCnet(%q) = %#x, %v", s, v, canon, again, err)
			}
		}
	})
}

package names

import (
	"strconv"
	"strings"
)

// hexRun returns the number of hex digits at s[i:].
func hexRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isHex(s[i+n]) {
		n++
	}
	return n
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// MACLen returns the length of a MAC-48 address starting at s[i] in one of
// the five spellings libpcap accepts in a filter, or 0: six groups of one
// or two hex digits separated by ':', '-' or '.' (one separator
// throughout), three groups of four hex digits separated by '.', or twelve
// hex digits. The parser's scanner uses it for MAC tokens, and Table for
// the addresses of an ethers file.
func MACLen(s string, i int) int {
	// Every spelling needs a separator after the first one, two or four
	// hex digits, or twelve of them.
	h := hexRun(s, i)
	sepAt := func(j int, seps string) bool { return j < len(s) && strings.IndexByte(seps, s[j]) >= 0 }
	if h == 0 || h < 12 && !sepAt(i+min(h, 2), ":-.") && !(h >= 4 && sepAt(i+4, ".")) {
		return 0
	}
	best := 0
	for _, sep := range []byte{':', '-', '.'} {
		j := i
		ok := true
		for g := 0; g < 6; g++ {
			n := min(hexRun(s, j), 2)
			if n == 0 {
				ok = false
				break
			}
			j += n
			if g < 5 {
				if j >= len(s) || s[j] != sep {
					ok = false
					break
				}
				j++
			}
		}
		if ok {
			best = max(best, j-i)
		}
	}
	// xxxx.xxxx.xxxx
	j := i
	ok := true
	for g := 0; g < 3; g++ {
		if hexRun(s, j) < 4 {
			ok = false
			break
		}
		j += 4
		if g < 2 {
			if j >= len(s) || s[j] != '.' {
				ok = false
				break
			}
			j++
		}
	}
	if ok {
		best = max(best, j-i)
	}
	if hexRun(s, i) >= 12 {
		best = max(best, 12)
	}
	return best
}

// ParseMAC reads a whole string as a MAC-48 address in one of the
// spellings MACLen accepts. Table reads ethers files with it.
func ParseMAC(s string) ([6]byte, bool) {
	var mac [6]byte
	if len(s) == 0 || MACLen(s, 0) != len(s) {
		return mac, false
	}
	var digits []byte
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '-' || r == '.' })
	switch len(groups) {
	case 6:
		for _, g := range groups {
			if len(g) == 1 {
				g = "0" + g
			}
			digits = append(digits, g...)
		}
	default:
		digits = []byte(strings.Join(groups, ""))
	}
	if len(digits) != 12 {
		return mac, false
	}
	for i := range mac {
		v, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return mac, false
		}
		mac[i] = byte(v)
	}
	return mac, true
}

// parseColonMAC reads the one spelling ethers(5) documents and Reverse
// accepts: six groups of one or two hex digits separated by ':'
// (8:0:20:1:2:3).
func parseColonMAC(s string) (a [6]byte, ok bool) {
	parts := strings.Split(s, ":")
	if len(parts) != 6 {
		return a, false
	}
	for i, p := range parts {
		if len(p) < 1 || len(p) > 2 {
			return a, false
		}
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			return a, false
		}
		a[i] = byte(v)
	}
	return a, true
}

package parser

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/gocap/gocap/internal/names"
)

// The scanner follows the rules of libpcap's flex lexer: at each position
// every rule is tried, the longest match wins, and a tie goes to the rule
// listed first. The rules, in libpcap's order, are: reserved words,
// white space, one-character operators, two-character operators, "$" MAC-8
// addresses, MAC-48 addresses, numbers, dotted IPv4 numbers, IPv6 addresses,
// malformed colon-separated hex, named constants, names, and
// backslash-escaped words.

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func isAlnum(c byte) bool {
	return isDigit(c) || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func hexRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isHex(s[i+n]) {
		n++
	}
	return n
}

// scan splits expr into tokens. It stops after the first tIllegal token;
// the last token is always tEOF.
func scan(expr string) []token { return scanInto(nil, expr) }

// scanInto is scan appending the tokens to toks.
func scanInto(toks []token, expr string) []token {
	if toks == nil {
		toks = make([]token, 0, len(expr)/3+2)
	}
	i := 0
	for {
		for i < len(expr) && (expr[i] == ' ' || expr[i] == '\t' || expr[i] == '\n' || expr[i] == '\r') {
			i++
		}
		if i >= len(expr) {
			toks = append(toks, token{kind: tEOF, pos: Pos(i), end: Pos(i)})
			return toks
		}
		t := scanOne(expr, i)
		toks = append(toks, t)
		i = int(t.end)
		if t.kind == tIllegal {
			toks = append(toks, token{kind: tEOF, pos: Pos(len(expr)), end: Pos(len(expr))})
			return toks
		}
	}
}

// rule identifies a lexer rule; lower values win ties.
type rule int

const (
	rKeyword rule = iota
	rOp1
	rOp2
	rAID
	rMAC
	rNum
	rHID
	rV6
	rBogusMAC
	rConst
	rID
	rEscaped
	rNone
)

// keywordsByFirst and constantsByFirst list the keywords and named
// constants by first byte, longest first, so that the longest one
// starting a string is the first one found.
var keywordsByFirst, constantsByFirst = byFirstByte(keywords), byFirstByte(namedConstants)

// named is a word and what it stands for.
type named[V any] struct {
	w string
	v V
}

func byFirstByte[V any](m map[string]V) (t [256][]named[V]) {
	for w, v := range m {
		t[w[0]] = append(t[w[0]], named[V]{w, v})
	}
	for i := range t {
		sort.Slice(t[i], func(a, b int) bool {
			x, y := t[i][a].w, t[i][b].w
			return len(x) > len(y) || len(x) == len(y) && x < y
		})
	}
	return t
}

// longestPrefix returns the longest word of t that s starts with, if
// any.
func longestPrefix[V any](t *[256][]named[V], s string) (named[V], bool) {
	for _, e := range t[s[0]] {
		if strings.HasPrefix(s, e.w) {
			return e, true
		}
	}
	return named[V]{}, false
}

// lookup returns what word w of t stands for.
func lookup[V any](t *[256][]named[V], w string) (V, bool) {
	for _, e := range t[w[0]] {
		if len(e.w) == len(w) && e.w == w {
			return e.v, true
		}
	}
	var zero V
	return zero, false
}

// scanOne scans the token at s[i], which is not white space.
func scanOne(s string, i int) token {
	if t, ok := scanWord(s, i); ok {
		return t
	}
	if t, ok := scanNumber(s, i); ok {
		return t
	}
	return scanRules(s, i)
}

// scanNumber is scanOne's short cut for numbers and dotted IPv4 numbers
// ("80", "0x1f", "10.0.0.1"): "0x" and hex digits, or one to four runs of
// decimal digits separated by single dots, which nothing that could
// continue a token follows (no letter, digit, '.', ':', '-' or '_'). It
// returns ok false when the other rules must be tried. On such text the
// rules agree: the number rule (one run, or hex) or the dotted one matches
// the whole text, as the name rule does, and wins the tie; the IPv6 and
// malformed-MAC rules need a ':', and a MAC-48 address needs six groups,
// twelve hex digits in a row, or three groups of four digits, which are
// left to the rules.
func scanNumber(s string, i int) (token, bool) {
	if i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && isHex(s[i+2]) {
		j := i + 2 + hexRun(s, i+2)
		if j < len(s) && continues(s[j]) {
			return token{}, false
		}
		return numberToken(s, i, j), true
	}
	j, groups, fours := i, 0, 0
	for {
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		switch {
		case k == j, k-j >= 12:
			return token{}, false
		case k-j == 4:
			fours++
		}
		groups++
		j = k
		if j < len(s) && s[j] == '.' {
			j++
			continue
		}
		break
	}
	if groups > 4 || groups == 3 && fours >= 2 {
		return token{}, false
	}
	if j < len(s) && continues(s[j]) {
		return token{}, false
	}
	if groups > 1 {
		return token{kind: tHID, pos: Pos(i), end: Pos(j), text: s[i:j]}, true
	}
	return numberToken(s, i, j), true
}

// continues reports whether c could continue a number as a longer token:
// a name, an address, a dotted number.
func continues(c byte) bool {
	return isAlnum(c) || c == '.' || c == ':' || c == '-' || c == '_'
}

// numberToken is the token of the number s[i:end].
func numberToken(s string, i, end int) token {
	t := token{kind: tNUM, pos: Pos(i), end: Pos(end), text: s[i:end]}
	v, msg := parseNumber(t.text)
	if msg != "" {
		t.kind, t.err = tIllegal, msg
	}
	t.val = v
	return t
}

// scanRules scans the token at s[i] by trying every rule.
func scanRules(s string, i int) token {
	best, bestLen := rNone, 0
	try := func(r rule, n int) {
		if n > bestLen {
			best, bestLen = r, n
		}
	}
	// Every keyword and named constant but "&&" and "||" is a name as
	// rID matches it. A shorter one starting a longer name loses to rID,
	// so a name is one only when the whole name is.
	var kw keywordInfo
	constLen, idLen := 0, 0
	var constVal uint32
	if isAlnum(s[i]) {
		n := matchID(s, i)
		idLen = n
		if k, ok := lookup(&keywordsByFirst, s[i:i+n]); ok {
			kw = k
			try(rKeyword, n)
		} else if v, ok := lookup(&constantsByFirst, s[i:i+n]); ok {
			constLen, constVal = n, v
		}
	} else {
		if e, ok := longestPrefix(&keywordsByFirst, s[i:]); ok {
			kw = e.v
			try(rKeyword, len(e.w))
		}
		if e, ok := longestPrefix(&constantsByFirst, s[i:]); ok {
			constLen, constVal = len(e.w), e.v
		}
	}
	switch s[i] {
	case '+', '-', '*', '/', '%', ':', '[', ']', '!', '<', '>', '(', ')', '&', '|', '^', '=':
		try(rOp1, 1)
	}
	if i+1 < len(s) {
		switch s[i : i+2] {
		case ">=", "<=", "!=", "==", "<<", ">>":
			try(rOp2, 2)
		}
	}
	if s[i] == '$' {
		if n := min(hexRun(s, i+1), 2); n > 0 {
			try(rAID, 1+n)
		}
	}
	if isHex(s[i]) {
		try(rMAC, matchMAC(s, i))
	}
	if isDigit(s[i]) {
		try(rNum, matchN(s, i))
		try(rHID, matchHID(s, i))
	}
	if isHex(s[i]) || s[i] == ':' {
		try(rV6, matchV6(s, i))
	}
	if isHex(s[i]) {
		try(rBogusMAC, matchBogusMAC(s, i))
	}
	try(rConst, constLen)
	try(rID, idLen)
	if s[i] == '\\' {
		n := 1
		for i+n < len(s) {
			c := s[i+n]
			if c == ' ' || c == '!' || c == '(' || c == ')' || c == '\n' || c == '\t' {
				break
			}
			n++
		}
		if n > 1 {
			try(rEscaped, n)
		}
	}

	end := i + bestLen
	t := token{pos: Pos(i), end: Pos(end), text: s[i:end]}
	switch best {
	case rKeyword:
		t.kind, t.aux = kw.k, kw.aux
	case rOp1:
		t.kind = op1Kinds[s[i]]
	case rOp2:
		t.kind = op2Kinds[t.text]
	case rAID:
		t.kind = tAID
	case rMAC:
		t.kind = tEID
	case rNum:
		t = numberToken(s, i, end)
	case rHID:
		t.kind = tHID
	case rV6:
		// Like libpcap, check the address as soon as it is scanned.
		t.kind = tHID6
		if _, err := netip.ParseAddr(t.text); err != nil {
			t.kind, t.err = tIllegal, fmt.Sprintf("invalid IPv6 address %s", t.text)
		}
	case rBogusMAC:
		t.kind = tIllegal
		t.err = fmt.Sprintf("invalid Ethernet address %s", t.text)
	case rConst:
		t.kind = tNUM
		t.val = constVal
	case rID:
		t.kind = tID
	case rEscaped:
		t.kind = tID
		t.text = s[i+1 : end]
	default:
		// No rule matched: one byte (or one UTF-8 sequence, so the
		// message does not split a character) is illegal.
		n := 1
		for i+n < len(s) && n < 4 && s[i+n]&0xC0 == 0x80 && s[i] >= 0xC0 {
			n++
		}
		t.end = Pos(i + n)
		t.text = s[i : i+n]
		t.kind = tIllegal
	}
	return t
}

var op1Kinds = [256]kind{
	'+': tPlus, '-': tMinus, '*': tStar, '/': tSlash, '%': tPercent,
	':': tColon, '[': tLbrack, ']': tRbrack, '!': tNot, '<': tLt, '>': tGt,
	'(': tLparen, ')': tRparen, '&': tAmp, '|': tPipe, '^': tCaret, '=': tEq,
}

// scanWord is scanOne's short cut for the commonest tokens, the words
// that start with a letter: it returns ok false when the other rules
// must be tried. Starting with a letter, only a keyword, a named constant
// or a name can match, and the hex rules (MAC-48 and IPv6 addresses and
// malformed colon-separated hex): a keyword wins any tie, and the hex
// rules cannot match as far as the name does when the name holds a
// character none of them can, and cannot match further when no ':', '-'
// or '.' follows it.
func scanWord(s string, i int) (token, bool) {
	c := s[i]
	if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return token{}, false
	}
	n := matchID(s, i)
	w := s[i : i+n]
	if k, ok := lookup(&keywordsByFirst, w); ok {
		return token{kind: k.k, aux: k.aux, pos: Pos(i), end: Pos(i + n), text: w}, true
	}
	if i+n < len(s) {
		if c := s[i+n]; c == ':' || c == '-' || c == '.' {
			return token{}, false
		}
	}
	hexOnly := true
	for j := 0; j < len(w) && hexOnly; j++ {
		hexOnly = isHex(w[j]) || w[j] == '.' || w[j] == '-'
	}
	if hexOnly {
		return token{}, false
	}
	if v, ok := lookup(&constantsByFirst, w); ok {
		return token{kind: tNUM, val: v, pos: Pos(i), end: Pos(i + n), text: w}, true
	}
	return token{kind: tID, pos: Pos(i), end: Pos(i + n), text: w}, true
}

var op2Kinds = map[string]kind{
	">=": tGeq, "<=": tLeq, "!=": tNeq, "==": tEq, "<<": tLsh, ">>": tRsh,
}

// matchID returns the length of the name starting at s[i]: an alphanumeric
// character, then letters, digits, '-', '_' and '.', ending with an
// alphanumeric character or '.'.
func matchID(s string, i int) int {
	j := i + 1
	last := j
	for j < len(s) {
		c := s[j]
		if isAlnum(c) || c == '.' {
			j++
			last = j
		} else if c == '-' || c == '_' {
			j++
		} else {
			break
		}
	}
	return last - i
}

// matchNEnds returns the possible ends of a number starting at s[i]: a run
// of decimal digits, or 0x/0X and a run of hex digits.
func matchNEnds(s string, i int) (dec, hex int) {
	dec, hex = -1, -1
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j > i {
		dec = j
	}
	if i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && isHex(s[i+2]) {
		hex = i + 2 + hexRun(s, i+2)
	}
	return dec, hex
}

func matchN(s string, i int) int {
	dec, hex := matchNEnds(s, i)
	return max(dec, hex, i) - i
}

// matchDotted returns the longest match of parts numbers separated by dots,
// for any count of parts in [minParts, maxParts], or 0.
func matchDotted(s string, i, minParts, maxParts int) int {
	best := 0
	var walk func(j, parts int)
	walk = func(j, parts int) {
		dec, hex := matchNEnds(s, j)
		for _, e := range [2]int{dec, hex} {
			if e < 0 {
				continue
			}
			if parts+1 >= minParts && e-i > best {
				best = e - i
			}
			if parts+1 < maxParts && e < len(s) && s[e] == '.' {
				walk(e+1, parts+1)
			}
		}
	}
	walk(i, 0)
	return best
}

func matchHID(s string, i int) int { return matchDotted(s, i, 2, 4) }

// matchMAC returns the length of a MAC-48 address in any of libpcap's five
// spellings starting at s[i], or 0.
func matchMAC(s string, i int) int { return names.MACLen(s, i) }

// matchBogusMAC matches one or more hex pairs each followed by colons, at
// least two of them: text that looks like a MAC address but is not one.
func matchBogusMAC(s string, i int) int {
	j := i
	groups := 0
	for {
		n := hexRun(s, j)
		if n == 0 || n > 2 || j+n >= len(s) || s[j+n] != ':' {
			break
		}
		j += n
		for j < len(s) && s[j] == ':' {
			j++
		}
		groups++
	}
	if groups < 2 {
		return 0
	}
	return j - i
}

// matchV6 returns the length of the longest IPv6 address starting at s[i]:
// eight groups of 1 to 4 hex digits, or fewer with one "::", optionally
// ending in a dotted IPv4 address in place of the last two groups.
func matchV6(s string, i int) int {
	// An address starts with "::" or with one to four hex digits and ':'.
	if h := hexRun(s, i); s[i] != ':' && (h == 0 || h > 4 || i+h >= len(s) || s[i+h] != ':') {
		return 0
	}
	best := 0
	valid := func(groups int, dbl bool, v4 bool) bool {
		if v4 {
			if dbl {
				return groups <= 5
			}
			return groups == 6
		}
		if dbl {
			return groups <= 7
		}
		return groups == 8
	}
	var elem func(j, groups int, dbl bool)
	elem = func(j, groups int, dbl bool) {
		if groups > 8 {
			return
		}
		// Embedded IPv4 address.
		if v4 := matchDotted(s, j, 4, 4); v4 > 0 && valid(groups, dbl, true) {
			best = max(best, j+v4-i)
		}
		run := hexRun(s, j)
		if run == 0 {
			return
		}
		n := min(run, 4)
		g := groups + 1
		if valid(g, dbl, false) {
			best = max(best, j+n-i)
		}
		if run > 4 {
			return
		}
		k := j + n
		if k < len(s) && s[k] == ':' {
			if k+1 < len(s) && s[k+1] == ':' {
				if !dbl {
					if valid(g, true, false) {
						best = max(best, k+2-i)
					}
					elem(k+2, g, true)
				}
			} else {
				elem(k+1, g, dbl)
			}
		}
	}
	if i+1 < len(s) && s[i] == ':' && s[i+1] == ':' {
		best = 2
		elem(i+2, 0, true)
	} else if s[i] != ':' {
		elem(i, 0, false)
	}
	return best
}

// parseNumber converts a decimal, octal (leading 0) or hexadecimal (0x)
// number, reporting overflow and bad digits with libpcap's messages.
func parseNumber(text string) (uint32, string) {
	var n uint32
	switch {
	case len(text) >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'):
		for _, c := range []byte(text[2:]) {
			var d uint32
			switch {
			case isDigit(c):
				d = uint32(c - '0')
			case 'a' <= c && c <= 'f':
				d = uint32(c-'a') + 10
			default:
				d = uint32(c-'A') + 10
			}
			if n > 0x0FFFFFFF {
				return 0, fmt.Sprintf("hexadecimal number %s overflows 32 bits", text)
			}
			n = n<<4 + d
		}
	case len(text) >= 1 && text[0] == '0':
		for _, c := range []byte(text[1:]) {
			if c < '0' || c > '7' {
				return 0, fmt.Sprintf("number %s contains non-octal digit", text)
			}
			if n > 0o3777777777 {
				return 0, fmt.Sprintf("octal number %s overflows 32 bits", text)
			}
			n = n<<3 + uint32(c-'0')
		}
	default:
		for _, c := range []byte(text) {
			d := uint32(c - '0')
			if n > 0xFFFFFFFF/10 || (n == 0xFFFFFFFF/10 && d > 0xFFFFFFFF%10) {
				return 0, fmt.Sprintf("decimal number %s overflows 32 bits", text)
			}
			n = n*10 + d
		}
	}
	return n, ""
}

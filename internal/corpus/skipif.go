package corpus

import (
	"fmt"
	"strings"
)

// Env is the platform that skip_if conditions are evaluated against.
type Env struct {
	OS        string // Perl's $^O, e.g. "linux"
	BigEndian bool   // host byte order; little_endian is its negation
	// Config lists the config.h macros defined to 1; others are false.
	Config map[string]bool
	// Missing lists the no_test_* atoms that are true ("no_test_hosts",
	// "no_test_ethers_casecmp", ...): the fixture is not installed, or the
	// resolver compares names case-sensitively. Others are false.
	Missing map[string]bool
}

var noTestAtoms = map[string]bool{
	"no_test_hosts": true, "no_test_ethers": true, "no_test_networks": true,
	"no_test_hosts_casecmp": true, "no_test_ethers_casecmp": true, "no_test_networks_casecmp": true,
}

// Eval evaluates a skip_if condition and reports whether the case is to be
// skipped. The empty condition is false. Grammar (&& binds tighter than ||):
//
//	or   = and { "||" and }
//	and  = not { "&&" not }
//	not  = "!" not | "(" or ")" | atom
//	atom = "os==" NAME | "os!=" NAME | "big_endian" | "little_endian"
//	     | "config(" NAME ")" | no_test_{hosts,ethers,networks}[_casecmp]
//
// An unknown atom or a syntax error is an error, never a silent false.
func (e Env) Eval(cond string) (bool, error) {
	if strings.TrimSpace(cond) == "" {
		return false, nil
	}
	p := &condParser{env: e, src: cond}
	v, err := p.or()
	if err != nil {
		return false, fmt.Errorf("skip_if %q: %w", cond, err)
	}
	if p.skipSpace(); p.pos != len(p.src) {
		return false, fmt.Errorf("skip_if %q: unexpected %q at offset %d", cond, p.src[p.pos:], p.pos)
	}
	return v, nil
}

type condParser struct {
	env Env
	src string
	pos int
}

func (p *condParser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

// accept consumes tok if it comes next.
func (p *condParser) accept(tok string) bool {
	p.skipSpace()
	if strings.HasPrefix(p.src[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *condParser) or() (bool, error) {
	return p.chain("||", p.and, func(a, b bool) bool { return a || b })
}

func (p *condParser) and() (bool, error) {
	return p.chain("&&", p.not, func(a, b bool) bool { return a && b })
}

// chain parses operands with next joined by the operator op, every one
// of them, and combines their values left to right with f.
func (p *condParser) chain(op string, next func() (bool, error), f func(a, b bool) bool) (bool, error) {
	v, err := next()
	if err != nil {
		return false, err
	}
	for p.accept(op) {
		w, err := next()
		if err != nil {
			return false, err
		}
		v = f(v, w)
	}
	return v, nil
}

func (p *condParser) not() (bool, error) {
	if p.accept("!") {
		v, err := p.not()
		return !v, err
	}
	if p.accept("(") {
		v, err := p.or()
		if err != nil {
			return false, err
		}
		if !p.accept(")") {
			return false, fmt.Errorf("missing ')' at offset %d", p.pos)
		}
		return v, nil
	}
	return p.atom()
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func (p *condParser) name() string {
	start := p.pos
	for p.pos < len(p.src) && isNameByte(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *condParser) atom() (bool, error) {
	p.skipSpace()
	start := p.pos
	word := p.name()
	switch word {
	case "":
		if p.pos == len(p.src) {
			return false, fmt.Errorf("condition ends early")
		}
		return false, fmt.Errorf("unexpected %q at offset %d", p.src[p.pos:], p.pos)
	case "os":
		var eq bool
		switch {
		case strings.HasPrefix(p.src[p.pos:], "=="):
			eq = true
		case strings.HasPrefix(p.src[p.pos:], "!="):
		default:
			return false, fmt.Errorf("want == or != after os at offset %d", p.pos)
		}
		p.pos += 2
		os := p.name()
		if os == "" {
			return false, fmt.Errorf("missing OS name at offset %d", p.pos)
		}
		return (p.env.OS == os) == eq, nil
	case "big_endian":
		return p.env.BigEndian, nil
	case "little_endian":
		return !p.env.BigEndian, nil
	case "config":
		if !strings.HasPrefix(p.src[p.pos:], "(") {
			return false, fmt.Errorf("want '(' after config at offset %d", p.pos)
		}
		p.pos++
		macro := p.name()
		if macro == "" || !strings.HasPrefix(p.src[p.pos:], ")") {
			return false, fmt.Errorf("want config(NAME) at offset %d", start)
		}
		p.pos++
		return p.env.Config[macro], nil
	}
	if noTestAtoms[word] {
		return p.env.Missing[word], nil
	}
	return false, fmt.Errorf("unknown atom %q at offset %d", word, start)
}

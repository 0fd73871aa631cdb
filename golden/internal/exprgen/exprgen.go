// Package exprgen generates pcap-filter(7) expressions at random from the
// grammar, for differential tests against libpcap master (see
// golden/grammar_diff_test.go and docs/golden.md).
//
// The expressions cover every primitive family of
// ../shared/corpus/libpcap/primitives.md, free combinations of the
// proto, dir and type qualifiers with ids of every shape (many of them
// invalid on purpose, so that refusals are compared too), arithmetic
// relations over every protocol that supports the index operation, and
// and/or/not nesting. Names are limited to ones every resolver knows
// (protocol and service numbers, ethertype names, "localhost"), so that
// the host's databases cannot make the two compilers disagree.
//
// A Gen is deterministic: the same seed gives the same expressions.
package exprgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Gen generates expressions. It is not safe for concurrent use.
type Gen struct {
	r *rand.Rand
}

// New returns a generator seeded with seed.
func New(seed uint64) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, seed^0x6a09e667f3bcc908))}
}

// Expr returns the next expression.
func (g *Gen) Expr() string {
	return g.expr(0)
}

func (g *Gen) n(k int) int           { return g.r.IntN(k) }
func (g *Gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *Gen) pick(s ...string) string { return s[g.n(len(s))] }

// expr is a boolean expression; depth bounds the nesting.
func (g *Gen) expr(depth int) string {
	if depth >= 3 || g.chance(0.6) {
		return g.primitive(depth)
	}
	switch g.n(7) {
	case 0:
		return g.pick("not ", "!") + g.expr(depth+1)
	case 1:
		return "(" + g.expr(depth+1) + ")"
	case 2, 3:
		return g.expr(depth+1) + g.pick(" and ", " && ") + g.expr(depth+1)
	case 4, 5:
		return g.expr(depth+1) + g.pick(" or ", " || ") + g.expr(depth+1)
	default:
		// A bare id after and/or reuses the previous qualifiers.
		return g.qualified() + g.pick(" or ", " and ") + g.id(g.n(len(idKinds)))
	}
}

// primitive picks a primitive family.
func (g *Gen) primitive(depth int) string {
	switch g.n(24) {
	case 0, 1, 2:
		return g.qualified()
	case 3:
		return g.host()
	case 4:
		return g.net()
	case 5:
		return g.port()
	case 6:
		return g.protoPrim()
	case 7:
		return g.linkProto()
	case 8:
		return g.castPrim()
	case 9:
		return g.isoPrim()
	case 10:
		return g.llcPrim()
	case 11:
		return g.encap()
	case 12:
		return g.wlanPrim()
	case 13:
		return g.atmPrim()
	case 14:
		return g.mtpPrim()
	case 15:
		return g.pflogPrim()
	case 16:
		return g.miscPrim()
	default:
		return g.relation(depth)
	}
}

// Qualifier and id vocabularies. They include keywords that are invalid
// in some positions on purpose.
var (
	protoQuals = []string{"", "", "ether", "fddi", "tr", "wlan", "ppp", "slip", "link",
		"ip", "ip6", "arp", "rarp", "tcp", "udp", "sctp", "icmp", "icmp6", "igmp", "igrp",
		"pim", "vrrp", "carp", "ah", "esp", "atalk", "aarp", "decnet", "lat", "sca", "moprc",
		"mopdl", "iso", "esis", "isis", "clnp", "stp", "ipx", "netbeui", "radio"}
	dirQuals = []string{"", "", "src", "dst", "src or dst", "src and dst", "ra", "ta",
		"addr1", "addr2", "addr3", "addr4", "address1", "address4", "inbound", "outbound"}
	typeQuals = []string{"", "", "host", "net", "port", "portrange", "proto", "protochain",
		"gateway"}
	idKinds = []string{"num", "ipv4", "ipv6", "mac", "name", "net", "range", "mac8"}
)

// qualified is "[proto] [dir] [type] id" with the parts drawn freely.
func (g *Gen) qualified() string {
	var parts []string
	for _, q := range []string{g.pick(protoQuals...), g.pick(dirQuals...), g.pick(typeQuals...)} {
		if q != "" {
			parts = append(parts, q)
		}
	}
	parts = append(parts, g.id(g.n(len(idKinds))))
	return strings.Join(parts, " ")
}

// id returns an id of the given kind (an index into idKinds).
func (g *Gen) id(kind int) string {
	switch idKinds[kind] {
	case "num":
		return g.num(70000)
	case "ipv4":
		return g.ipv4()
	case "ipv6":
		return g.ipv6()
	case "mac":
		return g.mac()
	case "name":
		return g.pick("localhost", "http", "domain", "ftp-data", "telnet", "\\tcp", "\\udp",
			"\\icmp", "\\ip", "\\ip6", "\\arp", "tcp", "udp", "icmp", "ip", "ip6", "arp", "rarp",
			"atalk", "aarp", "decnet", "lat", "sca", "moprc", "mopdl", "iso", "stp", "ipx",
			"netbeui", "lldp", "loopback", "slow", "\\clnp", "\\esis", "\\isis", "ospf", "gre",
			"nosuchname")
	case "net":
		return g.netID()
	case "range":
		return fmt.Sprintf("%d-%d", g.n(70000), g.n(70000))
	default:
		return fmt.Sprintf("$%x", g.n(300))
	}
}

// num is a number below max in decimal, hex or octal.
func (g *Gen) num(max int) string {
	v := g.n(max)
	if g.chance(0.3) {
		v = g.pickInt(0, 1, 2, 4, 6, 8, 17, 31, 32, 58, 80, 255, 256, 1500, 65535, 65536)
	}
	switch g.n(6) {
	case 0:
		return fmt.Sprintf("0x%x", v)
	case 1:
		if v != 0 {
			return fmt.Sprintf("0%o", v)
		}
	}
	return fmt.Sprint(v)
}

func (g *Gen) pickInt(s ...int) int { return s[g.n(len(s))] }

func (g *Gen) ipv4() string {
	switch g.n(6) {
	case 0:
		return fmt.Sprintf("%d.%d", g.n(256), g.n(256))
	case 1:
		return fmt.Sprintf("%d.%d.%d", g.n(256), g.n(256), g.n(256))
	case 2:
		return g.pick("127.0.0.1", "255.255.255.255", "224.0.0.1", "0.0.0.0", "10.0.0.1")
	default:
		return fmt.Sprintf("%d.%d.%d.%d", g.n(256), g.n(256), g.n(256), g.n(256))
	}
}

func (g *Gen) ipv6() string {
	switch g.n(4) {
	case 0:
		return g.pick("::1", "::", "fe80::1", "ff02::1", "2001:db8::1", "::ffff:10.0.0.1")
	case 1:
		return fmt.Sprintf("%x::%x", g.n(0x10000), g.n(0x10000))
	default:
		var w []string
		for range 8 {
			w = append(w, fmt.Sprintf("%x", g.n(0x10000)))
		}
		return strings.Join(w, ":")
	}
}

func (g *Gen) mac() string {
	b := make([]string, 6)
	for i := range b {
		b[i] = fmt.Sprintf("%02x", g.n(256))
	}
	switch g.n(5) {
	case 0:
		return strings.Join(b, "-")
	case 1:
		return strings.Join(b, ".")
	case 2:
		return strings.Join(b, "")
	case 3:
		return b[0] + b[1] + "." + b[2] + b[3] + "." + b[4] + b[5]
	default:
		return strings.Join(b, ":")
	}
}

func (g *Gen) netID() string {
	switch g.n(5) {
	case 0:
		return fmt.Sprintf("%s/%d", g.ipv4(), g.n(34))
	case 1:
		return fmt.Sprintf("%s mask %s", g.ipv4(), g.pick("255.255.255.0", "255.0.0.0", "255.255", "0.0.0.0", "255.255.255.255"))
	case 2:
		return fmt.Sprintf("%s/%d", g.ipv6(), g.n(130))
	case 3:
		return g.ipv4()
	default:
		return fmt.Sprintf("%d.%d.0.0/16", g.n(256), g.n(256))
	}
}

func (g *Gen) join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

func (g *Gen) dir() string {
	return g.pick("", "", "src", "dst", "src or dst", "src and dst")
}

func (g *Gen) host() string {
	switch g.n(3) {
	case 0:
		return g.join(g.pick("", "ip", "arp", "rarp"), g.dir(), g.pick("host", ""), g.ipv4())
	case 1:
		return g.join(g.pick("", "ip6"), g.dir(), "host", g.ipv6())
	default:
		return g.join(g.pick("ether", "fddi", "tr", "wlan", "link"), g.dir(), "host", g.mac())
	}
}

func (g *Gen) net() string {
	return g.join(g.pick("", "ip", "ip6", "arp", "rarp"), g.dir(), "net", g.netID())
}

func (g *Gen) port() string {
	proto := g.pick("", "tcp", "udp", "sctp", "ip", "ip6")
	if g.chance(0.3) {
		return g.join(proto, g.dir(), "portrange", fmt.Sprintf("%s-%s", g.portID(), g.portID()))
	}
	return g.join(proto, g.dir(), "port", g.portID())
}

func (g *Gen) portID() string {
	if g.chance(0.2) {
		return g.pick("http", "domain", "ftp", "ftp-data", "telnet", "ssh", "smtp")
	}
	return fmt.Sprint(g.pickInt(0, 20, 53, 80, 443, 8080, 65535, 65536, g.n(70000)))
}

func (g *Gen) protoPrim() string {
	switch g.n(4) {
	case 0:
		return g.join(g.pick("ip", "ip6", ""), "proto", g.pick(g.num(300), "\\tcp", "\\udp", "\\icmp", "icmp6", "ospf", "gre", "esp", "ah", "pim"))
	case 1:
		return g.join(g.pick("ip", "ip6", ""), "protochain", g.pick(g.num(300), "\\tcp", "\\udp", "\\icmp", "ospf"))
	default:
		return g.pick("tcp", "udp", "sctp", "icmp", "icmp6", "igmp", "igrp", "pim", "ah", "esp",
			"vrrp", "carp", "ip", "ip6", "arp", "rarp", "atalk", "aarp", "decnet", "iso", "stp",
			"ipx", "netbeui", "lat", "sca", "moprc", "mopdl")
	}
}

func (g *Gen) linkProto() string {
	return g.join(g.pick("ether", "link", "ppp", "fddi", "tr", "wlan", "slip"), "proto",
		g.pick("\\ip", "\\ip6", "\\arp", "\\rarp", "\\atalk", "aarp", "\\decnet", "\\iso", "ipx",
			"lat", "lldp", "loopback", "mopdl", "moprc", "netbeui", "\\sca", "slow", "\\stp", g.num(70000)))
}

func (g *Gen) castPrim() string {
	return g.join(g.pick("", "ether", "fddi", "tr", "wlan", "link", "ip", "ip6"), g.pick("broadcast", "multicast"))
}

func (g *Gen) isoPrim() string {
	switch g.n(3) {
	case 0:
		return "iso proto " + g.pick("\\clnp", "\\esis", "\\isis", g.num(256))
	case 1:
		return "isis proto " + g.num(256)
	default:
		return g.pick("clnp", "esis", "es-is", "isis", "is-is", "l1", "l2", "iih", "lsp", "snp", "csnp", "psnp")
	}
}

func (g *Gen) llcPrim() string {
	return g.join("llc", g.pick("", "", "i", "s", "u", "rr", "rnr", "rej", "ui", "ua", "disc", "dm",
		"sabme", "test", "xid", "frmr"))
}

func (g *Gen) encap() string {
	optional := func(max int) string {
		if g.chance(0.5) {
			return ""
		}
		return g.num(max)
	}
	switch g.n(6) {
	case 0:
		return g.join("vlan", optional(5000))
	case 1:
		return g.join("mpls", optional(1<<21))
	case 2:
		return "pppoed"
	case 3:
		return g.join("pppoes", optional(70000))
	case 4:
		return g.join("geneve", optional(1<<25))
	default:
		return g.join("vxlan", optional(1<<25))
	}
}

func (g *Gen) wlanPrim() string {
	switch g.n(4) {
	case 0:
		return g.join("wlan", g.pick("ra", "ta", "addr1", "addr2", "addr3", "addr4", "address2", "src", "dst"), g.mac())
	case 1:
		return g.join(g.pick("", "wlan"), "type", g.pick("mgt", "ctl", "data", g.num(4)), g.pick("", "subtype "+g.pick("assoc-req", "beacon", "qos", "ack", "rts", "data", "probe-resp")))
	case 2:
		return g.join(g.pick("", "wlan"), "subtype", g.pick("assoc-req", "beacon", "qos", "ack", "rts", "data", "probe-req", "disassoc", "auth", "deauth", "cts", g.num(16)))
	default:
		return g.join(g.pick("", "wlan"), g.pick("dir", "direction"), g.pick("nods", "tods", "fromds", "dstods", g.num(4)))
	}
}

func (g *Gen) relop() string {
	return g.pick(">", "<", ">=", "<=", "=", "==", "!=")
}

func (g *Gen) atmPrim() string {
	switch g.n(3) {
	case 0:
		return g.join(g.pick("vpi", "vci"), g.pick("", g.relop()), g.num(300))
	case 1:
		return fmt.Sprintf("%s (%s or %s)", g.pick("vpi", "vci"), g.num(300), g.num(300))
	default:
		return g.pick("lane", "oamf4sc", "oamf4ec", "oamf4", "oam", "metac", "bcc", "sc", "ilmic", "connectmsg", "metaconnect")
	}
}

func (g *Gen) mtpPrim() string {
	if g.chance(0.4) {
		return g.pick("fisu", "lssu", "lsu", "msu", "hfisu", "hlssu", "hmsu")
	}
	return g.join(g.pick("sio", "dpc", "opc", "sls", "hsio", "hdpc", "hopc", "hsls"), g.pick("", g.relop()), g.num(20000))
}

func (g *Gen) pflogPrim() string {
	switch g.n(6) {
	case 0:
		return g.pick("on", "ifname") + " " + g.pick("em0", "lo0", "testname1")
	case 1:
		return g.pick("rnr", "rulenum", "srnr", "subrulenum") + " " + g.num(70000)
	case 2:
		return g.pick("rset", "ruleset") + " " + g.pick("main", "x")
	case 3:
		return "reason " + g.pick("match", "bad-offset", "fragment", "short", "normalize", "memory", g.num(10))
	default:
		return "action " + g.pick("pass", "block", "drop", "nat", "rdr", "binat", "scrub", "nonat", "nobinat", "nordr", "noscrub", "match")
	}
}

func (g *Gen) miscPrim() string {
	switch g.n(6) {
	case 0:
		return g.pick("less", "greater") + " " + g.num(2000)
	case 1:
		return g.pick("inbound", "outbound")
	case 2:
		return "ifindex " + g.num(100)
	case 3:
		return fmt.Sprintf("byte %s %s %s", g.num(64), g.pick("=", "<", ">", "&", "|", "<<"), g.num(256))
	case 4:
		return g.join("decnet", g.pick("", "src", "dst"), g.pick("", "host"), fmt.Sprintf("%d.%d", g.n(70), g.n(1100)))
	default:
		return g.join(g.pick("", "ip", "arp", "rarp"), "gateway", "localhost")
	}
}

// loadProtos are the protocols of "proto[expr]", including ones that do
// not support the index operation on every link type.
var loadProtos = []string{"ether", "link", "ip", "ip", "ip6", "tcp", "tcp", "udp", "icmp",
	"icmp6", "igmp", "igrp", "pim", "vrrp", "carp", "sctp", "arp", "rarp", "atalk", "decnet",
	"lat", "mopdl", "moprc", "sca", "radio", "ppp", "slip", "fddi", "tr", "wlan", "aarp", "iso"}

func (g *Gen) relation(depth int) string {
	return g.arith(depth) + " " + g.relop() + " " + g.arith(depth)
}

// arith is an arithmetic expression; depth bounds the nesting.
func (g *Gen) arith(depth int) string {
	if depth >= 3 {
		return g.arithLeaf(depth)
	}
	switch g.n(8) {
	case 0, 1, 2:
		return g.arithLeaf(depth)
	case 3:
		return "-" + g.arith(depth+1)
	case 4:
		return "(" + g.arith(depth+1) + ")"
	default:
		op := g.pick("+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>")
		rhs := g.arith(depth + 1)
		if g.chance(0.5) {
			rhs = g.arithConst(op)
		}
		return g.arith(depth+1) + " " + op + " " + rhs
	}
}

// arithConst is a constant right operand, sometimes one the compilers
// must refuse (division by zero, shift by more than 31).
func (g *Gen) arithConst(op string) string {
	switch op {
	case "/", "%":
		return g.pick("0", "1", "2", "3", "16", "255")
	case "<<", ">>":
		return g.pick("0", "1", "2", "4", "8", "31", "32")
	}
	return g.num(0x10000)
}

func (g *Gen) arithLeaf(depth int) string {
	switch g.n(8) {
	case 0:
		return g.num(0x10000)
	case 1:
		return g.pick("len", "length")
	case 2:
		return g.pick("tcp-fin", "tcp-syn", "tcp-rst", "tcp-push", "tcp-ack", "tcp-urg", "tcp-ece",
			"tcp-cwr", "icmp-echo", "icmp-echoreply", "icmp-unreach", "icmp6-echo", "icmp6-echoreply")
	default:
		return g.load(depth)
	}
}

func (g *Gen) load(depth int) string {
	proto := g.pick(loadProtos...)
	var idx string
	switch g.n(6) {
	case 0:
		idx = g.pick("tcpflags", "icmptype", "icmpcode", "icmp6type", "icmp6code")
	case 1:
		if depth < 2 {
			idx = g.arith(depth + 1)
			break
		}
		fallthrough
	default:
		idx = fmt.Sprint(g.pickInt(0, 1, 2, 6, 9, 12, 13, 16, 20, 40, g.n(80)))
	}
	switch g.n(5) {
	case 0:
		return fmt.Sprintf("%s[%s]", proto, idx)
	case 1:
		return fmt.Sprintf("%s[%s : %d]", proto, idx, g.pickInt(1, 2, 4, 3))
	default:
		return fmt.Sprintf("%s[%s:%d]", proto, idx, g.pickInt(1, 2, 4))
	}
}

// ArithMatrix returns a fixed, systematic set of arithmetic relations:
// every pair of operands (in both orders) under every binary operator,
// every pair under a few comparisons, and three-operand nestings. The
// operands are loads from protocols with and without protocol checks of
// their own, "len" and a constant, so that the set shows which
// protocol checks survive in which position.
func ArithMatrix() []string {
	operands := []string{"ip[2:2]", "tcp[12]", "udp[4:2]", "icmp[0]", "icmp6[0]", "ip6[6]",
		"link[0]", "radio[1]", "len", "4"}
	ops := []string{"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"}
	var out []string
	for _, a := range operands {
		for _, b := range operands {
			for _, op := range ops {
				out = append(out, fmt.Sprintf("%s %s %s > 0", a, op, b))
			}
			for _, rel := range []string{"=", "<=", "!="} {
				out = append(out, fmt.Sprintf("%s %s %s", a, rel, b))
			}
		}
	}
	three := []string{"ip[0]", "tcp[0]", "udp[0]", "icmp6[0]", "1"}
	for _, a := range three {
		for _, b := range three {
			for _, c := range three {
				out = append(out,
					fmt.Sprintf("%s - (%s & %s) > 0", a, b, c),
					fmt.Sprintf("(%s - %s) & %s > 0", a, b, c),
					fmt.Sprintf("-%s = tcp[%s + %s]", a, b, c),
					fmt.Sprintf("%s + %s < -%s", a, b, c))
			}
		}
	}
	return out
}

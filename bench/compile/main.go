// Command compile measures how long gocap takes to compile filter
// expressions (parse, generate and, with -O, optimize) per expression. It is
// the Go half of bench/compile.sh, whose C half (bench/compile/libpcap)
// times libpcap's pcap_compile on the same list.
//
// Usage:
//
//	compile -list CORPUS OUT     write the expressions to time
//	compile [-reps N] [-min DURATION] [-kindmin DURATION] [-cpuprofile FILE] [-memprofile FILE] LIST
//	compile -dump LIST
//
// With -list it reads libpcap's filter corpus (filtertests.jsonl), keeps the
// accept cases whose expression gocap compiles for the case's link type
// without looking up a host, ether or network name (those would time the
// system resolver, and DNS), and writes one tab-separated line per
// expression: its kind (see kindOf), DLT number, snapshot length, netmask
// (0xffffffff for unknown), expression. Expressions holding a tab or newline
// are left out.
//
// Otherwise it compiles every expression of LIST with the optimizer off and
// on, in whole passes for at least -min of the process's CPU time (after
// untimed passes for half that), -reps times, and prints the best
// time per expression of each, one tab-separated line per mode: "gocap" or
// "gocap-unopt", ns/expression, expressions, total instructions. Then it
// times each kind of expression on its own the same way, for at least
// -kindmin (0 skips this), optimizer on and off, and prints one line for
// each: "gocap:KIND" or "gocap-unopt:KIND", ns/expression, expressions,
// total instructions, heap allocations and bytes allocated per expression.
//
// With -dump it prints every expression of LIST with its unoptimized and
// optimized programs (or errors), to check that a change to the compiler's
// speed leaves every program as it was (diff two dumps).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
)

func main() {
	list := flag.Bool("list", false, "write the expression list from the corpus: compile -list CORPUS OUT")
	reps := flag.Int("reps", 5, "repetitions (the fastest counts)")
	minDur := flag.Duration("min", 200*time.Millisecond, "least time per repetition")
	kindMin := flag.Duration("kindmin", 100*time.Millisecond, "least time per repetition of each kind (0: no timing per kind)")
	dump := flag.Bool("dump", false, "print every program of LIST: compile -dump LIST")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the timing runs to this file")
	memProfile := flag.String("memprofile", "", "write an allocation profile of the timing runs to this file")
	flag.Parse()
	if *memProfile != "" {
		runtime.MemProfileRate = 512
		defer func() {
			f, err := os.Create(*memProfile)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "compile:", err)
			}
		}()
	}
	var err error
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "compile:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "compile:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	switch {
	case *list && flag.NArg() == 2:
		err = writeList(flag.Arg(0), flag.Arg(1))
	case *dump && flag.NArg() == 1:
		err = dumpList(flag.Arg(0))
	case !*list && flag.NArg() == 1:
		err = timeList(flag.Arg(0), *reps, *minDur, *kindMin)
	default:
		fmt.Fprintln(os.Stderr, "usage: compile -list CORPUS OUT | compile [-reps N] [-min DURATION] [-kindmin DURATION] LIST | compile -dump LIST")
		os.Exit(2)
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
}

// noNames resolves services and protocols as gocap does by default and no
// host, ether or network name.
type noNames struct{ parser.Resolver }

func (noNames) LookupHost(string) ([]netip.Addr, error) { return nil, nil }
func (noNames) LookupEther(string) ([6]byte, bool)      { return [6]byte{}, false }
func (noNames) LookupNetwork(string) (uint32, bool)     { return 0, false }

// countNames is noNames counting the service and protocol names it
// resolves, to tell the expressions that use one.
type countNames struct {
	noNames
	n *int
}

func (c countNames) LookupService(name, proto string) (int, bool) {
	v, ok := c.noNames.LookupService(name, proto)
	if ok {
		*c.n++
	}
	return v, ok
}

func (c countNames) LookupProtocol(name string) (int, bool) {
	v, ok := c.noNames.LookupProtocol(name)
	if ok {
		*c.n++
	}
	return v, ok
}

// corpusCase holds the fields of a filtertests.jsonl line this tool uses.
type corpusCase struct {
	Kind       string `json:"kind"`
	LinkType   string `json:"linktype"`
	Expr       string `json:"expr"`
	Netmask    string `json:"netmask"`
	Snaplen    uint32 `json:"snaplen"`
	PseudoExpr bool   `json:"pseudo_expr"`
}

// entry is one expression to time.
type entry struct {
	opts cbpf.Options
	kind string
	expr string
}

// kinds names the kinds of expression, in the order the tables list them
// and the order kindOf tries them in (the first that fits counts):
//
//   - names: a service or protocol name is looked up (udp port domain, ip
//     proto \tcp when tcp is not a keyword there, portrange ftp-smtp);
//   - protochain, geneve/vxlan, vlan/mpls/pppoe: those keywords anywhere;
//   - arith: a packet access (x[...]), a relation (=, <, >, !=) or
//     len/less/greater;
//   - wlan (802.11 type, subtype, direction, addresses), atm (vpi, vci,
//     lane, oam, ...), mtp (SS7 sio, opc, dpc, sls, ...), pflog (reason,
//     action, rule numbers, ifname): those link types' own primitives;
//   - portrange, port, net: those keywords;
//   - ether/link: ether, link, fddi, tr, ppp, slip qualifiers, broadcast,
//     multicast;
//   - host: host or gateway, or an address with only direction and
//     protocol qualifiers (src 10.0.0.1, ip6 dst ::1);
//   - proto: protocols alone (tcp, ip or ip6, ip proto 2, icmp6);
//   - other link: the rest (llc, iso, isis, decnet, inbound, ...).
var kinds = []string{"names", "protochain", "geneve/vxlan", "vlan/mpls/pppoe", "arith", "wlan", "atm", "mtp", "pflog",
	"portrange", "port", "net", "ether/link", "host", "proto", "other link"}

// kindWords maps a word to the kind it makes an expression.
var kindWords = map[string]string{
	"protochain": "protochain",
	"geneve":     "geneve/vxlan", "vxlan": "geneve/vxlan",
	"vlan": "vlan/mpls/pppoe", "mpls": "vlan/mpls/pppoe", "pppoes": "vlan/mpls/pppoe", "pppoed": "vlan/mpls/pppoe",
	"len": "arith", "length": "arith", "less": "arith", "greater": "arith",
	"wlan": "wlan", "type": "wlan", "subtype": "wlan", "dir": "wlan", "direction": "wlan",
	"ra": "wlan", "ta": "wlan", "addr1": "wlan", "addr2": "wlan", "addr3": "wlan", "addr4": "wlan",
	"vpi": "atm", "vci": "atm", "lane": "atm", "oam": "atm", "oamf4": "atm", "oamf4ec": "atm", "oamf4sc": "atm",
	"metac": "atm", "bcc": "atm", "sc": "atm", "ilmic": "atm", "connectmsg": "atm", "metaconnect": "atm",
	"sio": "mtp", "opc": "mtp", "dpc": "mtp", "sls": "mtp", "hsio": "mtp", "hopc": "mtp", "hdpc": "mtp", "hsls": "mtp",
	"fisu": "mtp", "lssu": "mtp", "msu": "mtp", "hfisu": "mtp", "hlssu": "mtp", "hmsu": "mtp",
	"reason": "pflog", "action": "pflog", "rnr": "pflog", "rulenum": "pflog", "srnr": "pflog", "subrulenum": "pflog",
	"rset": "pflog", "ruleset": "pflog", "ifname": "pflog", "on": "pflog",
	"portrange": "portrange", "port": "port", "net": "net",
	"ether": "ether/link", "link": "ether/link", "fddi": "ether/link", "tr": "ether/link", "ppp": "ether/link",
	"slip": "ether/link", "broadcast": "ether/link", "multicast": "ether/link",
	"host": "host", "gateway": "host",
}

// protoWords are the words of the proto kind, and direction qualifiers.
var protoWords = map[string]bool{
	"ip": true, "ip6": true, "tcp": true, "udp": true, "sctp": true, "icmp": true, "icmp6": true, "igmp": true,
	"igrp": true, "pim": true, "vrrp": true, "carp": true, "ah": true, "esp": true, "arp": true, "rarp": true,
	"proto": true, "src": true, "dst": true, "and": true, "or": true, "not": true,
}

// kindOf returns the kind of an expression; names tells whether compiling
// it looked up a service or protocol name.
func kindOf(expr string, names bool) string {
	if names {
		return "names"
	}
	words := strings.FieldsFunc(strings.ToLower(expr), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == ':' || r == '\\')
	})
	found := make(map[string]bool)
	for _, w := range words {
		if k, ok := kindWords[w]; ok {
			found[k] = true
		}
	}
	if strings.ContainsAny(expr, "[=<>") {
		found["arith"] = true
	}
	address := false
	for _, w := range words {
		if !protoWords[w] && !strings.HasPrefix(w, "\\") && (w[0] >= '0' && w[0] <= '9' || strings.Contains(w, ":")) {
			address = true
		}
	}
	if address {
		found["host"] = true
	}
	for _, k := range kinds {
		if found[k] {
			return k
		}
	}
	for _, w := range words {
		if !protoWords[w] && !strings.HasPrefix(w, "\\") {
			return "other link"
		}
	}
	return "proto"
}

func writeList(corpus, out string) error {
	f, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	lookups := 0
	res := countNames{noNames{parser.DefaultResolver()}, &lookups}
	var b strings.Builder
	seen := make(map[string]bool)
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return fmt.Errorf("%s: %v", corpus, err)
		}
		if c.Kind != "accept" || c.PseudoExpr || strings.ContainsAny(c.Expr, "\t\n\r") {
			continue
		}
		lt, ok := cbpf.LinkTypeByName(c.LinkType)
		if !ok {
			continue
		}
		if c.Snaplen == 0 {
			c.Snaplen = cbpf.DefaultSnaplen
		}
		mask := uint32(cbpf.NetmaskUnknown)
		if c.Netmask != "" {
			a, err := netip.ParseAddr(c.Netmask)
			if err != nil || !a.Is4() {
				continue
			}
			v := a.As4()
			mask = uint32(v[0])<<24 | uint32(v[1])<<16 | uint32(v[2])<<8 | uint32(v[3])
		}
		line := fmt.Sprintf("%d\t%d\t%d\t%s\n", lt, c.Snaplen, mask, c.Expr)
		if seen[line] {
			continue
		}
		seen[line] = true
		opts := cbpf.Options{LinkType: lt, Snaplen: c.Snaplen, Netmask: mask, NetmaskSet: mask != cbpf.NetmaskUnknown,
			Offline: true, Optimize: true, Resolver: res}
		lookups = 0
		if _, err := cbpf.CompileRaw(c.Expr, opts); err != nil {
			continue
		}
		b.WriteString(kindOf(c.Expr, lookups > 0) + "\t" + line)
		n++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if n == 0 {
		return errors.New("no expression compiles")
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func readList(path string) ([]entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	res := noNames{parser.DefaultResolver()}
	var out []entry
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		f := strings.SplitN(line, "\t", 5)
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated fields", path, i+1)
		}
		var v [3]uint64
		for j := range v {
			if v[j], err = strconv.ParseUint(f[j+1], 10, 32); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
		}
		out = append(out, entry{cbpf.Options{LinkType: cbpf.LinkType(v[0]), Snaplen: uint32(v[1]), Netmask: uint32(v[2]),
			NetmaskSet: v[2] != cbpf.NetmaskUnknown, Offline: true, Resolver: res}, f[0], f[4]})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no expression", path)
	}
	return out, nil
}

func timeList(path string, reps int, minDur, kindMin time.Duration) error {
	list, err := readList(path)
	if err != nil {
		return err
	}
	for _, optimize := range []bool{true, false} {
		name := "gocap"
		if !optimize {
			name = "gocap-unopt"
		}
		size, err := setOptimize(list, optimize)
		if err != nil {
			return err
		}
		best := timePasses(list, reps, minDur)
		fmt.Printf("%s\t%.1f\t%d\t%d\n", name, float64(best.Nanoseconds())/float64(len(list)), len(list), size)
	}
	if kindMin <= 0 {
		return nil
	}
	byKind := make(map[string][]entry)
	for _, e := range list {
		byKind[e.kind] = append(byKind[e.kind], e)
	}
	for _, k := range kinds {
		sub := byKind[k]
		if len(sub) == 0 {
			continue
		}
		n := float64(len(sub))
		for _, optimize := range []bool{true, false} {
			name := "gocap"
			if !optimize {
				name = "gocap-unopt"
			}
			size, err := setOptimize(sub, optimize)
			if err != nil {
				return err
			}
			best := timePasses(sub, reps, kindMin)
			allocs, bytes := allocsPerPass(sub)
			fmt.Printf("%s:%s\t%.1f\t%d\t%d\t%.1f\t%.0f\n", name, k, float64(best.Nanoseconds())/n, len(sub), size,
				float64(allocs)/n, float64(bytes)/n)
		}
	}
	return nil
}

// setOptimize sets the optimizer on or off for every entry and compiles
// each once, returning the total instruction count.
func setOptimize(list []entry, optimize bool) (int, error) {
	size := 0
	for i := range list {
		list[i].opts.Optimize = optimize
		prog, err := cbpf.CompileRaw(list[i].expr, list[i].opts)
		if err != nil {
			return 0, fmt.Errorf("%q: %v", list[i].expr, err)
		}
		size += len(prog)
	}
	return size, nil
}

// timePasses compiles the list in whole passes for at least minDur of CPU
// time, reps times (after untimed passes for half of minDur, so that the
// heap and the collector have settled), and returns the fastest pass time.
func timePasses(list []entry, reps int, minDur time.Duration) time.Duration {
	best := time.Duration(-1)
	for r := -1; r < reps; r++ {
		passes := 0
		start := cpuTime()
		var el time.Duration
		for el < minDur || r < 0 && el < minDur/2 {
			for i := range list {
				cbpf.CompileRaw(list[i].expr, list[i].opts)
			}
			passes++
			el = cpuTime() - start
		}
		if per := el / time.Duration(passes); r >= 0 && (best < 0 || per < best) {
			best = per
		}
	}
	return best
}

// allocsPerPass returns the heap allocations and bytes of one pass over
// the list (runtime.MemStats counts, as testing.AllocsPerRun does),
// averaged over passes of about 2,000 compilations in all, so that the
// refills of the pools the collector empties count at their usual rate.
func allocsPerPass(list []entry) (allocs, bytes uint64) {
	passes := uint64(max(10, 2000/len(list)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range passes {
		for i := range list {
			cbpf.CompileRaw(list[i].expr, list[i].opts)
		}
	}
	runtime.ReadMemStats(&after)
	return (after.Mallocs - before.Mallocs) / passes, (after.TotalAlloc - before.TotalAlloc) / passes
}

// dumpList prints each expression of the list with its programs.
func dumpList(path string) error {
	list, err := readList(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	for _, e := range list {
		fmt.Fprintf(w, "== %d %d %d %s\n", e.opts.LinkType, e.opts.Snaplen, e.opts.Netmask, e.expr)
		for _, optimize := range []bool{false, true} {
			e.opts.Optimize = optimize
			prog, err := cbpf.CompileRaw(e.expr, e.opts)
			if err != nil {
				fmt.Fprintf(w, "error: %v\n", err)
				continue
			}
			fmt.Fprintf(w, "-- optimize=%v, %d instructions\n", optimize, len(prog))
			for _, ins := range prog {
				fmt.Fprintf(w, "%#04x %d %d %#x\n", ins.Op, ins.Jt, ins.Jf, ins.K)
			}
		}
	}
	return nil
}

// cpuTime returns the CPU time the process has used, on all its threads
// (so the garbage collector's work counts): the machine may be shared, and
// time spent waiting for a CPU is not compile time.
func cpuTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		panic(err)
	}
	return time.Duration(ts.Nano())
}

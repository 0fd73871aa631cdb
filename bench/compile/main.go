// Command compile measures how long gocap takes to compile filter
// expressions (parse, generate and, with -O, optimize) per expression. It is
// the Go half of bench/compile.sh, whose C half (bench/compile/libpcap)
// times libpcap's pcap_compile on the same list.
//
// Usage:
//
//	compile -list CORPUS OUT     write the expressions to time
//	compile [-reps N] [-min DURATION] [-cpuprofile FILE] LIST
//	compile -dump LIST
//
// With -list it reads libpcap's filter corpus (filtertests.jsonl), keeps the
// accept cases whose expression gocap compiles for the case's link type
// without looking up a host, ether or network name (those would time the
// system resolver, and DNS), and writes one tab-separated line per
// expression: DLT number, snapshot length, netmask (0xffffffff for unknown),
// expression. Expressions holding a tab or newline are left out.
//
// Otherwise it compiles every expression of LIST with the optimizer off and
// on, in whole passes for at least -min of the process's CPU time (after
// untimed passes for half that), -reps times, and prints the best
// time per expression of each, one tab-separated line per mode: "gocap" or
// "gocap-unopt", ns/expression, expressions, total instructions.
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
	dump := flag.Bool("dump", false, "print every program of LIST: compile -dump LIST")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the timing runs to this file")
	flag.Parse()
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
		err = timeList(flag.Arg(0), *reps, *minDur)
	default:
		fmt.Fprintln(os.Stderr, "usage: compile -list CORPUS OUT | compile [-reps N] [-min DURATION] LIST | compile -dump LIST")
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
	expr string
}

func writeList(corpus, out string) error {
	f, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	res := noNames{parser.DefaultResolver()}
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
		e := entry{cbpf.Options{LinkType: lt, Snaplen: c.Snaplen, Netmask: mask, NetmaskSet: mask != cbpf.NetmaskUnknown,
			Offline: true, Optimize: true, Resolver: res}, c.Expr}
		if _, err := cbpf.CompileRaw(e.expr, e.opts); err != nil {
			continue
		}
		b.WriteString(line)
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
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 tab-separated fields", path, i+1)
		}
		var v [3]uint64
		for j := range v {
			if v[j], err = strconv.ParseUint(f[j], 10, 32); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
		}
		out = append(out, entry{cbpf.Options{LinkType: cbpf.LinkType(v[0]), Snaplen: uint32(v[1]), Netmask: uint32(v[2]),
			NetmaskSet: v[2] != cbpf.NetmaskUnknown, Offline: true, Resolver: res}, f[3]})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no expression", path)
	}
	return out, nil
}

func timeList(path string, reps int, minDur time.Duration) error {
	list, err := readList(path)
	if err != nil {
		return err
	}
	for _, optimize := range []bool{true, false} {
		name := "gocap"
		if !optimize {
			name = "gocap-unopt"
		}
		size := 0
		for _, e := range list {
			e.opts.Optimize = optimize
			prog, err := cbpf.CompileRaw(e.expr, e.opts)
			if err != nil {
				return fmt.Errorf("%q: %v", e.expr, err)
			}
			size += len(prog)
		}
		// Passes for half of minDur first, untimed, so that the
		// heap and the collector have settled.
		best := time.Duration(-1)
		for r := -1; r < reps; r++ {
			passes := 0
			start := cpuTime()
			var el time.Duration
			for el < minDur || r < 0 && el < minDur/2 {
				for _, e := range list {
					e.opts.Optimize = optimize
					cbpf.CompileRaw(e.expr, e.opts)
				}
				passes++
				el = cpuTime() - start
			}
			if per := el / time.Duration(passes); r >= 0 && (best < 0 || per < best) {
				best = per
			}
		}
		fmt.Printf("%s\t%.1f\t%d\t%d\n", name, float64(best.Nanoseconds())/float64(len(list)), len(list), size)
	}
	return nil
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

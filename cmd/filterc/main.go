// Command filterc compiles a tcpdump filter expression (pcap-filter(7)) into
// a classic BPF program and prints it, the way "tcpdump -d" does, without
// opening a capture and without libpcap.
//
// Usage:
//
//	filterc [-lOh] [-d | -dd | -ddd] [-y LINKTYPE] [-s SNAPLEN] [-m NETMASK] [-F FILE] [EXPRESSION...]
//
// The flags mean what they mean to tcpdump (and to libpcap's filtertest):
//
//	-d      print the program as a numbered listing (the default)
//	-dd     print it as a C array initializer
//	-ddd    print it as decimal numbers: the count, then "code jt jf k" lines
//	-y      the link type, as a libpcap DLT name such as EN10MB, RAW or LINUX_SLL2
//	        (default EN10MB)
//	-s      the snapshot length a matching packet returns (default and 0: 262144)
//	-m      the IPv4 netmask as a dotted quad, used by "ip broadcast"
//	        (default: unknown, which makes "ip broadcast" an error)
//	-l      use the Linux BPF extensions, as libpcap does for a live capture on Linux
//	-O      do not run the optimizer
//	-F      read the expression from FILE; '#' starts a comment that runs to the
//	        end of the line, and words on the command line are ignored
//
// The EXPRESSION words are joined with single spaces. With none, the empty
// expression is compiled, which accepts every packet.
//
// By default the program is optimized (package cbpf's optimizer, which keeps
// every verdict); with -O it is the unoptimized program, the one
// "tcpdump -O -d" prints.
//
// filterc exits 0 on success and 1 on any error, including a bad flag. A
// compile error is printed with the expression and a caret under the
// offending character.
package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
)

const usageLine = "usage: filterc [-lOh] [-d | -dd | -ddd] [-y linktype] [-s snaplen] [-m netmask] [-F file] [expression ...]"

// maxSnaplen is tcpdump's MAXIMUM_SNAPLEN, the largest -s it accepts.
const maxSnaplen = cbpf.DefaultSnaplen

// output says how the program is printed.
type output int

// Output forms, numbered by how many times -d is given.
const (
	listing output = 1 // -d: tcpdump -d
	cArray  output = 2 // -dd
	decimal output = 3 // -ddd (and more d's, as in tcpdump)
)

// config is a parsed command line.
type config struct {
	opts cbpf.Options
	out  output
	expr string
	help bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command: it parses args (without the program name),
// writes the program to stdout or an error to stderr, and returns the exit
// status.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseArgs(args)
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "filterc: %v\n%s\n", err, usageLine)
		} else {
			fmt.Fprintf(stderr, "filterc: %v\n", err)
		}
		return 1
	}
	if cfg.help {
		fmt.Fprintf(stdout, "%s\n\n%s\n", usageLine, strings.TrimRight(flagHelp(), "\n"))
		return 0
	}
	text, err := compile(cfg)
	if err != nil {
		var perr *parser.Error
		if errors.As(err, &perr) {
			fmt.Fprintf(stderr, "filterc: %s\n", perr.Caret(cfg.expr))
		} else {
			fmt.Fprintf(stderr, "filterc: %v\n", err)
		}
		return 1
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if _, err := io.WriteString(stdout, text); err != nil {
		fmt.Fprintf(stderr, "filterc: writing the program: %v\n", err)
		return 1
	}
	return 0
}

// compile compiles cfg.expr and formats the program as cfg.out asks.
func compile(cfg config) (string, error) {
	prog, err := cbpf.Compile(cfg.expr, cfg.opts)
	if err != nil {
		return "", err
	}
	switch {
	case cfg.out >= decimal:
		return cbpf.FormatDecimal(prog)
	case cfg.out == cArray:
		return cbpf.FormatC(prog)
	default:
		return cbpf.Format(prog)
	}
}

// usageError is a mistake on the command line; run follows its message with
// the usage line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// flags holds the raw values pflag fills in.
type flags struct {
	dump     int
	linkType string
	snaplen  string
	netmask  string
	file     string
	linuxExt bool
	noOpt    bool
	help     bool
}

func newFlagSet(f *flags) *pflag.FlagSet {
	fs := pflag.NewFlagSet("filterc", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.CountVarP(&f.dump, "dump", "d", "print the program: -d listing, -dd C array, -ddd decimal")
	fs.StringVarP(&f.linkType, "linktype", "y", "EN10MB", "`LINKTYPE` of the packets, as a libpcap DLT name")
	fs.StringVarP(&f.snaplen, "snapshot-length", "s", "", "`SNAPLEN` returned for a match, 0 to 262144 (default and 0: 262144)")
	fs.StringVarP(&f.netmask, "netmask", "m", "", "IPv4 `NETMASK` as a dotted quad, for \"ip broadcast\" (default unknown)")
	fs.StringVarP(&f.file, "file", "F", "", "read the expression from `FILE` ('#' starts a comment)")
	fs.BoolVarP(&f.linuxExt, "linux-ext", "l", false, "use the Linux BPF extensions")
	fs.BoolVarP(&f.noOpt, "no-optimize", "O", false, "do not run the optimizer (there is none yet: the program is always unoptimized)")
	fs.BoolVarP(&f.help, "help", "h", false, "print this help and exit")
	return fs
}

// flagHelp returns the flag descriptions printed by -h.
func flagHelp() string {
	return newFlagSet(new(flags)).FlagUsages()
}

// parseArgs turns the command line into a config. Errors in the flags
// themselves are *usageError; errors in their values, or reading -F, are
// plain errors carrying tcpdump's wording.
func parseArgs(args []string) (config, error) {
	var f flags
	fs := newFlagSet(&f)
	if err := fs.Parse(args); err != nil {
		return config{}, &usageError{err}
	}
	if f.help {
		return config{help: true}, nil
	}

	cfg := config{out: listing}
	if f.dump > 0 {
		cfg.out = output(f.dump)
	}

	lt, ok := cbpf.LinkTypeByName(f.linkType)
	if !ok {
		return config{}, fmt.Errorf("invalid data link type %s", f.linkType)
	}
	cfg.opts.LinkType = lt

	cfg.opts.Snaplen = maxSnaplen
	if fs.Changed("snapshot-length") {
		snap, err := parseSnaplen(f.snaplen)
		if err != nil {
			return config{}, err
		}
		cfg.opts.Snaplen = snap
	}

	if fs.Changed("netmask") {
		mask, err := parseNetmask(f.netmask)
		if err != nil {
			return config{}, err
		}
		cfg.opts.Netmask = mask
		cfg.opts.NetmaskSet = true
	}

	cfg.opts.LinuxExt = f.linuxExt
	cfg.opts.Optimize = !f.noOpt

	if fs.Changed("file") {
		expr, err := readFilterFile(f.file)
		if err != nil {
			return config{}, err
		}
		cfg.expr = expr
	} else {
		cfg.expr = strings.Join(fs.Args(), " ")
	}
	return cfg, nil
}

// parseSnaplen reads -s the way tcpdump does (strtol with base 0: decimal,
// 0x hex or leading-0 octal), accepting 0 to 262144; 0 means 262144.
func parseSnaplen(s string) (uint32, error) {
	bad := fmt.Errorf("invalid snaplen %s (must be >= 0 and <= %d)", s, maxSnaplen)
	if strings.Contains(s, "_") {
		return 0, bad
	}
	n, err := strconv.ParseInt(s, 0, 64)
	if err != nil || n < 0 || n > maxSnaplen || n > math.MaxUint32 {
		return 0, bad
	}
	if n == 0 {
		n = maxSnaplen
	}
	return uint32(n), nil
}

// parseNetmask reads a dotted-quad IPv4 netmask and returns it in host
// order (255.255.255.0 is 0xffffff00).
func parseNetmask(s string) (uint32, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return 0, fmt.Errorf("invalid netmask %s", s)
	}
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]), nil
}

// readFilterFile returns the expression in the file name, with each '#'
// comment (to the end of its line) blanked out as tcpdump does, so that byte
// offsets in errors still match the file.
func readFilterFile(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("can't read filter file: %w", err)
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '#' {
			continue
		}
		for ; i < len(data) && data[i] != '\n'; i++ {
			data[i] = ' '
		}
	}
	return string(data), nil
}

// Command filterc compiles a tcpdump filter expression (pcap-filter(7)) into
// the form another program needs: a classic BPF listing as "tcpdump -d"
// prints it, the bytes of a struct sock_filter array, Go source, JSON, eBPF
// assembly, bytecode or an ELF object for a socket, TC or XDP hook, a
// control-flow graph, or the syntax tree. It needs neither libpcap nor a
// capture, and it can check its result in the running kernel's verifier and
// on a capture file.
//
// Usage:
//
//	filterc [-lOh] [-d | -dd | -ddd | --format FORMAT] [--target socket|tc|xdp] [-o FILE]
//	        [-y LINKTYPE] [-s SNAPLEN] [-m NETMASK] [-F FILE] [--package NAME] [--var NAME]
//	        [--name NAME] [--verify] [--test-run FILE.pcap [--kernel]] [EXPRESSION... | --classic FILE]
//
// The compiler flags mean what they mean to tcpdump (and to libpcap's
// filtertest):
//
//	-y      the link type, as a libpcap DLT name such as EN10MB, RAW or LINUX_SLL2
//	        (default EN10MB; with --test-run, the capture file's)
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
// --classic FILE takes an existing classic program instead of an
// expression (FILE "-" is standard input), in the text tcpdump prints it
// in: -ddd's count and "code jt jf k" lines (also with commas between
// instructions, the one-line form of iptables' bpf match and
// nfbpf_compile), or -dd's "{ code, jt, jf, k }," lines; '#' and "//"
// start comments. The program must pass libpcap's bpf_validate (Linux's
// extensions allowed). Every format and check then applies to it: a
// program compiled elsewhere is translated to eBPF, loaded through the
// verifier or run over a capture. -O, -l, -m and -s, which steer the
// compiler, are refused with it; -y gives the link type --test-run and
// the json format report.
//
// # Formats
//
// --format chooses the output (-d, -dd and -ddd are listing, c and
// decimal):
//
//	listing   the classic program as "tcpdump -d" prints it (the default)
//	c         a C array initializer of struct sock_filter, as "tcpdump -dd"
//	decimal   the count, then "code jt jf k" lines, as "tcpdump -ddd"
//	raw       the struct sock_filter array itself, 8 bytes per instruction in
//	          the host's byte order, ready for SO_ATTACH_FILTER
//	go        a Go file declaring the program as []bpf.Instruction
//	          (golang.org/x/net/bpf); --package and --var name the package
//	          and the variable
//	json      the classic program and how it was compiled, as a JSON object
//	ebpf-asm  the eBPF program, one instruction per line in the syntax of
//	          the kernel verifier's log and "bpftool prog dump"
//	ebpf-raw  the eBPF bytecode, 8 bytes per slot in the host's byte order
//	ebpf-go   a Go file declaring the eBPF program as cilium/ebpf asm.Instructions
//	elf       a relocatable eBPF object file with the program in the section
//	          loaders expect (socket, tc or xdp) and a license section, for
//	          bpftool prog load, libbpf, cilium/ebpf or tc; --name names the
//	          program's symbol (default gocap_filter)
//	dot       the control-flow graph in Graphviz's language: the classic
//	          program's, or with --target the eBPF program's
//	svg       the same graph drawn by Graphviz's dot command, which must be
//	          installed
//	ast       the syntax tree, with the expression as it was read
//
// --target chooses the eBPF program: socket (the default; the kernel's own
// semantics for classic filters, BPF_PROG_TYPE_SOCKET_FILTER), tc
// (BPF_PROG_TYPE_SCHED_CLS, direct-action: TC_ACT_OK or TC_ACT_SHOT) or xdp
// (XDP_PASS or XDP_DROP). The binary formats (raw, ebpf-raw, elf) are not
// written to a terminal.
//
// -o FILE writes the output to FILE instead of standard output. The file is
// written whole or not at all: filterc writes a temporary file beside it and
// renames it into place.
//
// # Checks
//
// --verify loads the eBPF program for the target into the running kernel
// and prints the verifier's verdict and the instruction count. When the
// kernel refuses the program, filterc prints the verifier's log and exits 1.
// It needs root or CAP_BPF (and CAP_NET_ADMIN for tc and xdp).
//
// --test-run FILE.pcap runs the filter over every packet of a pcap or pcapng
// file, in the classic interpreter and in the eBPF VM for the target, and
// prints how many packets each kept and every packet on which they disagree.
// With --kernel the kernel runs the target's program too, through
// BPF_PROG_TEST_RUN (the socket program as a SCHED_CLS program, so that it
// sees the packet from its link-layer header as on a packet socket).
//
// With a check, its report goes to standard output and the program is
// written only with -o (and, with --verify, only when the kernel accepted
// it).
//
// filterc exits 0 on success and 1 on any error: a bad flag, a compile
// error, a rejection by the verifier, or a test run whose engines disagree.
// A compile error is printed with the expression and a caret under the
// offending character.
package main

import (
	"errors"
	"fmt"
	"go/token"
	"io"
	"math"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
	"github.com/gocap/gocap/translate"
)

// usageLine is the synopsis filterc prints with a usage error and atop -h.
var usageLine = "usage: filterc [-lOh] [-d | -dd | -ddd | --format format] [--target " + targetNames("|", "|") + "] [-o file] [-y linktype] [-s snaplen] [-m netmask] [-F file] [--verify] [--test-run file [--kernel]] [expression ... | --classic file]"

// maxSnaplen is tcpdump's MAXIMUM_SNAPLEN, the largest -s it accepts.
const maxSnaplen = cbpf.DefaultSnaplen

// format is an output format, as --format names it.
type format string

// The output formats.
const (
	fmtListing format = "listing"  // -d: tcpdump -d
	fmtC       format = "c"        // -dd
	fmtDecimal format = "decimal"  // -ddd (and more d's, as in tcpdump)
	fmtRaw     format = "raw"      // struct sock_filter bytes
	fmtGo      format = "go"       // []bpf.Instruction source
	fmtJSON    format = "json"     // classic program as JSON
	fmtEBPFAsm format = "ebpf-asm" // verifier-log syntax
	fmtEBPFRaw format = "ebpf-raw" // bytecode
	fmtEBPFGo  format = "ebpf-go"  // asm.Instructions source
	fmtELF     format = "elf"      // eBPF object file
	fmtDot     format = "dot"      // control-flow graph
	fmtSVG     format = "svg"      // the graph, drawn by Graphviz
	fmtAST     format = "ast"      // syntax tree
)

// formats lists every format in the order -h gives them.
var formats = []format{fmtListing, fmtC, fmtDecimal, fmtRaw, fmtGo, fmtJSON,
	fmtEBPFAsm, fmtEBPFRaw, fmtEBPFGo, fmtELF, fmtDot, fmtSVG, fmtAST}

// dumpFormats are the formats of -d, -dd and -ddd.
var dumpFormats = [...]format{1: fmtListing, 2: fmtC, 3: fmtDecimal}

// isEBPF reports whether the format always shows the eBPF program.
func (f format) isEBPF() bool {
	return f == fmtEBPFAsm || f == fmtEBPFRaw || f == fmtEBPFGo || f == fmtELF
}

// isBinary reports whether the format is bytes rather than text.
func (f format) isBinary() bool {
	return f == fmtRaw || f == fmtEBPFRaw || f == fmtELF
}

// config is a parsed command line.
type config struct {
	opts cbpf.Options
	out  format
	// tgt is the eBPF target; 0 when --target was not given, which
	// means the socket target for the formats and checks that need one.
	tgt    translate.Target
	expr   string
	output string // -o FILE; "" for standard output

	pkg, varName, progName string

	verify  bool
	testRun string // capture file for --test-run
	kernel  bool
	// linkTypeSet says -y was given (--test-run otherwise takes the
	// file's link type).
	linkTypeSet bool
	help        bool
	// classic is the program read by --classic from classicFile, used
	// instead of compiling expr.
	classic     []bpf.RawInstruction
	classicFile string
}

// effectiveTarget is the target to translate for.
func (c *config) effectiveTarget() translate.Target {
	if c.tgt == 0 {
		return translate.Socket
	}
	return c.tgt
}

// targetNames lists the targets' names as --target takes them, joined
// with sep and, before the last, with last: "socket, tc or xdp".
func targetNames(sep, last string) string {
	var b strings.Builder
	ts := translate.Targets()
	for i, t := range ts {
		switch {
		case i == 0:
		case i == len(ts)-1:
			b.WriteString(last)
		default:
			b.WriteString(sep)
		}
		b.WriteString(t.Info().Name)
	}
	return b.String()
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command: it parses args (without the program name),
// writes the output to stdout (or -o's file) and errors to stderr, and
// returns the exit status.
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
	if err := execute(cfg, stdout, stderr); err != nil {
		var perr *parser.Error
		var silent *reportedError
		switch {
		case errors.As(err, &silent):
		case errors.As(err, &perr):
			fmt.Fprintf(stderr, "filterc: %s\n", perr.Caret(cfg.expr))
		default:
			fmt.Fprintf(stderr, "filterc: %v\n", err)
		}
		return 1
	}
	return 0
}

// reportedError is a failure whose explanation has already been printed.
type reportedError struct{ msg string }

func (e *reportedError) Error() string { return e.msg }

// execute does what cfg asks once the command line is known to be good.
func execute(cfg config, stdout, stderr io.Writer) error {
	if cfg.out == fmtAST {
		return writeAST(cfg, stdout)
	}
	if cfg.testRun != "" {
		return testRun(cfg, stdout)
	}
	p, err := compile(cfg)
	if err != nil {
		return err
	}
	if cfg.verify {
		if err := verify(cfg, p, stdout, stderr); err != nil {
			return err
		}
		if cfg.output == "" {
			return nil // the verdict is the output
		}
	}
	out, err := render(cfg, p)
	if err != nil {
		return err
	}
	return writeOutput(cfg, out, stdout)
}

// writeAST prints the syntax tree, then compiles the expression so that an
// expression that parses but does not compile still fails.
func writeAST(cfg config, stdout io.Writer) error {
	x, err := parser.Parse(cfg.expr)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := parser.Fprint(&b, cfg.expr, x); err != nil {
		return err
	}
	if err := writeOutput(cfg, []byte(b.String()), stdout); err != nil {
		return err
	}
	_, err = cbpf.Compile(cfg.expr, cfg.opts)
	return err
}

// usageError is a mistake on the command line; run follows its message with
// the usage line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// flags holds the raw values pflag fills in.
type flags struct {
	dump     int
	format   string
	target   string
	output   string
	linkType string
	snaplen  string
	netmask  string
	file     string
	pkg      string
	varName  string
	progName string
	testRun  string
	classic  string
	verify   bool
	kernel   bool
	linuxExt bool
	noOpt    bool
	help     bool
}

func formatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func newFlagSet(f *flags) *pflag.FlagSet {
	fs := pflag.NewFlagSet("filterc", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.CountVarP(&f.dump, "dump", "d", "print the program: -d listing, -dd C array, -ddd decimal")
	fs.StringVar(&f.format, "format", "", "output `FORMAT`: "+formatNames()+" (default listing)")
	fs.StringVar(&f.target, "target", "", "eBPF `TARGET` for the eBPF formats, dot, --verify and --test-run: "+targetNames(", ", " or ")+" (default "+translate.Socket.Info().Name+")")
	fs.StringVarP(&f.output, "output", "o", "", "write the output to `FILE` (whole or not at all) instead of standard output")
	fs.StringVarP(&f.linkType, "linktype", "y", "EN10MB", "`LINKTYPE` of the packets, as a libpcap DLT name")
	fs.StringVarP(&f.snaplen, "snapshot-length", "s", "", "`SNAPLEN` returned for a match, 0 to 262144 (default and 0: 262144)")
	fs.StringVarP(&f.netmask, "netmask", "m", "", "IPv4 `NETMASK` as a dotted quad, for \"ip broadcast\" (default unknown)")
	fs.StringVarP(&f.file, "file", "F", "", "read the expression from `FILE` ('#' starts a comment)")
	fs.StringVar(&f.classic, "classic", "", "instead of compiling an expression, read the classic program in `FILE` (- for standard input), as tcpdump -ddd or -dd prints it")
	fs.BoolVarP(&f.linuxExt, "linux-ext", "l", false, "use the Linux BPF extensions")
	fs.BoolVarP(&f.noOpt, "no-optimize", "O", false, "do not run the optimizer")
	fs.StringVar(&f.pkg, "package", "filter", "Go package `NAME` for the go and ebpf-go formats")
	fs.StringVar(&f.varName, "var", "Filter", "Go variable `NAME` for the go and ebpf-go formats")
	fs.StringVar(&f.progName, "name", "gocap_filter", "program `NAME` (its ELF symbol) for the elf format")
	fs.BoolVar(&f.verify, "verify", false, "load the eBPF program into the kernel's verifier and print its verdict (the program itself is then written only with -o)")
	fs.StringVar(&f.testRun, "test-run", "", "run the filter over the packets of `FILE` (pcap or pcapng) and compare the engines")
	fs.BoolVar(&f.kernel, "kernel", false, "with --test-run, also run the program in the kernel (BPF_PROG_TEST_RUN)")
	fs.BoolVarP(&f.help, "help", "h", false, "print this help and exit")
	return fs
}

// flagHelp returns the flag descriptions printed by -h.
func flagHelp() string {
	return newFlagSet(new(flags)).FlagUsages()
}

// parseArgs turns the command line into a config. Errors in the flags
// themselves, and combinations of flags that make no sense, are
// *usageError; errors in their values, or reading -F, are plain errors
// carrying tcpdump's wording where tcpdump has one.
func parseArgs(args []string) (config, error) {
	var f flags
	fs := newFlagSet(&f)
	if err := fs.Parse(args); err != nil {
		return config{}, &usageError{err}
	}
	if f.help {
		return config{help: true}, nil
	}
	usage := func(format string, a ...any) (config, error) {
		return config{}, &usageError{fmt.Errorf(format, a...)}
	}

	cfg := config{out: fmtListing}
	if f.dump > 0 {
		cfg.out = dumpFormats[min(f.dump, len(dumpFormats)-1)]
	}
	if fs.Changed("format") {
		out := format(strings.ToLower(f.format))
		known := false
		for _, k := range formats {
			known = known || k == out
		}
		if !known {
			return usage("unknown format %q (want one of %s)", f.format, formatNames())
		}
		if f.dump > 0 && out != cfg.out {
			return usage("-%s asks for the %s format, --format for %s", strings.Repeat("d", f.dump), cfg.out, out)
		}
		cfg.out = out
	}
	if fs.Changed("target") {
		t, ok := translate.TargetNamed(strings.ToLower(f.target))
		if !ok {
			return usage("unknown target %q (want %s)", f.target, targetNames(", ", " or "))
		}
		cfg.tgt = t
		if !cfg.out.isEBPF() && cfg.out != fmtDot && cfg.out != fmtSVG && !f.verify && f.testRun == "" {
			return usage("--target applies to the eBPF formats, dot, svg, --verify and --test-run, not to --format %s", cfg.out)
		}
	}
	cfg.output = f.output
	if fs.Changed("output") && f.output == "" {
		return usage("-o needs a file name")
	}

	for _, name := range []struct{ flag, value string }{{"package", f.pkg}, {"var", f.varName}} {
		if !token.IsIdentifier(name.value) {
			return usage("--%s %q is not a Go identifier", name.flag, name.value)
		}
	}
	cfg.pkg, cfg.varName = f.pkg, f.varName
	if !validProgName(f.progName) {
		return usage("--name %q is not a C identifier (letters, digits and '_', not starting with a digit)", f.progName)
	}
	cfg.progName = f.progName

	cfg.verify = f.verify
	cfg.testRun = f.testRun
	if fs.Changed("test-run") && f.testRun == "" {
		return usage("--test-run needs a capture file")
	}
	cfg.kernel = f.kernel
	if f.kernel && f.testRun == "" {
		return usage("--kernel applies only to --test-run")
	}
	if (f.verify || f.testRun != "") && cfg.out == fmtAST {
		return usage("--verify and --test-run check a program; --format ast prints none")
	}

	lt, ok := cbpf.LinkTypeByName(f.linkType)
	if !ok {
		return config{}, fmt.Errorf("invalid data link type %s", f.linkType)
	}
	cfg.opts.LinkType = lt
	cfg.linkTypeSet = fs.Changed("linktype")

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

	if fs.Changed("classic") {
		switch {
		case f.classic == "":
			return usage("--classic needs a file name")
		case fs.Changed("file") || fs.NArg() > 0:
			return usage("--classic reads a program; it takes no expression (-F or words)")
		case cfg.out == fmtAST:
			return usage("--classic reads a program; --format ast needs an expression")
		}
		for _, name := range []string{"no-optimize", "linux-ext", "netmask", "snapshot-length"} {
			if fs.Changed(name) {
				return usage("--%s applies to compiling an expression, not to --classic's program", name)
			}
		}
		prog, err := readClassicFile(f.classic, os.Stdin)
		if err != nil {
			return config{}, err
		}
		cfg.classic, cfg.classicFile = prog, f.classic
		cfg.opts = cbpf.Options{LinkType: cfg.opts.LinkType} // no compiler ran
		return cfg, nil
	}
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

// validProgName reports whether name can be an eBPF program's ELF symbol.
func validProgName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c != '_' && !('a' <= c && c <= 'z') && !('A' <= c && c <= 'Z') && !(i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
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

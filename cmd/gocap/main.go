// Command gocap is a tcpdump-like tool built on gocap's own filter compiler.
// It reads capture files (pcap with micro- or nanosecond timestamps in
// either byte order, and pcapng with any number of interfaces and link
// types), filters them in-process, and writes the packets it keeps to a
// capture file or prints them. On Linux it also captures live from an
// interface, with the filter attached in the kernel as eBPF (see
// live_linux.go).
//
// Usage:
//
//	gocap [flags] -r FILE [EXPRESSION...]
//	gocap [flags] [-i IFACE] [EXPRESSION...]
//
// The flags are tcpdump's, with tcpdump's meanings, and short flags can be
// grouped and repeated (-nn, -vvv, -XX, -ttt, -nvr FILE):
//
//	-r FILE     read packets from FILE ("-" for standard input)
//	-w FILE     write the packets kept to FILE as pcap ("-" for standard output)
//	--pcapng    write pcapng instead of pcap (needed for mixed link types)
//	-c N        stop after N packets have passed the filter
//	-F FILE     read the expression from FILE (words on the command line are ignored)
//	-y TYPE     link type for -d without -r (default EN10MB)
//	-s N        snapshot length (accepted; a file's own snapshot length applies)
//	--count     print only the number of packets that matched
//	-U          write each packet to the -w file at once (see below)
//	-#          number the printed packets
//	-d, -dd, -ddd  print the compiled program and exit
//	-n -e -q -v -t -x -X -A -S -l, --print, --time-stamp-precision micro|nano
//	-N          print host names without their domain
//	-T TYPE     decode the packets as TYPE whatever their ports (tcpdump's names: rtp, carp, ...)
//	--engine ebpf|cbpf  the in-process filter engine (default ebpf)
//
// Without -n, addresses, ports and protocols are printed by name as
// tcpdump prints them: host names from /etc/hosts and DNS (each lookup
// bounded; see ReverseResolver in internal/names), ports from
// /etc/services, IP protocols from tcpdump's table, Ethernet addresses
// from /etc/ethers or with their maker's OUI.
//
// Live capture (Linux):
//
//	-i IFACE    capture on IFACE, a number from -D, or any (default: the first from -D)
//	-D          list the devices gocap can capture on
//	-p -B KiB -Q in|out|inout --immediate-mode -U -l -Z USER
//	-C MB -G SECONDS -W N   rotate the -w file as tcpdump does
//	-f          print IPv4 addresses outside the interface's network as numbers
//	--kernel-filter ebpf|cbpf   the filter in the kernel (default ebpf, falling back to cbpf)
//	--workers N spread the capture over N sockets with PACKET_FANOUT
//
// With -r or -V too:
//
//	-C MB -G SECONDS -W N -z COMMAND   rotate the -w file
//	-Z USER     become USER once the input and the first -w file are open
//
// A filter for a savefile is compiled as tcpdump -r compiles it: for the
// file's link type and snapshot length, netmask 0, optimizer on. Messages,
// the "reading from file" line and the exit status (0, 1 on an error, 14
// when printed text cannot be written) follow tcpdump 4.99.3.
//
// The -w file is opened where it is named (mode 0666 less the umask, an
// existing file truncated in place, a symbolic link followed) and written
// as the capture goes, whole records at a time: every 64 KiB, after each
// ring block of a live capture, on SIGUSR2, and after every packet with
// -U. Whatever ends gocap, even kill -9, the file is a valid capture of
// the records written so far. SIGINT, SIGTERM, SIGHUP and SIGPIPE stop
// the capture cleanly, as in tcpdump (signals.go).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"net/netip"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/cmd/gocap/internal/printer"
	"github.com/gocap/gocap/internal/savefile"
	"github.com/gocap/gocap/internal/strerror"
	"github.com/gocap/gocap/parser"
)

const usageLine = "Usage: gocap [-AbdDefhHIJKlLnNOpqStuUvxX#] [-B size] [-c count] [--count] [-C file_size] [-E algo:secret] [-F file] [-G seconds] [-i interface] [--immediate-mode] [-j tstamptype] [-M secret] [-m module] [-Q in|out|inout] [-r file] [-s snaplen] [-T type] [-V file] [--time-stamp-precision precision] [-w file] [-W filecount] [-y datalinktype] [-z postrotate-command] [-Z user] [--engine ebpf|cbpf] [--kernel-filter ebpf|cbpf] [--pcapng] [--print] [--workers N] [expression]"

func main() {
	if os.Getenv("GOGC") == "" {
		// What grows with a capture is the printer's table of TCP
		// connections (relative sequence numbers), which holds no
		// pointers: collecting more often costs little CPU and keeps the
		// heap near what it holds, as tcpdump's is (docs/offline-bench.md).
		debug.SetGCPercent(gcPercent)
	}
	oneProcOffline = os.Getenv("GOMAXPROCS") == ""
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// gcPercent is gocap's garbage collection target (GOGC) unless the
// environment sets one.
const gcPercent = 25

// oneProcOffline, set by main unless the environment sets GOMAXPROCS,
// makes a run that reads files use one processor: its loop is one
// goroutine, and a second processor would only run the collector's idle
// workers beside it, costing CPU time and keeping a second cache of
// partly used heap spans (docs/print-bench.md).
var oneProcOffline bool

// flags holds what pflag fills in.
type flags struct {
	read, write, filterFile, linkType, snaplen, precision, engine string
	fileList                                                      string
	count                                                         string
	countOnly, packetBuffered, number, pcapng, print, lineBuf     bool
	numeric, verbose, tstamp, hex, hexASCII, ascii, dump, quiet   int
	link, absSeq, noOpt, help, version, micro, nano               bool
	fpType                                                        bool
	oldA, parserDebug                                             bool
	mibModules                                                    []string
	foreign, noDomain, asdot, noChecksum, rawNFS, mesh            bool
	packetType, espSecret, tcpSecret                              string
	live                                                          liveFlags
}

func newFlagSet(f *flags) *pflag.FlagSet {
	fs := pflag.NewFlagSet("gocap", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVarP(&f.read, "read", "r", "", "read packets from `FILE` (- for stdin)")
	fs.StringVarP(&f.fileList, "file-list", "V", "", "read packets from each file named in `LIST`, one name a line (- for stdin)")
	fs.StringVarP(&f.write, "write", "w", "", "write the packets kept to `FILE` (- for stdout)")
	fs.BoolVar(&f.pcapng, "pcapng", false, "write pcapng instead of pcap")
	fs.StringVarP(&f.count, "count-limit", "c", "", "stop after `N` packets have passed the filter")
	fs.StringVarP(&f.filterFile, "file", "F", "", "read the filter expression from `FILE`")
	fs.StringVarP(&f.linkType, "linktype", "y", "", "link `TYPE` to capture with, or for -d without -r or -i")
	fs.StringVarP(&f.snaplen, "snapshot-length", "s", "", "snapshot length `N`")
	fs.BoolVar(&f.countOnly, "count", false, "print only the number of packets that matched")
	fs.BoolVarP(&f.packetBuffered, "packet-buffered", "U", false, "write each packet to the -w file (and each printed line) at once")
	fs.BoolVarP(&f.number, "number", "#", false, "print a packet number first")
	fs.CountVarP(&f.dump, "dump", "d", "print the compiled program and exit (-dd C array, -ddd decimal)")
	fs.BoolVarP(&f.noOpt, "no-optimize", "O", false, "do not optimize the filter")
	fs.CountVarP(&f.numeric, "numeric", "n", "do not resolve addresses or ports")
	fs.BoolVarP(&f.link, "link", "e", false, "print the link-level header")
	fs.BoolVarP(&f.foreign, "foreign", "f", false, "print IPv4 addresses outside the capture interface's network numerically (live only)")
	fs.BoolVarP(&f.noDomain, "no-domain", "N", false, "do not print the domain part of host names")
	fs.CountVarP(&f.quiet, "quiet", "q", "quick output (-qq: no addresses for IPv4 fragments after the first)")
	fs.CountVarP(&f.verbose, "verbose", "v", "more detail (-v, -vv, -vvv)")
	fs.CountVarP(&f.tstamp, "timestamp", "t", "timestamp format (-t none ... -ttttt since first)")
	fs.CountVarP(&f.hex, "hex", "x", "hex dump (-xx with the link header)")
	fs.CountVarP(&f.hexASCII, "hex-ascii", "X", "hex and ASCII dump (-XX with the link header)")
	fs.CountVarP(&f.ascii, "ascii", "A", "ASCII dump")
	fs.BoolVarP(&f.asdot, "asdot", "b", false, "print BGP AS numbers in ASDOT notation")
	fs.BoolVarP(&f.rawNFS, "raw-nfs-handles", "u", false, "print NFS file handles undecoded, in hex")
	fs.BoolVarP(&f.noChecksum, "dont-verify-checksums", "K", false, "do not verify IP, TCP and UDP checksums")
	fs.StringVarP(&f.tcpSecret, "tcp-md5-secret", "M", "", "check TCP MD5 signature options (RFC 2385) with the shared `SECRET`")
	fs.StringVarP(&f.espSecret, "esp-secret", "E", "", "decrypt IPsec ESP with `SECRETS`: spi@ipaddr algo:secret,... or file NAME (algos: des, 3des, aes128, aes192, aes256, with -cbc and -hmac96)")
	fs.BoolVarP(&f.absSeq, "absolute-tcp-sequence-numbers", "S", false, "absolute TCP sequence numbers")
	fs.BoolVarP(&f.mesh, "mesh", "H", false, "look for 802.11s mesh headers in 802.11 QoS data frames")
	fs.StringVarP(&f.packetType, "packet-type", "T", "", "decode the packets as `TYPE` whatever their ports (vat, wb, rpc, rtp, rtcp, snmp, cnfp, tftp, aodv, carp, radius, zmtp1, vxlan, pgm, pgm_zmtp1, lmp, resp, ptp, someip, domain)")
	fs.BoolVarP(&f.lineBuf, "line-buffered", "l", false, "line-buffer standard output")
	fs.BoolVar(&f.print, "print", false, "print packets even while writing with -w")
	fs.StringVar(&f.precision, "time-stamp-precision", "micro", "timestamp `precision`: micro or nano")
	fs.BoolVar(&f.micro, "micro", false, "same as --time-stamp-precision=micro")
	fs.BoolVar(&f.nano, "nano", false, "same as --time-stamp-precision=nano")
	fs.StringVar(&f.engine, "engine", "", "filter `ENGINE`: ebpf (translated to eBPF, run in package ebpf's VM) or cbpf (classic interpreter)")
	addLiveFlags(fs, &f.live)
	fs.StringArrayVarP(&f.mibModules, "mib-module", "m", nil, "SNMP MIB `MODULE` to load: accepted and ignored with a warning, as by a tcpdump built without libsmi")
	fs.BoolVar(&f.fpType, "fp-type", false, "print the floating-point check tcpdump's test harness asks for, and exit")
	_ = fs.MarkHidden("fp-type")
	// tcpdump 4.99.3 accepts -a and ignores it ("compatibility for old
	// -a"); -Y is in its option string but, in a build without the filter
	// parser's debugging (Debian's), reaches getopt's default case: the
	// usage, exit status 1, no complaint about the option.
	fs.BoolVarP(&f.oldA, "compat-a", "a", false, "ignored, as by tcpdump")
	_ = fs.MarkHidden("compat-a")
	fs.BoolVarP(&f.parserDebug, "compat-Y", "Y", false, "print the usage and fail, as tcpdump built without parser debugging")
	_ = fs.MarkHidden("compat-Y")
	fs.BoolVarP(&f.help, "help", "h", false, "print this help and exit")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	return fs
}

// config is a checked command line.
type config struct {
	f        flags
	expr     string
	limit    int64 // -c; 0 for no limit
	prec     savefile.Precision
	linkType cbpf.LinkType // -y
	linkSet  bool
	// localNet is the live interface's IPv4 network with -f: other IPv4
	// addresses print as numbers.
	localNet netip.Prefix
	// packetType is -T's type.
	packetType printer.PacketType
	// warn prints a printer's warning on standard error.
	warn func(msg string)
	// exprErr is why -F's file could not be read. tcpdump reads the file
	// once the capture file or device is open ("reading from file" or
	// "Warning: assuming Ethernet" come first), so the error waits until
	// then.
	exprErr error
}

// fpTypeCheck is what tcpdump's hidden --fp-type option prints, which
// its test harness reads to choose the expected output of tests that
// print floating-point values: a fixed float32 bit pattern scaled in
// single precision and printed with three decimals. On IEEE 754 hardware
// it is 9877.895.
func fpTypeCheck() string {
	f := math.Float32frombits(0x4e93312d)
	v := f * 8 / 1000000
	return strconv.FormatFloat(float64(v), 'f', 3, 64)
}

// usageError is a mistake in the flags; run prints the usage after it.
type usageError struct {
	err  error
	args []string // the command line, for the option as it was written
}

// Error words the mistake as tcpdump does (glibc's getopt_long), where
// pflag has words of its own.
func (e *usageError) Error() string { return getoptMessage(e.err, e.args) }

// getoptMessage words pflag's errors for an unknown option, a missing
// argument and an argument to an option that takes none as getopt_long
// does, which tcpdump prints: "invalid option -- 'k'", "unrecognized
// option '--foo=1'", "option requires an argument -- 'w'", "option
// '--read' requires an argument" and "option '--count' doesn't allow an
// argument"; args is the command line. Other errors keep pflag's text.
func getoptMessage(err error, args []string) string {
	var notExist *pflag.NotExistError
	var noValue *pflag.ValueRequiredError
	var badValue *pflag.InvalidValueError
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return "invalid option -- '" + notExist.GetSpecifiedName()[:1] + "'"
	case errors.As(err, &notExist):
		// getopt_long quotes the argument whole, "=value" included.
		opt := "--" + notExist.GetSpecifiedName()
		for _, a := range args {
			if a == "--" {
				break
			}
			if strings.HasPrefix(a, opt+"=") {
				opt = a
				break
			}
		}
		return "unrecognized option '" + opt + "'"
	case errors.As(err, &noValue) && noValue.GetSpecifiedShortnames() != "":
		return "option requires an argument -- '" + noValue.GetSpecifiedName()[:1] + "'"
	case errors.As(err, &noValue):
		return "option '--" + noValue.GetSpecifiedName() + "' requires an argument"
	case errors.As(err, &badValue) && badValue.GetFlag().Value.Type() == "bool" && badValue.GetFlag().Shorthand == "":
		// "--count=3": the long option takes no argument.
		return "option '--" + badValue.GetFlag().Name + "' doesn't allow an argument"
	}
	return err.Error()
}

func parseArgs(args []string) (*config, error) {
	cfg := &config{}
	fs := newFlagSet(&cfg.f)
	if err := fs.Parse(args); err != nil {
		return nil, &usageError{err, args}
	}
	f := &cfg.f
	if f.help || f.version || f.fpType || f.parserDebug {
		return cfg, nil
	}
	if fs.Changed("packet-type") {
		t, ok := printer.ParsePacketType(f.packetType)
		if !ok {
			return nil, fmt.Errorf("unknown packet type `%s'", f.packetType)
		}
		cfg.packetType = t
	}
	if f.read != "" && f.fileList != "" {
		return nil, errors.New("-V and -r are mutually exclusive.")
	}
	if f.foreign && (f.read != "" || f.fileList != "") {
		return nil, errors.New("-f can not be used with -V or -r")
	}
	if fs.Changed("count-limit") {
		n, err := strconv.ParseInt(f.count, 0, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("invalid packet count %s", f.count)
		}
		cfg.limit = n
	}
	if f.tstamp > 5 {
		return nil, errors.New("only -t, -tt, -ttt, -tttt and -ttttt are supported")
	}
	if fs.Changed("snapshot-length") {
		n, err := strconv.ParseInt(f.snaplen, 0, 64)
		if err != nil || n < 0 || n > savefile.MaxSnaplen {
			return nil, fmt.Errorf("invalid snaplen %s (must be >= 0 and <= %d)", f.snaplen, savefile.MaxSnaplen)
		}
	}
	switch {
	case f.nano:
		cfg.prec = savefile.Nano
	case f.micro:
		cfg.prec = savefile.Micro
	case f.precision == "micro":
		cfg.prec = savefile.Micro
	case f.precision == "nano":
		cfg.prec = savefile.Nano
	default:
		return nil, errors.New("unsupported time stamp precision")
	}
	if fs.Changed("linktype") {
		lt, ok := cbpf.LinkTypeByName(f.linkType)
		if _, err := strconv.ParseUint(f.linkType, 10, 32); err == nil || strings.HasPrefix(strings.ToUpper(f.linkType), "DLT_") {
			// tcpdump's pcap_datalink_name_to_val takes only the names
			// without their "DLT_".
			ok = false
		}
		if !ok {
			return nil, fmt.Errorf("invalid data link type %s", f.linkType)
		}
		cfg.linkType, cfg.linkSet = lt, true
	}
	switch f.engine {
	case "":
		f.engine = defaultEngine()
	case engineCBPF, engineEBPF:
	default:
		return nil, fmt.Errorf("unknown engine %q (want ebpf or cbpf)", f.engine)
	}
	if err := checkLiveFlags(fs, f); err != nil {
		return nil, err
	}
	if fs.Changed("file") {
		// An unreadable file is reported where tcpdump reads it: once
		// the input is open (see exprErr).
		cfg.expr, cfg.exprErr = readFilterFile(f.filterFile)
	} else {
		cfg.expr = strings.Join(fs.Args(), " ")
	}
	return cfg, nil
}

// defaultEngine is the engine used without --engine: the eBPF path.
func defaultEngine() string { return engineEBPF }

// readFilterFile reads -F the way tcpdump does: '#' comments run to the
// end of the line and are blanked, so error offsets still match the file.
func readFilterFile(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		// tcpdump's words: "can't open" for open, "read" for read
		// (a directory).
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Op == "read" {
			return "", fmt.Errorf("read %s: %s", name, strerror.Text(err))
		}
		return "", fmt.Errorf("can't open %s: %s", name, strerror.Text(err))
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '#' {
			continue
		}
		for ; i < len(data) && data[i] != '\n'; i++ {
			data[i] = ' '
		}
	}
	return strings.TrimRight(string(data), "\n"), nil
}

// run is the whole command: args without the program name, and the three
// standard streams. It returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "gocap: %v\n", err)
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(stderr, usageLine)
		}
		return 1
	}
	if cfg.f.parserDebug {
		fmt.Fprintln(stderr, usageLine)
		return 1
	}
	if cfg.f.help {
		fmt.Fprintf(stdout, "%s\n\n%s", usageLine, newFlagSet(new(flags)).FlagUsages())
		return 0
	}
	if cfg.f.fpType {
		fmt.Fprintln(stdout, fpTypeCheck())
		return 0
	}
	for _, m := range cfg.f.mibModules {
		fmt.Fprintf(stderr, "gocap: ignoring option `-m %s' (no libsmi support)\n", m)
	}
	if cfg.f.version {
		fmt.Fprintln(stdout, "gocap (github.com/gocap/gocap), filters compiled by gocap's cbpf package")
		return 0
	}
	cfg.warn = func(msg string) { fmt.Fprintf(stderr, "gocap: WARNING: %s\n", msg) }
	c := &command{cfg: cfg, stdin: stdin, stdout: stdout, stderr: stderr, exit: os.Exit}
	if err := c.run(); err != nil {
		c.fail(err)
		var xe *exitError
		if errors.As(err, &xe) {
			return xe.code
		}
		return 1
	}
	return 0
}

// command is one run of gocap.
type command struct {
	cfg    *config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// exit ends the process; the signal handler calls it when a signal
	// interrupts a wait for input (see signals.go).
	exit func(int)

	// The offline loop's state, which its signal handler also uses while
	// the loop waits for input (guarded by gate.mu).
	gate    *inputGate
	sig     *signals
	rot     *rotator      // -w's files
	out     *bufio.Writer // printed text
	kept    int64         // packets that passed the filter
	looping bool          // the loop has started
}

// exitError is an error with an exit status other than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func (e *exitError) Unwrap() error { return e.err }

// printError is the error that ends gocap when printing a packet fails:
// the printer's own (an -E secret it cannot use, with tcpdump's exit
// status), or output that cannot be written.
func printError(err error) error {
	var fe *printer.FatalError
	if errors.As(err, &fe) {
		if fe.Err != nil {
			err = fmt.Errorf("%s: %s", fe.Msg, strerror.Text(fe.Err))
		}
		return &exitError{code: fe.Status, err: err}
	}
	return writeOutputError(err)
}

// writeOutputError is tcpdump's error for printed text that cannot be
// written (a closed pipe, a full disk): its S_ERR_ND_WRITE_FILE status, 14.
func writeOutputError(err error) error {
	return &exitError{code: 14, err: fmt.Errorf("Unable to write output: %s", strerror.Text(err))}
}

// fail prints err as tcpdump prints errors; filter errors get the
// expression with a caret under the offending text.
func (c *command) fail(err error) {
	var perr *parser.Error
	if errors.As(err, &perr) {
		fmt.Fprintf(c.stderr, "gocap: %s\n", perr.Caret(c.cfg.expr))
		return
	}
	fmt.Fprintf(c.stderr, "gocap: %v\n", err)
}

// compileOpts are the options tcpdump uses for a savefile.
func (c *command) compileOpts(snap uint32, swapped bool) cbpf.Options {
	return cbpf.Options{
		Snaplen:    snap,
		Netmask:    0,
		NetmaskSet: true,
		Offline:    true,
		Swapped:    swapped,
		Optimize:   !c.cfg.f.noOpt,
	}
}

func (c *command) run() error {
	cfg := c.cfg
	if cfg.f.live.list {
		return c.listDevices()
	}
	offline := cfg.f.read != "" || cfg.f.fileList != ""
	if !offline && cfg.f.live.listTstamps {
		return c.listTstampTypes()
	}
	if !offline && cfg.f.live.listDLTs {
		return c.listLinkTypes()
	}
	if !offline && (cfg.f.live.iface != "" || cfg.f.dump == 0) {
		return c.live()
	}
	if !offline {
		if cfg.f.dump > 0 {
			lt := cbpf.LinkEN10MB
			if cfg.linkSet {
				lt = cfg.linkType
			} else {
				fmt.Fprintln(c.stderr, "Warning: assuming Ethernet")
			}
			if cfg.exprErr != nil {
				return cfg.exprErr
			}
			// As pcap_open_dead with -s's length (0 or none: the
			// default).
			opts := c.compileOpts(cfg.f.live.snaplen, false)
			opts.Offline = false
			opts.LinkType = lt
			return c.dumpProgram(opts)
		}
	}

	if oneProcOffline {
		runtime.GOMAXPROCS(1)
	}
	names := []string{cfg.f.read}
	if cfg.f.fileList != "" {
		var err error
		if names, err = c.fileList(); err != nil {
			return err
		}
	}
	// The gate is this goroutine's until the loop is done, except while
	// it waits for input; the signal handler takes it then.
	c.gate = &inputGate{}
	c.gate.mu.Lock()
	defer func() {
		c.gate.done = true
		c.gate.mu.Unlock()
	}()
	src, closeSrc, err := c.openInput(names[0])
	if err != nil {
		return err
	}
	defer func() { closeSrc() }()
	if err := c.announceInput(names[0], src); err != nil {
		return err
	}
	if cfg.exprErr != nil {
		return cfg.exprErr
	}
	lt := src.LinkType()

	opts := c.compileOpts(src.Snaplen(), src.Swapped())
	if cfg.f.dump > 0 {
		opts.LinkType = lt
		return c.dumpProgram(opts)
	}
	filters := &filterSet{expr: cfg.expr, opts: opts, engine: cfg.f.engine}
	if _, err := filters.compileFor(lt); err != nil {
		return err
	}
	// As tcpdump: the signals are caught once the filter is compiled,
	// then -w's file is opened and -Z's user become.
	c.sig = catchSignals(false)
	defer c.sig.release()
	quit := make(chan struct{})
	defer close(quit)
	go c.offlineSignals(quit)
	if err := c.startOutput(c.opener(src.LinkType(), src.LinkTypeHeader(), src.Snaplen())); err != nil {
		return err
	}

	// -V's further files, each opened when the one before is done.
	rest := names[1:]
	nextSource := func() (savefile.Reader, error) {
		if len(rest) == 0 {
			return nil, nil
		}
		name := rest[0]
		rest = rest[1:]
		closeSrc()
		closeSrc = func() {}
		next, closeNext, err := c.openInput(name)
		if err != nil {
			return nil, err
		}
		closeSrc = closeNext
		if nlt := next.LinkType(); nlt != lt {
			// As tcpdump: a pcap file holds one link type, and a
			// printed capture switches to the new one's filter.
			if cfg.f.write != "" {
				return nil, fmt.Errorf("%s: new dlt does not match original", name)
			}
			lt = nlt
			*filters = filterSet{expr: cfg.expr, opts: c.compileOpts(next.Snaplen(), next.Swapped()), engine: cfg.f.engine}
			if _, err := filters.compileFor(lt); err != nil {
				return nil, err
			}
		}
		if err := c.announceInput(name, next); err != nil {
			return nil, err
		}
		return next, nil
	}
	return c.loop(src, filters, nextSource)
}

// opener returns the fileOpener for -w's files: each gets a header for
// the link type (ltWord is the header's link-type word) and snapshot
// length. Standard output ("-") shares its buffer with printed text.
func (c *command) opener(lt cbpf.LinkType, ltWord, snap uint32) fileOpener {
	cfg := c.cfg
	return func(name string) (sink, *outFile, int64, error) {
		file, err := createOutput(name, c.stdout)
		if err != nil {
			return nil, nil, 0, err
		}
		if name == "-" {
			c.out = bufio.NewWriterSize(textWriter{file}, 64<<10)
		}
		var dst sink
		if cfg.f.pcapng {
			dst, err = savefile.NewNgWriter(file.RecordBuffer, lt, snap, cfg.prec)
		} else {
			dst, err = savefile.NewPcapWriter(file.RecordBuffer, lt, ltWord, snap, cfg.prec)
		}
		if err != nil {
			file.close()
			return nil, nil, 0, fmt.Errorf("%s: %s", name, strerror.Text(err))
		}
		return dst, file, 24, nil
	}
}

// startOutput opens -w's first file and becomes -Z's user, in the order
// Debian's tcpdump 4.99.3 does both: the first file is opened while gocap
// is still root, so that it can be created in a directory only root may
// write to, and given to the user; then gocap becomes the user, and every
// later file (-C, -G, -V) is opened as the user. With -C the user is
// become first and opens even the first file, as tcpdump does (a ring of
// files all written as the user).
func (c *command) startOutput(open fileOpener) error {
	cfg := c.cfg
	dropping := cfg.f.live.user != "" && isRoot()
	rot := cfg.f.live.rot
	if cfg.f.write == "-" {
		rot = rotation{}
	}
	openFirst := func() error {
		r, err := newRotator(cfg.f.write, rot, open, time.Now, c.stderr)
		if err != nil {
			return err
		}
		c.rot = r
		if cfg.f.live.postrotate != "" {
			r.closed = c.postRotate(cfg.f.live.postrotate)
		}
		return nil
	}
	if cfg.f.write != "" && (!dropping || rot.fileSize == 0) {
		if err := openFirst(); err != nil {
			return err
		}
	}
	if dropping {
		u, err := lookupRunAs(cfg.f.live.user)
		if err != nil {
			return err
		}
		if c.rot != nil {
			if err := c.rot.file.chown(u.uid, u.gid); err != nil {
				return err
			}
		}
		if err := u.become(); err != nil {
			return err
		}
	}
	if cfg.f.write != "" && c.rot == nil {
		return openFirst()
	}
	return nil
}

// offlineSignals is the offline loop's signal handler (see signals.go),
// until quit is closed.
func (c *command) offlineSignals(quit <-chan struct{}) {
	for {
		var sig os.Signal
		select {
		case <-quit:
			return
		case sig = <-c.sig.ch:
		}
		switch {
		case sig == sigUSR2:
			c.sig.flush.Store(true)
			c.gate.mu.Lock()
			if !c.gate.done && c.gate.waiting && c.rot != nil {
				// The loop waits for input: flush for it.
				c.rot.flush()
			}
			c.gate.mu.Unlock()
		case c.sig.isStop(sig):
			c.sig.stop.Store(true)
			c.gate.mu.Lock()
			if !c.gate.done && c.gate.waiting {
				c.interrupted(sig)
			}
			c.gate.mu.Unlock()
		}
	}
}

// interrupted ends gocap as tcpdump ends when a signal interrupts its
// read of a pipe: before the loop, by the signal itself (tcpdump has no
// handler yet); in the loop, with the -w file and printed text complete,
// the count with --count, "pcap_loop: error reading dump file:
// Interrupted system call" and status 1. It does not return.
func (c *command) interrupted(sig os.Signal) {
	if !c.looping {
		c.sig.release()
		signal.Reset(sig)
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Signal(sig)
		}
		// Go's default for SIGINT, SIGTERM and SIGHUP ends the process
		// just now; it ignores a SIGPIPE sent by kill, so end as a
		// shell reports a death by that signal.
		time.Sleep(100 * time.Millisecond)
		if s, ok := sig.(syscall.Signal); ok {
			c.exit(128 + int(s))
		}
		c.exit(1)
	}
	if c.rot != nil {
		if err := c.rot.closeFile(); err != nil {
			c.fail(err)
		}
	}
	if c.cfg.f.countOnly {
		fmt.Fprintf(c.out, "%s\n", plural(uint64(c.kept)))
	}
	c.out.Flush()
	c.fail(errors.New("pcap_loop: error reading dump file: Interrupted system call"))
	c.exit(1)
}

// fileList reads -V's list: one file name a line, with the newline
// removed and nothing else, as tcpdump reads it.
func (c *command) fileList() ([]string, error) {
	var data []byte
	var err error
	if c.cfg.f.fileList == "-" {
		data, err = io.ReadAll(c.stdin)
	} else {
		data, err = os.ReadFile(c.cfg.f.fileList)
	}
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Op == "read" {
		// Opened but unreadable (a directory): tcpdump's fgets finds
		// no line in it.
		data, err = nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("Unable to open file: %s", strerror.Text(err))
	}
	names := strings.SplitAfter(string(data), "\n")
	if names[len(names)-1] == "" {
		names = names[:len(names)-1]
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("Nothing in %s", c.cfg.f.fileList)
	}
	for i, n := range names {
		names[i] = strings.TrimSuffix(n, "\n")
	}
	return names, nil
}

// openInput opens one capture file ("-" for standard input). The
// returned function closes it.
func (c *command) openInput(name string) (savefile.Reader, func(), error) {
	var in io.Reader
	closeIn := func() {}
	if name == "-" {
		in = c.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %s", name, strerror.Text(err))
		}
		in, closeIn = f, func() { f.Close() }
	}
	if c.gate != nil {
		in = &gatedReader{g: c.gate, r: in, blocks: readsMayWait(in)}
	}
	src, err := savefile.Open(in, c.cfg.prec)
	if err != nil {
		closeIn()
		return nil, nil, err
	}
	return src, closeIn, nil
}

// announceInput says which file is read, as tcpdump does, and refuses a
// link type gocap has no name for.
func (c *command) announceInput(name string, src savefile.Reader) error {
	lt := src.LinkType()
	fmt.Fprintf(c.stderr, "reading from file %s, %s, snapshot length %d\n", name, linkTypeLine(lt), src.Snaplen())
	if lt == cbpf.LinkLinuxSLL2 {
		fmt.Fprintln(c.stderr, "Warning: interface names might be incorrect")
	}
	if v := src.LinkTypeHeader() & linkTypeMask; libpcapRefuses(v) {
		return fmt.Errorf("unknown data link type %d (min 104, max 289)", v)
	}
	return nil
}

// linkTypeMask is the link type's part of a pcap header's link-type word
// (the rest holds the FCS length).
const linkTypeMask = 0x03ffffff

// libpcapRefuses reports whether tcpdump 4.99.3 with libpcap 1.10.3 stops
// at a savefile of this LINKTYPE value ("unknown data link type"): its
// filter compiler knows no other value below the "matching" range, and
// none above it. Measured with the local tcpdump over every value from 0
// to 310; any other file is read and printed, with tcpdump's hex dump
// where no printer decodes the link type.
func libpcapRefuses(v uint32) bool {
	if v >= 104 && v <= 289 {
		return false
	}
	switch v {
	case 0, 1, 6, 7, 8, 9, 10, 11, 12, 15, 16, 19, 50, 51, 99, 100, 101, 102, 103:
		return false
	}
	return true
}

// dumpProgram prints the program for -d, -dd or -ddd.
func (c *command) dumpProgram(opts cbpf.Options) error {
	prog, err := cbpf.Compile(c.cfg.expr, opts)
	if err != nil {
		return err
	}
	var text string
	switch {
	case c.cfg.f.dump >= 3:
		text, err = cbpf.FormatDecimal(prog)
	case c.cfg.f.dump == 2:
		text, err = cbpf.FormatC(prog)
	default:
		text, err = cbpf.Format(prog)
	}
	if err != nil {
		return err
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	_, err = io.WriteString(c.stdout, text)
	return err
}

// loop reads, filters, and writes or prints every packet of src, then of
// each source more returns until it returns nil (-V), with the error that
// ended the list if any. As in tcpdump, -c counts the packets of each
// file, and a stop signal ends the loop after the packet in hand.
func (c *command) loop(src savefile.Reader, filters *filterSet, more func() (savefile.Reader, error)) (err error) {
	cfg := c.cfg
	if c.out == nil {
		c.out = bufio.NewWriterSize(c.stdout, 64<<10)
	}
	out := c.out
	// Whatever ends the loop, the -w file gets every record kept.
	defer func() {
		if c.rot != nil {
			if cerr := c.rot.closeFile(); err == nil {
				err = cerr
			}
		}
	}()

	var pr packetPrinter
	if !cfg.f.countOnly && (cfg.f.write == "" || cfg.f.print) {
		pr = newPrinter(out, cfg)
		if cfg.f.lineBuf || cfg.f.packetBuffered || cfg.f.write == "-" {
			pr = lineBuffered{pr, out}
		}
	}

	c.looping = true
	var keptHere int64
	var readErr error
	stopped := false
	for {
		if c.sig != nil {
			if c.sig.stop.Load() {
				stopped = true
				break
			}
			// A plain load first: the swap is a locked instruction,
			// and this runs for every packet.
			if c.sig.flush.Load() && c.sig.flush.Swap(false) && c.rot != nil {
				if werr := c.rot.flush(); werr != nil {
					return werr
				}
			}
		}
		var data []byte
		var rec *savefile.Record
		rerr := io.EOF // a file is done once -c packets of it were kept
		if cfg.limit == 0 || keptHere < cfg.limit {
			data, rec, rerr = src.Next()
		}
		if rerr == io.EOF {
			if src, readErr = more(); src == nil {
				break
			}
			keptHere = 0
			continue
		}
		if rerr != nil {
			readErr = rerr
			break
		}
		ok, ferr := filters.match(rec.LinkType, data, rec.WireLen)
		if ferr != nil {
			readErr = ferr
			break
		}
		if !ok {
			continue
		}
		c.kept++
		keptHere++
		if c.rot != nil {
			if werr := c.rot.write(rec, data); werr != nil {
				if errors.Is(werr, errMaxFiles) {
					break
				}
				return werr
			}
			if cfg.f.packetBuffered {
				if werr := c.rot.flush(); werr != nil {
					return werr
				}
			}
		}
		if pr != nil {
			if perr := pr.packet(rec, data); perr != nil {
				out.Flush() // the line as far as it got, as tcpdump's exit leaves it
				return printError(perr)
			}
		}
	}
	if stopped && cfg.f.write == "" {
		// tcpdump ends a line a signal may have cut short.
		out.WriteString("\n")
	}
	if cfg.f.countOnly {
		fmt.Fprintf(out, "%s\n", plural(uint64(c.kept)))
	}
	if ferr := out.Flush(); ferr != nil && readErr == nil && !errors.Is(ferr, syscall.EPIPE) {
		// A reader that went away after the last packet is no error, as
		// in tcpdump, whose last fflush of standard output goes
		// unchecked; other errors (a full disk) are reported.
		return writeOutputError(ferr)
	}
	return readErr
}

func writeErr(name string, err error) error {
	var pe *savefile.LoopError
	if errors.As(err, &pe) {
		return err
	}
	if strings.HasPrefix(err.Error(), "an interface has a type") {
		return savefile.LoopErrorf("%v", err)
	}
	return fmt.Errorf("%s: %s", name, strerror.Text(err))
}

//go:build linux

package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/cmd/gocap/internal/capture"
	"github.com/gocap/gocap/cmd/gocap/internal/printer"
	"github.com/gocap/gocap/internal/savefile"
)

// This file is gocap's live capture, the way tcpdump 4.99.3 runs one on
// Linux: open the device (package capture does the AF_PACKET work), say
// "listening on ...", drop privileges for -Z, write (-w, rotated with
// -C/-G/-W) or print every packet until -c, SIGINT or SIGTERM, then print
// the three statistics lines from the ring's counters.

// listDevices prints the device list as tcpdump -D does.
func (c *command) listDevices() error {
	devs, err := capture.Devices()
	if err != nil {
		return err
	}
	for i, d := range devs {
		fmt.Fprintf(c.stdout, "%d.%s\n", i+1, d)
	}
	return nil
}

// checkMonitor refuses -I. tcpdump refuses it on a device that is not a
// mac80211 wireless device; on one that is, libpcap would create a monN
// interface through nl80211, which gocap does not do yet.
func (c *command) checkMonitor(dev string) error {
	if !c.cfg.f.live.monitor {
		return nil
	}
	if _, err := os.Stat("/sys/class/net/" + dev + "/phy80211"); err != nil || dev == capture.AnyDevice {
		return &capture.DeviceError{Device: dev, Status: "That device doesn't support monitor mode"}
	}
	return fmt.Errorf("%s: monitor mode (-I) is not supported by gocap yet", dev)
}

// listLinkTypes prints the device's link types as tcpdump -L does, on
// standard error, marking those gocap cannot print.
func (c *command) listLinkTypes() error {
	dev, err := c.pickDevice()
	if err != nil {
		return err
	}
	if err := c.checkMonitor(dev); err != nil {
		return err
	}
	types, err := capture.LinkTypes(dev)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "Data link types for %s (use option -y to set):\n", dev)
	for _, lt := range types {
		name, desc, ok := lt.NameIn110()
		if !ok {
			// tcpdump has no printer for a type its libpcap cannot name.
			fmt.Fprintf(c.stderr, "  DLT %d (printing not supported)\n", uint32(lt))
			continue
		}
		fmt.Fprintf(c.stderr, "  %s (%s)", name, desc)
		if !printer.Supports(lt) {
			io.WriteString(c.stderr, " (printing not supported)")
		}
		io.WriteString(c.stderr, "\n")
	}
	return nil
}

// listTstampTypes prints the device's time stamp types as tcpdump -J
// does, on standard error.
func (c *command) listTstampTypes() error {
	dev, err := c.pickDevice()
	if err != nil {
		return err
	}
	types, err := capture.TstampTypes(dev)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "Time stamp types for %s (use option -j to set):\n", dev)
	for _, t := range types {
		fmt.Fprintf(c.stderr, "  %s (%s)\n", t, t.Description())
	}
	return nil
}

// pickDevice resolves -i: a name, a number from the -D list, or, without
// -i, the first device of the list.
func (c *command) pickDevice() (string, error) {
	name := c.cfg.f.live.iface
	if name == capture.AnyDevice {
		return name, nil
	}
	if name != "" {
		if _, err := net.InterfaceByName(name); err == nil {
			return name, nil
		}
		n, err := strconv.Atoi(name)
		if err != nil {
			return name, nil // Open reports the missing device
		}
		devs, err := capture.Devices()
		if err != nil {
			return "", err
		}
		if n < 1 || n > len(devs) {
			return "", errors.New("Invalid adapter index")
		}
		return devs[n-1].Name, nil
	}
	devs, err := capture.Devices()
	if err != nil {
		return "", err
	}
	if len(devs) == 0 {
		return "", errors.New("no interfaces available for capture")
	}
	return devs[0].Name, nil
}

// liveCompileOpts are the options tcpdump 4.99 compiles a live filter
// with on Linux: the Linux extensions (VLAN tags in the metadata) and, for
// "ip broadcast", a netmask of 0 unless -f made it look the device's up.
func (c *command) liveCompileOpts(dev string, lt cbpf.LinkType) cbpf.Options {
	var mask uint32
	if c.cfg.f.foreign {
		mask = lookupnetMask(dev)
	}
	return cbpf.Options{
		LinkType:   lt,
		Snaplen:    c.cfg.f.live.snaplen,
		Netmask:    mask,
		NetmaskSet: true,
		LinuxExt:   true,
		Optimize:   !c.cfg.f.noOpt,
	}
}

// lookupnetMask is the netmask tcpdump -f hands to pcap_compile: the
// device's first IPv4 netmask as pcap_lookupnet returns it, in network
// byte order, which pcap_compile then reads as a host-order number (so
// a /24 is 0x00ffffff on a little-endian machine). 0 without an IPv4
// address, and for "any".
func lookupnetMask(dev string) uint32 {
	n := deviceNet(dev)
	if !n.IsValid() {
		return 0
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], ^uint32(0)<<(32-n.Bits()))
	return binary.NativeEndian.Uint32(b[:])
}

// deviceNet is the device's first IPv4 network, its address masked with
// its netmask, as pcap_lookupnet reports it for tcpdump's -f; invalid when
// the device has no IPv4 address (or a netmask that is not a prefix), and
// for "any", where -f then leaves every address to be named.
func deviceNet(dev string) netip.Prefix {
	ifc, err := net.InterfaceByName(dev)
	if err != nil {
		return netip.Prefix{}
	}
	addrs, err := ifc.Addrs()
	if err != nil {
		return netip.Prefix{}
	}
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.To4() == nil || len(ipn.Mask) != 4 {
			continue
		}
		ones, bits := ipn.Mask.Size()
		addr, ok := netip.AddrFromSlice(ipn.IP.To4())
		if bits != 32 || !ok {
			return netip.Prefix{}
		}
		return netip.PrefixFrom(addr, ones).Masked()
	}
	return netip.Prefix{}
}

// live runs a live capture, or prints its filter program for -d.
func (c *command) live() (err error) {
	cfg := c.cfg
	if cfg.exprErr != nil {
		return cfg.exprErr
	}
	lf := &cfg.f.live
	dev, err := c.pickDevice()
	if err != nil {
		return err
	}
	if err := c.checkMonitor(dev); err != nil {
		return err
	}
	var want cbpf.LinkType
	if cfg.linkSet {
		want = cfg.linkType
	}
	announceDLT := func(lt cbpf.LinkType) {
		if cfg.linkSet || dev == capture.AnyDevice {
			fmt.Fprintf(c.stderr, "gocap: data link type %s\n", lt)
		}
	}

	warn := func(s string) { fmt.Fprintf(c.stderr, "gocap: %s\n", s) }
	if cfg.f.dump > 0 {
		if _, err := capture.CheckTstampType(dev, lf.tstamp, warn); err != nil {
			return err
		}
		lt, err := capture.DeviceLinkType(dev, want)
		if err != nil {
			return err
		}
		announceDLT(lt)
		return c.dumpProgram(c.liveCompileOpts(dev, lt))
	}

	printing := !cfg.f.countOnly && (cfg.f.write == "" || cfg.f.print)
	toTerminal := isTerminal(c.stdout)
	ccfg := capture.Config{
		Device:     dev,
		LinkType:   want,
		Snaplen:    lf.snaplen,
		Promisc:    !lf.noPromisc,
		BufferSize: lf.bufBytes,
		Immediate:  lf.immediate || (printing && cfg.f.write == "" && toTerminal),
		Direction:  lf.dir,
		Workers:    lf.nworkers,
		Tstamp:     lf.tstamp,
		Kernel:     lf.kernel,
		Warn:       warn,

		VerifierLog: cfg.f.verbose > 0,
	}
	if cfg.expr != "" {
		ccfg.Compile = func(lt cbpf.LinkType) ([]bpf.Instruction, error) {
			return cbpf.Compile(cfg.expr, c.liveCompileOpts(dev, lt))
		}
	}
	h, err := capture.Open(ccfg)
	if err != nil {
		return err
	}
	// Close only once Run has returned: no reader is left then.
	defer h.Close()
	lt := h.LinkType()
	announceDLT(lt)

	// As tcpdump, catch the signals before opening the -w file and
	// saying "listening on": from then on a SIGINT ends the capture
	// cleanly and SIGUSR1 reports.
	sig := catchSignals(true)
	defer sig.release()
	c.sig = sig

	run := &liveRun{c: c, h: h, lt: lt}
	if err := c.startOutput(c.opener(lt, lt.FileValue(), h.Snaplen())); err != nil {
		return err
	}
	run.rot = c.rot
	out := bufio.NewWriterSize(c.stdout, 64<<10)
	if c.out != nil { // -w -: the file's buffer
		out = c.out
	}
	if printing {
		if cfg.f.foreign {
			cfg.localNet = deviceNet(dev)
		}
		run.pr = newPrinter(out, cfg)
		if cfg.f.lineBuf || cfg.f.packetBuffered || toTerminal || cfg.f.write == "-" {
			run.pr = lineBuffered{run.pr, out}
		}
	}

	if cfg.f.verbose == 0 && cfg.f.write == "" {
		fmt.Fprintf(c.stderr, "gocap: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on ")
	} else {
		fmt.Fprintf(c.stderr, "gocap: listening on ")
	}
	fmt.Fprintf(c.stderr, "%s, %s, snapshot length %d bytes\n", dev, linkTypeLine(lt), h.Snaplen())

	var stopped atomic.Bool
	quit := make(chan struct{})
	// The goroutines below use the handle; they are gone before the
	// deferred Close releases it.
	var helpers sync.WaitGroup
	defer helpers.Wait()
	defer close(quit)
	helpers.Add(1)
	go func() {
		defer helpers.Done()
		for {
			select {
			case s := <-sig.ch:
				switch {
				case s == syscall.SIGUSR1:
					run.printStats(true)
				case s == syscall.SIGUSR2:
					// Nothing to do: publish writes the file out
					// after every ring block, so nothing read waits.
				case sig.isStop(s):
					stopped.Store(true)
					h.Stop()
				}
			case <-quit:
				return
			}
		}
	}()
	if cfg.f.verbose > 0 && cfg.f.write != "" {
		// tcpdump -v -w says how many packets it got, once a second.
		helpers.Add(1)
		go func() {
			defer helpers.Done()
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					fmt.Fprintf(c.stderr, "Got %d\r", run.captured.Load())
				case <-quit:
					return
				}
			}
		}()
	}

	runErr := h.Run(run.packet, run.publish)
	run.publish()
	if runErr == nil {
		runErr = run.werr
	}
	if errors.Is(runErr, errMaxFiles) {
		runErr = nil
	}
	if ferr := run.finish(out); runErr == nil {
		runErr = ferr
	}
	var xe *exitError
	if errors.As(runErr, &xe) {
		// Printed text that cannot be written ends tcpdump at once,
		// without statistics.
		return runErr
	}
	if stopped.Load() && cfg.f.write == "" {
		// tcpdump ends a half-printed line when a signal stops it.
		io.WriteString(c.stdout, "\n")
	}
	var rerr *capture.ReadError
	if errors.As(runErr, &rerr) {
		// tcpdump reports a failed capture ("pcap_loop: The interface
		// disappeared") before its statistics, and exits with 1. The
		// error is printed last, by the caller, so it carries the
		// statistics after its own line.
		return &loopError{err: rerr.Err, stats: run.statsText(false)}
	}
	run.printStats(false)
	return runErr
}

// loopError is a capture that failed, with the statistics tcpdump prints
// after the failure.
type loopError struct {
	err   error
	stats string
}

func (e *loopError) Error() string {
	return "pcap_loop: " + e.err.Error() + "\n" + strings.TrimSuffix(e.stats, "\n")
}

func (e *loopError) Unwrap() error { return e.err }

// liveRun is the state of one live capture loop.
type liveRun struct {
	c        *command
	h        *capture.Handle
	lt       cbpf.LinkType
	rot      *rotator
	pr       packetPrinter
	rec      savefile.Record
	n        int64        // packets captured, kept by the reader
	captured atomic.Int64 // n as others see it: published after each block
	werr     error
}

// packet handles one captured packet: write it, print it, count it.
func (r *liveRun) packet(p *capture.Packet) error {
	cfg := r.c.cfg
	rec := &r.rec
	rec.Sec = p.Sec
	if cfg.prec == savefile.Nano {
		rec.Frac = int64(p.Nsec)
	} else {
		rec.Frac = int64(p.Nsec / 1000)
	}
	rec.CapLen = uint32(len(p.Data))
	rec.WireLen = uint32(p.Length)
	rec.LinkType = r.lt
	if r.rot != nil {
		if err := r.rot.write(rec, p.Data); err != nil {
			if errors.Is(err, errMaxFiles) {
				// tcpdump counts the packet that ends -G -W's run as
				// captured, though no file holds it.
				r.n++
			}
			return err
		}
		if cfg.f.packetBuffered {
			if err := r.rot.flush(); err != nil {
				return err
			}
		}
	}
	r.n++
	n := r.n
	if r.pr != nil {
		if err := r.pr.packet(rec, p.Data); err != nil {
			return printError(err)
		}
	}
	if cfg.limit > 0 && n >= cfg.limit {
		return capture.ErrStop
	}
	return nil
}

// publish makes the count of captured packets visible to the SIGUSR1
// report and -v's counter, and writes the block's packets out to the -w
// file, so that the file follows the capture (and SIGUSR2 finds nothing
// left to flush). The reader calls it after each ring block (a batch of
// packets, handed over when full or after the block timeout) rather than
// for each packet.
func (r *liveRun) publish() {
	r.captured.Store(r.n)
	if r.rot != nil && r.werr == nil {
		if err := r.rot.flush(); err != nil {
			r.werr = err
			r.h.Stop()
		}
	}
}

// finish flushes the printed text and completes the -w file.
func (r *liveRun) finish(out *bufio.Writer) error {
	err := out.Flush()
	if err != nil {
		if errors.Is(err, syscall.EPIPE) {
			err = nil // as tcpdump, whose last fflush goes unchecked
		} else {
			err = writeOutputError(err)
		}
	}
	if r.rot != nil {
		if cerr := r.rot.closeFile(); err == nil {
			err = cerr
		}
	}
	return err
}

// printStats prints tcpdump's statistics: on three (or four) lines at the
// end, on one line prefixed with the program name for SIGUSR1.
// The report is written in one piece, so that a reader of stderr never
// sees half of it.
func (r *liveRun) printStats(oneLine bool) {
	io.WriteString(r.c.stderr, r.statsText(oneLine))
}

// statsText is the text printStats prints.
func (r *liveRun) statsText(oneLine bool) string {
	st, err := r.h.Stats()
	if err != nil {
		return fmt.Sprintf("gocap: pcap_stats: %v\n", err)
	}
	var b strings.Builder
	sep := "\n"
	if oneLine {
		b.WriteString("gocap: ")
		sep = ", "
	}
	fmt.Fprintf(&b, "%s captured%s", plural(uint64(r.captured.Load())), sep)
	fmt.Fprintf(&b, "%s received by filter%s", plural(st.Received), sep)
	fmt.Fprintf(&b, "%s dropped by kernel", plural(st.Dropped))
	if st.IfDropped != 0 {
		fmt.Fprintf(&b, "%s%s dropped by interface", sep, plural(st.IfDropped))
	}
	if st.Unordered != 0 {
		// gocap's own: --workers could not merge these into order.
		fmt.Fprintf(&b, "%s%s out of time stamp order", sep, plural(st.Unordered))
	}
	b.WriteString("\n")
	return b.String()
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && fi.Mode()&os.ModeDevice != 0 && f.Name() != os.DevNull
}

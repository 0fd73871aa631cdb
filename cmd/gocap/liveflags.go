package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/gocap/gocap/cmd/gocap/internal/capture"
)

// liveFlags are the flags of a live capture, as pflag fills them in and
// as checkLiveFlags reads them.
type liveFlags struct {
	iface, bufferSize, direction, fileSize, rotate, maxFiles, user string
	kernel, workers, tstampType, postrotate                        string
	list, listDLTs, listTstamps, noPromisc, immediate, monitor     bool

	// Checked values.
	bufBytes int
	dir      capture.Direction
	rot      rotation
	nworkers int
	tstamp   capture.TstampType
	snaplen  uint32
}

func addLiveFlags(fs *pflag.FlagSet, f *liveFlags) {
	fs.StringVarP(&f.iface, "interface", "i", "", "capture on `IFACE` (a name, a number from -D, or any)")
	fs.BoolVarP(&f.list, "list-interfaces", "D", false, "list the interfaces gocap can capture on and exit")
	fs.BoolVarP(&f.listDLTs, "list-data-link-types", "L", false, "list the interface's link types (for -y) and exit")
	fs.BoolVarP(&f.listTstamps, "list-time-stamp-types", "J", false, "list the interface's time stamp types (for -j) and exit")
	fs.StringVarP(&f.tstampType, "time-stamp-type", "j", "", "time stamp `TYPE`: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or host_hiprec_unsynced")
	fs.BoolVarP(&f.noPromisc, "no-promiscuous-mode", "p", false, "do not put the interface in promiscuous mode")
	fs.BoolVarP(&f.monitor, "monitor-mode", "I", false, "capture in 802.11 monitor mode (not supported yet: gocap says so, as tcpdump does for a device without it)")
	fs.StringVarP(&f.bufferSize, "buffer-size", "B", "", "capture buffer size in `KiB` (default 2048)")
	fs.StringVarP(&f.direction, "direction", "Q", "", "capture `DIR`ection: in, out or inout")
	fs.BoolVar(&f.immediate, "immediate-mode", false, "hand packets over as soon as they arrive")
	fs.StringVarP(&f.fileSize, "file-size", "C", "", "with -w: start a new file once the current one exceeds `N` million bytes")
	fs.StringVarP(&f.rotate, "rotate-seconds", "G", "", "with -w: start a new file every `SECONDS` (the name goes through strftime)")
	fs.StringVarP(&f.maxFiles, "file-count", "W", "", "with -C: reuse `N` files in a ring; with -G alone: stop after N files")
	fs.StringVarP(&f.postrotate, "postrotate-command", "z", "", "with -C or -G: run `COMMAND FILE` on each file rotation closes")
	fs.StringVarP(&f.user, "relinquish-privileges", "Z", "", "become `USER` once the input and the first -w file are open (-r and live)")
	fs.StringVar(&f.kernel, "kernel-filter", "ebpf", "how the filter runs in the kernel: `ebpf` (SO_ATTACH_BPF, falls back to cbpf) or cbpf")
	fs.StringVar(&f.workers, "workers", "1", "spread the capture over `N` sockets with PACKET_FANOUT (packets merged back into time stamp order)")
}

// checkLiveFlags checks the live-capture flags the way tcpdump checks
// them, with tcpdump's messages.
func checkLiveFlags(fs *pflag.FlagSet, f *flags) error {
	l := &f.live
	if fs.Changed("buffer-size") {
		n, err := strconv.Atoi(l.bufferSize)
		if err != nil || n <= 0 || n > 1<<21 {
			return fmt.Errorf("invalid packet buffer size %s", l.bufferSize)
		}
		l.bufBytes = n * 1024
	}
	switch l.direction {
	case "", "inout":
		l.dir = capture.InOut
	case "in":
		l.dir = capture.In
	case "out":
		l.dir = capture.Out
	default:
		return fmt.Errorf("unknown capture direction `%s'", l.direction)
	}
	if fs.Changed("file-size") {
		n, err := strconv.ParseInt(l.fileSize, 10, 64)
		if err != nil || n <= 0 || n > 1<<40 {
			return fmt.Errorf("invalid file size %s", l.fileSize)
		}
		l.rot.fileSize = n * 1000000
	}
	if fs.Changed("rotate-seconds") {
		n, err := strconv.ParseInt(l.rotate, 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("invalid number of seconds %s", l.rotate)
		}
		l.rot.period = n
	}
	if fs.Changed("file-count") {
		n, err := strconv.Atoi(l.maxFiles)
		if err != nil || n <= 0 {
			return fmt.Errorf("invalid number of output files %s", l.maxFiles)
		}
		l.rot.maxFiles = n
	}
	if fs.Changed("time-stamp-type") {
		t, ok := capture.ParseTstampType(l.tstampType)
		if !ok {
			return fmt.Errorf("invalid time stamp type %s", l.tstampType)
		}
		l.tstamp = t
	}
	switch l.kernel {
	case capture.KernelEBPF, capture.KernelCBPF:
	default:
		return fmt.Errorf("unknown kernel filter %q (want ebpf or cbpf)", l.kernel)
	}
	n, err := strconv.Atoi(l.workers)
	if err != nil || n < 1 || n > 64 {
		return fmt.Errorf("invalid number of workers %s (1 to 64)", l.workers)
	}
	l.nworkers = n
	l.snaplen = capture.DefaultSnaplen
	if fs.Changed("snapshot-length") {
		if v, err := strconv.ParseUint(f.snaplen, 0, 32); err == nil && v > 0 {
			l.snaplen = uint32(v)
		}
	}
	return nil
}

package main

import (
	"io"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
)

// This file is how gocap answers signals, as tcpdump 4.99.3 does:
//
//   - SIGINT, SIGTERM, SIGPIPE and SIGHUP end the capture cleanly (tcpdump's
//     cleanup handler calls pcap_breakloop): the loop stops after the packet
//     in hand, the -w file is complete, a live capture prints its
//     statistics, and the exit status is 0. SIGHUP is left alone when gocap
//     was started with it ignored (nohup), as tcpdump leaves it.
//   - SIGUSR2 flushes the -w file.
//   - SIGUSR1 prints a live capture's statistics on one line (live.go); a
//     savefile has none, and tcpdump does not catch it there.
//
// One case differs in tcpdump by when the signal comes: reading a savefile
// from a pipe, tcpdump waits in read(2), which the signal interrupts, and
// it ends with "pcap_loop: error reading dump file: Interrupted system
// call" and status 1. gocap does the same when a stop signal finds it
// waiting for such input (see inputGate).

// signals is what the signal handler has asked of the loop.
type signals struct {
	ch    chan os.Signal
	stop  atomic.Bool // end the loop, as pcap_breakloop
	flush atomic.Bool // write out the -w file's waiting records
	// hup is whether SIGHUP is caught (it is not under nohup).
	hup bool
}

// stopSignals are the signals that end a capture cleanly.
func (s *signals) isStop(sig os.Signal) bool {
	switch sig {
	case syscall.SIGINT, syscall.SIGTERM, syscall.SIGPIPE:
		return true
	case syscall.SIGHUP:
		return s.hup
	}
	return false
}

// catchSignals starts catching the signals tcpdump catches; live adds
// SIGUSR1. release stops catching them.
func catchSignals(live bool) *signals {
	s := &signals{ch: make(chan os.Signal, 8)}
	sigs := []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGPIPE}
	if sigUSR2 != nil {
		sigs = append(sigs, sigUSR2)
	}
	if !signal.Ignored(syscall.SIGHUP) {
		s.hup = true
		sigs = append(sigs, syscall.SIGHUP)
	}
	if live && sigUSR1 != nil {
		sigs = append(sigs, sigUSR1)
	}
	signal.Notify(s.ch, sigs...)
	return s
}

func (s *signals) release() { signal.Stop(s.ch) }

// inputGate lets the signal handler act while the offline loop waits for
// input, and only then. The loop holds mu all the time except while it
// waits in a read of its input (gatedReader), so a handler that takes mu
// knows the loop is waiting, or done, and can flush or close the output
// without racing it.
type inputGate struct {
	mu      sync.Mutex
	waiting bool // the loop is in a read of a pipe, FIFO, socket or terminal
	done    bool // the loop is over; nothing more to do for the handler
}

// gatedReader reads the input for the loop, opening the gate while it
// waits.
type gatedReader struct {
	g      *inputGate
	r      io.Reader
	blocks bool // a read may wait (not a regular file)
}

func (gr *gatedReader) Read(p []byte) (int, error) {
	gr.g.waiting = gr.blocks
	gr.g.mu.Unlock()
	n, err := gr.r.Read(p)
	gr.g.mu.Lock()
	gr.g.waiting = false
	return n, err
}

// readsMayWait reports whether reading r can wait for data to arrive: a
// pipe, FIFO, socket or terminal, unlike a regular file.
func readsMayWait(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && !fi.Mode().IsRegular()
}

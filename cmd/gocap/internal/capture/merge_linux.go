//go:build linux

package capture

import (
	"errors"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// This file runs a capture with several workers: each reader copies its
// ring's packets into a merger (merge.go) and hands out, in time stamp
// order, those that can no longer be overtaken; a poller hands out those
// that become due while no reader has anything to read.

// Merge bounds: what the merger may hold before it lets the earliest
// packets go out of order.
const (
	mergeMaxBytes   = 8 << 20
	mergeMaxPackets = 16384
	// mergeJitter is how much earlier than the packets before it in the
	// same ring a packet may be stamped, or than the block it is in was
	// opened: the kernel may stamp a packet on arrival and put it in the
	// ring a little later.
	mergeJitter = 2 * time.Millisecond
)

// mergeTimes are, for rings with the given block timeout, the merge's
// window and the shortest time between two looks of its poller. The
// kernel hands a block over at most about two timeouts after it opened it
// (its retire timer runs every timeout, and no finer than a timer tick,
// 10 ms on a kernel built with HZ=100); the window adds half a second for
// a loaded machine, where the kernel's timer and the readers run late.
func mergeTimes(timeout time.Duration) (window, poll time.Duration) {
	tov := max(timeout, 10*time.Millisecond)
	return 2*tov + 500*time.Millisecond, min(max(tov/50, time.Millisecond), 20*time.Millisecond)
}

// mergeRun is the state of a Run with several workers. Everything in it
// but wake is guarded by the handle's mu, which also serializes the
// callbacks.
type mergeRun struct {
	h    *Handle
	m    *merger
	fn   func(*Packet) error
	done func()
	err  error         // what fn returned to end the capture; fn is not called again
	wake chan struct{} // the poller should look again earlier than it means to
	poll time.Duration // the shortest time between two looks of the poller

	pollAt  time.Time // when the poller means to look again, if polling
	polling bool
}

// mergeWorker is one worker's part in a merged Run.
type mergeWorker struct {
	run     *mergeRun
	w       *worker
	i       int                   // the merger's input
	idle    bool                  // the merger was told the ring is empty (the worker's own)
	blk     int                   // the block that was next to read then (under mu)
	pending func(now int64) int64 // pendingSince, bound once
}

// runMerged is Run with several workers.
func (h *Handle) runMerged(fn func(*Packet) error, done func()) error {
	window, poll := mergeTimes(h.rings[0].timeout)
	mr := &mergeRun{
		h:    h,
		m:    newMerger(mergeConfig{inputs: len(h.workers), window: window, jitter: mergeJitter, maxBytes: mergeMaxBytes, maxPackets: mergeMaxPackets}),
		fn:   fn,
		done: done,
		wake: make(chan struct{}, 1),
		poll: poll,
	}
	errs := make([]error, len(h.workers))
	var wg sync.WaitGroup
	for i, w := range h.workers {
		mw := &mergeWorker{run: mr, w: w, i: i}
		mw.pending = mw.pendingSince
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer h.readers.Done()
			errs[i] = w.run(fn, done, mw)
		}()
	}
	quit := make(chan struct{})
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		defer h.readers.Done()
		mr.poller(quit)
	}()
	wg.Wait()
	close(quit)
	<-polled
	// Every reader has stopped: nothing can overtake what is held, which
	// goes now, in order.
	h.mu.Lock()
	mr.m.flush()
	mr.deliver(false, time.Time{})
	err := mr.err
	h.mu.Unlock()
	if err != nil && !errors.Is(err, ErrStop) {
		errs = append([]error{err}, errs...)
	}
	return errors.Join(errs...)
}

// deliver hands out the packets that may go, after working out which at
// now if due is set, then calls done if it handed any out. It is called
// with mu held.
func (mr *mergeRun) deliver(due bool, now time.Time) {
	if mr.err != nil {
		return
	}
	m := mr.m
	if due {
		m.due(now)
	}
	called := false
	for p := m.next(); p != nil; p = m.next() {
		called = true
		if err := mr.fn(p); err != nil {
			mr.err = err
			mr.h.Stop()
			break
		}
	}
	if called && mr.done != nil {
		mr.done()
	}
	mr.h.unordered.Store(m.unordered)
	mr.h.early.Store(m.early)
}

// nudge wakes the poller if packets held may become due before it means
// to look. Readers call it, with mu held, after they hand packets out.
func (mr *mergeRun) nudge() {
	t, ok := mr.m.wakeAt()
	if !ok || mr.err != nil || mr.polling && !t.Before(mr.pollAt) {
		return
	}
	mr.pollAt, mr.polling = t, true
	select {
	case mr.wake <- struct{}{}:
	default:
	}
}

// poller hands out the packets that become due with time alone, until
// quit is closed: it looks when the merger says something may be due
// (not sooner than a poll period after its last look), or when a reader
// nudges it.
func (mr *mergeRun) poller(quit <-chan struct{}) {
	h := mr.h
	t := time.NewTimer(time.Hour)
	t.Stop()
	for {
		h.mu.Lock()
		mr.deliver(true, time.Now())
		next, ok := mr.m.wakeAt()
		mr.pollAt, mr.polling = next, ok && mr.err == nil
		polling := mr.polling
		h.mu.Unlock()
		var tick <-chan time.Time
		if polling {
			t.Reset(max(time.Until(next), mr.poll))
			tick = t.C
		}
		select {
		case <-quit:
			t.Stop()
			return
		case <-mr.wake:
			t.Stop()
		case <-tick:
		}
	}
}

// markIdle tells the merger that the worker's ring is empty, and hands
// out what that lets go. The worker calls it before it waits.
func (mw *mergeWorker) markIdle() {
	h := mw.w.h
	h.mu.Lock()
	defer h.mu.Unlock()
	mw.blk = mw.w.ring.next
	mw.run.m.idle(mw.i, mw.pending)
	mw.idle = true
	mw.run.deliver(true, time.Now())
	mw.run.nudge()
}

// pendingSince is the merger's pending function for the worker's ring.
func (mw *mergeWorker) pendingSince(now int64) int64 {
	return mw.w.ring.pendingSince(mw.blk, now)
}

// block copies the n packets of block b (the ring's next) into the
// merger, gives the block back to the kernel and hands out what may go.
// It returns ErrStop once the callback has ended the capture.
func (mw *mergeWorker) block(b []byte, n int) error {
	w, r, mr := mw.w, mw.w.ring, mw.run
	h, m := w.h, mw.run.m
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	m.busy(mw.i)
	mw.idle = false
	bw := newBlockWalker(b, n)
	var err error
	for {
		hdr, data, ll, werr := bw.next()
		if werr != nil || hdr == nil {
			err = werr
			break
		}
		if w.packet(hdr, data, ll) {
			m.add(mw.i, &w.pkt, hdr.status&unix.TP_STATUS_TS_RAW_HARDWARE != 0, now)
		}
	}
	r.release()
	if !r.ready() {
		mw.blk = r.next
		m.idle(mw.i, mw.pending)
		mw.idle = true
	}
	mr.deliver(true, time.Now())
	mr.nudge()
	if err == nil && mr.err != nil {
		err = ErrStop
	}
	return err
}

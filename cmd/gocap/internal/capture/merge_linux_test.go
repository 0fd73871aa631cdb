//go:build linux

package capture

import (
	"bytes"
	"fmt"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// TestRunMergesWorkers sends a few thousand datagrams over lo, in bursts,
// from 16 flows, to a capture spread over 2 to 4 workers, and checks that
// Run hands them out in time stamp order, each once, with fn and done
// never running at once, and that after fn returns ErrStop it is called
// no more.
//
// With 2 workers it also runs with the block timeout of 1 s: then each
// worker's packets wait in its ring for the timeout, and the merge must
// hold one worker's block until the other's comes.
//
// On a machine so loaded that the kernel hands blocks over later than
// the merge's window allows for, the merge lets packets go before it knows
// them in order, and says so; such a run proves nothing about the order
// and is tried again, up to three times.
func TestRunMergesWorkers(t *testing.T) {
	type run struct {
		workers, stopAt int
		immediate       bool
	}
	var runs []run
	for _, workers := range []int{2, 3, 4} {
		for _, stopAt := range []int{mergeTestTotal, mergeTestTotal / 2} {
			runs = append(runs, run{workers, stopAt, true})
		}
	}
	runs = append(runs, run{2, mergeTestTotal, false})
	for _, r := range runs {
		t.Run(fmt.Sprintf("workers=%d,stop=%d,immediate=%v", r.workers, r.stopAt, r.immediate), func(t *testing.T) {
			for attempt := 1; ; attempt++ {
				early := runMergeTest(t, r.workers, r.stopAt, r.immediate)
				if early == 0 || t.Failed() {
					return
				}
				if attempt == 3 {
					t.Fatalf("in each of %d runs the merge let packets go at its window or memory bound (%d in the last)", attempt, early)
				}
				t.Logf("run %d: the merge let %d packets go at its bounds (a loaded machine); again", attempt, early)
			}
		})
	}
}

const mergeTestTotal = 3000

// runMergeTest is one run of TestRunMergesWorkers. It returns how many
// packets the merge let go at its bounds; it checks the order only when
// none did.
func runMergeTest(t *testing.T, workers, stopAt int, immediate bool) (early uint64) {
	const (
		total  = mergeTestTotal
		burst  = 100
		flows  = 16
		prefix = "gocap-merge-"
	)
	hs, conns := openLo(t, Config{Device: "lo", Immediate: immediate, Workers: workers}, 1, flows)
	h := hs[0]
	seen := make([]int, total)
	var (
		handed, afterStop, batches int
		last                       time.Time
		backward                   []string
		inCallback                 atomic.Bool
	)
	enter := func(what string) {
		if inCallback.Swap(true) {
			t.Errorf("%s called while another callback runs", what)
		}
	}
	errc := make(chan error, 1)
	go func() {
		errc <- h.Run(func(p *Packet) error {
			enter("fn")
			defer inCallback.Store(false)
			i := bytes.Index(p.Data, []byte(prefix))
			if i < 0 {
				return nil
			}
			if handed >= stopAt {
				afterStop++
				return ErrStop
			}
			if p.Time().Before(last) {
				backward = append(backward, fmt.Sprintf("%q stamped %v before the packet handed out before it", p.Data[i:], last.Sub(p.Time())))
			}
			last = p.Time()
			n, err := strconv.Atoi(string(p.Data[i+len(prefix):]))
			if err != nil || n < 0 || n >= total {
				t.Errorf("unexpected payload %q", p.Data[i:])
				return nil
			}
			seen[n]++
			if handed++; handed == stopAt {
				return ErrStop
			}
			return nil
		}, func() {
			enter("done")
			batches++
			inCallback.Store(false)
		})
	}()
	for sent := 0; sent < total; {
		for range burst {
			fmt.Fprintf(conns[sent%flows], "%s%d", prefix, sent)
			sent++
		}
		time.Sleep(2 * time.Millisecond)
	}
	awaitRun(t, h, errc, func() string { return fmt.Sprintf("a minute later, %d of %d packets handed out", handed, stopAt) })
	st, err := h.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if handed != stopAt || afterStop != 0 {
		t.Errorf("%d packets handed out before ErrStop, %d after; want %d, 0", handed, afterStop, stopAt)
	}
	missing, twice := 0, 0
	for _, c := range seen {
		switch {
		case c > 1:
			twice++
		case c == 0:
			missing++
		}
	}
	if twice != 0 || stopAt == total && missing != 0 {
		t.Errorf("%d packets handed out twice, %d missing (kernel drops: %d)", twice, missing, st.Dropped)
	}
	if batches == 0 {
		t.Errorf("done was never called")
	}
	// The merge was put to the test only if the packets were spread.
	busy := 0
	for _, r := range h.rings {
		if recv, _, _ := r.readStats(); recv > 0 {
			busy++
		}
	}
	if busy < 2 {
		t.Errorf("only %d of %d workers received packets", busy, workers)
	}
	if (len(backward) == 0) != (st.Unordered == 0) {
		t.Errorf("%d steps backward in time, but Stats.Unordered counts %d packets", len(backward), st.Unordered)
	}
	if early = h.early.Load(); early != 0 {
		return early
	}
	for i, b := range backward {
		if i == 5 {
			t.Errorf("and %d more", len(backward)-i)
			break
		}
		t.Errorf("out of order: %s", b)
	}
	return 0
}

// TestRingPendingSince checks what the merge learns from the descriptor
// of the block the kernel fills: an empty block means nothing earlier
// than now can come; a block holding a packet tells when it was opened,
// which is no later than the packet's stamp.
func TestRingPendingSince(t *testing.T) {
	hs, conns := openLo(t, Config{Device: "lo", Immediate: true}, 1, 1)
	r, conn := hs[0].rings[0], conns[0]
	now := time.Now().UnixNano()
	if got := r.pendingSince(r.next, now); got != now {
		t.Errorf("empty ring: pendingSince %v, want now (%v)", got, now)
	}
	conn.Write([]byte("gocap-pending"))
	// The packet is in the ring once the write returns (lo delivers it
	// in the sender's system call); its block may or may not be handed
	// over yet.
	now = time.Now().UnixNano()
	opened := r.pendingSince(r.next, now)
	if opened == noMark || opened >= now {
		t.Fatalf("block with a packet: pendingSince %v, want its opening, before now (%v)", opened, now)
	}
	deadline := time.Now().Add(time.Minute)
	for !r.ready() {
		if time.Now().After(deadline) {
			t.Fatal("the block was not handed over a minute later")
		}
		time.Sleep(time.Millisecond)
	}
	b, n := r.block()
	bw := newBlockWalker(b, n)
	hdr, _, _, err := bw.next()
	if err != nil || hdr == nil {
		t.Fatalf("block of %d packets: %v", n, err)
	}
	if stamp := int64(hdr.sec)*1e9 + int64(hdr.nsec); stamp < opened {
		t.Errorf("the packet is stamped %v, before its block opened (%v)", time.Unix(0, stamp), time.Unix(0, opened))
	}
	r.release()
}

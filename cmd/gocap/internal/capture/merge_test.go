package capture

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// testEpoch is the wall clock's time at the start of the merger tests.
var testEpoch = time.Unix(1_700_000_000, 0)

// wall is testEpoch plus d.
func wall(d time.Duration) time.Time { return testEpoch.Add(d) }

// stamped is a packet stamped at testEpoch plus d, its data naming it.
func stamped(d time.Duration, name string) *Packet {
	t := wall(d)
	return &Packet{Data: []byte(name), Length: len(name) + 10, Sec: t.Unix(), Nsec: uint32(t.Nanosecond()), Ifindex: 3}
}

// fixed is a pending function that always says d after testEpoch.
func fixed(d time.Duration) func(int64) int64 {
	return func(int64) int64 { return wall(d).UnixNano() }
}

// emptyRing is the pending function of an input whose ring is empty: its
// next packet comes after now.
func emptyRing(now int64) int64 { return now }

func testMerger(inputs int) *merger {
	return newMerger(mergeConfig{inputs: inputs, window: 100 * time.Millisecond, jitter: 2 * time.Millisecond, maxBytes: 1 << 20, maxPackets: 1000})
}

// drain runs a pass at now and returns the names of the packets handed
// out.
func drain(m *merger, now time.Time) []string {
	m.due(now)
	return rest(m)
}

// rest returns the names of the packets the current pass hands out.
func rest(m *merger) []string {
	var names []string
	for p := m.next(); p != nil; p = m.next() {
		names = append(names, string(p.Data))
	}
	return names
}

func TestMergeHoldsUntilNoInputCanOvertake(t *testing.T) {
	m := testMerger(2)
	m.add(0, stamped(10*time.Millisecond, "a"), false, wall(20*time.Millisecond))
	if got := drain(m, wall(20*time.Millisecond)); got != nil {
		t.Fatalf("input 1 has said nothing, yet %q went", got)
	}
	m.idle(1, func(int64) int64 { return noMark })
	if got := drain(m, wall(21*time.Millisecond)); got != nil {
		t.Fatalf("input 1 cannot tell what is pending, yet %q went", got)
	}
	// Input 1 delivers later packets, but input 0 (still reading) may yet
	// deliver one stamped up to the jitter before its latest.
	m.busy(1)
	m.add(1, stamped(30*time.Millisecond, "b"), false, wall(40*time.Millisecond))
	if got := drain(m, wall(40*time.Millisecond)); got != nil {
		t.Fatalf("input 0 is still reading, yet %q went", got)
	}
	// Input 0's ring is empty: only input 1 (reading, at 30 ms less the
	// jitter) holds b back.
	m.idle(0, emptyRing)
	if got := drain(m, wall(41*time.Millisecond)); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("input 0 idle: got %q, want a", got)
	}
	// Input 1's ring holds a block the kernel opened at 31 ms: b (30 ms)
	// is safe once that less the jitter is past it.
	m.idle(1, fixed(31*time.Millisecond))
	if got := drain(m, wall(42*time.Millisecond)); got != nil {
		t.Fatalf("input 1's open block began at 31 ms, within the jitter of b; yet %q went", got)
	}
	m.idle(1, fixed(32*time.Millisecond))
	if got := drain(m, wall(43*time.Millisecond)); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("got %q, want b", got)
	}
	if m.early != 0 || m.unordered != 0 || m.held() != 0 {
		t.Errorf("early %d, unordered %d, held %d; want 0, 0, 0", m.early, m.unordered, m.held())
	}
}

func TestMergeOrdersAndFlushes(t *testing.T) {
	m := testMerger(3)
	m.add(0, stamped(5*time.Millisecond, "0-5"), false, wall(50*time.Millisecond))
	m.add(0, stamped(9*time.Millisecond, "0-9"), false, wall(50*time.Millisecond))
	m.add(1, stamped(1*time.Millisecond, "1-1"), false, wall(51*time.Millisecond))
	m.add(1, stamped(7*time.Millisecond, "1-7"), false, wall(51*time.Millisecond))
	m.add(2, stamped(7*time.Millisecond, "2-7"), false, wall(52*time.Millisecond))
	m.add(2, stamped(3*time.Millisecond, "2-3"), false, wall(52*time.Millisecond))
	if got := drain(m, wall(52*time.Millisecond)); !slices.Equal(got, []string{"1-1", "2-3", "0-5"}) {
		t.Fatalf("got %q, want what is earlier than every input's latest less the jitter: 1-1 2-3 0-5", got)
	}
	m.flush()
	// Equal stamps go in the order they were added.
	if got := rest(m); !slices.Equal(got, []string{"1-7", "2-7", "0-9"}) {
		t.Fatalf("flush: got %q, want 1-7 2-7 0-9", got)
	}
	if m.next() != nil || m.held() != 0 || m.bytes != 0 {
		t.Errorf("after the flush: %d held, %d bytes", m.held(), m.bytes)
	}
	if m.early != 0 || m.unordered != 0 {
		t.Errorf("early %d, unordered %d; want 0", m.early, m.unordered)
	}
}

// An input's packets that come out of stamp order are put back in order.
func TestMergeSortsWithinAnInput(t *testing.T) {
	m := testMerger(2)
	for _, d := range []int{5, 3, 4, 9, 1, 9, 7} {
		m.add(0, stamped(time.Duration(d)*time.Millisecond, fmt.Sprint(d)), false, wall(20*time.Millisecond))
	}
	m.add(1, stamped(6*time.Millisecond, "six"), false, wall(20*time.Millisecond))
	m.flush()
	if got := rest(m); !slices.Equal(got, []string{"1", "3", "4", "5", "six", "7", "9", "9"}) {
		t.Errorf("got %q", got)
	}
	if m.unordered != 0 {
		t.Errorf("unordered %d, want 0", m.unordered)
	}
}

// wakeAt says when time alone may let the earliest packet held go: once
// the inputs with empty rings are past it, if only they hold it back, or
// else at the end of its window.
func TestMergeWakeAt(t *testing.T) {
	m := testMerger(2)
	if _, ok := m.wakeAt(); ok {
		t.Fatal("wakeAt with nothing held")
	}
	m.add(0, stamped(10*time.Millisecond, "a"), false, wall(11*time.Millisecond))
	m.idle(0, emptyRing)
	m.idle(1, emptyRing)
	if got := drain(m, wall(11*time.Millisecond)); got != nil {
		t.Fatalf("%q went within the jitter", got)
	}
	if w, ok := m.wakeAt(); !ok || !w.Equal(wall(12*time.Millisecond)) {
		t.Errorf("two empty rings: wakeAt %v, %v; want 12 ms", w.Sub(testEpoch), ok)
	}
	m.idle(1, fixed(5*time.Millisecond)) // a block opened at 5 ms, not handed over yet
	drain(m, wall(11*time.Millisecond))
	if w, ok := m.wakeAt(); !ok || !w.Equal(wall(111*time.Millisecond)) {
		t.Errorf("input 1 holds a block: wakeAt %v, %v; want the end of the window, 111 ms", w.Sub(testEpoch), ok)
	}
}

// A packet is held for the window at most, even when an input says
// nothing; a packet that comes after a later one went goes at once and is
// counted.
func TestMergeWindow(t *testing.T) {
	m := testMerger(2)
	m.add(0, stamped(10*time.Millisecond, "a"), false, wall(20*time.Millisecond))
	m.idle(0, emptyRing)
	if got := drain(m, wall(120*time.Millisecond-1)); got != nil {
		t.Fatalf("%q went before the window was over", got)
	}
	if got := drain(m, wall(120*time.Millisecond)); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("at the end of the window: got %q, want a", got)
	}
	if m.early != 1 || m.unordered != 0 {
		t.Errorf("early %d, unordered %d; want 1, 0", m.early, m.unordered)
	}
	m.add(1, stamped(9*time.Millisecond, "late"), false, wall(121*time.Millisecond))
	if got := drain(m, wall(121*time.Millisecond)); !slices.Equal(got, []string{"late"}) {
		t.Fatalf("got %q, want the late packet at once", got)
	}
	if m.unordered != 1 {
		t.Errorf("unordered %d, want 1", m.unordered)
	}
}

// Past the bounds on packets and bytes held, the earliest go.
func TestMergeMemoryBound(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  mergeConfig
	}{
		{"packets", mergeConfig{inputs: 2, window: time.Hour, maxBytes: 1 << 20, maxPackets: 3}},
		{"bytes", mergeConfig{inputs: 2, window: time.Hour, maxBytes: 3 * (100 + heldOverhead), maxPackets: 1000}},
	} {
		m := newMerger(c.cfg)
		for i := range 5 {
			name := fmt.Sprintf("%d%s", i, bytes.Repeat([]byte("x"), 99))
			m.add(0, stamped(time.Duration(i)*time.Millisecond, name), false, wall(time.Second))
		}
		got := drain(m, wall(time.Second))
		if len(got) != 2 || got[0][0] != '0' || got[1][0] != '1' {
			t.Errorf("%s: got %d packets (%.1q), want the 2 earliest", c.name, len(got), got)
		}
		if m.held() != 3 || m.early != 2 {
			t.Errorf("%s: %d held, early %d; want 3, 2", c.name, m.held(), m.early)
		}
		m.flush()
		if got := rest(m); len(got) != 3 {
			t.Errorf("%s: flush handed out %d, want 3", c.name, len(got))
		}
	}
}

// The merger copies packets: the caller's buffer may change once add
// returns.
func TestMergeCopies(t *testing.T) {
	m := testMerger(1)
	src := stamped(time.Millisecond, "first")
	m.add(0, src, false, wall(10*time.Millisecond))
	copy(src.Data, "XXXXX")
	src.Sec, src.Length = 7, 1
	m.add(0, stamped(2*time.Millisecond, "second"), false, wall(10*time.Millisecond))
	m.flush()
	p := m.next()
	want := stamped(time.Millisecond, "first")
	if string(p.Data) != "first" || p.Sec != want.Sec || p.Nsec != want.Nsec || p.Length != want.Length || p.Ifindex != 3 {
		t.Fatalf("got %+v, want %+v", p, want)
	}
	if q := m.next(); q == nil || string(q.Data) != "second" {
		t.Errorf("second packet: %+v", q)
	}
}

// Once warmed up, the merger reuses its storage: moving packets through
// allocates nothing.
func TestMergeReusesStorage(t *testing.T) {
	m := testMerger(2)
	pkts := []*Packet{stamped(0, string(make([]byte, 60))), stamped(0, string(make([]byte, 1500)))}
	var now time.Duration
	cycle := func() {
		for i := range 64 {
			p := pkts[i%2]
			ts := wall(now + time.Duration(i)*time.Microsecond)
			p.Sec, p.Nsec = ts.Unix(), uint32(ts.Nanosecond())
			m.busy(i % 2)
			m.add(i%2, p, false, wall(now+time.Millisecond))
			m.idle(i%2, emptyRing)
		}
		now += 10 * time.Millisecond
		m.due(wall(now))
		for p := m.next(); p != nil; p = m.next() {
		}
	}
	for range 10 {
		cycle()
	}
	if n := testing.AllocsPerRun(100, cycle); n != 0 {
		t.Errorf("%v allocations per 64 packets", n)
	}
}

// With stamps from a network adapter's clock, far ahead of or behind the
// system's, the merger estimates the difference from when packets were
// read, so that an idle input's pending time still counts.
func TestMergeAdapterClock(t *testing.T) {
	for _, skew := range []time.Duration{100 * 365 * 24 * time.Hour, -40 * 365 * 24 * time.Hour} {
		m := testMerger(2)
		// Stamped at 10 ms on the adapter's clock, read 1 ms later.
		m.add(0, stamped(skew+10*time.Millisecond, "a"), true, wall(11*time.Millisecond))
		m.idle(0, emptyRing)
		m.idle(1, emptyRing)
		// At 13 ms an empty ring may yet deliver a packet stamped at
		// 13 ms less the jitter, on the system's clock: 12 ms on the
		// adapter's by the estimate (which takes the read for the
		// stamp), later than a.
		if got := drain(m, wall(12*time.Millisecond)); got != nil {
			t.Errorf("skew %v: %q went before the pending time passed it", skew, got)
		}
		if got := drain(m, wall(13*time.Millisecond)); !slices.Equal(got, []string{"a"}) {
			t.Errorf("skew %v: got %q, want a", skew, got)
		}
		// A second packet while input 1 says nothing: the window
		// still bounds how long it waits, in wall time.
		m.busy(1)
		m.add(0, stamped(skew+20*time.Millisecond, "b"), true, wall(21*time.Millisecond))
		if got := drain(m, wall(121*time.Millisecond-1)); got != nil {
			t.Errorf("skew %v: %q went before the window was over", skew, got)
		}
		if got := drain(m, wall(121*time.Millisecond)); !slices.Equal(got, []string{"b"}) {
			t.Errorf("skew %v: got %q, want b at the end of the window", skew, got)
		}
	}
}

// simInput is one input of TestMergeSimulatedRings: a ring whose blocks
// the kernel hands over when full or timed out, and a reader that reads
// them a little later.
type simInput struct {
	open    []*Packet // the block being filled
	openAt  time.Duration
	retired []simBlock // handed over, not read yet
}

type simBlock struct {
	pkts   []*Packet
	openAt time.Duration
	readAt time.Duration
}

// TestMergeSimulatedRings runs the merger on simulated rings: packets
// stamped in order land on random inputs; each input's kernel hands a
// block over when it holds 16 packets or 5 ms after it opened, and its
// reader reads it up to 3 ms later. Every packet must come out once, in
// order, without a bound ever forcing one out, and none held longer than
// the window.
func TestMergeSimulatedRings(t *testing.T) {
	const (
		inputs   = 4
		total    = 20000
		blockLen = 16
		timeout  = 5 * time.Millisecond
	)
	rng := rand.New(rand.NewPCG(1, 2))
	m := newMerger(mergeConfig{inputs: inputs, window: 2*timeout + 40*time.Millisecond, jitter: 0, maxBytes: 64 << 20, maxPackets: 1 << 20})
	in := make([]simInput, inputs)
	stampOf := map[string]time.Duration{}
	var out []string
	maxHold := time.Duration(0)
	pass := func(now time.Duration) {
		for _, name := range drain(m, wall(now)) {
			out = append(out, name)
			maxHold = max(maxHold, now-stampOf[name])
		}
	}
	var now time.Duration
	sent := 0
	for now = 0; sent < total || slices.ContainsFunc(in, func(s simInput) bool { return len(s.open)+len(s.retired) > 0 }); now += 100 * time.Microsecond {
		// New packets, at random moments of this tenth of a millisecond.
		for k := range rng.IntN(4) {
			if sent == total {
				break
			}
			name := fmt.Sprintf("p%05d", sent)
			d := now + time.Duration(k)*time.Microsecond
			stampOf[name] = d
			s := &in[rng.IntN(inputs)]
			s.open = append(s.open, stamped(d, name))
			sent++
		}
		for i := range in {
			s := &in[i]
			// The kernel hands the block over when full or timed out,
			// and opens the next.
			if len(s.open) >= blockLen || len(s.open) > 0 && now+100*time.Microsecond-s.openAt >= timeout {
				s.retired = append(s.retired, simBlock{pkts: s.open, openAt: s.openAt, readAt: now + 100*time.Microsecond + time.Duration(rng.IntN(30))*100*time.Microsecond})
				s.open, s.openAt = nil, now+100*time.Microsecond
			} else if len(s.open) == 0 {
				s.openAt = now + 100*time.Microsecond
			}
			// The reader reads what is due, then says what is pending.
			read := false
			for len(s.retired) > 0 && s.retired[0].readAt <= now {
				m.busy(i)
				for _, p := range s.retired[0].pkts {
					m.add(i, p, false, wall(now))
				}
				s.retired = s.retired[1:]
				read = true
			}
			if read || now == 0 {
				pending := func(nowNs int64) int64 {
					switch {
					case len(s.retired) > 0:
						return wall(s.retired[0].openAt).UnixNano()
					case len(s.open) > 0:
						return wall(s.openAt).UnixNano()
					}
					return nowNs
				}
				if len(s.retired) > 0 {
					continue // the reader goes on reading
				}
				m.idle(i, pending)
				pass(now)
			}
		}
		if now%time.Millisecond == 0 {
			pass(now) // the poller
		}
	}
	m.flush()
	out = append(out, rest(m)...)
	if len(out) != total {
		t.Fatalf("%d packets out, want %d", len(out), total)
	}
	for i, name := range out {
		if want := fmt.Sprintf("p%05d", i); name != want {
			t.Fatalf("packet %d out is %s, want %s", i, name, want)
		}
	}
	if m.early != 0 || m.unordered != 0 {
		t.Errorf("early %d, unordered %d; want 0", m.early, m.unordered)
	}
	if maxHold > m.cfg.window {
		t.Errorf("a packet was handed out %v after its stamp, more than the window", maxHold)
	}
	t.Logf("longest from stamp to hand-out: %v", maxHold)
}

// BenchmarkMerge moves packets of 100 bytes through the merger from
// several inputs, in blocks whose stamps interleave with the other
// inputs' blocks, so that about a block from each input is held; ns/op is
// per packet.
func BenchmarkMerge(b *testing.B) {
	for _, c := range []struct{ inputs, block int }{{2, 64}, {4, 64}, {2, 2048}, {4, 2048}} {
		b.Run(fmt.Sprintf("inputs=%d,block=%d", c.inputs, c.block), func(b *testing.B) {
			benchmarkMerge(b, c.inputs, c.block)
		})
	}
}

func benchmarkMerge(b *testing.B, inputs, block int) {
	m := newMerger(mergeConfig{inputs: inputs, window: time.Second, jitter: 0, maxBytes: 64 << 20, maxPackets: 1 << 20})
	p := stamped(0, string(make([]byte, 100)))
	next := make([]int64, inputs) // the stamp of each input's next packet, in µs
	for i := range next {
		next[i] = int64(i)
	}
	pending := make([]func(int64) int64, inputs)
	for i := range pending {
		pending[i] = func(int64) int64 { return wall(time.Duration(next[i]) * time.Microsecond).UnixNano() }
	}
	b.SetBytes(100)
	b.ReportAllocs()
	n := 0
	for i := 0; n < b.N; i = (i + 1) % inputs {
		m.busy(i)
		now := wall(time.Duration(next[i]) * time.Microsecond)
		for range block {
			ts := wall(time.Duration(next[i]) * time.Microsecond)
			p.Sec, p.Nsec = ts.Unix(), uint32(ts.Nanosecond())
			m.add(i, p, false, now)
			next[i] += int64(inputs)
		}
		m.idle(i, pending[i])
		m.due(now)
		for q := m.next(); q != nil; q = m.next() {
			n++
		}
	}
	if m.unordered != 0 || m.early != 0 {
		b.Fatalf("%d packets out of order, %d let go early", m.unordered, m.early)
	}
}

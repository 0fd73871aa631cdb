package capture

import (
	"math"
	"math/bits"
	"time"
)

// This file puts the packets of a capture spread over several sockets
// back in time stamp order. Each worker reads its own ring, and the kernel
// hands a ring's packets over a block at a time, when the block is full or
// when its timeout expires; so the workers' packets reach user space out
// of order, by up to a block timeout or more. The merger holds them,
// copied, and lets a packet go once no worker can still deliver an
// earlier one, which it knows from each input's marks:
//
//   - an input's packets come in (nearly) the order they were stamped, so
//     it will deliver nothing much earlier than the latest packet it
//     added;
//   - an input whose ring was empty when it last looked says, through
//     its pending function, how early a packet it has not read yet can
//     be: for a ring, the time the kernel opened the block it fills, or
//     now when that block is still empty.
//
// Marks allow for a jitter (the kernel may stamp a packet a little before
// it puts it in the ring). The merger keeps each input's packets in a
// queue in stamp order (they come nearly in order: the few that do not
// are put in their place from the back) and hands out the earliest of
// the queues' heads. Copies go to storage of power-of-two sizes that is
// reused, so that packets going through allocate nothing.
//
// Marks can be wrong (a clock stepped, a reader was descheduled, the
// stamps come from a network adapter's clock), so the merger also bounds
// what it holds: no packet stays longer than the window in wall time, and
// no more than so many packets and bytes stay; past a bound the earliest
// packets go even though order may then break. Packets handed out with a
// time stamp earlier than the one before them are counted.

// noMark is the mark of an input that has not said anything yet, and what
// a pending function returns when it cannot tell.
const noMark = math.MinInt64

// heldOverhead is what each held packet is counted for besides its bytes.
const heldOverhead = 64

// mergeConfig is a merger's shape and bounds.
type mergeConfig struct {
	inputs     int
	window     time.Duration // longest a packet is held, in wall time
	jitter     time.Duration // how much earlier than an input's mark its packets may be stamped
	maxBytes   int           // bytes held (data plus heldOverhead a packet) past which the earliest go
	maxPackets int           // packets held past which the earliest go
}

// heldPacket is a packet while the merger holds it, with a copy of its
// bytes; kept small, as thousands may be held.
type heldPacket struct {
	ts      int64  // the stamp, in nanoseconds since the epoch
	data    []byte // the copy, in storage of a size class
	length  uint32
	ifindex int32
}

// mergeInput is what the merger knows of one input, and the packets it
// holds from it.
type mergeInput struct {
	// The packets held, a ring buffer in time stamp order: an input's
	// packets come nearly in order, and the few that do not are put in
	// their place from the back.
	q      []heldPacket
	q0, qn int

	hi      int64 // latest time stamp added (noMark: none yet)
	idle    bool  // the input's ring was empty when it last looked
	pending func(now int64) int64

	// As the last due found them: the input's mark (what it can no
	// longer deliver anything earlier than), and whether its ring was
	// empty, so that its mark moves on with the clock.
	mark   int64
	moving bool
}

// at is the input's k-th packet held.
func (in *mergeInput) at(k int) *heldPacket {
	return &in.q[(in.q0+k)%len(in.q)]
}

// insert adds e to the packets held, in its place.
func (in *mergeInput) insert(e heldPacket) {
	if in.qn == len(in.q) {
		grown := make([]heldPacket, max(64, 2*len(in.q)))
		for k := range in.qn {
			grown[k] = *in.at(k)
		}
		in.q, in.q0 = grown, 0
	}
	k := in.qn
	in.qn++
	// Equal stamps stay in the order they came.
	for ; k > 0 && e.ts < in.at(k-1).ts; k-- {
		*in.at(k) = *in.at(k - 1)
	}
	*in.at(k) = e
}

// take removes the input's first packet held and returns it.
func (in *mergeInput) take() heldPacket {
	p := &in.q[in.q0]
	e := *p
	p.data = nil
	in.q0 = (in.q0 + 1) % len(in.q)
	in.qn--
	return e
}

// heldBatch is a batch of packets added at the same instant: a ring block.
type heldBatch struct {
	at    int64 // when, in nanoseconds since the merger's base
	maxTs int64 // the batch's latest time stamp
}

// clockOffset estimates how far ahead of the system's clock a network
// adapter's clock runs, from packets stamped by it: the largest difference
// between a packet's stamp and the time it was read. A packet is read
// after it is stamped, so the estimate errs low, on the side of holding
// packets longer. It is the largest of the last second or two, so that an
// adapter clock that drifts is followed.
type clockOffset struct {
	seen       bool
	cur, prev  int64 // largest difference of this period and of the previous one
	periodFrom int64 // when this period began (merger base)
}

func (c *clockOffset) observe(diff, at int64) {
	switch {
	case !c.seen:
		c.seen, c.cur, c.prev, c.periodFrom = true, diff, diff, at
	case at-c.periodFrom >= int64(time.Second):
		c.prev, c.cur, c.periodFrom = c.cur, diff, at
	case diff > c.cur:
		c.cur = diff
	}
}

func (c *clockOffset) value() int64 {
	if !c.seen {
		return 0
	}
	return max(c.cur, c.prev)
}

// merger orders the packets of several inputs by time stamp within a
// bounded window. It is not safe for concurrent use.
type merger struct {
	cfg    mergeConfig
	jitter int64

	inputs []mergeInput
	n      int // packets held
	bytes  int // held, as counted against maxBytes

	base    time.Time // arrival times are measured from it
	hasBase bool
	batches []heldBatch // a ring buffer of the batches held, oldest first
	b0, nb  int

	safe  int64 // packets stamped up to safe cannot be overtaken any more
	limit int64 // packets stamped up to limit go in this pass
	last  int64 // the time stamp handed out last, or the latest of them
	adapt clockOffset

	out       Packet // the packet handed out last
	outBuf    []byte // its storage, reused from the next call of next
	free      [64][][]byte
	freeBytes int

	unordered uint64 // packets handed out stamped earlier than one handed out before
	early     uint64 // packets let go by a bound before they were known to be in order
}

func newMerger(cfg mergeConfig) *merger {
	m := &merger{cfg: cfg, jitter: int64(cfg.jitter), inputs: make([]mergeInput, cfg.inputs), safe: noMark, limit: noMark, last: noMark}
	for i := range m.inputs {
		m.inputs[i].hi = noMark
	}
	return m
}

// since is now as an arrival time.
func (m *merger) since(now time.Time) int64 {
	if !m.hasBase {
		m.base, m.hasBase = now, true
	}
	return int64(now.Sub(m.base))
}

// busy says input i is reading: only the packets it adds speak for it
// until it is idle again.
func (m *merger) busy(i int) { m.inputs[i].idle = false }

// idle says input i found its ring empty. Until the input adds a packet
// again, pending(now), given the system clock's time in nanoseconds since
// the epoch, is a time no later than the system clock's stamp of any packet
// the input can still deliver, or noMark if it cannot tell.
func (m *merger) idle(i int, pending func(now int64) int64) {
	m.inputs[i].idle = true
	m.inputs[i].pending = pending
}

// add takes a copy of p, which input i read at now. hw says that p was
// stamped by a network adapter's clock rather than the system's.
func (m *merger) add(i int, p *Packet, hw bool, now time.Time) {
	ts := p.Sec*int64(time.Second) + int64(p.Nsec)
	buf := m.alloc(len(p.Data))
	in := &m.inputs[i]
	in.insert(heldPacket{ts: ts, data: buf[:copy(buf, p.Data)], length: uint32(p.Length), ifindex: int32(p.Ifindex)})
	m.n++
	m.bytes += len(p.Data) + heldOverhead
	in.hi = max(in.hi, ts)

	at := m.since(now)
	m.arrived(at, ts)
	if hw {
		m.adapt.observe(ts-now.UnixNano(), at)
	}
}

// arrived counts a packet stamped ts in the batch that arrived at at.
func (m *merger) arrived(at, ts int64) {
	if m.nb > 0 {
		if b := &m.batches[(m.b0+m.nb-1)%len(m.batches)]; b.at == at {
			b.maxTs = max(b.maxTs, ts)
			return
		}
	}
	if m.nb == len(m.batches) {
		grown := make([]heldBatch, max(16, 2*len(m.batches)))
		for k := range m.nb {
			grown[k] = m.batches[(m.b0+k)%len(m.batches)]
		}
		m.batches, m.b0 = grown, 0
	}
	m.batches[(m.b0+m.nb)%len(m.batches)] = heldBatch{at: at, maxTs: ts}
	m.nb++
}

// held is the number of packets held.
func (m *merger) held() int { return m.n }

// first is the input whose first packet held is the earliest of all (the
// first such input for equal stamps), or -1 if none holds any. Inputs are
// few (a worker each), so a look at each is cheaper than keeping them in
// a heap.
func (m *merger) first() int {
	best, bts := -1, int64(0)
	for i := range m.inputs {
		in := &m.inputs[i]
		if in.qn == 0 {
			continue
		}
		if ts := in.q[in.q0].ts; best < 0 || ts < bts {
			best, bts = i, ts
		}
	}
	return best
}

// due works out, at now, which packets may go: those no input can still
// overtake, and those that have been held for the window. It starts a
// pass of next.
func (m *merger) due(now time.Time) {
	wall := now.UnixNano()
	safe := int64(math.MaxInt64)
	for i := range m.inputs {
		in := &m.inputs[i]
		mark := in.hi
		in.moving = false
		if in.idle && in.pending != nil {
			if p := in.pending(wall); p != noMark {
				mark = max(mark, p+m.adapt.value())
				in.moving = p == wall
			}
		}
		if mark != noMark {
			mark -= m.jitter
		}
		in.mark = mark
		safe = min(safe, mark)
	}
	m.safe = max(safe, m.last)
	m.limit = m.safe
	at := m.since(now)
	window := int64(m.cfg.window)
	for m.nb > 0 {
		b := m.batches[m.b0]
		if b.maxTs > m.limit {
			if at-b.at < window {
				break
			}
			m.limit = b.maxTs
		}
		m.b0 = (m.b0 + 1) % len(m.batches)
		m.nb--
	}
}

// wakeAt is when, if no input adds a packet or reads its ring meanwhile,
// a pass may next hand something out: when the inputs whose rings were
// empty at the last due can no longer overtake the earliest packet held,
// if only such inputs hold it back, or else when the window of the oldest
// batch held is over. It is false when nothing is held.
func (m *merger) wakeAt() (time.Time, bool) {
	f := m.first()
	if f < 0 {
		return time.Time{}, false
	}
	t := m.base.Add(time.Duration(math.MaxInt64))
	if m.nb > 0 {
		t = m.base.Add(time.Duration(m.batches[m.b0].at) + m.cfg.window)
	}
	top := m.inputs[f].q[m.inputs[f].q0].ts
	for i := range m.inputs {
		if in := &m.inputs[i]; in.mark < top && !in.moving {
			return t, true
		}
	}
	if w := time.Unix(0, top+m.jitter-m.adapt.value()); w.Before(t) {
		t = w
	}
	return t, true
}

// flush starts a last pass of next: everything held goes, in order.
func (m *merger) flush() {
	m.safe, m.limit = math.MaxInt64, math.MaxInt64
	m.nb = 0
}

// next returns the next packet of the pass due or flush started, or nil
// when no more may go yet. The packet is valid until the next call of
// next or add.
func (m *merger) next() *Packet {
	if m.outBuf != nil {
		m.recycle(m.outBuf)
		m.outBuf = nil
		m.out = Packet{}
	}
	f := m.first()
	if f < 0 {
		return nil
	}
	in := &m.inputs[f]
	ts := in.q[in.q0].ts
	if ts > m.limit && m.bytes <= m.cfg.maxBytes && m.n <= m.cfg.maxPackets {
		return nil
	}
	e := in.take()
	m.n--
	m.bytes -= len(e.data) + heldOverhead
	if ts > m.safe {
		m.early++
	}
	if ts < m.last {
		m.unordered++
	} else {
		m.last = ts
	}
	m.outBuf = e.data
	sec, nsec := ts/int64(time.Second), ts%int64(time.Second)
	if nsec < 0 {
		sec, nsec = sec-1, nsec+int64(time.Second)
	}
	m.out = Packet{Data: e.data, Length: int(e.length), Sec: sec, Nsec: uint32(nsec), Ifindex: int(e.ifindex)}
	return &m.out
}

// sizeClass is the power of two a copy of n bytes is stored in.
func sizeClass(n int) int {
	const minClass = 7 // 128 bytes
	if n <= 1<<minClass {
		return minClass
	}
	return bits.Len(uint(n - 1))
}

// alloc returns storage for a copy of n bytes, reused if it can be.
func (m *merger) alloc(n int) []byte {
	c := sizeClass(n)
	if l := m.free[c]; len(l) > 0 {
		b := l[len(l)-1]
		m.free[c] = l[:len(l)-1]
		m.freeBytes -= cap(b)
		return b[:cap(b)]
	}
	return make([]byte, 1<<c)
}

// recycle keeps b for later copies, unless the merger already keeps as
// much spare storage as it may hold.
func (m *merger) recycle(b []byte) {
	if m.freeBytes+cap(b) > m.cfg.maxBytes {
		return
	}
	c := sizeClass(cap(b))
	m.free[c] = append(m.free[c], b)
	m.freeBytes += cap(b)
}

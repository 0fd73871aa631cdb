//go:build linux

package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cebpf "github.com/cilium/ebpf"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/strerror"
	"github.com/gocap/gocap/translate"
)

// Ring geometry. libpcap makes TPACKET_V3 blocks of 256 KiB (room for one
// packet of the largest snapshot length) and as many as the buffer size
// allows; so does gocap.
const (
	blockSize        = 256 << 10
	blockTimeout     = time.Second      // tcpdump's to_ms: a block is handed over after 1 s at most
	immediateTimeout = time.Millisecond // --immediate-mode
)

// Handle is an open live capture: one socket per worker.
type Handle struct {
	device  string
	ifindex int
	lt      cbpf.LinkType
	cooked  bool
	snaplen uint32
	promisc bool

	rings   []*ring
	workers []*worker
	prog    *cebpf.Program // the attached eBPF program, if any
	kernel  string         // the kind of filter attached: KernelEBPF or KernelCBPF

	userland *cbpf.VM // the filter, when it must run in user space

	ifdrop0 uint64 // interface drop counters when the capture started

	mu        sync.Mutex    // with several workers: serializes callbacks, guards the merge
	unordered atomic.Uint64 // Stats.Unordered
	early     atomic.Uint64 // packets the merge let go at its bounds (tests read it)
	stopped   atomic.Bool

	life    sync.Mutex     // guards closed and the start of readers
	closed  bool           // Close has begun
	readers sync.WaitGroup // running readers, which Close waits for
}

// worker is one socket's reader state.
type worker struct {
	h    *Handle
	ring *ring
	buf  []byte // scratch for packets gocap rebuilds
	pkt  Packet
}

// Open opens the capture cfg describes. Without an error the capture's
// filter is attached and its sockets are bound: packets are arriving.
func Open(cfg Config) (_ *Handle, err error) {
	h := &Handle{device: cfg.Device, snaplen: cfg.Snaplen, promisc: cfg.Promisc}
	if h.snaplen == 0 || h.snaplen > DefaultSnaplen {
		h.snaplen = DefaultSnaplen
	}
	defer func() {
		if err != nil {
			h.Close()
		}
	}()
	tstamp, err := CheckTstampType(h.device, cfg.Tstamp, cfg.Warn)
	if err != nil {
		return nil, err
	}
	if err := h.pickLinkType(cfg.LinkType); err != nil {
		return nil, err
	}
	if h.cooked && h.snaplen < sll2HeaderLen+1 {
		h.snaplen = sll2HeaderLen + 1 // as libpcap: room for a header and a byte
	}

	kp, filter, err := h.kernelProgram(cfg)
	if err != nil {
		return nil, err
	}
	if kp.userland {
		if h.userland, err = cbpf.NewVMLibpcap(filter); err != nil {
			return nil, err
		}
	}

	nw := max(cfg.Workers, 1)
	bufSize := cfg.BufferSize
	if bufSize <= 0 {
		bufSize = defaultBufferSize
	}
	for range nw {
		r, err := h.newSocket(cfg, bufSize)
		if err != nil {
			return nil, err
		}
		h.rings = append(h.rings, r)
	}
	if tstamp == TstampAdapter || tstamp == TstampAdapterUnsynced {
		if err := h.enableAdapterTstamps(tstamp, cfg.Warn); err != nil {
			return nil, err
		}
	}
	h.kernel = cfg.Kernel
	if h.kernel == "" {
		h.kernel = KernelEBPF
	}
	if err := h.attach(kp.raw, cfg.Warn, cfg.VerifierLog); err != nil {
		return nil, err
	}
	if h.promisc && h.device != AnyDevice {
		h.ifdrop0 = interfaceDrops(h.device)
		if err := h.rings[0].setPromisc(h.ifindex); err != nil {
			return nil, fmt.Errorf("setsockopt (PACKET_ADD_MEMBERSHIP): %w", err)
		}
	}
	// The sockets were opened for no protocol, so that nothing reached
	// them before the filter was on; now bind them for every protocol.
	group := uint16(os.Getpid())
	for _, r := range h.rings {
		if err := r.bind(h.ifindex); err != nil {
			if errors.Is(err, unix.ENETDOWN) {
				return nil, &DeviceError{Device: h.device, Status: "That device is not up"}
			}
			return nil, fmt.Errorf("bind: %w", err)
		}
		if nw > 1 {
			if err := r.setFanout(group); err != nil {
				return nil, fmt.Errorf("setsockopt (PACKET_FANOUT): %w", err)
			}
		}
	}
	for _, r := range h.rings {
		h.workers = append(h.workers, &worker{h: h, ring: r})
	}
	return h, nil
}

// kernelProgram compiles the filter for the capture's link type and
// builds the program for the kernel around it.
func (h *Handle) kernelProgram(cfg Config) (*kernelProgram, []bpf.Instruction, error) {
	var filter []bpf.Instruction
	if cfg.Compile != nil {
		var err error
		if filter, err = cfg.Compile(h.lt); err != nil {
			return nil, nil, err
		}
	}
	spec := prefixSpec{dir: cfg.Direction}
	if h.device == AnyDevice {
		if lo, err := net.InterfaceByName("lo"); err == nil {
			spec.anyLoIndex = lo.Index
		}
	} else if ifc, err := net.InterfaceByIndex(h.ifindex); err == nil && ifc.Flags&net.FlagLoopback != 0 {
		spec.loopback = true
	}
	kp, err := buildKernelProgram(directionPrefix(spec), filter, h.lt, h.cooked, h.snaplen)
	return kp, filter, err
}

// KernelProgram is the classic program Open would attach for cfg, before
// any translation to eBPF, and whether the filter would also run in user
// space. It opens no socket.
func KernelProgram(cfg Config) ([]bpf.RawInstruction, bool, error) {
	h := &Handle{device: cfg.Device, snaplen: cfg.Snaplen}
	if h.snaplen == 0 || h.snaplen > DefaultSnaplen {
		h.snaplen = DefaultSnaplen
	}
	if err := h.pickLinkType(cfg.LinkType); err != nil {
		return nil, false, err
	}
	kp, _, err := h.kernelProgram(cfg)
	if err != nil {
		return nil, false, err
	}
	return kp.raw, kp.userland, nil
}

// pickLinkType finds the device and the link type to capture with, as
// libpcap's setup_socket and map_arphrd_to_dlt do: want, when it is one of
// the device's link types, or else the device's own.
func (h *Handle) pickLinkType(want cbpf.LinkType) error {
	types, err := h.findDevice()
	if err != nil {
		return err
	}
	if want == 0 {
		return nil
	}
	if !slices.Contains(types, want) {
		// libpcap's pcap_set_datalink names the type as it does, or
		// gives its number.
		name, _, ok := want.NameIn110()
		if !ok {
			name = fmt.Sprintf("DLT %d", uint32(want))
		}
		return fmt.Errorf("%s is not one of the DLTs supported by this device", name)
	}
	h.lt = want
	return nil
}

// findDevice looks the device up: its index, its default link type and
// whether it is captured in cooked mode. It returns the link types a
// capture on it may be opened with (pcap_list_datalinks): LINUX_SLL and
// LINUX_SLL2 on "any" (LINUX_SLL2 by default, as tcpdump 4.99 asks for
// it), EN10MB and DOCSIS on an Ethernet interface that is not wireless,
// and the one link type libpcap maps any other interface to.
func (h *Handle) findDevice() ([]cbpf.LinkType, error) {
	if h.device == AnyDevice {
		h.cooked = true
		h.lt = cbpf.LinkLinuxSLL2
		return []cbpf.LinkType{cbpf.LinkLinuxSLL, cbpf.LinkLinuxSLL2}, nil
	}
	if len(h.device) >= unix.IFNAMSIZ {
		return nil, &DeviceError{Device: h.device, Status: "No such device exists"}
	}
	ifc, err := net.InterfaceByName(h.device)
	if err != nil {
		return nil, &DeviceError{Device: h.device, Status: "No such device exists", Detail: "No such device exists"}
	}
	h.ifindex = ifc.Index
	arphrd, err := interfaceARPType(h.device)
	if err != nil {
		return nil, &DeviceError{Device: h.device, Status: "No such device exists", Detail: "SIOCGIFHWADDR: " + strerror.Text(err)}
	}
	if ifc.Flags&net.FlagUp == 0 {
		// libpcap learns this from the final bind (ENETDOWN), before
		// anything else can fail; checking here gives the same order.
		return nil, &DeviceError{Device: h.device, Status: "That device is not up"}
	}
	h.lt, h.cooked = linkTypeForARPType(arphrd)
	if arphrd == arphrdEther && !h.cooked && h.lt == cbpf.LinkEN10MB && !isWireless(h.device) {
		// A capture on an Ethernet port may be read as DOCSIS frames,
		// for a port a cable modem termination system mirrors to.
		return []cbpf.LinkType{cbpf.LinkEN10MB, cbpf.LinkDOCSIS}, nil
	}
	return []cbpf.LinkType{h.lt}, nil
}

// isWireless is libpcap's is_wifi: the interface has a wireless
// directory or a phy80211 link in sysfs.
func isWireless(device string) bool {
	for _, f := range []string{"wireless", "phy80211"} {
		if _, err := os.Stat("/sys/class/net/" + device + "/" + f); err == nil {
			return true
		}
	}
	return false
}

// LinkTypes lists the link types a capture on the device can be opened
// with, as tcpdump -L lists them; the errors are those Open gives for a
// device that is missing or down. It opens no socket.
func LinkTypes(device string) ([]cbpf.LinkType, error) {
	h := &Handle{device: device}
	return h.findDevice()
}

// DeviceError is a device that cannot be opened, reported as tcpdump
// reports it: "DEVICE: STATUS" and the details in parentheses on a second
// line.
type DeviceError struct {
	Device, Status, Detail string
}

func (e *DeviceError) Error() string {
	if e.Detail == "" {
		return e.Device + ": " + e.Status
	}
	return e.Device + ": " + e.Status + "\n(" + e.Detail + ")"
}

// newSocket opens one TPACKET_V3 socket on the device, for no protocol
// yet (Open binds it once the filter is attached).
func (h *Handle) newSocket(cfg Config, bufSize int) (*ring, error) {
	bs := blockSize
	for bs > os.Getpagesize() && bs/2 >= bufSize {
		bs /= 2
	}
	rc := ringConfig{dgram: h.cooked, blockSize: bs, blocks: max((bufSize+bs-1)/bs, 1), timeout: blockTimeout}
	if cfg.Immediate {
		rc.timeout = immediateTimeout
	}
	r, err := newRing(rc)
	if err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return nil, &DeviceError{Device: h.device, Status: "You don't have permission to perform this capture on that device", Detail: "Attempt to create packet socket failed - CAP_NET_RAW may be required"}
		}
		return nil, fmt.Errorf("%s: %v", h.device, err)
	}
	return r, nil
}

// attach puts the kernel program on every socket: translated to eBPF
// unless classic was asked for or eBPF cannot be had, in which case the
// classic program goes on, with a one-line warning saying why (and the
// verifier's whole log after it when fullLog is set).
func (h *Handle) attach(raw []bpf.RawInstruction, warn func(string), fullLog bool) error {
	if warn == nil {
		warn = func(string) {}
	}
	if h.kernel == KernelEBPF {
		err := h.attachEBPF(raw)
		if err == nil {
			return nil
		}
		warn("WARNING: cannot attach the eBPF filter, attaching the classic filter instead: " + fallbackReason(err))
		if fullLog {
			var ve *cebpf.VerifierError
			if errors.As(err, &ve) {
				warn("the kernel verifier's log:")
				for _, l := range ve.Log {
					warn("\t" + l)
				}
			}
		}
		h.kernel = KernelCBPF
	}
	for _, r := range h.rings {
		if err := r.setBPF(raw); err != nil {
			// libpcap then filters in user space; so does gocap.
			warn("Warning: Kernel filter failed: " + strerror.Text(err))
			return h.filterInUserland(raw)
		}
	}
	return nil
}

// fallbackReason is why the eBPF filter could not be loaded, on one line:
// for a program the verifier refused, the load's error and the log's last
// lines, where the verifier says what it objected to (a log runs to
// thousands of lines; gocap -v prints it all).
func fallbackReason(err error) string {
	var ve *cebpf.VerifierError
	if !errors.As(err, &ve) {
		first, _, _ := strings.Cut(strings.TrimSpace(err.Error()), "\n")
		return first
	}
	var tail []string
	for i := len(ve.Log) - 1; i >= 0 && len(tail) < verifierTailLines; i-- {
		l := strings.TrimSpace(ve.Log[i])
		if l == "" || strings.HasPrefix(l, "processed ") || strings.HasPrefix(l, "verification time") || strings.HasPrefix(l, "stack depth") {
			continue // the verifier's statistics say nothing of the cause
		}
		tail = append([]string{l}, tail...)
	}
	reason := ve.Cause.Error()
	if len(tail) > 0 {
		reason += ": " + strings.Join(tail, " / ")
	}
	if n := len(ve.Log); n > len(tail) {
		reason += fmt.Sprintf(" (%d lines of the verifier's log not shown: use -v)", n-len(tail))
	}
	return reason
}

// verifierTailLines is how many of the verifier log's last lines the
// fallback warning quotes.
const verifierTailLines = 2

func (h *Handle) attachEBPF(raw []bpf.RawInstruction) error {
	insns, err := translate.SocketFilter(cbpf.Typed(raw))
	if err != nil {
		return err
	}
	prog, err := ebpf.LoadSocketFilter(insns)
	if err != nil {
		return err
	}
	for _, r := range h.rings {
		if err := r.setEBPF(prog); err != nil {
			prog.Close()
			return err
		}
	}
	h.prog = prog
	return nil
}

// filterInUserland runs the whole kernel program in user space, when the
// kernel took neither filter.
func (h *Handle) filterInUserland(raw []bpf.RawInstruction) error {
	if h.cooked {
		// The kernel program of a cooked capture reads ancillary
		// fields, and the user-space VM has no packet socket to ask.
		return errors.New("can't attach the kernel filter to a cooked-mode socket")
	}
	vm, err := cbpf.NewVMLibpcap(cbpf.Typed(raw))
	if err != nil {
		return err
	}
	h.userland = vm
	return nil
}

// LinkType is the capture's link type.
func (h *Handle) LinkType() cbpf.LinkType { return h.lt }

// Snaplen is the capture's snapshot length.
func (h *Handle) Snaplen() uint32 { return h.snaplen }

// Run reads packets from every socket and calls fn for each one kept,
// until Stop is called, fn returns ErrStop (then Run returns nil) or
// another error (then Run returns it), or a socket fails. After each
// batch of packets it hands out (with one worker, the packets of a ring
// block: up to some thousands) it calls done, if not nil. Run returns once
// every reader has stopped; it may be called once.
//
// With one worker, packets are handed out as the kernel hands their block
// over (when it is full, or after the block timeout: 1 s, or 1 ms with
// Config.Immediate), in the order the kernel put them in the ring; after
// Stop, the packet in hand is the last one.
//
// With several workers, calls of fn and done are serialized and packets
// are handed out in time stamp order: each reader copies its ring's
// packets, and a packet is handed out once no worker can still deliver an
// earlier one (a worker whose ring is empty knows from the kernel's block
// descriptor how early its next packet can be). That delays packets
// beyond the block timeout: by a few milliseconds (up to 20 ms without
// Immediate) when the other workers have nothing earlier in hand, and
// otherwise until the kernel hands over their blocks (two block timeouts
// at most). No packet is held longer than a window of two block timeouts
// plus 500 ms after it was read (2.5 s, or 520 ms with Config.Immediate,
// whose 1 ms timeout is counted as 10 ms, a timer tick of a kernel built
// with HZ=100). Past that window (on a machine so loaded that the kernel
// hands blocks over late), or when more than 8 MiB or 16384 packets are
// held (a ring that overflows), the earliest packets go even though a
// worker may yet deliver an earlier one; Stats.Unordered counts packets
// handed out stamped earlier than one before them. Packets that were read
// are not lost when the capture ends: after Stop or a failed socket, Run
// hands out every packet it holds, in order, before it returns; after fn
// returned an error or ErrStop, it calls fn no more.
func (h *Handle) Run(fn func(*Packet) error, done func()) error {
	h.life.Lock()
	if h.closed {
		h.life.Unlock()
		return errors.New("capture: Run after Close")
	}
	readers := len(h.workers)
	if readers > 1 {
		readers++ // the merge's poller
	}
	h.readers.Add(readers)
	h.life.Unlock()
	if len(h.workers) == 1 {
		defer h.readers.Done()
		return h.workers[0].run(fn, done, nil)
	}
	return h.runMerged(fn, done)
}

// deadline sets a ring's read deadline for a reader that polls, unless
// the capture is stopping: Stop's deadline in the past must stay.
func (h *Handle) deadline(r *ring, t time.Time) {
	h.life.Lock()
	defer h.life.Unlock()
	if !h.stopped.Load() {
		r.setDeadline(t)
	}
}

// Stop makes Run return soon: a reader waiting for packets wakes at
// once, one handing out packets stops after the packet in hand (with
// several workers, Run then hands out the packets it already copied out of
// the rings). It may be called from any goroutine (a signal handler's,
// say), at any time, any number of times.
func (h *Handle) Stop() {
	h.life.Lock()
	defer h.life.Unlock()
	if h.stopped.Swap(true) || h.closed {
		return
	}
	for _, r := range h.rings {
		r.interrupt()
	}
}

// downPoll is how often a reader whose device went down checks whether
// the device is gone for good.
const downPoll = 100 * time.Millisecond

// run is one reader: it waits for the ring's next block, hands out the
// block's packets and gives the block back, until the capture stops.
//
// When the device goes down the kernel unhooks the socket and reports
// ENETDOWN; it hooks it again when the device comes back up. As libpcap
// does, the reader then keeps waiting, but checks every downPoll whether
// the device was removed, which the kernel does not report by itself,
// and ends the capture with ErrInterfaceGone if so.
//
// With several workers, mw is the worker's part in the merge, through
// which the packets go instead of straight to fn.
func (w *worker) run(fn func(*Packet) error, done func(), mw *mergeWorker) error {
	h, r := w.h, w.ring
	down := false
	for !h.stopped.Load() {
		if !r.ready() {
			if mw != nil && !mw.idle {
				mw.markIdle()
			}
			ok, err := r.wait()
			switch {
			case h.stopped.Load():
				continue
			case errors.Is(err, unix.ENETDOWN):
				down = true
				h.deadline(r, time.Now().Add(downPoll))
				continue
			case err != nil:
				h.Stop()
				return &ReadError{Err: err}
			case !ok && down:
				if r.deviceGone() {
					h.Stop()
					return &ReadError{Err: ErrInterfaceGone}
				}
				h.deadline(r, time.Now().Add(downPoll))
				continue
			case !ok:
				continue
			}
		}
		if down {
			// Packets again: the device is back up.
			down = false
			h.deadline(r, time.Time{})
		}
		b, n := r.block()
		var err error
		if mw != nil {
			err = mw.block(b, n)
		} else {
			err = w.block(b, n, fn, done)
			r.release()
		}
		if err != nil {
			h.Stop()
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// block hands out the n packets of block b.
func (w *worker) block(b []byte, n int, fn func(*Packet) error, done func()) error {
	h := w.h
	if done != nil {
		defer done()
	}
	bw := newBlockWalker(b, n)
	for !h.stopped.Load() {
		hdr, data, ll, err := bw.next()
		if err != nil || hdr == nil {
			return err
		}
		if !w.packet(hdr, data, ll) {
			continue
		}
		if err := fn(&w.pkt); err != nil {
			return err
		}
	}
	return nil
}

// packet turns a packet of the ring into the packet to hand out, in
// w.pkt, as libpcap's pcap_handle_packet_mmap does, and reports whether
// to keep it (the user-space filter, when there is one, may not).
func (w *worker) packet(hdr *tpacket3Header, data []byte, ll *sockaddrLL) bool {
	h := w.h
	p := &w.pkt
	p.Sec, p.Nsec = int64(hdr.sec), hdr.nsec
	p.Ifindex = int(ll.ifindex)
	// libpcap's VLAN_VALID: the kernel took a tag out of the packet.
	vlan := hdr.vlanTCI != 0 || hdr.status&unix.TP_STATUS_VLAN_VALID != 0
	if h.cooked {
		li := linkInfo{
			protocol: ntohs(ll.protocol),
			ifindex:  ll.ifindex,
			hatype:   ll.hatype,
			pkttype:  ll.pkttype,
			halen:    ll.halen,
			addr:     ll.addr,
		}
		if vlan {
			li.vlanValid = true
			li.vlanTCI = uint16(hdr.vlanTCI)
			if hdr.vlanTPID != 0 || hdr.status&unix.TP_STATUS_VLAN_TPID_VALID != 0 {
				li.vlanTPID = hdr.vlanTPID
			}
		}
		length := int(hdr.length)
		if h.userland != nil {
			// As libpcap: the filter sees the cooked header but not
			// the tag, which it reads from the metadata.
			pkt, hl := cookedPacket(w.buf, h.lt, &linkInfo{protocol: li.protocol, ifindex: li.ifindex, hatype: li.hatype, pkttype: li.pkttype, halen: li.halen, addr: li.addr}, data)
			w.buf = pkt
			anc := cbpf.Ancillary{VLANPresent: li.vlanValid, VLANTCI: li.vlanTCI & 0xfff, VLANProto: li.vlanTPIDOr8021Q(), Ifindex: uint32(li.ifindex), PktType: li.pkttype, Protocol: li.protocol}
			if h.userland.Run(pkt, uint32(length+hl), &anc) == 0 {
				return false
			}
		}
		pkt, extra := cookedPacket(w.buf, h.lt, &li, data)
		w.buf = pkt
		p.Data = pkt
		p.Length = length + extra
	} else {
		p.Data = data
		p.Length = int(hdr.length)
		if h.userland != nil {
			// As libpcap, on the packet as the kernel left it (the
			// tag, if any, in the metadata).
			anc := cbpf.Ancillary{Ifindex: uint32(ll.ifindex), VLANPresent: vlan, VLANTCI: uint16(hdr.vlanTCI) & 0xfff}
			if h.userland.Run(data, uint32(hdr.length), &anc) == 0 {
				return false
			}
		}
		// libpcap puts a stripped tag back into Ethernet frames only,
		// after the two addresses; other link types have no place
		// for it.
		if vlan && h.lt == cbpf.LinkEN10MB && len(data) >= 12 {
			tpid := uint16(unix.ETH_P_8021Q)
			if hdr.vlanTPID != 0 || hdr.status&unix.TP_STATUS_VLAN_TPID_VALID != 0 {
				tpid = hdr.vlanTPID
			}
			p.Data = w.tagged(data, tpid, uint16(hdr.vlanTCI))
			p.Length += 4
		}
	}
	if uint32(len(p.Data)) > h.snaplen {
		p.Data = p.Data[:h.snaplen]
	}
	return true
}

// tagged returns the Ethernet frame d with an 802.1Q-style tag (tpid,
// tci) put back after the addresses, built in the worker's scratch
// buffer.
func (w *worker) tagged(d []byte, tpid, tci uint16) []byte {
	n := len(d) + 4
	if cap(w.buf) < n {
		w.buf = make([]byte, n, n+n/2)
	}
	b := w.buf[:n]
	copy(b, d[:12])
	binary.BigEndian.PutUint16(b[12:], tpid)
	binary.BigEndian.PutUint16(b[14:], tci)
	copy(b[16:], d[12:])
	return b
}

// Stats returns the capture's counters so far, summed over its sockets.
// It may be called while Run runs, but not after Close.
func (h *Handle) Stats() (Stats, error) {
	var s Stats
	for _, r := range h.rings {
		recv, drop, err := r.readStats()
		if err != nil {
			return s, fmt.Errorf("failed to get statistics from socket: %w", err)
		}
		s.Received += recv
		s.Dropped += drop
	}
	s.Unordered = h.unordered.Load()
	if h.promisc && h.device != AnyDevice {
		if now := interfaceDrops(h.device); now > h.ifdrop0 {
			s.IfDropped = now - h.ifdrop0
		}
	}
	return s, nil
}

// Close stops the capture, waits for Run to return if it runs, and
// releases the sockets, their rings and the filter. No ring is unmapped
// under a reader.
func (h *Handle) Close() {
	h.Stop()
	h.life.Lock()
	h.closed = true
	h.life.Unlock()
	h.readers.Wait()
	for _, r := range h.rings {
		r.close()
	}
	h.rings = nil
	if h.prog != nil {
		h.prog.Close()
		h.prog = nil
	}
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }
func ntohs(v uint16) uint16 { return v<<8 | v>>8 }

// interfaceARPType is the device's ARPHRD_ type (SIOCGIFHWADDR).
func interfaceARPType(name string) (uint16, error) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		return 0, err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFHWADDR, ifr); err != nil {
		return 0, err
	}
	return ifr.Uint16(), nil
}

// interfaceDrops is what the interface dropped so far: rx_missed_errors
// plus rx_fifo_errors, as libpcap counts ps_ifdrop.
func interfaceDrops(dev string) uint64 {
	var n uint64
	for _, f := range []string{"rx_missed_errors", "rx_fifo_errors"} {
		b, err := os.ReadFile("/sys/class/net/" + dev + "/statistics/" + f)
		if err != nil {
			continue
		}
		var v uint64
		fmt.Sscan(strings.TrimSpace(string(b)), &v)
		n += v
	}
	return n
}

// DeviceLinkType is the link type a capture on device would have, with
// want (0 for the device's own) checked as Open checks it. It opens no
// socket; tcpdump -d -i uses it.
func DeviceLinkType(device string, want cbpf.LinkType) (cbpf.LinkType, error) {
	h := &Handle{device: device}
	if err := h.pickLinkType(want); err != nil {
		return 0, err
	}
	return h.lt, nil
}

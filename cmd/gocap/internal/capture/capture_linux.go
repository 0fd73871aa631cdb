//go:build linux

package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	cebpf "github.com/cilium/ebpf"
	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/afpacket"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// Ring geometry. libpcap makes TPACKET_V3 blocks of 256 KiB (room for one
// packet of the largest snapshot length) and as many as the buffer size
// allows; so does gocap.
const (
	blockSize        = 256 << 10
	blockTimeout     = time.Second            // tcpdump's to_ms: a block is handed over after 1 s at most
	immediateTimeout = time.Millisecond       // --immediate-mode
	pollTimeout      = 100 * time.Millisecond // how often a reader looks at its stop condition
)

// Handle is an open live capture: one socket per worker.
type Handle struct {
	device  string
	ifindex int
	lt      cbpf.LinkType
	cooked  bool
	snaplen uint32
	promisc bool

	socks   []*afpacket.TPacket
	workers []worker
	prog    *cebpf.Program // the attached eBPF program, if any
	kernel  string         // the kind of filter attached: KernelEBPF or KernelCBPF

	userland *cbpf.VM // the filter, when it must run in user space

	ifdrop0 uint64 // interface drop counters when the capture started

	mu   sync.Mutex // serializes callbacks when there are several workers
	done atomic.Bool
}

// worker is one socket's reader state.
type worker struct {
	h   *Handle
	tp  *afpacket.TPacket
	buf []byte // scratch for packets gocap rebuilds
	pkt Packet
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
		tp, err := h.newSocket(cfg, bufSize)
		if err != nil {
			return nil, err
		}
		h.socks = append(h.socks, tp)
	}
	h.kernel = cfg.Kernel
	if h.kernel == "" {
		h.kernel = KernelEBPF
	}
	if err := h.attach(kp.raw, cfg.Warn); err != nil {
		return nil, err
	}
	if h.promisc && h.device != AnyDevice {
		h.ifdrop0 = interfaceDrops(h.device)
		if err := h.socks[0].SetPromiscuous(true); err != nil {
			return nil, fmt.Errorf("setsockopt (PACKET_ADD_MEMBERSHIP): %w", err)
		}
	}
	// The sockets were opened for no protocol, so that nothing reached
	// them before the filter was on; now bind them for every protocol.
	group := uint16(os.Getpid())
	for _, tp := range h.socks {
		fd, err := socketFD(tp)
		if err != nil {
			return nil, err
		}
		sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: h.ifindex}
		if err := unix.Bind(fd, sa); err != nil {
			return nil, fmt.Errorf("bind: %w", err)
		}
		if nw > 1 {
			if err := tp.SetFanout(afpacket.FanoutHash, group); err != nil {
				return nil, fmt.Errorf("setsockopt (PACKET_FANOUT): %w", err)
			}
		}
	}
	for _, tp := range h.socks {
		h.workers = append(h.workers, worker{h: h, tp: tp})
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
// libpcap's setup_socket and map_arphrd_to_dlt do.
func (h *Handle) pickLinkType(want cbpf.LinkType) error {
	if h.device == AnyDevice {
		h.cooked = true
		switch want {
		case 0, cbpf.LinkLinuxSLL2:
			h.lt = cbpf.LinkLinuxSLL2
		case cbpf.LinkLinuxSLL:
			h.lt = cbpf.LinkLinuxSLL
		default:
			return fmt.Errorf("%s is not one of the DLTs supported by this device", want)
		}
		return nil
	}
	if len(h.device) >= unix.IFNAMSIZ {
		return &DeviceError{Device: h.device, Status: "No such device exists"}
	}
	ifc, err := net.InterfaceByName(h.device)
	if err != nil {
		return &DeviceError{Device: h.device, Status: "No such device exists", Detail: "No such device exists"}
	}
	h.ifindex = ifc.Index
	arphrd, err := interfaceARPType(h.device)
	if err != nil {
		return &DeviceError{Device: h.device, Status: "No such device exists", Detail: "SIOCGIFHWADDR: " + errnoText(err)}
	}
	lt, cooked := dltForARPType(arphrd)
	h.lt, h.cooked = lt, cooked
	if want != 0 && want != h.lt {
		return fmt.Errorf("%s is not one of the DLTs supported by this device", want)
	}
	return nil
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
func (h *Handle) newSocket(cfg Config, bufSize int) (*afpacket.TPacket, error) {
	bs := blockSize
	for bs > os.Getpagesize() && bs/2 >= bufSize {
		bs /= 2
	}
	nblocks := max((bufSize+bs-1)/bs, 1)
	tmo := blockTimeout
	if cfg.Immediate {
		tmo = immediateTimeout
	}
	opts := []any{
		afpacket.OptTPacketVersion(afpacket.TPacketVersion3),
		afpacket.OptProtocol(0),
		afpacket.OptBlockSize(bs),
		afpacket.OptFrameSize(bs),
		afpacket.OptNumBlocks(nblocks),
		afpacket.OptBlockTimeout(tmo),
		afpacket.OptPollTimeout(pollTimeout),
	}
	if h.cooked {
		opts = append(opts, afpacket.OptSocketType(afpacket.SocketDgram))
	} else {
		opts = append(opts, afpacket.OptSocketType(afpacket.SocketRaw))
		// libpcap puts a stripped VLAN tag back into Ethernet frames
		// only (vlan_offset 12); other link types have no place for it.
		opts = append(opts, afpacket.OptAddVLANHeader(h.lt == cbpf.LinkEN10MB))
	}
	if h.device != AnyDevice {
		opts = append(opts, afpacket.OptInterface(h.device))
	}
	tp, err := afpacket.NewTPacket(opts...)
	if err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return nil, &DeviceError{Device: h.device, Status: "You don't have permission to perform this capture on that device", Detail: "Attempt to create packet socket failed - CAP_NET_RAW may be required"}
		}
		return nil, fmt.Errorf("%s: %v", h.device, err)
	}
	return tp, nil
}

// attach puts the kernel program on every socket: translated to eBPF
// unless classic was asked for or eBPF cannot be had, in which case the
// classic program goes on, with a warning saying why.
func (h *Handle) attach(raw []bpf.RawInstruction, warn func(string)) error {
	if warn == nil {
		warn = func(string) {}
	}
	if h.kernel == KernelEBPF {
		err := h.attachEBPF(raw)
		if err == nil {
			return nil
		}
		lines := strings.Split(strings.TrimRight(err.Error(), "\n"), "\n")
		warn(fmt.Sprintf("WARNING: cannot attach the eBPF filter, attaching the classic filter instead: %s", lines[0]))
		for _, l := range lines[1:] {
			warn("\t" + l)
		}
		h.kernel = KernelCBPF
	}
	for _, tp := range h.socks {
		if err := tp.SetBPF(raw); err != nil {
			// libpcap then filters in user space; so does gocap.
			warn("Warning: Kernel filter failed: " + errnoText(err))
			return h.filterInUserland(raw)
		}
	}
	return nil
}

func (h *Handle) attachEBPF(raw []bpf.RawInstruction) error {
	insns, err := translate.SocketFilter(cbpf.Typed(raw))
	if err != nil {
		return err
	}
	prog, err := ebpf.LoadSocketFilter(insns)
	if err != nil {
		return err
	}
	for _, tp := range h.socks {
		if err := tp.SetEBPF(int32(prog.FD())); err != nil {
			prog.Close()
			return fmt.Errorf("setsockopt (SO_ATTACH_BPF): %w", err)
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

// Kernel says which kind of filter is attached in the kernel: KernelEBPF
// or KernelCBPF.
func (h *Handle) Kernel() string { return h.kernel }

// Run reads packets from every socket and calls fn for each one kept,
// until stop reports true (it is asked after every packet and at least
// every 100 ms), fn returns ErrStop (then Run returns nil) or another
// error (then Run returns it), or a socket fails. With several workers,
// calls of fn are serialized. Run returns once every reader has stopped,
// so Close may then be called safely.
func (h *Handle) Run(stop func() bool, fn func(*Packet) error) error {
	if len(h.workers) == 1 {
		return h.workers[0].run(stop, fn, false)
	}
	errs := make([]error, len(h.workers))
	var wg sync.WaitGroup
	for i := range h.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = h.workers[i].run(stop, fn, true)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (w *worker) run(stop func() bool, fn func(*Packet) error, lock bool) error {
	h := w.h
	for !h.done.Load() && !stop() {
		data, ci, err := w.tp.ZeroCopyReadPacketData()
		if err != nil {
			if errors.Is(err, afpacket.ErrTimeout) {
				continue
			}
			h.done.Store(true)
			if errors.Is(err, afpacket.ErrPoll) {
				return errors.New("The interface disappeared")
			}
			return err
		}
		keep, err := w.packet(data, &ci)
		if err != nil {
			h.done.Store(true)
			return err
		}
		if !keep {
			continue
		}
		if lock {
			h.mu.Lock()
		}
		if h.done.Load() {
			if lock {
				h.mu.Unlock()
			}
			return nil
		}
		err = fn(&w.pkt)
		if lock {
			h.mu.Unlock()
		}
		if err != nil {
			h.done.Store(true)
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// tpacket3Header mirrors struct tpacket3_hdr with its tpacket_hdr_variant1
// (linux/if_packet.h), as laid out in the ring.
type tpacket3Header struct {
	nextOffset uint32
	sec        uint32
	nsec       uint32
	snaplen    uint32
	length     uint32
	status     uint32
	mac        uint16
	net        uint16
	rxhash     uint32
	vlanTCI    uint32
	vlanTPID   uint16
	_          [10]byte
}

// sockaddrLL mirrors struct sockaddr_ll, which follows the aligned
// tpacket3_hdr in the ring.
type sockaddrLL struct {
	family   uint16
	protocol uint16 // network byte order
	ifindex  int32
	hatype   uint16
	pkttype  uint8
	halen    uint8
	addr     [8]byte
}

const (
	tpacket3HeaderLen = 48 // TPACKET_ALIGN(sizeof(struct tpacket3_hdr))
	// dgramMacOffset is where a SOCK_DGRAM socket's ring puts a packet
	// behind its header: TPACKET_ALIGN(TPACKET3_HDRLEN) + 16, with no
	// reserve (af_packet.c's tpacket_rcv).
	dgramMacOffset = 96
)

// ringHeader finds the ring's header of a packet a SOCK_DGRAM socket
// returned. gopacket's afpacket does not hand out the sockaddr_ll that the
// cooked header is made of, but the data it returns points into the ring
// at a fixed distance behind the packet's header; the header found there
// is checked against the data before it is trusted.
func ringHeader(data []byte) (*tpacket3Header, *sockaddrLL, error) {
	p := unsafe.Pointer(unsafe.SliceData(data))
	hdr := (*tpacket3Header)(unsafe.Add(p, -dgramMacOffset))
	if hdr.mac != dgramMacOffset || int(hdr.snaplen) != len(data) {
		return nil, nil, fmt.Errorf("unexpected packet ring layout (mac offset %d, %d bytes captured, %d in hand)", hdr.mac, hdr.snaplen, len(data))
	}
	ll := (*sockaddrLL)(unsafe.Add(p, -dgramMacOffset+tpacket3HeaderLen))
	return hdr, ll, nil
}

// packet turns what the ring returned into the packet to hand out, in
// w.pkt, and reports whether to keep it.
func (w *worker) packet(data []byte, ci *gopacketInfo) (bool, error) {
	h := w.h
	p := &w.pkt
	p.Timestamp = ci.Timestamp
	p.Ifindex = ci.InterfaceIndex
	if h.cooked {
		if len(data) == 0 {
			return false, nil
		}
		hdr, ll, err := ringHeader(data)
		if err != nil {
			return false, err
		}
		li := linkInfo{
			protocol: ntohs(ll.protocol),
			ifindex:  ll.ifindex,
			hatype:   ll.hatype,
			pkttype:  ll.pkttype,
			halen:    ll.halen,
			addr:     ll.addr,
		}
		// libpcap's VLAN_VALID and VLAN_TPID.
		if hdr.vlanTCI != 0 || hdr.status&unix.TP_STATUS_VLAN_VALID != 0 {
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
				return false, nil
			}
		}
		pkt, extra := cookedPacket(w.buf, h.lt, &li, data)
		w.buf = pkt
		p.Data = pkt
		p.Length = length + extra
	} else {
		p.Data = data
		p.Length = ci.Length
		if h.lt == cbpf.LinkEN10MB {
			w.vlanZero(ci)
		}
		if h.userland != nil {
			anc := cbpf.Ancillary{Ifindex: uint32(ci.InterfaceIndex)}
			if v, ok := ancillaryVLAN(ci); ok {
				anc.VLANPresent, anc.VLANTCI = true, uint16(v)
			}
			// The data has the tag back in; the program looks for
			// the tag in the metadata first, as in the kernel.
			if h.userland.Run(untagged(p.Data, anc.VLANPresent), uint32(p.Length), &anc) == 0 {
				return false, nil
			}
		}
	}
	if uint32(len(p.Data)) > h.snaplen {
		p.Data = p.Data[:h.snaplen]
	}
	return true, nil
}

// vlanZero puts back a tag whose TCI is 0 (priority 0, VLAN 0), which
// gopacket's afpacket reports but does not reinsert.
func (w *worker) vlanZero(ci *gopacketInfo) {
	v, ok := ancillaryVLAN(ci)
	if !ok || v != 0 || len(w.pkt.Data) < 14 {
		return
	}
	d := w.pkt.Data
	if et := binary.BigEndian.Uint16(d[12:]); et == 0x8100 || et == 0x88a8 {
		return // reinserted already (the tag had priority bits)
	}
	n := len(d) + 4
	if cap(w.buf) < n {
		w.buf = make([]byte, n, n+n/2)
	}
	b := w.buf[:n]
	copy(b, d[:12])
	binary.BigEndian.PutUint16(b[12:], 0x8100)
	binary.BigEndian.PutUint16(b[14:], 0)
	copy(b[16:], d[12:])
	w.pkt.Data = b
	w.pkt.Length += 4
}

// untagged returns an Ethernet frame without the 802.1Q tag that was put
// back into it.
func untagged(d []byte, tagged bool) []byte {
	if !tagged || len(d) < 16 {
		return d
	}
	b := make([]byte, 0, len(d)-4)
	b = append(b, d[:12]...)
	return append(b, d[16:]...)
}

// Stats returns the capture's counters so far, summed over its sockets.
// It may be called while Run runs, but not after Close.
func (h *Handle) Stats() (Stats, error) {
	var s Stats
	for _, tp := range h.socks {
		_, v3, err := tp.SocketStats()
		if err != nil {
			return s, fmt.Errorf("failed to get statistics from socket: %w", err)
		}
		s.Received += uint64(v3.Packets())
		s.Dropped += uint64(v3.Drops())
	}
	if h.promisc && h.device != AnyDevice {
		if now := interfaceDrops(h.device); now > h.ifdrop0 {
			s.IfDropped = now - h.ifdrop0
		}
	}
	return s, nil
}

// Close releases the sockets, their rings and the filter. Call it only
// when Run has returned (or was never called): closing a ring under a
// reader is what gopacket's afpacket cannot survive.
func (h *Handle) Close() {
	for _, tp := range h.socks {
		tp.Close()
	}
	h.socks = nil
	if h.prog != nil {
		h.prog.Close()
		h.prog = nil
	}
}

// socketFD is the descriptor of a TPacket's socket. gopacket's afpacket
// keeps it to itself, and offers no way to bind the socket after a filter
// is attached, which is the only way not to let unfiltered packets into
// the ring; so gocap reads it from the unexported field (a test checks
// that the field is still there).
func socketFD(tp *afpacket.TPacket) (int, error) {
	v := reflect.ValueOf(tp).Elem().FieldByName("fd")
	if !v.IsValid() || v.Kind() != reflect.Int || v.Int() < 0 {
		return -1, errors.New("afpacket: cannot find the socket's descriptor")
	}
	return int(v.Int()), nil
}

// gopacketInfo is what afpacket says about a packet.
type gopacketInfo = gopacket.CaptureInfo

// ancillaryVLAN is the VLAN ID the kernel stripped from a packet, if any.
func ancillaryVLAN(ci *gopacketInfo) (int, bool) {
	for _, a := range ci.AncillaryData {
		if v, ok := a.(afpacket.AncillaryVLAN); ok {
			return v.VLAN, true
		}
	}
	return 0, false
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

// errnoText renders a system error as strerror does.
func errnoText(err error) string {
	var errno unix.Errno
	if errors.As(err, &errno) {
		s := errno.Error()
		if s != "" && s[0] >= 'a' && s[0] <= 'z' {
			s = string(s[0]-'a'+'A') + s[1:]
		}
		return s
	}
	return err.Error()
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

//go:build linux

package capture

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	cebpf "github.com/cilium/ebpf"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/ebpf"
)

// This file is one packet socket with its TPACKET_V3 receive ring
// (Documentation/networking/packet_mmap.rst): the kernel fills blocks of
// the mapped ring with packets and hands a block over, by setting
// TP_STATUS_USER in its header, when it is full or when it has waited for
// more packets for the block timeout; the reader walks every packet of
// the block and gives the block back with TP_STATUS_KERNEL.
//
// The socket is non-blocking and registered with Go's network poller, so
// a reader waiting for the next block is a parked goroutine (the kernel
// wakes the socket once per block), not a thread in poll(2); and a
// deadline in the past wakes it at once, which is how a capture is
// stopped without closing anything under a reader.

// ring is one packet socket and its mapped receive ring.
type ring struct {
	file  *os.File        // the socket, in the network poller
	conn  syscall.RawConn // file's descriptor, for waiting and for socket options
	mem   []byte          // the mapped ring: nblk blocks of bsize bytes
	bsize int
	nblk  int
	next  int // the next block to read

	timeout time.Duration // the block timeout

	stats struct {
		sync.Mutex
		received, dropped uint64 // PACKET_STATISTICS so far (reading them resets the kernel's)
	}
}

// ringConfig is the shape of a ring.
type ringConfig struct {
	dgram     bool          // SOCK_DGRAM (cooked) instead of SOCK_RAW
	blockSize int           // bytes per block, a multiple of the page size
	blocks    int           // number of blocks
	timeout   time.Duration // block timeout
}

// Offsets in a block's header, struct tpacket_block_desc with its
// struct tpacket_hdr_v1 (linux/if_packet.h).
const (
	blockStatusOff = 8  // hdr.bh1.block_status
	blockNumOff    = 12 // hdr.bh1.num_pkts
	blockFirstOff  = 16 // hdr.bh1.offset_to_first_pkt
	blockOpenOff   = 32 // hdr.bh1.ts_first_pkt: seconds, then nanoseconds
	blockHeaderLen = 48 // the whole descriptor, before the first packet
)

// tpacket3Header mirrors struct tpacket3_hdr with its
// tpacket_hdr_variant1, as laid out in the ring before each packet.
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

// tpacket3HeaderLen is TPACKET_ALIGN(sizeof(struct tpacket3_hdr)), where
// the sockaddr_ll starts.
const tpacket3HeaderLen = 48

// newRing opens a packet socket for no protocol (it receives nothing
// until bind), sets up its TPACKET_V3 ring and maps it.
func newRing(rc ringConfig) (_ *ring, err error) {
	typ := unix.SOCK_RAW
	if rc.dgram {
		typ = unix.SOCK_DGRAM
	}
	fd, err := unix.Socket(unix.AF_PACKET, typ|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	r := &ring{bsize: rc.blockSize, nblk: rc.blocks, timeout: rc.timeout}
	defer func() {
		if err != nil {
			if r.mem != nil {
				unix.Munmap(r.mem)
			}
			if r.file != nil {
				r.file.Close()
			} else {
				unix.Close(fd)
			}
		}
	}()
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, unix.TPACKET_V3); err != nil {
		return nil, fmt.Errorf("setsockopt (PACKET_VERSION): %w", err)
	}
	req := unix.TpacketReq3{
		Block_size: uint32(rc.blockSize),
		Block_nr:   uint32(rc.blocks),
		// Frames mean little to TPACKET_V3, which packs packets
		// into a block back to back; the kernel only wants
		// frame_nr to be blocks times frames per block.
		Frame_size:     uint32(rc.blockSize),
		Frame_nr:       uint32(rc.blocks),
		Retire_blk_tov: uint32(max(rc.timeout/time.Millisecond, 1)),
	}
	if err := unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req); err != nil {
		return nil, fmt.Errorf("setsockopt (PACKET_RX_RING): %w", err)
	}
	r.mem, err = unix.Mmap(fd, 0, rc.blockSize*rc.blocks, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		r.mem = nil
		return nil, fmt.Errorf("mmap: %w", err)
	}
	// From here on the descriptor belongs to the file (and its poller
	// reference count: it is closed once no call uses it any more).
	r.file = os.NewFile(uintptr(fd), "packet socket")
	if r.conn, err = r.file.SyscallConn(); err != nil {
		return nil, err
	}
	return r, nil
}

// control runs fn on the socket's descriptor.
func (r *ring) control(fn func(fd int) error) error {
	var ferr error
	if err := r.conn.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}

// setBPF attaches a classic filter (SO_ATTACH_FILTER).
func (r *ring) setBPF(raw []bpf.RawInstruction) error {
	if len(raw) == 0 || len(raw) > 0xffff {
		return errors.New("no filter or too long a filter")
	}
	prog := unix.SockFprog{Len: uint16(len(raw)), Filter: (*unix.SockFilter)(unsafe.Pointer(&raw[0]))}
	return r.control(func(fd int) error {
		return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &prog)
	})
}

// setEBPF attaches a loaded eBPF socket filter (SO_ATTACH_BPF, through
// package ebpf).
func (r *ring) setEBPF(prog *cebpf.Program) error {
	return r.control(func(fd int) error { return ebpf.AttachSocket(fd, prog) })
}

// bind binds the socket to every protocol on ifindex (0: every device).
func (r *ring) bind(ifindex int) error {
	return r.control(func(fd int) error {
		if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifindex}); err != nil {
			return err
		}
		// A device that is down does not fail the bind: the kernel
		// leaves ENETDOWN pending on the socket instead.
		soerr, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR)
		if err != nil {
			return err
		}
		if soerr != 0 {
			return unix.Errno(soerr)
		}
		return nil
	})
}

// setFanout puts the socket in fanout group id, spreading by flow hash.
func (r *ring) setFanout(id uint16) error {
	return r.control(func(fd int) error {
		return unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_FANOUT, unix.PACKET_FANOUT_HASH<<16|int(id))
	})
}

// setPromisc puts the interface ifindex in promiscuous mode for as long
// as the socket is open.
func (r *ring) setPromisc(ifindex int) error {
	return r.control(func(fd int) error {
		mreq := unix.PacketMreq{Ifindex: int32(ifindex), Type: unix.PACKET_MR_PROMISC}
		return unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mreq)
	})
}

// readStats adds the kernel's counters since the last call to the
// ring's totals and returns the totals. It is safe while a reader runs.
func (r *ring) readStats() (received, dropped uint64, err error) {
	r.stats.Lock()
	defer r.stats.Unlock()
	err = r.control(func(fd int) error {
		st, err := unix.GetsockoptTpacketStatsV3(fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
		if err != nil {
			return err
		}
		// The kernel's tp_packets already counts the drops, as
		// libpcap's ps_recv does.
		r.stats.received += uint64(st.Packets)
		r.stats.dropped += uint64(st.Drops)
		return nil
	})
	return r.stats.received, r.stats.dropped, err
}

// blockStatus is the status word of block i, read with the ordering the
// kernel's release of the block needs.
func (r *ring) blockStatus(i int) *uint32 {
	return (*uint32)(unsafe.Pointer(&r.mem[i*r.bsize+blockStatusOff]))
}

// ready reports whether the next block belongs to user space.
func (r *ring) ready() bool {
	return atomic.LoadUint32(r.blockStatus(r.next))&unix.TP_STATUS_USER != 0
}

// wait parks until the next block is handed over (it returns true), until
// the read deadline passes (interrupt, or a caller's timeout: false), or
// until the socket reports an error (the error: ENETDOWN when the device
// went down or away).
func (r *ring) wait() (bool, error) {
	var sockErr error
	err := r.conn.Read(func(fd uintptr) bool {
		if r.ready() {
			return true
		}
		// No block to read: before parking, see whether the socket
		// has an error to report (reading it clears it). The poller
		// forgets a wake-up that came while no one waited, so this
		// is asked every time rather than only after a wake-up.
		if err := socketError(fd); err != nil {
			sockErr = err
			return true
		}
		return false
	})
	switch {
	case err == nil && sockErr == nil:
		return true, nil
	case err == nil:
		return false, sockErr
	case errors.Is(err, os.ErrDeadlineExceeded):
		return false, nil
	}
	return false, err
}

// socketError reads and clears the socket's pending error (SO_ERROR). It
// never blocks, so it is made as a raw system call, which spares the Go
// scheduler the hand-off it prepares around a possibly blocking one.
func socketError(fd uintptr) error {
	var v int32
	l := uint32(4)
	_, _, errno := unix.RawSyscall6(unix.SYS_GETSOCKOPT, fd, unix.SOL_SOCKET, unix.SO_ERROR, uintptr(unsafe.Pointer(&v)), uintptr(unsafe.Pointer(&l)), 0)
	if errno != 0 {
		return errno
	}
	if v != 0 {
		return unix.Errno(v)
	}
	return nil
}

// deviceGone reports whether the device the socket was bound to has been
// unregistered: the kernel then sets the socket's interface index to -1.
func (r *ring) deviceGone() bool {
	var gone bool
	r.control(func(fd int) error {
		sa, err := unix.Getsockname(fd)
		if ll, ok := sa.(*unix.SockaddrLinklayer); err == nil && ok {
			gone = ll.Ifindex == -1
		}
		return nil
	})
	return gone
}

// setDeadline sets the socket's read deadline (the zero time: none).
func (r *ring) setDeadline(t time.Time) {
	r.file.SetReadDeadline(t)
}

// interrupt wakes a reader parked in wait, now and in any later wait. It
// may be called from any goroutine, any number of times.
func (r *ring) interrupt() {
	r.setDeadline(time.Unix(1, 0))
}

// block returns the packets of the next block, which must be ready: the
// block's memory and its packet count.
func (r *ring) block() ([]byte, int) {
	b := r.mem[r.next*r.bsize : (r.next+1)*r.bsize]
	return b, int(nativeUint32(b[blockNumOff:]))
}

// pendingSince returns, for a reader whose next block to read is blk, a
// time no later than the kernel's stamp of any packet it can still find
// in the ring, in nanoseconds since the epoch on the system's clock, or
// noMark if it cannot tell; now is the time before the call, on that
// clock.
//
// It reads the descriptor of block blk, which the kernel may be filling.
// The kernel writes when it opened a block into the descriptor
// (ts_first_pkt: af_packet.c's prb_open_block) and opens a block as soon
// as the one before is handed over, or, when the ring was full, as soon
// as a packet comes for it once the reader gave it back. So: a block that
// the kernel still fills and that holds no packet means that whatever
// comes next is stamped after now; otherwise the packets to come are in
// that block or after it, stamped after it opened. A block given back but
// not yet opened again still shows its previous opening, which is earlier
// still, and only holds packets back for longer.
func (r *ring) pendingSince(blk int, now int64) int64 {
	b := r.mem[blk*r.bsize : blk*r.bsize+blockHeaderLen]
	word := func(off int) uint32 { return atomic.LoadUint32((*uint32)(unsafe.Pointer(&b[off]))) }
	if word(blockStatusOff)&unix.TP_STATUS_USER == 0 && word(blockNumOff) == 0 {
		return now
	}
	// Read the opening time twice: equal readings were not torn by the
	// kernel's writing it.
	sec, nsec := word(blockOpenOff), word(blockOpenOff+4)
	if sec != word(blockOpenOff) || nsec != word(blockOpenOff+4) || nsec >= 1e9 {
		return noMark
	}
	return min(int64(sec)*1e9+int64(nsec), now)
}

// release gives the next block back to the kernel and moves on.
func (r *ring) release() {
	atomic.StoreUint32(r.blockStatus(r.next), unix.TP_STATUS_KERNEL)
	if r.next++; r.next == r.nblk {
		r.next = 0
	}
}

// close releases the socket and unmaps the ring. No reader may be
// running.
func (r *ring) close() {
	r.file.Close()
	unix.Munmap(r.mem)
	r.mem = nil
}

// nativeUint32 reads a 32-bit word the kernel wrote, in the host's byte
// order.
func nativeUint32(b []byte) uint32 {
	return *(*uint32)(unsafe.Pointer(&b[:4][0]))
}

// blockWalker steps through the packets of one block.
type blockWalker struct {
	b    []byte // the block
	off  int    // offset of the current packet's header
	left int    // packets left, the current one included
}

func newBlockWalker(b []byte, n int) blockWalker {
	return blockWalker{b: b, off: int(nativeUint32(b[blockFirstOff:])), left: n}
}

// next returns the header of the next packet, its data (from the MAC
// header on, as much as was captured) and its sockaddr_ll; ok is false at
// the end of the block. A header pointing out of the block is an error.
func (w *blockWalker) next() (hdr *tpacket3Header, data []byte, ll *sockaddrLL, err error) {
	if w.left == 0 {
		return nil, nil, nil, nil
	}
	off := w.off
	if off < blockHeaderLen || off > len(w.b)-tpacket3HeaderLen-int(unsafe.Sizeof(sockaddrLL{})) || off%4 != 0 {
		return nil, nil, nil, fmt.Errorf("packet ring: packet header at %d outside its %d-byte block", off, len(w.b))
	}
	hdr = (*tpacket3Header)(unsafe.Pointer(&w.b[off]))
	start, end := off+int(hdr.mac), off+int(hdr.mac)+int(hdr.snaplen)
	if int(hdr.mac) < tpacket3HeaderLen || end > len(w.b) {
		return nil, nil, nil, fmt.Errorf("packet ring: %d bytes at %d outside their %d-byte block", hdr.snaplen, start, len(w.b))
	}
	ll = (*sockaddrLL)(unsafe.Pointer(&w.b[off+tpacket3HeaderLen]))
	w.left--
	w.off += int(hdr.nextOffset)
	return hdr, w.b[start:end:end], ll, nil
}

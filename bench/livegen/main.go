// Command livegen sends UDP frames out of an interface with a raw
// AF_PACKET socket at a fixed rate, for bench/live.sh. The frames go to a
// MAC address no host has, so the receiving stack drops them at once and
// the capture is nearly all the work they cause.
//
//	livegen -i send0 -n 200000 -rate 100000 -size 128
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

func main() {
	iface := flag.String("i", "send0", "interface to send on")
	count := flag.Int("n", 100000, "frames to send")
	rate := flag.Int("rate", 100000, "frames per second (0: as fast as possible)")
	size := flag.Int("size", 128, "frame size in bytes (at least 46)")
	batch := flag.Int("batch", 32, "frames per sendmmsg call")
	flag.Parse()
	if err := send(*iface, *count, *rate, max(*size, 46), *batch); err != nil {
		fmt.Fprintln(os.Stderr, "livegen:", err)
		os.Exit(1)
	}
}

func send(iface string, count, rate, size, batch int) error {
	ifc, err := net.InterfaceByName(iface)
	if err != nil {
		return err
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	dst := net.HardwareAddr{0x02, 0x00, 0x5e, 0x00, 0x00, 0x99}
	f := make([]byte, size)
	copy(f[0:], dst)
	copy(f[6:], ifc.HardwareAddr)
	binary.BigEndian.PutUint16(f[12:], 0x0800)
	ip := f[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, 17
	binary.BigEndian.PutUint16(ip[2:], uint16(size-14))
	copy(ip[12:], []byte{192, 0, 2, 1})
	copy(ip[16:], []byte{192, 0, 2, 99})
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(ip[i:]))
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(sum))
	udp := f[34:42]
	binary.BigEndian.PutUint16(udp[0:], 40000)
	binary.BigEndian.PutUint16(udp[2:], 9)
	binary.BigEndian.PutUint16(udp[4:], uint16(size-34))
	// Bound to the interface (for no protocol: it receives nothing), the
	// socket sends without an address, so that sendmmsg can hand the
	// kernel a batch of frames per call.
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Ifindex: ifc.Index}); err != nil {
		return err
	}
	unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_QDISC_BYPASS, 1)
	batch = max(1, min(batch, count))
	frames := make([][]byte, batch)
	iov := make([]unix.Iovec, batch)
	msgs := make([]mmsghdr, batch)
	for i := range frames {
		frames[i] = append([]byte(nil), f...)
		iov[i].Base = &frames[i][0]
		iov[i].SetLen(size)
		msgs[i].hdr.Iov = &iov[i]
		msgs[i].hdr.SetIovlen(1)
	}
	start := time.Now()
	for sent := 0; sent < count; {
		if rate > 0 {
			due := start.Add(time.Duration(int64(sent) * int64(time.Second) / int64(rate)))
			if d := time.Until(due); d > 0 {
				time.Sleep(d)
			}
		}
		n := min(batch, count-sent)
		for i := range n {
			binary.BigEndian.PutUint32(frames[i][42:], uint32(sent+i)) // a sequence number in the payload
		}
		done, err := sendmmsg(fd, msgs[:n])
		if err != nil && err != unix.ENOBUFS && err != unix.EAGAIN {
			return err
		}
		sent += done
	}
	el := time.Since(start)
	fmt.Printf("sent %d frames in %.3fs (%.0f/s)\n", count, el.Seconds(), float64(count)/el.Seconds())
	return nil
}

// mmsghdr is struct mmsghdr.
type mmsghdr struct {
	hdr unix.Msghdr
	len uint32
	_   [4]byte
}

// sendmmsg sends the messages and returns how many went.
func sendmmsg(fd int, msgs []mmsghdr) (int, error) {
	n, _, errno := unix.Syscall6(unix.SYS_SENDMMSG, uintptr(fd), uintptr(unsafe.Pointer(&msgs[0])), uintptr(len(msgs)), 0, 0, 0)
	if errno != 0 {
		return 0, errno
	}
	return int(n), nil
}

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

	"golang.org/x/sys/unix"
)

func main() {
	iface := flag.String("i", "send0", "interface to send on")
	count := flag.Int("n", 100000, "frames to send")
	rate := flag.Int("rate", 100000, "frames per second (0: as fast as possible)")
	size := flag.Int("size", 128, "frame size in bytes (at least 46)")
	flag.Parse()
	if err := send(*iface, *count, *rate, max(*size, 46)); err != nil {
		fmt.Fprintln(os.Stderr, "livegen:", err)
		os.Exit(1)
	}
}

func send(iface string, count, rate, size int) error {
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
	sa := &unix.SockaddrLinklayer{Ifindex: ifc.Index, Halen: 6}
	copy(sa.Addr[:], dst)
	start := time.Now()
	for i := 0; i < count; i++ {
		if rate > 0 && i%32 == 0 {
			due := start.Add(time.Duration(int64(i) * int64(time.Second) / int64(rate)))
			if d := time.Until(due); d > 0 {
				time.Sleep(d)
			}
		}
		binary.BigEndian.PutUint32(f[42:], uint32(i)) // a sequence number in the payload
		if err := unix.Sendto(fd, f, 0, sa); err != nil {
			if err == unix.ENOBUFS {
				i--
				continue
			}
			return err
		}
	}
	el := time.Since(start)
	fmt.Printf("sent %d frames in %.3fs (%.0f/s)\n", count, el.Seconds(), float64(count)/el.Seconds())
	return nil
}

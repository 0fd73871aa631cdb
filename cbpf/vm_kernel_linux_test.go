package cbpf

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"net"
	"os"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/internal/classicgen"
	"github.com/gocap/gocap/internal/netns"
)

// TestVMKernelClassic holds cbpf.VM and NewVM's checks to the kernel's own
// classic BPF: 3,000 programs of every opcode (classicgen.Program, from a
// seeded generator) are attached with SO_ATTACH_FILTER to a packet socket
// on the loopback device (of a network namespace of its own), which must accept exactly the programs NewVM
// accepts (the kernel refuses reads of scratch slots no path has
// written, and constant shifts past 31); frames are then sent on the loopback device, and each must
// reach the socket exactly when VM.Run gives it a non-zero verdict,
// truncated to that many bytes, under the metadata the loopback device
// gives a received frame (interface lo, its ARPHRD_LOOPBACK type, the
// EtherType as protocol, the packet type its all-zero address gives, the
// network header after 14 bytes). A second socket without a filter on the
// same device says when the kernel has delivered a frame. Programs that
// read cpu, random or rxhash are left out (not reproducible here).
func TestVMKernelClassic(t *testing.T) {
	lo, filtered, witness := loopSockets(t)

	rng := rand.New(rand.NewPCG(1992, 12))
	frames := make([][]byte, 6)
	for i := range frames {
		f := make([]byte, 14+rng.IntN(90))
		for j := range f {
			f[j] = byte(rng.Uint32())
		}
		switch i {
		case 0: // to lo's own (all-zero) address: PACKET_HOST
			copy(f, make([]byte, 6))
			f[12], f[13] = 0x08, 0x00
		case 1: // multicast, IPv6
			f[0] |= 1
			f[12], f[13] = 0x86, 0xdd
		case 2: // to another host, ARP
			f[0] &^= 1
			f[12], f[13] = 0x08, 0x06
		case 3: // an 802.3 length field
			f[0] &^= 1
			f[12], f[13] = 0x00, byte(len(f)-14)
		}
		frames[i] = f
	}
	model := func(f []byte) Ancillary {
		a := Ancillary{Ifindex: uint32(lo.Index), Hatype: unix.ARPHRD_LOOPBACK, NetworkOffset: 14}
		switch proto := uint16(f[12])<<8 | uint16(f[13]); {
		case proto >= 0x0600:
			a.Protocol = proto
		case len(f) >= 16 && f[14] == 0xff && f[15] == 0xff:
			a.Protocol = unix.ETH_P_802_3
		default:
			a.Protocol = unix.ETH_P_802_2
		}
		switch {
		case f[0]&1 != 0:
			a.PktType = unix.PACKET_MULTICAST
		case !bytes.Equal(f[:6], make([]byte, 6)):
			a.PktType = unix.PACKET_OTHERHOST
		}
		return a
	}

	var programs, accepted, refused, runs, passed int
	for programs < 3000 {
		raw := classicgen.Random(rng, 40)
		if classicgen.LoadsAncillary(raw, 32, 36, 56) { // rxhash, cpu, random
			continue
		}
		programs++
		vm, vmErr := NewVM(Typed(raw))
		kernelErr := attachClassic(filtered, raw)
		listing, _ := Format(Typed(raw))
		if (vmErr == nil) != (kernelErr == nil) {
			t.Fatalf("NewVM says %v, the kernel's SO_ATTACH_FILTER %v:\n%s", vmErr, kernelErr, listing)
		}
		if vmErr != nil {
			refused++
			continue
		}
		accepted++
		drain(filtered)
		for _, f := range frames {
			want := vm.Run(f, uint32(len(f)), ptr(model(f)))
			got, ok, err := sendAndSee(witness, filtered, lo.Index, f)
			if err != nil {
				t.Fatal(err)
			}
			runs++
			if ok {
				passed++
			}
			switch {
			case want == 0 && ok:
				t.Fatalf("the kernel passes % x (%d bytes), VM.Run rejects it:\n%s", f, got, listing)
			case want != 0 && !ok:
				t.Fatalf("the kernel rejects % x, VM.Run passes %d bytes:\n%s", f, want, listing)
			case ok && got != min(int(want), len(f)):
				t.Fatalf("the kernel keeps %d bytes of % x, VM.Run %d:\n%s", got, f, want, listing)
			}
		}
	}
	t.Logf("%d classic programs: %d refused by both NewVM and the kernel, %d accepted by both; %d frames delivered as VM.Run says (%d passed)", programs, refused, accepted, runs, passed)
	if passed < runs/10 || refused > programs*3/4 {
		t.Errorf("the sample no longer exercises much: %d of %d runs passed, %d of %d programs refused", passed, runs, refused, programs)
	}
}

func ptr[T any](v T) *T { return &v }

// loopSockets opens the two packet sockets of the kernel differentials,
// the one to attach filters to and the witness, on the loopback device of
// a network namespace of their own (no other traffic reaches them, and
// theirs reaches no other test), and closes them when the test ends; it
// skips the test without the privilege.
func loopSockets(t *testing.T) (lo *net.Interface, filtered, witness int) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (a network namespace and packet sockets); skipping")
	}
	err := netns.Do(func() error {
		var err error
		if lo, err = net.InterfaceByName("lo"); err != nil {
			return err
		}
		for _, fd := range []*int{&filtered, &witness} {
			if *fd, err = loopSocket(lo.Index); err != nil {
				return err
			}
		}
		return nil
	})
	for _, fd := range []int{filtered, witness} {
		if fd > 0 {
			t.Cleanup(func() { unix.Close(fd) })
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return lo, filtered, witness
}

// loopSocket opens a packet socket bound to the interface index for every
// protocol that ignores the frames it sends itself.
func loopSocket(index int) (int, error) {
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(unix.ETH_P_ALL)))
	if err != nil {
		return -1, err
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1); err != nil {
		unix.Close(fd)
		return -1, err
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: index}); err != nil {
		unix.Close(fd)
		return -1, err
	}
	// Room for bursts of other tests' traffic on lo, so that the frames
	// sent here are not dropped for want of it.
	if unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, 8<<20) != nil {
		unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, 8<<20)
	}
	tv := unix.NsecToTimeval(int64(2 * time.Second))
	if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
		unix.Close(fd)
		return -1, err
	}
	return fd, nil
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// attachClassic attaches raw to fd with SO_ATTACH_FILTER.
func attachClassic(fd int, raw []bpf.RawInstruction) error {
	filter := make([]unix.SockFilter, len(raw))
	for i, in := range raw {
		filter[i] = unix.SockFilter{Code: in.Op, Jt: in.Jt, Jf: in.Jf, K: in.K}
	}
	prog := unix.SockFprog{Len: uint16(len(filter)), Filter: unsafe.SliceData(filter)}
	return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &prog)
}

// drain reads whatever fd has queued.
func drain(fd int) {
	buf := make([]byte, 2048)
	for {
		if _, _, err := unix.Recvfrom(fd, buf, unix.MSG_DONTWAIT); err != nil {
			return
		}
	}
}

// sendAndSee sends f on the interface from the witness socket, waits
// until the witness receives it back (the kernel has then run every
// socket's filter on it), and reports how many bytes of it the filtered
// socket received, if it did.
func sendAndSee(witness, filtered, index int, f []byte) (int, bool, error) {
	to := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: index, Halen: 6}
	copy(to.Addr[:], f[:6])
	drain(witness)
	drain(filtered)
	if err := unix.Sendto(witness, f, 0, to); err != nil {
		return 0, false, err
	}
	buf := make([]byte, 2048)
	for {
		n, _, err := unix.Recvfrom(witness, buf, 0)
		if err != nil {
			return 0, false, errors.New("the witness socket did not see the frame: " + err.Error())
		}
		if bytes.Equal(buf[:n], f) {
			break
		}
	}
	seen, ok := 0, false
	for {
		n, _, err := unix.Recvfrom(filtered, buf, unix.MSG_DONTWAIT)
		if err != nil {
			return seen, ok, nil
		}
		if n > 0 && bytes.Equal(buf[:n], f[:n]) {
			seen, ok = n, true
		}
	}
}

// TestVMNetlinkAttributesKernel checks the netlink attribute extensions
// against the kernel: "ld #A; ldx #X; ld [nlattr or nlattr_nest]; add #1;
// ret a" attached to a packet socket on the loopback device keeps as many
// bytes of a frame as the offset the extension found plus one, for every
// start A over a frame that carries a chain of netlink attributes (plain,
// nested, with flags in the type, unaligned lengths, a bad length), and
// for attribute types X that are there, are there only with flags, or are
// not there; VM.Run must keep as many.
func TestVMNetlinkAttributesKernel(t *testing.T) {
	lo, filtered, witness := loopSockets(t)

	attr := func(typ uint16, body ...byte) []byte {
		b := []byte{byte(4 + len(body)), byte((4 + len(body)) >> 8), byte(typ), byte(typ >> 8)}
		b = append(b, body...)
		for len(b)%4 != 0 {
			b = append(b, 0xee)
		}
		return b
	}
	var chain []byte
	chain = append(chain, attr(1, 1, 2, 3, 4)...)
	nested := append(attr(5, 9, 9, 9, 9), attr(6|0x4000, 7)...)
	chain = append(chain, attr(2|0x8000, nested...)...)
	chain = append(chain, attr(3, 0xaa)...)
	chain = append(chain, attr(0x4003, 1, 2)...)
	chain = append(chain, 0xff, 0x00, 7, 0) // a length past the end
	frame := append([]byte{0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0x12, 0x34}, chain...)
	frame = append(frame, make([]byte, 200-len(frame))...)

	var runs, found int
	for _, anc := range []uint32{12, 16} {
		for a := uint32(0); a < 80; a++ {
			for _, x := range []uint32{0, 1, 2, 3, 5, 6, 7, 0x4003, 0x8002, 0xffff} {
				raw := []bpf.RawInstruction{{Op: 0x00, K: a}, {Op: 0x01, K: x}, {Op: 0x20, K: 0xfffff000 + anc}, {Op: 0x04, K: 1}, {Op: 0x16}}
				vm, err := NewVM(Typed(raw))
				if err != nil {
					t.Fatal(err)
				}
				if err := attachClassic(filtered, raw); err != nil {
					t.Fatal(err)
				}
				drain(filtered)
				got, ok, err := sendAndSee(witness, filtered, lo.Index, frame)
				if err != nil {
					t.Fatal(err)
				}
				want := vm.Run(frame, uint32(len(frame)), &Ancillary{})
				if !ok || got != int(want) {
					t.Fatalf("ld #%d; ldx #%#x; ld [SKF_AD_OFF+%d]: the kernel keeps %d bytes (delivered %v), VM.Run %d", a, x, anc, got, ok, want)
				}
				runs++
				if want > 1 {
					found++
				}
			}
		}
	}
	t.Logf("%d searches agree with the kernel, %d of them finding an attribute", runs, found)
	if found < 10 {
		t.Errorf("only %d searches found an attribute: the frame no longer tests much", found)
	}
}

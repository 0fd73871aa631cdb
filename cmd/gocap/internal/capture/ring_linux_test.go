//go:build linux

package capture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gocap/gocap/internal/netns"
)

// fakeBlock lays out a TPACKET_V3 block as the kernel does
// (linux/if_packet.h, af_packet.c's prb_fill_curr_block): the block
// descriptor, then each packet's tpacket3_hdr, its sockaddr_ll and its
// bytes at tp_mac, the next packet 16-byte aligned behind, the last one
// with tp_next_offset 0.
func fakeBlock(size int, pkts [][]byte, mac int) []byte {
	b := make([]byte, size)
	ne := binary.NativeEndian
	ne.PutUint32(b[blockNumOff:], uint32(len(pkts)))
	ne.PutUint32(b[blockFirstOff:], blockHeaderLen)
	off := blockHeaderLen
	for i, p := range pkts {
		next := (mac + len(p) + 15) &^ 15
		if i == len(pkts)-1 {
			next = 0
		}
		ne.PutUint32(b[off:], uint32(next))
		ne.PutUint32(b[off+4:], uint32(1000+i))  // tp_sec
		ne.PutUint32(b[off+12:], uint32(len(p))) // tp_snaplen
		ne.PutUint32(b[off+16:], uint32(len(p)+100))
		ne.PutUint16(b[off+24:], uint16(mac))
		ne.PutUint32(b[off+tpacket3HeaderLen+4:], uint32(7+i)) // sll_ifindex
		copy(b[off+mac:], p)
		off += next
	}
	return b
}

func TestBlockWalker(t *testing.T) {
	pkts := [][]byte{[]byte("first packet"), bytes.Repeat([]byte{0xab}, 61), []byte("x")}
	b := fakeBlock(4096, pkts, 82)
	w := newBlockWalker(b, len(pkts))
	for i, want := range pkts {
		hdr, data, ll, err := w.next()
		if err != nil || hdr == nil {
			t.Fatalf("packet %d: %v, %v", i, hdr, err)
		}
		if !bytes.Equal(data, want) || hdr.sec != uint32(1000+i) || hdr.length != uint32(len(want)+100) || ll.ifindex != int32(7+i) {
			t.Errorf("packet %d: %q sec %d len %d ifindex %d", i, data, hdr.sec, hdr.length, ll.ifindex)
		}
		if cap(data) != len(data) {
			t.Errorf("packet %d: the slice reaches past the packet (cap %d, len %d)", i, cap(data), len(data))
		}
	}
	if hdr, _, _, err := w.next(); hdr != nil || err != nil {
		t.Errorf("after the last packet: %v, %v", hdr, err)
	}
}

// A ring whose headers point outside their block is reported, never read
// out of bounds.
func TestBlockWalkerRejectsBadOffsets(t *testing.T) {
	ne := binary.NativeEndian
	for name, spoil := range map[string]func(b []byte){
		"first packet past the end":      func(b []byte) { ne.PutUint32(b[blockFirstOff:], 5000) },
		"first packet in the descriptor": func(b []byte) { ne.PutUint32(b[blockFirstOff:], 8) },
		"data past the end":              func(b []byte) { ne.PutUint32(b[blockHeaderLen+12:], 4000) },
		"data inside the header":         func(b []byte) { ne.PutUint16(b[blockHeaderLen+24:], 10) },
		"next packet past the end":       func(b []byte) { ne.PutUint32(b[blockHeaderLen:], 1<<20) },
	} {
		b := fakeBlock(4096, [][]byte{[]byte("one"), []byte("two")}, 82)
		spoil(b)
		w := newBlockWalker(b, 2)
		var err error
		for range 2 {
			if _, _, _, err = w.next(); err != nil {
				break
			}
		}
		if err == nil || !strings.Contains(err.Error(), "outside") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// inNewNetns runs fn on a thread in a network namespace of its own, with
// lo up; the sockets fn opens stay there. The thread is thrown away.
func inNewNetns(t *testing.T, fn func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (a network namespace and packet sockets); skipping")
	}
	if err := netns.Do(func() error { fn(); return nil }); err != nil {
		t.Fatal(err)
	}
}

// openLo opens handles captures on lo with cfg in a network namespace
// of their own, and senders UDP sockets there, each sending from its own
// port to one listener on 127.0.0.1 (so that no port unreachable message
// comes back, and PACKET_FANOUT spreads the flows over the workers). The
// test's cleanup closes them.
func openLo(t *testing.T, cfg Config, handles, senders int) ([]*Handle, []*net.UDPConn) {
	t.Helper()
	var hs []*Handle
	var conns []*net.UDPConn
	inNewNetns(t, func() {
		sink, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9})
		if err != nil {
			t.Error(err)
			return
		}
		t.Cleanup(func() { sink.Close() })
		for range handles {
			h, err := Open(cfg)
			if err != nil {
				t.Error(err)
				return
			}
			t.Cleanup(h.Close)
			hs = append(hs, h)
		}
		for range senders {
			c, err := net.DialUDP("udp4", nil, sink.LocalAddr().(*net.UDPAddr))
			if err != nil {
				t.Error(err)
				return
			}
			t.Cleanup(func() { c.Close() })
			conns = append(conns, c)
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	return hs, conns
}

// TestStopWakesRun checks that Stop ends a Run that is waiting for
// packets that no longer come (the reader has no timeout that would let
// it notice otherwise), and that Close stops a running Run and waits for
// it before releasing the ring.
func TestStopWakesRun(t *testing.T) {
	hs, conns := openLo(t, Config{Device: "lo", Immediate: true}, 2, 1)
	conn := conns[0]
	for i, end := range []func(*Handle){(*Handle).Stop, (*Handle).Close} {
		h := hs[i]
		started := make(chan struct{})
		done := make(chan error)
		go func() {
			first := true
			done <- h.Run(func(*Packet) error {
				if first {
					close(started)
					first = false
				}
				return nil
			}, nil)
		}()
		// Run is running once it has handed out a packet; then it
		// waits for the next block, which never comes.
		conn.Write([]byte("gocap-wake"))
		select {
		case <-started:
		case <-time.After(time.Minute):
			t.Fatalf("capture %d: no packet a minute later", i)
		}
		end(h)
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("capture %d: Run: %v", i, err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("capture %d: Run still waits a minute after Stop or Close", i)
		}
		h.Close()
		h.Close() // twice is harmless
		h.Stop()  // and so is Stop after Close
	}
}

// TestRunHandsOutPackets captures three UDP datagrams sent over lo and
// checks their bytes, and that each is seen once (the loopback device's
// outgoing copy is suppressed, as libpcap does).
func TestRunHandsOutPackets(t *testing.T) {
	hs, conns := openLo(t, Config{Device: "lo", Immediate: true}, 1, 1)
	h, conn := hs[0], conns[0]
	for _, m := range []string{"one", "two", "three"} {
		conn.Write([]byte("gocap-ring-" + m))
	}
	var got []string
	errc := make(chan error)
	go func() {
		errc <- h.Run(func(p *Packet) error {
			if i := bytes.Index(p.Data, []byte("gocap-ring-")); i >= 0 {
				got = append(got, string(p.Data[i:]))
				if p.Length != len(p.Data) || p.Sec == 0 {
					t.Errorf("%q: length %d for %d bytes, time %v", p.Data[i:], p.Length, len(p.Data), p.Time())
				}
			}
			if len(got) == 3 {
				return ErrStop
			}
			return nil
		}, nil)
	}()
	awaitRun(t, h, errc, func() string { return fmt.Sprintf("a minute later, only %q", got) })
	if strings.Join(got, " ") != "gocap-ring-one gocap-ring-two gocap-ring-three" {
		t.Errorf("got %q", got)
	}
	// The outgoing copies must not have reached the ring at all.
	st, err := h.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Received != 3 {
		t.Errorf("the kernel filter passed %d packets, want the 3 incoming copies", st.Received)
	}
}

// awaitRun waits for the Run reporting on errc to end, failing t on its
// error; a Run still going a minute later is stopped, and t fails with
// what stuck says then.
func awaitRun(t *testing.T, h *Handle, errc <-chan error, stuck func() string) {
	t.Helper()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		h.Stop()
		<-errc
		t.Fatal(stuck())
	}
}

package ebpf

import (
	"errors"
	"math/rand/v2"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/classicgen"
	"github.com/gocap/gocap/translate"
)

// TestTranslatedClassicKernel is FuzzTranslatedClassic's kernel half, on
// a fixed sample: 2,000 classic programs built by classicgen.Program from a
// seeded generator, each translated for the socket, TC and XDP targets,
// loaded through the kernel's verifier (every translation of a program
// cbpf.NewVM accepts must load) and test-run on a few frames; the kernel's
// verdicts must be cbpf.VM's under the metadata a test run gives a frame
// arriving on the loopback device (see golden/diff_test.go's
// modelAncillary, which golden checks against the kernel field by field).
// Programs reading cpu or random are left out: their values are not
// reproducible.
func TestTranslatedClassicKernel(t *testing.T) {
	mayLoadBPF(t)

	frames := [][]byte{
		// IPv4 UDP to a host address (PACKET_HOST on loopback: all-zero MAC).
		{0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0x08, 0x00,
			0x45, 0, 0, 0x24, 0x12, 0x34, 0x40, 0, 0x40, 0x11, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
			0x00, 0x35, 0x04, 0xd2, 0x00, 0x10, 0, 0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'},
		// IPv6 TCP to a multicast MAC.
		append([]byte{0x33, 0x33, 0, 0, 0, 1, 2, 0, 0, 0, 0, 1, 0x86, 0xdd,
			0x60, 0, 0, 0, 0, 20, 6, 64}, append(make([]byte, 32),
			0x01, 0xbb, 0xc3, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0)...),
		// ARP to broadcast, and a VLAN-tagged frame to another host.
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x08, 0x06,
			0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2},
		{2, 0, 0, 0, 0, 9, 2, 0, 0, 0, 0, 1, 0x81, 0x00, 0x20, 0x0a, 0x08, 0x00,
			0x45, 0, 0, 0x14, 0, 1, 0, 0, 0x40, 0x06, 0, 0, 192, 168, 0, 1, 192, 168, 0, 2},
	}
	type run struct {
		frame       []byte
		skb, xdp    cbpf.Ancillary
		skbRunnable bool
	}
	var runs []run
	for _, f := range frames {
		r := run{frame: f, skbRunnable: true}
		r.skb = cbpf.Ancillary{Ifindex: 1, NetworkOffset: 14, Protocol: uint16(f[12])<<8 | uint16(f[13])}
		switch {
		case f[0]&1 != 0:
			r.skb.PktType = 2 // PACKET_MULTICAST: loopback's broadcast address is all zeros
		case string(f[:6]) != "\x00\x00\x00\x00\x00\x00":
			r.skb.PktType = 3 // PACKET_OTHERHOST
		}
		r.xdp = cbpf.Ancillary{Ifindex: 1, NetworkOffset: 1 << 30}
		runs = append(runs, r)
	}

	rng := rand.New(rand.NewPCG(20261207, 1))
	var programs, loaded, tested, accepted, skipped int
	for programs < 2000 {
		raw := classicgen.Random(rng, 40)
		if classicgen.LoadsAncillary(raw, 36, 56) { // cpu, random
			continue
		}
		prog := cbpf.Typed(raw)
		ref, err := cbpf.NewVM(prog)
		if err != nil {
			continue
		}
		programs++
		for _, target := range []translate.Target{0, translate.TC, translate.XDP} {
			var insns asm.Instructions
			var kp *cebpf.Program
			if target == 0 {
				insns, err = translate.SocketFilter(prog)
			} else {
				insns, err = translate.Direct(prog, target)
			}
			if errors.Is(err, translate.ErrUnsupported) && (target == translate.XDP || classicgen.LoadsAncillary(raw, 12, 16, 28)) { // nlattr, nlattr_nest, hatype: no __sk_buff field
				skipped++
				continue
			}
			if err != nil {
				t.Fatalf("translate for %v: %v\n%s", target, err, classicListing(raw))
			}
			switch target {
			case translate.XDP:
				kp, err = LoadXDP(insns)
			default: // the socket body runs as SchedCLS to see the frame from its link-layer header
				kp, err = LoadSchedCLS(insns)
			}
			if err != nil {
				t.Fatalf("the verifier refuses the %v translation: %v\n%s", target, err, classicListing(raw))
			}
			loaded++
			for _, r := range runs {
				got, err := TestRun(kp, r.frame)
				if err != nil {
					kp.Close()
					t.Fatalf("%v test run: %v", target, err)
				}
				tested++
				n := uint32(len(r.frame))
				var want uint32
				switch target {
				case 0:
					want = ref.Run(r.frame, n, &r.skb)
				case translate.TC:
					direct := r.skb
					direct.NetworkOffset = 1 << 30
					want = translate.TCActShot
					if ref.Run(r.frame, n, &direct) != 0 {
						want = translate.TCActOK
					}
				case translate.XDP:
					want = translate.XDPDrop
					if ref.Run(r.frame, n, &r.xdp) != 0 {
						want = translate.XDPPass
					}
				}
				if target == 0 && got != 0 || target != 0 && got != dropOf(target) {
					accepted++
				}
				if got != want && !(target != 0 && got == dropOf(target) && directDropsIndexed(raw, r.frame, &r.xdp)) {
					kp.Close()
					t.Fatalf("%v: the kernel gives %d, cbpf.VM %d on % x\n%s", target, got, want, r.frame, classicListing(raw))
				}
			}
			kp.Close()
		}
	}
	t.Logf("%d classic programs: %d translations loaded, %d kernel test runs agree with cbpf.VM, %d of them passing the frame (%d translations refused: hatype or netlink attributes, or sk_buff-only fields for XDP)", programs, loaded, tested, accepted, skipped)
	if accepted < tested/10 {
		t.Errorf("only %d of %d runs pass the frame: the sample no longer exercises much", accepted, tested)
	}
}

// mayLoadBPF skips the test unless this process may load BPF programs.
func mayLoadBPF(t *testing.T) {
	t.Helper()
	probe, err := LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: loading a BPF program failed with EPERM; run the tests as root or with CAP_BPF (%v)", err)
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	probe.Close()
}

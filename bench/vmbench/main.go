// Command vmbench measures how long each of gocap's in-process filter engines
// takes per packet, over the packets of real captures, for a list of filter
// expressions. It is the Go half of bench/vm.sh, whose C half
// (bench/libpcap) times libpcap's interpreter on the same packets.
//
// Usage:
//
//	vmbench [-filters FILE] [-reps N] [-min DURATION] [-dump FILE] [-engine NAME -passes N] PCAP...
//
// It reads the Ethernet records of each classic pcap file given (files of
// other link types or formats are skipped), compiles each filter of FILE
// (one expression a line) with the optimizer on for DLT_EN10MB, and runs it
// over every packet with:
//
//	ebpf-socket  the eBPF VM (package ebpf) on translate.SocketFilter's program (LD_ABS/LD_IND),
//	             a pass in one RunSocketBatch
//	ebpf-xdp     the eBPF VM on translate.Direct(XDP)'s program (direct packet access),
//	             a pass in one RunXDPBatch
//	ebpf-socket-1, ebpf-xdp-1  the same, one RunSocket or RunXDP call a packet
//	             (as bench/libpcap calls bpf_filter)
//	cbpf         gocap's classic interpreter as a kernel socket filter (cbpf.NewVM)
//	cbpf-pcap    gocap's classic interpreter as libpcap's bpf_filter (cbpf.NewVMLibpcap,
//	             what gocap --engine cbpf runs on a savefile)
//	xnet         golang.org/x/net/bpf's VM
//
// Each measurement runs whole passes over the packets for at least -min of the
// thread's CPU time (time spent waiting for a CPU on a shared machine is not
// counted; bench/libpcap measures the same way), -reps times, and keeps the
// fastest; engines are interleaved per repetition so
// that load on a shared machine hits them alike. Output is one tab-separated
// line per engine and filter: engine, filter, ns/packet, matched packets,
// packets, program length (slots or instructions).
//
// -dump writes the packets it loaded, in order, to a classic pcap file, so
// that the C program times exactly the same packets.
//
// -passes N runs exactly N passes of each engine (only -engine NAME, when
// given) once, without timing, and prints engine, filter, matched packets and
// packets: for counting instructions with valgrind --tool=cachegrind, where
// the difference between two pass counts, divided by the extra passes and
// packets, is the instructions per packet free of the set-up (bench/vm.sh --instructions).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/savefile"
	"github.com/gocap/gocap/translate"
)

// packet is a loaded packet: its captured bytes (Data) and its length on
// the wire (Len, never 0 here), in the form the eBPF VM's batch runs take.
type packet = ebpf.Packet

// engine runs one compiled filter over all packets once and returns how many
// it accepted.
type engine struct {
	name string
	size int
	pass func(pkts []packet) (int, error)
}

func main() {
	filters := flag.String("filters", "bench/vm-filters.txt", "`FILE` of filter expressions, one a line")
	reps := flag.Int("reps", 5, "repetitions per measurement (the fastest counts)")
	minDur := flag.Duration("min", 100*time.Millisecond, "least time per repetition")
	dump := flag.String("dump", "", "write the loaded packets to this pcap `FILE`")
	only := flag.String("engine", "", "run only the engine `NAME` (ebpf-socket, ebpf-xdp, cbpf, cbpf-pcap, xnet)")
	count := flag.Int("passes", 0, "run exactly `N` passes, untimed (for instruction counts)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: vmbench [-filters FILE] [-reps N] [-min DURATION] [-dump FILE] PCAP...")
		os.Exit(2)
	}
	var pkts []packet
	for _, f := range flag.Args() {
		p, err := readPcap(f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "vmbench: %s: %v\n", f, err)
			os.Exit(1)
		}
		pkts = append(pkts, p...)
	}
	if len(pkts) == 0 {
		fmt.Fprintln(os.Stderr, "vmbench: no Ethernet packets in the files given")
		os.Exit(1)
	}
	if *dump != "" {
		if err := writePcap(*dump, pkts); err != nil {
			fmt.Fprintf(os.Stderr, "vmbench: %v\n", err)
			os.Exit(1)
		}
	}
	// Times are the CPU time of this thread (cputime_*.go), so the thread
	// must stay the same one.
	runtime.LockOSThread()
	exprs, err := readFilters(*filters)
	if err != nil {
		fmt.Fprintf(os.Stderr, "vmbench: %v\n", err)
		os.Exit(1)
	}
	for _, expr := range exprs {
		engines, err := build(expr)
		if err != nil {
			fmt.Fprintf(os.Stderr, "vmbench: %q: %v\n", expr, err)
			os.Exit(1)
		}
		if *count > 0 {
			for _, e := range engines {
				if *only != "" && e.name != *only {
					continue
				}
				m := 0
				for range *count {
					if m, err = e.pass(pkts); err != nil {
						fmt.Fprintf(os.Stderr, "vmbench: %q: %s: %v\n", expr, e.name, err)
						os.Exit(1)
					}
				}
				fmt.Printf("%s\t%s\t%d\t%d\n", e.name, expr, m, len(pkts))
			}
			continue
		}
		best := make([]time.Duration, len(engines))
		passes := make([]int, len(engines))
		matched := make([]int, len(engines))
		for rep := 0; rep < *reps; rep++ {
			for i, e := range engines {
				n, d, m, err := measure(e, pkts, *minDur)
				if err != nil {
					fmt.Fprintf(os.Stderr, "vmbench: %q: %s: %v\n", expr, e.name, err)
					os.Exit(1)
				}
				if rep == 0 || d*time.Duration(passes[i]) < best[i]*time.Duration(n) {
					best[i], passes[i] = d, n
				}
				matched[i] = m
			}
		}
		for i, e := range engines {
			ns := float64(best[i].Nanoseconds()) / float64(passes[i]) / float64(len(pkts))
			fmt.Printf("%s\t%s\t%.2f\t%d\t%d\t%d\n", e.name, expr, ns, matched[i], len(pkts), e.size)
		}
	}
}

// measure runs passes of e over pkts until at least min has passed and
// returns the number of passes, their total time and the matches of one pass.
func measure(e engine, pkts []packet, min time.Duration) (passes int, d time.Duration, matched int, err error) {
	start := threadTime()
	for {
		matched, err = e.pass(pkts)
		if err != nil {
			return 0, 0, 0, err
		}
		passes++
		if d = threadTime() - start; d >= min {
			return passes, d, matched, nil
		}
	}
}

func build(expr string) ([]engine, error) {
	prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true, Offline: true})
	if err != nil {
		return nil, err
	}
	sock, err := translate.SocketFilter(prog)
	if err != nil {
		return nil, fmt.Errorf("translate socket: %w", err)
	}
	svm, err := ebpf.NewVM(sock)
	if err != nil {
		return nil, fmt.Errorf("ebpf socket: %w", err)
	}
	direct, err := translate.Direct(prog, translate.XDP)
	if err != nil {
		return nil, fmt.Errorf("translate xdp: %w", err)
	}
	xvm, err := ebpf.NewVM(direct)
	if err != nil {
		return nil, fmt.Errorf("ebpf xdp: %w", err)
	}
	cvm, err := cbpf.NewVM(prog)
	if err != nil {
		return nil, fmt.Errorf("cbpf: %w", err)
	}
	pvm, err := cbpf.NewVMLibpcap(prog)
	if err != nil {
		return nil, fmt.Errorf("cbpf libpcap: %w", err)
	}
	nvm, err := bpf.NewVM(prog)
	if err != nil {
		return nil, fmt.Errorf("x/net/bpf: %w", err)
	}
	skb, md := &ebpf.SKBuff{}, &ebpf.XDPMD{}
	return []engine{
		// The eBPF engines run each pass as one batch (the packet's Len is
		// skb.Len, or what bpf_xdp_get_buff_len gives: translate's len).
		batchEngine("ebpf-socket", svm.Len(), func(pkts []packet, v []uint32) (int, error) {
			return svm.RunSocketBatch(pkts, nil, v)
		}, 0),
		batchEngine("ebpf-xdp", xvm.Len(), func(pkts []packet, v []uint32) (int, error) {
			return xvm.RunXDPBatch(pkts, nil, v)
		}, translate.XDPDrop),
		// The same VMs called once a packet, as libpcap's bpf_filter is
		// (the loops written out: a call through a function value would
		// be counted against the VM).
		{"ebpf-socket-1", svm.Len(), func(pkts []packet) (int, error) {
			n := 0
			for _, p := range pkts {
				skb.Len = p.Len
				v, err := svm.RunSocket(p.Data, skb)
				if err != nil {
					return 0, err
				}
				if v != 0 {
					n++
				}
			}
			return n, nil
		}},
		{"ebpf-xdp-1", xvm.Len(), func(pkts []packet) (int, error) {
			n := 0
			for _, p := range pkts {
				md.FrameLen = p.Len // what bpf_xdp_get_buff_len gives: len
				v, err := xvm.RunXDP(p.Data, md)
				if err != nil {
					return 0, err
				}
				if v != translate.XDPDrop {
					n++
				}
			}
			return n, nil
		}},
		classicEngine("cbpf", len(prog), cvm),
		classicEngine("cbpf-pcap", len(prog), pvm),
		{"xnet", len(prog), func(pkts []packet) (int, error) {
			n := 0
			for _, p := range pkts {
				v, err := nvm.Run(p.Data)
				if err != nil {
					return 0, err
				}
				if v != 0 {
					n++
				}
			}
			return n, nil
		}},
	}, nil
}

// batchEngine is an engine that runs a pass as one batch, run, and counts
// the verdicts other than drop.
func batchEngine(name string, size int, run func([]packet, []uint32) (int, error), drop uint32) engine {
	var verdicts []uint32
	return engine{name, size, func(pkts []packet) (int, error) {
		verdicts = slices.Grow(verdicts[:0], len(pkts))[:len(pkts)]
		if _, err := run(pkts, verdicts); err != nil {
			return 0, err
		}
		n := 0
		for _, v := range verdicts {
			if v != drop {
				n++
			}
		}
		return n, nil
	}}
}

// classicEngine runs vm, gocap's classic interpreter, on each packet.
func classicEngine(name string, size int, vm *cbpf.VM) engine {
	return engine{name, size, func(pkts []packet) (int, error) {
		n := 0
		for _, p := range pkts {
			if vm.Run(p.Data, p.Len, nil) != 0 {
				n++
			}
		}
		return n, nil
	}}
}

func readFilters(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
}

// readPcap returns the records of a capture file whose link type is
// Ethernet, read with savefile as libpcap reads them (a record longer than
// the snapshot length cut to it), and nothing for other files (not a
// capture, other link types). A damaged trailing record ends the list.
func readPcap(path string) ([]packet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r, err := savefile.Open(bytes.NewReader(b), savefile.Micro)
	if err != nil || r.LinkType() != cbpf.LinkEN10MB {
		return nil, nil
	}
	recs, _ := savefile.ReadAll(r)
	pkts := make([]packet, len(recs))
	for i, p := range recs {
		pkts[i] = packet{Data: p.Data[:len(p.Data):len(p.Data)], Len: max(p.WireLen, uint32(len(p.Data)))}
	}
	return pkts, nil
}

// writePcap writes pkts as a little-endian, microsecond pcap file of link
// type Ethernet with zero timestamps.
func writePcap(path string, pkts []packet) error {
	recs := make([]savefile.Packet, len(pkts))
	for i, p := range pkts {
		recs[i] = savefile.Packet{Record: savefile.Record{WireLen: p.Len}, Data: p.Data}
	}
	return savefile.WriteFile(path, nil, cbpf.LinkEN10MB.FileValue(), 1<<18, savefile.Micro, recs)
}

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/savefile"
	"github.com/gocap/gocap/translate"
)

// This file is --test-run: the filter runs over a capture file in the
// classic interpreter, in the eBPF VM and, with --kernel, in the kernel,
// and filterc reports what each kept and where they disagree.

// capPacket is one packet of the capture file.
type capPacket struct {
	data     []byte
	wireLen  uint32
	linkType cbpf.LinkType
}

// readCapture reads every packet of a pcap or pcapng file with savefile's
// reader, so that the packets are the ones tcpdump would filter: records
// cut to the file's snapshot length, each with its interface's link type.
func readCapture(name string) ([]capPacket, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("--test-run: %w", err)
	}
	defer f.Close()
	r, err := savefile.OpenMixed(f, savefile.Micro)
	if err != nil {
		return nil, fmt.Errorf("--test-run: %s: %w", name, err)
	}
	var pkts []capPacket
	for {
		data, rec, err := r.Next()
		if err == io.EOF {
			return pkts, nil
		}
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), "pcap_loop: ")
			return nil, fmt.Errorf("--test-run: %s: packet %d: %s", name, len(pkts)+1, msg)
		}
		pkts = append(pkts, capPacket{data: bytes.Clone(data), wireLen: max(rec.WireLen, uint32(len(data))), linkType: rec.LinkType})
	}
}

// verdict is what one engine did with one packet.
type verdict struct {
	value uint32
	keep  bool
	err   error // the engine failed on the packet
	skip  bool  // the engine could not run the packet
}

func (v verdict) String() string {
	switch {
	case v.skip:
		return "not run"
	case v.err != nil:
		return "error: " + v.err.Error()
	case v.keep:
		return fmt.Sprintf("keeps (%d)", v.value)
	}
	return fmt.Sprintf("drops (%d)", v.value)
}

// runEngine runs one compiled filter on a packet.
type runEngine func(pkt capPacket) verdict

// engines are the engines of a test run, for one link type.
type engines struct {
	names []string
	run   []runEngine
	close func()
}

// minKernelPacket is the shortest packet BPF_PROG_TEST_RUN takes for these
// program types: an Ethernet header.
const minKernelPacket = 14

// newEngines compiles the filter for the link type lt and builds each
// engine.
func newEngines(cfg config, lt cbpf.LinkType) (*engines, error) {
	classic, err := classicProgram(cfg, lt)
	if err != nil {
		return nil, err
	}
	tgt := cfg.effectiveTarget()
	info := tgt.Info()
	insns, err := translate.ForTarget(classic, tgt)
	if err != nil {
		return nil, err
	}
	cvm, err := cbpf.NewVMLibpcap(classic)
	if err != nil {
		return nil, fmt.Errorf("classic interpreter: %w", err)
	}
	var curLen uint32 // the packet being run, for bpf_xdp_get_buff_len
	evm, err := ebpf.NewVM(insns, vmHelpers(&curLen)...)
	if err != nil {
		return nil, fmt.Errorf("eBPF VM: %w", err)
	}
	e := &engines{close: func() {}}
	e.names = append(e.names, "classic interpreter (cbpf)", fmt.Sprintf("eBPF VM (%s)", info.Name))
	e.run = append(e.run,
		func(pkt capPacket) verdict {
			v := cvm.Run(pkt.data, pkt.wireLen, nil)
			return verdict{value: v, keep: v != 0}
		},
		func(pkt capPacket) verdict {
			var v uint32
			var err error
			curLen = pkt.wireLen
			if info.Context == translate.ContextXDPMD {
				v, err = evm.RunXDP(append([]byte(nil), pkt.data...), nil)
			} else {
				v, err = evm.RunSocket(pkt.data, &ebpf.SKBuff{Len: pkt.wireLen})
			}
			return verdict{value: v, keep: tgt.Keeps(v), err: err}
		})
	if cfg.kernel {
		// A socket filter test-run sees the packet from the network
		// header; as SCHED_CLS (its TestRunAs) the same program sees the
		// whole frame, as it would on a packet socket.
		as := info.TestRunAs.Info()
		kind := strings.TrimPrefix(as.KernelType, "BPF_PROG_TYPE_")
		prog, err := ebpf.Load(as.ProgramType, insns, ebpf.LoadOptions{})
		if err != nil {
			if errors.Is(err, syscall.EPERM) {
				return nil, fmt.Errorf("--kernel: the kernel does not allow this process to load BPF programs (run as root, or with CAP_BPF and CAP_NET_ADMIN): %v", err)
			}
			return nil, fmt.Errorf("--kernel: %w", err)
		}
		e.close = func() { prog.Close() }
		e.names = append(e.names, fmt.Sprintf("kernel (%s as %s, BPF_PROG_TEST_RUN)", info.Name, kind))
		e.run = append(e.run, func(pkt capPacket) verdict {
			if len(pkt.data) < minKernelPacket {
				return verdict{skip: true}
			}
			v, err := ebpf.TestRun(prog, pkt.data)
			return verdict{value: v, keep: tgt.Keeps(v), err: err}
		})
	}
	return e, nil
}

// vmHelpers registers the kernel helpers translated programs call, with
// the values the classic interpreter's zero Ancillary gives: CPU 0, random
// number 0, and for bpf_xdp_get_buff_len the length *length.
func vmHelpers(length *uint32) []ebpf.Option {
	constant := func(v uint64) ebpf.HelperFunc {
		return func(_, _, _, _, _ uint64) (uint64, error) { return v, nil }
	}
	return []ebpf.Option{
		ebpf.WithHelper(int32(asm.FnGetSmpProcessorId), constant(0)),
		ebpf.WithHelper(int32(asm.FnGetPrandomU32), constant(0)),
		ebpf.WithHelper(int32(asm.FnXdpGetBuffLen), func(_, _, _, _, _ uint64) (uint64, error) { return uint64(*length), nil }),
	}
}

// maxShown is how many disagreeing packets a test run lists.
const maxShown = 50

// testRun is --test-run.
func testRun(cfg config, stdout io.Writer) error {
	pkts, err := readCapture(cfg.testRun)
	if err != nil {
		return err
	}
	byLT := make(map[cbpf.LinkType]*engines)
	defer func() {
		for _, e := range byLT {
			e.close()
		}
	}()
	var names []string
	var kept, ran, skipped, failed []int
	var firstErr []error
	disagree, truncated := 0, 0
	var shown []string
	var linkTypes []string
	for n, pkt := range pkts {
		if cfg.linkTypeSet && pkt.linkType != cfg.opts.LinkType {
			return fmt.Errorf("--test-run: -y %s, but packet %d of %s is %s", cfg.opts.LinkType, n+1, cfg.testRun, pkt.linkType)
		}
		e := byLT[pkt.linkType]
		if e == nil {
			if e, err = newEngines(cfg, pkt.linkType); err != nil {
				return err
			}
			byLT[pkt.linkType] = e
			linkTypes = append(linkTypes, pkt.linkType.String())
			if names == nil {
				names = e.names
				kept, ran = make([]int, len(names)), make([]int, len(names))
				skipped, failed = make([]int, len(names)), make([]int, len(names))
				firstErr = make([]error, len(names))
			}
		}
		if uint32(len(pkt.data)) < pkt.wireLen {
			truncated++
		}
		vs := make([]verdict, len(e.run))
		agree := true
		var first *verdict
		for i, run := range e.run {
			vs[i] = run(pkt)
			switch {
			case vs[i].skip:
				skipped[i]++
				continue
			case vs[i].err != nil:
				// A run that failed has no verdict to compare.
				failed[i]++
				if firstErr[i] == nil {
					firstErr[i] = fmt.Errorf("packet %d: %w", n+1, vs[i].err)
				}
				continue
			case vs[i].keep:
				kept[i]++
			}
			ran[i]++
			if first == nil {
				first = &vs[i]
			} else if first.keep != vs[i].keep {
				agree = false
			}
		}
		if !agree {
			disagree++
			if len(shown) < maxShown {
				parts := make([]string, len(vs))
				for i, v := range vs {
					parts[i] = fmt.Sprintf("%s %s", shortName(names[i]), v)
				}
				shown = append(shown, fmt.Sprintf("packet %d (%d of %d bytes): %s", n+1, len(pkt.data), pkt.wireLen, strings.Join(parts, ", ")))
			}
		}
	}

	w := &errWriter{w: stdout}
	tgt := cfg.effectiveTarget()
	lts := strings.Join(linkTypes, ", ")
	if lts == "" {
		lts = "no"
	}
	what := exprName(cfg.expr)
	if cfg.classic != nil {
		what = "the program in " + cfg.classicFile
	}
	w.printf("test run: %s, %s (%s) from %s, eBPF target %s\n", what, nPackets(len(pkts)), lts, cfg.testRun, tgt.Info().Name)
	for i, name := range names {
		w.printf("  %-48s kept %d of %d", name, kept[i], ran[i])
		if skipped[i] > 0 {
			w.printf(" (%s shorter than %d bytes not run)", nPackets(skipped[i]), minKernelPacket)
		}
		if failed[i] > 0 {
			runs := "runs"
			if failed[i] == 1 {
				runs = "run"
			}
			w.printf(" (%d %s failed; the first, %v)", failed[i], runs, firstErr[i])
		}
		w.printf("\n")
	}
	for _, s := range shown {
		w.printf("%s\n", s)
	}
	if disagree > len(shown) {
		w.printf("... and %d more\n", disagree-len(shown))
	}
	incomplete := false
	for i := range names {
		incomplete = incomplete || skipped[i] > 0 || failed[i] > 0
	}
	switch {
	case disagree == 0 && incomplete:
		w.printf("the engines agree on every packet they ran\n")
	case disagree == 0:
		w.printf("all engines agree on every packet\n")
	default:
		w.printf("the engines disagree on %d of %s\n", disagree, nPackets(len(pkts)))
		if cfg.kernel && truncated > 0 {
			are := "are"
			if truncated == 1 {
				are = "is"
			}
			w.printf("note: %s %s truncated; the kernel sees only their captured bytes, so its len is the captured length\n", nPackets(truncated), are)
		}
	}
	if w.err != nil {
		return fmt.Errorf("writing the report: %w", w.err)
	}
	if cfg.output != "" {
		if !cfg.linkTypeSet && len(pkts) > 0 {
			cfg.opts.LinkType = pkts[0].linkType
		}
		p, err := compile(cfg)
		if err != nil {
			return err
		}
		out, err := render(cfg, p)
		if err != nil {
			return err
		}
		if err := writeOutput(cfg, out, stdout); err != nil {
			return err
		}
	}
	if disagree > 0 {
		return &reportedError{"engines disagree"}
	}
	// The in-process engines run every packet; a failure there is a
	// fault in the program or the VM. (The kernel may refuse packets, for
	// example ones larger than it test-runs.)
	for i := 0; i < len(failed) && i < 2; i++ {
		if failed[i] > 0 {
			return &reportedError{"in-process runs failed"}
		}
	}
	return nil
}

// shortName is an engine's name without its parenthesized details.
func shortName(name string) string {
	if i := strings.Index(name, " ("); i > 0 {
		return name[:i]
	}
	return name
}

// errWriter remembers the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) printf(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}

// nPackets is "1 packet" or "N packets".
func nPackets(n int) string {
	if n == 1 {
		return "1 packet"
	}
	return fmt.Sprintf("%d packets", n)
}

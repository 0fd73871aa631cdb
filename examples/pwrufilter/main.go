//go:build linux

// Command pwrufilter does what pwru's packet filter does, in pure Go: it
// attaches a tracing program to a kernel tracepoint that sees sk_buffs,
// filters each packet with a tcpdump expression injected into the program
// by translate.Inject, and prints the packets that match.
//
//	pwrufilter [-tracepoint netif_receive_skb] [-l3] [-count N] [-timeout D] 'tcp port 443'
//
// The tracepoint is a raw tracepoint whose first argument is the sk_buff
// (netif_receive_skb, net_dev_queue, netif_rx, consume_skb, kfree_skb,
// ...). The filter reads the packet with bpf_probe_read_kernel, from the
// link-layer header (skb->head + skb->mac_header) or, with -l3, from
// skb->data with a filter compiled for raw IP, as pwru does for functions
// that run before the link-layer header exists. It needs root (CAP_BPF
// and CAP_PERFMON) and a kernel with BTF (/sys/kernel/btf/vmlinux).
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"github.com/cilium/ebpf/link"
	"github.com/cilium/ebpf/ringbuf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

func main() {
	tracepoint := flag.String("tracepoint", "netif_receive_skb", "raw tracepoint whose first argument is a struct sk_buff *")
	l3 := flag.Bool("l3", false, "filter from the network header (skb->data), with the expression compiled for raw IP")
	count := flag.Int("count", 0, "exit after this many matching packets (0: no limit)")
	timeout := flag.Duration("timeout", 0, "exit after this long (0: until interrupted)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [flags] expression\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	expr := flag.Args()[0]
	for _, a := range flag.Args()[1:] {
		expr += " " + a
	}
	if err := run(expr, *tracepoint, *l3, *count, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "pwrufilter:", err)
		os.Exit(1)
	}
}

func run(expr, tracepoint string, l3 bool, count int, timeout time.Duration) error {
	linkType := cbpf.LinkEN10MB
	if l3 {
		linkType = cbpf.LinkRaw
	}
	filter, err := cbpf.Compile(expr, cbpf.Options{LinkType: linkType, Optimize: true})
	if err != nil {
		return err
	}
	offs, err := loadOffsets()
	if err != nil {
		return err
	}

	events, err := cebpf.NewMap(&cebpf.MapSpec{Type: cebpf.RingBuf, MaxEntries: 1 << 16})
	if err != nil {
		return fmt.Errorf("ring buffer: %w", err)
	}
	defer events.Close()
	counters, err := cebpf.NewMap(&cebpf.MapSpec{Type: cebpf.PerCPUArray, KeySize: 4, ValueSize: 8, MaxEntries: 2})
	if err != nil {
		return fmt.Errorf("counters: %w", err)
	}
	defer counters.Close()

	insns, err := translate.Inject(hostProgram(offs, l3, events, counters), "filter", filter,
		translate.InjectOptions{Access: translate.AccessProbeReadKernel})
	if err != nil {
		return err
	}
	prog, err := cebpf.NewProgram(&cebpf.ProgramSpec{
		Type:         cebpf.RawTracepoint,
		Instructions: insns,
		License:      "Dual BSD/GPL", // bpf_probe_read_kernel is GPL-only
	})
	if err != nil {
		return fmt.Errorf("loading the program: %w", err)
	}
	defer prog.Close()
	tp, err := link.AttachRawTracepoint(link.RawTracepointOptions{Name: tracepoint, Program: prog})
	if err != nil {
		return fmt.Errorf("attaching to %s: %w", tracepoint, err)
	}
	defer tp.Close()

	rd, err := ringbuf.NewReader(events)
	if err != nil {
		return err
	}
	defer rd.Close()
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		if timeout > 0 {
			select {
			case <-stop:
			case <-time.After(timeout):
			}
		} else {
			<-stop
		}
		rd.Close()
	}()

	fmt.Fprintf(os.Stderr, "pwrufilter: tracing %s for %q\n", tracepoint, expr)
	var printed int
	for count == 0 || printed < count {
		rec, err := rd.Read()
		if errors.Is(err, ringbuf.ErrClosed) {
			break
		}
		if err != nil {
			return err
		}
		var ev event
		if len(rec.RawSample) < eventSize {
			continue
		}
		ev.decode(rec.RawSample)
		fmt.Println(ev)
		printed++
	}
	seen, matched, err := totals(counters)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "pwrufilter: %d sk_buffs seen, %d matched\n", seen, matched)
	return nil
}

// totals sums the per-CPU counters: sk_buffs seen and matched.
func totals(counters *cebpf.Map) (seen, matched uint64, err error) {
	for key, dst := range []*uint64{&seen, &matched} {
		var perCPU []uint64
		if err := counters.Lookup(uint32(key), &perCPU); err != nil {
			return 0, 0, err
		}
		for _, v := range perCPU {
			*dst += v
		}
	}
	return seen, matched, nil
}

// offsets are the kernel's struct offsets the program needs, from BTF.
type offsets struct {
	skbHead, skbData, skbLen, skbDataLen, skbMacHeader, skbDev, skbProtocol uint32
	devIfindex                                                              uint32
}

func loadOffsets() (offsets, error) {
	spec, err := btf.LoadKernelSpec()
	if err != nil {
		return offsets{}, fmt.Errorf("kernel BTF: %w", err)
	}
	var skb, dev *btf.Struct
	if err := spec.TypeByName("sk_buff", &skb); err != nil {
		return offsets{}, err
	}
	if err := spec.TypeByName("net_device", &dev); err != nil {
		return offsets{}, err
	}
	var o offsets
	for _, f := range []struct {
		s    *btf.Struct
		name string
		dst  *uint32
	}{
		{skb, "head", &o.skbHead}, {skb, "data", &o.skbData}, {skb, "len", &o.skbLen},
		{skb, "data_len", &o.skbDataLen}, {skb, "mac_header", &o.skbMacHeader},
		{skb, "dev", &o.skbDev}, {skb, "protocol", &o.skbProtocol},
		{dev, "ifindex", &o.devIfindex},
	} {
		off, ok := memberOffset(f.s.Members, f.name, 0)
		if !ok {
			return offsets{}, fmt.Errorf("struct %s has no member %s", f.s.Name, f.name)
		}
		*f.dst = off
	}
	return o, nil
}

// memberOffset finds a member by name, looking into anonymous structs and
// unions, and returns its byte offset.
func memberOffset(members []btf.Member, name string, base uint32) (uint32, bool) {
	for _, m := range members {
		off := base + uint32(m.Offset.Bytes())
		if m.Name == name {
			return off, true
		}
		if m.Name != "" {
			continue
		}
		var inner []btf.Member
		switch typ := btf.UnderlyingType(m.Type).(type) {
		case *btf.Struct:
			inner = typ.Members
		case *btf.Union:
			inner = typ.Members
		}
		if o, ok := memberOffset(inner, name, off); ok {
			return o, true
		}
	}
	return 0, false
}

// event is what the program sends for a matching packet.
type event struct {
	len, ifindex uint32
	protocol     uint16 // skb->protocol, an EtherType
}

const eventSize = 12

func (e *event) decode(b []byte) {
	e.len = binary.NativeEndian.Uint32(b[0:])
	e.ifindex = binary.NativeEndian.Uint32(b[4:])
	e.protocol = binary.BigEndian.Uint16(b[8:])
}

func (e event) String() string {
	return fmt.Sprintf("ifindex %d len %d ethertype 0x%04x", e.ifindex, e.len, e.protocol)
}

// Stack slots of the program's main function.
const (
	slotStart = -8
	slotEnd   = -16
	slotKey   = -24
	slotEvent = -40 // event: len, ifindex, protocol (16 bytes)
	slotHead  = -48
	slotData  = -56
	slotLen   = -64
	slotDLen  = -72
	slotMac   = -80
	slotDev   = -88
)

// noMacHeader is skb->mac_header when the link-layer header is not set.
const noMacHeader = 0xffff

// hostProgram is the tracing program: it counts the sk_buff, finds its
// packet, calls the stub "filter" as elibpcap's stubs are called (r1 = r2
// = r3 = the context, r4 = packet start, r5 = end of the linear data), and
// for a match counts it and sends an event. Until Inject fills it, the
// stub matches nothing.
func hostProgram(o offsets, l3 bool, events, counters *cebpf.Map) asm.Instructions {
	// read copies size bytes at src+field to the stack slot.
	read := func(slot int16, size int32, src asm.Register, field uint32) asm.Instructions {
		return asm.Instructions{
			asm.Mov.Reg(asm.R1, asm.RFP),
			asm.Add.Imm(asm.R1, int32(slot)),
			asm.Mov.Imm(asm.R2, size),
			asm.Mov.Reg(asm.R3, src),
			asm.Add.Imm(asm.R3, int32(field)),
			asm.FnProbeReadKernel.Call(),
			asm.JNE.Imm(asm.R0, 0, "out"),
		}
	}
	// bump adds 1 to counters[key].
	bump := func(key int32, skip string) asm.Instructions {
		return asm.Instructions{
			asm.StoreImm(asm.RFP, slotKey, int64(key), asm.Word),
			asm.LoadMapPtr(asm.R1, counters.FD()),
			asm.Mov.Reg(asm.R2, asm.RFP),
			asm.Add.Imm(asm.R2, slotKey),
			asm.FnMapLookupElem.Call(),
			asm.JEq.Imm(asm.R0, 0, skip),
			asm.Mov.Imm(asm.R1, 1),
			asm.StoreXAdd(asm.R0, asm.R1, asm.DWord),
		}
	}

	insns := asm.Instructions{
		asm.Mov.Reg(asm.R6, asm.R1).WithSymbol("trace"),
		asm.LoadMem(asm.R7, asm.R6, 0, asm.DWord), // args[0]: the sk_buff
	}
	insns = append(insns, bump(0, "read")...)
	insns = append(insns, asm.Mov.Imm(asm.R0, 0).WithSymbol("read"))
	insns = append(insns, read(slotHead, 8, asm.R7, o.skbHead)...)
	insns = append(insns, read(slotData, 8, asm.R7, o.skbData)...)
	insns = append(insns, read(slotLen, 4, asm.R7, o.skbLen)...)
	insns = append(insns, read(slotDLen, 4, asm.R7, o.skbDataLen)...)
	insns = append(insns, read(slotMac, 2, asm.R7, o.skbMacHeader)...)
	insns = append(insns,
		// end = data + len - data_len: the linear part.
		asm.LoadMem(asm.R1, asm.RFP, slotData, asm.DWord),
		asm.LoadMem(asm.R2, asm.RFP, slotLen, asm.Word),
		asm.LoadMem(asm.R3, asm.RFP, slotDLen, asm.Word),
		asm.Sub.Reg(asm.R2, asm.R3),
		asm.Add.Reg(asm.R2, asm.R1),
		asm.StoreMem(asm.RFP, slotEnd, asm.R2, asm.DWord),
		// start = data for -l3; otherwise head + mac_header, or data
		// where the link-layer header is not set.
		asm.StoreMem(asm.RFP, slotStart, asm.R1, asm.DWord))
	if !l3 {
		insns = append(insns,
			asm.LoadMem(asm.R2, asm.RFP, slotMac, asm.Half),
			asm.JEq.Imm(asm.R2, noMacHeader, "call"),
			asm.LoadMem(asm.R1, asm.RFP, slotHead, asm.DWord),
			asm.Add.Reg(asm.R1, asm.R2),
			asm.StoreMem(asm.RFP, slotStart, asm.R1, asm.DWord))
	}
	insns = append(insns,
		asm.Mov.Reg(asm.R1, asm.R6).WithSymbol("call"),
		asm.Mov.Reg(asm.R2, asm.R6),
		asm.Mov.Reg(asm.R3, asm.R6),
		asm.LoadMem(asm.R4, asm.RFP, slotStart, asm.DWord),
		asm.LoadMem(asm.R5, asm.RFP, slotEnd, asm.DWord),
		asm.Call.Label("filter"),
		asm.JEq.Imm(asm.R0, 0, "out"))
	insns = append(insns, bump(1, "event")...)
	// The event: len, dev->ifindex, protocol.
	insns = append(insns,
		asm.StoreImm(asm.RFP, slotEvent+4, 0, asm.Word).WithSymbol("event"),
		asm.StoreImm(asm.RFP, slotEvent+8, 0, asm.Word),
		asm.StoreImm(asm.RFP, slotEvent+12, 0, asm.Word),
		asm.LoadMem(asm.R1, asm.RFP, slotLen, asm.Word),
		asm.StoreMem(asm.RFP, slotEvent, asm.R1, asm.Word))
	insns = append(insns, read(slotEvent+8, 2, asm.R7, o.skbProtocol)...)
	insns = append(insns, read(slotDev, 8, asm.R7, o.skbDev)...)
	insns = append(insns,
		asm.LoadMem(asm.R8, asm.RFP, slotDev, asm.DWord),
		asm.JEq.Imm(asm.R8, 0, "send"))
	insns = append(insns, read(slotEvent+4, 4, asm.R8, o.devIfindex)...)
	insns = append(insns,
		asm.LoadMapPtr(asm.R1, events.FD()).WithSymbol("send"),
		asm.Mov.Reg(asm.R2, asm.RFP),
		asm.Add.Imm(asm.R2, slotEvent),
		asm.Mov.Imm(asm.R3, eventSize),
		asm.Mov.Imm(asm.R4, 0),
		asm.FnRingbufOutput.Call(),
		asm.Mov.Imm(asm.R0, 0).WithSymbol("out"),
		asm.Return(),

		// The stub: bool filter(void *ctx, void *, void *, void *data,
		// void *data_end), matching nothing until Inject fills it.
		asm.Mov.Imm(asm.R0, 0).WithSymbol("filter"),
		asm.Return(),
	)
	return insns
}

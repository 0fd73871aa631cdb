package main

import (
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// engine runs a compiled filter over packets in-process.
type engine interface {
	// Match says whether the packet passes: data holds the captured
	// bytes from the link-layer header on, wireLen its length on the wire.
	Match(data []byte, wireLen uint32) bool
}

// Engine names for --engine.
const (
	engineEBPF = "ebpf"
	engineCBPF = "cbpf"
)

// newEngine builds the named engine for prog.
func newEngine(name string, prog []bpf.Instruction) (engine, error) {
	switch name {
	case engineCBPF:
		// Savefile filtering runs as libpcap's bpf_filter does, where
		// backward jumps (protochain loops) are allowed.
		vm, err := cbpf.NewVMLibpcap(prog)
		if err != nil {
			return nil, err
		}
		return cbpfEngine{vm}, nil
	case engineEBPF:
		insns, err := translate.SocketFilter(prog)
		if err != nil {
			return nil, fmt.Errorf("ebpf engine: %w (--engine cbpf runs every classic program)", err)
		}
		vm, err := ebpf.NewVM(insns)
		if err != nil {
			return nil, fmt.Errorf("ebpf engine: %w (--engine cbpf runs every classic program)", err)
		}
		return &ebpfEngine{vm: vm}, nil
	}
	return nil, fmt.Errorf("unknown engine %q (want ebpf or cbpf)", name)
}

// cbpfEngine runs the classic program in cbpf's reference interpreter.
type cbpfEngine struct{ vm *cbpf.VM }

func (e cbpfEngine) Match(data []byte, wireLen uint32) bool {
	return e.vm.Run(data, wireLen, nil) != 0
}

// ebpfEngine runs the program translated to eBPF (translate.SocketFilter)
// in package ebpf's VM, with socket-filter semantics: the verdict is the
// classic one, and "len" is the packet's length on the wire.
type ebpfEngine struct {
	vm  *ebpf.VM
	skb ebpf.SKBuff
}

func (e *ebpfEngine) Match(data []byte, wireLen uint32) bool {
	e.skb.Len = wireLen
	v, err := e.vm.RunSocket(data, &e.skb)
	return err == nil && v != 0
}

// filterSet holds one compiled filter per link type, compiled when a
// packet of that link type first shows up (pcapng files may mix them).
// A nil engine accepts everything (no expression).
type filterSet struct {
	expr   string
	opts   cbpf.Options
	engine string

	lastLT  cbpf.LinkType
	lastEng engine
	lastOK  bool
	byLT    map[cbpf.LinkType]engine
}

// compileFor compiles the expression for lt, or returns the engine made
// before.
func (f *filterSet) compileFor(lt cbpf.LinkType) (engine, error) {
	if e, ok := f.byLT[lt]; ok {
		return e, nil
	}
	var e engine
	if f.expr != "" {
		opts := f.opts
		opts.LinkType = lt
		prog, err := cbpf.Compile(f.expr, opts)
		if err != nil {
			return nil, err
		}
		if e, err = newEngine(f.engine, prog); err != nil {
			return nil, err
		}
	}
	if f.byLT == nil {
		f.byLT = make(map[cbpf.LinkType]engine)
	}
	f.byLT[lt] = e
	return e, nil
}

// match runs the filter for lt over one packet.
func (f *filterSet) match(lt cbpf.LinkType, data []byte, wireLen uint32) (bool, error) {
	if !f.lastOK || lt != f.lastLT {
		e, err := f.compileFor(lt)
		if err != nil {
			return false, err
		}
		f.lastLT, f.lastEng, f.lastOK = lt, e, true
	}
	if f.lastEng == nil {
		return true, nil
	}
	return f.lastEng.Match(data, wireLen), nil
}

package main

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/ebpf"
)

// This file renders the eBPF program as Go source (ebpf-go) and as an ELF
// object (elf).

// targetInfo says how each target is loaded and named.
var targetInfo = map[target]struct {
	section  string // ELF section loaders map to the program type
	progType string // cilium/ebpf's name of the program type
	kernel   string // the kernel's name of the program type
	verdict  string // what the program returns
}{
	targetSocket: {"socket", "ebpf.SocketFilter", "BPF_PROG_TYPE_SOCKET_FILTER", "the number of bytes to keep, 0 to drop"},
	targetTC:     {"tc", "ebpf.SchedCLS", "BPF_PROG_TYPE_SCHED_CLS", "TC_ACT_OK (0) to pass, TC_ACT_SHOT (2) to drop"},
	targetXDP:    {"xdp", "ebpf.XDP", "BPF_PROG_TYPE_XDP", "XDP_PASS (2) to pass, XDP_DROP (1) to drop"},
}

var registerGoNames = [...]string{"asm.R0", "asm.R1", "asm.R2", "asm.R3", "asm.R4", "asm.R5", "asm.R6", "asm.R7", "asm.R8", "asm.R9", "asm.R10"}

func registerGoName(r asm.Register) string {
	if int(r) < len(registerGoNames) {
		return registerGoNames[r]
	}
	return fmt.Sprintf("asm.Register(%d)", r)
}

// ebpfGoSource returns a Go file declaring the eBPF program as
// asm.Instructions: one literal per instruction, jumps with their resolved
// offsets, each commented with the kernel's syntax for it.
func ebpfGoSource(cfg config, p *program) ([]byte, error) {
	// Resolve the symbolic jumps, then print the instructions as cilium/ebpf
	// holds them.
	insns := append(asm.Instructions(nil), p.ebpf...)
	var sink bytes.Buffer
	if err := insns.Marshal(&sink, binary.LittleEndian); err != nil {
		return nil, fmt.Errorf("encoding the eBPF program: %w", err)
	}
	slots, err := decodeEBPF(p.ebpf)
	if err != nil {
		return nil, err
	}
	info := targetInfo[p.tgt]
	var b bytes.Buffer
	goHeader(&b, cfg, "an eBPF program")
	b.WriteString("import \"github.com/cilium/ebpf/asm\"\n\n")
	fmt.Fprintf(&b, "// %s is the eBPF %s program for %s.\n", cfg.varName, p.tgt, describe(cfg))
	fmt.Fprintf(&b, "// Load it as %s (%s); it returns %s.\n", info.progType, info.kernel, info.verdict)
	fmt.Fprintf(&b, "var %s = asm.Instructions{\n", cfg.varName)
	for i, ins := range insns {
		lit := fmt.Sprintf("{OpCode: %#x", uint32(ins.OpCode))
		if ins.Dst != 0 {
			lit += ", Dst: " + registerGoName(ins.Dst)
		}
		if ins.Src != 0 {
			lit += ", Src: " + registerGoName(ins.Src)
		}
		if ins.Offset != 0 {
			lit += fmt.Sprintf(", Offset: %d", ins.Offset)
		}
		if ins.Constant != 0 {
			lit += fmt.Sprintf(", Constant: %d", ins.Constant)
		}
		lit += "}"
		fmt.Fprintf(&b, "\t%s, // %d: %s\n", lit, slots[i].index, slots[i].text())
	}
	b.WriteString("}\n")
	return gofmt(b.Bytes())
}

// elfObject returns the program as a relocatable eBPF object file.
func elfObject(cfg config, p *program) ([]byte, error) {
	var b bytes.Buffer
	err := ebpf.WriteELF(&b, ebpf.ELFObject{Programs: []ebpf.ELFProgram{{
		Section:      targetInfo[p.tgt].section,
		Name:         cfg.progName,
		Instructions: p.ebpf,
	}}})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

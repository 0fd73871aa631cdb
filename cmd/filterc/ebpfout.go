package main

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// This file renders the eBPF program as Go source (ebpf-go) and as an ELF
// object (elf).

// returns says in words what a program for the target returns.
func returns(info translate.TargetInfo) string {
	if info.KeepsBytes {
		return "the number of bytes to keep, 0 to drop"
	}
	return fmt.Sprintf("%s (%d) to pass, %s (%d) to drop", info.Pass.Name, info.Pass.Value, info.Drop.Name, info.Drop.Value)
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
	info := p.tgt.Info()
	var b bytes.Buffer
	goHeader(&b, cfg, "an eBPF program")
	b.WriteString("import \"github.com/cilium/ebpf/asm\"\n\n")
	fmt.Fprintf(&b, "// %s is the eBPF %s program for %s.\n", cfg.varName, info.Name, describe(cfg))
	fmt.Fprintf(&b, "// Load it as ebpf.%v (%s); it returns %s.\n", info.ProgramType, info.KernelType, returns(info))
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
		Section:      p.tgt.Info().Section,
		Name:         cfg.progName,
		Instructions: p.ebpf,
	}}})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

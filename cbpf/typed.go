package cbpf

import (
	"fmt"

	"golang.org/x/net/bpf"
)

// Typed converts raw classic BPF instructions into golang.org/x/net/bpf's
// typed instructions. Each instruction is disassembled, and the typed form
// is kept only when it assembles back to exactly the same raw instruction;
// otherwise the bpf.RawInstruction itself is kept. x/net's disassembler is
// lossy for some forms (a halfword or byte load from a Linux ancillary
// offset becomes a word LoadExtension, LDX with an absolute mode becomes an
// A load, and so on), so Typed never changes the meaning of a program:
// Raw(Typed(p)) == p for every p.
func Typed(raw []bpf.RawInstruction) []bpf.Instruction {
	out := make([]bpf.Instruction, len(raw))
	for i, ri := range raw {
		out[i] = typedOne(ri)
	}
	return out
}

// typedOne returns ri's typed form when that form assembles back to ri,
// and ri otherwise.
func typedOne(ri bpf.RawInstruction) bpf.Instruction {
	ins := ri.Disassemble()
	if _, isRaw := ins.(bpf.RawInstruction); isRaw {
		return ri
	}
	back, err := ins.Assemble()
	if err != nil || back != ri {
		return ri
	}
	return ins
}

// Raw assembles each instruction of prog. The error names the index of
// the first instruction that does not assemble (for example a jump whose
// skip does not fit in a byte).
func Raw(prog []bpf.Instruction) ([]bpf.RawInstruction, error) {
	out := make([]bpf.RawInstruction, len(prog))
	for i, ins := range prog {
		ri, err := ins.Assemble()
		if err != nil {
			if n, ok := loadSize(ins); ok && n != 1 && n != 2 && n != 4 {
				// x/net/bpf words this as a length of 0.
				err = fmt.Errorf("load size %d: a load reads 1, 2 or 4 bytes (%w)", n, err)
			}
			return nil, fmt.Errorf("cbpf: instruction %d (%v): %w", i, ins, err)
		}
		out[i] = ri
	}
	return out, nil
}

// loadSize returns the size of a packet load, for the message about a
// size no load has.
func loadSize(ins bpf.Instruction) (int, bool) {
	switch l := ins.(type) {
	case bpf.LoadAbsolute:
		return l.Size, true
	case bpf.LoadIndirect:
		return l.Size, true
	}
	return 0, false
}

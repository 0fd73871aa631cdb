package main

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// program is a compiled filter, in the forms the outputs and checks need.
type program struct {
	classic []bpf.Instruction    // as cbpf.Compile returns it
	raw     []bpf.RawInstruction // the same, assembled
	// ebpf is the translation for tgt, or nil when nothing asked for it.
	ebpf asm.Instructions
	tgt  translate.Target
}

// needsEBPF reports whether cfg's output or checks use the eBPF program.
func (c *config) needsEBPF() bool {
	return c.out.isEBPF() || (c.tgt != 0 && (c.out == fmtDot || c.out == fmtSVG)) || c.verify
}

// classicProgram is the classic program of cfg for link type lt:
// --classic's, or cfg.expr compiled.
func classicProgram(cfg config, lt cbpf.LinkType) ([]bpf.Instruction, error) {
	if cfg.classic != nil {
		return cbpf.Typed(cfg.classic), nil
	}
	opts := cfg.opts
	opts.LinkType = lt
	return cbpf.Compile(cfg.expr, opts)
}

// compile compiles cfg.expr (or takes --classic's program) and translates
// it when cfg needs eBPF.
func compile(cfg config) (*program, error) {
	classic, err := classicProgram(cfg, cfg.opts.LinkType)
	if err != nil {
		return nil, err
	}
	raw, err := cbpf.Raw(classic)
	if err != nil {
		return nil, err
	}
	p := &program{classic: classic, raw: raw}
	if cfg.needsEBPF() {
		p.tgt = cfg.effectiveTarget()
		if p.ebpf, err = translate.ForTarget(classic, p.tgt); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// describe says in words what the program is for, for comments and titles:
// `"tcp port 80" on EN10MB packets, snapshot length 262144`.
func describe(cfg config) string {
	if cfg.classic != nil {
		return fmt.Sprintf("the program in %s, on %s packets", cfg.classicFile, cfg.opts.LinkType)
	}
	return fmt.Sprintf("%s on %s packets, snapshot length %d", exprName(cfg.expr), cfg.opts.LinkType, cfg.opts.Snaplen)
}

// exprName quotes the expression with its white space made single spaces,
// or names the empty expression.
func exprName(expr string) string {
	if f := fieldsJoin(expr); f != "" {
		return fmt.Sprintf("%q", f)
	}
	return "the empty expression (every packet)"
}

// render produces the output cfg.out asks for.
func render(cfg config, p *program) ([]byte, error) {
	text := func(s string, err error) ([]byte, error) {
		if err != nil {
			return nil, err
		}
		if s != "" && s[len(s)-1] != '\n' {
			s += "\n"
		}
		return []byte(s), nil
	}
	switch cfg.out {
	case fmtListing:
		return text(cbpf.Format(p.classic))
	case fmtC:
		return text(cbpf.FormatC(p.classic))
	case fmtDecimal:
		return text(cbpf.FormatDecimal(p.classic))
	case fmtRaw:
		return sockFilterBytes(p.raw), nil
	case fmtGo:
		return goSource(cfg, p)
	case fmtJSON:
		return jsonProgramBytes(cfg, p)
	case fmtEBPFAsm:
		return text(ebpfListing(p.ebpf))
	case fmtEBPFRaw:
		return ebpfBytes(p.ebpf)
	case fmtEBPFGo:
		return ebpfGoSource(cfg, p)
	case fmtELF:
		return elfObject(cfg, p)
	case fmtDot:
		return dotGraph(cfg, p)
	case fmtSVG:
		return svgGraph(cfg, p)
	}
	return nil, fmt.Errorf("format %s has no renderer", cfg.out)
}

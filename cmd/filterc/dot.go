package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"sort"
	"strings"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// This file draws the control-flow graph of a program: basic blocks as
// boxes listing their instructions, true edges green and solid, false
// edges red and dashed, unconditional ones black, and blocks that return
// filled green (the packet is kept) or red (dropped) with the verdict.

// cfgInsn is one instruction of the graph.
type cfgInsn struct {
	id   int    // classic index or eBPF slot
	text string // the line shown
	// Successors: for a conditional jump, onTrue and onFalse; for any
	// other instruction that does not return, next alone (-1 for none).
	onTrue, onFalse, next int
	conditional           bool
	jump                  bool // ends its block (goto or conditional)
	ret                   bool // returns
	verdict               string
	keep                  bool // the verdict keeps the packet
	unknown               bool // the verdict is not known statically
}

// classicCFG lists the classic program's instructions with their successors.
func classicCFG(p *program) []cfgInsn {
	var out []cfgInsn
	for i, ri := range p.raw {
		in := cfgInsn{id: i, text: strings.ReplaceAll(cbpf.Image(ri, i), "\t", "  "), next: i + 1, onTrue: -1, onFalse: -1}
		switch ri.Op & 0x07 {
		case cbpf.ClassRET:
			in.ret, in.next = true, -1
			switch ri.Op & 0x18 {
			case cbpf.SrcK:
				in.keep = ri.K != 0
				in.verdict = "drop"
				if in.keep {
					in.verdict = fmt.Sprintf("keep %d bytes", ri.K)
				}
			default:
				in.unknown, in.verdict = true, "keep A bytes (drop if 0)"
			}
		case cbpf.ClassJMP:
			in.jump = true
			if ri.Op&0xf0 == cbpf.JumpJA {
				// The offset wraps around 2^32: libpcap's protochain
				// loops jump backward this way.
				in.next = int(uint32(i+1) + ri.K)
			} else {
				in.conditional = true
				in.onTrue, in.onFalse, in.next = i+1+int(ri.Jt), i+1+int(ri.Jf), -1
			}
		}
		out = append(out, in)
	}
	return out
}

// ebpfCFG lists the eBPF program's instructions with their successors.
// The verdict of an exit is known when the instruction before it in the
// same block moved a constant into r0.
func ebpfCFG(p *program) ([]cfgInsn, error) {
	slots, err := decodeEBPF(p.ebpf)
	if err != nil {
		return nil, err
	}
	var out []cfgInsn
	for k, s := range slots {
		next := -1
		if k+1 < len(slots) {
			next = slots[k+1].index
		}
		in := cfgInsn{id: s.index, text: fmt.Sprintf("%d: %s", s.index, s.text()), next: next, onTrue: -1, onFalse: -1}
		if taken, fall, cond, ok := s.branches(); ok {
			in.jump = true
			if cond {
				in.conditional = true
				in.onTrue, in.onFalse, in.next = taken, fall, -1
			} else {
				in.next = taken
			}
		} else if asm.OpCode(s.code) == asm.Exit.Op(asm.ImmSource) {
			in.ret, in.next = true, -1
			in.unknown, in.verdict = true, "return r0"
			if k > 0 {
				prev := slots[k-1]
				if (asm.OpCode(prev.code) == asm.Mov.Op32(asm.ImmSource) || asm.OpCode(prev.code) == asm.Mov.Op(asm.ImmSource)) && prev.dst == 0 {
					in.unknown = false
					in.verdict, in.keep = ebpfVerdict(p.tgt, uint32(prev.imm))
				}
			}
		}
		out = append(out, in)
	}
	return out, nil
}

// ebpfVerdict names the meaning of return value v for the target: the
// name of its return code, followed by "(pass)" or "(drop)" unless the
// name says so itself.
func ebpfVerdict(t translate.Target, v uint32) (string, bool) {
	info := t.Info()
	if info.KeepsBytes {
		if v == 0 {
			return "drop", false
		}
		return fmt.Sprintf("keep %d bytes", v), true
	}
	for _, c := range []struct {
		code    translate.ReturnCode
		meaning string
		keep    bool
	}{{info.Pass, "pass", true}, {info.Drop, "drop", false}} {
		if c.code.Name == "" || v != c.code.Value {
			continue
		}
		if strings.Contains(c.code.Name, strings.ToUpper(c.meaning)) {
			return c.code.Name, c.keep
		}
		return fmt.Sprintf("%s (%s)", c.code.Name, c.meaning), c.keep
	}
	return fmt.Sprintf("return %d", v), false
}

// cfgBlock is a basic block: instructions first..last of the list.
type cfgBlock struct{ first, last int }

// blocks splits the instructions into basic blocks: a block starts at the
// first instruction, at every jump target and after every jump or return.
func blocks(insns []cfgInsn) []cfgBlock {
	pos := make(map[int]int, len(insns)) // id -> list index
	for k, in := range insns {
		pos[in.id] = k
	}
	leader := make([]bool, len(insns))
	if len(insns) > 0 {
		leader[0] = true
	}
	mark := func(id int) {
		if k, ok := pos[id]; ok {
			leader[k] = true
		}
	}
	for k, in := range insns {
		if in.jump || in.ret {
			if k+1 < len(insns) {
				leader[k+1] = true
			}
		}
		if in.jump {
			mark(in.onTrue)
			mark(in.onFalse)
			mark(in.next)
		}
	}
	var out []cfgBlock
	for k := range insns {
		if leader[k] {
			out = append(out, cfgBlock{first: k, last: k})
		} else {
			out[len(out)-1].last = k
		}
	}
	return out
}

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// dotLabel makes a left-justified multi-line label from lines.
func dotLabel(lines []string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, l := range lines {
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(l))
		b.WriteString(`\l`)
	}
	b.WriteByte('"')
	return b.String()
}

// dotGraph is the dot format. Each block is the node "bN", N the index (or
// slot) of its first instruction.
func dotGraph(cfg config, p *program) ([]byte, error) {
	insns := classicCFG(p)
	kind := fmt.Sprintf("classic BPF, %d instructions", len(p.raw))
	if p.ebpf != nil {
		var err error
		if insns, err = ebpfCFG(p); err != nil {
			return nil, err
		}
		kind = fmt.Sprintf("eBPF for %s, %d instructions", p.tgt.Info().Name, len(insns))
	}
	bs := blocks(insns)
	blockOf := make(map[int]int) // instruction id -> block leader id
	for _, b := range bs {
		for k := b.first; k <= b.last; k++ {
			blockOf[insns[k].id] = insns[b.first].id
		}
	}

	var out bytes.Buffer
	fmt.Fprintf(&out, "digraph filter {\n")
	fmt.Fprintf(&out, "\tgraph [label=%s, labelloc=t, fontname=\"monospace\"];\n", dotQuote(fmt.Sprintf("%s (%s)", describe(cfg), kind)))
	fmt.Fprintf(&out, "\tnode [shape=box, fontname=\"monospace\", fontsize=10];\n")
	fmt.Fprintf(&out, "\tedge [fontname=\"monospace\", fontsize=9];\n")
	type edge struct {
		from, to int
		attrs    string
	}
	var edges []edge
	for _, b := range bs {
		var lines []string
		for k := b.first; k <= b.last; k++ {
			lines = append(lines, insns[k].text)
		}
		id := insns[b.first].id
		last := insns[b.last]
		attrs := ""
		if last.ret {
			lines = append(lines, "=> "+last.verdict)
			switch {
			case last.unknown:
				attrs = `, style=filled, fillcolor="lightgoldenrod1"`
			case last.keep:
				attrs = `, style=filled, fillcolor="palegreen"`
			default:
				attrs = `, style=filled, fillcolor="lightpink"`
			}
		}
		fmt.Fprintf(&out, "\tb%d [label=%s%s];\n", id, dotLabel(lines), attrs)
		target := func(to int) (int, bool) {
			leader, ok := blockOf[to]
			return leader, ok
		}
		switch {
		case last.conditional:
			if to, ok := target(last.onTrue); ok {
				edges = append(edges, edge{id, to, `label="true", color="darkgreen", fontcolor="darkgreen"`})
			}
			if to, ok := target(last.onFalse); ok {
				edges = append(edges, edge{id, to, `label="false", color="red", fontcolor="red", style="dashed"`})
			}
		case last.next >= 0:
			if to, ok := target(last.next); ok {
				edges = append(edges, edge{id, to, ""})
			}
		}
	}
	sort.SliceStable(edges, func(i, j int) bool { return edges[i].from < edges[j].from })
	for _, e := range edges {
		if e.attrs == "" {
			fmt.Fprintf(&out, "\tb%d -> b%d;\n", e.from, e.to)
		} else {
			fmt.Fprintf(&out, "\tb%d -> b%d [%s];\n", e.from, e.to, e.attrs)
		}
	}
	out.WriteString("}\n")
	return out.Bytes(), nil
}

// dotCommand is the Graphviz program svg runs; tests may change it.
var dotCommand = "dot"

// svgGraph draws the graph with Graphviz's dot command.
func svgGraph(cfg config, p *program) ([]byte, error) {
	path, err := exec.LookPath(dotCommand)
	if err != nil {
		return nil, fmt.Errorf("--format svg needs Graphviz's %q command, which is not installed (apt-get install graphviz); --format dot prints the graph for rendering elsewhere", dotCommand)
	}
	graph, err := dotGraph(cfg, p)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, "-Tsvg")
	cmd.Stdin = bytes.NewReader(graph)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s -Tsvg failed: %s", path, msg)
	}
	if stdout.Len() == 0 {
		return nil, errors.New(path + " -Tsvg wrote nothing")
	}
	return stdout.Bytes(), nil
}

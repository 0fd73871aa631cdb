// Command genloops writes the eBPF VM's interpreter loops from one table of
// operation semantics (table.go): exec, the general interpreter
// (vm_exec.go), and the compact loops of RunSocket and RunXDP
// (compact_socket.go, compact_xdp.go, with their operations in
// compact_ops.go). go generate in ebpf/ runs it; TestGenerated checks that
// the files are what it writes.
//
//	go run ./internal/genloops [-dir DIR]
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

//go:embed exec.go.tmpl
var execTemplate string

//go:embed loop.go.tmpl
var loopTemplate string

func main() {
	dir := flag.String("dir", ".", "the ebpf package's `directory`")
	flag.Parse()
	files, err := generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genloops:", err)
		os.Exit(1)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(*dir, name), files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genloops:", err)
			os.Exit(1)
		}
	}
}

// loop describes one compact loop.
type loop struct {
	Func, Doc string
	Ctx       string // the context parameter
	Entry     bool   // RunSocket or RunXDP calls it: it finds its form and checks it is its own
	Field     string // the VM field of its form (Entry): a form for this loop, or nil
	Other     string // the call for forms of other loops (Entry)
	Fill      string // the call that prepares a run (compactForm.setup)
	Direct    bool
	Long      bool
	// Batch: the loop runs a batch of packets (RunSocketBatch,
	// RunXDPBatch) in the form of the entry loop before it, with its
	// returns rewritten to record a verdict and go on to the next packet.
	Batch  bool
	SetLen string // the statement that sets the packet's length in the context (Batch)
	Resume string
	Cases  []opCase
	xdp    bool
}

type opCase struct{ Name, Body string }

// loops are the compact loops: for each context (socket, XDP), legacy
// packet loads only (socket) or direct access too, with an 8-bit index
// into at most 256 instructions or a 16-bit one.
var loops = []loop{
	{Func: "socketExec", Doc: "runs vm's program for RunSocket on pkt in its compact form (compact.go),\n// a program of legacy packet loads with at most compactMax instructions;\n// socketOther runs the others.",
		Ctx: "skb *SKBuff", Entry: true, Field: "sock", Other: "socketOther(pkt, skb)"},
	{Func: "socketLong", Doc: "is socketExec for programs of more than compactMax instructions.", Ctx: "skb *SKBuff", Long: true},
	{Func: "socketDirect", Doc: "is socketExec for programs with direct packet access (translate's TC\n// target): xdpExec's loop with RunSocket's context.", Ctx: "skb *SKBuff", Direct: true},
	{Func: "socketDirectLong", Doc: "is socketDirect for programs of more than compactMax instructions.", Ctx: "skb *SKBuff", Direct: true, Long: true},
	{Func: "xdpExec", Doc: "runs vm's program for RunXDP on pkt in its compact form (compact.go),\n// with at most compactMax instructions; xdpOther runs the others. Stores\n// to the packet, like every access it does not run itself, go to exec\n// (resume).",
		Ctx: "md *XDPMD", Entry: true, Field: "xdp", Other: "xdpOther(pkt, md)", Direct: true, xdp: true},
	{Func: "xdpLong", Doc: "is xdpExec for programs of more than compactMax instructions.", Ctx: "md *XDPMD", Direct: true, Long: true, xdp: true},
	{Func: "socketBatch", Doc: "runs c, vm's socketExec form, over pkts as RunSocketBatch does: skb is\n// the batch's context, whose Len it sets for each packet.",
		Ctx: "skb *SKBuff", Batch: true,
		SetLen: "n := pkts[pn].Len\nif n == 0 {\nn = uint32(len(pkt))\n}\nskb.Len = n"},
	{Func: "xdpBatch", Doc: "runs c, vm's xdpExec form, over pkts as RunXDPBatch does: md is the\n// batch's context, whose FrameLen it sets for each packet. No packet may\n// be longer than 4 GiB (RunXDPBatch runs such batches one by one).",
		Ctx: "md *XDPMD", Batch: true, Direct: true, xdp: true,
		SetLen: "md.FrameLen = pkts[pn].Len"},
}

// batchReturn is a run's end in a case body: the batch loops record the
// value and go on to the next packet.
var batchReturn = regexp.MustCompile(`(?m)^return (.+), nil$`)

func generate() (map[string][]byte, error) {
	files := make(map[string][]byte)
	tmpl, err := template.New("loops").Parse(loopTemplate)
	if err != nil {
		return nil, err
	}
	ops := compactOps()
	if len(ops) > 255 {
		return nil, fmt.Errorf("%d compact operations: more than 255", len(ops))
	}
	type opDef struct{ Name, Doc, Builder string }
	var defs []opDef
	for _, o := range ops {
		doc := ""
		if o.doc != "" {
			doc = "\t// " + strings.ReplaceAll(o.doc, "\n", "\n\t// ")
		}
		defs = append(defs, opDef{o.name, doc, o.builder})
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "ops", map[string]any{"Ops": defs}); err != nil {
		return nil, err
	}
	if files["compact_ops.go"], err = gofmt("compact_ops.go", b.Bytes()); err != nil {
		return nil, err
	}

	for _, file := range []struct {
		name string
		xdp  bool
	}{{"compact_socket.go", false}, {"compact_xdp.go", true}} {
		var ls []loop
		for _, l := range loops {
			if l.xdp != file.xdp {
				continue
			}
			o := compactOperands(l.Long, l.xdp, l.Direct)
			if l.xdp {
				l.Resume, l.Fill = "runXDP, nil, md", "setupXDP(c, md)"
			} else {
				l.Resume, l.Fill = "runSocket, skb, nil", "setupSKB(c, skb)"
			}
			for _, op := range ops {
				if op.in(&o) {
					body := op.body(&o)
					if l.Batch {
						body = batchReturn.ReplaceAllString(body, "out[pn] = uint32($1)\ncontinue packets")
						if strings.Contains(body, "return") {
							return nil, fmt.Errorf("%s: case %s: a return the batch loop cannot rewrite", l.Func, op.name)
						}
					}
					l.Cases = append(l.Cases, opCase{op.name, body})
				}
			}
			ls = append(ls, l)
		}
		b.Reset()
		if err := tmpl.ExecuteTemplate(&b, "file", map[string]any{"Loops": ls}); err != nil {
			return nil, err
		}
		if files[file.name], err = gofmt(file.name, b.Bytes()); err != nil {
			return nil, err
		}
	}

	// exec: the shared ALU and jump cases in its template.
	o := execOperands
	var alu, jumps strings.Builder
	for _, a := range aluCases() {
		fmt.Fprintf(&alu, "case op%s:\n%s\n", a.name, a.op.body(&o, a.x))
	}
	for _, w := range []int{64, 32} {
		for _, cmp := range cmpOps {
			for _, x := range []bool{false, true} {
				name := fmt.Sprintf("J%s%s", cmp.name, kx(x))
				if w == 32 {
					name = fmt.Sprintf("J%s32%s", cmp.name, kx(x))
				}
				fmt.Fprintf(&jumps, "case op%s:\nif %s {\n%s\n}\n", name, cmp.cond(&o, w, x), o.Off)
			}
		}
	}
	et, err := template.New("exec").Parse(execTemplate)
	if err != nil {
		return nil, err
	}
	b.Reset()
	if err := et.Execute(&b, map[string]string{"ALU": alu.String(), "Jumps": jumps.String()}); err != nil {
		return nil, err
	}
	if files["vm_exec.go"], err = gofmt("vm_exec.go", b.Bytes()); err != nil {
		return nil, err
	}
	return files, nil
}

func gofmt(name string, src []byte) ([]byte, error) {
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", name, err, src)
	}
	return out, nil
}

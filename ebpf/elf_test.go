package ebpf_test

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// elfCase is one translated filter written as an object file.
type elfCase struct {
	expr    string
	section string
	typ     cebpf.ProgramType
	insns   asm.Instructions
}

// elfCases translates a few filters for each target, with the section
// names loaders map to each program type.
func elfCases(t *testing.T) []elfCase {
	t.Helper()
	var cases []elfCase
	for _, expr := range []string{"tcp port 80", "vlan and udp", "ip6 protochain 17", "icmp or arp"} {
		prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
		if err != nil {
			t.Fatalf("cbpf.Compile(%q): %v", expr, err)
		}
		sock, err := translate.SocketFilter(prog)
		if err != nil {
			t.Fatalf("translate.SocketFilter(%q): %v", expr, err)
		}
		tc, err := translate.Direct(prog, translate.TC)
		if err != nil {
			t.Fatalf("translate.Direct(%q, TC): %v", expr, err)
		}
		xdp, err := translate.Direct(prog, translate.XDP)
		if err != nil {
			t.Fatalf("translate.Direct(%q, XDP): %v", expr, err)
		}
		cases = append(cases,
			elfCase{expr, "socket", cebpf.SocketFilter, sock},
			elfCase{expr, "tc", cebpf.SchedCLS, tc},
			elfCase{expr, "classifier", cebpf.SchedCLS, tc},
			elfCase{expr, "xdp", cebpf.XDP, xdp},
		)
	}
	return cases
}

func marshal(t *testing.T, insns asm.Instructions, bo binary.ByteOrder) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := append(asm.Instructions(nil), insns...).Marshal(&b, bo); err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return b.Bytes()
}

func writeELF(t *testing.T, obj ebpf.ELFObject) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ebpf.WriteELF(&b, obj); err != nil {
		t.Fatalf("WriteELF: %v", err)
	}
	return b.Bytes()
}

// TestWriteELFStructure reads the object back with the standard library's
// ELF reader: the header, the sections loaders look for and the symbols.
func TestWriteELFStructure(t *testing.T) {
	for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		for _, c := range elfCases(t)[:4] {
			b := writeELF(t, ebpf.ELFObject{
				Programs:  []ebpf.ELFProgram{{Section: c.section, Name: "filter", Instructions: c.insns}},
				ByteOrder: bo,
			})
			f, err := elf.NewFile(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s %s: debug/elf: %v", c.expr, c.section, err)
			}
			wantData := elf.ELFDATA2LSB
			if bo == binary.BigEndian {
				wantData = elf.ELFDATA2MSB
			}
			if f.Class != elf.ELFCLASS64 || f.Data != wantData || f.Type != elf.ET_REL || f.Machine != elf.EM_BPF {
				t.Errorf("%s %s: header class %v data %v type %v machine %v; want ELFCLASS64 %v ET_REL EM_BPF",
					c.expr, c.section, f.Class, f.Data, f.Type, f.Machine, wantData)
			}
			prog := f.Section(c.section)
			if prog == nil || prog.Type != elf.SHT_PROGBITS || prog.Flags != elf.SHF_ALLOC|elf.SHF_EXECINSTR {
				t.Fatalf("%s: section %q missing or not executable: %+v", c.expr, c.section, prog)
			}
			code, err := prog.Data()
			if err != nil {
				t.Fatal(err)
			}
			if want := marshal(t, c.insns, bo); !bytes.Equal(code, want) {
				t.Errorf("%s %s: section holds %d bytes that differ from the %d marshalled bytes", c.expr, c.section, len(code), len(want))
			}
			lic := f.Section("license")
			if lic == nil {
				t.Fatalf("%s: no license section", c.expr)
			}
			if got, _ := lic.Data(); string(got) != ebpf.DefaultELFLicense+"\x00" {
				t.Errorf("%s: license section %q, want %q", c.expr, got, ebpf.DefaultELFLicense+"\x00")
			}
			syms, err := f.Symbols()
			if err != nil {
				t.Fatalf("%s: symbols: %v", c.expr, err)
			}
			var found bool
			for _, s := range syms {
				if s.Name == "filter" {
					found = true
					if elf.ST_TYPE(s.Info) != elf.STT_FUNC || elf.ST_BIND(s.Info) != elf.STB_GLOBAL ||
						f.Sections[s.Section] != prog || s.Value != 0 || s.Size != uint64(len(code)) {
						t.Errorf("%s: symbol %+v, want a global function covering section %q", c.expr, s, c.section)
					}
				}
			}
			if !found {
				t.Errorf("%s: no symbol named filter in %+v", c.expr, syms)
			}
		}
	}
}

// TestWriteELFCilium loads each object with cilium/ebpf's
// LoadCollectionSpec, which must find the program, its type (from the
// section name), its license and its instructions.
func TestWriteELFCilium(t *testing.T) {
	for _, c := range elfCases(t) {
		b := writeELF(t, ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: c.section, Name: "gocap_filter", Instructions: c.insns}}})
		spec, err := cebpf.LoadCollectionSpecFromReader(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s %s: LoadCollectionSpec: %v", c.expr, c.section, err)
			continue
		}
		ps := spec.Programs["gocap_filter"]
		if ps == nil || len(spec.Programs) != 1 {
			t.Errorf("%s %s: programs %v, want only gocap_filter", c.expr, c.section, spec.Programs)
			continue
		}
		if ps.Type != c.typ || ps.SectionName != c.section || ps.License != ebpf.DefaultELFLicense {
			t.Errorf("%s %s: type %v section %q license %q; want %v %q %q",
				c.expr, c.section, ps.Type, ps.SectionName, ps.License, c.typ, c.section, ebpf.DefaultELFLicense)
		}
		if got, want := marshal(t, ps.Instructions, binary.LittleEndian), marshal(t, c.insns, binary.LittleEndian); !bytes.Equal(got, want) {
			t.Errorf("%s %s: cilium/ebpf read back different instructions:\n%v\nwant\n%v", c.expr, c.section, ps.Instructions, c.insns)
		}
	}

	// Two programs in one object, two of them in the same section.
	prog, err := cbpf.Compile("udp", cbpf.Options{LinkType: cbpf.LinkEN10MB})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := translate.SocketFilter(prog)
	x, _ := translate.Direct(prog, translate.XDP)
	b := writeELF(t, ebpf.ELFObject{License: "GPL", Programs: []ebpf.ELFProgram{
		{Section: "socket", Name: "one", Instructions: a},
		{Section: "xdp", Name: "two", Instructions: x},
		{Section: "socket", Name: "three", Instructions: a},
	}})
	spec, err := cebpf.LoadCollectionSpecFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("LoadCollectionSpec of three programs: %v", err)
	}
	for name, typ := range map[string]cebpf.ProgramType{"one": cebpf.SocketFilter, "two": cebpf.XDP, "three": cebpf.SocketFilter} {
		ps := spec.Programs[name]
		if ps == nil || ps.Type != typ || ps.License != "GPL" {
			t.Errorf("program %s: %+v, want type %v, license GPL", name, ps, typ)
		}
	}
}

func TestWriteELFErrors(t *testing.T) {
	ok := asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()}
	for _, tt := range []struct {
		name string
		obj  ebpf.ELFObject
	}{
		{"no programs", ebpf.ELFObject{}},
		{"empty program", ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: "socket", Name: "f"}}}},
		{"bad name", ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: "socket", Name: "9lives", Instructions: ok}}}},
		{"bad section", ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: "license", Name: "f", Instructions: ok}}}},
		{"duplicate name", ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: "socket", Name: "f", Instructions: ok}, {Section: "xdp", Name: "f", Instructions: ok}}}},
		{"NUL in license", ebpf.ELFObject{License: "GPL\x00", Programs: []ebpf.ELFProgram{{Section: "socket", Name: "f", Instructions: ok}}}},
		{"unresolved jump", ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: "socket", Name: "f", Instructions: asm.Instructions{asm.Ja.Label("nowhere"), asm.Return()}}}}},
		{"map reference", ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: "socket", Name: "f", Instructions: asm.Instructions{asm.LoadMapPtr(asm.R1, 0).WithReference("m"), asm.Mov.Imm(asm.R0, 0), asm.Return()}}}}},
	} {
		var b bytes.Buffer
		err := ebpf.WriteELF(&b, tt.obj)
		if err == nil {
			t.Errorf("%s: WriteELF succeeded, want an error", tt.name)
		}
		if b.Len() != 0 {
			t.Errorf("%s: WriteELF wrote %d bytes before failing", tt.name, b.Len())
		}
	}
}

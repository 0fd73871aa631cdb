package ebpf

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/internal/endian"
)

// This file writes eBPF object files: the relocatable ELF files clang
// produces for BPF, which libbpf (and so bpftool and every libbpf-based
// loader), cilium/ebpf's LoadCollectionSpec and iproute2 load. Only what
// such loaders need is written: the programs' sections, a license section
// and a symbol table. There are no maps, so there are no relocations, and
// there is no BTF (loaders accept objects without it).

// DefaultELFLicense is the license WriteELF declares when ELFObject.License
// is empty. It is GPL-compatible, so it allows every helper a translated
// program calls, and it is the license the kernel loaders of this package
// declare.
const DefaultELFLicense = "Dual BSD/GPL"

// ELFProgram is one program of an ELFObject.
type ELFProgram struct {
	// Section is the ELF section holding the program. Loaders take the
	// program type from its name ("socket", "tc" or "classifier", "xdp",
	// ...); for a translated program, it is its target's
	// translate.TargetInfo.Section.
	Section string
	// Name is the program's function symbol, which loaders use as the
	// program name: letters, digits and '_', not starting with a digit.
	// The kernel keeps at most 15 bytes of it.
	Name string
	// Instructions is the program. Jumps and local calls may use symbolic
	// references (they are resolved as asm.Instructions.Marshal resolves
	// them); map references are refused, since WriteELF writes no maps and
	// no relocations. The slice is not modified.
	Instructions asm.Instructions
}

// ELFObject describes an eBPF object file for WriteELF.
type ELFObject struct {
	// Programs are written in order; programs with the same Section share
	// it, one after the other.
	Programs []ELFProgram
	// License is the text of the "license" section, which the kernel
	// checks before allowing GPL-only helpers; "" means
	// DefaultELFLicense.
	License string
	// ByteOrder is the byte order of the object and of its instructions:
	// binary.LittleEndian or binary.BigEndian. nil means the host's.
	// An object loads only on a kernel of its byte order.
	ByteOrder binary.ByteOrder
}

// WriteELF writes obj to w as a relocatable eBPF ELF object (ELFCLASS64,
// EM_BPF, ET_REL): one executable section per distinct program section
// name, a "license" section holding the license and its terminating NUL,
// and a symbol table with a global function symbol (STT_FUNC) for each
// program and a global "_license" object symbol. The result loads unchanged
// with libbpf (bpftool prog load) and cilium/ebpf's LoadCollectionSpec.
//
// Nothing is written to w unless the whole object could be built.
func WriteELF(w io.Writer, obj ELFObject) error {
	b, err := buildELF(obj)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// validSymbol reports whether name can be a program's symbol: a C
// identifier.
func validSymbol(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// validSection reports whether name can be a program's section name:
// printable ASCII without spaces, and not a name the object uses itself.
func validSection(name string) bool {
	if name == "" || name == "license" || name == ".symtab" || name == ".strtab" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] <= ' ' || name[i] > '~' {
			return false
		}
	}
	return true
}

// strtab accumulates an ELF string table.
type strtab struct {
	buf bytes.Buffer
	off map[string]uint32
}

func newStrtab() *strtab {
	t := &strtab{off: make(map[string]uint32)}
	t.buf.WriteByte(0) // index 0 is the empty string
	t.off[""] = 0
	return t
}

func (t *strtab) add(s string) uint32 {
	if o, ok := t.off[s]; ok {
		return o
	}
	o := uint32(t.buf.Len())
	t.buf.WriteString(s)
	t.buf.WriteByte(0)
	t.off[s] = o
	return o
}

// progSection is one executable section being built.
type progSection struct {
	name string
	code bytes.Buffer
	syms []elf.Sym64 // st_shndx filled in later
}

func buildELF(obj ELFObject) ([]byte, error) {
	if len(obj.Programs) == 0 {
		return nil, errors.New("ebpf: write ELF: no programs")
	}
	bo := obj.ByteOrder
	if bo == nil {
		bo = endian.Host()
	}
	var data elf.Data
	switch bo {
	case binary.LittleEndian:
		data = elf.ELFDATA2LSB
	case binary.BigEndian:
		data = elf.ELFDATA2MSB
	default:
		return nil, fmt.Errorf("ebpf: write ELF: byte order %v is neither binary.LittleEndian nor binary.BigEndian", bo)
	}
	license := obj.License
	if license == "" {
		license = DefaultELFLicense
	}
	if bytes.IndexByte([]byte(license), 0) >= 0 {
		return nil, errors.New("ebpf: write ELF: license contains a NUL byte")
	}

	strs := newStrtab()
	var sections []*progSection
	bySection := make(map[string]*progSection)
	names := make(map[string]bool)
	for i, p := range obj.Programs {
		if !validSection(p.Section) {
			return nil, fmt.Errorf("ebpf: write ELF: program %d: invalid section name %q", i, p.Section)
		}
		if !validSymbol(p.Name) {
			return nil, fmt.Errorf("ebpf: write ELF: program %d: invalid name %q (want a C identifier)", i, p.Name)
		}
		if names[p.Name] || p.Name == "_license" {
			return nil, fmt.Errorf("ebpf: write ELF: program %d: name %q used twice", i, p.Name)
		}
		names[p.Name] = true
		if len(p.Instructions) == 0 {
			return nil, fmt.Errorf("ebpf: write ELF: program %q has no instructions", p.Name)
		}
		for j, ins := range p.Instructions {
			if ins.IsLoadFromMap() {
				return nil, fmt.Errorf("ebpf: write ELF: program %q: instruction %d references a map, which needs a relocation WriteELF does not write", p.Name, j)
			}
		}
		s := bySection[p.Section]
		if s == nil {
			s = &progSection{name: p.Section}
			bySection[p.Section] = s
			sections = append(sections, s)
		}
		start := s.code.Len()
		// Marshal resolves symbolic jumps in place: work on a copy.
		insns := append(asm.Instructions(nil), p.Instructions...)
		if err := insns.Marshal(&s.code, bo); err != nil {
			return nil, fmt.Errorf("ebpf: write ELF: program %q: %w", p.Name, err)
		}
		s.syms = append(s.syms, elf.Sym64{
			Name:  strs.add(p.Name),
			Info:  elf.ST_INFO(elf.STB_GLOBAL, elf.STT_FUNC),
			Other: uint8(elf.STV_DEFAULT),
			Value: uint64(start),
			Size:  uint64(s.code.Len() - start),
		})
	}

	// Section indices: 0 null, 1 .strtab, then the program sections,
	// license and .symtab.
	const strtabIndex = 1
	licenseIndex := 2 + len(sections)
	symtabIndex := licenseIndex + 1
	shnum := symtabIndex + 1

	syms := []elf.Sym64{{}} // symbol 0 is the null symbol
	for i, s := range sections {
		for _, sym := range s.syms {
			sym.Shndx = uint16(2 + i)
			syms = append(syms, sym)
		}
	}
	licenseBytes := append([]byte(license), 0)
	syms = append(syms, elf.Sym64{
		Name:  strs.add("_license"),
		Info:  elf.ST_INFO(elf.STB_GLOBAL, elf.STT_OBJECT),
		Other: uint8(elf.STV_DEFAULT),
		Shndx: uint16(licenseIndex),
		Size:  uint64(len(licenseBytes)),
	})
	var symtab bytes.Buffer
	for _, sym := range syms {
		if err := binary.Write(&symtab, bo, sym); err != nil {
			return nil, err
		}
	}

	headers := make([]elf.Section64, shnum)
	headers[strtabIndex] = elf.Section64{Name: strs.add(".strtab"), Type: uint32(elf.SHT_STRTAB), Addralign: 1}
	for i, s := range sections {
		headers[2+i] = elf.Section64{
			Name:      strs.add(s.name),
			Type:      uint32(elf.SHT_PROGBITS),
			Flags:     uint64(elf.SHF_ALLOC | elf.SHF_EXECINSTR),
			Addralign: 8,
		}
	}
	headers[licenseIndex] = elf.Section64{
		Name:      strs.add("license"),
		Type:      uint32(elf.SHT_PROGBITS),
		Flags:     uint64(elf.SHF_ALLOC | elf.SHF_WRITE),
		Addralign: 1,
	}
	headers[symtabIndex] = elf.Section64{
		Name:      strs.add(".symtab"),
		Type:      uint32(elf.SHT_SYMTAB),
		Link:      strtabIndex,
		Info:      1, // every symbol after the null one is global
		Addralign: 8,
		Entsize:   uint64(binary.Size(elf.Sym64{})),
	}

	// Lay the contents out after the ELF header, each at its alignment,
	// then the section header table.
	var body bytes.Buffer
	ehsize := binary.Size(elf.Header64{})
	place := func(index int, content []byte) {
		h := &headers[index]
		align := int(max(h.Addralign, 1))
		for (ehsize+body.Len())%align != 0 {
			body.WriteByte(0)
		}
		h.Off = uint64(ehsize + body.Len())
		h.Size = uint64(len(content))
		body.Write(content)
	}
	for i, s := range sections {
		place(2+i, s.code.Bytes())
	}
	place(licenseIndex, licenseBytes)
	place(symtabIndex, symtab.Bytes())
	place(strtabIndex, strs.buf.Bytes())
	for (ehsize+body.Len())%8 != 0 {
		body.WriteByte(0)
	}
	shoff := ehsize + body.Len()

	hdr := elf.Header64{
		Type:      uint16(elf.ET_REL),
		Machine:   uint16(elf.EM_BPF),
		Version:   uint32(elf.EV_CURRENT),
		Shoff:     uint64(shoff),
		Ehsize:    uint16(ehsize),
		Shentsize: uint16(binary.Size(elf.Section64{})),
		Shnum:     uint16(shnum),
		Shstrndx:  strtabIndex,
	}
	copy(hdr.Ident[:], elf.ELFMAG)
	hdr.Ident[elf.EI_CLASS] = byte(elf.ELFCLASS64)
	hdr.Ident[elf.EI_DATA] = byte(data)
	hdr.Ident[elf.EI_VERSION] = byte(elf.EV_CURRENT)
	hdr.Ident[elf.EI_OSABI] = byte(elf.ELFOSABI_NONE)

	var out bytes.Buffer
	if err := binary.Write(&out, bo, hdr); err != nil {
		return nil, err
	}
	out.Write(body.Bytes())
	for _, h := range headers {
		if err := binary.Write(&out, bo, h); err != nil {
			return nil, err
		}
	}
	return out.Bytes(), nil
}

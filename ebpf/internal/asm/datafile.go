package asm

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// DataFile is a parsed bpf_conformance .data file.
type DataFile struct {
	Asm       string // the asm section, "" if absent
	HasAsm    bool
	Raw       []byte // pre-encoded program, when HasRaw
	HasRaw    bool
	Mem       []byte // input memory
	Result    uint64 // expected r0, when HasResult
	HasResult bool
	HasError  bool   // an error section is present
	Error     string // its text
}

// Program returns the bytecode: the raw section if present, otherwise the
// assembled asm section.
func (f *DataFile) Program() ([]byte, error) {
	if f.HasRaw {
		return f.Raw, nil
	}
	if !f.HasAsm {
		return nil, fmt.Errorf("no asm or raw section")
	}
	return Assemble(f.Asm)
}

// ParseDataFile parses the text of a .data file as upstream's parser does.
// A raw section may hold one 64-bit little-endian word per line (0x...) or
// eight hex bytes per line.
func ParseDataFile(text string) (*DataFile, error) {
	f := &DataFile{}
	section := ""
	var asmLines, resultLines, errorLines []string
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSuffix(l, "\r")
		if j := strings.IndexByte(l, '#'); j >= 0 {
			l = l[:j]
		}
		if j := strings.Index(l, "--"); j >= 0 {
			key := strings.TrimSpace(l[j+2:])
			switch key {
			case "asm":
				f.HasAsm = true
			case "raw":
				f.HasRaw = true
			case "mem", "c", "no register offset":
			case "result":
				f.HasResult = true
			case "error":
				f.HasError = true
			default:
				return nil, fmt.Errorf("line %d: unknown directive %q", i+1, key)
			}
			section = key
			continue
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		switch section {
		case "asm":
			asmLines = append(asmLines, l)
		case "mem":
			for _, t := range strings.Fields(l) {
				v, err := strconv.ParseUint(t, 16, 8)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad mem byte %q", i+1, t)
				}
				f.Mem = append(f.Mem, byte(v))
			}
		case "raw":
			fields := strings.Fields(l)
			if len(fields) == 1 && strings.HasPrefix(fields[0], "0x") {
				v, err := strconv.ParseUint(fields[0][2:], 16, 64)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad raw word %q", i+1, fields[0])
				}
				f.Raw = binary.LittleEndian.AppendUint64(f.Raw, v)
				continue
			}
			for _, t := range fields {
				v, err := strconv.ParseUint(t, 16, 8)
				if err != nil {
					return nil, fmt.Errorf("line %d: bad raw byte %q", i+1, t)
				}
				f.Raw = append(f.Raw, byte(v))
			}
		case "result":
			resultLines = append(resultLines, strings.TrimSpace(l))
		case "error":
			errorLines = append(errorLines, strings.TrimSpace(l))
		}
	}
	f.Asm = strings.Join(asmLines, "\n")
	f.Error = strings.Join(errorLines, "\n")
	if f.HasResult {
		if len(resultLines) == 0 {
			return nil, fmt.Errorf("empty result section")
		}
		s := resultLines[len(resultLines)-1]
		var err error
		if strings.Contains(s, "0x") {
			f.Result, err = strconv.ParseUint(strings.TrimPrefix(s, "0x"), 16, 64)
		} else {
			var v int64
			v, err = strconv.ParseInt(s, 10, 64)
			f.Result = uint64(v)
		}
		if err != nil {
			return nil, fmt.Errorf("bad result %q", s)
		}
	}
	return f, nil
}

// Package classicgen builds classic BPF programs of every opcode from
// arbitrary bytes, for the tests that run programs nobody's compiler
// wrote: cbpf's kernel differential (SO_ATTACH_FILTER) and ebpf's fuzz and
// kernel tests of translations. The programs are valid by construction, or
// nearly: the kernel's classic checker, and cbpf.NewVM, which follows it,
// have the last word.
package classicgen

import (
	"encoding/binary"
	"math/rand/v2"

	"golang.org/x/net/bpf"
)

// MaxLen is the longest program Program returns.
const MaxLen = 64

// ops are the opcodes the kernel's classic checker accepts, each with what
// its k is (see Program).
var ops = []struct {
	op uint16
	k  byte // 'a' packet offset, 'm' scratch slot, 'j' jump, 'k' any constant, 'd' divisor, 's' shift, 0 unused
}{
	{0x20, 'a'}, {0x28, 'a'}, {0x30, 'a'}, // ld/ldh/ldb [k]
	{0x40, 'a'}, {0x48, 'a'}, {0x50, 'a'}, // ld/ldh/ldb [x+k]
	{0x80, 0}, {0x00, 'k'}, {0x60, 'm'}, // ld len, ld #k, ld M[k]
	{0x01, 'k'}, {0x61, 'm'}, {0x81, 0}, {0xb1, 'a'}, // ldx #k, ldx M[k], ldx len, ldxb 4*([k]&0xf)
	{0x02, 'm'}, {0x03, 'm'}, // st, stx
	{0x04, 'k'}, {0x14, 'k'}, {0x24, 'k'}, {0x34, 'd'}, {0x44, 'k'}, {0x54, 'k'}, {0x64, 's'}, {0x74, 's'}, {0x94, 'd'}, {0xa4, 'k'},
	{0x0c, 0}, {0x1c, 0}, {0x2c, 0}, {0x3c, 0}, {0x4c, 0}, {0x5c, 0}, {0x6c, 0}, {0x7c, 0}, {0x9c, 0}, {0xac, 0}, {0x84, 0},
	{0x05, 'j'}, {0x15, 'k'}, {0x25, 'k'}, {0x35, 'k'}, {0x45, 'k'}, {0x1d, 0}, {0x2d, 0}, {0x3d, 0}, {0x4d, 0},
	{0x06, 'k'}, {0x16, 0}, {0x07, 0}, {0x87, 0},
}

// Ancillary are the SKF_AD_OFF offsets Program draws: protocol, pkttype,
// ifindex, nlattr, nlattr_nest, mark, queue, hatype, rxhash, cpu, xor_x,
// vlan_tci, vlan_avail, random and vlan_tpid (not poff, the flow
// dissector's payload offset).
var Ancillary = []uint32{0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 56, 60}

// Program turns b, 8 bytes an instruction, into a classic program of at
// most MaxLen instructions ending in "ret a". Byte 0 picks the opcode,
// bytes 1 and 2 the jump offsets (kept inside the program), bytes 3 to 7
// the constant: packet offsets are mostly small, sometimes an ancillary
// (SKF_AD_OFF), SKF_NET_OFF or SKF_LL_OFF offset or any value; scratch
// slots are below 16, divisors of constant divisions not 0, constant
// shifts mostly below 40.
func Program(b []byte) []bpf.RawInstruction {
	var prog []bpf.RawInstruction
	for len(b) >= 8 && len(prog) < MaxLen-1 {
		o := ops[int(b[0])%len(ops)]
		k := binary.LittleEndian.Uint32(b[4:8])
		switch o.k {
		case 'a':
			switch b[3] % 8 {
			case 0:
				k = 0xfffff000 + Ancillary[int(k)%len(Ancillary)]
			case 1:
				k = 0xfff00000 + k%64 // SKF_NET_OFF
			case 2:
				k = 0xffe00000 + k%64 // SKF_LL_OFF
			case 3:
				// any offset
			default:
				k %= 80
			}
		case 'm':
			k %= 16
		case 'd':
			if k == 0 || b[3]%2 == 0 {
				k = k%16 + 1
			}
		case 's':
			if b[3]%4 != 0 {
				k %= 40
			}
		case 'k':
			if b[3]%2 == 0 {
				k %= 256
			}
		case 0:
			k = 0
		}
		prog = append(prog, bpf.RawInstruction{Op: o.op, Jt: b[1], Jf: b[2], K: k})
		b = b[8:]
	}
	prog = append(prog, bpf.RawInstruction{Op: 0x16}) // ret a
	for i := range prog {
		in := &prog[i]
		if in.Op&0x07 != 0x05 {
			in.Jt, in.Jf = 0, 0
			continue
		}
		// Jumps stay inside the program.
		room := len(prog) - 2 - i
		if in.Op == 0x05 {
			in.K %= uint32(room + 1)
			in.Jt, in.Jf = 0, 0
		} else {
			in.Jt %= uint8(room + 1)
			in.Jf %= uint8(room + 1)
		}
	}
	return prog
}

// Random is Program of 8*max bytes drawn from rng, cut to between 1 and max
// instructions (also drawn): max must be at most MaxLen-1.
func Random(rng *rand.Rand, max int) []bpf.RawInstruction {
	code := make([]byte, 8*max)
	for i := range code {
		code[i] = byte(rng.Uint32())
	}
	return Program(code[:8*(1+rng.IntN(max))])
}

// LoadsAncillary reports whether raw has an absolute load (ld, ldh, ldb)
// of the ancillary field at SKF_AD_OFF+off for one of offs.
func LoadsAncillary(raw []bpf.RawInstruction, offs ...uint32) bool {
	for _, in := range raw {
		if in.Op != 0x20 && in.Op != 0x28 && in.Op != 0x30 {
			continue
		}
		for _, off := range offs {
			if in.K == 0xfffff000+off {
				return true
			}
		}
	}
	return false
}

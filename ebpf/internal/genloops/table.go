package main

import (
	"fmt"
	"strings"
)

// The semantics of the operations, written once. The ALU, byte-order and
// conditional-jump operations are shared by exec (vm_exec.go) and the
// compact loops: their effect is an expression over the operands, which
// each encoding spells in its own way (operands). The other compact
// operations (legacy and direct packet loads, fused sequences, stack
// accesses, context values) exist in the compact loops only; exec's own
// (budget, call frames, helpers, atomics, faults) are in exec.go.tmpl.

// operands is how an encoding spells the operands of an instruction.
type operands struct {
	D        string // the destination register, an lvalue (uint64)
	S        string // the source register (uint64)
	K64, K32 string // the immediate, sign-extended to 64 bits and as 32 bits
	Off      string // a jump's target (exec) or "" (compact: jt and jf)
	compact  bool
	long     bool // compact with a 16-bit index
	xdp, skb bool // the compact loop's context (XDP, or a socket's __sk_buff)
	direct   bool // the compact loop has direct packet access
}

var execOperands = operands{D: "r[in.dst&15]", S: "r[in.src&15]", K64: "in.imm", K32: "uint32(in.imm)", Off: "pc = int(in.off)"}

func compactOperands(long, xdp, direct bool) operands {
	return operands{D: "r[in.dst&15]", S: "r[in.src&15]", K64: "uint64(int64(int32(in.k)))", K32: "in.k",
		compact: true, long: long, xdp: xdp, skb: !xdp, direct: direct}
}

// src returns the source operand of a K or X form, 64 or 32 bits wide.
func (o *operands) src(x bool, w int) string {
	switch {
	case x && w == 64:
		return o.S
	case x:
		return "uint32(" + o.S + ")"
	case w == 64:
		return o.K64
	}
	return o.K32
}

// next is the compact loop's step to the following instruction.
func (o *operands) next() string { return "pc++" }

// goTo moves the compact loop to instruction t (an index, not a return).
func (o *operands) goTo(t string) string {
	if o.long {
		return "pc = " + t
	}
	return "pc = uint8(" + t + ")"
}

// ret returns the constant of the cRet instruction t refers to.
func (o *operands) ret(t string) string {
	if o.long {
		return "return uint64(insts[" + t + "&^retFlag].k), nil"
	}
	return "return uint64(insts[uint8(" + t + ")].k), nil"
}

// branch is a compact two-way jump on cond to jt (true) or jf.
func (o *operands) branch(cond string) string {
	return fmt.Sprintf("t := in.jf\nif %s {\nt = in.jt\n}\nif t >= retFlag {\n%s\n}\n%s\n", cond, o.ret("t"), o.goTo("t"))
}

// branch3 is a compact three-way jump: to jt when cond1 holds, else to jt3
// when cond2 holds, else to jf (two equality tests of one value).
func (o *operands) branch3(cond1, cond2 string) string {
	return fmt.Sprintf("t := in.jf\nif %s {\nt = in.jt\n} else if %s {\nt = in.jt3\n}\nif t >= retFlag {\n%s\n}\n%s\n", cond1, cond2, o.ret("t"), o.goTo("t"))
}

// jumpNow jumps to t (a successor, perhaps a return) and continues the loop.
func (o *operands) jumpNow(t string) string {
	return fmt.Sprintf("if t := %s; t >= retFlag {\n%s\n} else {\n%s\n}\ncontinue\n", t, o.ret("t"), o.goTo("t"))
}

// aluOp is an ALU or byte-order operation: its name (the suffix of exec's
// op and of the compact cop) and its effect.
type aluOp struct {
	name string
	// body returns the statement for the given operands; x says whether
	// the source is a register.
	body  func(o *operands, x bool) string
	forms string // "KX" (a K and an X form), "" (no source: Neg, byte order), "X" (MovSX)
}

func bin64(op string) func(o *operands, x bool) string {
	return func(o *operands, x bool) string { return fmt.Sprintf("%s %s= %s", o.D, op, o.src(x, 64)) }
}

func bin32(op string) func(o *operands, x bool) string {
	return func(o *operands, x bool) string {
		return fmt.Sprintf("%s = uint64(uint32(%s) %s %s)", o.D, o.D, op, o.src(x, 32))
	}
}

func call64(fn string) func(o *operands, x bool) string {
	return func(o *operands, x bool) string { return fmt.Sprintf("%s = %s(%s, %s)", o.D, fn, o.D, o.src(x, 64)) }
}

func call32(fn string) func(o *operands, x bool) string {
	return func(o *operands, x bool) string {
		return fmt.Sprintf("%s = uint64(%s(uint32(%s), %s))", o.D, fn, o.D, o.src(x, 32))
	}
}

func fixed(f string) func(o *operands, x bool) string {
	return func(o *operands, x bool) string { return strings.ReplaceAll(strings.ReplaceAll(f, "D", o.D), "S", o.S) }
}

// aluOps are the ALU operations, 64-bit then 32-bit, and the byte-order
// operations. 32-bit results are zero-extended.
var aluOps = []aluOp{
	{"Add64", bin64("+"), "KX"},
	{"Sub64", bin64("-"), "KX"},
	{"Mul64", bin64("*"), "KX"},
	{"Div64", call64("div64"), "KX"},
	{"SDiv64", call64("sdiv64"), "KX"},
	{"Or64", bin64("|"), "KX"},
	{"And64", bin64("&"), "KX"},
	{"Lsh64", func(o *operands, x bool) string { return fmt.Sprintf("%s <<= %s & 63", o.D, o.src(x, 64)) }, "KX"},
	{"Rsh64", func(o *operands, x bool) string { return fmt.Sprintf("%s >>= %s & 63", o.D, o.src(x, 64)) }, "KX"},
	{"Neg64", fixed("D = -D"), ""},
	{"Mod64", call64("mod64"), "KX"},
	{"SMod64", call64("smod64"), "KX"},
	{"Xor64", bin64("^"), "KX"},
	{"Mov64", func(o *operands, x bool) string { return o.D + " = " + o.src(x, 64) }, "KX"},
	{"MovSX64B", fixed("D = uint64(int64(int8(S)))"), "X"},
	{"MovSX64H", fixed("D = uint64(int64(int16(S)))"), "X"},
	{"MovSX64W", fixed("D = uint64(int64(int32(S)))"), "X"},
	{"Arsh64", func(o *operands, x bool) string {
		return fmt.Sprintf("%s = uint64(int64(%s) >> (%s & 63))", o.D, o.D, o.src(x, 64))
	}, "KX"},

	{"Add32", bin32("+"), "KX"},
	{"Sub32", bin32("-"), "KX"},
	{"Mul32", bin32("*"), "KX"},
	{"Div32", call32("div32"), "KX"},
	{"SDiv32", call32("sdiv32"), "KX"},
	{"Or32", bin32("|"), "KX"},
	{"And32", bin32("&"), "KX"},
	{"Lsh32", func(o *operands, x bool) string {
		return fmt.Sprintf("%s = uint64(uint32(%s) << (%s & 31))", o.D, o.D, o.src(x, 32))
	}, "KX"},
	{"Rsh32", func(o *operands, x bool) string {
		return fmt.Sprintf("%s = uint64(uint32(%s) >> (%s & 31))", o.D, o.D, o.src(x, 32))
	}, "KX"},
	{"Neg32", fixed("D = uint64(-uint32(D))"), ""},
	{"Mod32", call32("mod32"), "KX"},
	{"SMod32", call32("smod32"), "KX"},
	{"Xor32", bin32("^"), "KX"},
	{"Mov32", func(o *operands, x bool) string { return o.D + " = uint64(" + o.src(x, 32) + ")" }, "KX"},
	{"MovSX32B", fixed("D = uint64(uint32(int32(int8(S))))"), "X"},
	{"MovSX32H", fixed("D = uint64(uint32(int32(int16(S))))"), "X"},
	{"Arsh32", func(o *operands, x bool) string {
		return fmt.Sprintf("%s = uint64(uint32(int32(%s) >> (%s & 31)))", o.D, o.D, o.src(x, 32))
	}, "KX"},

	{"LE16", fixed("D = uint64(uint16(D))"), ""},
	{"LE32", fixed("D = uint64(uint32(D))"), ""},
	{"LE64", fixed(""), ""},
	{"Swap16", fixed("D = uint64(bits.ReverseBytes16(uint16(D)))"), ""},
	{"Swap32", fixed("D = uint64(bits.ReverseBytes32(uint32(D)))"), ""},
	{"Swap64", fixed("D = bits.ReverseBytes64(D)"), ""},
}

// aluCase is one ALU operation in one form.
type aluCase struct {
	name string // the suffix of op and cop: Add64K, Neg32, MovSX64B, ...
	op   aluOp
	x    bool
}

func aluCases() []aluCase {
	var cs []aluCase
	for _, a := range aluOps {
		switch a.forms {
		case "KX":
			cs = append(cs, aluCase{a.name + "K", a, false}, aluCase{a.name + "X", a, true})
		case "X":
			cs = append(cs, aluCase{a.name, a, true})
		default:
			cs = append(cs, aluCase{a.name, a, false})
		}
	}
	return cs
}

// cmpOp is a conditional jump's comparison. exec has all eleven; the
// compact loops have the first four unsigned and the two signed kinds
// (compact), the others being these with the successors swapped.
type cmpOp struct {
	name    string
	rel     string // Go operator, or "&" for set
	signed  bool
	compact bool
}

// cmpOps are in exec's order (opJEqK..opJSLeX).
var cmpOps = []cmpOp{
	{"Eq", "==", false, true},
	{"Gt", ">", false, true},
	{"Ge", ">=", false, true},
	{"Set", "&", false, true},
	{"Ne", "!=", false, false},
	{"SGt", ">", true, true},
	{"SGe", ">=", true, true},
	{"Lt", "<", false, false},
	{"Le", "<=", false, false},
	{"SLt", "<", true, false},
	{"SLe", "<=", true, false},
}

// compactCmps are the compact comparison kinds in cop order.
var compactCmps = []string{"Eq", "Gt", "Ge", "Set", "SGt", "SGe"}

// cond returns the Go condition of comparison c of width w (64 or 32) of
// dst with the source (a register when x).
func (c cmpOp) cond(o *operands, w int, x bool) string {
	a, b := o.D, o.src(x, w)
	switch {
	case w == 32 && c.signed:
		a = "int32(" + a + ")"
		b = "int32(" + b + ")"
	case w == 32:
		a = "uint32(" + a + ")"
	case c.signed:
		a = "int64(" + a + ")"
		b = "int64(" + b + ")"
	}
	if o.compact && !x && w == 32 && c.signed {
		b = "int32(in.k)"
	}
	if o.compact && !x && w == 64 && c.signed {
		b = "int64(int32(in.k))"
	}
	if c.rel == "&" {
		return a + "&" + b + " != 0"
	}
	return a + " " + c.rel + " " + b
}

func cmpByName(n string) cmpOp {
	for _, c := range cmpOps {
		if c.name == n {
			return c
		}
	}
	panic(n)
}

// A compact operation: its cop name (without the c), a comment, which loops
// have it, and its case body.
type cop struct {
	name    string
	doc     string // a comment before it in the const block, or ""
	in      func(o *operands) bool
	body    func(o *operands) string
	builder string // the exec op it stands for in compactALU, or ""
}

func all(*operands) bool      { return true }
func direct(o *operands) bool { return o.direct }
func skbCtx(o *operands) bool { return o.skb }
func xdpCtx(o *operands) bool { return o.xdp }

var sizes = []struct {
	name string
	n    int
}{{"B", 1}, {"H", 2}, {"W", 4}}

// pktBE32 is the big-endian load of n bytes of pkt at o (legacy loads).
func pktBE32(n int) string {
	switch n {
	case 1:
		return "uint32(pkt[o])"
	case 2:
		return "uint32(pkt[o])<<8 | uint32(pkt[o+1])"
	}
	return "uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])"
}

// legacyOffset computes o, the offset of a legacy load (absolute or
// indexed) of n bytes, ending the run with 0 outside the packet; exec runs
// the load when its offset is negative.
func legacyOffset(abs bool, n int) string {
	if abs {
		return fmt.Sprintf("o := int(in.k) // below 1<<31 (buildCompact)\nif o > len(pkt)-%d {\nreturn 0, nil\n}\n", n)
	}
	// A negative offset may be one of Linux's special ones: exec reads
	// those (legacyOffset).
	return fmt.Sprintf("o := int(int32(uint32(r[in.src&15]) + in.k))\nif o < 0 {\ngoto slow\n}\nif o > len(pkt)-%d {\nreturn 0, nil\n}\n", n)
}

// bytesLE is the little-endian value of n bytes of buf at i; bytesBE the
// big-endian one.
func bytesLE(buf string, n int) string {
	var p []string
	for j := 0; j < n; j++ {
		if j == 0 {
			p = append(p, fmt.Sprintf("uint64(%s[i])", buf))
		} else {
			p = append(p, fmt.Sprintf("uint64(%s[i+%d])<<%d", buf, j, 8*j))
		}
	}
	return strings.Join(p, " | ")
}

func bytesBE(buf string, n int) string {
	var p []string
	for j := 0; j < n; j++ {
		if j == 0 {
			p = append(p, fmt.Sprintf("uint64(%s[i])<<%d", buf, 8*(n-1)))
		} else {
			p = append(p, fmt.Sprintf("uint64(%s[i+%d])<<%d", buf, j, 8*(n-1-j)))
		}
	}
	return strings.TrimSuffix(strings.Join(p, " | "), "<<0")
}

// memLoad loads v from r[src]+k: from the packet (direct loops) or the
// stack; anything else goes to exec. be says the value is byte-swapped
// (big-endian in memory), signed that it is sign-extended.
func memLoad(o *operands, n int, be, signed bool) string {
	pv, sv := bytesLE("pkt", n), bytesLE("st", n)
	if be {
		pv, sv = bytesBE("pkt", n), bytesBE("st", n)
	}
	if n == 1 {
		pv, sv = "uint64(pkt[i])", "uint64(st[i])"
	}
	var b strings.Builder
	b.WriteString("a := r[in.src&15] + uint64(int64(int32(in.k)))\nvar v uint64\n")
	if o.direct {
		fmt.Fprintf(&b, "if i := int(a - packetBase); i >= 0 && i <= len(pkt)-%d {\nv = %s\n} else ", n, pv)
	}
	fmt.Fprintf(&b, "if o := a - stackBase; o <= stackLen-%d {\nst, i := vm.stackArr, int(o)\nv = %s\n} else {\ngoto slow\n}\n", n, sv)
	if signed {
		fmt.Fprintf(&b, "v = uint64(int64(int%d(v)))\n", 8*n)
	}
	return b.String()
}

func stackStore(n int, val string) string {
	var st []string
	for j := 0; j < n; j++ {
		if j == 0 {
			st = append(st, "st[i] = byte(v)")
		} else {
			st = append(st, fmt.Sprintf("st[i+%d] = byte(v >> %d)", j, 8*j))
		}
	}
	return fmt.Sprintf("st, v := vm.stackArr, %s\no := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase\nif o > stackLen-%d {\ngoto slow\n}\ni := int(o)\n%s\nif o < vm.stackDirty {\nvm.stackDirty = o\n}\npc++\n",
		val, n, strings.Join(st, "\n"))
}

// checkFirst is translate's bounds check before a fused load: r[dst2] =
// r[src2] + k3, and to jt2 if it passes r[aux].
func checkFirst(o *operands) string {
	return "e := r[in.src2&15] + uint64(int64(int32(in.k3)))\nr[in.dst2&15] = e\nif e > r[in.aux&15] {\n" + o.jumpNow("in.jt2") + "}\n"
}

// dataLoad is translate's bounds check of data+k+n against data_end and
// the big-endian load of n bytes at data+k after it, when data and data_end
// are fixed: the check is k > len(pkt)-n, after which the load is in the
// packet.
func dataLoad(o *operands, n int) string {
	v := "uint64(pkt[i])"
	if n > 1 {
		v = bytesBE("pkt", n)
	}
	return fmt.Sprintf("i := int(in.k)\nif i > len(pkt)-%d {\n%s}\nv := %s\n", n, o.jumpNow("in.jt2"), v)
}

func c(name, doc string, in func(*operands) bool, body func(o *operands) string) cop {
	return cop{name: name, doc: doc, in: in, body: body}
}

// compactOps returns the compact operations in cop order: cRet is 0, and
// the loops' switch has a case for every value up to cSlow (255).
func compactOps() []cop {
	var ops []cop
	add := func(x ...cop) { ops = append(ops, x...) }
	add(c("Ret", "return k", all, func(o *operands) string { return "return uint64(in.k), nil\n" }),
		c("Exit", "return r0", all, func(o *operands) string { return "return r[0], nil\n" }),
		c("Ja", "go to jt", all, func(o *operands) string { return o.goTo("in.jt") + "\n" }))

	// Legacy loads.
	doc := "Legacy packet loads into r0: absolute (k, below 1<<31) and indexed\n(src + k, 32-bit, signed); out of the packet, the run returns 0."
	for _, mode := range []string{"A", "I"} {
		for _, s := range sizes {
			abs, n := mode == "A", s.n
			add(c("Ld"+mode+s.name, doc, all, func(o *operands) string {
				return legacyOffset(abs, n) + "r[0] = uint64(" + pktBE32(n) + ")\n" + o.next() + "\n"
			}))
			doc = ""
		}
	}
	doc = "The same followed by a JMP32 comparison of r0 with k2."
	for _, mode := range []string{"A", "I"} {
		for _, s := range sizes {
			for _, cn := range compactCmps[:4] {
				abs, n, cmp := mode == "A", s.n, cmpByName(cn)
				add(c("Ld"+mode+s.name+cn, doc, all, func(o *operands) string {
					return legacyOffset(abs, n) + "v := " + pktBE32(n) + "\nr[0] = uint64(v)\n" +
						o.branch(cmp.condWith("v", "in.k2"))
				}))
				doc = ""
			}
		}
	}
	doc = "Absolute legacy loads followed by two JMP32 equality tests of r0: with\nk2 (to jt), else with k4 (to jt3), else to jf."
	for _, s := range sizes {
		n := s.n
		add(c("LdA"+s.name+"Eq2", doc, all, func(o *operands) string {
			return legacyOffset(true, n) + "v := " + pktBE32(n) + "\nr[0] = uint64(v)\n" + o.branch3("v == in.k2", "v == in.k4")
		}))
		doc = ""
	}
	add(c("J32Eq2K", "Two JMP32 equality tests of dst: with k (to jt), else with k4 (to jt3),\nelse to jf.", all, func(o *operands) string {
		return "v := uint32(r[in.dst&15])\n" + o.branch3("v == in.k", "v == in.k4")
	}))
	add(c("MSH", "classic ldxb 4*([k]&0xf): r[src] saves r0, r[dst] gets the result", all, func(o *operands) string {
		// A negative k may be one of Linux's special offsets: exec
		// reads those (legacyOffset).
		return "o := int(int32(in.k))\nif o < 0 {\ngoto slow\n}\nr[in.src&15] = uint64(uint32(r[0]))\nif o >= len(pkt) {\nreturn 0, nil\n}\nr[in.dst&15] = uint64(pkt[o]&15) << 2\nr[0] = uint64(uint32(r[in.src&15]))\n" + o.next() + "\n"
	}))
	doc = "Legacy loads into r0 (B, H, W, absolute then indexed) masked with k2\n(r0 &= k2, a following and32), then the comparison of r0 that node\njt describes (see cnode)."
	for _, mode := range []string{"A", "I"} {
		for _, s := range sizes {
			abs, n := mode == "A", s.n
			add(c("Ld"+mode+s.name+"AndTree", doc, all, func(o *operands) string {
				node := "&c.code.nodes[uint8(in.jt)]"
				if o.long {
					node = "&nodes[in.jt]"
				}
				return legacyOffset(abs, n) + "v := (" + pktBE32(n) + ") & in.k2\nr[0] = uint64(v)\nn := " + node +
					"\nt := n.jf\nif v&n.mask-n.lo <= n.span {\nt = n.jt\n}\nif t >= retFlag {\n" + o.ret("t") + "\n}\n" + o.goTo("t") + "\n"
			}))
			doc = ""
		}
	}
	doc = "The same legacy loads when r1 to r5 may be read after them: they\nclear r1 to r5 as the load does."
	for _, mode := range []string{"A", "I"} {
		for _, s := range sizes {
			abs, n := mode == "A", s.n
			add(c("Ld"+mode+s.name+"Clear", doc, all, func(o *operands) string {
				return legacyOffset(abs, n) + "r[0], r[1], r[2], r[3], r[4], r[5] = uint64(" + pktBE32(n) + "), 0, 0, 0, 0, 0\n" + o.next() + "\n"
			}))
			doc = ""
		}
	}

	// Conditional jumps.
	doc = "Conditional jumps: dst against k (sign-extended for 64 bits) or src."
	for _, w := range []int{32, 64} {
		for _, x := range []bool{false, true} {
			for _, cn := range compactCmps {
				w, x, cmp := w, x, cmpByName(cn)
				add(c(fmt.Sprintf("J%d%s%s", w, cn, kx(x)), doc, all, func(o *operands) string {
					return o.branch(cmp.cond(o, w, x))
				}))
				doc = ""
			}
		}
	}

	// ALU.
	doc = "ALU and byte order (shared with exec: internal/genloops)."
	for _, a := range aluCases() {
		a := a
		op := c(a.name, doc, all, func(o *operands) string {
			s := a.op.body(o, a.x)
			if s != "" {
				s += "\n"
			}
			return s + o.next() + "\n"
		})
		op.builder = "op" + a.name
		add(op)
		doc = ""
	}
	add(c("Mov2K", "r[dst] = k, r[src] = k2", all, func(o *operands) string {
		return "r[in.dst&15], r[in.src&15] = uint64(in.k), uint64(in.k2)\n" + o.next() + "\n"
	}), c("Lddw", "r[dst] = k | k2<<32", all, func(o *operands) string {
		return "r[in.dst&15] = uint64(in.k) | uint64(in.k2)<<32\n" + o.next() + "\n"
	}))

	// Memory.
	doc = "Loads at r[src]+k and stores at r[dst]+k (k sign-extended) of r[src]\nor of k2 sign-extended (cSt*), to the stack, or loads from the packet\nin the direct loops; any other address hands the run to exec."
	for _, m := range []struct {
		name     string
		n        int
		signed   bool
		execName string
	}{{"LdxB", 1, false, ""}, {"LdxH", 2, false, ""}, {"LdxW", 4, false, ""}, {"LdxDW", 8, false, ""},
		{"LdxSB", 1, true, ""}, {"LdxSH", 2, true, ""}, {"LdxSW", 4, true, ""}} {
		m := m
		op := c(m.name, doc, all, func(o *operands) string {
			return memLoad(o, m.n, false, m.signed) + "r[in.dst&15] = v\n" + o.next() + "\n"
		})
		op.builder = "op" + m.name
		add(op)
		doc = ""
	}
	for _, kind := range []struct{ name, val string }{{"St", "uint64(int64(int32(in.k2)))"}, {"Stx", "r[in.src&15]"}} {
		for _, m := range []struct {
			name string
			n    int
		}{{"B", 1}, {"H", 2}, {"W", 4}, {"DW", 8}} {
			kind, m := kind, m
			op := c(kind.name+m.name, "", all, func(o *operands) string { return stackStore(m.n, kind.val) })
			op.builder = "op" + kind.name + m.name
			add(op)
		}
	}

	// Context values.
	const skbLen = "v := uint32(len(pkt))\nif skb != nil {\nv = skb.Len\n}\nr[in.dst&15] = uint64(v)\n"
	const buffLen = "v := uint64(len(pkt))\nif md != nil && md.FrameLen != 0 {\nv = uint64(md.FrameLen)\n}\nr[0] = v\n"
	add(c("CtxLen", "r[dst] = the __sk_buff's len, then (but for the first) a JMP32\ncomparison of r[dst] with k2 (socket loops)", skbCtx, func(o *operands) string {
		return skbLen + o.next() + "\n"
	}))
	for _, cn := range compactCmps[:4] {
		cmp := cmpByName(cn)
		add(c("CtxLen"+cn, "", skbCtx, func(o *operands) string { return skbLen + o.branch(cmp.condWith("v", "in.k2")) }))
	}
	add(c("BuffLen", "r0 = bpf_xdp_get_buff_len(), the VM's own, then (but for the first) a\nJMP32 comparison of r0 with k2 (XDP loops)", xdpCtx, func(o *operands) string {
		return buffLen + o.next() + "\n"
	}))
	for _, cn := range compactCmps[:4] {
		cmp := cmpByName(cn)
		add(c("BuffLen"+cn, "", xdpCtx, func(o *operands) string { return buffLen + o.branch(cmp.condWith("uint32(v)", "in.k2")) }))
	}
	add(c("CtxWord", "r[dst] = the context's 32-bit field k, read at the run's entry (compactForm.ctxWords)", all, func(o *operands) string {
		return "r[in.dst&15] = uint64(vm.ctxWords[in.k&(ctxWords-1)])\n" + o.next() + "\n"
	}))

	// Direct packet access.
	doc = "Direct packet access (the direct loops only): loads from the packet\n(or the stack) of r[src]+k with the byte swap after them, and with a\nJMP32 comparison with k2 after that; translate's bounds check."
	for _, s := range sizes[1:] {
		n := s.n
		add(c("Ldx"+s.name+"BE", doc, direct, func(o *operands) string {
			return memLoad(o, n, true, false) + "r[in.dst&15] = v\n" + o.next() + "\n"
		}))
		doc = ""
	}
	for _, s := range sizes {
		for _, cn := range compactCmps[:4] {
			n, cmp := s.n, cmpByName(cn)
			add(c("Ldx"+s.name+cn, "", direct, func(o *operands) string {
				return memLoad(o, n, true, false) + "r[in.dst&15] = v\n" + o.branch(cmp.condWith("uint32(v)", "in.k2"))
			}))
		}
	}
	doc = "cLdxBEq to cLdxWEq (the equality tests) followed by a second equality\ntest, as cLdAHEq2."
	for _, s := range sizes {
		n := s.n
		add(c("Ldx"+s.name+"Eq2", doc, direct, func(o *operands) string {
			return memLoad(o, n, true, false) + "r[in.dst&15] = v\n" + o.branch3("uint32(v) == in.k2", "uint32(v) == in.k4")
		}))
		doc = ""
	}
	add(c("Check", "r[dst] = r[src] + k (sign-extended); if r[dst] > r[aux] go to jt, else jf", direct, func(o *operands) string {
		return "v := r[in.src&15] + uint64(int64(int32(in.k)))\nr[in.dst&15] = v\n" + o.branch("v > r[in.aux&15]")
	}))
	doc = "translate's bounds check (r[dst2] = r[src2] + k3; if r[dst2] >\nr[aux] go to jt2) and the direct load after it (as cLdxB, cLdxHBE\nand cLdxWBE, then go to jf; or as cLdxBEq to cLdxWSet)."
	for _, s := range sizes {
		n, name := s.n, s.name
		if n > 1 {
			name += "BE"
		}
		add(c("ChkLdx"+name, doc, direct, func(o *operands) string {
			return checkFirst(o) + memLoad(o, n, n > 1, false) + "r[in.dst&15] = v\n" + o.goTo("in.jf") + "\n"
		}))
		doc = ""
	}
	for _, s := range sizes {
		for _, cn := range compactCmps[:4] {
			n, cmp := s.n, cmpByName(cn)
			add(c("ChkLdx"+s.name+cn, "", direct, func(o *operands) string {
				return checkFirst(o) + memLoad(o, n, true, false) + "r[in.dst&15] = v\n" + o.branch(cmp.condWith("uint32(v)", "in.k2"))
			}))
		}
	}
	doc = "The same when r[src2] and r[src] are data and r[aux] data_end at\nevery instruction, k is nonnegative, k3 is k plus the load's size and\nr[dst2] is not read after it: the check is k > len(pkt)-size, the load\nis at offset k of the packet, and r[dst2] is not written."
	for _, s := range sizes {
		n, name := s.n, s.name
		if n > 1 {
			name += "BE"
		}
		add(c("ChkLdD"+name, doc, direct, func(o *operands) string {
			return dataLoad(o, n) + "r[in.dst&15] = v\n" + o.goTo("in.jf") + "\n"
		}))
		doc = ""
	}
	for _, s := range sizes {
		for _, cn := range compactCmps[:4] {
			n, cmp := s.n, cmpByName(cn)
			add(c("ChkLdD"+s.name+cn, "", direct, func(o *operands) string {
				return dataLoad(o, n) + "r[in.dst&15] = v\n" + o.branch(cmp.condWith("uint32(v)", "in.k2"))
			}))
		}
	}
	doc = "cChkLdDB to cChkLdDW followed by two equality tests, as cLdAHEq2."
	for _, s := range sizes {
		n := s.n
		add(c("ChkLdD"+s.name+"Eq2", doc, direct, func(o *operands) string {
			return dataLoad(o, n) + "r[in.dst&15] = v\n" + o.branch3("uint32(v) == in.k2", "uint32(v) == in.k4")
		}))
		doc = ""
	}
	doc = "cChkLdDB, cChkLdDHBE and cChkLdDWBE into r0, masked with k2 (a following\nand32), then the comparison of r0 that node jt describes (as\ncLdABAndTree)."
	for _, s := range sizes {
		n := s.n
		add(c("ChkLdD"+s.name+"AndTree", doc, direct, func(o *operands) string {
			node := "&c.code.nodes[uint8(in.jt)]"
			if o.long {
				node = "&nodes[in.jt]"
			}
			return dataLoad(o, n) + "w := uint32(v) & in.k2\nr[0] = uint64(w)\nn := " + node +
				"\nt := n.jf\nif w&n.mask-n.lo <= n.span {\nt = n.jt\n}\nif t >= retFlag {\n" + o.ret("t") + "\n}\n" + o.goTo("t") + "\n"
		}))
		doc = ""
	}
	add(c("Index", "translate's address of an indexed load: r[dst] = r[src]; if r[dst] >\nk (64-bit, sign-extended) go to jt; r[dst2] = r[src2] + r[dst]; go to\njf.", direct, func(o *operands) string {
		return "x := r[in.src&15]\nr[in.dst&15] = x\nif x > uint64(int64(int32(in.k))) {\n" + o.jumpNow("in.jt") + "}\nr[in.dst2&15] = r[in.src2&15] + x\n" + o.goTo("in.jf") + "\n"
	}), c("LdxMSH", "translate's ldx 4*([k]&0xf) for direct access: a cLdxB then and32\ndst, 15 and lsh32 dst, 2; then go to jf.", direct, func(o *operands) string {
		return memLoad(o, 1, false, false) + "r[in.dst&15] = uint64(uint32(v)&15) << 2\n" + o.goTo("in.jf") + "\n"
	}))
	return ops
}

func kx(x bool) string {
	if x {
		return "X"
	}
	return "K"
}

// condWith is comparison c (unsigned, 32-bit) of a with b.
func (c cmpOp) condWith(a, b string) string {
	if c.rel == "&" {
		return a + "&" + b + " != 0"
	}
	return a + " " + c.rel + " " + b
}

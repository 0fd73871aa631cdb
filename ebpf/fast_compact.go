package ebpf

// The loops that run the compact form are generated: their cases are
// written once in internal/genloops/genloops.py (TestGeneratedLoops checks
// that the files are up to date).
//go:generate sh -c "python3 internal/genloops/genloops.py socket | gofmt > fast_socket.go"
//go:generate sh -c "python3 internal/genloops/genloops.py xdp | gofmt > fast_xdp.go"

// The compact form. For RunSocket, a program with a fast form (fast.go) may
// also have a compact form, run by socketExec (fast_socket.go): a smaller
// interpreter loop for the operations that socket filters, translate's
// among them, are made of. It differs from the fast form in how it is laid
// out, not in what it does:
//
//   - Only the slots a run can reach from the entry (after the prologue)
//     are kept, in slot order, and numbered from 0; a fused operation is one
//     instruction. There are at most compactMax of them, so that an index is
//     a uint8 and indexing the fixed-size array needs no bounds check.
//   - Every jump names both of its successors (jt and jf), so that the
//     negated comparisons (jne, jlt, jle, jslt, jsle) are the others with
//     their targets swapped: four comparisons, eq, gt, ge and set, and two
//     signed ones, cover them all.
//   - A successor that is a return of a constant (mov r0, k; exit) is
//     resolved when the form is built: the jump returns k itself instead of
//     going on to dispatch the return.
//   - A slot that only the general interpreter runs (a helper call, a load
//     from the context, an access outside the stack) hands the run over to
//     exec at its slot, as the fast form does (resume): slots maps each
//     instruction back to its slot.
//
// A program gets no compact form when it has more than compactMax reachable
// instructions, or an operation the compact loop does not have (the fused
// direct-access operations, sign-extending loads and moves, signed division,
// or a legacy load after which r1 to r5 may be read); it runs in the fast
// form then.

// compactMax is the most instructions a compact form may have.
const compactMax = 256

// retFlag marks a successor (jt, jf) that is a return of a constant: the
// low 8 bits index the cRet instruction holding it.
const retFlag = 0x100

// cinst is an instruction of the compact form.
type cinst struct {
	op     cop
	dst    uint8
	src    uint8
	aux    uint8  // third register of cCheck
	jt, jf uint16 // successors of a jump: a compact index, or retFlag|index of a cRet
	k      uint32 // immediate, memory offset or packet offset (low half of a 64-bit constant)
	k2     uint32 // comparison constant of a fused load and jump (high half of a 64-bit constant)

	// The first operation of a fused pair (cChk*, cIndex): registers,
	// immediate and where the check jumps to.
	dst2, src2 uint8
	jt2        uint16
	k3         uint32
	_          [8]byte // 32 bytes: an index is a shift
}

// cop is an operation of the compact form.
type cop uint8

// Operations of the compact form. Comparisons come in the order eq, gt, ge,
// set, sgt, sge (fused loads: eq, gt, ge, set). The first is 0 and the last
// cSlow is 255, so that a switch on a cop needs no range check.
const (
	cRet  cop = iota // return k
	cExit            // return r0
	cJa              // go to jt

	// Legacy packet loads into r0: absolute (k, below 1<<31) and indexed
	// (src + k, 32-bit, signed); out of the packet, the run returns 0.
	cLdAB
	cLdAH
	cLdAW
	cLdIB
	cLdIH
	cLdIW
	// The same followed by a JMP32 comparison of r0 with k2.
	cLdABEq
	cLdABGt
	cLdABGe
	cLdABSet
	cLdAHEq
	cLdAHGt
	cLdAHGe
	cLdAHSet
	cLdAWEq
	cLdAWGt
	cLdAWGe
	cLdAWSet
	cLdIBEq
	cLdIBGt
	cLdIBGe
	cLdIBSet
	cLdIHEq
	cLdIHGt
	cLdIHGe
	cLdIHSet
	cLdIWEq
	cLdIWGt
	cLdIWGe
	cLdIWSet
	cMSH // classic ldxb 4*([k]&0xf): r[src] saves r0, r[dst] gets the result
	// Legacy loads into r0 (B, H, W, absolute then indexed) masked with k2
	// (r0 &= k2, a following and32), then the comparison of r0 that node
	// jt describes (see cnode).
	cLdABAndTree
	cLdAHAndTree
	cLdAWAndTree
	cLdIBAndTree
	cLdIHAndTree
	cLdIWAndTree

	// Conditional jumps: dst against k (sign-extended for 64 bits) or src.
	cJ32EqK
	cJ32GtK
	cJ32GeK
	cJ32SetK
	cJ32SGtK
	cJ32SGeK
	cJ32EqX
	cJ32GtX
	cJ32GeX
	cJ32SetX
	cJ32SGtX
	cJ32SGeX
	cJ64EqK
	cJ64GtK
	cJ64GeK
	cJ64SetK
	cJ64SGtK
	cJ64SGeK
	cJ64EqX
	cJ64GtX
	cJ64GeX
	cJ64SetX
	cJ64SGtX
	cJ64SGeX

	// ALU. 32-bit results are zero-extended; 64-bit K forms sign-extend k.
	cAdd32K
	cSub32K
	cMul32K
	cDiv32K
	cMod32K
	cOr32K
	cAnd32K
	cXor32K
	cLsh32K
	cRsh32K
	cArsh32K
	cNeg32
	cMov32K
	cAdd32X
	cSub32X
	cMul32X
	cDiv32X
	cMod32X
	cOr32X
	cAnd32X
	cXor32X
	cLsh32X
	cRsh32X
	cArsh32X
	cMov32X
	cAdd64K
	cSub64K
	cMul64K
	cDiv64K
	cMod64K
	cOr64K
	cAnd64K
	cXor64K
	cLsh64K
	cRsh64K
	cArsh64K
	cNeg64
	cMov64K
	cAdd64X
	cSub64X
	cMul64X
	cDiv64X
	cMod64X
	cOr64X
	cAnd64X
	cXor64X
	cLsh64X
	cRsh64X
	cArsh64X
	cMov64X
	cMov2K // r[dst] = k, r[src] = k2
	cLddw  // r[dst] = k | k2<<32
	cLE16
	cLE32
	cLE64 // no-op
	cSwap16
	cSwap32
	cSwap64

	// Stack loads and stores at r[src]+k (loads) or r[dst]+k (stores),
	// k sign-extended, of r[src] or of k2 sign-extended (cSt*); any other
	// address hands the run to exec.
	cLdxB
	cLdxH
	cLdxW
	cLdxDW
	cStB
	cStH
	cStW
	cStDW
	cStxB
	cStxH
	cStxW
	cStxDW

	// Direct packet access (RunXDP only): loads from the packet (or the
	// stack) of r[src]+k with the byte swap after them, and with a JMP32
	// comparison with k2 after that; translate's bounds check.
	cLdxHBE
	cLdxWBE
	cLdxBEq
	cLdxBGt
	cLdxBGe
	cLdxBSet
	cLdxHEq
	cLdxHGt
	cLdxHGe
	cLdxHSet
	cLdxWEq
	cLdxWGt
	cLdxWGe
	cLdxWSet
	cCheck // r[dst] = r[src] + k (sign-extended); if r[dst] > r[aux] go to jt, else jf
	// translate's bounds check (r[dst2] = r[src2] + k3; if r[dst2] >
	// r[aux] go to jt2) and the direct load after it (as cLdxB, cLdxHBE
	// and cLdxWBE, then go to jf; or as cLdxBEq to cLdxWSet).
	cChkLdxB
	cChkLdxHBE
	cChkLdxWBE
	cChkLdxBEq
	cChkLdxBGt
	cChkLdxBGe
	cChkLdxBSet
	cChkLdxHEq
	cChkLdxHGt
	cChkLdxHGe
	cChkLdxHSet
	cChkLdxWEq
	cChkLdxWGt
	cChkLdxWGe
	cChkLdxWSet
	// The same when r[src2] and r[src] are data and r[aux] data_end at
	// every instruction (and k3 and k nonnegative): the check is k3 >
	// len(pkt), the load is at offset k of the packet.
	cChkLdDB
	cChkLdDHBE
	cChkLdDWBE
	cChkLdDBEq
	cChkLdDBGt
	cChkLdDBGe
	cChkLdDBSet
	cChkLdDHEq
	cChkLdDHGt
	cChkLdDHGe
	cChkLdDHSet
	cChkLdDWEq
	cChkLdDWGt
	cChkLdDWGe
	cChkLdDWSet
	// translate's address of an indexed load: r[dst] = r[src]; if r[dst] >
	// k (64-bit, sign-extended) go to jt; r[dst2] = r[src2] + r[dst]; go to
	// jf.
	cIndex
	// translate's ldx 4*([k]&0xf) for direct access: a cLdxB then and32
	// dst, 15 and lsh32 dst, 2; then go to jf.
	cLdxMSH

	cSlow cop = 255 // hand the run over to exec at this slot
)

// cnode is the JMP32 comparison of r0 with a constant (unsigned: eq, ne,
// gt, ge, lt, le, set) that follows a masked load (cLd*AndTree), whose
// constants do not fit in the cinst with the load's. Every such comparison
// is the same test, that r0&mask-lo (in 32 bits) is at most span:
//
//	eq k:  mask ^0, lo k,   span 0
//	gt k:  mask ^0, lo k+1, span ^0-(k+1) (never true for k = ^0: mask 0, lo 1, span 0)
//	ge k:  mask ^0, lo k,   span ^0-k
//	set k: mask k,  lo 1,   span ^0-1
//
// and ne, lt and le are eq, ge and gt with jt and jf swapped. (Chains of
// such comparisons, run one after the other without a dispatch, were
// measured: no fewer instructions than dispatching each.)
type cnode struct {
	mask, lo, span uint32
	jt, jf         uint16 // successors: an instruction, or a return (retFlag|i)
}

// compactForm is a program's compact form.
type compactForm struct {
	insts  [compactMax]cinst
	nodes  [compactMax]cnode
	slots  []uint16 // the slot of each instruction, for resume
	stores bool     // as fastForm.stores
	lenReg uint8    // the register that holds data_end at entry (XDP), or regSpare
	// The register that holds data (the packet's start) at entry (XDP),
	// or regSpare.
	dataReg uint8
}

// Comparison kinds, in the order of the compact operations.
const (
	cmpEq = iota
	cmpGt
	cmpGe
	cmpSet
	cmpSGt
	cmpSGe
)

// jumpKind gives, for each conditional jump of exec, its comparison kind,
// whether the targets are swapped (the negated comparisons), whether it is a
// JMP32 and whether it compares with a register.
type jumpKind struct {
	cmp            int
	swap, j32, isX bool
}

var jumpKinds = func() map[op]jumpKind {
	m := make(map[op]jumpKind)
	type base struct {
		cmp  int
		swap bool
	}
	// In the order of opJEqK..opJSLeX (and the 32-bit forms), K then X.
	order := []base{{cmpEq, false}, {cmpGt, false}, {cmpGe, false}, {cmpSet, false}, {cmpEq, true},
		{cmpSGt, false}, {cmpSGe, false}, {cmpGe, true}, {cmpGt, true}, {cmpSGe, true}, {cmpSGt, true}}
	for i, b := range order {
		for x := 0; x < 2; x++ {
			m[opJEqK+op(2*i+x)] = jumpKind{b.cmp, b.swap, false, x == 1}
			m[opJEq32K+op(2*i+x)] = jumpKind{b.cmp, b.swap, true, x == 1}
		}
	}
	return m
}()

// compactALU maps exec's ALU, byte-order and memory operations to the
// compact ones.
var compactALU = map[op]cop{
	opAdd32K: cAdd32K, opSub32K: cSub32K, opMul32K: cMul32K, opDiv32K: cDiv32K, opMod32K: cMod32K,
	opOr32K: cOr32K, opAnd32K: cAnd32K, opXor32K: cXor32K, opLsh32K: cLsh32K, opRsh32K: cRsh32K,
	opArsh32K: cArsh32K, opNeg32: cNeg32, opMov32K: cMov32K,
	opAdd32X: cAdd32X, opSub32X: cSub32X, opMul32X: cMul32X, opDiv32X: cDiv32X, opMod32X: cMod32X,
	opOr32X: cOr32X, opAnd32X: cAnd32X, opXor32X: cXor32X, opLsh32X: cLsh32X, opRsh32X: cRsh32X,
	opArsh32X: cArsh32X, opMov32X: cMov32X,
	opAdd64K: cAdd64K, opSub64K: cSub64K, opMul64K: cMul64K, opDiv64K: cDiv64K, opMod64K: cMod64K,
	opOr64K: cOr64K, opAnd64K: cAnd64K, opXor64K: cXor64K, opLsh64K: cLsh64K, opRsh64K: cRsh64K,
	opArsh64K: cArsh64K, opNeg64: cNeg64, opMov64K: cMov64K,
	opAdd64X: cAdd64X, opSub64X: cSub64X, opMul64X: cMul64X, opDiv64X: cDiv64X, opMod64X: cMod64X,
	opOr64X: cOr64X, opAnd64X: cAnd64X, opXor64X: cXor64X, opLsh64X: cLsh64X, opRsh64X: cRsh64X,
	opArsh64X: cArsh64X, opMov64X: cMov64X,
	opLE16: cLE16, opLE32: cLE32, opLE64: cLE64, opSwap16: cSwap16, opSwap32: cSwap32, opSwap64: cSwap64,
	opLdxB: cLdxB, opLdxH: cLdxH, opLdxW: cLdxW, opLdxDW: cLdxDW,
	opStB: cStB, opStH: cStH, opStW: cStW, opStDW: cStDW,
	opStxB: cStxB, opStxH: cStxH, opStxW: cStxW, opStxDW: cStxDW,
}

// fusedLoadKind gives, for the fused legacy load-and-jumps of the fast
// form, the load size (0, 1, 2 for B, H, W), whether the load is absolute
// and the comparison.
func fusedLoadKind(o op) (size int, abs bool, jk jumpKind, ok bool) {
	var rel int
	switch {
	case o >= opLdBJEq && o <= opLdWJSet:
		rel = int(o - opLdBJEq)
	case o >= opLdABJEq && o <= opLdAWJSet:
		rel, abs = int(o-opLdABJEq), true
	default:
		return 0, false, jumpKind{}, false
	}
	return rel / 7, abs, fusedJump(rel % 7), true
}

// fusedJump returns the comparison of the fused load-and-jumps whose
// operation is i after the first of their size (eq, ne, gt, ge, lt, le,
// set).
func fusedJump(i int) jumpKind {
	return jumpKinds[opJEq32K+[7]op{0, 8, 2, 4, 14, 16, 6}[i]]
}

// successors returns the slots that may run after slot pc of the fast form
// out, in the order (taken, fall-through) for jumps; none for a return.
func successors(out []finst, pc int) []int {
	in := &out[pc]
	o := in.op
	switch {
	case o == opRetK || o == opExit:
		return nil
	case o == opJA:
		return []int{int(in.off)}
	case o >= opJEqK && o <= opJSLe32X:
		return []int{int(in.off), pc + 1}
	case o >= opLdBJEq && o <= opLdWJSet, o >= opLdABJEq && o <= opLdAWJSet:
		return []int{int(in.off), pc + 2}
	case o == opMSH:
		return []int{pc + 6}
	case o == opMov2K, o == opLddw, o == opLdxHBE, o == opLdxWBE:
		return []int{pc + 2}
	case o == opCheck:
		return []int{int(in.off), pc + 3}
	case o >= opLdxBJEq && o <= opLdxBJSet:
		return []int{int(in.off), pc + 2}
	case o >= opLdxHJEq && o <= opLdxWJSet:
		return []int{int(in.off), pc + 3}
	}
	return []int{pc + 1}
}

// buildCompact returns the compact form of the fast form f of the program
// plain for runs of kind, or nil when it has none (see the top of this
// file).
func buildCompact(f *fastForm, plain []inst, kind runKind) *compactForm {
	out := f.insts
	st := &f.entry[kind]
	if st.lenReg != regSpare && (kind != runXDP || st.lenBase != packetBase) {
		return nil // only the XDP loop sets data_end
	}
	// The reachable slots, in slot order: successors are later slots.
	reach := make([]bool, len(out)+1)
	reach[st.start] = true
	var order []int
	for pc := st.start; pc < len(out); pc++ {
		if !reach[pc] {
			continue
		}
		order = append(order, pc)
		for _, s := range successors(out, pc) {
			if s >= len(out) {
				return nil // unreachable for a validated program
			}
			reach[s] = true
		}
	}
	// Layout: a cLddw for each register to set at entry (but for the
	// packet's start and end in RunXDP, which xdpExec sets), then each
	// reachable slot, and a cJa after one whose fall-through successor is
	// not the next slot laid out.
	var init []regValue
	dataReg := uint8(regSpare)
	for _, v := range append(st.init[:st.n:st.n], st.more...) {
		if kind == runXDP && v.val == packetBase && dataReg == regSpare {
			dataReg = v.reg // set by xdpExec at entry, with data_end
			continue
		}
		init = append(init, v)
	}
	index := make(map[int]int) // slot -> compact index
	var slots []uint16
	for range init {
		slots = append(slots, uint16(st.start))
	}
	type fix struct {
		at   int // compact index of a cJa to resolve
		slot int
	}
	var jas []fix
	for i, pc := range order {
		index[pc] = len(slots)
		slots = append(slots, uint16(pc))
		succ := successors(out, pc)
		if len(succ) == 0 || out[pc].op == opJA {
			continue
		}
		fall := succ[len(succ)-1]
		if i+1 < len(order) && order[i+1] == fall {
			continue
		}
		// Sequential operations fall through to the next instruction laid
		// out; jumps name their successors and need no cJa.
		if len(succ) == 1 {
			jas = append(jas, fix{len(slots), fall})
			slots = append(slots, uint16(pc))
		}
	}
	if len(slots) > compactMax {
		return nil
	}
	c := &compactForm{slots: slots, stores: f.stores, lenReg: st.lenReg, dataReg: dataReg}
	for i, v := range init {
		c.insts[i] = cinst{op: cLddw, dst: v.reg & 15, k: uint32(v.val), k2: uint32(v.val >> 32)}
	}
	b := &compactBuilder{out: out, index: index, form: c, direct: kind == runXDP}
	if dataReg != regSpare && st.lenReg != regSpare && written(plain[st.start:])&(1<<dataReg|1<<st.lenReg) == 0 {
		// No instruction run after the entry writes data or data_end:
		// they keep their entry values throughout.
		b.fixedData = true
	}
	for _, pc := range order {
		ci, ok := b.inst(pc)
		if !ok {
			return nil
		}
		c.insts[index[pc]] = ci
	}
	for _, j := range jas {
		t := b.target(j.slot)
		if t&retFlag != 0 {
			c.insts[j.at] = c.insts[uint8(t)]
		} else {
			c.insts[j.at] = cinst{op: cJa, jt: t}
		}
	}
	if b.full {
		return nil
	}
	return c
}

// compactBuilder holds what buildCompact needs while it translates the
// slots of the fast form out.
type compactBuilder struct {
	out    []finst
	index  map[int]int // slot -> compact index
	form   *compactForm
	nodes  int  // nodes used in form.nodes
	full   bool // more nodes were needed than form.nodes holds
	direct bool // the form is for RunXDP, whose loop has direct packet access
	// The form's data and data_end registers (compactForm.dataReg and
	// lenReg) hold data and data_end at every instruction.
	fixedData bool
}

// written returns the registers that the instructions insts may write.
func written(insts []inst) regMask {
	var m regMask
	for i := range insts {
		in := &insts[i]
		switch o := in.op; {
		case o >= opAdd64K && o <= opArsh32X, o >= opLE16 && o <= opSwap64,
			o >= opLdxB && o <= opLdxSW, o == opLddw:
			m |= 1 << (in.dst & 15)
		case o >= opLdAbsB && o <= opLdIndW, o == opCall:
			m |= 1 | maskR1R5
		case o >= opStB && o <= opStxDW, o >= opJA && o <= opJSLe32X, o == opExit, o == opInvalid:
		default: // atomics, local calls: not in a fast form; anything
			m |= 1<<regFP - 1
		}
	}
	return m
}

// target returns the jt/jf encoding of slot s.
func (b *compactBuilder) target(s int) uint16 {
	if b.out[s].op == opRetK {
		return retFlag | uint16(b.index[s])
	}
	return uint16(b.index[s])
}

// comparable says whether slot s of the fast form is a comparison a cnode
// can stand for: an unsigned JMP32 comparison of r0 with a constant.
func (b *compactBuilder) comparable(s int) bool {
	in := &b.out[s]
	jk, ok := jumpKinds[in.op]
	return ok && jk.j32 && !jk.isX && jk.cmp <= cmpSet && in.dst == 0
}

// node returns the index of a new node for the comparison at slot s, which
// must be comparable.
func (b *compactBuilder) node(s int) uint16 {
	if b.nodes == compactMax {
		b.full = true
		return 0
	}
	i := b.nodes
	b.nodes++
	in := &b.out[s]
	jk := jumpKinds[in.op]
	k := uint32(in.imm)
	n := cnode{mask: ^uint32(0)}
	switch jk.cmp {
	case cmpEq:
		n.lo = k
	case cmpGt:
		if k == ^uint32(0) {
			n.mask, n.lo = 0, 1
		} else {
			n.lo, n.span = k+1, ^uint32(0)-(k+1)
		}
	case cmpGe:
		n.lo, n.span = k, ^uint32(0)-k
	case cmpSet:
		n.mask, n.lo, n.span = k, 1, ^uint32(0)-1
	}
	n.jt, n.jf = b.target(int(in.off)), b.target(s+1)
	if jk.swap {
		n.jt, n.jf = n.jf, n.jt
	}
	b.form.nodes[i] = n
	return uint16(i)
}

// checkLoad returns the fused operation for the bounds check (opCheck) at
// slot pc and the direct load after it, if there is one.
func (b *compactBuilder) checkLoad(pc int) (cinst, bool) {
	chk := &b.out[pc]
	f, ok := b.inst(pc + 3)
	if !ok {
		return f, false
	}
	switch {
	case f.op == cLdxB || f.op == cLdxHBE || f.op == cLdxWBE:
		next := pc + 4
		if f.op != cLdxB {
			next++ // past the byte swap
		}
		if f.jf = b.target(next); f.jf&retFlag != 0 {
			return f, false
		}
		f.op = map[cop]cop{cLdxB: cChkLdxB, cLdxHBE: cChkLdxHBE, cLdxWBE: cChkLdxWBE}[f.op]
	case f.op >= cLdxBEq && f.op <= cLdxWSet:
		f.op += cChkLdxBEq - cLdxBEq
	default:
		return f, false
	}
	f.dst2, f.src2, f.aux, f.k3 = chk.dst&15, chk.src&15, chk.aux&15, uint32(chk.imm)
	f.jt2 = b.target(int(chk.off))
	if d := b.form.dataReg; b.fixedData && f.src2 == d && f.src == d && f.aux == b.form.lenReg &&
		int32(f.k3) >= 0 && int32(f.k) >= 0 {
		// The check compares data+k3 with data_end, and the load reads
		// data+k: both known when built but for the packet's length.
		f.op += cChkLdDB - cChkLdxB
	}
	return f, true
}

// inst returns the compact instruction for slot pc of the fast form, or
// false when the compact form has none for it.
func (b *compactBuilder) inst(pc int) (cinst, bool) {
	out := b.out
	in := &out[pc]
	c := cinst{dst: in.dst & 15, src: in.src & 15, k: uint32(in.imm)}
	if in.aux&auxClobber != 0 && in.op != opCheck { // opCheck's aux is a register
		return c, false // the compact loop does not clear r1 to r5
	}
	abs := in.src == regZero && int32(uint32(in.imm)) >= 0 // an absolute legacy load
	switch o := in.op; {
	case o == opRetK:
		c.op = cRet
	case o == opExit:
		c.op = cExit
	case o == opJA:
		t := b.target(int(in.off))
		if t&retFlag != 0 {
			// A jump to a return is that return.
			return cinst{op: cRet, k: uint32(out[in.off].imm)}, true
		}
		c.op, c.jt = cJa, t
	case o == opCall:
		c.op = cSlow
	case o >= opLdIndB && o <= opLdIndW:
		size := cop(o - opLdIndB)
		if pc+2 < len(out) && out[pc+1].op == opAnd32K && out[pc+1].dst == 0 && b.comparable(pc+2) {
			// ld; and32 r0, k2; a comparison of r0 with a constant.
			c.op, c.k2, c.jt = cLdIBAndTree+size, uint32(out[pc+1].imm), b.node(pc+2)
			if abs {
				c.op = cLdABAndTree + size
			}
			return c, true
		}
		if abs {
			c.op = cLdAB + size
		} else {
			c.op = cLdIB + size
		}
	case o == opMSH:
		c.op = cMSH
	case o == opMov2K:
		c.op, c.k, c.k2 = cMov2K, uint32(in.imm), uint32(in.imm>>32)
	case o == opLddw:
		c.op, c.k, c.k2 = cLddw, uint32(in.imm), uint32(in.imm>>32)
	default:
		if size, fabs, jk, ok := fusedLoadKind(o); ok {
			if jk.cmp > cmpSet {
				return c, false
			}
			abs = abs || fabs
			base := cLdIBEq
			if abs {
				base = cLdABEq
			}
			c.op = base + cop(4*size+jk.cmp)
			c.k, c.k2 = uint32(in.imm), uint32(in.imm>>32)
			c.jt, c.jf = b.target(int(in.off)), b.target(pc+2)
			if jk.swap {
				c.jt, c.jf = c.jf, c.jt
			}
			return c, true
		}
		if jk, ok := jumpKinds[o]; ok {
			base := cJ64EqK
			if jk.j32 {
				base = cJ32EqK
			}
			if jk.isX {
				base += cJ32EqX - cJ32EqK
			}
			c.op = base + cop(jk.cmp)
			c.jt, c.jf = b.target(int(in.off)), b.target(pc+1)
			if jk.swap {
				c.jt, c.jf = c.jf, c.jt
			}
			return c, true
		}
		if b.direct {
			switch {
			case o == opLdxHBE, o == opLdxWBE:
				c.op, c.k = cLdxHBE+cop(o-opLdxHBE), uint32(in.off)
				return c, true
			case o == opCheck:
				if f, ok := b.checkLoad(pc); ok {
					return f, true
				}
				c.op, c.aux, c.k = cCheck, in.aux&15, uint32(in.imm)
				c.jt, c.jf = b.target(int(in.off)), b.target(pc+3)
				return c, true
			case o == opLdxB && pc+3 < len(out):
				// ldxb d, [s+k]; and32 d, 15; lsh32 d, 2
				and, lsh := &out[pc+1], &out[pc+2]
				if and.op == opAnd32K && and.dst == in.dst && uint32(and.imm) == 15 &&
					lsh.op == opLsh32K && lsh.dst == in.dst && uint32(lsh.imm) == 2 {
					if next := b.target(pc + 3); next&retFlag == 0 {
						c.op, c.k, c.jf = cLdxMSH, uint32(in.off), next
						return c, true
					}
				}
			case o == opMov64X && pc+3 < len(out):
				// mov64 d, s; jgt64 d, k, t; mov64 d2, s2; add64 d2, d
				jg, mv, add := &out[pc+1], &out[pc+2], &out[pc+3]
				if jg.op == opJGtK && jg.dst == in.dst && mv.op == opMov64X &&
					add.op == opAdd64X && add.dst == mv.dst && add.src == in.dst && mv.dst != in.dst {
					if next := b.target(pc + 4); next&retFlag == 0 {
						return cinst{op: cIndex, dst: in.dst & 15, src: in.src & 15, dst2: mv.dst & 15, src2: mv.src & 15,
							k: uint32(jg.imm), jt: b.target(int(jg.off)), jf: next}, true
					}
				}
			case o >= opLdxBJEq && o <= opLdxWJSet:
				rel := int(o - opLdxBJEq)
				size, jk := rel/7, fusedJump(rel%7)
				if jk.cmp > cmpSet {
					return c, false
				}
				// The fast form has the comparison's constant in the low
				// half of imm and the load's offset in the high half.
				c.op, c.k, c.k2 = cLdxBEq+cop(4*size+jk.cmp), uint32(in.imm>>32), uint32(in.imm)
				next := pc + 2
				if size > 0 {
					next++ // past the byte swap
				}
				c.jt, c.jf = b.target(int(in.off)), b.target(next)
				if jk.swap {
					c.jt, c.jf = c.jf, c.jt
				}
				return c, true
			}
		}
		co, ok := compactALU[o]
		if !ok {
			return c, false
		}
		c.op = co
		if o >= opLdxB && o <= opStxDW {
			c.k, c.k2 = uint32(in.off), uint32(in.imm)
		}
	}
	return c, true
}

package ebpf

import "github.com/gocap/gocap/internal/bpfctx"

// The loops that run the compact form, and exec's, are generated from one
// table of operation semantics (internal/genloops; TestGenerated there
// checks that the files are up to date).
//go:generate go run ./internal/genloops

// The compact form. A program with a fast form (fast.go: forward jumps
// only, no local call, no atomic operation) has a compact form for
// RunSocket and one for RunXDP, each run by a loop of its own (generated:
// compact_socket.go, compact_xdp.go) that has only the operations its runs
// need:
//
//   - Only the slots a run can reach from the entry (after the prologue)
//     are kept, in slot order, and numbered from 0; a fused operation is one
//     instruction. When there are at most compactMax of them, an index is a
//     uint8 and indexing the fixed-size array needs no bounds check (the
//     loops socketExec and xdpExec); longer programs, up to compactLongMax,
//     run in the same loops with a 16-bit index (socketLong, xdpLong).
//   - Every jump names both of its successors (jt and jf), so that the
//     negated comparisons (jne, jlt, jle, jslt, jsle) are the others with
//     their targets swapped: four comparisons, eq, gt, ge and set, and two
//     signed ones, cover them all.
//   - A successor that is a return of a constant (mov r0, k; exit) is
//     resolved when the form is built: the jump returns k itself instead of
//     going on to dispatch the return.
//   - An instruction without effect (a move or ALU operation whose result
//     no path reads: deadWrite, such as XDP's mov r1, r6 before the VM's
//     own bpf_xdp_get_buff_len) is not laid out; its predecessors go on to
//     the instruction after it, and the registers only it read are not set
//     at entry.
//   - An equality test of a value whose other successor tests the same
//     value for equality with another constant (libpcap's ethertype and
//     protocol chains: jeq #0x800, then jeq #0x86dd) is one three-way
//     instruction (the *Eq2 operations, after a load or alone).
//   - The context's fields are values of the run, like data_end: a 4-byte
//     load of a field of the context through a register that holds the
//     context's address throughout is the field's value (cCtxLen, cCtxWord,
//     read at the entry), and the VM's own bpf_xdp_get_buff_len is the
//     frame's length (cBuffLen).
//   - A slot the loop does not run (a helper call, an access outside the
//     stack and the packet) hands the run over to exec at its slot
//     (resume), with the same registers and stack, so that the rare paths
//     and their errors have one implementation: slots maps each instruction
//     back to its slot.
//
// RunSocket's form has legacy packet loads only (socket filters), or direct
// packet access too (translate's TC target: the loops socketDirect and
// socketDirectLong, xdpExec's cases with RunSocket's context). Programs
// without a form (backward jumps, more than compactLongMax instructions) run
// in exec, and so does every run of Run.

// compactMax is the most instructions a compact form with an 8-bit index
// may have; compactLongMax the most with a 16-bit index.
const (
	compactMax     = 256
	compactLongMax = retFlag
)

// retFlag marks a successor (jt, jf) that is a return of a constant: the
// other bits index the cRet instruction holding it.
const retFlag = 0x8000

// The loops of compact forms (compactForm.loop).
const (
	loopShort      = iota // socketExec or xdpExec
	loopLong              // socketLong or xdpLong
	loopDirect            // socketDirect (RunSocket only)
	loopDirectLong        // socketDirectLong (RunSocket only)
)

// ctxWords is the size of VM.ctxWords, the context's 32-bit fields that a
// compact form reads, by offset/4: enough for __sk_buff and xdp_md.
const ctxWords = 64

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

	// The second equality test of the *Eq2 operations: its constant and
	// where it jumps when equal.
	jt3 uint16
	_   [2]byte
	k4  uint32 // 32 bytes: an index is a shift
}

// cop is an operation of the compact form (compact_ops.go).
type cop uint8

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
	code   compactCode // the instructions and nodes of a form with an 8-bit index
	insts  []cinst     // the instructions (of code, for a form with an 8-bit index)
	nodes  []cnode
	slots  []uint16 // the slot of each instruction, for resume
	loop   uint8    // the loop that runs it: loopShort, ...
	stores bool     // as fastForm.stores
	setup  bool     // a run needs setupSKB or setupXDP: stores, or ctxWords
	lenReg uint8    // the register that holds data_end at entry (direct loops), or regSpare
	// The register that holds data (the packet's start) at entry (direct
	// loops), or regSpare.
	dataReg uint8
	// The loop sets dataReg and lenReg at entry: some instruction
	// reachable in the form names them. When it does not, only resume
	// needs them, and sets them.
	dataLive bool
	// The register that holds the context's address at entry and
	// throughout, when the form does not set it because only context
	// loads read it (they are context values here): resume sets it before
	// exec runs the rest. regSpare if none.
	ctxReg uint8
	// The 32-bit fields of the context (by offset/4) that cCtxWord reads;
	// setupSKB and setupXDP read them into VM.ctxWords at entry. nil if none.
	ctxWords []uint8
}

// compactCode holds the instructions and nodes of a form with an 8-bit
// index: indexing them with a uint8 needs no bounds check.
type compactCode struct {
	insts [compactMax]cinst
	nodes [compactMax]cnode
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
// file). direct says whether the form's loop has direct packet access (always
// for runXDP); builtinLen whether helper index i is the VM's own
// bpf_xdp_get_buff_len.
func buildCompact(f *fastForm, plain []inst, kind runKind, direct bool, builtinLen func(i uint64) bool) *compactForm {
	out := f.insts
	st := &f.entry[kind]
	if st.lenReg != regSpare && (!direct || st.lenBase != packetBase) {
		return nil // only the direct loops set data_end
	}
	// The reachable slots, in slot order: successors are later slots.
	// A slot that writes a register no path reads (deadWrite) is not laid
	// out: its predecessors go on to the slot after it (live).
	live := func(s int) int {
		for s < len(out) && deadSlot(f, plain, s) {
			s++
		}
		return s
	}
	reach := make([]bool, len(out)+1)
	reach[live(st.start)] = true
	var order []int
	for pc := st.start; pc < len(out); pc++ {
		if !reach[pc] {
			continue
		}
		order = append(order, pc)
		for _, s := range successors(out, pc) {
			if s = live(s); s >= len(out) {
				return nil // unreachable for a validated program
			}
			reach[s] = true
		}
	}
	after := written(plain[st.start:]) // the registers some instruction may write
	// Layout: a cLddw for each register to set at entry (but for the
	// packet's start and end in the direct loops, which set them, and
	// for a register holding the context that only context loads read),
	// then each reachable slot, and a cJa after one whose fall-through
	// successor is not the next slot laid out.
	var init []regValue
	dataReg, ctxReg, ctxUsed := uint8(regSpare), uint8(regSpare), false
	for _, v := range append(st.init[:st.n:st.n], st.more...) {
		switch {
		case direct && v.val == packetBase && dataReg == regSpare:
			dataReg = v.reg // set by the loop at entry, with data_end
			continue
		case v.val == ctxBase && ctxReg == regSpare && after&(1<<v.reg) == 0:
			ctxReg = v.reg
			if ctxOnly(plain, out, st.start, v.reg, kind) {
				continue // set by resume only
			}
			ctxUsed = true
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
		fall := live(succ[len(succ)-1])
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
	if len(slots) > compactLongMax || len(plain) > 1<<16 {
		return nil // slots hold 16-bit slot numbers
	}
	c := &compactForm{insts: make([]cinst, len(slots)), slots: slots, stores: f.stores,
		lenReg: st.lenReg, dataReg: dataReg, ctxReg: regSpare}
	if !ctxUsed {
		c.ctxReg = ctxReg
	}
	for i, v := range init {
		c.insts[i] = cinst{op: cLddw, dst: v.reg & 15, k: uint32(v.val), k2: uint32(v.val >> 32)}
	}
	b := &compactBuilder{out: out, live: f.live, fast: f, plain: plain, index: index, form: c, direct: direct, kind: kind, ctxReg: ctxReg, builtinLen: builtinLen}
	if dataReg != regSpare && st.lenReg != regSpare && after&(1<<dataReg|1<<st.lenReg) == 0 {
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
			c.insts[j.at] = c.insts[t&^retFlag]
		} else {
			c.insts[j.at] = cinst{op: cJa, jt: t}
		}
	}
	if len(c.nodes) > compactLongMax {
		return nil
	}
	switch long := len(slots) > compactMax || len(c.nodes) > compactMax; {
	case direct && kind != runXDP && long:
		c.loop = loopDirectLong
	case direct && kind != runXDP:
		c.loop = loopDirect
	case long:
		c.loop = loopLong
	default:
		c.loop = loopShort
	}
	c.setup = c.stores || c.ctxWords != nil
	c.dataLive = c.dataReg != regSpare || c.lenReg != regSpare
	if direct && !c.names(c.dataReg, c.lenReg) {
		c.dataLive = false
	}
	if c.loop == loopShort || c.loop == loopDirect {
		copy(c.code.insts[:], c.insts)
		copy(c.code.nodes[:], c.nodes)
		c.insts, c.nodes = c.code.insts[:len(c.insts)], c.code.nodes[:len(c.nodes)]
	}
	return c
}

// names says whether an instruction reachable from the entry of c names
// register a or b in a register field, other than the operations of
// translate's bounds check on fixed data and data_end (cChkLdD*), which
// read neither.
func (c *compactForm) names(a, b uint8) bool {
	seen := make([]bool, len(c.insts))
	work := []int{0}
	seen[0] = true
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		in := &c.insts[i]
		if in.op < cChkLdDB || in.op > cChkLdDWAndTree { // the cChkLdD* operations, *Eq2 and *AndTree
			for _, r := range [...]uint8{in.dst, in.src, in.aux, in.dst2, in.src2} {
				if r&15 == a&15 || r&15 == b&15 {
					return true
				}
			}
		}
		for _, t := range c.successors(i) {
			if t&retFlag == 0 && !seen[t] {
				seen[t] = true
				work = append(work, int(t))
			}
		}
	}
	return false
}

// successors returns the instructions that may run after instruction i of
// c, or returns (retFlag|index), in no particular order.
func (c *compactForm) successors(i int) []uint16 {
	in := &c.insts[i]
	switch o := in.op; {
	case o == cRet, o == cExit, o == cSlow:
		return nil
	case o == cJa:
		return []uint16{in.jt}
	case o >= cLdABAndTree && o <= cLdIWAndTree:
		n := &c.nodes[in.jt]
		return []uint16{n.jt, n.jf}
	case o >= cChkLdDBAndTree && o <= cChkLdDWAndTree:
		n := &c.nodes[in.jt]
		return []uint16{in.jt2, n.jt, n.jf}
	case o >= cChkLdxB && o <= cChkLdDWSet, o == cIndex:
		return []uint16{in.jt2, in.jt, in.jf}
	case o == cLdxMSH:
		return []uint16{in.jf}
	case o >= cLdABEq2 && o <= cLdAWEq2, o == cJ32Eq2K, o >= cChkLdDBEq2 && o <= cChkLdDWEq2, o >= cLdxBEq2 && o <= cLdxWEq2:
		return []uint16{in.jt2, in.jt, in.jt3, in.jf}
	case o >= cLdABEq && o <= cLdIWSet, o >= cJ32EqK && o <= cJ64SGeX, o >= cLdxBEq && o <= cLdxWSet,
		o == cCheck, o >= cCtxLenEq && o <= cCtxLenSet, o >= cBuffLenEq && o <= cBuffLenSet:
		return []uint16{in.jt, in.jf}
	}
	return []uint16{uint16(i + 1)}
}

// ctxOnly says whether the only instructions of the program plain after
// slot start that name register reg are loads of context values through it
// (ctxValue) that the fast form out keeps unfused, so that the compact form,
// which runs them as context values, never reads reg. Helper calls read r1
// to r5.
func ctxOnly(plain []inst, out []finst, start int, reg uint8, kind runKind) bool {
	for pc := start; pc < len(plain); pc++ {
		in := &plain[pc]
		switch {
		case in.op == opInvalid:
		case in.op == opCall && reg >= 1 && reg <= 5:
			return false
		case in.op == opLdxW && in.src == reg && out[pc].op == opLdxW:
			if _, _, ok := ctxValue(kind, in.off); !ok {
				return false
			}
		case in.dst == reg || in.src == reg:
			return false
		}
	}
	return true
}

// ctxValue returns the compact operation for a 4-byte load at offset off of
// the context of a run of kind, a value of the run (not a pointer): cCtxLen
// for the __sk_buff's len, cCtxWord and the field's index (off/4) for the
// others.
func ctxValue(kind runKind, off int32) (cop, uint8, bool) {
	c := context{kind: ctxSKB}
	size := int32(bpfctx.SKBSize)
	if kind == runXDP {
		c.kind, size = ctxXDP, bpfctx.XDPSize
	}
	if kind == runMem || off < 0 || off >= size || off%4 != 0 {
		return 0, 0, false
	}
	if _, isPtr, _ := c.pointer(uint64(off)); isPtr {
		return 0, 0, false
	}
	if kind == runSocket && off == bpfctx.SKBLen {
		return cCtxLen, 0, true
	}
	return cCtxWord, uint8(off / 4), true
}

// setupSKB prepares a run of c (compactForm.setup): it clears what the
// previous run wrote to the stack, and reads the fields of skb that c's
// cCtxWord instructions read into vm.ctxWords (nil: all zero).
func (vm *VM) setupSKB(c *compactForm, skb *SKBuff) {
	vm.setup(c, context{kind: ctxSKB, skb: skb}, skb != nil)
}

// setupXDP is setupSKB for xdp_md.
func (vm *VM) setupXDP(c *compactForm, md *XDPMD) {
	vm.setup(c, context{kind: ctxXDP, xdp: md}, md != nil)
}

// setup is setupSKB and setupXDP for ctx; without fields (a nil context),
// the words read as zero.
func (vm *VM) setup(c *compactForm, ctx context, fields bool) {
	if c.stores && vm.stackDirty < uint64(len(vm.stack)) {
		vm.clearStack()
	}
	for _, w := range c.ctxWords {
		var v uint32
		if fields {
			v = ctx.word(uint64(w) * 4)
		}
		vm.ctxWords[w&(ctxWords-1)] = v
	}
}

// socketOther runs vm's program for RunSocket when socketExec does not:
// in another compact loop (sockAlt), or in exec.
func (vm *VM) socketOther(pkt []byte, skb *SKBuff) (uint64, error) {
	c := vm.sockAlt
	switch {
	case c == nil:
	case c.loop == loopLong:
		return vm.socketLong(pkt, skb, c)
	case uint64(len(pkt)) > 1<<32-1:
		// Past 4 GiB a packet offset would not fit in a pointer's 32-bit
		// offset (memory.go): the direct loops leave such packets to exec.
	case c.loop == loopDirect:
		return vm.socketDirect(pkt, skb, c)
	case c.loop == loopDirectLong:
		return vm.socketDirectLong(pkt, skb, c)
	}
	return vm.runExec(pkt, runSocket, skb, nil)
}

// xdpOther runs vm's program for RunXDP when xdpExec does not: in xdpLong
// (xdpAlt), or in exec.
func (vm *VM) xdpOther(pkt []byte, md *XDPMD) (uint64, error) {
	if c := vm.xdpAlt; c != nil && uint64(len(pkt)) <= 1<<32-1 {
		return vm.xdpLong(pkt, md, c)
	}
	return vm.runExec(pkt, runXDP, nil, md)
}

// compactBuilder holds what buildCompact needs while it translates the
// slots of the fast form out.
type compactBuilder struct {
	out    []finst
	live   []regMask // fastForm.live
	fast   *fastForm
	plain  []inst
	index  map[int]int // slot -> compact index
	form   *compactForm
	direct bool // the form's loop has direct packet access
	kind   runKind
	// The form's data and data_end registers (compactForm.dataReg and
	// lenReg) hold data and data_end at every instruction.
	fixedData bool
	// A register that holds the context's address at every instruction,
	// or regSpare.
	ctxReg     uint8
	builtinLen func(i uint64) bool
	// checkLoad is building the direct load after a bounds check: inst
	// leaves its equality test single (cLdx*Eq), for checkLoad to fuse.
	inCheck bool
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

// deadSlot says whether slot s of the fast form f of plain is an unfused
// instruction without effect (deadWrite), which the compact forms skip.
func deadSlot(f *fastForm, plain []inst, s int) bool {
	in := &plain[s]
	return f.insts[s] == plainFinst(in) && deadWrite(in.op, in.dst, f.live[s+1])
}

// target returns the jt/jf encoding of slot s (or of the first slot after
// it that is not skipped: deadSlot).
func (b *compactBuilder) target(s int) uint16 {
	s = b.liveSlot(s)
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
	i := len(b.form.nodes)
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
	b.form.nodes = append(b.form.nodes, n)
	return uint16(i)
}

// checkLoad returns the fused operation for the bounds check (opCheck) at
// slot pc and the direct load after it, if there is one.
func (b *compactBuilder) checkLoad(pc int) (cinst, bool) {
	chk := &b.out[pc]
	b.inCheck = true // the load's equality test stays single: see below
	f, ok := b.inst(pc + 3)
	b.inCheck = false
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
	size := uint32(1)
	switch {
	case f.op == cChkLdxHBE, f.op >= cChkLdxHEq && f.op <= cChkLdxHSet:
		size = 2
	case f.op == cChkLdxWBE, f.op >= cChkLdxWEq && f.op <= cChkLdxWSet:
		size = 4
	}
	dead := (b.live[chk.off]|b.live[pc+3])&(1<<f.dst2) == 0 // r[dst2] is not read after the check
	if d := b.form.dataReg; b.fixedData && f.src2 == d && f.src == d && f.aux == b.form.lenReg &&
		int32(f.k) >= 0 && f.k3 == f.k+size && dead {
		// The check compares data+k+size with data_end, and the load
		// reads data+k: both known when built but for the packet's
		// length.
		f.op += cChkLdDB - cChkLdxB
		if next := pc + 4 + min(int(size)/2, 1); f.op <= cChkLdDWBE && f.dst == 0 {
			// The load, and32 r0, k; a comparison of r0 with a
			// constant.
			if a := b.liveSlot(next); a+1 < len(b.out) && b.out[a].op == opAnd32K && b.out[a].dst == 0 && b.comparable(a+1) {
				f.op, f.k2, f.jt = cChkLdDBAndTree+(f.op-cChkLdDB), uint32(b.out[a].imm), b.node(a+1)
			}
		}
		if ld := &b.out[pc+3]; ld.op >= opLdxBJEq && ld.op <= opLdxWJSet {
			rel := int(ld.op - opLdxBJEq)
			size, jk := rel/7, fusedJump(rel%7)
			if jk.cmp == cmpEq {
				ne := pc + 5
				if size > 0 {
					ne++ // past the byte swap
				}
				if jk.swap {
					ne = int(ld.off)
				}
				b.fuseEq2(&f, f.dst, ne, cChkLdDBEq2+cop(size))
			}
		}
	}
	return f, true
}

// fuseCompare makes c, the instruction for slot pc that sets register reg,
// the operation of its comparisons kinds (eq, gt, ge, set from base) when the
// slot after it compares reg with a constant (an unsigned JMP32
// comparison): the comparison's constant goes in k2, its successors in jt
// and jf.
func (b *compactBuilder) fuseCompare(c *cinst, pc int, reg uint8, base cop) {
	if pc+1 >= len(b.out) {
		return
	}
	jmp := &b.out[pc+1]
	jk, ok := jumpKinds[jmp.op]
	if !ok || !jk.j32 || jk.isX || jk.cmp > cmpSet || jmp.dst != reg {
		return
	}
	c.op, c.k2 = base+cop(jk.cmp), uint32(jmp.imm)
	c.jt, c.jf = b.target(int(jmp.off)), b.target(pc+2)
	if jk.swap {
		c.jt, c.jf = c.jf, c.jt
	}
}

// liveSlot returns slot s, or the first slot after it that the compact form
// does not skip (deadSlot).
func (b *compactBuilder) liveSlot(s int) int {
	for s < len(b.out) && deadSlot(b.fast, b.plain, s) {
		s++
	}
	return s
}

// fuseEq2 makes c, an equality test of register reg with a constant (to
// jt when equal, else to jf, the slot ne), the operation op2 with a second
// test when slot ne is a JMP32 equality test of reg with a constant too:
// c then goes to jt3 when reg equals its constant (k4), and to its other
// successor otherwise.
func (b *compactBuilder) fuseEq2(c *cinst, reg uint8, ne int, op2 cop) {
	if c.jf&retFlag != 0 {
		return
	}
	ne = b.liveSlot(ne)
	in := &b.out[ne]
	jk, ok := jumpKinds[in.op]
	if !ok || !jk.j32 || jk.isX || jk.cmp != cmpEq || in.dst != reg {
		return
	}
	eq, other := b.target(int(in.off)), b.target(ne+1)
	if jk.swap {
		eq, other = other, eq
	}
	c.op, c.k4, c.jt3, c.jf = op2, uint32(in.imm), eq, other
}

// addWord records that the form reads the context's field w (cCtxWord).
func (b *compactBuilder) addWord(w uint8) {
	for _, x := range b.form.ctxWords {
		if x == w {
			return
		}
	}
	b.form.ctxWords = append(b.form.ctxWords, w)
}

// inst returns the compact instruction for slot pc of the fast form, or
// false when the compact form has none for it.
func (b *compactBuilder) inst(pc int) (cinst, bool) {
	out := b.out
	in := &out[pc]
	c := cinst{dst: in.dst & 15, src: in.src & 15, k: uint32(in.imm)}
	abs := in.src == regZero && int32(uint32(in.imm)) >= 0 // an absolute legacy load
	if in.aux&auxClobber != 0 && in.op != opCheck {        // opCheck's aux is a register
		// r1 to r5 may be read after this legacy load (markClobbers
		// leaves only unfused ones flagged): clear them as it does.
		if in.op < opLdIndB || in.op > opLdIndW {
			return c, false
		}
		c.op = cLdIBClear + cop(in.op-opLdIndB)
		if abs {
			c.op = cLdABClear + cop(in.op-opLdIndB)
		}
		return c, true
	}
	switch o := in.op; {
	case o == opRetK:
		c.op = cRet
	case o == opExit:
		c.op = cExit
	case o == opJA:
		t := b.target(int(in.off))
		if t&retFlag != 0 {
			// A jump to a return is that return: the one target
			// found, past the slots the form skips (deadSlot).
			return cinst{op: cRet, k: uint32(out[b.liveSlot(int(in.off))].imm)}, true
		}
		c.op, c.jt = cJa, t
	case o == opCall:
		c.op = cSlow
		if b.kind == runXDP && b.builtinLen(in.imm) {
			c.op = cBuffLen
			b.fuseCompare(&c, pc, 0, cBuffLenEq)
		}
	case o == opLdxW && in.src == b.ctxReg:
		co, w, ok := ctxValue(b.kind, in.off)
		if !ok {
			c.op, c.k, c.k2 = cLdxW, uint32(in.off), uint32(in.imm)
			return c, true
		}
		c.op, c.k = co, uint32(w)
		switch co {
		case cCtxWord:
			b.addWord(w)
		case cCtxLen:
			b.fuseCompare(&c, pc, in.dst, cCtxLenEq)
		}
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
			ne := pc + 2
			if jk.swap {
				c.jt, c.jf = c.jf, c.jt
				ne = int(in.off)
			}
			if abs && jk.cmp == cmpEq {
				b.fuseEq2(&c, 0, ne, cLdABEq2+cop(size))
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
			ne := pc + 1
			if jk.swap {
				c.jt, c.jf = c.jf, c.jt
				ne = int(in.off)
			}
			if c.op == cJ32EqK {
				b.fuseEq2(&c, c.dst, ne, cJ32Eq2K)
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
					next = int(in.off)
				}
				if jk.cmp == cmpEq && !b.inCheck {
					b.fuseEq2(&c, c.dst, next, cLdxBEq2+cop(size))
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

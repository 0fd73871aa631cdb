package translate

import (
	"errors"
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// MaxLoopIterations bounds how often a program may take backward jumps
// (the loops libpcap emits for protochain). The eBPF verifier only accepts
// loops it can prove to end, so each translated program counts the backward
// jumps it takes and, past this many, ends with the verdict 0 (drop). A
// classic program has no such limit.
const MaxLoopIterations = 256

// Error is a translation failure. It names the classic instruction (its
// index and its `tcpdump -d` text) when the failure belongs to one; PC is
// -1 otherwise.
type Error struct {
	PC   int    // index of the classic instruction, or -1
	Insn string // the instruction as `tcpdump -d` prints it, or ""
	Err  error  // what went wrong
}

// Error returns "translate: instruction PC (TEXT): MESSAGE".
func (e *Error) Error() string {
	if e.PC < 0 {
		return "translate: " + e.Err.Error()
	}
	return fmt.Sprintf("translate: instruction %d (%s): %v", e.PC, e.Insn, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrUnsupported is wrapped by errors for classic instructions that have no
// equivalent for the target, such as an ancillary load of a field the
// program type cannot read.
var ErrUnsupported = errors.New("not supported")

// mode is what a translation produces: the socket-filter body, a direct
// packet access program, or a fragment.
type mode int

const (
	modeSocket mode = iota
	modeTC
	modeXDP
	modeFragment // a piece of a caller's program (fragment.go)
)

// target is the target a whole program of mode m is for; 0 for fragments.
func (m mode) target() Target {
	switch m {
	case modeSocket:
		return Socket
	case modeTC:
		return TC
	case modeXDP:
		return XDP
	}
	return 0
}

// SocketFilter translates a classic BPF program into an eBPF program with
// the semantics the Linux kernel gives classic socket filters. The result
// may be loaded as BPF_PROG_TYPE_SOCKET_FILTER or BPF_PROG_TYPE_SCHED_CLS;
// it reads the packet with the legacy packet loads (LD_ABS, LD_IND), which
// take the context in R6, and returns the classic verdict unchanged.
func SocketFilter(prog []bpf.Instruction) (asm.Instructions, error) {
	return translate(prog, modeSocket)
}

// Direct translates a classic BPF program into an eBPF program that reads
// the packet through the data and data_end pointers of its context, as
// XDP and TC programs do, checking bounds explicitly. It returns the
// target's pass or drop code (see TC and XDP) for a non-zero or zero
// classic verdict.
func Direct(prog []bpf.Instruction, target Target) (asm.Instructions, error) {
	switch target {
	case TC:
		return translate(prog, modeTC)
	case XDP:
		return translate(prog, modeXDP)
	case Socket:
		return nil, &Error{PC: -1, Err: errors.New("Direct makes TC and XDP programs: translate for the Socket target with SocketFilter (or ForTarget)")}
	}
	return nil, &Error{PC: -1, Err: fmt.Errorf("unknown target %v", target)}
}

// Register assignment of whole programs. A lives in R0 because the legacy
// packet loads leave their result there; R6 holds the context because they
// read it from there. R1-R5 are scratch: packet loads and helper calls
// clobber them. Fragments (fragment.go) take their registers from
// FragmentOptions instead.
var wholeRegs = regSet{
	regA:      asm.R0,
	regX:      asm.R7,
	regCtx:    asm.R6,
	regData:   asm.R8, // direct: start of the packet
	regEnd:    asm.R9, // direct: end of the packet
	regLoop:   asm.R8, // socket: backward jumps taken
	regSaveA:  asm.R9, // socket: A while LDX MSH uses R0
	regTmp:    asm.R2,
	regTmp2:   asm.R3,
	regIndPtr: asm.R5, // direct: packet start + X, once checked
}

// regSet is the registers a translation uses for each role.
type regSet struct {
	regA, regX, regCtx, regData, regEnd, regLoop, regSaveA, regTmp, regTmp2, regIndPtr asm.Register
}

// Stack layout, relative to the top of the program's frame (whole programs)
// or to FragmentOptions.StackOffset (fragments): the classic scratch memory
// M[0..15] as 32-bit words, then the direct targets' loop counter and
// spill slots, then the slots only the helper-based fragment access modes
// use (helper.go).
const (
	scratchBase  = -64    // M[0]; M[i] is at scratchBase+4*i
	loopSlot     = -72    // direct: backward jumps taken (64-bit)
	saveSlot     = -80    // XDP: A across the helper call of ldx #len
	launderSlot  = -84    // direct: X at a backward jump (see loopCount)
	spillASlot   = -96    // helper access: A across a helper call
	spillXSlot   = -104   // helper access: X across a helper call
	startSlot    = -112   // helper access: the packet start register
	endSlot      = -120   // helper access: the packet end register
	ctxSlot      = -128   // helper access: the context register
	bufSlot      = -136   // helper access: where the helper writes the bytes
	maxPacketOff = 0xffff // the end of the last byte a whole program reads

	// maxFragmentOff is the end of the last byte a direct fragment
	// reads. The caller's packet start may itself be a pointer past
	// data (data + 14 for a filter of layer 3), and the verifier bounds
	// the sum of its offset and the filter's by 64 KiB; half of that is
	// left to the caller.
	maxFragmentOff = 0x7fff
)

// Labels of the shared tails.
const labelDrop = "drop"

// translate runs the translation for mode m.
func translate(prog []bpf.Instruction, m mode) (asm.Instructions, error) {
	raw, err := rawProgram(prog)
	if err != nil {
		return nil, err
	}
	g := &gen{mode: m, raw: raw, regSet: wholeRegs, dropLabel: labelDrop}
	return g.run()
}

// rawProgram checks a classic program's length (1 to maxInsns) and
// returns its raw encoding, or the *Error every entry point reports.
func rawProgram(prog []bpf.Instruction) ([]bpf.RawInstruction, error) {
	if len(prog) == 0 {
		return nil, &Error{PC: -1, Err: errors.New("empty program")}
	}
	if len(prog) > maxInsns {
		return nil, &Error{PC: -1, Err: fmt.Errorf("program has %d instructions, more than %d", len(prog), maxInsns)}
	}
	raw, err := cbpf.Raw(prog)
	if err != nil {
		return nil, &Error{PC: -1, Err: err}
	}
	return raw, nil
}

// run translates g.raw with the registers, labels and stack base g was
// set up with.
func (g *gen) run() (asm.Instructions, error) {
	if err := g.analyze(); err != nil {
		return nil, err
	}
	g.prologue()
	for pc := range g.raw {
		if !g.reach[pc] {
			continue
		}
		g.pc = pc
		g.startPC = true
		if err := g.insn(g.raw[pc]); err != nil {
			return nil, g.errorf("%w", err)
		}
	}
	g.epilogue()
	if err := checkJumps(g.out, g.external); err != nil {
		return nil, &Error{PC: -1, Err: err}
	}
	return g.out, nil
}

// gen holds the state of one translation.
type gen struct {
	mode mode
	raw  []bpf.RawInstruction
	out  asm.Instructions
	regSet

	// Fragments only (fragment.go): where the verdict goes, how the
	// packet is read, where labels and stack slots are.
	frag      *FragmentOptions
	dropLabel string // the shared drop tail
	base      int16  // added to every stack offset: -StackOffset
	external  string // a label outside the instructions jumps may reach

	pc      int  // classic instruction being translated
	startPC bool // the next instruction emitted is the first for pc

	// Results of analyze (cfg.go, bounds.go).
	reach    []bool // reachable from pc 0
	target   []bool // some reachable jump lands here
	backward bool   // the program has a backward jump
	zeroSlot uint16 // scratch slots that may be read before written (bit i = M[i])
	check    []int  // direct: packet bound to check at pc (constant offsets), 0 for none
	checkInd []int  // direct: bound past data+X to check at pc, 0 for none

	usesDrop bool // some instruction jumps to g.dropLabel
}

// errorf returns an *Error for the current instruction.
func (g *gen) errorf(format string, args ...any) error {
	return &Error{PC: g.pc, Insn: cbpf.Image(g.raw[g.pc], g.pc), Err: fmt.Errorf(format, args...)}
}

// emit appends instructions; the first instruction of a classic pc carries
// the pc's label (if it is a jump target) and, in whole programs, its
// `tcpdump -d` line. Fragments carry no source: cilium/ebpf turns any
// source into BTF line info, and the kernel refuses a program whose line
// info misses the first instruction of a function, as the line info of a
// fragment spliced into a program without any would.
func (g *gen) emit(insns ...asm.Instruction) {
	for _, ins := range insns {
		if g.startPC {
			g.startPC = false
			if g.frag == nil {
				ins = ins.WithSource(asm.Comment(cbpf.Image(g.raw[g.pc], g.pc)))
			}
			if g.target[g.pc] {
				ins = ins.WithSymbol(g.pcLabel(g.pc))
			}
		}
		if ins.Reference() == g.dropLabel {
			g.usesDrop = true
		}
		g.out = append(g.out, ins)
	}
}

// pcLabel is the symbol of classic instruction pc.
func (g *gen) pcLabel(pc int) string { return g.label(fmt.Sprintf("pc%d", pc)) }

// label is the symbol of the translation's internal label name: name
// itself in whole programs, with the fragment's prefix in fragments.
func (g *gen) label(name string) string {
	if g.frag != nil && g.frag.LabelPrefix != "" {
		return g.frag.LabelPrefix + "_" + name
	}
	return name
}

// fp is the frame offset of the stack slot at off in the layout above.
func (g *gen) fp(off int16) int16 { return g.base + off }

// prologue sets up the registers and the stack.
func (g *gen) prologue() {
	if g.frag != nil {
		g.fragmentPrologue()
		return
	}
	g.out = append(g.out, asm.Mov.Reg(g.regCtx, asm.R1).WithSource(asm.Comment("prologue")))
	if g.mode != modeSocket {
		ctx := g.mode.target().Info().Context
		g.out = append(g.out,
			asm.LoadMem(g.regData, g.regCtx, ctx.Data, asm.Word),
			asm.LoadMem(g.regEnd, g.regCtx, ctx.DataEnd, asm.Word))
	}
	g.clearState(g.mode == modeSocket)
}

// clearState starts a run of the classic program: A and X are 0, scratch
// slots that may be read before written are zeroed, and the loop counter
// of a program with backward jumps starts at 0, in its register (inReg) or
// in its stack slot.
func (g *gen) clearState(inReg bool) {
	g.out = append(g.out,
		asm.Mov.Imm32(g.regA, 0),
		asm.Mov.Imm32(g.regX, 0))
	for i := range 16 {
		if g.zeroSlot&(1<<i) != 0 {
			g.out = append(g.out, asm.StoreImm(asm.RFP, g.scratchOff(uint32(i)), 0, asm.Word))
		}
	}
	switch {
	case !g.backward:
	case inReg:
		g.out = append(g.out, asm.Mov.Imm(g.regLoop, 0))
	default:
		g.out = append(g.out,
			asm.Mov.Imm(g.regTmp, 0),
			asm.StoreMem(asm.RFP, g.fp(loopSlot), g.regTmp, asm.DWord))
	}
}

// epilogue appends the shared drop tail if anything jumps to it.
func (g *gen) epilogue() {
	if !g.usesDrop {
		return
	}
	if g.frag != nil {
		g.fragmentDrop()
		return
	}
	g.out = append(g.out,
		asm.Mov.Imm32(asm.R0, int32(g.verdict(false))).WithSymbol(g.dropLabel).WithSource(asm.Comment("drop")),
		asm.Return())
}

// verdict is the return code for an accepted (true) or rejected packet in
// a direct target. The socket target returns the classic value itself.
func (g *gen) verdict(accept bool) uint32 {
	info := g.mode.target().Info()
	if accept {
		return info.Pass.Value
	}
	return info.Drop.Value
}

// maxOff is the end of the last packet byte a direct target or a fragment
// reads: loads past it end the program with the drop verdict.
func (g *gen) maxOff() int {
	if g.frag != nil && g.frag.Access == AccessDirect {
		return maxFragmentOff
	}
	return maxPacketOff
}

// scratchOff is the frame offset of M[k].
func (g *gen) scratchOff(k uint32) int16 { return g.fp(int16(scratchBase + 4*int(k))) }

package ebpf

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/cilium/ebpf/asm"
)

const (
	// StackSize is the size in bytes of the stack frame each call level gets;
	// r10 points just past its end.
	StackSize = 512
	// MaxCallDepth is the most frames that can be live at once, the program's
	// own frame included (Linux's MAX_CALL_FRAMES).
	MaxCallDepth = 8
	// DefaultBudget is the instruction budget of a VM built without
	// WithBudget: the most instructions one run may execute.
	DefaultBudget = 1 << 20
)

// stackLen is the size of the stack of all frames.
const stackLen = StackSize * MaxCallDepth

// HelperFunc implements a helper function the program may call with
// `call id`. It receives r1 to r5 and returns the value for r0; a non-nil
// error ends the run with a RunError wrapping it. Registers r1 to r5 keep
// their values across the call.
type HelperFunc func(r1, r2, r3, r4, r5 uint64) (uint64, error)

// Option configures a VM built by NewVM or NewVMFromBytes.
type Option func(*config) error

type config struct {
	budget  uint64
	helpers map[int32]HelperFunc
}

// WithBudget sets the most instructions one run may execute; a run that
// would execute more ends with ErrBudgetExhausted. steps must be positive.
func WithBudget(steps uint64) Option {
	return func(c *config) error {
		if steps == 0 {
			return fmt.Errorf("ebpf: instruction budget must be positive")
		}
		c.budget = steps
		return nil
	}
}

// WithHelper makes helper id callable by the program. Without it, the
// validator refuses every `call id`. A later WithHelper for the same id
// replaces the earlier one.
func WithHelper(id int32, fn HelperFunc) Option {
	return func(c *config) error {
		if fn == nil {
			return fmt.Errorf("ebpf: helper %s: nil function", helperLabel(id))
		}
		if c.helpers == nil {
			c.helpers = make(map[int32]HelperFunc)
		}
		c.helpers[id] = fn
		return nil
	}
}

// VM is a validated, decoded eBPF program together with the state needed to
// run it: registers, the stack and the memory regions of the current run.
//
// A VM is not safe for concurrent use; Clone gives another VM sharing the
// decoded program, one per goroutine.
type VM struct {
	insts []inst // the program as run, with fused operations (fuse.go)
	plain []inst // the program decoded without fusion
	// The compact forms (compact.go) of RunSocket and RunXDP: for
	// socketExec and xdpExec (loopShort), or for the other loops (alt).
	sock, sockAlt *compactForm
	xdp, xdpAlt   *compactForm
	helpers       []HelperFunc // by index; nil for a built-in helper (helpers.go)
	// helperIDs are the helper ids of helpers, index for index.
	helperIDs []int32
	budget    uint64

	// State of the current run.
	regions    [numRegions][]byte
	writable   [numRegions]bool
	stack      []byte          // regions[regionStack], reused between runs
	stackArr   *[stackLen]byte // the same memory as stack, for accesses without bounds checks
	stackDirty uint64          // lowest stack offset written since the stack was cleared
	pkt        []byte          // what legacy LD_ABS/LD_IND read
	ctx        context
	frames     [MaxCallDepth]frame
	scratchSKB SKBuff // the context of RunSocket(pkt, nil)
	zeroXDP    XDPMD  // the context of RunXDP(pkt, nil)
	batchSKB   SKBuff // the context of RunSocketBatch's runs
	batchXDP   XDPMD  // the context of RunXDPBatch's runs
	// The registers of the compact loops, r0 to r10 and regZero: r10 and
	// regZero never change, the others are set where a run needs them.
	fregs [16]uint64
	// The context's fields a compact form reads (compactForm.ctxWords),
	// read at the entry of each run.
	ctxWords [ctxWords]uint32
}

// frame records what a local call must restore on return.
type frame struct {
	ret   int
	saved [4]uint64 // r6 to r9
	fp    uint64    // r10
}

// NewVM validates insns and decodes them for execution. Symbolic jump and
// call references are resolved as asm.Instructions.Marshal resolves them
// (insns itself is not modified); a jump too long for the 16-bit offset is an
// error rather than a wrapped offset. Programs that reference maps are
// refused. The returned error wraps ErrInvalidProgram when the validator
// refuses the program.
func NewVM(insns asm.Instructions, opts ...Option) (*VM, error) {
	if err := checkJumpRanges(insns); err != nil {
		return nil, err
	}
	cp := make(asm.Instructions, len(insns))
	copy(cp, insns)
	var buf bytes.Buffer
	if err := cp.Marshal(&buf, binary.LittleEndian); err != nil {
		return nil, fmt.Errorf("ebpf: marshal program: %w", err)
	}
	return NewVMFromBytes(buf.Bytes(), opts...)
}

// checkJumpRanges refuses symbolic jumps whose distance does not fit in the
// 16-bit offset field, which asm.Instructions.Marshal would silently wrap.
func checkJumpRanges(insns asm.Instructions) error {
	symbols := make(map[string]int)
	off := 0
	for _, ins := range insns {
		if s := ins.Symbol(); s != "" {
			symbols[s] = off
		}
		off += int(ins.Width())
	}
	off = 0
	for i, ins := range insns {
		ref := ins.Reference()
		if ref != "" && ins.OpCode.Class().IsJump() && ins.Offset == -1 && !ins.IsFunctionReference() &&
			!(ins.OpCode.Class() == asm.Jump32Class && ins.OpCode.JumpOp() == asm.Ja) {
			if t, ok := symbols[ref]; ok {
				d := t - off - 1
				if d < -32768 || d > 32767 {
					return fmt.Errorf("ebpf: insn %d: jump to %q spans %d slots, more than a 16-bit offset holds: %w", i, ref, d, ErrInvalidProgram)
				}
			}
		}
		off += int(ins.Width())
	}
	return nil
}

// NewVMFromBytes validates raw bytecode (8-byte little-endian slots, as
// RFC 9669 encodes them, lddw taking two) and decodes it for execution. The
// returned error wraps ErrInvalidProgram when the validator refuses the
// program; see the package documentation for what it refuses.
func NewVMFromBytes(b []byte, opts ...Option) (*VM, error) {
	cfg := config{budget: DefaultBudget}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	d := decoder{helperIDs: make(map[int32]int, len(cfg.helpers))}
	var helpers []HelperFunc
	var ids []int32
	for id, fn := range cfg.helpers {
		d.helperIDs[id] = len(helpers)
		helpers = append(helpers, fn)
		ids = append(ids, id)
	}
	insts, err := compile(b, &d)
	if err != nil {
		return nil, err
	}
	for _, id := range d.builtins {
		helpers = append(helpers, nil) // nil: the VM's own (helpers.go)
		ids = append(ids, id)
	}
	vm := &VM{insts: fuse(insts), plain: insts, helpers: helpers, helperIDs: ids, budget: cfg.budget}
	builtinLen := func(i uint64) bool {
		return i < uint64(len(helpers)) && helpers[i] == nil && ids[i] == int32(asm.FnXdpGetBuffLen)
	}
	if f := buildFast(insts, vm.insts, cfg.budget, builtinLen); f != nil {
		sock := buildCompact(f, insts, runSocket, false, builtinLen)
		if sock == nil {
			sock = buildCompact(f, insts, runSocket, true, builtinLen)
		}
		vm.setForms(sock, buildCompact(f, insts, runXDP, true, builtinLen))
	}
	vm.initState()
	return vm, nil
}

// setForms sets the compact forms of RunSocket and RunXDP (either may be
// nil), each in the field of its loop.
func (vm *VM) setForms(sock, xdp *compactForm) {
	vm.sock, vm.sockAlt, vm.xdp, vm.xdpAlt = nil, nil, nil, nil
	if sock != nil && sock.loop == loopShort {
		vm.sock = sock
	} else {
		vm.sockAlt = sock
	}
	if xdp != nil && xdp.loop == loopShort {
		vm.xdp = xdp
	} else {
		vm.xdpAlt = xdp
	}
}

// forms returns the compact forms of RunSocket and RunXDP, nil for none.
func (vm *VM) forms() (sock, xdp *compactForm) {
	sock, xdp = vm.sock, vm.xdp
	if sock == nil {
		sock = vm.sockAlt
	}
	if xdp == nil {
		xdp = vm.xdpAlt
	}
	return sock, xdp
}

func (vm *VM) initState() {
	vm.stackArr = new([stackLen]byte)
	vm.stack = vm.stackArr[:]
	vm.stackDirty = uint64(len(vm.stack))
	vm.regions[regionStack] = vm.stack
	vm.writable[regionStack] = true
	vm.fregs[regFP] = stackBase + uint64(len(vm.stack))
}

// Clone returns a new VM that shares vm's decoded program and configuration
// but has its own registers and stack, so that it can run concurrently with
// vm.
func (vm *VM) Clone() *VM {
	c := &VM{insts: vm.insts, plain: vm.plain, sock: vm.sock, sockAlt: vm.sockAlt, xdp: vm.xdp, xdpAlt: vm.xdpAlt, helpers: vm.helpers, helperIDs: vm.helperIDs, budget: vm.budget}
	c.initState()
	return c
}

// Len returns the program's length in 8-byte slots.
func (vm *VM) Len() int { return len(vm.insts) }

// Run runs the program in the calling convention of the bpf_conformance
// tests: r1 points to mem, r2 holds len(mem), r10 points to the top of a
// zeroed stack, and the result is the full 64-bit r0. The program may write
// to mem (in place). Legacy LD_ABS/LD_IND read mem as the packet.
func (vm *VM) Run(mem []byte) (uint64, error) {
	return vm.runExec(mem, runMem, nil, nil)
}

// RunSocket runs the program as a socket filter (or TC classifier) on pkt:
// r1 points to a struct __sk_buff built from skb (see SKBuff for the field
// mapping), loads of its data and data_end fields give pointers to pkt's
// first and one-past-last bytes, and legacy LD_ABS/LD_IND read pkt. The
// packet is read-only. A nil skb means an SKBuff whose Len is len(pkt) and
// whose other fields are zero. The result is r0 truncated to 32 bits: for a
// socket filter, the number of bytes to keep, 0 meaning drop.
func (vm *VM) RunSocket(pkt []byte, skb *SKBuff) (uint32, error) {
	r0, err := vm.socketExec(pkt, skb) // inlined, as Run
	return uint32(r0), err
}

// RunXDP runs the program as an XDP program on pkt: r1 points to a struct
// xdp_md built from md (nil means all zero), whose data, data_meta and
// data_end fields give pointers into pkt. The program may write to pkt (in
// place). Legacy LD_ABS/LD_IND read pkt too, which Linux does not allow for
// XDP. The result is r0 truncated to 32 bits, the XDP action.
func (vm *VM) RunXDP(pkt []byte, md *XDPMD) (uint32, error) {
	r0, err := vm.xdpExec(pkt, md) // inlined, as Run
	return uint32(r0), err
}

// Packet is one packet of a batch (RunSocketBatch, RunXDPBatch): its bytes
// and its length on the wire.
type Packet struct {
	Data []byte
	// Len is the packet's length on the wire, which may exceed len(Data)
	// when Data is a capture cut to a snapshot length; 0 means len(Data).
	Len uint32
}

// RunSocketBatch runs the program as RunSocket on each packet of pkts in
// turn and writes the result for pkts[i] to verdicts[i]: the same results,
// for less than the calls would cost, since what every run would check and
// set up is done once for the batch. Each run's context is skb (nil meaning
// all fields zero) but for its Len, the packet's Len (the length on the
// wire). verdicts must be at least as long as pkts. It returns the number
// of packets run: len(pkts), or, with an error, the index of the packet
// whose run failed (the verdicts before it are written).
func (vm *VM) RunSocketBatch(pkts []Packet, skb *SKBuff, verdicts []uint32) (int, error) {
	if err := checkVerdicts(pkts, verdicts); err != nil {
		return 0, err
	}
	b := &vm.batchSKB
	*b = SKBuff{}
	if skb != nil {
		*b = *skb
	}
	c := vm.sock
	if c == nil {
		return runEach(pkts, verdicts, func(p Packet) (uint64, error) {
			b.Len = p.Len
			if b.Len == 0 {
				b.Len = uint32(len(p.Data))
			}
			return vm.socketOther(p.Data, b)
		})
	}
	if len(c.ctxWords) > 0 {
		vm.setupSKB(c, b)
	}
	return vm.socketBatch(c, pkts, b, verdicts)
}

// RunXDPBatch runs the program as RunXDP on each packet of pkts in turn and
// writes the result for pkts[i] to verdicts[i], as RunSocketBatch does. Each
// run's context is md (nil meaning all fields zero) but for its FrameLen,
// the packet's Len. The program may write to the packets.
func (vm *VM) RunXDPBatch(pkts []Packet, md *XDPMD, verdicts []uint32) (int, error) {
	if err := checkVerdicts(pkts, verdicts); err != nil {
		return 0, err
	}
	b := &vm.batchXDP
	*b = XDPMD{}
	if md != nil {
		*b = *md
	}
	c := vm.xdp
	if c == nil || hasHuge(pkts) {
		return runEach(pkts, verdicts, func(p Packet) (uint64, error) {
			b.FrameLen = p.Len
			return vm.xdpOther(p.Data, b)
		})
	}
	if len(c.ctxWords) > 0 {
		vm.setupXDP(c, b)
	}
	return vm.xdpBatch(c, pkts, b, verdicts)
}

// checkVerdicts refuses a batch with fewer verdicts than packets.
func checkVerdicts(pkts []Packet, verdicts []uint32) error {
	if len(verdicts) < len(pkts) {
		return fmt.Errorf("ebpf: %d verdicts for %d packets", len(verdicts), len(pkts))
	}
	return nil
}

// runEach is a batch run one packet at a time (the batches the compact
// batch loops do not run): run gives each packet's result.
func runEach(pkts []Packet, verdicts []uint32, run func(Packet) (uint64, error)) (int, error) {
	for i, p := range pkts {
		v, err := run(p)
		if err != nil {
			return i, err
		}
		verdicts[i] = uint32(v)
	}
	return len(pkts), nil
}

// hasHuge reports whether a packet of pkts is longer than 4 GiB, past what
// the direct loops take (xdpOther).
func hasHuge(pkts []Packet) bool {
	for _, p := range pkts {
		if uint64(len(p.Data)) > 1<<32-1 {
			return true
		}
	}
	return false
}

// runKind says which of Run, RunSocket and RunXDP a run is for, and so what
// its data slice is.
type runKind uint8

const (
	runMem    runKind = iota // Run: data is the writable memory region; no context
	runSocket                // RunSocket: data is the read-only packet; __sk_buff context
	runXDP                   // RunXDP: data is the writable packet; xdp_md context
)

// runExec runs a program in exec, from its start.
func (vm *VM) runExec(data []byte, kind runKind, skb *SKBuff, xdp *XDPMD) (uint64, error) {
	vm.begin()
	var r [16]uint64
	r[1] = ctxBase
	if kind == runMem {
		r[1], r[2] = memBase, uint64(len(data))
	}
	r[10] = stackBase + uint64(len(vm.stack))
	return vm.resume(0, &r, data, kind, skb, xdp)
}

// resume runs the rest of a run in exec, from slot pc with registers r and
// the stack as it is: the whole of a run for programs without a compact
// form, and for the others what the compact loops do not run themselves. A nil skb or xdp
// stands for a context whose fields are zero, but for the SKBuff's Len, which
// is len(data).
func (vm *VM) resume(pc int, r *[16]uint64, data []byte, kind runKind, skb *SKBuff, xdp *XDPMD) (uint64, error) {
	switch kind {
	case runSocket:
		if skb == nil {
			vm.scratchSKB = SKBuff{Len: uint32(len(data))}
			skb = &vm.scratchSKB
		}
		vm.regions[regionPacket] = data
		vm.ctx = context{kind: ctxSKB, skb: skb, pktLen: uint64(len(data))}
	case runXDP:
		if xdp == nil {
			vm.zeroXDP = XDPMD{}
			xdp = &vm.zeroXDP
		}
		vm.regions[regionPacket] = data
		vm.writable[regionPacket] = true
		vm.ctx = context{kind: ctxXDP, xdp: xdp, pktLen: uint64(len(data))}
	default:
		vm.regions[regionMem] = data
		vm.writable[regionMem] = true
	}
	vm.pkt = data
	r0, err := vm.execAt(pc, *r)
	vm.end()
	return r0, err
}

// begin clears what the previous run wrote to the stack.
func (vm *VM) begin() {
	if vm.stackDirty < uint64(len(vm.stack)) {
		vm.clearStack()
	}
}

// clearStack clears the part of the stack written since it was last cleared.
func (vm *VM) clearStack() {
	clear(vm.stack[vm.stackDirty:])
	vm.stackDirty = uint64(len(vm.stack))
}

// end drops the references to the caller's memory.
func (vm *VM) end() {
	vm.regions[regionPacket] = nil
	vm.regions[regionMem] = nil
	vm.writable[regionPacket] = false
	vm.writable[regionMem] = false
	vm.pkt = nil
	vm.ctx = context{}
}

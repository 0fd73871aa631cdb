package translate

import (
	"errors"
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
)

// Access is how a fragment reads the packet.
type Access int

const (
	// AccessDirect reads through packet pointers (the data and data_end
	// of a TC or XDP context), after explicit bounds checks, as Direct
	// does.
	AccessDirect Access = iota
	// AccessSkbLoadBytes reads with bpf_skb_load_bytes from the
	// __sk_buff context into the stack (TC, socket filters and the
	// other program types whose context is a __sk_buff).
	AccessSkbLoadBytes
	// AccessProbeReadKernel reads with bpf_probe_read_kernel into the
	// stack: for tracing programs (kprobe, fentry, tracepoint), where the
	// packet is kernel memory the verifier knows nothing about.
	AccessProbeReadKernel
)

// String returns "AccessDirect", "AccessSkbLoadBytes",
// "AccessProbeReadKernel" or "Access(n)".
func (a Access) String() string {
	switch a {
	case AccessDirect:
		return "AccessDirect"
	case AccessSkbLoadBytes:
		return "AccessSkbLoadBytes"
	case AccessProbeReadKernel:
		return "AccessProbeReadKernel"
	}
	return fmt.Sprintf("Access(%d)", int(a))
}

// FragmentStack is how many bytes of stack a fragment may use below
// FragmentOptions.StackOffset: the scratch memory M[0..15], a loop counter
// and, for the helper-based access modes, spill slots and the buffer the
// helper writes to.
const FragmentStack = 136

// maxStack is the eBPF stack of one function, in bytes.
const maxStack = 512

// FragmentOptions places a fragment inside a caller's program: which
// registers hold the packet bounds, where the verdict goes, which
// registers and stack bytes the fragment may use and how its labels are
// named. Registers are R0 to R9; the zero value of a register field is
// R0.
type FragmentOptions struct {
	// PacketStart and PacketEnd hold the packet's bounds: the first
	// byte the filter sees (its offset 0) and one past the last. The
	// fragment does not change them (see Access for the helper modes).
	//
	// AccessDirect: packet pointers (data, data + 14, data_end ...).
	// AccessProbeReadKernel: kernel addresses, as scalars or pointers.
	// AccessSkbLoadBytes: offsets from skb->data as bpf_skb_load_bytes
	// counts them, e.g. 0 and skb->len for the whole frame at TC.
	PacketStart, PacketEnd asm.Register

	// Context holds the __sk_buff for AccessSkbLoadBytes, which passes
	// it to bpf_skb_load_bytes and reads ancillary fields (vlan_avail,
	// ifindex, ...) from it. The other modes do not use it. It is not
	// changed.
	Context asm.Register

	// Result receives the classic verdict, 0 when the filter rejects the
	// packet, when the fragment jumps to ResultLabel. It may be one of
	// Working.
	Result asm.Register
	// ResultLabel is the caller's label the fragment jumps to when it is
	// done; every path ends there (the fragment never exits).
	ResultLabel string

	// Working are the registers the fragment uses for the classic A and
	// X, a temporary and the checked packet pointer of [x + k] loads; it
	// changes them freely. They must differ from each other and from
	// PacketStart, PacketEnd and (AccessSkbLoadBytes) Context.
	Working [4]asm.Register

	// StackOffset is how many bytes at the top of the frame the caller
	// already uses: the fragment uses the FragmentStack bytes below
	// R10 - StackOffset. A multiple of 8.
	StackOffset int

	// LabelPrefix names the fragment's internal labels PREFIX_NAME, so
	// that several fragments can live in one program. Empty means bare
	// names ("pc3", "drop").
	LabelPrefix string

	// Access is how the fragment reads the packet.
	Access Access
}

// Fragment translates a classic BPF program into a piece of eBPF code to
// splice into a larger program, as cloudflare/cbpfc's ToEBPF does: it reads
// the packet between PacketStart and PacketEnd, and every path ends with a
// jump to opts.ResultLabel with the classic verdict in opts.Result. The
// fragment falls into its first instruction from whatever precedes it,
// carries no source (line info) annotations, and uses only the registers
// and stack opts gives it.
//
// `len` (ld #pktlen) is PacketEnd - PacketStart. With AccessDirect, loads
// whose end is past 32 KiB drop the packet (the verifier bounds the sum of
// the caller's offset of PacketStart from data and the filter's). Ancillary loads read the
// __sk_buff in Context with AccessSkbLoadBytes; the other modes have no
// __sk_buff and refuse them with an error wrapping ErrUnsupported, as
// they refuse the cpu and random extensions (helper calls) in every mode.
//
// With AccessDirect the fragment calls no helper. With the helper modes it
// calls one per packet load, which clobbers R0-R5 as any call does: the
// fragment restores PacketStart, PacketEnd and Context (spilled to its
// stack at entry), but the caller must keep any other live value in R6-R9
// or on the stack. AccessDirect with `len` and both helper modes applied
// to packet pointers do pointer arithmetic the verifier allows only to
// programs loaded with CAP_PERFMON (or root); bpf_probe_read_kernel needs
// CAP_PERFMON and a GPL-compatible license.
func Fragment(prog []bpf.Instruction, opts FragmentOptions) (asm.Instructions, error) {
	if err := opts.check(); err != nil {
		return nil, &Error{PC: -1, Err: err}
	}
	raw, err := rawProgram(prog)
	if err != nil {
		return nil, err
	}
	o := opts
	g := &gen{
		mode: modeFragment,
		raw:  raw,
		regSet: regSet{
			regA:      o.Working[0],
			regX:      o.Working[1],
			regTmp:    o.Working[2],
			regIndPtr: o.Working[3],
			regData:   o.PacketStart,
			regEnd:    o.PacketEnd,
			regCtx:    o.Context,
			// Whole-program roles a fragment never uses.
			regLoop:  asm.R10,
			regSaveA: asm.R10,
			regTmp2:  asm.R10,
		},
		frag:     &o,
		base:     int16(-o.StackOffset),
		external: o.ResultLabel,
	}
	g.dropLabel = g.label(labelDrop)
	return g.run()
}

// check validates the options.
func (o *FragmentOptions) check() error {
	switch o.Access {
	case AccessDirect, AccessSkbLoadBytes, AccessProbeReadKernel:
	default:
		return fmt.Errorf("unknown access mode %v", o.Access)
	}
	if o.ResultLabel == "" {
		return errors.New("fragment: no ResultLabel")
	}
	if o.StackOffset < 0 || o.StackOffset%8 != 0 {
		return fmt.Errorf("fragment: StackOffset %d is not a non-negative multiple of 8", o.StackOffset)
	}
	if o.StackOffset+FragmentStack > maxStack {
		return fmt.Errorf("fragment: StackOffset %d leaves less than the %d bytes of stack a fragment needs", o.StackOffset, FragmentStack)
	}
	named := []struct {
		name string
		reg  asm.Register
	}{
		{"PacketStart", o.PacketStart}, {"PacketEnd", o.PacketEnd},
		{"Working[0]", o.Working[0]}, {"Working[1]", o.Working[1]},
		{"Working[2]", o.Working[2]}, {"Working[3]", o.Working[3]},
	}
	if o.Access == AccessSkbLoadBytes {
		named = append(named, struct {
			name string
			reg  asm.Register
		}{"Context", o.Context})
	}
	seen := make(map[asm.Register]string)
	for _, n := range named {
		if n.reg > asm.R9 {
			return fmt.Errorf("fragment: %s is %v, not one of R0-R9", n.name, n.reg)
		}
		if other, dup := seen[n.reg]; dup {
			return fmt.Errorf("fragment: %s and %s are both %v", other, n.name, n.reg)
		}
		seen[n.reg] = n.name
	}
	if o.Result > asm.R9 {
		return fmt.Errorf("fragment: Result is %v, not one of R0-R9", o.Result)
	}
	return nil
}

// helperAccess reports whether the fragment reads the packet with a helper.
func (g *gen) helperAccess() bool {
	return g.frag != nil && g.frag.Access != AccessDirect
}

// fragmentPrologue starts a fragment: A and X are 0, scratch slots that
// may be read before written are zeroed, the loop counter starts at 0,
// and the helper modes keep copies of the registers their calls clobber.
func (g *gen) fragmentPrologue() {
	g.clearState(false)
	if g.helperAccess() {
		g.out = append(g.out,
			asm.StoreMem(asm.RFP, g.fp(startSlot), g.regData, asm.DWord),
			asm.StoreMem(asm.RFP, g.fp(endSlot), g.regEnd, asm.DWord))
		if g.frag.Access == AccessSkbLoadBytes {
			g.out = append(g.out, asm.StoreMem(asm.RFP, g.fp(ctxSlot), g.regCtx, asm.DWord))
		}
	}
}

// fragmentDrop is a fragment's shared drop tail: verdict 0. In the helper
// modes a load may have left PacketStart, PacketEnd or Context clobbered
// on its way here; they are restored first.
func (g *gen) fragmentDrop() {
	tail := g.restoreBounds()
	tail = append(tail,
		asm.Mov.Imm32(g.frag.Result, 0),
		asm.Ja.Label(g.frag.ResultLabel))
	tail[0] = tail[0].WithSymbol(g.dropLabel)
	g.out = append(g.out, tail...)
}

// fragmentRet ends a fragment path with verdict k, or with A.
func (g *gen) fragmentRet(fromA bool, k uint32) {
	if fromA {
		g.emit(asm.Mov.Reg32(g.frag.Result, g.regA))
	} else {
		g.emit(asm.Mov.Imm32(g.frag.Result, int32(k)))
	}
	g.emit(asm.Ja.Label(g.frag.ResultLabel))
}

// fragmentLen sets dst to PacketEnd - PacketStart (32 bits).
func (g *gen) fragmentLen(dst asm.Register) {
	g.emit(
		asm.Mov.Reg(dst, g.regEnd),
		asm.Sub.Reg(dst, g.regData),
		asm.Mov.Reg32(dst, dst))
}

package translate

import (
	"errors"
	"fmt"

	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"golang.org/x/net/bpf"
)

// InjectOptions controls Inject. The zero value reads the packet directly
// with the stub's name as label prefix and the top of the stub's frame as
// the filter's stack.
type InjectOptions struct {
	// Access is how the filter reads the packet.
	Access Access
	// LabelPrefix names the filter's labels PREFIX_NAME; empty means the
	// stub's name. Labels must not collide with the program's own.
	LabelPrefix string
	// StackOffset is how many bytes at the top of the stub's frame the
	// filter leaves alone (see FragmentOptions.StackOffset); the stub is
	// a function of its own, so 0 is usually right.
	StackOffset int
}

// Registers of an elibpcap stub, bool stub(void *skb, void *__skb,
// void *___skb, void *data, void *data_end), and the ones the filter
// works in: R6-R9 are the stub's own (the calling convention saves them
// for its caller), so helper calls leave the filter's A and X alone.
const (
	stubCtx   = asm.R1
	stubStart = asm.R4
	stubEnd   = asm.R5
)

var stubWorking = [4]asm.Register{asm.R6, asm.R7, asm.R8, asm.R9}

// Inject puts prog into insns at the bpf-to-bpf function whose symbol is
// name, an elibpcap stub: bool stub(void *skb, void *__skb, void *___skb,
// void *data, void *data_end) (r1=r2=r3 the context, r4 packet start, r5
// packet end). Afterwards the function returns non-zero exactly when the
// filter keeps the packet.
//
// The stub is the function that starts at the instruction carrying the
// symbol name; it ends before the next instruction that starts a function
// (the target of a bpf-to-bpf call or function reference, or an
// instruction with BTF function info) or at the end of insns. Its body is
// replaced by the filter, which returns 1 for packets the classic program
// accepts (any non-zero verdict) and 0 for the others. The first
// instruction keeps the stub's symbol, its source (BTF line info) and its
// BTF function info, so that programs loaded from an ELF file with line
// info still load; the filter's other instructions carry none. The stub
// must be static (not a global function, which the verifier checks
// without its caller's pointer types).
//
// The access modes read r4 and r5 as:
//
//   - AccessDirect: packet pointers (TC, XDP: data, data_end, or data+14
//     for a filter of layer 3);
//   - AccessProbeReadKernel: kernel addresses (tracing programs: e.g.
//     skb->head + skb->mac_header and skb->data + headlen);
//   - AccessSkbLoadBytes: packet pointers of the __sk_buff in r1 (TC and
//     other program types that can read __sk_buff data): the filter turns
//     them into the offsets bpf_skb_load_bytes takes by subtracting
//     skb->data. The filter may also read ancillary fields of the
//     __sk_buff in this mode.
//
// insns itself is not modified. Errors wrap the *Error of a classic
// program the translation refuses.
func Inject(insns asm.Instructions, name string, prog []bpf.Instruction, opts InjectOptions) (asm.Instructions, error) {
	if name == "" {
		return nil, errors.New("translate: inject: empty stub name")
	}
	start := -1
	for i := range insns {
		if insns[i].Symbol() == name {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("translate: inject: no function %q in the program", name)
	}
	end := functionEnd(insns, start)

	prefix := opts.LabelPrefix
	if prefix == "" {
		prefix = name
	}
	resultLabel := prefix + "_result"
	doneLabel := prefix + "_done"
	frag, err := Fragment(prog, FragmentOptions{
		PacketStart: stubStart,
		PacketEnd:   stubEnd,
		Context:     stubCtx,
		Result:      asm.R0,
		ResultLabel: resultLabel,
		Working:     stubWorking,
		StackOffset: opts.StackOffset,
		LabelPrefix: prefix,
		Access:      opts.Access,
	})
	if err != nil {
		return nil, fmt.Errorf("translate: inject at %q: %w", name, err)
	}

	var body asm.Instructions
	if opts.Access == AccessSkbLoadBytes {
		// r4 and r5 become offsets from skb->data.
		body = append(body,
			asm.LoadMem(stubWorking[0], stubCtx, ContextSKBuff.Data, asm.Word),
			asm.Sub.Reg(stubStart, stubWorking[0]),
			asm.Sub.Reg(stubEnd, stubWorking[0]))
	}
	body = append(body, frag...)
	// Any non-zero verdict returns 1: a C caller of a bool function may
	// look at the low bits only, and 262144 has none set.
	body = append(body,
		asm.JEq.Imm(asm.R0, 0, doneLabel).WithSymbol(resultLabel),
		asm.Mov.Imm(asm.R0, 1),
		asm.Return().WithSymbol(doneLabel))

	stub := &insns[start]
	first := body[0].WithSymbol(name)
	if src := stub.Source(); src != nil {
		first = first.WithSource(src)
	}
	if fn := btf.FuncMetadata(stub); fn != nil {
		first = btf.WithFuncMetadata(first, fn)
	}
	body[0] = first

	out := make(asm.Instructions, 0, len(insns)-(end-start)+len(body))
	out = append(out, insns[:start]...)
	out = append(out, body...)
	out = append(out, insns[end:]...)
	if err := checkSpliced(insns, start, end, out, name); err != nil {
		return nil, err
	}
	return out, nil
}

// functionEnd returns the index after the last instruction of the function
// that starts at insns[start].
func functionEnd(insns asm.Instructions, start int) int {
	funcs := make(map[string]bool)
	for i := range insns {
		if insns[i].IsFunctionReference() && insns[i].Reference() != "" {
			funcs[insns[i].Reference()] = true
		}
	}
	for i := start + 1; i < len(insns); i++ {
		if sym := insns[i].Symbol(); sym != "" && funcs[sym] {
			return i
		}
		if btf.FuncMetadata(&insns[i]) != nil {
			return i
		}
	}
	return len(insns)
}

// checkSpliced verifies that no instruction outside the replaced stub body
// insns[start:end] refers to a label inside it, and that the filter's
// labels are new to the program.
func checkSpliced(insns asm.Instructions, start, end int, out asm.Instructions, name string) error {
	inner := make(map[string]bool)
	for i := start + 1; i < end; i++ {
		if sym := insns[i].Symbol(); sym != "" {
			inner[sym] = true
		}
	}
	for i := range insns {
		if i >= start && i < end {
			continue
		}
		if ref := insns[i].Reference(); ref != "" && inner[ref] {
			return fmt.Errorf("translate: inject: instruction %d refers to %q, inside the body of %q that the filter replaces", i, ref, name)
		}
	}
	seen := make(map[string]bool)
	for i := range out {
		sym := out[i].Symbol()
		if sym == "" {
			continue
		}
		if seen[sym] {
			return fmt.Errorf("translate: inject at %q: label %q is defined twice; choose another InjectOptions.LabelPrefix", name, sym)
		}
		seen[sym] = true
	}
	return nil
}

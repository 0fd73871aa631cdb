package ebpf

import "fmt"

// MaxInstructions is the largest program, in 8-byte slots, that the validator
// accepts (the limit Linux applies to privileged programs).
const MaxInstructions = 1 << 20

// compile validates raw bytecode and decodes it. It refuses:
//   - an empty program, a length that is not a multiple of 8, or more than
//     MaxInstructions slots;
//   - unknown opcodes and unused fields that are not zero (RFC 9669, and the
//     bpf_conformance negative tests);
//   - register numbers above r10, writes to r10, r10 as a source of ALU
//     operations other than 64-bit mov, add and sub;
//   - jumps and local calls whose target is outside the program or the
//     second slot of a lddw;
//   - any path that can run past the last instruction;
//   - calls to helpers the VM was not given (and does not have built in),
//     callx, kfunc calls and lddw
//     pseudo-sources (maps, code addresses).
func compile(b []byte, d *decoder) ([]inst, error) {
	if len(b) == 0 {
		return nil, &ValidationError{Index: -1, Reason: "empty program"}
	}
	if len(b)%8 != 0 {
		return nil, &ValidationError{Index: -1, Reason: fmt.Sprintf("length %d is not a multiple of 8", len(b))}
	}
	n := len(b) / 8
	if n > MaxInstructions {
		return nil, &ValidationError{Index: -1, Reason: fmt.Sprintf("%d instructions, more than %d", n, MaxInstructions)}
	}
	fail := func(pc int, reason string) error {
		e := &ValidationError{Index: pc, Reason: reason}
		copy(e.Raw[:], b[pc*8:])
		return e
	}

	insts := make([]inst, n)
	second := make([]bool, n) // slot is the second half of a lddw
	for pc := 0; pc < n; pc++ {
		r := parseSlot(b[pc*8:])
		var next rawInsn
		hasNext := pc+1 < n
		if hasNext {
			next = parseSlot(b[(pc+1)*8:])
		}
		in, reason := d.decodeSlot(pc, r, next, hasNext)
		if reason != "" {
			return nil, fail(pc, reason)
		}
		insts[pc] = in
		if in.op == opLddw {
			pc++
			second[pc] = true
		}
	}

	for pc := 0; pc < n; pc++ {
		if second[pc] {
			continue
		}
		in := &insts[pc]
		fallsThrough := true
		switch {
		case in.op == opExit:
			fallsThrough = false
		case in.op == opJA:
			fallsThrough = false
			fallthrough
		case in.op >= opJEqK && in.op <= opJSLe32X, in.op == opCallLocal:
			t := int(in.off)
			if t < 0 || t >= n {
				return nil, fail(pc, fmt.Sprintf("jump or call target %d outside the program", t))
			}
			if second[t] {
				return nil, fail(pc, fmt.Sprintf("jump or call target %d is the second slot of lddw", t))
			}
		}
		if !fallsThrough {
			continue
		}
		next := pc + 1
		if in.op == opLddw {
			next++
		}
		if next >= n {
			return nil, fail(pc, "execution can fall off the end of the program")
		}
	}
	return insts, nil
}

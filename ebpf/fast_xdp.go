package ebpf

import "math/bits"

// xdpExec runs vm's program for RunXDP on pkt: in the compact form
// (fast_compact.go) when the program has one, in the fast form otherwise.
// It is socketExec's twin (fast_socket.go) with direct packet access: loads
// through pointers into the packet, their byte swaps and comparisons, and
// translate's bounds checks. Stores to the packet, like every access it does
// not run itself, go to exec (resume).
func (vm *VM) xdpExec(pkt []byte, md *XDPMD) (uint64, error) {
	c := vm.xdp
	if c == nil || uint64(len(pkt)) > 1<<32-1 {
		// Past 4 GiB a packet offset would not fit in a pointer's 32-bit
		// offset (memory.go): let the fast form refuse what it must.
		return vm.fastExec(pkt, runXDP, nil, md)
	}
	if c.stores && vm.stackDirty < uint64(len(vm.stack)) {
		vm.clearStack()
	}
	// Instruction 0 is the entry: the first set the registers the program
	// may read before writing them (buildCompact), but for data and
	// data_end.
	r := &vm.fregs
	r[c.dataReg&15] = packetBase
	r[c.lenReg&15] = packetBase + uint64(len(pkt))
	insts := &c.insts
	var pc uint8
	for {
		in := &insts[pc]
		switch in.op {
		case cRet:
			return uint64(in.k), nil
		case cExit:
			return r[0], nil
		case cJa:
			pc = uint8(in.jt)

		// Legacy packet loads: a load outside the packet ends the run with 0.
		case cLdAB:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-1 {
				return 0, nil
			}
			r[0] = uint64(uint32(pkt[o]))
			pc++
		case cLdAH:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-2 {
				return 0, nil
			}
			r[0] = uint64(uint32(pkt[o])<<8 | uint32(pkt[o+1]))
			pc++
		case cLdAW:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-4 {
				return 0, nil
			}
			r[0] = uint64(uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3]))
			pc++
		case cLdIB:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			r[0] = uint64(uint32(pkt[o]))
			pc++
		case cLdIH:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			r[0] = uint64(uint32(pkt[o])<<8 | uint32(pkt[o+1]))
			pc++
		case cLdIW:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			r[0] = uint64(uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3]))
			pc++
		case cLdABEq:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdABGt:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdABGe:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdABSet:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAHEq:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAHGt:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAHGe:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAHSet:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAWEq:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAWGt:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAWGe:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAWSet:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIBEq:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIBGt:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIBGe:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIBSet:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := uint32(pkt[o])
			r[0] = uint64(v)
			t := in.jf
			if v&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIHEq:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIHGt:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIHGe:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIHSet:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := uint32(pkt[o])<<8 | uint32(pkt[o+1])
			r[0] = uint64(v)
			t := in.jf
			if v&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIWEq:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIWGt:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIWGe:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIWSet:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])
			r[0] = uint64(v)
			t := in.jf
			if v&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)

		// Legacy loads, masked, then a comparison of r0 (a cnode).
		case cLdABAndTree:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-1 {
				return 0, nil
			}
			v := (uint32(pkt[o])) & in.k2
			r[0] = uint64(v)
			n := &c.nodes[uint8(in.jt)]
			t := n.jf
			if v&n.mask-n.lo <= n.span {
				t = n.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAHAndTree:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-2 {
				return 0, nil
			}
			v := (uint32(pkt[o])<<8 | uint32(pkt[o+1])) & in.k2
			r[0] = uint64(v)
			n := &c.nodes[uint8(in.jt)]
			t := n.jf
			if v&n.mask-n.lo <= n.span {
				t = n.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdAWAndTree:
			o := int(in.k) // below 1<<31 (buildCompact)
			if o > len(pkt)-4 {
				return 0, nil
			}
			v := (uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])) & in.k2
			r[0] = uint64(v)
			n := &c.nodes[uint8(in.jt)]
			t := n.jf
			if v&n.mask-n.lo <= n.span {
				t = n.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIBAndTree:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-1 {
				return 0, nil
			}
			v := (uint32(pkt[o])) & in.k2
			r[0] = uint64(v)
			n := &c.nodes[uint8(in.jt)]
			t := n.jf
			if v&n.mask-n.lo <= n.span {
				t = n.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIHAndTree:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-2 {
				return 0, nil
			}
			v := (uint32(pkt[o])<<8 | uint32(pkt[o+1])) & in.k2
			r[0] = uint64(v)
			n := &c.nodes[uint8(in.jt)]
			t := n.jf
			if v&n.mask-n.lo <= n.span {
				t = n.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdIWAndTree:
			o := int(int32(uint32(r[in.src&15]) + in.k))
			if o < 0 || o > len(pkt)-4 {
				return 0, nil
			}
			v := (uint32(pkt[o])<<24 | uint32(pkt[o+1])<<16 | uint32(pkt[o+2])<<8 | uint32(pkt[o+3])) & in.k2
			r[0] = uint64(v)
			n := &c.nodes[uint8(in.jt)]
			t := n.jf
			if v&n.mask-n.lo <= n.span {
				t = n.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cMSH:
			r[in.src&15] = uint64(uint32(r[0]))
			o := int(in.k)
			if o >= len(pkt) {
				return 0, nil
			}
			r[in.dst&15] = uint64(pkt[o]&15) << 2
			r[0] = uint64(uint32(r[in.src&15]))
			pc++

		// Conditional jumps.
		case cJ32EqK:
			t := in.jf
			if uint32(r[in.dst&15]) == in.k {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32GtK:
			t := in.jf
			if uint32(r[in.dst&15]) > in.k {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32GeK:
			t := in.jf
			if uint32(r[in.dst&15]) >= in.k {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32SetK:
			t := in.jf
			if int32(r[in.dst&15])&int32(in.k) != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32SGtK:
			t := in.jf
			if int32(r[in.dst&15]) > int32(in.k) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32SGeK:
			t := in.jf
			if int32(r[in.dst&15]) >= int32(in.k) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32EqX:
			t := in.jf
			if uint32(r[in.dst&15]) == uint32(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32GtX:
			t := in.jf
			if uint32(r[in.dst&15]) > uint32(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32GeX:
			t := in.jf
			if uint32(r[in.dst&15]) >= uint32(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32SetX:
			t := in.jf
			if int32(r[in.dst&15])&int32(r[in.src&15]) != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32SGtX:
			t := in.jf
			if int32(r[in.dst&15]) > int32(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ32SGeX:
			t := in.jf
			if int32(r[in.dst&15]) >= int32(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64EqK:
			t := in.jf
			if r[in.dst&15] == uint64(int64(int32(in.k))) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64GtK:
			t := in.jf
			if r[in.dst&15] > uint64(int64(int32(in.k))) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64GeK:
			t := in.jf
			if r[in.dst&15] >= uint64(int64(int32(in.k))) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64SetK:
			t := in.jf
			if int64(r[in.dst&15])&int64(int32(in.k)) != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64SGtK:
			t := in.jf
			if int64(r[in.dst&15]) > int64(int32(in.k)) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64SGeK:
			t := in.jf
			if int64(r[in.dst&15]) >= int64(int32(in.k)) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64EqX:
			t := in.jf
			if r[in.dst&15] == r[in.src&15] {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64GtX:
			t := in.jf
			if r[in.dst&15] > r[in.src&15] {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64GeX:
			t := in.jf
			if r[in.dst&15] >= r[in.src&15] {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64SetX:
			t := in.jf
			if int64(r[in.dst&15])&int64(r[in.src&15]) != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64SGtX:
			t := in.jf
			if int64(r[in.dst&15]) > int64(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cJ64SGeX:
			t := in.jf
			if int64(r[in.dst&15]) >= int64(r[in.src&15]) {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)

		// ALU.
		case cAdd32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) + in.k)
			pc++
		case cSub32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) - in.k)
			pc++
		case cMul32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) * in.k)
			pc++
		case cDiv32K:
			r[in.dst&15] = uint64(div32(uint32(r[in.dst&15]), in.k))
			pc++
		case cMod32K:
			r[in.dst&15] = uint64(mod32(uint32(r[in.dst&15]), in.k))
			pc++
		case cOr32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) | in.k)
			pc++
		case cAnd32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) & in.k)
			pc++
		case cXor32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) ^ in.k)
			pc++
		case cLsh32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) << (in.k & 31))
			pc++
		case cRsh32K:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) >> (in.k & 31))
			pc++
		case cArsh32K:
			r[in.dst&15] = uint64(uint32(int32(r[in.dst&15]) >> (in.k & 31)))
			pc++
		case cNeg32:
			r[in.dst&15] = uint64(-uint32(r[in.dst&15]))
			pc++
		case cMov32K:
			r[in.dst&15] = uint64(in.k)
			pc++
		case cAdd32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) + uint32(r[in.src&15]))
			pc++
		case cSub32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) - uint32(r[in.src&15]))
			pc++
		case cMul32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) * uint32(r[in.src&15]))
			pc++
		case cDiv32X:
			r[in.dst&15] = uint64(div32(uint32(r[in.dst&15]), uint32(r[in.src&15])))
			pc++
		case cMod32X:
			r[in.dst&15] = uint64(mod32(uint32(r[in.dst&15]), uint32(r[in.src&15])))
			pc++
		case cOr32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) | uint32(r[in.src&15]))
			pc++
		case cAnd32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) & uint32(r[in.src&15]))
			pc++
		case cXor32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) ^ uint32(r[in.src&15]))
			pc++
		case cLsh32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) << (r[in.src&15] & 31))
			pc++
		case cRsh32X:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]) >> (r[in.src&15] & 31))
			pc++
		case cArsh32X:
			r[in.dst&15] = uint64(uint32(int32(r[in.dst&15]) >> (r[in.src&15] & 31)))
			pc++
		case cMov32X:
			r[in.dst&15] = uint64(uint32(r[in.src&15]))
			pc++
		case cAdd64K:
			r[in.dst&15] += uint64(int64(int32(in.k)))
			pc++
		case cSub64K:
			r[in.dst&15] -= uint64(int64(int32(in.k)))
			pc++
		case cMul64K:
			r[in.dst&15] *= uint64(int64(int32(in.k)))
			pc++
		case cDiv64K:
			r[in.dst&15] = div64(r[in.dst&15], uint64(int64(int32(in.k))))
			pc++
		case cMod64K:
			r[in.dst&15] = mod64(r[in.dst&15], uint64(int64(int32(in.k))))
			pc++
		case cOr64K:
			r[in.dst&15] |= uint64(int64(int32(in.k)))
			pc++
		case cAnd64K:
			r[in.dst&15] &= uint64(int64(int32(in.k)))
			pc++
		case cXor64K:
			r[in.dst&15] ^= uint64(int64(int32(in.k)))
			pc++
		case cLsh64K:
			r[in.dst&15] <<= in.k & 63
			pc++
		case cRsh64K:
			r[in.dst&15] >>= in.k & 63
			pc++
		case cArsh64K:
			r[in.dst&15] = uint64(int64(r[in.dst&15]) >> (in.k & 63))
			pc++
		case cNeg64:
			r[in.dst&15] = -r[in.dst&15]
			pc++
		case cMov64K:
			r[in.dst&15] = uint64(int64(int32(in.k)))
			pc++
		case cAdd64X:
			r[in.dst&15] += r[in.src&15]
			pc++
		case cSub64X:
			r[in.dst&15] -= r[in.src&15]
			pc++
		case cMul64X:
			r[in.dst&15] *= r[in.src&15]
			pc++
		case cDiv64X:
			r[in.dst&15] = div64(r[in.dst&15], r[in.src&15])
			pc++
		case cMod64X:
			r[in.dst&15] = mod64(r[in.dst&15], r[in.src&15])
			pc++
		case cOr64X:
			r[in.dst&15] |= r[in.src&15]
			pc++
		case cAnd64X:
			r[in.dst&15] &= r[in.src&15]
			pc++
		case cXor64X:
			r[in.dst&15] ^= r[in.src&15]
			pc++
		case cLsh64X:
			r[in.dst&15] <<= r[in.src&15] & 63
			pc++
		case cRsh64X:
			r[in.dst&15] >>= r[in.src&15] & 63
			pc++
		case cArsh64X:
			r[in.dst&15] = uint64(int64(r[in.dst&15]) >> (r[in.src&15] & 63))
			pc++
		case cMov64X:
			r[in.dst&15] = r[in.src&15]
			pc++
		case cMov2K:
			r[in.dst&15], r[in.src&15] = uint64(in.k), uint64(in.k2)
			pc++
		case cLddw:
			r[in.dst&15] = uint64(in.k) | uint64(in.k2)<<32
			pc++
		case cLE16:
			r[in.dst&15] = uint64(uint16(r[in.dst&15]))
			pc++
		case cLE32:
			r[in.dst&15] = uint64(uint32(r[in.dst&15]))
			pc++
		case cLE64:
			pc++
		case cSwap16:
			r[in.dst&15] = uint64(bits.ReverseBytes16(uint16(r[in.dst&15])))
			pc++
		case cSwap32:
			r[in.dst&15] = uint64(bits.ReverseBytes32(uint32(r[in.dst&15])))
			pc++
		case cSwap64:
			r[in.dst&15] = bits.ReverseBytes64(r[in.dst&15])
			pc++

		// Stack loads and stores; any other address goes to exec.
		case cLdxB:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i])
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc++
		case cLdxH:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i]) | uint64(pkt[i+1])<<8
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i]) | uint64(st[i+1])<<8
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc++
		case cLdxW:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i]) | uint64(pkt[i+1])<<8 | uint64(pkt[i+2])<<16 | uint64(pkt[i+3])<<24
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc++
		case cLdxDW:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-8 {
				v = uint64(pkt[i]) | uint64(pkt[i+1])<<8 | uint64(pkt[i+2])<<16 | uint64(pkt[i+3])<<24 | uint64(pkt[i+4])<<32 | uint64(pkt[i+5])<<40 | uint64(pkt[i+6])<<48 | uint64(pkt[i+7])<<56
			} else if o := a - stackBase; o <= stackLen-8 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24 | uint64(st[i+4])<<32 | uint64(st[i+5])<<40 | uint64(st[i+6])<<48 | uint64(st[i+7])<<56
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc++
		case cStB:
			st, v := vm.stackArr, uint64(int64(int32(in.k2)))
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-1 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStH:
			st, v := vm.stackArr, uint64(int64(int32(in.k2)))
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-2 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			st[i+1] = byte(v >> 8)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStW:
			st, v := vm.stackArr, uint64(int64(int32(in.k2)))
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-4 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			st[i+1] = byte(v >> 8)
			st[i+2] = byte(v >> 16)
			st[i+3] = byte(v >> 24)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStDW:
			st, v := vm.stackArr, uint64(int64(int32(in.k2)))
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-8 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			st[i+1] = byte(v >> 8)
			st[i+2] = byte(v >> 16)
			st[i+3] = byte(v >> 24)
			st[i+4] = byte(v >> 32)
			st[i+5] = byte(v >> 40)
			st[i+6] = byte(v >> 48)
			st[i+7] = byte(v >> 56)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStxB:
			st, v := vm.stackArr, r[in.src&15]
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-1 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStxH:
			st, v := vm.stackArr, r[in.src&15]
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-2 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			st[i+1] = byte(v >> 8)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStxW:
			st, v := vm.stackArr, r[in.src&15]
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-4 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			st[i+1] = byte(v >> 8)
			st[i+2] = byte(v >> 16)
			st[i+3] = byte(v >> 24)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++
		case cStxDW:
			st, v := vm.stackArr, r[in.src&15]
			o := r[in.dst&15] + uint64(int64(int32(in.k))) - stackBase
			if o > stackLen-8 {
				goto slow
			}
			i := int(o)
			st[i] = byte(v)
			st[i+1] = byte(v >> 8)
			st[i+2] = byte(v >> 16)
			st[i+3] = byte(v >> 24)
			st[i+4] = byte(v >> 32)
			st[i+5] = byte(v >> 40)
			st[i+6] = byte(v >> 48)
			st[i+7] = byte(v >> 56)
			if o < vm.stackDirty {
				vm.stackDirty = o
			}
			pc++

		// Direct packet access.
		case cLdxHBE:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc++
		case cLdxWBE:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc++
		case cLdxBEq:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxBGt:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxBGe:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxBSet:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxHEq:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxHGt:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxHGe:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxHSet:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxWEq:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxWGt:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxWGe:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxWSet:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)

		// Bounds checks and the loads after them.
		case cChkLdxB:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i])
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc = uint8(in.jf)
		case cChkLdxHBE:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc = uint8(in.jf)
		case cChkLdxWBE:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			pc = uint8(in.jf)
		case cChkLdxBEq:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxBGt:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxBGe:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxBSet:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i]) << 0
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxHEq:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxHGt:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxHGe:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxHSet:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-2 {
				v = uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			} else if o := a - stackBase; o <= stackLen-2 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes16(uint16(uint64(st[i]) | uint64(st[i+1])<<8)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxWEq:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxWGt:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxWGe:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdxWSet:
			e := r[in.src2&15] + uint64(int64(int32(in.k3)))
			r[in.dst2&15] = e
			if e > r[in.aux&15] {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-4 {
				v = uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			} else if o := a - stackBase; o <= stackLen-4 {
				st, i := vm.stackArr, int(o)
				v = uint64(bits.ReverseBytes32(uint32(uint64(st[i]) | uint64(st[i+1])<<8 | uint64(st[i+2])<<16 | uint64(st[i+3])<<24)))
			} else {
				goto slow
			}
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)

		// Bounds checks of data and the loads after them, data and data_end fixed.
		case cChkLdDB:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-1 {
				goto slow
			}
			v := uint64(pkt[i])
			r[in.dst&15] = v
			pc = uint8(in.jf)
		case cChkLdDHBE:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-2 {
				goto slow
			}
			v := uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			r[in.dst&15] = v
			pc = uint8(in.jf)
		case cChkLdDWBE:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-4 {
				goto slow
			}
			v := uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			r[in.dst&15] = v
			pc = uint8(in.jf)
		case cChkLdDBEq:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-1 {
				goto slow
			}
			v := uint64(pkt[i]) << 0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDBGt:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-1 {
				goto slow
			}
			v := uint64(pkt[i]) << 0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDBGe:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-1 {
				goto slow
			}
			v := uint64(pkt[i]) << 0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDBSet:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-1 {
				goto slow
			}
			v := uint64(pkt[i]) << 0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDHEq:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-2 {
				goto slow
			}
			v := uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDHGt:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-2 {
				goto slow
			}
			v := uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDHGe:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-2 {
				goto slow
			}
			v := uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDHSet:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-2 {
				goto slow
			}
			v := uint64(pkt[i])<<8 | uint64(pkt[i+1])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDWEq:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-4 {
				goto slow
			}
			v := uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) == in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDWGt:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-4 {
				goto slow
			}
			v := uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) > in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDWGe:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-4 {
				goto slow
			}
			v := uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v) >= in.k2 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cChkLdDWSet:
			r[in.dst2&15] = packetBase + uint64(in.k3)
			if uint64(in.k3) > uint64(len(pkt)) {
				t := in.jt2
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			i := int(in.k)
			if i > len(pkt)-4 {
				goto slow
			}
			v := uint64(pkt[i])<<24 | uint64(pkt[i+1])<<16 | uint64(pkt[i+2])<<8 | uint64(pkt[i+3])<<0
			r[in.dst&15] = v
			t := in.jf
			if uint32(v)&in.k2 != 0 {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)
		case cLdxMSH:
			a := r[in.src&15] + uint64(int64(int32(in.k)))
			var v uint64
			if i := int(a - packetBase); i >= 0 && i <= len(pkt)-1 {
				v = uint64(pkt[i])
			} else if o := a - stackBase; o <= stackLen-1 {
				st, i := vm.stackArr, int(o)
				v = uint64(st[i])
			} else {
				goto slow
			}
			r[in.dst&15] = uint64(uint32(v)&15) << 2
			pc = uint8(in.jf)
		case cIndex:
			x := r[in.src&15]
			r[in.dst&15] = x
			if x > uint64(int64(int32(in.k))) {
				t := in.jt
				if t >= retFlag {
					return uint64(insts[uint8(t)].k), nil
				}
				pc = uint8(t)
				continue
			}
			r[in.dst2&15] = r[in.src2&15] + x
			pc = uint8(in.jf)
		case cCheck:
			v := r[in.src&15] + uint64(int64(int32(in.k)))
			r[in.dst&15] = v
			t := in.jf
			if v > r[in.aux&15] {
				t = in.jt
			}
			if t >= retFlag {
				return uint64(insts[uint8(t)].k), nil
			}
			pc = uint8(t)

		case cSlow:
			goto slow
		default: // unreachable: buildCompact gives no other operation
			goto slow
		}
	}
slow: // exec runs the rest, from this instruction's slot
	return vm.resume(int(c.slots[pc]), r, pkt, runXDP, nil, md)
}

package cbpf

import (
	"encoding/binary"
)

// merge makes blocks that do the same thing one block: returns of the same
// value, and blocks with the same statements, the same branch and the same
// successors (after their successors were merged). It also sends edges
// past empty unconditional jumps, and turns a block whose every path
// returns 0 into a "ret #0": whatever its statements do, including a load
// failing, the verdict is 0. It reports whether anything changed.
func (g *oGraph) merge() bool {
	g.order()
	changed := false
	seen := make(map[string]*oBlock, len(g.blocks))
	var key []byte
	for i := len(g.blocks) - 1; i >= 0; i-- {
		b := g.blocks[i]
		b.fwd = nil
		if !b.isRet() {
			if t := b.jt.rep(); t != b.jt {
				b.jt = t
				changed = true
			}
			if t := b.jf.rep(); t != b.jf {
				b.jf = t
				changed = true
			}
			if b.jt == b.jf && b.jt.code == ClassRET|SrcK && b.jt.k == 0 {
				// Every path rejects, and a failing load would
				// reject too: the block is a reject.
				b.fwd = b.jt
				changed = true
				continue
			}
			if b.jump() && len(b.stmts) == 0 {
				b.fwd = b.jt
				changed = true
				continue
			}
		}
		key = key[:0]
		if b.jump() {
			key = binary.LittleEndian.AppendUint16(key, ClassJMP|JumpJA)
			key = binary.LittleEndian.AppendUint32(key, 0)
		} else {
			key = binary.LittleEndian.AppendUint16(key, b.code)
			key = binary.LittleEndian.AppendUint32(key, b.k)
		}
		if !b.isRet() {
			key = binary.LittleEndian.AppendUint32(key, uint32(b.jt.idx))
			key = binary.LittleEndian.AppendUint32(key, uint32(b.jf.idx))
		}
		for _, s := range b.stmts {
			key = binary.LittleEndian.AppendUint16(key, s.code)
			key = binary.LittleEndian.AppendUint32(key, s.k)
		}
		if o, ok := seen[string(key)]; ok {
			b.fwd = o
			changed = true
			continue
		}
		seen[string(key)] = b
	}
	if r := g.root.rep(); r != g.root {
		g.root = r
		changed = true
	}
	if changed {
		g.order()
	}
	return changed
}

// rep returns the block that stands for b after merging.
func (b *oBlock) rep() *oBlock {
	for b.fwd != nil {
		b = b.fwd
	}
	return b
}

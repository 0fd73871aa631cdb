package cbpf

import (
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/parser"
)

// offsetNotSet marks an offset the link type does not have.
const offsetNotSet = 0xffffffff

// absOffset is an offset from the start of the packet: a constant part,
// plus, when isVariable is set, a value computed at run time and kept in
// scratch register reg (-1 until one is assigned).
type absOffset struct {
	isVariable bool
	constPart  uint32
	reg        int
}

// offRel says what a load offset is relative to.
type offRel int

const (
	orPacket       offRel = iota // start of the packet
	orLinkHdr                    // link-layer header
	orPrevLinkHdr                // previous (outer) link-layer header
	orLLC                        // 802.2 LLC header (start of the link payload)
	orPrevMPLSHdr                // previous MPLS header
	orLinkType                   // link-layer type field
	orLinkPL                     // link-layer payload (network header)
	orLinkPLNoSNAP               // link-layer payload without SNAP
	orTranIPv4                   // transport header after IPv4
	orTranIPv6                   // transport header after a fixed IPv6 header
)

// bailout carries a compile error out of the generator.
type bailout struct{ err *parser.Error }

// compiler holds the state of one compilation, like libpcap's
// compiler_state_t.
type compiler struct {
	// libpcapSkipsOptimizer is set by the generators after which libpcap
	// does not run its optimizer at all (protochain, geneve, 802.11
	// address tests, the Prism and PPI header lengths: code with jumps
	// inside its statement lists), so that it never reports "expression
	// rejects all packets" for such an expression. gocap's optimizer
	// still runs and keeps its program; only the error follows libpcap.
	libpcapSkipsOptimizer bool

	opts     Options
	resolver parser.Resolver
	snaplen  uint32
	netmask  uint32
	hasMask  bool

	linktype          LinkType
	prevLinktype      LinkType
	outermostLinktype LinkType

	offLinkHdr          absOffset
	offPrevLinkHdr      absOffset
	offOutermostLinkHdr absOffset
	offLinkPL           absOffset
	offLinkType         absOffset
	offNL               uint32
	offNLNoSNAP         uint32

	isGeneve       bool
	isVXLAN        bool
	isEncap        bool
	isVLANVLOffset bool

	// lx is the state of the link types in linkother.go.
	lx linkExtra

	labelStackDepth int
	vlanStackDepth  int

	regused [16]bool
	curreg  int

	// arena holds the statements and blocks (see genArena).
	arena *genArena

	// position of the node being compiled, for errors
	pos, end parser.Pos
}

// fail aborts the compilation with a message at the current node.
func (c *compiler) fail(format string, args ...any) {
	c.failKind(parser.KindInvalid, format, args...)
}

// failLink reports a primitive the link type (or the kind of capture) does
// not support.
func (c *compiler) failLink(format string, args ...any) {
	c.failKind(parser.KindLinkType, format, args...)
}

// failKind reports an error of the given kind at the current node.
func (c *compiler) failKind(kind parser.ErrorKind, format string, args ...any) {
	panic(bailout{&parser.Error{Pos: c.pos, End: c.end, Msg: fmt.Sprintf(format, args...), Kind: kind}})
}

// at records the span of the node being compiled.
func (c *compiler) at(n parser.Node) {
	c.pos, c.end = n.Pos(), n.End()
}

// CompileRaw is Compile returning the instructions in their raw encoding.
func CompileRaw(expr string, opts Options) (prog []bpf.RawInstruction, err error) {
	tree, err := parser.Parse(expr)
	if err != nil {
		return nil, err
	}
	return Generate(tree, opts)
}

// Generate compiles a parsed expression (nil means "accept everything").
func Generate(tree parser.Expr, opts Options) (prog []bpf.RawInstruction, err error) {
	c := &compiler{opts: opts, resolver: opts.Resolver, arena: genArenaPool.Get().(*genArena)}
	defer c.arena.release()
	if c.resolver == nil {
		c.resolver = parser.DefaultResolver()
	}
	c.snaplen = opts.Snaplen
	if c.snaplen == 0 {
		c.snaplen = DefaultSnaplen
	}
	c.netmask = opts.Netmask
	c.hasMask = opts.NetmaskSet && opts.Netmask != NetmaskUnknown
	c.pos, c.end = parser.NoPos, parser.NoPos
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			prog, err = nil, b.err
		}
	}()
	c.initLinktype()
	var root *block
	if tree == nil {
		root = c.newBlock(ClassRET|SrcK, c.snaplen)
	} else {
		b := c.expr(tree)
		c.pos, c.end = parser.NoPos, parser.NoPos
		if r := b.res(); opts.Optimize && r.isConst && !r.constValue() && !c.libpcapSkipsOptimizer {
			// What libpcap's optimizer reports; a filter that folds to
			// a constant is caught here, the others by the optimizer.
			c.failKind(parser.KindRejectsAll, "expression rejects all packets")
		}
		root = c.finish(b)
	}
	if opts.Optimize {
		if p, err := c.optimize(root); p != nil || err != nil {
			return p, err
		}
	}
	p, lerr := c.arena.layout(root)
	if lerr != nil {
		return nil, &parser.Error{Pos: parser.NoPos, End: parser.NoPos, Msg: lerr.Error()}
	}
	return p, nil
}

// finish attaches the accept and reject returns, as libpcap's finish_parse.
func (c *compiler) finish(p *block) *block {
	p = p.res()
	c.insertComputeVLOffsets(p.head)
	if ppi := c.ppiDLTCheck(); ppi != nil {
		genAnd(ppi, p)
		p = p.res()
	}
	backpatch(p, c.newBlock(ClassRET|SrcK, c.snaplen))
	p.sense = !p.sense
	backpatch(p, c.newBlock(ClassRET|SrcK, 0))
	return p.head
}

// Scratch registers.

func (c *compiler) allocReg() int {
	for n := 0; n < 16; n++ {
		if c.regused[c.curreg] {
			c.curreg = (c.curreg + 1) % 16
		} else {
			c.regused[c.curreg] = true
			return c.curreg
		}
	}
	c.fail("too many registers needed to evaluate expression")
	return 0
}

func (c *compiler) freeReg(n int) {
	if n >= 0 && n < 16 {
		c.regused[n] = false
	}
}

// Loads.

// loadAbsOffsetRel loads size bytes at offset from an absolute offset.
func (c *compiler) loadAbsOffsetRel(abs *absOffset, offset uint32, size uint16) []*stmt {
	s := c.absOffsetVarPart(abs)
	if s != nil {
		return c.add(s, c.newStmt(ClassLD|ModeIND|size, abs.constPart+offset))
	}
	return c.list(c.newStmt(ClassLD|ModeABS|size, abs.constPart+offset))
}

// absOffsetVarPart returns statements that put the variable part of an
// offset in X, or nil when the offset is constant.
func (c *compiler) absOffsetVarPart(off *absOffset) []*stmt {
	if !off.isVariable {
		return nil
	}
	if off.reg == -1 {
		off.reg = c.allocReg()
	}
	return c.list(c.newStmt(ClassLDX|ModeMEM, uint32(off.reg)))
}

func (c *compiler) loadA(rel offRel, offset uint32, size uint16) []*stmt {
	switch rel {
	case orPacket:
		return c.list(c.newStmt(ClassLD|ModeABS|size, offset))
	case orLinkHdr:
		return c.loadAbsOffsetRel(&c.offLinkHdr, offset, size)
	case orPrevLinkHdr:
		return c.loadAbsOffsetRel(&c.offPrevLinkHdr, offset, size)
	case orLLC:
		return c.loadAbsOffsetRel(&c.offLinkPL, offset, size)
	case orPrevMPLSHdr:
		return c.loadAbsOffsetRel(&c.offLinkPL, c.offNL-4+offset, size)
	case orLinkPL:
		return c.loadAbsOffsetRel(&c.offLinkPL, c.offNL+offset, size)
	case orLinkPLNoSNAP:
		return c.loadAbsOffsetRel(&c.offLinkPL, c.offNLNoSNAP+offset, size)
	case orLinkType:
		return c.loadAbsOffsetRel(&c.offLinkType, offset, size)
	case orTranIPv4:
		s := c.loadXIPHdrLen()
		return c.add(s, c.newStmt(ClassLD|ModeIND|size, c.offLinkPL.constPart+c.offNL+offset))
	case orTranIPv6:
		return c.loadAbsOffsetRel(&c.offLinkPL, c.offNL+40+offset, size)
	}
	panic("bad offrel")
}

// loadXIPHdrLen puts the IPv4 header length (plus any variable part of
// the link payload offset) in X.
func (c *compiler) loadXIPHdrLen() []*stmt {
	s := c.absOffsetVarPart(&c.offLinkPL)
	if s != nil {
		s = c.add(s,
			c.newStmt(ClassLD|ModeIND|SizeB, c.offLinkPL.constPart+c.offNL),
			c.newStmt(ClassALU|ALUAnd|SrcK, 0xf),
			c.newStmt(ClassALU|ALULsh|SrcK, 2),
			c.newStmt(ClassALU|ALUAdd|SrcX, 0),
			c.newStmt(ClassMISC|MiscTAX, 0))
		return s
	}
	return c.list(c.newStmt(ClassLDX|ModeMSH|SizeB, c.offLinkPL.constPart+c.offNL))
}

// Comparisons.

func (c *compiler) ncmp(rel offRel, offset uint32, size uint16, mask uint32, jtype uint16, reverse bool, v uint32) *block {
	s := c.loadA(rel, offset, size)
	if mask != 0xffffffff {
		s = c.add(s, c.newStmt(ClassALU|ALUAnd|SrcK, mask))
	}
	b := c.newBlock(ClassJMP|jtype|SrcK, v)
	b.stmts = s
	if reverse && (jtype == JumpJGT || jtype == JumpJGE) {
		genNot(b)
	}
	return b
}

func (c *compiler) cmp(rel offRel, offset uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, offset, size, 0xffffffff, JumpJEQ, false, v)
}

func (c *compiler) cmpGT(rel offRel, offset uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, offset, size, 0xffffffff, JumpJGT, false, v)
}

func (c *compiler) cmpGE(rel offRel, offset uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, offset, size, 0xffffffff, JumpJGE, false, v)
}

func (c *compiler) cmpLT(rel offRel, offset uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, offset, size, 0xffffffff, JumpJGE, true, v)
}

func (c *compiler) cmpLE(rel offRel, offset uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, offset, size, 0xffffffff, JumpJGT, true, v)
}

func (c *compiler) mcmp(rel offRel, offset uint32, size uint16, v, mask uint32) *block {
	if mask == 0 {
		// Nothing to compare: libpcap master generates a constant
		// true, which folding then removes.
		return c.genTrue()
	}
	return c.ncmp(rel, offset, size, mask, JumpJEQ, false, v)
}

// bcmp compares a byte string, word by word from the end.
func (c *compiler) bcmp(rel offRel, offset uint32, v []byte) *block {
	var b *block
	size := uint32(len(v))
	for size >= 4 {
		p := v[size-4:]
		tmp := c.cmp(rel, offset+size-4, SizeW, uint32(p[0])<<24|uint32(p[1])<<16|uint32(p[2])<<8|uint32(p[3]))
		if b != nil {
			genAnd(b, tmp)
		}
		b = tmp
		size -= 4
	}
	for size >= 2 {
		p := v[size-2:]
		tmp := c.cmp(rel, offset+size-2, SizeH, uint32(p[0])<<8|uint32(p[1]))
		if b != nil {
			genAnd(b, tmp)
		}
		b = tmp
		size -= 2
	}
	if size > 0 {
		tmp := c.cmp(rel, offset, SizeB, uint32(v[0]))
		if b != nil {
			genAnd(b, tmp)
		}
		b = tmp
	}
	return b
}

// uncond is an always-true (rsense) or always-false block.
func (c *compiler) uncond(rsense bool) *block {
	k := uint32(1)
	if rsense {
		k = 0
	}
	b := c.newBlock(ClassJMP|JumpJEQ|SrcK, 0)
	b.stmts = c.list(c.newStmt(ClassLD|ModeIMM, k))
	b.isConst = true
	return b
}

func (c *compiler) genTrue() *block  { return c.uncond(true) }
func (c *compiler) genFalse() *block { return c.uncond(false) }

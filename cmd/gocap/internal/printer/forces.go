package printer

import (
	"strings"
)

// ForCES (RFC 5810), carried in SCTP on ports 6704-6706 or PPIDs 21-23:
// a 24-byte header, then top-level TLVs whose content tcpdump prints
// only with -vvv; its complaints about malformed TLVs print at any
// verbosity, and a message it gives up on is dumped in hex.

// forcesFn prints one ForCES TLV or part of one: the bytes from off, of
// which length belong to it, with the operation mask and the indent
// tcpdump hands down. It returns -1 when tcpdump's printer gives up,
// else 0 or (for the path data count) the bytes left.
type forcesFn func(p *Printer, r reader, off, length int, ops uint16, indent int) int

// forcesMsg is one message type: its top-level TLV flags, the operations
// its LFB selectors may carry, its name and its TLV printer.
type forcesMsg struct {
	flags uint16
	ops   uint16
	name  string
	print forcesFn
}

// Top-level TLV flags of a message type: none allowed, none or more,
// one or more, and the most it may have in the high nibble.
const (
	forcesZeroTTLV     = 0x01
	forcesZeroMoreTTLV = 0x02
	forcesOneMoreTTLV  = 0x04
)

// The operation bits (1 << (operation-1)) and the path data bits.
const (
	fOpSet      = 1 << 0
	fOpSetProp  = 1 << 1
	fOpSetResp  = 1 << 2
	fOpSetPResp = 1 << 3
	fOpDel      = 1 << 4
	fOpDelResp  = 1 << 5
	fOpGet      = 1 << 6
	fOpGetProp  = 1 << 7
	fOpGetResp  = 1 << 8
	fOpGetPResp = 1 << 9
	fOpReport   = 1 << 10
	fOpCommit   = 1 << 11
	fOpRCommit  = 1 << 12
	fOpRTRComp  = 1 << 13

	fFullData   = 0x1
	fSparseData = 0x2
	fResult     = 0x4
	fKeyInfo    = 0x8
	fAppend     = 0x10
	fTableRange = 0x20
)

var forcesMsgs map[uint8]forcesMsg

func init() {
	lfb := (*Printer).forcesLFBSelect
	forcesMsgs = map[uint8]forcesMsg{
		0x01: {forcesZeroMoreTTLV | 0x20, fOpReport, "Association Setup", lfb},
		0x02: {forcesOneMoreTTLV | 0x10, 0, "Association TearDown", (*Printer).forcesASTResult},
		0x03: {forcesOneMoreTTLV | 0xf0, fOpSet | fOpSetProp | fOpDel | fOpCommit | fOpRTRComp, "Config", lfb},
		0x04: {forcesOneMoreTTLV | 0xf0, fOpGet | fOpGetProp, "Query", lfb},
		0x05: {forcesOneMoreTTLV | 0x10, fOpReport, "Event Notification", lfb},
		0x06: {forcesOneMoreTTLV | 0xf0, 0, "Packet Redirect", (*Printer).forcesRedirect},
		0x0f: {forcesZeroTTLV, 0, "HeartBeat", nil},
		0x11: {forcesOneMoreTTLV | 0x10, 0, "Association Response", (*Printer).forcesASRResult},
		0x13: {forcesOneMoreTTLV | 0xf0, fOpSetResp | fOpSetPResp | fOpDelResp | fOpRCommit, "Config Response", lfb},
		0x14: {forcesOneMoreTTLV | 0xf0, fOpGetResp | fOpGetPResp, "Query Response", lfb},
	}
}

// forcesOper is an operation TLV: its name (with tcpdump's leading
// space), the data encodings it takes and its printer.
type forcesOper struct {
	name  string
	data  uint16
	print forcesFn
}

// forcesOpers are the operation TLVs by type; forcesBadOper stands for
// the reserved and unknown ones.
var (
	forcesBadOper = forcesOper{"Invalid OPTLV", 0, (*Printer).forcesInvalidOp}
	forcesOpers   = map[uint16]forcesOper{
		1:  {" Set", fFullData | fSparseData, (*Printer).forcesPathTLVs},
		2:  {" SetProp", fFullData | fSparseData, (*Printer).forcesPathTLVs},
		3:  {" SetResp", fResult, (*Printer).forcesPathTLVs},
		4:  {" SetPropResp", fResult, (*Printer).forcesPathTLVs},
		5:  {" Del", 0, (*Printer).forcesPathTLVs},
		6:  {" DelResp", fResult, (*Printer).forcesPathTLVs},
		7:  {" Get", 0, (*Printer).forcesPathTLVs},
		8:  {" GetProp", 0, (*Printer).forcesPathTLVs},
		9:  {" GetResp", fFullData | fSparseData | fResult, (*Printer).forcesPathTLVs},
		10: {" GetPropResp", fFullData | fResult, (*Printer).forcesPathTLVs},
		11: {" Report", fFullData | fSparseData, (*Printer).forcesPathTLVs},
		12: {" Commit", 0, nil},
		13: {" RCommit", fResult, (*Printer).forcesGenOp},
		14: {" RTRCOMP", 0, nil},
	}
)

// forcesPDTypes are the TLVs a path data may hold, with the encoding bit
// each needs (set by init: the printers refer back to it).
var forcesPDTypes map[uint16]forcesOper

func init() {
	forcesPDTypes = map[uint16]forcesOper{
		0x111: {"KEYINFO TLV", 0, (*Printer).forcesKeyInfo},
		0x112: {"FULLDATA TLV", fFullData, (*Printer).forcesFullData},
		0x113: {"SPARSEDATA TLV", fSparseData, (*Printer).forcesSparseData},
		0x114: {"RESULT TLV", fResult, (*Printer).forcesResult},
		0x110: {"Inner PATH-DATA TLV", 0, (*Printer).forcesPathTLVs},
	}
}

var (
	forcesTLVNames = map[uint32]string{0x0000: "Invalid TLV", 0x0001: "REDIRECT TLV",
		0x0010: "ASResult TLV", 0x0011: "ASTreason TLV", 0x1000: "LFBselect TLV",
		0x0110: "PATH-DATA TLV", 0x0111: "KEYINFO TLV", 0x0112: "FULLDATA TLV",
		0x0113: "SPARSEDATA TLV", 0x0114: "RESULT TLV", 0x0115: "METADATA TLV",
		0x0116: "REDIRECTDATA TLV"}
	forcesLFBNames = map[uint32]string{0: "Invalid TLV", 1: "FEObj LFB", 2: "FEProtoObj LFB"}
	forcesXLVErrs  = map[uint32]string{1: "Invalid total length", 2: "xLV too short",
		3: "xLV too long", 4: "data padding missing"}
	forcesResults = map[uint32]string{0: "SUCCESS", 1: "INVALID HEADER", 2: "LENGTH MISMATCH",
		3: "VERSION MISMATCH", 4: "INVALID DESTINATION PID", 5: "LFB UNKNOWN",
		6: "LFB NOT FOUND", 7: "LFB INSTANCE ID NOT FOUND", 8: "INVALID PATH",
		9: "COMPONENT DOES NOT EXIST", 10: "EXISTS ALREADY", 11: "NOT FOUND",
		12: "READ ONLY", 13: "INVALID ARRAY CREATION", 14: "VALUE OUT OF RANGE",
		15: "CONTENTS TOO LONG", 16: "INVALID PARAMETERS", 17: "INVALID MESSAGE TYPE",
		18: "INVALID FLAGS", 19: "INVALID TLV", 20: "EVENT ERROR", 21: "NOT SUPPORTED",
		22: "MEMORY ERROR", 23: "INTERNAL ERROR", 0xff: "UNSPECIFIED ERROR"}
)

// forcesTok is tcpdump's tok2str without a default format: the name, or
// "#" and the value as a signed int.
func forcesTok(m map[uint32]string, v uint32) string {
	if s, ok := m[v]; ok {
		return s
	}
	return sprintf("#%d", int32(v))
}

// forcesIndent is the indent tcpdump's ForCES printer puts before a
// line: n spaces, or with nl a newline and n-1 spaces; at most 255.
func forcesIndent(n int, nl bool) string {
	n = min(n, 255)
	if nl {
		return "\n" + strings.Repeat(" ", max(n-1, 0))
	}
	return strings.Repeat(" ", max(n, 0))
}

// align4 rounds n up to a multiple of 4.
func align4(n int) int { return (n + 3) &^ 3 }

// forcesXLV checks an xLV of length l where rem bytes remain: 0, or the
// reason it does not fit (a key of forcesXLVErrs). hdr is the header
// size, 4 for a TLV and 8 for an ILV.
func forcesXLV(l, rem, hdr int) uint32 {
	switch {
	case rem < hdr:
		return 1
	case l < hdr:
		return 2
	case l > rem:
		return 3
	case rem < align4(l):
		return 4
	}
	return 0
}

// forcesTopTLVOK reports whether t may be a top-level TLV.
func forcesTopTLVOK(t uint16) bool {
	return t == 1 || t == 0x1000 || t == 0x10 || t == 0x11 || (t >= 0x110 && t <= 0x116)
}

// forcesOpOK reports whether the operation op is allowed by the mask.
func forcesOpOK(op, mask uint16) bool {
	switch {
	case op == 0:
		return false
	case op <= 14:
		return (1<<(op-1))&mask != 0
	}
	return op >= 0x8000
}

// forcesHex is tcpdump's hex_print of n bytes from off.
func (p *Printer) forcesHex(r reader, ident string, off, n int) {
	p.lispHex(r, ident, off, n)
}

// forces prints a ForCES message of length bytes; b runs to the end of
// the capture.
func (p *Printer) forces(b []byte, length int) {
	r := p.reader("forces", b)
	if !r.has(0, 24) {
		r.trunc()
		return
	}
	tom := b[1]
	errorDump := func() {
		p.forcesHex(r, "\n\t[", 0, length)
		p.print("\n\t]")
	}
	if tom == 0 || (tom >= 7 && tom <= 0x0e) || tom == 0x10 || tom > 0x14 {
		p.printf("Invalid ForCES message type %d\n", tom)
		errorDump()
		return
	}
	msg, ok := forcesMsgs[tom]
	if !ok {
		p.printf("\n\tUnknown ForCES message type=0x%x", tom)
		errorDump()
		return
	}
	mlen := int(r.be16(2)) << 2
	p.printf("\n\tForCES %s ", msg.name)
	if !(length >= 24 && mlen >= 24 && mlen == length) {
		p.printf("Illegal ForCES pkt len - min %d, total recvd %d, advertised %d ", 24, length, mlen)
		errorDump()
		return
	}
	f := r.be32(20)
	if p.o.Verbose >= 1 {
		sid, did := r.be32(4), r.be32(8)
		p.printf("\n\tForCES Version %d len %dB flags 0x%08x ", b[0]>>4, mlen, f)
		p.printf("\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%x", sid, forcesNode(sid), did,
			forcesNode(did), be64(b, 12))
	}
	if p.o.Verbose >= 2 {
		ack := [...]string{"NoACK", "SuccessACK", "FailureACK", "AlwaysACK"}[f>>30]
		em := [...]string{"EMReserved", "execute-all-or-none", "execute-until-failure",
			"continue-execute-on-failure"}[(f>>22)&3]
		at := [...]string{"Standalone", "2PCtransaction"}[(f>>21)&1]
		tp := [...]string{"StartofTransaction", "MiddleofTransaction", "EndofTransaction",
			"abort"}[(f>>19)&3]
		p.printf("\n\tForCES flags:\n\t  %s(0x%x), prio=%d, %s(0x%x),\n\t  %s(0x%x), %s(0x%x)\n",
			ack, f>>30, (f>>27)&7, em, (f>>22)&3, at, (f>>21)&1, tp, (f>>19)&3)
		p.printf("\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n", (f>>24)&7, f&0x7ffff)
	}
	if p.forcesTop(r, mlen, msg) < 0 {
		errorDump()
		return
	}
	if p.o.Verbose >= 4 {
		p.print("\n\t  Raw ForCES message\n\t [")
		p.forcesHex(r, "\n\t ", 0, length)
		p.print("\n\t ]")
	}
}

// forcesNode names the kind of a ForCES source or destination ID.
func forcesNode(n uint32) string {
	switch {
	case n <= 0x3fffffff:
		return "FE"
	case n <= 0x7fffffff:
		return "CE"
	case n >= 0xc0000000 && n <= 0xffffffef:
		return "AllMulticast"
	case n == 0xfffffffd:
		return "AllCEsBroadcast"
	case n == 0xfffffffe:
		return "AllFEsBroadcast"
	case n == 0xffffffff:
		return "AllBroadcast"
	}
	return "ForCESreserved"
}

// forcesTop prints the top-level TLVs of a message of mlen bytes, as
// many as the message type allows.
func (p *Printer) forcesTop(r reader, mlen int, msg forcesMsg) int {
	rem := mlen - 24
	if rem > 4 {
		if msg.flags&forcesZeroTTLV != 0 {
			p.printf("<0x%x>Illegal Top level TLV!\n", msg.flags)
			return -1
		}
	} else {
		if msg.flags&forcesZeroMoreTTLV != 0 {
			return 0
		}
		if msg.flags&forcesOneMoreTTLV != 0 {
			p.print("\tTop level TLV Data missing!\n")
			return -1
		}
	}
	if msg.flags&forcesZeroTTLV != 0 {
		return 0
	}
	most := msg.flags >> 4
	off := 24
	for rem != 0 {
		typ, l := r.be16(off), int(r.be16(off+2))
		if forcesXLV(l, rem, 4) != 0 {
			break
		}
		if !forcesTopTLVOK(typ) {
			p.printf("\n\tInvalid ForCES Top TLV type=0x%x", typ)
			return -1
		}
		if p.o.Verbose >= 3 {
			p.printf("\t%s, length %d (data length %d Bytes)", forcesTok(forcesTLVNames, uint32(typ)), l, l-4)
		}
		if msg.print(p, r, off+4, l, msg.ops, 9) < 0 {
			return -1
		}
		off += align4(l)
		rem -= align4(l)
		most--
		if most == 0 {
			break
		}
	}
	if rem != 0 {
		p.printf("\tMess TopTLV header: min %d, total %d advertised %d ", 4, rem, r.be16(off+2))
		return -1
	}
	return 0
}

// forcesMessy prints tcpdump's complaint about the bytes left after the
// last TLV that fitted, at off with rem bytes remaining.
func (p *Printer) forcesMessy(r reader, what string, off, rem int) {
	p.printf("\n\t\tMessy %s header, type (0x%x)\n\t\texcess of %d Bytes ", what, r.be16(off),
		uint32(rem)-uint32(r.be16(off+2)))
}

// forcesLFBSelect prints an LFBselect TLV (its data from off, length
// counting the TLV header): the class and instance, then the operation
// TLVs.
func (p *Printer) forcesLFBSelect(r reader, off, length int, ops uint16, indent int) int {
	ib := forcesIndent(indent, false)
	dlen := length - 4
	if dlen <= 12 {
		p.printf("\n\t\ttruncated lfb selector: %d bytes missing! ", 12-dlen)
		return -1
	}
	rem := dlen - 8
	if !r.has(off, 8) {
		r.trunc()
		return -1
	}
	if p.o.Verbose >= 3 {
		class := r.be32(off)
		p.printf("\n%s%s(Classid %x) instance %x\n", ib, forcesTok(forcesLFBNames, class), class, r.be32(off+4))
	}
	indent++
	return p.forcesTLVs(r, off+8, rem, "oper TLV", "", func(typ uint16, off, l, rem int) bool {
		if forcesOpOK(typ, ops) {
			p.forcesOperTLV(r, off, indent)
		} else {
			if p.o.Verbose < 3 {
				p.print("\n")
			}
			p.printf("\t\tINValid oper-TLV type 0x%x length %d for this ForCES message\n", typ, l)
			p.forcesInvalidOp(r, off, rem, 0, indent)
		}
		return true
	})
}

// forcesTLVs walks the TLVs in the rem bytes at off, each padded to 4
// bytes, until one's length does not fit (printing bad then): tlv prints
// each, given its type, offset, length (with its header) and the bytes
// left from it, and ends the walk with -1 by returning false. Bytes left
// over make a messy header of what, and -1.
func (p *Printer) forcesTLVs(r reader, off, rem int, what, bad string, tlv func(typ uint16, off, l, rem int) bool) int {
	for rem != 0 {
		typ, l := r.be16(off), int(r.be16(off+2))
		if forcesXLV(l, rem, 4) != 0 {
			p.print(bad)
			break
		}
		if !tlv(typ, off, l, rem) {
			return -1
		}
		off += align4(l)
		rem -= align4(l)
	}
	if rem != 0 {
		p.forcesMessy(r, what, off, rem)
		return -1
	}
	return 0
}

// forcesOperTLV prints the operation TLV at off.
func (p *Printer) forcesOperTLV(r reader, off, indent int) int {
	typ, l := r.be16(off), int(r.be16(off+2))
	op, ok := forcesOpers[typ]
	if !ok {
		op = forcesBadOper
	}
	if p.o.Verbose >= 3 {
		p.printf("%sOper TLV %s(0x%x) length %d\n", forcesIndent(indent, false), op.name, typ, l)
	}
	if l-4 < 8 {
		p.printf("\t\tOper TLV %s(0x%x) length %d\n", op.name, typ, l)
		p.printf("\t\tTruncated data size %d minimum required %d\n", l-4, 8)
		return p.forcesInvalidOp(r, off+4, l-4, op.data, indent)
	}
	if op.print == nil {
		return 0
	}
	return op.print(p, r, off+4, l-4, op.data, indent+1)
}

// forcesInvalidOp dumps length bytes of an operation tcpdump does not
// accept (with -vvv) and gives up.
func (p *Printer) forcesInvalidOp(r reader, off, length int, _ uint16, indent int) int {
	if p.o.Verbose >= 3 {
		ib := forcesIndent(indent, true)
		p.printf("%sData[", ib[1:])
		p.forcesHex(r, ib, off, length)
		p.printf("%s]\n", ib)
	}
	return -1
}

// forcesPathTLVs prints the PATH-DATA TLVs of length bytes from off.
func (p *Printer) forcesPathTLVs(r reader, off, length int, ops uint16, indent int) int {
	return p.forcesTLVs(r, off, length, "PATHDATA TLV", "", func(typ uint16, off, l, _ int) bool {
		if p.o.Verbose >= 3 {
			p.printf("%s%s, length %d (data encapsulated %d Bytes)", forcesIndent(indent, false),
				forcesTok(forcesTLVNames, uint32(typ)), l, l-4)
		}
		return p.forcesPathData(r, off+4, l-4, ops, indent+1) != -1
	})
}

// forcesGenOp prints the one TLV of an RCommit operation.
func (p *Printer) forcesGenOp(r reader, off, length int, ops uint16, indent int) int {
	ib := forcesIndent(indent, false)
	typ, l := r.be16(off), int(r.be16(off+2))
	bad := forcesXLV(l, length, 4)
	p.printf("genoptlvprint - %s TLV type 0x%x len %d\n", forcesTok(forcesTLVNames, uint32(typ)), typ, l)
	if bad != 0 {
		p.printf("\t\t\tInvalid ForCES TLV type=%x", typ)
		return -1
	}
	if !forcesTopTLVOK(typ) {
		p.printf("%s TLV type 0x%x len %d\n", forcesTok(forcesXLVErrs, 0), typ, l)
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("%s%s, length %d (data length %d Bytes)", ib, forcesTok(forcesTLVNames, uint32(typ)), l, l-4)
	}
	return p.forcesPathData(r, off+4, l-4, ops, indent+1)
}

// forcesPathData prints a path data: flags, IDs and what follows them.
func (p *Printer) forcesPathData(r reader, off, length int, ops uint16, indent int) int {
	if !r.has(off, 4) || length < 4 {
		r.trunc()
		return -1
	}
	flags, cnt := r.be16(off), int(r.be16(off+2))
	if p.o.Verbose >= 3 {
		p.printf("\n%sPathdata: Flags 0x%x ID count %d\n", forcesIndent(indent, false), flags, cnt)
	}
	if flags&1 != 0 {
		ops |= fKeyInfo
	}
	if flags&2 != 0 {
		ops |= fTableRange
	}
	if flags&4 != 0 {
		ops |= fAppend
	}
	off += 4
	length -= 4
	if length < cnt*4 {
		p.printf("\t\t\ttruncated IDs expected %dB got %dB\n", cnt*4, length)
		p.forcesHex(r, "\t\t\tID Data[", off, length)
		p.print("]\n")
		return -1
	}
	if ops&fTableRange != 0 && ops&fKeyInfo != 0 {
		p.print("\t\t\tIllegal to have both Table ranges and keys\n")
		return -1
	}
	more := p.forcesPathIDs(r, off, length, cnt, ops, indent)
	if more <= 0 {
		return 0
	}
	return p.forcesPathTLVs(r, off+length-more, more, ops, indent+1)
}

// forcesPathIDs prints the IDs of a path data, its table range or key,
// and the data TLV after them; it returns the bytes left, or -1.
func (p *Printer) forcesPathIDs(r reader, off, length, cnt int, ops uint16, indent int) int {
	ib := forcesIndent(indent, false)
	if ops&fAppend != 0 && p.o.Verbose >= 3 {
		p.printf("%sTABLE APPEND\n", ib)
	}
	for i := 0; i < cnt; i++ {
		if !r.has(off, 4) || length < 4 {
			r.trunc()
			return -1
		}
		if p.o.Verbose >= 3 {
			p.printf("%sID#%02d: %d\n", ib, i+1, r.be32(off))
		}
		off += 4
		length -= 4
	}
	if ops&fTableRange != 0 {
		if length < 12 {
			p.printf("pathlength %d with key/range too short %d\n", length, 12)
			return -1
		}
		start, end := r.be32(off+4), r.be32(off+8)
		off += 12
		length -= 12
		if p.o.Verbose >= 3 {
			p.printf("%sTable range: [%d,%d]\n", ib, start, end)
		}
	}
	if ops&fKeyInfo != 0 {
		if length < 12 {
			p.printf("pathlength %d with key/range too short %d\n", length, 12)
			return -1
		}
		kl := int(r.be16(off + 6))
		off += 8
		length -= 8
		if kl < 4 {
			p.printf("key content length %d < %d\n", kl, 4)
			return -1
		}
		kl -= 4
		if length < kl {
			p.print("key content too short\n")
			return -1
		}
		off += kl
		length -= kl
	}
	if length == 0 {
		return 0
	}
	typ, l := r.be16(off), int(r.be16(off+2))
	bad := forcesXLV(l, length, 4)
	if bad == 0 {
		tll, pad := l-4, 0
		if a := align4(l); a > l {
			if a > length {
				p.printf("Invalid padded pathdata TLV type 0x%x len %d missing %d pad bytes\n", typ, l, a-length)
			} else {
				pad = a - l
			}
		}
		if typ >= 0x110 && typ <= 0x114 {
			pd := forcesPDTypes[typ]
			if p.o.Verbose >= 3 && typ != 0x110 {
				if pad != 0 {
					p.printf("%s  %s (Length %d DataLen %d pad %d Bytes)\n", ib, pd.name, l, tll, pad)
				} else {
					p.printf("%s  %s (Length %d DataLen %d Bytes)\n", ib, pd.name, l, tll)
				}
			}
			if typ != 0x110 {
				if ops&fKeyInfo != 0 {
					if typ != 0x111 {
						p.print("Based on flags expected KEYINFO TLV!\n")
					}
				} else if ops&pd.data == 0 {
					p.printf("Illegal DATA encoding for type 0x%x programmed %x got %x\n", typ, pd.data, ops)
				}
			}
			if pd.print(p, r, off, tll+pad+4, ops, indent+2) == -1 {
				return -1
			}
			return length - (4 + pad + tll)
		}
		p.printf("Invalid path data content type 0x%x len %d\n", typ, l)
	} else {
		p.printf("%s Outstanding bytes %d for TLV type 0x%x TLV len %d\n", forcesXLVErrs[bad], length, typ, l)
	}
	if l != 0 {
		p.forcesHex(r, "Bad Data val\n\t  [", off, length)
		p.print("]\n")
		return -1
	}
	return length
}

// forcesResult prints a RESULT TLV (at off, with its header).
func (p *Printer) forcesResult(r reader, off, length int, _ uint16, indent int) int {
	if length-4 != 4 {
		p.printf("illegal RESULT-TLV: %d bytes!\n", length-4)
		return -1
	}
	if !r.has(off+4, 4) {
		r.trunc()
		return -1
	}
	res := r.u8(off + 4)
	if res >= 0x18 && res <= 0xfe {
		p.printf("illegal reserved result code: 0x%x!\n", res)
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("%s  Result: %s (code 0x%x)\n", forcesIndent(indent, false), forcesTok(forcesResults, uint32(res)), res)
	}
	return 0
}

// forcesExpectTLV checks that the TLV at off is of type typ (named
// name), complaining when it is not; a header cut short ends the packet.
func (p *Printer) forcesExpectTLV(r reader, off int, typ uint16, name string) bool {
	if !r.has(off, 4) {
		r.trunc()
		return false
	}
	if r.be16(off) != typ {
		p.printf("Error: expecting %s!\n", name)
		return false
	}
	return true
}

// forcesFullData prints a FULLDATA TLV (at off, with its header) in hex.
func (p *Printer) forcesFullData(r reader, off, length int, _ uint16, indent int) int {
	if !p.forcesExpectTLV(r, off, 0x112, "FULLDATA") {
		return -1
	}
	if p.o.Verbose >= 3 {
		ib := forcesIndent(indent+2, true)
		p.printf("%s[", ib[1:])
		p.forcesHex(r, ib, off+4, length-4)
		p.printf("\n%s]", ib[1:])
	}
	return 0
}

// forcesSparseData prints the ILVs of a SPARSEDATA TLV (at off, with its
// header).
func (p *Printer) forcesSparseData(r reader, off, length int, _ uint16, indent int) int {
	if !p.forcesExpectTLV(r, off, 0x113, "SPARSEDATA") {
		return -1
	}
	off += 4
	rem := length - 4
	if rem < 8 {
		p.print("Error: BAD SPARSEDATA-TLV!\n")
		return -1
	}
	indent++
	for rem != 0 {
		ib := forcesIndent(indent, true)
		bad := uint32(0)
		if rem < 8 {
			bad = 1
		} else {
			bad = forcesXLVU32(r.be32(off+4), rem)
		}
		if bad != 0 {
			p.printf("Error: %s, rlen %d\n", forcesXLVErrs[bad], rem)
			return -1
		}
		l := int(r.be32(off + 4))
		if p.o.Verbose >= 3 {
			p.printf("\n%s ILV: type %x length %d\n", ib[1:], r.be32(off), l)
			p.forcesHex(r, "\t\t[", off+8, l-8)
		}
		off += align4(l)
		rem -= align4(l)
	}
	return 0
}

// forcesXLVU32 is forcesXLV for an ILV's 32-bit length, with at least
// the 8-byte header remaining.
func forcesXLVU32(l uint32, rem int) uint32 {
	switch {
	case l < 8:
		return 2
	case l > uint32(rem):
		return 3
	}
	return forcesXLV(int(l), rem, 8)
}

// forcesKeyInfo prints a KEYINFO TLV (at off, with its header): the key
// ID, then the key's FULLDATA.
func (p *Printer) forcesKeyInfo(r reader, off, length int, ops uint16, indent int) int {
	p.printf("%sKeyinfo: Key 0x%x\n", forcesIndent(indent, false), r.be32(off+4))
	typ, l := r.be16(off+8), int(r.be16(off+10))
	if bad := forcesXLV(l, length, 4); bad != 0 {
		p.printf("%s TLV type 0x%x len %d\n", forcesXLVErrs[bad], typ, l)
		return -1
	}
	return p.forcesFullData(r, off+12, l, ops, indent)
}

// forcesResultCode reads the 32-bit result code at off of a TLV named
// name, length bytes with its header, checking that it holds just the
// code and that the code is at most max; false after a complaint.
func (p *Printer) forcesResultCode(r reader, off, length int, name string, max uint32) (uint32, bool) {
	if length-4 != 4 {
		p.printf("illegal %s-TLV: %d bytes!\n", name, length-4)
		return 0, false
	}
	code := r.be32(off)
	if code > max {
		p.printf("illegal %s result code: %d!\n", name, code)
		return 0, false
	}
	return code, true
}

// forcesASTResult prints an ASTreason TLV of a teardown.
func (p *Printer) forcesASTResult(r reader, off, length int, _ uint16, indent int) int {
	ib := forcesIndent(indent, false)
	code, ok := p.forcesResultCode(r, off, length, "ASTresult", 255)
	if !ok {
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("Teardown reason:\n%s", ib)
		reasons := []string{"Normal Teardown", "Loss of Heartbeats", "Out of bandwidth", "Out of Memory",
			"Application Crash"}
		if int(code) < len(reasons) {
			p.print(reasons[code])
		} else {
			p.print("Unknown Teardown reason")
		}
		p.printf("(%x)\n%s", code, ib)
	}
	return 0
}

// forcesASRResult prints an ASResult TLV of an association response.
func (p *Printer) forcesASRResult(r reader, off, length int, _ uint16, indent int) int {
	ib := forcesIndent(indent, false)
	code, ok := p.forcesResultCode(r, off, length, "ASRresult", 3)
	if !ok {
		return -1
	}
	if p.o.Verbose >= 3 {
		p.printf("\n%s%s(%x)\n%s", ib, [...]string{"Success ", "FE ID invalid ", "permission denied ",
			"Unknown "}[code], code, ib)
	}
	return 0
}

// forcesRedirect prints a REDIRECT TLV: its METADATA and REDIRECTDATA.
func (p *Printer) forcesRedirect(r reader, off, length int, _ uint16, indent int) int {
	dlen := length - 4
	if dlen <= 8 {
		p.printf("\n\t\ttruncated Redirect TLV: %d bytes missing! ", 8-dlen)
		return -1
	}
	rem := dlen
	indent++
	return p.forcesTLVs(r, off, rem, "Redirect TLV", "Bad Redirect data\n", func(typ uint16, off, l, _ int) bool {
		switch typ {
		case 0x115:
			p.forcesMetadata(r, off+4, l, indent)
		case 0x116:
			ib := forcesIndent(indent, false)
			p.printf("\n%s Redirect Data length %d\n", ib, l-4)
			if p.o.Verbose >= 3 {
				p.print("\t\t[")
				p.forcesHex(r, "\n\t\t", off+4, l-4)
				p.print("\n\t\t]")
			}
		default:
			p.printf("Unknown REDIRECT TLV 0x%x len %d\n", typ, l)
		}
		return true
	})
}

// forcesMetadata prints the ILVs of a METADATA TLV whose data is at off.
func (p *Printer) forcesMetadata(r reader, off, length, indent int) {
	rem := length - 4
	p.printf("\n%s METADATA length %d\n", forcesIndent(indent, false), rem)
	for rem != 0 {
		if rem < 8 || forcesXLVU32(r.be32(off+4), rem) != 0 {
			break
		}
		l := int(r.be32(off + 4))
		p.printf("%sMetaID 0x%x length %d\n", forcesIndent(indent+1, false), r.be32(off), l)
		if p.o.Verbose >= 3 {
			p.forcesHex(r, "\t\t[", off+8, l-8)
			p.print(" ]\n")
		}
		off += align4(l)
		rem -= align4(l)
	}
}

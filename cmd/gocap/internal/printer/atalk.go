package printer

// AppleTalk as tcpdump's print-atalk.c prints it: LocalTalk (LLAP)
// frames, DDP over Ethernet (EtherTalk) and SNAP, AARP, and inside DDP
// the NBP and ATP messages; the other DDP types print as their name and
// length.

// Sizes of the AppleTalk headers.
const (
	llapSize     = 3  // destination node, source node, LLAP type
	ddpLongSize  = 13 // the long DDP header of extended networks
	ddpShortSize = 5  // the short DDP header of LocalTalk
	atpSize      = 8
	nbpHdrSize   = 2
	nbpTupleSize = 5
	aarpSize     = 28
)

// LLAP and DDP type codes the printer decodes.
const (
	llapShortDDP = 1
	llapDDP      = 2
	ddpTypeNBP   = 2
	ddpTypeATP   = 3
	ddpTypeEIGRP = 88
)

// ddpTypeNames names the DDP types printed as " at-NAME length".
var ddpTypeNames = map[uint8]string{1: "rtmp", 5: "rtmpReq", 4: "echo", 22: "IP", 23: "ARP", 0x4b: "KLAP"}

// ddpSocketNames names the well-known DDP sockets (without -n).
var ddpSocketNames = map[uint8]string{1: "rtmp", 2: "nis", 4: "echo", 6: "zip"}

// atalkAddr is an AppleTalk network and node as tcpdump prints them:
// "net.node", or the network alone for the broadcast node 255.
func atalkAddr(net uint16, node uint8) string {
	if node == 255 {
		return sprintf("%d", net)
	}
	return sprintf("%d.%d", net, node)
}

// ddpSocket is a DDP socket number, named unless -n was given.
func (p *Printer) ddpSocket(s uint8) string {
	if p.o.NumericLevel == 0 {
		if n, ok := ddpSocketNames[s]; ok {
			return n
		}
	}
	return sprintf("%d", s)
}

// ltalk prints a LocalTalk frame (DLT_LTALK) and returns its header
// length; tcpdump counts a frame cut short in its headers as all header.
func (p *Printer) ltalk(b []byte, length int) int {
	n := p.llap(b, length)
	if n == 0 {
		return len(b)
	}
	return n
}

// llap prints an LLAP frame: a short or long DDP header and what it
// carries. It returns the length of the headers, 0 if the capture cut
// them short.
func (p *Printer) llap(b []byte, length int) int {
	p.announce("llap")
	if n, ok := p.atalkFits(b, length, llapSize, "llap"); !ok {
		return n
	}
	dst, src, typ := b[0], b[1], b[2]
	b = b[llapSize:]
	length -= llapSize
	switch typ {
	case llapShortDDP:
		if n, ok := p.atalkFits(b, length, ddpShortSize, "sddp"); !ok {
			return n
		}
		p.printf("%s.%s > %s.%s:", atalkAddr(0, src), p.ddpSocket(b[3]), atalkAddr(0, dst), p.ddpSocket(b[2]))
		p.ddp(b[ddpShortSize:], length-ddpShortSize, b[4], 0, src, b[3])
		return llapSize + ddpShortSize
	case llapDDP:
		if n, ok := p.atalkFits(b, length, ddpLongSize, "ddp"); !ok {
			return n
		}
		p.ddpLong(b, length, ":")
		return llapSize + ddpLongSize
	}
	p.printf("%d > %d at-lap#%d %d", src, dst, typ, length)
	return llapSize
}

// atalkFits reports whether a header of size bytes, which tcpdump names
// name, fits in length and was captured. Where it does not, it prints
// tcpdump's " [|name length]" and returns length, or " [|name]" and
// returns 0: what llap returns then.
func (p *Printer) atalkFits(b []byte, length, size int, name string) (int, bool) {
	if length < size {
		p.printf(" [|%s %d]", name, length)
		return length, false
	}
	if len(b) < size {
		p.truncMark(name)
		return 0, false
	}
	return 0, true
}

// ddpLong prints a datagram with a long DDP header: its addresses, then
// sep, then its payload.
func (p *Printer) ddpLong(b []byte, length int, sep string) {
	p.printf("%s.%s > %s.%s%s", atalkAddr(be16(b, 6), b[9]), p.ddpSocket(b[11]),
		atalkAddr(be16(b, 4), b[8]), p.ddpSocket(b[10]), sep)
	p.ddp(b[ddpLongSize:], length-ddpLongSize, b[12], be16(b, 6), b[9], b[11])
}

// atalk prints a long-header DDP datagram carried by Ethernet (EtherTalk),
// SNAP or another link.
func (p *Printer) atalk(b []byte, length int) {
	p.announce("atalk")
	if !p.o.LinkHeader {
		p.print("AT ")
	}
	if _, ok := p.atalkFits(b, length, ddpLongSize, "ddp"); ok {
		p.ddpLong(b, length, ": ")
	}
}

// ddp prints the payload of a DDP datagram of type t from the network,
// node and socket given.
func (p *Printer) ddp(b []byte, length int, t uint8, snet uint16, snode, sskt uint8) {
	switch t {
	case ddpTypeNBP:
		p.nbp(b, length, snet, snode, sskt)
	case ddpTypeATP:
		p.atp(b, length)
	case ddpTypeEIGRP:
		p.eigrp(b, length)
	default:
		p.printf(" at-%s %d", mapName(ddpTypeNames, t, sprintf("#%d", t)), length)
	}
}

// ATP control bits.
const (
	atpReq = 0x40
	atpRsp = 0x80
	atpRel = 0xc0
	atpXO  = 0x20
	atpEOM = 0x10
	atpSTS = 0x08
)

// atp prints an AppleTalk Transaction Protocol header.
func (p *Printer) atp(b []byte, length int) {
	if len(b) < atpSize {
		p.truncMark(p.proto)
		return
	}
	if length < atpSize {
		p.printf(" [|atp %d]", length)
		return
	}
	length -= atpSize
	control, bitmap, tid := b[0], b[1], be16(b, 2)
	switch control & 0xc0 {
	case atpReq:
		star := "*"
		if control&atpXO != 0 {
			star = " "
		}
		p.printf(" atp-req%s %d", star, tid)
		p.atpBitmap(bitmap)
		if length != 0 {
			p.printf(" [len=%d]", length)
		}
		p.atpFlags(control&(atpEOM|atpSTS), true)
	case atpRsp:
		star := " "
		if control&atpEOM != 0 {
			star = "*"
		}
		p.printf(" atp-resp%s%d:%d (%d)", star, tid, bitmap, length)
		p.atpFlags(control&(atpXO|atpSTS), true)
	case atpRel:
		p.printf(" atp-rel  %d", tid)
		p.atpBitmap(bitmap)
		if length != 0 {
			p.printf(" [len=%d]", length)
		}
		p.atpFlags(control&(atpXO|atpEOM|atpSTS), false)
	default:
		p.printf(" atp-0x%x  %d (%d)", control, tid, length)
	}
	if data := be32(b, 4); data != 0 {
		p.printf(" 0x%x", data)
	}
}

var atpFlagBits = []bitTok{{atpXO, "XO"}, {atpEOM, "EOM"}, {atpSTS, "STS"}}

// atpFlags prints the set XO, EOM and STS bits of f in brackets, after a
// space when spaced.
func (p *Printer) atpFlags(f uint8, spaced bool) {
	if f == 0 {
		return
	}
	if spaced {
		p.print(" ")
	}
	p.print("[" + bitTokJoin(atpFlagBits, "", uint32(f), ",") + "]")
}

// atpBitmap prints an ATP bitmap: a range "<0-n>" when its set bits are
// contiguous from bit 0, else the list of set bits.
func (p *Printer) atpBitmap(bm uint8) {
	if (bm+1)&bm != 0 {
		sep := "<"
		for i := 0; bm != 0; i++ {
			if bm&1 != 0 {
				p.printf("%s%d", sep, i)
				sep = ","
			}
			bm >>= 1
		}
		p.print(">")
		return
	}
	i := 0
	for ; bm != 0; i++ {
		bm >>= 1
	}
	if i > 1 {
		p.printf("<0-%d>", i-1)
	} else {
		p.print("<0>")
	}
}

// NBP functions.
const (
	nbpBrRq  = 0x10
	nbpLkUp  = 0x20
	nbpReply = 0x30
)

// nbp prints a Name Binding Protocol message sent from snet.snode.sskt.
func (p *Printer) nbp(b []byte, length int, snet uint16, snode, sskt uint8) {
	if length < nbpHdrSize {
		p.printf(" truncated-nbp %d", length)
		return
	}
	length -= nbpHdrSize
	if length < 8 {
		p.printf(" truncated-nbp %d", length+nbpHdrSize)
		return
	}
	if len(b) < nbpHdrSize {
		p.truncMark(p.proto)
		return
	}
	control := u8(b, 0)
	tuples := b[nbpHdrSize:]
	switch fn := control & 0xf0; fn {
	case nbpBrRq, nbpLkUp:
		if fn == nbpLkUp {
			p.printf(" nbp-lkup %d:", b[1])
		} else {
			p.printf(" nbp-brRq %d:", b[1])
		}
		if len(tuples) < nbpTupleSize {
			p.truncMark(p.proto)
			return
		}
		p.nbpName(tuples)
		if control&0xf != 1 {
			p.printf(" [ntup=%d]", control&0xf)
		}
		if tuples[4] != 0 {
			p.printf(" [enum=%d]", tuples[4])
		}
		if net := be16(tuples, 0); net != snet || tuples[2] != snode || tuples[3] != sskt {
			p.printf(" [addr=%s.%d]", atalkAddr(net, tuples[2]), tuples[3])
		}
	case nbpReply:
		p.printf(" nbp-reply %d:", b[1])
		for i := control & 0xf; i != 0 && tuples != nil; i-- {
			tuples = p.nbpTuple(tuples, snet, snode, sskt)
		}
	default:
		p.printf(" nbp-0x%x  %d (%d)", control, b[1], length)
	}
}

// nbpTuple prints one tuple of a lookup reply and returns the bytes after
// it, nil if it could not be printed whole.
func (p *Printer) nbpTuple(t []byte, snet uint16, snode, sskt uint8) []byte {
	if len(t) < nbpTupleSize {
		p.truncMark(p.proto)
		return nil
	}
	next := p.nbpName(t)
	if t[4] != 1 {
		p.printf("(%d)", t[4])
	}
	if t[3] != sskt {
		p.printf(" %d", t[3])
	}
	if net := be16(t, 0); net != snet || t[2] != snode {
		p.printf(" [addr=%s]", atalkAddr(net, t[2]))
	}
	return next
}

// nbpName prints the object, type and zone strings after a tuple's
// address as " \"object:type@zone\"" and returns the bytes after them,
// nil where a string was cut short or too long.
func (p *Printer) nbpName(t []byte) []byte {
	p.print(" \"")
	rest := t[nbpTupleSize:]
	for _, sep := range []string{":", "@", "\""} {
		if rest = p.nbpString(rest); rest == nil {
			return nil
		}
		p.print(sep)
	}
	return rest
}

// nbpString prints one counted string and returns the bytes after it,
// nil where it was cut short or longer than the 32 bytes NBP allows.
func (p *Printer) nbpString(b []byte) []byte {
	if len(b) == 0 {
		p.truncMark(p.proto)
		return nil
	}
	n := int(b[0])
	if n > 32 {
		p.printf("[len=%d]", n)
		return nil
	}
	b = b[1:]
	for i := 0; i < n; i++ {
		if i >= len(b) {
			p.truncMark(p.proto)
			return nil
		}
		p.printChar(b[i])
	}
	return b[n:]
}

// aarp prints an AppleTalk ARP packet.
func (p *Printer) aarp(b []byte, length int) {
	p.announce("aarp")
	p.print("aarp ")
	if len(b) < aarpSize {
		p.truncMark("aarp")
		return
	}
	if length < aarpSize {
		p.printf(" [|aarp %d]", length)
		return
	}
	htype, ptype, op := be16(b, 0), be16(b, 2), be16(b, 6)
	// The protocol addresses are four bytes: a pad, the network, the node.
	at := func(off int) string { return atalkAddr(be16(b, off+1), b[off+3]) }
	if htype == 1 && ptype == 0x809b && b[4] == 6 && b[5] == 4 {
		switch op {
		case 1:
			p.printf("who-has %s tell %s", at(24), at(14))
			return
		case 2:
			p.printf("reply %s is-at %s", at(14), p.etherAddr(b[8:14]))
			return
		case 3:
			p.printf("probe %s tell %s", at(24), at(14))
			return
		}
	}
	p.printf("len %d op %d htype %d ptype %s halen %d palen %d", length, op, htype, cAltHex(uint64(ptype)), b[4], b[5])
}

// atalkPort reports whether a UDP port is in one of the ranges that carry
// DDP in UDP: client sockets at 16512, server sockets at 200 and the old
// server range at 768.
func atalkPort(port uint16) bool {
	return port-16512 < 128 || port-200 < 128 || port-768 < 128
}

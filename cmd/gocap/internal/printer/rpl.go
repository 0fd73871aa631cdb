package printer

// RPL (RFC 6550), the routing protocol for low-power and lossy networks,
// carried in ICMPv6 messages of type 155 (tcpdump's rpl_print in
// print-icmp6.c).

var (
	rplMOPs     = map[uint8]string{0: "nonstoring", 1: "storing", 2: "nonstoring-multicast", 3: "storing-multicast"}
	rplSubopts  = map[uint8]string{0: "pad1", 1: "padN", 2: "metrics", 3: "routinginfo", 4: "config", 5: "rpltarget", 6: "transitinfo", 8: "destprefix", 9: "rpltargetdesc"}
	rplDAGIDLen = 16
)

// rpl prints the RPL message of the code; b starts after the ICMPv6
// type, code and checksum, and length is what the ICMPv6 length leaves
// from there (tcpdump's unsigned arithmetic: a message shorter than its
// header leaves a huge length).
func (p *Printer) rpl(code uint8, b []byte, length int) {
	if length < 0 {
		length += 1 << 32
	}
	if code&0x80 != 0 {
		p.print(", (SEC) [worktodo]")
		return
	}
	p.print(", (CLR)")
	r := reader{p: p, b: b, proto: p.proto}
	switch code {
	case 0:
		p.print("DODAG Information Solicitation")
	case 1:
		p.print("DODAG Information Object")
		if p.o.Verbose > 0 {
			p.rplDIO(r, length)
		}
	case 2:
		p.print("Destination Advertisement Object")
		if p.o.Verbose > 0 {
			p.rplDAO(r, length)
		}
	case 3:
		p.print("Destination Advertisement Object Ack")
		if p.o.Verbose > 0 {
			p.rplDAOAck(r, length)
		}
	default:
		p.printf("RPL message, unknown code %d", code)
	}
}

// rplDIO prints a DODAG Information Object: its fixed part and, with
// -vv, its options.
func (p *Printer) rplDIO(r reader, length int) {
	if length < 24 {
		p.printf(" [length %d < 24] (invalid)", uint32(length))
		return
	}
	r.need(0, 24)
	mopprf := r.u8(4)
	grounded := ""
	if mopprf&0x80 != 0 {
		grounded = "grounded,"
	}
	mop := mopprf >> 3 & 7
	p.printf(" [dagid:%s,seq:%d,instance:%d,rank:%d,%smop:%s,prf:%d]",
		p.host(addr16(r.b[8:])), r.u8(5), r.u8(0), r.be16(2), grounded,
		mapName(rplMOPs, mop, sprintf("mop%d", mop)), mopprf&7)
	if p.o.Verbose > 1 {
		p.rplOptions(r.from(24), length-24)
	}
}

// rplDAGID prints the DODAG ID at offset 4 of a DAO or DAO-ACK when the
// message's flag says it carries one ("<elided>" when not) and returns
// where the options start and what the message's length leaves for
// them; false where tcpdump gives up: " [|icmp6]" for an ID past the
// capture, short for one past the message's length.
func (p *Printer) rplDAGID(r reader, present bool, length int, short string) (string, int, int, bool) {
	if !present {
		return "<elided>", 4, length, true
	}
	if !r.has(4, rplDAGIDLen) {
		r.trunc()
		return "", 0, 0, false
	}
	if length < rplDAGIDLen {
		p.print(short)
		return "", 0, 0, false
	}
	return p.host(addr16(r.b[4:])), 4 + rplDAGIDLen, length - rplDAGIDLen, true
}

// rplDAO prints a Destination Advertisement Object.
func (p *Printer) rplDAO(r reader, length int) {
	// tcpdump checks that the whole fixed structure, DODAG ID included,
	// was captured, whether or not the message carries the ID.
	if !r.has(0, 4+rplDAGIDLen) {
		r.trunc()
		return
	}
	const short = " [|length too short]"
	if length < 4 {
		p.print(short)
		return
	}
	flags := r.u8(1)
	dagid, off, rest, ok := p.rplDAGID(r, flags&0x40 != 0, length-4, short)
	if !ok {
		return
	}
	k, d := "", ""
	if flags&0x80 != 0 {
		k = ",acK"
	}
	if flags&0x40 != 0 {
		d = ",Dagid"
	}
	p.printf(" [dagid:%s,seq:%d,instance:%d%s%s,%02x]", dagid, r.u8(3), r.u8(0), k, d, flags)
	if p.o.Verbose > 1 {
		p.rplOptions(r.from(off), rest)
	}
}

// rplDAOAck prints a Destination Advertisement Object acknowledgement.
func (p *Printer) rplDAOAck(r reader, length int) {
	if !r.has(0, 4) {
		r.trunc()
		return
	}
	const short = " [|dao-length too short]"
	if length < 4 {
		p.print(short)
		return
	}
	dagid, off, rest, ok := p.rplDAGID(r, r.u8(1)&0x80 != 0, length-4, short)
	if !ok {
		return
	}
	p.printf(" [dagid:%s,seq:%d,instance:%d,status:%d]", dagid, r.u8(2), r.u8(0), r.u8(3))
	if p.o.Verbose > 1 {
		p.rplOptions(r.from(off), rest)
	}
}

// rplOptions prints the options of length bytes (rpl_printopts), their
// contents in hex with -vvv.
func (p *Printer) rplOptions(r reader, length int) {
	off := 0
	for length != 0 {
		typ := r.u8(off)
		if typ == 0 {
			p.print(" opt:pad1")
			off++
			length--
			continue
		}
		if length < 2 {
			r.trunc()
			return
		}
		n := int(r.u8(off+1)) + 2
		p.printf(" opt:%s len:%d ", mapName(rplSubopts, typ, sprintf("subopt:%d", typ)), n)
		if !r.has(off, n) || length < n {
			r.trunc()
			return
		}
		if p.o.Verbose > 2 {
			p.hexLinesPlain(r.b[off+2:off+n], " ")
		}
		off += n
		length -= n
	}
}

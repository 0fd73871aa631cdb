package printer

// DECnet Phase IV routing and NSP (ethertype 0x6003) as tcpdump's
// print-decnet.c prints it.

// Route header flags.
const (
	dnPad     = 0x80
	dnFVer    = 0x40
	dnCtl     = 0x01
	dnRQR     = 0x08
	dnRTS     = 0x10
	dnIE      = 0x20
	dnShort   = 2
	dnLong    = 6
	dnLongLen = 21
)

var dnReasons = map[uint16]string{0: "object rejected connect", 1: "insufficient resources",
	2: "unrecognized node name", 3: "node is shutting down", 4: "unrecognized object",
	5: "invalid object name format", 6: "object too busy", 7: "protocol error discovered", 8: "third party abort",
	9: "user abort", 10: "invalid node name format", 11: "local node shutting down",
	32: "insufficient local resources", 33: "insufficient remote user resources",
	34: "invalid access control information", 36: "bad ACCOUNT information", 38: "no response from object",
	39: "node unreachable", 41: "no link terminate", 42: "disconnect complete", 43: "bad image data in connect",
	54: "cryptographic service mismatch"}

// dnWord is the little-endian 16-bit DECnet word at off; a short read
// ends the packet.
func dnWord(r reader, off int) uint16 { return uint16(r.u8(off)) | uint16(r.u8(off+1))<<8 }

// dnAddr is a DECnet node address as "area.node".
func dnAddr(a uint16) string { return sprintf("%d.%d", a>>10, a&0x3ff) }

// decnet prints a DECnet routing layer message.
func (p *Printer) decnet(b []byte, length int) {
	r := p.reader("decnet", b)
	if !p.decnetBody(r, length) {
		p.print(" (invalid)")
	}
}

// decnetBody prints the message, reporting false where tcpdump finds it
// invalid.
func (p *Printer) decnetBody(r reader, length int) bool {
	caplen := len(r.b)
	if length < 6 {
		p.printf(" (length %d < 6)", length)
		return false
	}
	pktlen := int(dnWord(r, 0))
	if pktlen < 6 {
		p.printf(" (pktlen %d < 6)", pktlen)
		return false
	}
	if pktlen > length {
		p.printf(" (pktlen %d > %d)", pktlen, length)
		return false
	}
	length = pktlen
	ap := 0 // where the message starts, past any padding
	flags := r.u8(2)
	if flags&dnPad != 0 {
		pad := int(flags & 0x7f)
		if p.o.Verbose > 0 {
			p.printf("[pad:%d] ", pad)
		}
		if length < pad+2 {
			p.printf(" (length %d < %d)", length, pad+2)
			return false
		}
		r.need(2, pad)
		ap = pad
		length -= pad
		caplen -= pad
		flags = r.u8(ap + 2)
	}
	rh := r.from(ap + 2)
	if flags&dnFVer != 0 {
		p.print("future-version-decnet")
		p.hexASCIILen(r.b[ap:], min(length, caplen))
		return true
	}
	if flags&dnCtl != 0 {
		return p.decnetCtl(rh, length, caplen)
	}
	var dst, src uint16
	var hops int
	var nsp int
	switch flags & 7 {
	case dnLong:
		if length < dnLongLen {
			p.printf(" (length %d < %d)", length, dnLongLen)
			return false
		}
		rh.need(0, dnLongLen)
		dst, src, hops = dnWord(rh, 7), dnWord(rh, 15), int(rh.u8(18))
		nsp = dnLongLen
	case dnShort:
		dst, src, hops = dnWord(rh, 1), dnWord(rh, 3), int(rh.u8(5)&0x3f)+1
		nsp = 6
	default:
		p.print("unknown message flags under mask")
		p.hexASCIILen(r.b[ap:], min(length, caplen))
		return true
	}
	p.printf("%s > %s %d ", dnAddr(src), dnAddr(dst), pktlen)
	if p.o.Verbose > 0 {
		if flags&dnRQR != 0 {
			p.print("RQR ")
		}
		if flags&dnRTS != 0 {
			p.print("RTS ")
		}
		if flags&dnIE != 0 {
			p.print("IE ")
		}
		p.printf("%d hops ", hops)
	}
	return p.nsp(rh.from(nsp), length-nsp)
}

// dnCtlMessages are the routing control messages: the name tcpdump
// prints first and the length each must have.
var dnCtlMessages = map[uint8]struct {
	name string
	size int
}{1: {"init ", 12}, 3: {"verification ", 4}, 5: {"test ", 4}, 7: {"lev-1-routing ", 4}, 9: {"lev-2-routing ", 4},
	0x0b: {"router-hello ", 18}, 0x0d: {"endnode-hello ", 32}}

// decnetCtl prints a routing control message; false where tcpdump finds
// it invalid.
func (p *Printer) decnetCtl(r reader, length, caplen int) bool {
	typ := r.u8(0) & 0x0f
	m, ok := dnCtlMessages[typ]
	if !ok {
		p.print("unknown control message")
		p.hexASCIILen(r.b, min(length, caplen))
		return true
	}
	p.print(m.name)
	if length < m.size {
		return false
	}
	r.need(0, m.size)
	switch typ {
	case 1:
		p.dnTypeInfo(r.u8(3), false)
		p.printf("src %sblksize %d vers %d eco %d ueco %d hello %d", dnAddr(dnWord(r, 1)), dnWord(r, 4), r.u8(6),
			r.u8(7), r.u8(8), dnWord(r, 9))
	case 3, 5:
		p.printf("src %s %s %o", dnAddr(dnWord(r, 1)), ifElse(typ == 3, "fcnval", "data"), r.u8(3))
	case 7, 9:
		p.printf("src %s ", dnAddr(dnWord(r, 1)))
		p.dnRoutes(r, 4, length-4, typ == 9)
	case 0x0b:
		p.dnTypeInfo(r.u8(10), true)
		p.printf("vers %d eco %d ueco %d src %s blksize %d pri %d hello %d", r.u8(1), r.u8(2), r.u8(3),
			dnAddr(dnWord(r, 8)), dnWord(r, 11), r.u8(13), dnWord(r, 15))
	case 0x0d:
		p.dnTypeInfo(r.u8(10), true)
		p.printf("vers %d eco %d ueco %d src %s blksize %d rtr %s hello %d data %o", r.u8(1), r.u8(2), r.u8(3),
			dnAddr(dnWord(r, 8)), dnWord(r, 11), dnAddr(dnWord(r, 26)), dnWord(r, 28), r.u8(31))
	}
	return true
}

// dnTypeInfo prints the node type and flags of an init message (hello
// false) or a hello message.
func (p *Printer) dnTypeInfo(info uint8, hello bool) {
	p.print([...]string{"reserved-ntype? ", "l2rout ", "l1rout ", "endnode "}[info&3])
	if info&0x04 != 0 {
		p.print("verif ")
	}
	if hello && info&0x20 != 0 {
		p.print("nomcast ")
	}
	if (hello && info&0x40 != 0) || (!hello && info&0x08 != 0) {
		p.print("blo ")
	}
}

// dnRoutes prints the entries of a level 1 or level 2 routing message;
// the last two bytes are a checksum.
func (p *Printer) dnRoutes(r reader, off, n int, l2 bool) {
	for n > 6 {
		r.need(off, 6)
		count := int(dnWord(r, off))
		if count > 1024 {
			return
		}
		id, info := int(dnWord(r, off+2)), dnWord(r, off+4)
		off += 6
		n -= 6
		p.printf("{%s %d-%d cost %d hops %d} ", ifElse(l2, "areas", "ids"), id, id+count, info&0x1ff, (info>>10)&0x1f)
	}
}

// nspAcks prints the acknowledgement fields of an NSP message from off,
// as many as their flags say (at most two for an acknowledgement
// message, ack), naming the second one with other, and returns the last
// value read; with check, a field past n is invalid.
func (p *Printer) nspAcks(r reader, off, n int, other [2]string, check, ack2 bool) (uint16, bool) {
	ack := dnWord(r, off)
	if ack&0x8000 == 0 {
		return ack, true
	}
	p.printf("%s %d ", ifElse(ack&0x9000 == 0x9000, "nak", "ack"), ack&0x0fff)
	if check && n < off+4 {
		return 0, false
	}
	ack = dnWord(r, off+2)
	if ack&0xa000 == 0 {
		return ack, true
	}
	p.printf("%s %d ", ifElse(ack&0xb000 == 0xb000, other[1], other[0]), ack&0x0fff)
	if ack2 {
		return ack, true
	}
	if check && n < off+6 {
		return 0, false
	}
	return dnWord(r, off+4), true
}

// nspServices prints the flow control and version of a connect message.
func (p *Printer) nspServices(services, info uint8, segsize uint16) {
	switch services & 0x0c {
	case 0x04:
		p.print("seg ")
	case 0x08:
		p.print("msg ")
	}
	p.printf("ver %s segsize %d ", [...]string{"3.2", "3.1", "4.0", "4.1"}[info&3], segsize)
}

// nspDataAcks and nspOtherAcks name an NSP message's second
// acknowledgement field: of the other subchannel, from a data segment's
// view (data messages and their acknowledgements) and from an other-data
// one's (interrupt and link service messages and theirs).
var (
	nspDataAcks  = [2]string{"oack", "onak"}
	nspOtherAcks = [2]string{"ackdat", "nakdat"}
)

// nsp prints an NSP message; false where tcpdump finds it invalid.
func (p *Printer) nsp(r reader, n int) bool {
	// optLen prints a connect confirm's or disconnect initiate's
	// optional data length where it is not zero.
	optLen := func(opt uint8) {
		if opt != 0 {
			p.printf("optlen %d ", opt)
		}
	}
	if n < 5 {
		p.printf(" (nsplen %d < 5)", n)
		return false
	}
	flags, dst, src := r.u8(0), dnWord(r, 1), dnWord(r, 3)
	sub := flags & 0x70
	switch flags & 0x0c {
	case 0:
		switch sub {
		case 0x20, 0x00, 0x40, 0x60, 0x30:
			names := nspDataAcks
			if sub == 0x30 {
				p.print("intr ")
				names = nspOtherAcks
			} else {
				p.printf("data %d>%d ", src, dst)
			}
			if n < 7 {
				return false
			}
			ack, ok := p.nspAcks(r, 5, n, names, true, false)
			if !ok {
				return false
			}
			p.printf("seg %d ", ack&0x0fff)
		case 0x10:
			p.printf("link-service %d>%d ", src, dst)
			if n < 13 {
				return false
			}
			ack, _ := p.nspAcks(r, 5, n, nspOtherAcks, false, false)
			p.printf("seg %d ", ack&0x0fff)
			ls, fc := r.u8(11), r.u8(12)
			switch ls & 0x0c {
			case 0:
				p.printf("dat seg count %d ", fc)
				switch ls & 3 {
				case 1:
					p.print("donotsend-data ")
				case 2:
					p.print("send-data ")
				case 3:
					p.printf("reserved-fcmod? %x", ls)
				}
			case 4:
				p.printf("intr req count %d ", fc)
			default:
				p.printf("reserved-fcval-int? %x", ls)
			}
		default:
			p.printf("reserved-subtype? %x %d > %d", flags, src, dst)
		}
	case 0x04:
		switch sub {
		case 0x00, 0x10:
			kind, names := "data-ack", nspDataAcks
			if sub != 0 {
				kind, names = "ils-ack", nspOtherAcks
			}
			p.printf("%s %d>%d ", kind, src, dst)
			if n < 9 {
				return false
			}
			r.need(0, 9)
			p.nspAcks(r, 5, n, names, false, true)
		case 0x20:
			p.printf("conn-ack %d", dst)
		default:
			p.printf("reserved-acktype? %x %d > %d", flags, src, dst)
		}
	case 0x08:
		switch sub {
		case 0x10, 0x20, 0x60:
			// A connect confirm has an optional data length after the
			// services the initiates have.
			kind, size := "conn-initiate", 9
			switch sub {
			case 0x20:
				kind, size = "conn-confirm", 10
			case 0x60:
				kind = "retrans-conn-initiate"
			}
			p.printf("%s %d>%d ", kind, src, dst)
			if n < size {
				return false
			}
			services, info, seg := r.u8(5), r.u8(6), dnWord(r, 7)
			var opt uint8
			if sub == 0x20 {
				opt = r.u8(9)
			}
			p.nspServices(services, info, seg)
			optLen(opt)
		case 0x30, 0x40:
			// A disconnect initiate has an optional data length after the
			// reason a confirm has.
			kind := "disconn-confirm"
			if sub == 0x30 {
				kind = "disconn-initiate"
			}
			p.printf("%s %d>%d ", kind, src, dst)
			if sub == 0x30 && n < 8 {
				return false
			}
			reason := dnWord(r, 5)
			var opt uint8
			if sub == 0x30 {
				opt = r.u8(7)
			}
			p.printf("%s ", mapName(dnReasons, reason, sprintf("reason-%d", reason)))
			optLen(opt)
		default:
			p.printf("reserved-ctltype? %x %d > %d", flags, src, dst)
		}
	default:
		p.printf("reserved-type? %x %d > %d", flags, src, dst)
	}
	return true
}

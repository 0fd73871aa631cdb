package printer

import (
	"net/netip"
)

var babelV4Prefix = [16]byte{10: 0xff, 11: 0xff}

// babel prints a Babel routing message (UDP port 6696 or 6697).
func (p *Printer) babel(b []byte, length int) {
	r := p.reader("babel", b)
	p.print("babel")
	if !r.has(0, 4) {
		r.trunc()
		return
	}
	if b[0] != 42 {
		p.print(" invalid header")
		return
	}
	p.printf(" %d", b[1])
	if b[1] != 2 {
		p.print(" unknown version")
		return
	}
	if length < 4 {
		p.print(" (invalid)")
		return
	}
	bodylen := int(r.be16(2))
	p.printf(" (%d)", bodylen)
	length -= 4
	b = b[4:]
	if length < bodylen {
		p.print(" (invalid)")
		return
	}
	if !p.babelTLVs(b, bodylen, length) {
		return
	}
	length -= bodylen
	b = b[min(bodylen, len(b)):]
	if length != 0 {
		if p.o.Verbose > 0 {
			p.print("\n\t----")
		} else {
			p.print(" |")
		}
		p.babelTLVs(b, length, length)
	}
}

// babelPrefix expands an encoded Babel prefix into 16 bytes; it returns
// the number of bytes consumed or -1 for an encoding error.
func babelPrefix(ae, plen int, omitted int, b []byte, dflt *[16]byte, length int, out *[16]byte) int {
	var pb int
	switch {
	case plen >= 0:
		pb = (plen + 7) / 8
	case ae == 1:
		pb = 4
	default:
		pb = 16
	}
	if pb > 16 {
		return -1
	}
	var prefix [16]byte
	consumed := 0
	copyIn := func(dst []byte, n int) bool {
		if n > len(b) {
			endPacket()
		}
		copy(dst, b[:n])
		return true
	}
	switch ae {
	case 0:
	case 1:
		if omitted > 4 || pb > 4 || (pb > omitted && length < pb-omitted) {
			return -1
		}
		prefix = babelV4Prefix
		if omitted > 0 {
			if dflt == nil {
				return -1
			}
			copy(prefix[:12+omitted], dflt[:12+omitted])
		}
		if pb > omitted {
			copyIn(prefix[12+omitted:], pb-omitted)
			consumed = pb - omitted
		}
	case 2:
		if omitted > 16 || (pb > omitted && length < pb-omitted) {
			return -1
		}
		if omitted > 0 {
			if dflt == nil {
				return -1
			}
			copy(prefix[:omitted], dflt[:omitted])
		}
		if pb > omitted {
			copyIn(prefix[omitted:], pb-omitted)
			consumed = pb - omitted
		}
	case 3:
		if pb > 8 && length < pb-8 {
			return -1
		}
		prefix[0], prefix[1] = 0xfe, 0x80
		if pb > 8 {
			copyIn(prefix[8:], pb-8)
			consumed = pb - 8
		}
	default:
		return -1
	}
	*out = prefix
	return consumed
}

func (p *Printer) babelAddrString(a [16]byte) string {
	if [12]byte(a[:12]) == [12]byte(babelV4Prefix[:12]) {
		return p.host(netip.AddrFrom4([4]byte(a[12:])))
	}
	return p.host(netip.AddrFrom16(a))
}

func (p *Printer) babelPrefixString(a [16]byte, plen int) string {
	if plen >= 96 && [12]byte(a[:12]) == [12]byte(babelV4Prefix[:12]) {
		return sprintf("%s/%d", p.host(netip.AddrFrom4([4]byte(a[12:]))), plen-96)
	}
	return sprintf("%s/%d", p.host(netip.AddrFrom16(a)), plen)
}

func babelInterval(i uint16) string {
	if i == 0 {
		return "0.0s (bogus)"
	}
	return sprintf("%d.%02ds", i/100, i%100)
}

func babelIntervalUpdate(i uint16) string {
	if i == 0xffff {
		return "infinity"
	}
	return babelInterval(i)
}

func babelTimestamp(t uint32) string { return sprintf("%d.%06ds", t/1000000, t%1000000) }

func babelID(b []byte, off int) string {
	need(b, off+8)
	return sprintf("%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", b[off], b[off+1], b[off+2], b[off+3],
		b[off+4], b[off+5], b[off+6], b[off+7])
}

// babelSubTLVs prints the sub-TLVs in b[off:end].
func (p *Printer) babelSubTLVs(b []byte, off, end int, tlv byte) {
	for off < end {
		st := u8(b, off)
		off++
		if st == 0 {
			p.print(" sub-pad1")
			continue
		}
		if st&0x80 != 0 {
			p.print(" (M)")
		}
		if off == end {
			p.print(" (invalid)")
			return
		}
		sl := int(u8(b, off))
		off++
		if off+sl > end {
			p.print(" (invalid)")
			return
		}
		switch st {
		case 1:
			p.print(" sub-padn")
		case 2:
			p.print(" sub-diversity")
			if sl == 0 {
				p.print(" empty")
				break
			}
			sep := " "
			for i := 0; i < sl; i++ {
				c := u8(b, off+i)
				switch c {
				case 0:
					p.printf("%sreserved", sep)
				case 255:
					p.printf("%sall", sep)
				default:
					p.printf("%s%d", sep, c)
				}
				sep = "-"
			}
			if tlv != 8 && tlv != 13 {
				p.print(" (bogus)")
			}
		case 3:
			p.print(" sub-timestamp")
			switch tlv {
			case 4:
				if sl < 4 {
					p.print(" (invalid)")
					return
				}
				p.printf(" %s", babelTimestamp(be32(b, off)))
			case 5:
				if sl < 8 {
					p.print(" (invalid)")
					return
				}
				p.printf(" %s|%s", babelTimestamp(be32(b, off)), babelTimestamp(be32(b, off+4)))
			default:
				p.print(" (bogus)")
			}
		default:
			p.printf(" sub-unknown-0x%02x", st)
		}
		off += sl
	}
}

// babelTLVs prints the TLVs of a Babel body or trailer; it reports false
// if it stopped on a truncated or invalid TLV (after printing " [|babel]"
// or " (invalid)"), where tcpdump's babel_print_v2_tlvs fails.
func (p *Printer) babelTLVs(b []byte, tlvsLen, remaining int) bool {
	w := babelWalk{v4: babelV4Prefix}
	return p.label("babel", func() { p.babelWalkTLVs(&w, b, tlvsLen, remaining) }) == ran
}

// babelWalk is the state of one TLV walk: the default prefixes updates
// may set for the ones after them.
type babelWalk struct{ v4, v6 [16]byte }

// babelTLVType is what the walk knows of a TLV type: its name without
// -v, and its printer with -v (nil for the updates, which take the walk's
// state and are called by name).
type babelTLVType struct {
	brief   string
	verbose func(p *Printer, m []byte, l int)
}

// babelTLVTypes are the TLV types tcpdump knows.
var babelTLVTypes = [20]babelTLVType{
	1: {"padN", babelPadN}, 2: {"ack-req", babelAckReq}, 3: {"ack", babelAck},
	4: {"hello", babelHello}, 5: {"ihu", babelIHU}, 6: {"router-id", babelRouterID},
	7: {"nh", babelNextHop}, 8: {"update", nil}, 9: {"route-request", babelRouteRequest},
	10: {"seqno-request", babelSeqnoRequest}, 11: {"tspc", babelTSPC}, 12: {"hmac", babelHMAC},
	13: {"ss-update", nil}, 14: {"ss-request", babelSSRequest},
	15: {"ss-mh-request", babelSSMHRequest}, 16: {"mac", babelMAC}, 17: {"pc", babelPC},
	18: {"challenge_request", babelChallengeRequest}, 19: {"challenge_reply", babelChallengeReply},
}

// babelTLV prints one TLV with -v, from its type byte on (m), given its
// length l, and reports false for a type it does not know. (The updates
// are called directly: a call through a function value would move the
// walk to the heap.)
func (p *Printer) babelTLV(w *babelWalk, m []byte, l int) bool {
	switch t := int(m[0]); {
	case t == 8:
		babelUpdate(p, w, m, l)
	case t == 13:
		babelSSUpdate(p, w, m, l)
	case t < len(babelTLVTypes) && babelTLVTypes[t].verbose != nil:
		babelTLVTypes[t].verbose(p, m, l)
	default:
		return false
	}
	return true
}

// babelWalkTLVs walks the TLVs, tlvsLen bytes of them of which remaining
// were sent: a TLV running past either is invalid, one running past the
// captured bytes truncated.
func (p *Printer) babelWalkTLVs(w *babelWalk, b []byte, tlvsLen, remaining int) {
	v := p.o.Verbose > 0
	icheck := func(i, l int) {
		if i+l > tlvsLen || i+l > remaining {
			invalid()
		}
	}
	for i := 0; i < tlvsLen; {
		icheck(i, 1)
		typ := u8(b, i)
		if typ == 0 {
			if v {
				p.print("\n\tPad 1")
			} else {
				p.print(" pad1")
			}
			i++
			continue
		}
		icheck(i, 2)
		check(b, i, 2)
		l := int(b[i+1])
		icheck(i, 2+l)
		check(b, i, 2+l)
		m := b[i:]
		switch {
		case v && !p.babelTLV(w, m, l):
			p.printf("\n\tUnknown message type %d", typ)
		case v:
		case int(typ) >= len(babelTLVTypes) || babelTLVTypes[typ].brief == "":
			p.print(" unknown")
		default:
			p.print(" " + babelTLVTypes[typ].brief)
			if typ == 8 {
				babelUpdateQuiet(p, m, l)
			}
		}
		i += l + 2
	}
}

// babelHead prints a TLV's name with -v and checks that its body, l
// bytes, holds the min bytes of its fixed part.
func babelHead(p *Printer, name string, l, min int) {
	p.print("\n\t" + name)
	if l < min {
		invalid()
	}
}

func babelPadN(p *Printer, _ []byte, l int) { p.printf("\n\tPad %d", l+2) }

func babelAckReq(p *Printer, m []byte, l int) {
	babelHead(p, "Acknowledgment Request ", l, 6)
	p.printf("%04x %s", be16(m, 4), babelInterval(be16(m, 6)))
}

func babelAck(p *Printer, m []byte, l int) {
	babelHead(p, "Acknowledgment ", l, 2)
	p.printf("%04x", be16(m, 2))
}

func babelHello(p *Printer, m []byte, l int) {
	babelHead(p, "Hello ", l, 6)
	if be16(m, 2)&0x8000 != 0 {
		p.print("(Unicast) ")
	}
	p.printf("seqno %d ", be16(m, 4))
	if iv := be16(m, 6); iv != 0 {
		p.printf("interval %s", babelInterval(iv))
	} else {
		p.print("unscheduled")
	}
	if l > 6 {
		p.babelSubTLVs(m, 8, 2+l, m[0])
	}
}

func babelIHU(p *Printer, m []byte, l int) {
	babelHead(p, "IHU ", l, 6)
	ae := int(m[2])
	var a [16]byte
	rc := babelPrefix(ae, -1, 0, m[8:], nil, l-6, &a)
	if rc < 0 {
		p.truncMark("babel") // tcpdump's own print; the walk goes on
		return
	}
	as := "any"
	if ae != 0 {
		as = p.babelAddrString(a)
	}
	p.printf("%s rxcost %d interval %s", as, be16(m, 4), babelInterval(be16(m, 6)))
	if rc < l-6 {
		p.babelSubTLVs(m, 8+rc, 2+l, m[0])
	}
}

func babelRouterID(p *Printer, m []byte, l int) {
	babelHead(p, "Router Id", l, 10)
	p.printf(" %s", babelID(m, 4))
}

func babelNextHop(p *Printer, m []byte, l int) {
	babelHead(p, "Next Hop", l, 2)
	ae := int(m[2])
	var a [16]byte
	if babelPrefix(ae, -1, 0, m[4:], nil, l-2, &a) < 0 {
		invalid()
	}
	if ae == 0 {
		p.print(" invalid AE 0")
	} else {
		p.printf(" %s", p.babelAddrString(a))
	}
}

// babelUpdateFlags names an Update's flags byte.
func babelUpdateFlags(f byte) string {
	s := ""
	if f&0x80 != 0 {
		s += "/prefix"
	}
	if f&0x40 != 0 {
		s += "/id"
	}
	if f&0x3f != 0 {
		s += "/unknown"
	}
	return s
}

func babelUpdateQuiet(p *Printer, m []byte, l int) {
	if l < 10 {
		invalid()
	}
	p.print(babelUpdateFlags(m[3]))
}

func babelUpdate(p *Printer, w *babelWalk, m []byte, l int) {
	babelHead(p, "Update", l, 10)
	ae := int(m[2])
	plen := int(m[4])
	if ae == 1 {
		plen += 96
	}
	dflt := &w.v6
	if ae == 1 {
		dflt = &w.v4
	}
	var pfx [16]byte
	rc := babelPrefix(ae, int(m[4]), int(m[5]), m[12:], dflt, l-10, &pfx)
	if rc < 0 {
		invalid()
	}
	ps := "any"
	if ae != 0 {
		ps = p.babelPrefixString(pfx, plen)
	}
	p.printf("%s %s metric %d seqno %d interval %s", babelUpdateFlags(m[3]), ps, be16(m, 10), be16(m, 8),
		babelIntervalUpdate(be16(m, 6)))
	if m[3]&0x80 != 0 {
		if ae == 1 {
			w.v4 = pfx
		} else {
			w.v6 = pfx
		}
	}
	if rc < l-10 {
		p.babelSubTLVs(m, 12+rc, 2+l, m[0])
	}
}

func babelRouteRequest(p *Printer, m []byte, l int) {
	babelHead(p, "Route Request ", l, 2)
	ae := int(m[2])
	plen := int(m[3])
	if ae == 1 {
		plen += 96
	}
	var pfx [16]byte
	if babelPrefix(ae, int(m[3]), 0, m[4:], nil, l-2, &pfx) < 0 {
		invalid()
	}
	if ae == 0 {
		p.print("for any")
	} else {
		p.printf("for %s", p.babelPrefixString(pfx, plen))
	}
}

func babelSeqnoRequest(p *Printer, m []byte, l int) {
	babelHead(p, "Seqno Request ", l, 14)
	ae := int(m[2])
	var pfx [16]byte
	if babelPrefix(ae, int(m[3]), 0, m[16:], nil, l-14, &pfx) < 0 {
		invalid()
	}
	plen := int(m[3])
	if ae == 1 {
		plen += 96
	}
	ps := "invalid AE 0"
	if ae != 0 {
		ps = p.babelPrefixString(pfx, plen)
	}
	p.printf("(%d hops) for %s seqno %d id %s", m[6], ps, be16(m, 4), babelID(m, 8))
}

func babelTSPC(p *Printer, m []byte, l int) {
	babelHead(p, "TS/PC ", l, 6)
	p.printf("timestamp %d packetcounter %d", be32(m, 4), be16(m, 2))
}

func babelHMAC(p *Printer, m []byte, l int) {
	babelHead(p, "HMAC ", l, 18)
	p.printf("key-id %d digest-%d ", be16(m, 2), l-2)
	for j := 0; j < l-2; j++ {
		p.printf("%02X", u8(m, j+4))
	}
}

// babelSrcPrefixes are the destination and source prefixes of a
// source-specific TLV and their lengths in bits (an IPv4 one's plus 96).
type babelSrcPrefixes struct {
	dst, src       [16]byte
	dstLen, srcLen int
}

// babelSrcSpecific reads the destination prefix (dstLen bits, its first
// omitted bytes from dflt) and then the source prefix (srcLen bits) of a
// source-specific TLV m of body length l, the first at parsed bytes into
// the body; either not fitting makes the TLV invalid. It returns them and
// the bytes of the body parsed up to the end of the source prefix.
func babelSrcSpecific(m []byte, l, parsed, ae, dstLen, omitted, srcLen int, dflt *[16]byte) (babelSrcPrefixes, int) {
	s := babelSrcPrefixes{dstLen: dstLen, srcLen: srcLen}
	rc := babelPrefix(ae, dstLen, omitted, m[2+parsed:], dflt, l-parsed, &s.dst)
	if rc < 0 {
		invalid()
	}
	parsed += rc
	rc = babelPrefix(ae, srcLen, 0, m[min(2+parsed, len(m)):], nil, l-parsed, &s.src)
	if rc < 0 {
		invalid()
	}
	if ae == 1 {
		s.dstLen += 96
		s.srcLen += 96
	}
	return s, parsed + rc
}

// babelSrcStrings returns s's prefixes as printed.
func (p *Printer) babelSrcStrings(s babelSrcPrefixes) (dst, src string) {
	return p.babelPrefixString(s.dst, s.dstLen), p.babelPrefixString(s.src, s.srcLen)
}

func babelSSUpdate(p *Printer, w *babelWalk, m []byte, l int) {
	babelHead(p, "SS-Update", l, 10)
	ae, srcPlen, plen, omitted := int(m[2]), int(m[3]), int(m[4]), int(m[5])
	dflt := &w.v6
	if ae == 1 {
		dflt = &w.v4
	}
	s, parsed := babelSrcSpecific(m, l, 10, ae, plen, omitted, srcPlen, dflt)
	dst, src := p.babelSrcStrings(s)
	p.printf(" %s from", dst)
	p.printf(" %s metric %d seqno %d interval %s", src, be16(m, 10),
		be16(m, 8), babelIntervalUpdate(be16(m, 6)))
	if parsed < l {
		p.babelSubTLVs(m, 2+parsed, 2+l, m[0])
	}
}

func babelSSRequest(p *Printer, m []byte, l int) {
	babelHead(p, "SS-Request ", l, 3)
	ae := int(m[2])
	s, _ := babelSrcSpecific(m, l, 3, ae, int(m[3]), 0, int(m[4]), nil)
	if ae == 0 {
		p.print("for any")
	} else {
		dst, src := p.babelSrcStrings(s)
		p.printf("for (%s, %s)", dst, src)
	}
}

func babelSSMHRequest(p *Printer, m []byte, l int) {
	babelHead(p, "SS-MH-Request ", l, 14)
	s, _ := babelSrcSpecific(m, l, 14, int(m[2]), int(m[3]), 0, int(m[7]), nil)
	dst, src := p.babelSrcStrings(s)
	p.printf("(%d hops) for (%s, %s) seqno %d id %s", m[6], dst, src, be16(m, 4), babelID(m, 8))
}

func babelMAC(p *Printer, _ []byte, l int) { p.printf("\n\tMAC len %d", l) }

func babelPC(p *Printer, m []byte, l int) {
	babelHead(p, "PC", l, 4)
	p.printf(" value %d index len %d", be32(m, 2), l-4)
}

func babelChallengeRequest(p *Printer, _ []byte, l int) {
	babelChallenge(p, "Challenge Request", l)
}

func babelChallengeReply(p *Printer, _ []byte, l int) { babelChallenge(p, "Challenge Reply", l) }

func babelChallenge(p *Printer, name string, l int) {
	p.print("\n\t" + name)
	if l > 192 {
		invalid()
	}
	p.printf(" len %d", l)
}

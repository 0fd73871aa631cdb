package printer

import (
	"fmt"
	"net/netip"
)

// babelInvalid and babelTrunc end a Babel TLV walk the way tcpdump's
// "goto invalid" and "goto trunc" do.
type babelInvalid struct{}

var babelV4Prefix = [16]byte{10: 0xff, 11: 0xff}

// babel prints a Babel routing message (UDP port 6696 or 6697).
func (p *Printer) babel(b []byte, length int) {
	p.proto = "babel"
	p.print("babel")
	need(b, 4)
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
	bodylen := int(be16(b, 2))
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
			panic(truncated{})
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
		return fmt.Sprintf("%s/%d", p.host(netip.AddrFrom4([4]byte(a[12:]))), plen-96)
	}
	return fmt.Sprintf("%s/%d", p.host(netip.AddrFrom16(a)), plen)
}

func babelInterval(i uint16) string {
	if i == 0 {
		return "0.0s (bogus)"
	}
	return fmt.Sprintf("%d.%02ds", i/100, i%100)
}

func babelIntervalUpdate(i uint16) string {
	if i == 0xffff {
		return "infinity"
	}
	return babelInterval(i)
}

func babelTimestamp(t uint32) string { return fmt.Sprintf("%d.%06ds", t/1000000, t%1000000) }

func babelID(b []byte, off int) string {
	need(b, off+8)
	return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", b[off], b[off+1], b[off+2], b[off+3],
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
// if it stopped on a truncated or invalid TLV (after printing the marker).
func (p *Printer) babelTLVs(b []byte, tlvsLen, remaining int) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			switch r.(type) {
			case babelInvalid:
				p.print(" (invalid)")
			case markerTrunc:
				p.print(" [|babel]")
			default:
				panic(r)
			}
			ok = false
		}
	}()
	v4, v6 := babelV4Prefix, [16]byte{}
	v := p.o.Verbose > 0
	icheck := func(i, l int) {
		if i+l > tlvsLen || i+l > remaining {
			panic(babelInvalid{})
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
		invalid := func() { panic(babelInvalid{}) }
		switch typ {
		case 1:
			if !v {
				p.print(" padN")
			} else {
				p.printf("\n\tPad %d", l+2)
			}
		case 2:
			if !v {
				p.print(" ack-req")
			} else {
				p.print("\n\tAcknowledgment Request ")
				if l < 6 {
					invalid()
				}
				p.printf("%04x %s", be16(m, 4), babelInterval(be16(m, 6)))
			}
		case 3:
			if !v {
				p.print(" ack")
			} else {
				p.print("\n\tAcknowledgment ")
				if l < 2 {
					invalid()
				}
				p.printf("%04x", be16(m, 2))
			}
		case 4:
			if !v {
				p.print(" hello")
			} else {
				p.print("\n\tHello ")
				if l < 6 {
					invalid()
				}
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
					p.babelSubTLVs(m, 8, 2+l, typ)
				}
			}
		case 5:
			if !v {
				p.print(" ihu")
			} else {
				p.print("\n\tIHU ")
				if l < 6 {
					invalid()
				}
				ae := int(m[2])
				var a [16]byte
				rc := babelPrefix(ae, -1, 0, m[8:], nil, l-6, &a)
				if rc < 0 {
					p.print(" [|babel]")
					break
				}
				as := "any"
				if ae != 0 {
					as = p.babelAddrString(a)
				}
				p.printf("%s rxcost %d interval %s", as, be16(m, 4), babelInterval(be16(m, 6)))
				if rc < l-6 {
					p.babelSubTLVs(m, 8+rc, 2+l, typ)
				}
			}
		case 6:
			if !v {
				p.print(" router-id")
			} else {
				p.print("\n\tRouter Id")
				if l < 10 {
					invalid()
				}
				p.printf(" %s", babelID(m, 4))
			}
		case 7:
			if !v {
				p.print(" nh")
			} else {
				p.print("\n\tNext Hop")
				if l < 2 {
					invalid()
				}
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
		case 8:
			flags := func() string {
				s := ""
				if m[3]&0x80 != 0 {
					s += "/prefix"
				}
				if m[3]&0x40 != 0 {
					s += "/id"
				}
				if m[3]&0x3f != 0 {
					s += "/unknown"
				}
				return s
			}
			if !v {
				p.print(" update")
				if l < 10 {
					invalid()
				}
				p.print(flags())
			} else {
				p.print("\n\tUpdate")
				if l < 10 {
					invalid()
				}
				ae := int(m[2])
				plen := int(m[4])
				if ae == 1 {
					plen += 96
				}
				dflt := &v6
				if ae == 1 {
					dflt = &v4
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
				p.printf("%s %s metric %d seqno %d interval %s", flags(), ps, be16(m, 10), be16(m, 8),
					babelIntervalUpdate(be16(m, 6)))
				if m[3]&0x80 != 0 {
					if ae == 1 {
						v4 = pfx
					} else {
						v6 = pfx
					}
				}
				if rc < l-10 {
					p.babelSubTLVs(m, 12+rc, 2+l, typ)
				}
			}
		case 9:
			if !v {
				p.print(" route-request")
			} else {
				p.print("\n\tRoute Request ")
				if l < 2 {
					invalid()
				}
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
		case 10:
			if !v {
				p.print(" seqno-request")
			} else {
				p.print("\n\tSeqno Request ")
				if l < 14 {
					invalid()
				}
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
		case 11:
			if !v {
				p.print(" tspc")
			} else {
				p.print("\n\tTS/PC ")
				if l < 6 {
					invalid()
				}
				p.printf("timestamp %d packetcounter %d", be32(m, 4), be16(m, 2))
			}
		case 12:
			if !v {
				p.print(" hmac")
			} else {
				p.print("\n\tHMAC ")
				if l < 18 {
					invalid()
				}
				p.printf("key-id %d digest-%d ", be16(m, 2), l-2)
				for j := 0; j < l-2; j++ {
					p.printf("%02X", u8(m, j+4))
				}
			}
		case 13:
			if !v {
				p.print(" ss-update")
			} else {
				p.print("\n\tSS-Update")
				if l < 10 {
					invalid()
				}
				ae, srcPlen, plen, omitted := int(m[2]), int(m[3]), int(m[4]), int(m[5])
				dflt := &v6
				if ae == 1 {
					dflt = &v4
				}
				parsed := 10
				var pfx, src [16]byte
				rc := babelPrefix(ae, plen, omitted, m[2+parsed:], dflt, l-parsed, &pfx)
				if rc < 0 {
					invalid()
				}
				if ae == 1 {
					plen += 96
				}
				parsed += rc
				rc = babelPrefix(ae, srcPlen, 0, m[min(2+parsed, len(m)):], nil, l-parsed, &src)
				if rc < 0 {
					invalid()
				}
				if ae == 1 {
					srcPlen += 96
				}
				parsed += rc
				p.printf(" %s from", p.babelPrefixString(pfx, plen))
				p.printf(" %s metric %d seqno %d interval %s", p.babelPrefixString(src, srcPlen), be16(m, 10),
					be16(m, 8), babelIntervalUpdate(be16(m, 6)))
				if parsed < l {
					p.babelSubTLVs(m, 2+parsed, 2+l, typ)
				}
			}
		case 14:
			if !v {
				p.print(" ss-request")
			} else {
				p.print("\n\tSS-Request ")
				if l < 3 {
					invalid()
				}
				ae, plen, srcPlen := int(m[2]), int(m[3]), int(m[4])
				parsed := 3
				var pfx, src [16]byte
				rc := babelPrefix(ae, plen, 0, m[2+parsed:], nil, l-parsed, &pfx)
				if rc < 0 {
					invalid()
				}
				if ae == 1 {
					plen += 96
				}
				parsed += rc
				if babelPrefix(ae, srcPlen, 0, m[min(2+parsed, len(m)):], nil, l-parsed, &src) < 0 {
					invalid()
				}
				if ae == 1 {
					srcPlen += 96
				}
				if ae == 0 {
					p.print("for any")
				} else {
					p.printf("for (%s, %s)", p.babelPrefixString(pfx, plen), p.babelPrefixString(src, srcPlen))
				}
			}
		case 15:
			if !v {
				p.print(" ss-mh-request")
			} else {
				p.print("\n\tSS-MH-Request ")
				if l < 14 {
					invalid()
				}
				ae, plen, hopc, srcPlen := int(m[2]), int(m[3]), m[6], int(m[7])
				parsed := 14
				var pfx, src [16]byte
				rc := babelPrefix(ae, plen, 0, m[2+parsed:], nil, l-parsed, &pfx)
				if rc < 0 {
					invalid()
				}
				if ae == 1 {
					plen += 96
				}
				parsed += rc
				if babelPrefix(ae, srcPlen, 0, m[min(2+parsed, len(m)):], nil, l-parsed, &src) < 0 {
					invalid()
				}
				if ae == 1 {
					srcPlen += 96
				}
				p.printf("(%d hops) for (%s, %s) seqno %d id %s", hopc, p.babelPrefixString(pfx, plen),
					p.babelPrefixString(src, srcPlen), be16(m, 4), babelID(m, 8))
			}
		case 16:
			if !v {
				p.print(" mac")
			} else {
				p.printf("\n\tMAC len %d", l)
			}
		case 17:
			if !v {
				p.print(" pc")
			} else {
				p.print("\n\tPC")
				if l < 4 {
					invalid()
				}
				p.printf(" value %d index len %d", be32(m, 2), l-4)
			}
		case 18, 19:
			if !v {
				if typ == 18 {
					p.print(" challenge_request")
				} else {
					p.print(" challenge_reply")
				}
			} else {
				if typ == 18 {
					p.print("\n\tChallenge Request")
				} else {
					p.print("\n\tChallenge Reply")
				}
				if l > 192 {
					invalid()
				}
				p.printf(" len %d", l)
			}
		default:
			if !v {
				p.print(" unknown")
			} else {
				p.printf("\n\tUnknown message type %d", typ)
			}
		}
		i += l + 2
	}
	return true
}

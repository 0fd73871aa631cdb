package printer

import "net/netip"

var mptcpSubtypes = []string{"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail",
	"fast-close", "unknown"}

// mptcp prints a Multipath TCP option; opt starts at the option kind and
// olen is its length. It reports false where tcpdump prints "[bad opt]".
func (p *Printer) mptcp(opt []byte, olen int, flags uint8) bool {
	r := p.reader("mptcp", opt)
	if olen < 3 {
		return false
	}
	sub := min(int(r.u8(2)>>4), 8)
	p.printf(" %d %s", olen, mptcpSubtypes[sub])
	syn, ack := flags&thSYN != 0, flags&thACK != 0
	switch sub {
	case 0: // capable
		if !((olen == 12 || olen == 4) && syn) && !((olen == 20 || olen == 22) && ack && !syn) {
			return false
		}
		v := u8(opt, 2) & 0xf
		if v > 1 {
			p.printf(" Unknown Version (%d)", v)
			return true
		}
		p.printf(" v%d", v)
		if u8(opt, 3)&0x80 != 0 {
			p.print(" csum")
		}
		if olen == 12 || olen >= 20 {
			p.printf(" {0x%x", be64(opt, 4))
			if olen >= 20 {
				p.printf(",0x%x", be64(opt, 12))
			}
			p.print("}")
		}
	case 1: // join
		if !(olen == 12 && syn) && !(olen == 16 && syn && ack) && !(olen == 24 && ack) {
			return false
		}
		if olen != 24 {
			if u8(opt, 2)&1 != 0 {
				p.print(" backup")
			}
			p.printf(" id %d", u8(opt, 3))
		}
		switch olen {
		case 12:
			p.printf(" token 0x%x nonce 0x%x", be32(opt, 4), be32(opt, 8))
		case 16:
			p.printf(" hmac 0x%x nonce 0x%x", be64(opt, 4), be32(opt, 12))
		case 24:
			need(opt, 24)
			p.print(" hmac 0x")
			for _, c := range opt[4:24] {
				p.printf("%02x", c)
			}
		}
	case 2: // dss
		if olen < 4 || syn {
			return false
		}
		f := u8(opt, 3)
		if f&0x10 != 0 {
			p.print(" fin")
		}
		off, n := 4, olen-4
		num := func(wide bool) bool {
			if wide {
				if n < 8 {
					return false
				}
				p.printf("%d", be64(opt, off))
				off += 8
				n -= 8
			} else {
				if n < 4 {
					return false
				}
				p.printf("%d", be32(opt, off))
				off += 4
				n -= 4
			}
			return true
		}
		if f&0x01 != 0 {
			p.print(" ack ")
			if !num(f&0x02 != 0) {
				return false
			}
		}
		if f&0x04 != 0 {
			p.print(" seq ")
			if !num(f&0x08 != 0) {
				return false
			}
			if n < 4 {
				return false
			}
			p.printf(" subseq %d", be32(opt, off))
			off += 4
			n -= 4
			if n < 2 {
				return false
			}
			p.printf(" len %d", be16(opt, off))
			off += 2
			n -= 2
			if n >= 2 {
				p.printf(" csum 0x%x", be16(opt, off))
				n -= 2
			}
		}
		return n == 0
	case 3: // add-addr
		switch olen {
		case 8, 10, 16, 18, 20, 22, 28, 30:
		default:
			return false
		}
		s := map[uint8]string{6: "v0-ip6", 4: "v0-ip4", 1: "v1-echo", 0: "v1"}[u8(opt, 2)&0xf]
		if s == "" {
			s = "[bad version/echo]"
		}
		p.printf(" %s id %d", s, u8(opt, 3))
		alen := 4 // an IPv4 address, else IPv6
		if olen > 18 {
			alen = 16
		}
		need(opt, 4+alen)
		a, _ := netip.AddrFromSlice(opt[4 : 4+alen])
		p.printf(" %s", p.host(a))
		o := 4 + alen
		if (olen-o)%8 == 2 { // a port, then maybe the HMAC
			p.printf(":%d", be16(opt, o))
			o += 2
		}
		if olen-o == 8 {
			p.printf(" hmac 0x%x", be64(opt, o))
		}
	case 4: // rem-addr
		if olen < 4 {
			return false
		}
		p.print(" id")
		for i := 0; i < olen-3; i++ {
			p.printf(" %d", u8(opt, 3+i))
		}
	case 5: // prio
		if olen != 3 && olen != 4 {
			return false
		}
		if u8(opt, 2)&1 != 0 {
			p.print(" backup")
		} else {
			p.print(" non-backup")
		}
		if olen == 4 {
			p.printf(" id %d", u8(opt, 3))
		}
	case 6: // fail
		if olen != 12 {
			return false
		}
		p.printf(" seq %d", be64(opt, 4))
	case 7: // fast-close
		if olen != 12 {
			return false
		}
		p.printf(" key 0x%x", be64(opt, 4))
	}
	return true
}

func be64(b []byte, off int) uint64 {
	return uint64(be32(b, off))<<32 | uint64(be32(b, off+4))
}

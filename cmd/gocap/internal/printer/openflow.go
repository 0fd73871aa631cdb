package printer

// OpenFlow (TCP ports 6633 and 6653), as tcpdump's print-openflow.c,
// print-openflow-1.0.c and print-openflow-1.3.c print it. The header of
// every message in the segment goes on a line of its own; with -v the
// message bodies of the types the version's table has a decoder for
// follow. tcpdump's OpenFlow printers check their bounds with
// ND_LONGJMP_FROM_TCHECK, so every short read here ends the packet.

// ofHeaderLen is the length of the header every OpenFlow message starts
// with (version, type, length, xid).
const ofHeaderLen = 8

// ofVersions names the versions in the header's first byte.
var ofVersions = map[uint8]string{1: "1.0", 2: "1.1", 3: "1.2", 4: "1.3", 5: "1.4", 6: "1.5"}

// ofLenRule is how a message type constrains its body's length.
type ofLenRule uint8

const (
	ofAnyLen ofLenRule = iota // any length
	ofFixLen                  // exactly req bytes
	ofMinLen                  // at least req bytes
)

// ofMsgType describes one message type of a version: its name, how its
// body is printed with -v (nil: not decoded) and its length rule.
type ofMsgType struct {
	name string
	dec  func(c *ofCur)
	rule ofLenRule
	req  int
}

// ofCur walks an OpenFlow message body: the reader of the bytes from the
// body on, the offset reached and the body bytes left from there (which
// may run past the captured bytes; every read checks).
type ofCur struct {
	p   *Printer
	r   reader
	off int
	n   int
}

// fwd moves past k bytes without reading them (OF_FWD).
func (c *ofCur) fwd(k int) { c.off += k; c.n -= k }

// chkFwd moves past k bytes, which must have been captured (OF_CHK_FWD).
func (c *ofCur) chkFwd(k int) { c.r.need(c.off, k); c.fwd(k) }

// rest ends the packet unless the rest of the body was captured
// (ND_TCHECK_LEN on what is left).
func (c *ofCur) rest() { c.r.need(c.off, c.n) }

// invalid prints " (invalid)" and checks the rest of the body was
// captured, as the printers' "invalid:" labels do.
func (c *ofCur) invalid() {
	c.p.print(" (invalid)")
	c.rest()
}

func (c *ofCur) u8(at int) uint8   { return c.r.u8(c.off + at) }
func (c *ofCur) u16(at int) uint16 { return c.r.be16(c.off + at) }
func (c *ofCur) u32(at int) uint32 { return c.r.be32(c.off + at) }
func (c *ofCur) u64(at int) uint64 {
	return uint64(c.r.be32(c.off+at))<<32 | uint64(c.r.be32(c.off+at+4))
}

// sub is a cursor of n bytes from the current offset.
func (c *ofCur) sub(n int) *ofCur { return &ofCur{p: c.p, r: c.r, off: c.off, n: n} }

// etherAddr is the Ethernet address at the offset, as tcpdump prints it.
func (c *ofCur) etherAddr(at int) string { return c.p.etherAddr(c.r.bytes(c.off+at, 6)) }

// ipAddr is the IPv4 address at the offset, as tcpdump prints it.
func (c *ofCur) ipAddr(at int) string { return c.p.host(addr4(c.r.bytes(c.off+at, 4))) }

// jnp prints up to n bytes from the offset, stopping at a NUL; a byte
// not captured ends the packet (nd_printjnp).
func (c *ofCur) jnp(at, n int) {
	for i := 0; i < n; i++ {
		ch := c.r.u8(c.off + at + i)
		if ch == 0 {
			return
		}
		c.p.printChar(ch)
	}
}

// tokStr is tcpdump's tok2str: the table's name for v, else v formatted
// with def.
func tokStr[K comparable](m map[K]string, def string, v K) string {
	if s, ok := m[v]; ok {
		return s
	}
	return sprintf(def, v)
}

// ofBitmap prints the names of the assigned bits of v set (the bits not
// in unassigned), then " (bogus)" if an unassigned one is set
// (of_bitmap_print).
func (p *Printer) ofBitmap(t []bitTok, v, unassigned uint32) {
	if v&^unassigned != 0 {
		p.printf(" (%s)", bitTokString(t, "", v))
	}
	if v&unassigned != 0 {
		p.print(" (bogus)")
	}
}

// bitmap prints the 32-bit word at at as "head 0x%08x" followed by its
// bits (ofBitmap).
func (c *ofCur) bitmap(at int, head string, t []bitTok, unassigned uint32) {
	v := c.u32(at)
	c.p.printf("%s 0x%08x", head, v)
	c.p.ofBitmap(t, v, unassigned)
}

// head32 reads the 32-bit word that starts a vendor or subtype body and
// steps over it; a body too short for it is invalid, and head32 then
// returns false.
func (c *ofCur) head32() (uint32, bool) {
	if c.n < 4 {
		c.invalid()
		return 0, false
	}
	v := c.u32(0)
	c.fwd(4)
	return v, true
}

// next reports whether another record of at least min bytes follows
// in the body: false at its end, and false after " (invalid)" when
// fewer than min bytes are left for it.
func (c *ofCur) next(min int) bool {
	if c.n <= 0 {
		return false
	}
	if c.n < min {
		c.invalid()
		return false
	}
	return true
}

// blockLen reads and prints (after label) the 16-bit length of a block
// whose first hdr bytes, this length included, the cursor has passed
// once it steps over the length; a length below min or past the body
// is invalid, and blockLen then returns false.
func (c *ofCur) blockLen(label string, min, hdr int) (int, bool) {
	l := int(c.u16(0))
	c.fwd(2)
	c.p.printf("%s %d", label, l)
	if l < min || l > c.n+hdr {
		c.invalid()
		return 0, false
	}
	return l, true
}

// typeLen reads and prints a block's 16-bit type (after head, named
// from names, else formatted with def) and its length (blockLen, after
// lenLabel, at least min).
func (c *ofCur) typeLen(head string, names map[uint16]string, def, lenLabel string, min int) (uint16, int, bool) {
	typ := c.u16(0)
	c.fwd(2)
	c.p.printf("%s %s", head, tokStr(names, def, typ))
	l, ok := c.blockLen(lenLabel, min, 4)
	return typ, l, ok
}

// skipped steps over the n bytes left of a block that is bogus (after
// saying so) or that is not decoded, and reports whether it did.
func (c *ofCur) skipped(bogus, undecoded bool, n int) bool {
	if bogus {
		c.p.print(" (bogus)")
	}
	if bogus || undecoded {
		c.chkFwd(n)
		return true
	}
	return false
}

// portHead prints the start of a port description of size bytes: the
// port number (already formatted), the hardware address at hwAt and
// the 16-byte name at nameAt. Without -vv it checks that the rest was
// captured and reports false; with -vv true, for the caller to go on.
func (c *ofCur) portHead(port string, hwAt, nameAt, size int) bool {
	p := c.p
	p.printf("\n\t  port_no %s", port)
	p.printf(", hw_addr %s", c.etherAddr(hwAt))
	p.print(", name '")
	c.jnp(nameAt, 16)
	p.print("'")
	if p.o.Verbose < 2 {
		c.r.need(c.off+nameAt+16, size-nameAt-16)
		return false
	}
	return true
}

// portMod prints the rest of a PORT_MOD body after its port number: the
// hardware address at hw, then the config, mask and advertise words from
// at on (each on a line starting with pfx) and the 4 padding bytes after
// them.
func (c *ofCur) portMod(hw, at int, pfx string, config, features []bitTok, configU, featuresU uint32) {
	c.p.printf(", hw_addr %s", c.etherAddr(hw))
	c.bitmap(at, pfx+"config", config, configU)
	c.bitmap(at+4, pfx+"mask", config, configU)
	c.bitmap(at+8, pfx+"advertise", features, featuresU)
	c.r.need(c.off+at+12, 4)
}

// ofError prints an ERROR message's type and code, named from a
// version's tables, and the data after them.
func ofError(c *ofCur, types map[uint16]string, codes map[uint16]map[uint16]string) {
	typ := c.u16(0)
	c.p.printf("\n\t type %s", tokStr(types, "invalid (0x%04x)", typ))
	code := c.u16(2)
	c.fwd(4)
	if names, ok := codes[typ]; ok {
		c.p.printf(", code %s", tokStr(names, "invalid (0x%04x)", code))
	} else {
		c.p.printf(", code invalid (0x%04x)", code)
	}
	c.data()
}

// ofONFExperimenters names the ONF's experimenter IDs.
var ofONFExperimenters = map[uint32]string{
	0x4f4e4600: "ONF Extensions",
	0xff000001: "Budapest University of Technology and Economics",
	0xff000002: "NoviFlow",
	0xff000003: "L3+ Extensions, Vendor Neutral",
	0xff000004: "L4-L7 Extensions",
	0xff000005: "Wireless and Mobility Extensions",
	0xff000006: "Forwarding Abstractions Extensions",
	0xff000007: "Optical Transport Extensions",
	0xff000008: "Network Benchmarking Lab, NCTU",
	0xff000009: "Mobile Packet Core Extensions",
	0xff00000a: "MPLS-TP OpenFlow Extensions for SPTN",
}

// ofVendorName names a vendor or experimenter ID: an OUI when its top
// byte is zero, else one of the ONF's.
func ofVendorName(v uint32) string {
	if v&0xff000000 == 0 {
		return mapName(ouiNames, v, "unknown")
	}
	return mapName(ofONFExperimenters, v, "unknown")
}

// ofData prints the trailing data of a message: its length, and with
// -vv a hex and ASCII dump of it (of_data_print).
func (c *ofCur) data() {
	if c.n == 0 {
		return
	}
	c.p.printf("\n\t data (%d octets)", c.n)
	if c.p.o.Verbose < 2 {
		c.rest()
		return
	}
	c.p.ofHexASCII("\n\t  ", c.r.b[min(c.off, len(c.r.b)):], c.n)
}

// ofHexASCII is tcpdump's hex_and_ascii_print with the line prefix
// ident: the dump of n bytes of b, ending the packet after dumping what
// was captured if that is less.
func (p *Printer) ofHexASCII(ident string, b []byte, n int) {
	short := n > len(b)
	if short {
		n = len(b)
	}
	start := p.buf.Len()
	p.hexASCII(b[:n])
	if ident != "\n\t" {
		out := p.buf.Bytes()[start:]
		s := string(out)
		p.buf.Truncate(start)
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' && i+1 < len(s) && s[i+1] == '\t' {
				p.print(ident)
				i++
				continue
			}
			p.buf.WriteByte(s[i])
		}
	}
	if short {
		endPacket()
	}
}

// openflow prints the OpenFlow messages of a TCP segment's payload,
// length bytes on the wire (openflow_print).
func (p *Printer) openflow(b []byte, length int) {
	r := p.reader("openflow", b)
	p.print(": OpenFlow")
	off, n := 0, length
	partial := func() {
		p.print(" (end of TCP payload)")
		r.need(off, n)
	}
	for n > 0 {
		ver := r.u8(off)
		off, n = off+1, n-1
		p.printf("\n\tversion %s", tokStr(ofVersions, "unknown (0x%02x)", ver))
		if n < 1 {
			partial()
			return
		}
		typ := r.u8(off)
		off, n = off+1, n-1
		var mt *ofMsgType
		switch {
		case ver == 1 && int(typ) < len(of10MsgTypes):
			mt = &of10MsgTypes[typ]
		case ver == 4 && int(typ) < len(of13MsgTypes):
			mt = &of13MsgTypes[typ]
		}
		if mt != nil {
			p.printf(", type %s", mt.name)
		} else {
			p.printf(", type unknown (0x%02x)", typ)
		}
		if n < 2 {
			partial()
			return
		}
		mlen := int(r.be16(off))
		off, n = off+2, n-2
		p.printf(", length %d", mlen)
		if mlen < ofHeaderLen {
			p.print(" (too short!)")
		}
		if n < 4 {
			partial()
			return
		}
		p.printf(", xid 0x%08x", r.be32(off))
		off, n = off+4, n-4
		if mlen < ofHeaderLen {
			// The rest of the segment is not decoded.
			p.print(" (invalid)")
			r.need(off, n)
			return
		}
		body := mlen - ofHeaderLen
		p.ofMessage(&ofCur{p: p, r: r, off: off, n: body}, mt)
		// A message running past the segment ends it; the next
		// segment starts in its middle.
		if body > n {
			break
		}
		off, n = off+body, n-body
	}
}

// ofMessage prints a message body after its header (of_message_print).
func (p *Printer) ofMessage(c *ofCur, mt *ofMsgType) {
	if mt == nil {
		c.rest()
		return
	}
	if (mt.rule == ofFixLen && c.n != mt.req) || (mt.rule == ofMinLen && c.n < mt.req) {
		c.invalid()
		return
	}
	if p.o.Verbose == 0 || mt.dec == nil {
		c.rest()
		return
	}
	mt.dec(c)
}

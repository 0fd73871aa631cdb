package printer

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"net/netip"
)

// tcpKey names a TCP connection independently of direction: the lower
// address (and port, on a tie) comes first, as in tcpdump's tables. A is
// [4]byte for IPv4 and [16]byte for IPv6, kept in two maps as tcpdump
// keeps two tables; neither holds a pointer, so that a capture's hundreds
// of thousands of connections cost little memory and nothing for the
// garbage collector to scan.
type tcpKey[A [4]byte | [16]byte] struct {
	a, b         A
	aport, bport uint16
}

// tcpConns holds the initial sequence numbers of the connections seen.
type tcpConns struct {
	v4 map[tcpKey[[4]byte]]tcpState
	v6 map[tcpKey[[16]byte]]tcpState
}

// state returns the connection's state, setting it first from seq and ack
// (and reporting fresh) when the connection is new or syn is set; rev says
// that src is the higher end, whose numbers are the second of the pair.
func (t *tcpConns) state(src, dst netip.Addr, sport, dport uint16, rev, syn bool, seq, ack uint32) (st tcpState, fresh bool) {
	if src.Is4() {
		return connState(&t.v4, tcpKeyOf(src.As4(), dst.As4(), sport, dport, rev), syn, rev, seq, ack)
	}
	return connState(&t.v6, tcpKeyOf(src.As16(), dst.As16(), sport, dport, rev), syn, rev, seq, ack)
}

// tcpKeyOf returns the key of the connection between a:aport and b:bport,
// rev saying that a is the higher end.
func tcpKeyOf[A [4]byte | [16]byte](a, b A, aport, bport uint16, rev bool) tcpKey[A] {
	if rev {
		return tcpKey[A]{a: b, b: a, aport: bport, bport: aport}
	}
	return tcpKey[A]{a: a, b: b, aport: aport, bport: bport}
}

func connState[A [4]byte | [16]byte](m *map[tcpKey[A]]tcpState, k tcpKey[A], syn, rev bool, seq, ack uint32) (tcpState, bool) {
	if *m == nil {
		*m = make(map[tcpKey[A]]tcpState)
	}
	st, ok := (*m)[k]
	if ok && !syn {
		return st, false
	}
	if rev {
		st = tcpState{seq: ack - 1, ack: seq}
	} else {
		st = tcpState{seq: seq, ack: ack - 1}
	}
	(*m)[k] = st
	return st, true
}

// tcpState holds the initial sequence numbers of a connection, for
// relative sequence numbers.
type tcpState struct {
	seq, ack uint32
}

const (
	thFIN = 0x01
	thSYN = 0x02
	thRST = 0x04
	thPSH = 0x08
	thACK = 0x10
	thURG = 0x20
	thECE = 0x40
	thCWR = 0x80
)

// tcpFlagBits are the header flags, printed run together in "Flags [...]".
var tcpFlagBits = []bitTok{{thFIN, "F"}, {thSYN, "S"}, {thRST, "R"}, {thPSH, "P"}, {thACK, "."},
	{thURG, "U"}, {thECE, "E"}, {thCWR, "W"}}

var tcpOptNames = map[uint8]string{
	0: "eol", 1: "nop", 2: "mss", 3: "wscale", 4: "sackOK", 5: "sack", 6: "echo",
	7: "echoreply", 8: "TS", 11: "cc", 12: "ccnew", 13: "", 19: "md5", 20: "scps",
	28: "uto", 29: "tcp-ao", 30: "mptcp", 34: "tfo", 254: "exp",
}

// addrPorts prints "src.sport > dst.dport: ", or only the ports when the
// transport header follows extension headers (tcpdump looks at the fixed
// header's next-protocol field).
func (p *Printer) addrPorts(h *ipHdr, proto uint8, sport, dport uint16, udp bool) {
	if h.nh == proto {
		p.hostAddr(h.src)
		p.buf.WriteByte('.')
	}
	p.portTo(sport, udp)
	p.print(" > ")
	if h.nh == proto {
		p.hostAddr(h.dst)
		p.buf.WriteByte('.')
	}
	p.portTo(dport, udp)
	p.print(": ")
}

// tcp prints a TCP segment; length is the IP payload length.
func (p *Printer) tcp(b []byte, length int, h *ipHdr) {
	r := p.reader("tcp", b)
	if !r.has(0, 4) {
		// The addresses, whatever the header's protocol field says
		// (it differs after IPv6 extension headers or an AH).
		p.hostPair(h.src, h.dst, ":")
		// A short header ends with tcpdump's own marker, not an unwind
		// (-x still dumps from the network header).
		r.trunc()
		return
	}
	sport, dport := binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:])
	p.addrPorts(h, 6, sport, dport, false)
	if !r.has(0, 20) {
		r.trunc()
		return
	}
	hlen := int(b[12]>>4) * 4
	if hlen < 20 {
		// tcpdump subtracts in unsigned arithmetic
		p.printf(" tcp %d [bad hdr length %d - too short, < 20]", uint32(length-hlen), hlen)
		return
	}
	seq := binary.BigEndian.Uint32(b[4:])
	ack := binary.BigEndian.Uint32(b[8:])
	win := binary.BigEndian.Uint16(b[14:])
	urp := binary.BigEndian.Uint16(b[18:])
	if p.o.Quiet {
		p.printf("tcp %d", uint32(length-hlen)) // unsigned in tcpdump
		if hlen > length {
			p.printf(" [bad hdr length %d - too long, > %d]", hlen, length)
		}
		return
	}
	flags := b[13]
	p.print("Flags [")
	p.print(bitTokNoSep(tcpFlagBits, "none", uint32(flags)))
	p.print("]")
	var thseq, thack uint32
	rev := false
	if !p.o.AbsoluteSeq && flags&thACK != 0 {
		c := h.src.Compare(h.dst)
		rev = c > 0 || (c == 0 && sport > dport)
		st, fresh := p.tcpSeq.state(h.src, h.dst, sport, dport, rev, flags&thSYN != 0, seq, ack)
		if !fresh {
			if rev {
				seq -= st.ack
				ack -= st.seq
			} else {
				seq -= st.seq
				ack -= st.ack
			}
		}
		thseq, thack = st.seq, st.ack
	}
	if hlen > length {
		p.printf(" [bad hdr length %d - too long, > %d]", hlen, length)
		return
	}
	if p.o.Verbose > 0 && !p.o.NoChecksum && !h.frag {
		if r.has(0, length) {
			sum := checksum(b[:length], pseudoSum(h, 6, length))
			ts := binary.BigEndian.Uint16(b[16:])
			p.printf(", cksum 0x%04x", ts)
			if sum != 0 {
				p.printf(" (incorrect -> 0x%04x)", shouldBe(ts, sum))
			} else {
				p.print(" (correct)")
			}
		}
	}
	length -= hlen
	if p.o.Verbose > 1 || length > 0 || flags&(thSYN|thFIN|thRST) != 0 {
		p.print(", seq ")
		p.dec(uint64(seq))
		if length > 0 {
			p.print(":")
			p.dec(uint64(seq + uint32(length)))
		}
	}
	if flags&thACK != 0 {
		p.print(", ack ")
		p.dec(uint64(ack))
	}
	p.print(", win ")
	p.dec(uint64(win))
	if flags&thURG != 0 {
		p.printf(", urg %d", urp)
	}
	if hlen > 20 {
		if !p.tcpOptions(b[20:], hlen-20, rev, thseq, thack, flags, tcpSeg{b, hlen, length, h}) {
			return
		}
	}
	p.print(", length ")
	p.decInt(length)
	if length <= 0 {
		return
	}
	if !r.has(0, hlen) {
		// The options ended (eol) before the header did, and the capture
		// ends before it too: tcpdump gives up on the payload.
		p.printf(" [remaining caplen(%d) < header length(%d)]", len(b), hlen)
		endPacket()
	}
	payload := b[hlen:]
	if flags&thRST != 0 && p.o.Verbose > 0 {
		p.tcpRSTData(payload, length)
		return
	}
	if p.tcpForced(payload, length) {
		return
	}
	p.tcpPayload(payload, length, sport, dport, h)
}

// tcpOptions prints ", options [...]"; it returns false when tcpdump stops
// after a bad or truncated option.
func (p *Printer) tcpOptions(b []byte, hlen int, rev bool, thseq, thack uint32, flags uint8, seg tcpSeg) bool {
	p.print(", options [")
	w := tcpOptWalk{b: b, hlen: hlen, rev: rev, thseq: thseq, thack: thack, flags: flags, first: true, seg: seg}
	switch p.label("", func() { p.tcpOptionList(&w) }) {
	case toInvalid: // tcpdump's "bad:" label
		p.print("[bad opt]")
		if !w.first {
			p.print("]")
		}
		return false
	case toLabel: // its "trunc:" label
		p.truncMark(p.proto)
		if !w.first {
			p.print(">")
		}
		return false
	}
	p.print("]")
	return true
}

// tcpOptWalk is the state of a walk over a TCP header's options: the
// option bytes, the header length left, and for the option being
// printed its kind, length and the offset of its data.
type tcpOptWalk struct {
	b            []byte
	hlen         int
	rev          bool
	thseq, thack uint32
	flags        uint8
	first        bool

	opt  byte
	olen int
	i    int    // offset of the option's data in b
	d    []byte // the option's data as captured

	seg tcpSeg // the segment, for the MD5 signature
}

// tcpSeg is a TCP segment as the MD5 signature option needs it: its bytes
// as captured, its header length, its payload length and its IP header.
type tcpSeg struct {
	b          []byte
	hlen, plen int
	h          *ipHdr
}

// need returns to tcpOptions' label unless l bytes of option data are
// within the header (else "[bad opt]") and were captured (else the
// truncation marker).
func (o *tcpOptWalk) need(l int) {
	if l > o.hlen {
		invalid()
	}
	if o.i+l > len(o.b) {
		gotoTrunc()
	}
}

// tcpOptionList walks the options for tcpOptions.
func (p *Printer) tcpOptionList(o *tcpOptWalk) {
	for o.hlen > 0 {
		if !o.first {
			p.print(",")
		}
		// tcpdump reads the kind and length bytes with its checked
		// getters, which give up on the whole packet; only the option
		// data has the local checks of tcpOptWalk.need.
		o.opt = u8(o.b, o.i)
		o.i++
		o.olen = 1
		if o.opt != 0 && o.opt != 1 {
			o.olen = int(u8(o.b, o.i))
			o.i++
			if o.olen < 2 || o.olen > o.hlen {
				invalid()
			}
			o.hlen--
		}
		o.hlen--
		if n, ok := tcpOptNames[o.opt]; ok {
			p.print(n)
		} else {
			p.printf("unknown-%d", o.opt)
		}
		o.d = o.b[min(o.i, len(o.b)):]
		datalen := p.tcpOption(o)
		o.i += datalen
		o.hlen -= datalen
		datalen++
		if o.opt != 0 && o.opt != 1 {
			datalen++
		}
		if datalen != o.olen {
			p.printf("[len %d]", o.olen)
		}
		o.first = false
		if o.opt == 0 {
			break
		}
	}
}

// tcpOption prints the data of the option o is at and returns the
// length of the data it decoded. (A switch, not a table of functions: a
// call through a function value would move the walk to the heap.)
func (p *Printer) tcpOption(o *tcpOptWalk) int {
	switch o.opt {
	case 0, 1, 4: // EOL, NOP, SACK permitted
		return 0
	case 2: // MSS
		return tcpOptUint(p, o, 2)
	case 3: // window scale
		return tcpOptUint(p, o, 1)
	case 5:
		return tcpOptSACK(p, o)
	case 8:
		return tcpOptTimestamp(p, o)
	case 6, 7, 11, 12, 13: // echo, echo reply, T/TCP CC, CC.NEW and CC.ECHO
		return tcpOptUint(p, o, 4)
	case 19:
		return tcpOptMD5(p, o)
	case 20:
		return tcpOptSCPS(p, o)
	case 28:
		return tcpOptUTO(p, o)
	case 29:
		return tcpOptTCPAO(p, o)
	case 30:
		return tcpOptMPTCP(p, o)
	case 34:
		return tcpOptTFO(p, o)
	case 254:
		return tcpOptExperimental(p, o)
	}
	return tcpOptUnknown(p, o)
}

// tcpOptUint prints an option whose data is one unsigned number of n
// bytes (1, 2 or 4).
func tcpOptUint(p *Printer, o *tcpOptWalk, n int) int {
	o.need(n)
	var v uint32
	for _, c := range o.d[:n] {
		v = v<<8 | uint32(c)
	}
	p.printf(" %d", v)
	return n
}

func tcpOptSACK(p *Printer, o *tcpOptWalk) int {
	datalen := o.olen - 2
	if datalen%8 != 0 {
		p.print(" invalid sack")
		return datalen
	}
	p.printf(" %d ", datalen/8)
	for j := 0; j < datalen; j += 8 {
		// tcpdump checks each edge as it reads it
		o.need(j + 4)
		s := binary.BigEndian.Uint32(o.d[j:])
		o.need(j + 8)
		e := binary.BigEndian.Uint32(o.d[j+4:])
		if o.rev {
			s -= o.thseq
			e -= o.thseq
		} else {
			s -= o.thack
			e -= o.thack
		}
		p.printf("{%d:%d}", s, e)
	}
	return datalen
}

func tcpOptTimestamp(p *Printer, o *tcpOptWalk) int {
	o.need(8)
	p.print(" val ")
	p.dec(uint64(binary.BigEndian.Uint32(o.d)))
	p.print(" ecr ")
	p.dec(uint64(binary.BigEndian.Uint32(o.d[4:])))
	return 8
}

// tcpOptMD5 prints the TCP-MD5 signature option (RFC 2385) as a tcpdump
// built with libcrypto does: checked with -M's secret, or why it cannot
// be checked and the signature.
func tcpOptMD5(p *Printer, o *tcpOptWalk) int {
	o.need(16)
	p.print(" ")
	// tcpdump built with OpenSSL checks the signature (RFC 2385) against
	// -M's secret, or says why it cannot.
	switch p.tcpMD5Check(o.seg, o.d[:16]) {
	case 1:
		p.print("valid")
		return 16
	case 0:
		p.print(" (invalid)")
		return 16
	}
	p.print("can't check - ")
	for j := 0; j < 16; j++ {
		p.printf("%02x", o.d[j])
	}
	return 16
}

// tcpMD5Check computes a segment's RFC 2385 MD5 signature with -M's
// secret and compares it with sig: 1 for a match, 0 for none, -1 (after
// printing why) when it cannot.
func (p *Printer) tcpMD5Check(seg tcpSeg, sig []byte) int {
	if seg.hlen+seg.plen > len(seg.b) || seg.plen < 0 {
		p.print("snaplen too short, ")
		return -1
	}
	if p.o.SigSecret == "" {
		p.print("shared secret not supplied with -M, ")
		return -1
	}
	h := seg.h
	if h == nil || (!h.v6 && len(h.hdrBuf) < 20) {
		p.print("IP version not 4 or 6, ")
		return -1
	}
	m := md5.New()
	if h.v6 {
		s, d := h.src.As16(), h.dst.As16()
		m.Write(s[:])
		m.Write(d[:])
		m.Write([]byte{0, 0, byte(h.plen6 >> 8), byte(h.plen6), 0, 0, 0, 6})
	} else {
		hb := h.hdrBuf
		tlen := uint16(hb[2])<<8 | uint16(hb[3])
		tlen -= uint16(hb[0]&0x0f) * 4
		m.Write(hb[12:20])
		m.Write([]byte{0, hb[9], byte(tlen >> 8), byte(tlen)})
	}
	var th [20]byte
	copy(th[:], seg.b[:20])
	th[16], th[17] = 0, 0
	m.Write(th[:])
	m.Write(seg.b[seg.hlen : seg.hlen+seg.plen])
	m.Write([]byte(p.o.SigSecret))
	if bytes.Equal(m.Sum(nil), sig) {
		return 1
	}
	return 0
}

func tcpOptSCPS(p *Printer, o *tcpOptWalk) int {
	o.need(2)
	p.printf(" cap %02x id %d", o.d[0], o.d[1])
	return 2
}

// tcpOptUTO prints the user timeout option (RFC 5482).
func tcpOptUTO(p *Printer, o *tcpOptWalk) int {
	o.need(2)
	v := uint32(binary.BigEndian.Uint16(o.d)) // minutes times 60 may pass 16 bits
	p.printf(" 0x%x", v)
	if v&1 != 0 {
		v = (v >> 1) * 60
	} else {
		v >>= 1
	}
	p.printf(" %d", v)
	return 2
}

// tcpOptTCPAO prints the TCP authentication option (RFC 5925); tcpdump
// checks each byte as it prints it.
func tcpOptTCPAO(p *Printer, o *tcpOptWalk) int {
	datalen := o.olen - 2
	if datalen < 2 {
		p.print(" (invalid)")
		return datalen
	}
	for j := 0; j < datalen; j++ {
		o.need(j + 1)
		switch j {
		case 0:
			p.printf(" keyid %d", o.d[0])
		case 1:
			p.printf(" rnextkeyid %d", o.d[1])
			if datalen > 2 {
				p.print(" mac 0x")
			}
		default:
			p.printf("%02x", o.d[j])
		}
	}
	return datalen
}

func tcpOptMPTCP(p *Printer, o *tcpOptWalk) int {
	datalen := o.olen - 2
	o.need(datalen)
	if !p.mptcp(o.b[o.i-2:o.i+datalen], o.olen, o.flags) {
		invalid()
	}
	return datalen
}

// tcpOptTFO prints the TCP Fast Open cookie option (RFC 7413).
func tcpOptTFO(p *Printer, o *tcpOptWalk) int {
	datalen := o.olen - 2
	o.need(datalen)
	p.print(" ")
	p.tfo(o.d[:datalen], false)
	return datalen
}

// tcpOptExperimental prints an experimental option (RFC 6994): TCP Fast
// Open by its magic number, else the magic number.
func tcpOptExperimental(p *Printer, o *tcpOptWalk) int {
	datalen := o.olen - 2
	o.need(datalen)
	if datalen < 2 {
		invalid()
	}
	magic := binary.BigEndian.Uint16(o.d)
	p.print("-")
	if magic == 0xf989 {
		p.tfo(o.d[2:datalen], true)
	} else {
		p.printf("%04x", magic)
	}
	return datalen
}

func tcpOptUnknown(p *Printer, o *tcpOptWalk) int {
	datalen := o.olen - 2
	if datalen > 0 {
		p.print(" 0x")
	}
	for j := 0; j < datalen; j++ {
		o.need(j + 1)
		p.printf("%02x", o.d[j])
	}
	return datalen
}

// tfo prints a TCP Fast Open option's data.
func (p *Printer) tfo(d []byte, exp bool) {
	if exp {
		p.print("tfo")
	}
	switch {
	case len(d) == 0:
		p.print(" cookiereq")
	case len(d)%2 == 1 || len(d) < 4 || len(d) > 16:
		p.print(" (invalid)")
	default:
		p.print(" cookie ")
		for _, c := range d {
			p.printf("%02x", c)
		}
	}
}

// tcpRSTData prints the data of a RST segment with -v: " [RST" (or
// " [!RST" when not all of it was captured), "+" when it is longer than
// the 30 bytes shown, then the bytes as tcpdump's fn_print_char does.
func (p *Printer) tcpRSTData(b []byte, length int) {
	if length <= len(b) {
		p.print(" [RST")
	} else {
		p.print(" [!RST")
	}
	if length > 30 {
		length = 30
		p.print("+")
	}
	p.print(" ")
	for _, c := range b[:min(length, len(b))] {
		p.printChar(c)
	}
	p.print("]")
}

// tcpPayload dispatches TCP payloads tcpdump decodes by port, in
// tcpdump's order.
func (p *Printer) tcpPayload(b []byte, length int, sport, dport uint16, h *ipHdr) {
	port := func(n uint16) bool { return sport == n || dport == n }
	switch {
	case port(23):
		p.telnet(b, length)
	case port(25):
		p.print(": ")
		p.txtproto(b, length, "smtp", nil, false)
	case port(43):
		p.print(": ")
		p.txtproto(b, length, "whois", nil, false)
	case port(179):
		p.bgp(b, length)
	case port(1723):
		p.pptp(b)
	case port(6379):
		p.resp(b, length)
	case port(22):
		p.ssh(b, length)
	case port(10288):
		p.beep(b, length)
	case port(6633) || port(6653):
		p.openflow(b, length)
	case port(21):
		p.print(": ")
		p.txtproto(b, length, "ftp", nil, false)
	case port(80) || port(8080):
		p.print(": ")
		p.txtproto(b, length, "http", httpCmds, true)
	case port(554) || port(8554):
		p.print(": ")
		p.txtproto(b, length, "rtsp", rtspCmds, true)
	case port(53):
		p.dnsTCP(b, length)
	case port(639):
		p.msdp(b, length)
	case port(323):
		p.rpkiRTR(b, length)
	case port(646):
		p.ldp(b, length)
	case port(nfsPort):
		p.nfsTCP(b, length, sport, dport, h)
	}
}

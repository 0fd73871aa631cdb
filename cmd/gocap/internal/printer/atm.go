package printer

// atm prints a packet of LLC-encapsulated ATM (DLT_ATM_RFC1483, tcpdump's
// atm_if_print): an OSI packet after a lone UI control byte (CNLPID), an
// LLC frame when it starts with a UI header for SNAP, OSI or IP, and
// otherwise an LLC frame after 20 bytes of an unknown header.
func (p *Printer) atm(b []byte, length int) int {
	r := p.reader("atm", b)
	if r.u8(0) == 0x03 {
		if p.o.LinkHeader {
			p.print("CNLPID ")
		}
		p.isoclns(b[1:], length-1)
		return 1
	}
	n := 0
	switch r.be24(0) {
	case 0xaaaa03, 0xfefe03, 0x060603:
	default:
		if p.o.LinkHeader {
			p.printf("%08x%08x %08x%08x ", r.be32(0), r.be32(4), r.be32(8), r.be32(12))
		}
		r.need(0, 20)
		n = 20
	}
	return n + p.atmLLC(b[n:], length-n)
}

// atmLLC prints an RFC 1483 LLC-encapsulated frame and returns the length
// of its LLC header (atm_llc_print).
func (p *Printer) atmLLC(b []byte, length int) int {
	k := p.llc(b, length, nil, nil)
	if k < 0 {
		p.defaultPrint(b)
		k = -k
	}
	return k
}

// What an ATM link says its traffic is (tcpdump's atm.h).
const (
	atmUnknown = iota
	atmLANE
	atmLLCTraffic
)

// The VCIs of VPI 0 that carry ATM's own traffic (UNI 3.1).
const (
	vciMeta     = 0x01
	vciBCC      = 0x02
	vciOAMF4SC  = 0x03
	vciOAMF4EC  = 0x04
	vciPPC      = 0x05
	vciILMI     = 0x10
	atmHdrNoHEC = 4
)

// atmPDU prints an ATM PDU of the circuit vpi/vci: signalling, OAM cells
// and the other reserved circuits of VPI 0, else LANE or LLC traffic as
// traffic says (atm_print).
func (p *Printer) atmPDU(vpi uint8, vci uint16, traffic int, b []byte, length int) {
	p.announce("atm")
	if p.o.LinkHeader {
		p.printf("VPI:%d VCI:%d ", vpi, vci)
	}
	if vpi == 0 {
		switch vci {
		case vciPPC:
			p.atmSig(b)
			return
		case vciBCC:
			p.print("broadcast sig: ")
			return
		case vciOAMF4SC, vciOAMF4EC:
			p.oam(b, length, 1)
			return
		case vciMeta:
			p.print("meta: ")
			return
		case vciILMI:
			p.print("ilmi: ")
			p.snmp(b, length)
			return
		}
	}
	if traffic == atmLANE {
		p.lane(b, length)
		return
	}
	p.atmLLC(b, length)
}

var q2931Messages = map[uint8]string{
	0x02: "Call_proceeding", 0x07: "Connect", 0x0f: "Connect_ack", 0x05: "Setup", 0x4d: "Release",
	0x5a: "Release_complete", 0x46: "Restart", 0x4e: "Restart_ack", 0x7d: "Status",
	0x75: "Status_enquiry", 0x80: "Add_party", 0x81: "Add_party_ack", 0x82: "Add_party_reject",
	0x83: "Drop_party", 0x84: "Drop_party_ack",
}

// atmSig prints a signalling message (sig_print): Q.2931's type and call
// reference, or the protocol of another one.
func (p *Printer) atmSig(b []byte) {
	if u8(b, 0) != 0x09 {
		p.printf("SSCOP, proto %d ", b[0])
		return
	}
	p.print("Q.2931")
	p.printf(":%s ", tokStr(q2931Messages, "msgtype#%d", u8(b, 5)))
	p.printf("CALL_REF:0x%06x", be32(b, 1)&0xffffff)
}

var (
	oamFNames    = map[uint16]string{vciOAMF4SC: "OAM F4 (segment)", vciOAMF4EC: "OAM F4 (end)"}
	atmPTINames  = map[uint8]string{0: "user data, uncongested, SDU 0", 1: "user data, uncongested, SDU 1", 2: "user data, congested, SDU 0", 3: "user data, congested, SDU 1", 4: "VCC OAM F5 flow segment", 5: "VCC OAM F5 flow end-to-end", 6: "Traffic Control and resource Mgmt"}
	oamCellTypes = map[uint8]string{1: "Fault Management", 2: "Performance Management", 8: "activate/deactivate", 15: "System Management"}
	oamFuncTypes = map[uint8]map[uint8]string{
		1: {0: "AIS", 1: "RDI", 4: "Continuity Check", 8: "Loopback"},
		2: {0: "Forward Monitoring", 1: "Backward Reporting", 2: "Monitoring and Reporting"},
		8: {0: "Performance Monitoring", 1: "Continuity Check"},
	}
)

// oam prints an OAM cell: its cell header (after a HEC byte when hec is
// 1), and with -v the cell and function types, the fields of loopback
// and AIS/RDI cells and the CRC-10 check (oam_print).
func (p *Printer) oam(b []byte, length, hec int) {
	r := p.reader("oam", b)
	h := r.be32(hec)
	ct := r.u8(atmHdrNoHEC+hec) >> 4
	ft := b[atmHdrNoHEC+hec] & 0x0f
	vci := uint16(h >> 4)
	pti := uint8(h>>1) & 7
	p.printf("%s, vpi %d, vci %d, payload [ %s ], clp %d, length %d",
		mapName(oamFNames, vci, "OAM F5"), (h>>20)&0xff, vci, mapName(atmPTINames, pti, "Unknown"), h&1, length)
	if p.o.Verbose == 0 {
		return
	}
	p.printf("\n\tcell-type %s (%d)", mapName(oamCellTypes, ct, "unknown"), ct)
	if names, ok := oamFuncTypes[ct]; ok {
		p.printf(", func-type %s (%d)", mapName(names, ft, "none"), ft)
	} else {
		p.printf(", func-type unknown (%d)", ft)
	}
	c := r.from(atmHdrNoHEC + hec) // the 48-byte payload
	ids := func(label string, off, n int) {
		p.print(label)
		for i := 1; i < n; i += 2 {
			p.printf("%04x ", c.be16(off+i))
		}
	}
	switch uint16(ct)<<4 | uint16(ft) {
	case 0x18: // loopback
		c.need(1, 45)
		ind := "Reply"
		if c.u8(1)&1 != 0 {
			ind = "Request"
		}
		p.printf("\n\tLoopback-Indicator %s, Correlation-Tag 0x%08x", ind, c.be32(2))
		ids("\n\tLocation-ID ", 6, 12)
		ids("\n\tSource-ID   ", 18, 12)
	case 0x10, 0x11: // AIS, RDI
		c.need(1, 45)
		p.printf("\n\tFailure-type 0x%02x", c.u8(1))
		ids("\n\tLocation-ID ", 2, 16)
	}
	sum := c.be16(46) & 0x3ff
	s := "in"
	if crc10(c.b[:48]) == 0 {
		s = ""
	}
	p.printf("\n\tcksum 0x%03x (%scorrect)", sum, s)
}

// crc10Table is the CRC-10 (polynomial 0x633) of each byte value.
var crc10Table = func() (t [256]uint16) {
	for i := range t {
		a := uint16(i) << 2
		for range 8 {
			a <<= 1
			if a&0x400 != 0 {
				a ^= 0x633
			}
		}
		t[i] = a
	}
	return
}()

// crc10 is the CRC-10 of b, zero for an OAM cell payload that checks.
func crc10(b []byte) uint16 {
	var a uint16
	for _, c := range b {
		a = (a<<8)&0x3ff ^ crc10Table[(a>>2)&0xff] ^ uint16(c)
	}
	return a
}

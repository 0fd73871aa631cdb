package printer

// BFD, Bidirectional Forwarding Detection (RFC 5880/5881/5883/7310).

// BFD's UDP ports: control (single hop), echo, multihop and LAG.
const (
	bfdControlPort  = 3784
	bfdEchoPort     = 3785
	bfdMultihopPort = 4784
	bfdLagPort      = 6784
)

// bfdPort reports whether tcpdump hands a datagram to port dport to the
// BFD printer (it looks at the destination port only).
func bfdPort(dport uint16) bool {
	return dport == bfdControlPort || dport == bfdEchoPort || dport == bfdMultihopPort || dport == bfdLagPort
}

var bfdDiagnostics = map[byte]string{
	0: "No Diagnostic", 1: "Control Detection Time Expired", 2: "Echo Function Failed",
	3: "Neighbor Signaled Session Down", 4: "Forwarding Plane Reset", 5: "Path Down",
	6: "Concatenated Path Down", 7: "Administratively Down", 8: "Reverse Concatenated Path Down",
}

var bfdPortNames = map[uint16]string{bfdControlPort: "Control", bfdMultihopPort: "Multihop", bfdLagPort: "Lag"}

var bfdStates = map[byte]string{0: "AdminDown", 1: "Down", 2: "Init", 3: "Up"}

// bfdAuthPresent is the flag saying an authentication section follows.
const bfdAuthPresent = 0x04

var bfdV0Flags = []bitTok{
	{0x80, "I Hear You"}, {0x40, "Demand"}, {0x20, "Poll"}, {0x10, "Final"},
	{0x08, "Control Plane Independent"}, {bfdAuthPresent, "Authentication Present"},
	{0x02, "Reserved"}, {0x01, "Reserved"},
}

var bfdV1Flags = []bitTok{
	{0x20, "Poll"}, {0x10, "Final"}, {0x08, "Control Plane Independent"},
	{bfdAuthPresent, "Authentication Present"}, {0x02, "Demand"}, {0x01, "Multipoint"},
}

var bfdAuthTypes = map[byte]string{
	1: "Simple Password", 2: "Keyed MD5", 3: "Meticulous Keyed MD5",
	4: "Keyed SHA1", 5: "Meticulous Keyed SHA1",
}

// bfdHeaderLen is the size of the mandatory control packet header.
const bfdHeaderLen = 24

// bfd prints a BFD packet sent to dport; length is the UDP payload
// length. Every short read ends the packet, as in tcpdump.
func (p *Printer) bfd(b []byte, length int, dport uint16) {
	r := p.reader("bfd", b)
	if dport == bfdEchoPort {
		p.printf("BFD, Echo, length: %d", length)
		if p.o.Verbose > 0 {
			p.unknownData(b, "\n\t", length)
		}
		return
	}
	r.need(0, bfdHeaderLen)
	vd, flags := r.u8(0), r.u8(1)
	ver, diag := vd>>5, vd&0x1f
	var state string
	var flagList []bitTok
	switch ver {
	case 0:
		flagList = bfdV0Flags
		state = "Control, Flags: [" + bitTokString(flagList, "none", uint32(flags)) + "]"
	case 1:
		flagList = bfdV1Flags
		state = sprintf("%s, State %s, Flags: [%s]",
			mapName(bfdPortNames, dport, sprintf("unknown (%d)", dport)),
			mapName(bfdStates, flags>>6, sprintf("unknown (%d)", flags>>6)),
			bitTokString(flagList, "none", uint32(flags&0x3f)))
	default:
		p.printf("BFDv%d, Control, length: %d", ver, length)
		if p.o.Verbose > 0 {
			p.unknownData(b, "\n\t", length)
		}
		return
	}
	if p.o.Verbose < 1 {
		p.printf("BFDv%d, %s, length: %d", ver, state, length)
		return
	}
	p.printf("BFDv%d, length: %d\n\t%s, Diagnostic: %s (0x%02x)", ver, length, state,
		mapName(bfdDiagnostics, diag, "unknown"), diag)
	mult, tx := uint32(r.u8(2)), r.be32(12)
	p.printf("\n\tDetection Timer Multiplier: %d (%d ms Detection time), BFD Length: %d", mult, mult*tx/1000, r.u8(3))
	p.printf("\n\tMy Discriminator: 0x%08x, Your Discriminator: 0x%08x", r.be32(4), r.be32(8))
	p.printf("\n\t  Desired min Tx Interval:    %4d ms", tx/1000)
	p.printf("\n\t  Required min Rx Interval:   %4d ms", r.be32(16)/1000)
	p.printf("\n\t  Required min Echo Interval: %4d ms", r.be32(20)/1000)
	if flags&bfdAuthPresent != 0 {
		p.bfdAuth(r.from(bfdHeaderLen))
	}
}

// bfdAuth prints the authentication section that follows the header.
func (p *Printer) bfdAuth(r reader) {
	r.need(0, 4)
	typ, l := r.u8(0), int(r.u8(1))
	p.printf("\n\tAuthentication: %s (%d), length: %d", mapName(bfdAuthTypes, typ, "Unknown"), typ, l)
	p.printf("\n\t  Auth Key ID: %d", r.u8(2))
	hash := func(field int, name string, n int) {
		if l != field {
			p.printf("[invalid length %d]", l)
			return
		}
		p.printf(", Sequence Number: 0x%08x", r.be32(4))
		h := r.bytes(8, n)
		p.printf("\n\t  %s: %x", name, h)
	}
	switch typ {
	case 1: // a password of 1 to 16 bytes after 3 bytes of header
		if l < 4 || l > 19 {
			p.printf("[invalid length %d]", l)
			return
		}
		p.print(", Password: ")
		if !p.printN(r.b[min(3, len(r.b)):], l-3) {
			endPacket()
		}
	case 2, 3:
		hash(24, "Digest", 16)
	case 4, 5:
		hash(28, "Hash", 20)
	}
}

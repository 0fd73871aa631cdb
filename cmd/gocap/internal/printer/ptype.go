package printer

import "strings"

// PacketType is a protocol tcpdump's -T flag forces the packets to be
// decoded as, whatever their ports say. The values are tcpdump's PT_*
// numbers; the zero value forces nothing.
type PacketType int

// The packet types -T accepts.
const (
	PacketDefault  PacketType = iota // no -T: decode by port
	PacketVAT                        // vat: Visual Audio Tool over UDP
	PacketWB                         // wb: distributed White Board over UDP
	PacketRPC                        // rpc: Sun RPC over UDP
	PacketRTP                        // rtp: RTP over UDP
	PacketRTCP                       // rtcp: RTCP over UDP
	PacketSNMP                       // snmp: SNMP over UDP
	PacketCNFP                       // cnfp: Cisco NetFlow over UDP
	PacketTFTP                       // tftp: TFTP over UDP
	PacketAODV                       // aodv: AODV over UDP
	PacketCARP                       // carp: CARP for IP protocol 112 (VRRP's)
	PacketRADIUS                     // radius: RADIUS over UDP
	PacketZMTP1                      // zmtp1: ZMTP/1.0 over TCP
	PacketVXLAN                      // vxlan: VXLAN over UDP
	PacketPGM                        // pgm: PGM over UDP
	PacketPGMZMTP1                   // pgm_zmtp1: ZMTP/1.0 inside PGM
	PacketLMP                        // lmp: LMP over UDP
	PacketRESP                       // resp: RESP (Redis) over TCP
	PacketPTP                        // ptp: PTP over UDP
	PacketSOMEIP                     // someip: SOME/IP over UDP
	PacketDomain                     // domain: DNS over UDP or TCP
)

// packetTypeNames are -T's names, in tcpdump's order.
var packetTypeNames = []string{
	PacketVAT: "vat", PacketWB: "wb", PacketRPC: "rpc", PacketRTP: "rtp",
	PacketRTCP: "rtcp", PacketSNMP: "snmp", PacketCNFP: "cnfp",
	PacketTFTP: "tftp", PacketAODV: "aodv", PacketCARP: "carp",
	PacketRADIUS: "radius", PacketZMTP1: "zmtp1", PacketVXLAN: "vxlan",
	PacketPGM: "pgm", PacketPGMZMTP1: "pgm_zmtp1", PacketLMP: "lmp",
	PacketRESP: "resp", PacketPTP: "ptp", PacketSOMEIP: "someip",
	PacketDomain: "domain",
}

// ParsePacketType returns the type -T names, compared without regard to
// case as tcpdump does; ok is false for a name tcpdump does not accept.
func ParsePacketType(name string) (t PacketType, ok bool) {
	for i, n := range packetTypeNames {
		if n != "" && strings.EqualFold(n, name) {
			return PacketType(i), true
		}
	}
	return PacketDefault, false
}

// String returns the type's -T name ("" for PacketDefault).
func (t PacketType) String() string {
	if t > 0 && int(t) < len(packetTypeNames) {
		return packetTypeNames[t]
	}
	return ""
}

// udpForced prints a UDP payload as -T says, where tcpdump's UDP printer
// looks at the packet type before any port (and prints no checksum).
// addrs prints the addresses and ports. It reports false when no type is
// set. A type tcpdump's UDP printer has no case for (zmtp1, resp, carp)
// prints nothing at all.
func (p *Printer) udpForced(b []byte, length int, h *ipHdr, addrs func()) bool {
	var f func()
	switch p.o.PacketType {
	case PacketDefault:
		return false
	case PacketRPC:
		// The RPC printers print the addresses themselves.
		p.rpcUDP(b, length, h)
		return true
	case PacketSNMP:
		f = func() { p.snmp(b, length) }
	case PacketCNFP:
		f = func() { p.cnfp(b) }
	case PacketSOMEIP:
		f = func() { p.someip(b, length) }
	case PacketWB:
		f = func() { p.wb(b, length) }
	case PacketVAT:
		f = func() { p.vat(b, length) }
	case PacketRTP:
		f = func() { p.rtp(b, length) }
	case PacketRTCP:
		f = func() {
			for off := 0; off < len(b); {
				off = p.rtcp(b, off)
			}
		}
	case PacketTFTP:
		f = func() { p.tftp(b, length) }
	case PacketAODV:
		f = func() { p.aodv(b, length, h.v6) }
	case PacketRADIUS:
		f = func() { p.radius(b, length) }
	case PacketVXLAN:
		f = func() { p.vxlan(b, length) }
	case PacketPGM, PacketPGMZMTP1:
		// The ZMTP/1.0 datagrams pgm_zmtp1 adds are decoded by pgm.go.
		f = func() { p.pgm(b, length, h) }
	case PacketLMP:
		f = func() { p.lmp(b, length) }
	case PacketPTP:
		f = func() { p.ptp(b, length) }
	case PacketDomain:
		f = func() { p.dns(b, length, false) }
	default:
		return true
	}
	addrs()
	f()
	return true
}

// tcpForced prints a TCP payload as -T says, where tcpdump's TCP printer
// looks at the packet type before any port. It reports false when no type
// is set; any type tcpdump's TCP printer has no case for prints nothing
// after the TCP header, as in tcpdump.
func (p *Printer) tcpForced(b []byte, length int) bool {
	switch p.o.PacketType {
	case PacketDefault:
		return false
	case PacketZMTP1:
		p.zmtp1(b, length)
	case PacketRESP:
		p.resp(b, length)
	case PacketDomain:
		p.dnsTCP(b, length)
	}
	return true
}

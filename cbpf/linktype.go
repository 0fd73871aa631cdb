package cbpf

// LinkType is a libpcap data link type (a DLT_ value), which says what
// header precedes the network layer in each packet.
type LinkType uint32

// The link types the code generator knows. Values are libpcap's DLT_
// numbers as seen on Linux.
const (
	LinkNull      LinkType = 0   // BSD loopback: 4-byte AF_ value in host byte order
	LinkEN10MB    LinkType = 1   // Ethernet
	LinkRaw       LinkType = 12  // raw IPv4 or IPv6
	LinkLoop      LinkType = 108 // OpenBSD loopback: 4-byte AF_ value in network byte order
	LinkLinuxSLL  LinkType = 113 // Linux cooked capture v1
	LinkIPv4      LinkType = 228 // raw IPv4
	LinkIPv6      LinkType = 229 // raw IPv6
	LinkLinuxSLL2 LinkType = 276 // Linux cooked capture v2
)

// Other link types with a header the code generator understands (see
// linkother.go for their layouts).
const (
	LinkIEEE802                LinkType = 6   // IEEE 802.5 token ring
	LinkARCNET                 LinkType = 7   // ARCNET with BSD header
	LinkSLIP                   LinkType = 8   // SLIP with a 16-byte BSD/OS pseudo-header
	LinkPPP                    LinkType = 9   // PPP with HDLC-like framing
	LinkFDDI                   LinkType = 10  // FDDI
	LinkATMRFC1483             LinkType = 11  // LLC-encapsulated ATM
	LinkSLIPBSDOS              LinkType = 15  // BSD/OS SLIP
	LinkPPPBSDOS               LinkType = 16  // BSD/OS PPP
	LinkATMCLIP                LinkType = 19  // Linux classical IP over ATM
	LinkPPPSerial              LinkType = 50  // PPP in HDLC-like framing (RFC 1662)
	LinkPPPEther               LinkType = 51  // PPPoE session payload
	LinkSymantecFirewall       LinkType = 99  // Symantec firewall
	LinkCHDLC                  LinkType = 104 // Cisco HDLC
	LinkFrelay                 LinkType = 107 // Frame Relay
	LinkEnc                    LinkType = 109 // OpenBSD enc(4)
	LinkLTalk                  LinkType = 114 // Apple LocalTalk
	LinkPFLog                  LinkType = 117 // OpenBSD pflog
	LinkIPOverFC               LinkType = 122 // RFC 2625 IP over Fibre Channel
	LinkSunATM                 LinkType = 123 // SunATM pseudo-header and ATM AAL
	LinkARCNETLinux            LinkType = 129 // ARCNET with Linux header
	LinkJuniperMFR             LinkType = 134 // Juniper FRF.16 Frame Relay
	LinkAppleIPOverIEEE1394    LinkType = 138 // Apple IP over IEEE 1394
	LinkMTP2WithPHDR           LinkType = 139 // SS7 MTP2 with pseudo-header
	LinkMTP2                   LinkType = 140 // SS7 MTP2
	LinkMTP3                   LinkType = 141 // SS7 MTP3
	LinkBACnetMSTP             LinkType = 165 // BACnet MS/TP
	LinkPPPPPPD                LinkType = 166 // PPP with a direction byte (pppd)
	LinkERF                    LinkType = 197 // Endace ERF
	LinkIPNet                  LinkType = 226 // Solaris ipnet
	LinkNetAnalyzer            LinkType = 240 // Ethernet after a netANALYZER pseudo-header
	LinkNetAnalyzerTransparent LinkType = 241 // same, with preamble and SFD
	LinkDSATagBRCM             LinkType = 281 // Ethernet with a Broadcom switch tag
	LinkDSATagDSA              LinkType = 284 // Ethernet with a Marvell DSA tag
)

// The 802.11 link types (see wlan.go and radio.go).
const (
	LinkIEEE80211         LinkType = 105 // IEEE 802.11
	LinkPrismHeader       LinkType = 119 // Prism or AVS radio header, then 802.11
	LinkIEEE80211Radio    LinkType = 127 // radiotap header, then 802.11
	LinkIEEE80211RadioAVS LinkType = 163 // AVS radio header, then 802.11
	LinkPPI               LinkType = 192 // Per-Packet Information header, then (usually) 802.11
)

// Further link types that gocap's commands name: Linux capture gives them
// to interfaces (cmd/gocap/internal/capture), or gocap's printer decodes
// them. Naming one here changes nothing in how a filter compiles for it.
const (
	LinkEN3MB           LinkType = 2   // 3 Mb/s experimental Ethernet
	LinkPronet          LinkType = 4   // Proteon ProNET token ring
	LinkChaos           LinkType = 5   // MIT Chaosnet
	LinkDOCSIS          LinkType = 143 // DOCSIS MAC frames
	LinkAX25KISS        LinkType = 202 // AX.25 with a KISS header
	LinkFC2             LinkType = 224 // Fibre Channel FC-2 frames
	LinkCANSocketCAN    LinkType = 227 // CAN frames with SocketCAN headers
	LinkIEEE802154NoFCS LinkType = 230 // IEEE 802.15.4 without the FCS
	LinkNFLOG           LinkType = 239 // Linux netfilter log messages
	LinkIPOIB           LinkType = 242 // RFC 4391 IP over InfiniBand
	LinkUSBLinux        LinkType = 189 // Linux usbmon, 48-byte header
	LinkBluetoothH4PHDR LinkType = 201 // Bluetooth HCI H4 with a direction pseudo-header
	LinkUSBLinuxMMapped LinkType = 220 // Linux usbmon, 64-byte header
	LinkPKTAP           LinkType = 258 // Apple's PKTAP header, then a packet of the link type it says
	LinkUser2           LinkType = 149 // DLT_USER2, which macOS used for PKTAP
	LinkHDLC            LinkType = 112 // Cisco HDLC (DLT_HDLC, which tcpdump prints as DLT_C_HDLC)
	LinkVSOCK           LinkType = 271 // Linux vsock monitor
	LinkMFR             LinkType = 182 // multilink Frame Relay (FRF.16)
	LinkIEEE802154      LinkType = 195 // IEEE 802.15.4 with the FCS
	LinkIEEE802154TAP   LinkType = 283 // IEEE 802.15.4 after a TAP pseudo-header
	LinkDSATagBRCMPrep  LinkType = 282 // Ethernet after a prepended Broadcom switch tag
	LinkDSATagEDSA      LinkType = 285 // Ethernet with a Marvell EDSA tag
	LinkJuniperMLPPP    LinkType = 130 // Juniper multilink PPP
	LinkJuniperMLFR     LinkType = 131 // Juniper multilink Frame Relay
	LinkJuniperES       LinkType = 132 // Juniper Encryption Services PIC
	LinkJuniperGGSN     LinkType = 133 // Juniper GGSN PIC
	LinkJuniperATM2     LinkType = 135 // Juniper ATM2 PIC
	LinkJuniperServices LinkType = 136 // Juniper Advanced Services PIC
	LinkJuniperATM1     LinkType = 137 // Juniper ATM1 PIC
	LinkJuniperMonitor  LinkType = 164 // Juniper Passive Monitor PIC
	LinkJuniperPPPoE    LinkType = 167 // Juniper PPPoE
	LinkJuniperPPPoEATM LinkType = 168 // Juniper PPPoE over ATM
	LinkJuniperEther    LinkType = 178 // Juniper Ethernet
	LinkJuniperPPP      LinkType = 179 // Juniper PPP
	LinkJuniperFrelay   LinkType = 180 // Juniper Frame Relay
	LinkJuniperCHDLC    LinkType = 181 // Juniper Cisco HDLC
)

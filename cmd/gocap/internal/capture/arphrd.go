package capture

import "github.com/gocap/gocap/cbpf"

// ARPHRD_ values (linux/if_arp.h) that libpcap maps to link types.
const (
	arphrdNetrom     = 0
	arphrdEther      = 1
	arphrdEEther     = 2
	arphrdAX25       = 3
	arphrdPronet     = 4
	arphrdChaos      = 5
	arphrdIEEE802    = 6
	arphrdARCnet     = 7
	arphrdDLCI       = 15
	arphrdATM        = 19
	arphrdMetricom   = 23
	arphrdCAN        = 280
	arphrdSLIP       = 256
	arphrdCSLIP      = 257
	arphrdSLIP6      = 258
	arphrdCSLIP6     = 259
	arphrdAdapt      = 264
	arphrdPPP        = 512
	arphrdCisco      = 513
	arphrdRawHDLC    = 518
	arphrdTunnel     = 768
	arphrdFRAD       = 770
	arphrdLoopback   = 772
	arphrdLocalTalk  = 773
	arphrdFDDI       = 774
	arphrdSIT        = 776
	arphrdIRDA       = 783
	arphrdFCPP       = 784
	arphrdFCAL       = 785
	arphrdFCPL       = 786
	arphrdFCFabric   = 787
	arphrdIEEE802TR  = 800
	arphrdIEEE80211  = 801
	arphrdPrism      = 802
	arphrdRadiotap   = 803
	arphrdIEEE802154 = 804
	arphrdNetlink    = 824
	arphrdVsockMon   = 826
	arphrdNone       = 0xfffe
	arphrdFC4338     = 18 // RFC 4338 IP over FC; Linux has no name for it
)

// dltForARPType is the link type libpcap captures with on an interface
// of the given ARPHRD_ type (pcap-linux.c's map_arphrd_to_dlt with
// cooked mode allowed), and whether it needs a cooked (SOCK_DGRAM)
// socket. Types libpcap does not know are captured in cooked mode as
// LINUX_SLL; so are PPP and ATM, whose headers vary.
func dltForARPType(t uint16) (lt cbpf.LinkType, cooked bool) {
	switch t {
	case arphrdEther, arphrdMetricom, arphrdLoopback:
		return cbpf.LinkEN10MB, false
	case arphrdEEther:
		return 2, false // EN3MB
	case arphrdAX25:
		return 202, false // AX25_KISS
	case arphrdPronet:
		return 4, false
	case arphrdChaos:
		return 5, false
	case arphrdCAN:
		return 227, false // CAN_SOCKETCAN
	case arphrdIEEE802TR, arphrdIEEE802:
		return cbpf.LinkIEEE802, false
	case arphrdARCnet:
		return cbpf.LinkARCNETLinux, false
	case arphrdFDDI:
		return cbpf.LinkFDDI, false
	case arphrdIEEE80211:
		return cbpf.LinkIEEE80211, false
	case arphrdPrism:
		return 119, false // PRISM_HEADER
	case arphrdRadiotap:
		return 127, false // IEEE802_11_RADIO
	case arphrdCisco:
		return cbpf.LinkCHDLC, false
	case arphrdTunnel, arphrdSIT, arphrdCSLIP, arphrdSLIP6, arphrdCSLIP6,
		arphrdAdapt, arphrdSLIP, arphrdRawHDLC, arphrdDLCI, arphrdNone:
		return cbpf.LinkRaw, false
	case arphrdFRAD:
		return cbpf.LinkFrelay, false
	case arphrdLocalTalk:
		return cbpf.LinkLTalk, false
	case arphrdFC4338:
		return cbpf.LinkIPOverFC, false
	case arphrdFCPP, arphrdFCAL, arphrdFCPL, arphrdFCFabric:
		return 224, false // FC_2
	case arphrdIEEE802154:
		return 230, false // IEEE802_15_4_NOFCS
	case arphrdVsockMon:
		return 271, false // VSOCK
	}
	// PPP, ATM, IrDA, netlink and unknown types: cooked.
	return cbpf.LinkLinuxSLL, true
}

// linkDOCSIS is DLT_DOCSIS, the second link type libpcap offers on an
// Ethernet interface.
const linkDOCSIS cbpf.LinkType = 143

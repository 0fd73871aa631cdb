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

// arphrdLinkTypes is the link type libpcap captures with on an interface
// of each ARPHRD_ type it maps (pcap-linux.c's map_arphrd_to_dlt with
// cooked mode allowed), on a raw (SOCK_RAW) socket.
var arphrdLinkTypes = map[uint16]cbpf.LinkType{
	arphrdEther:      cbpf.LinkEN10MB,
	arphrdMetricom:   cbpf.LinkEN10MB,
	arphrdLoopback:   cbpf.LinkEN10MB,
	arphrdEEther:     cbpf.LinkEN3MB,
	arphrdAX25:       cbpf.LinkAX25KISS,
	arphrdPronet:     cbpf.LinkPronet,
	arphrdChaos:      cbpf.LinkChaos,
	arphrdCAN:        cbpf.LinkCANSocketCAN,
	arphrdIEEE802TR:  cbpf.LinkIEEE802,
	arphrdIEEE802:    cbpf.LinkIEEE802,
	arphrdARCnet:     cbpf.LinkARCNETLinux,
	arphrdFDDI:       cbpf.LinkFDDI,
	arphrdIEEE80211:  cbpf.LinkIEEE80211,
	arphrdPrism:      cbpf.LinkPrismHeader,
	arphrdRadiotap:   cbpf.LinkIEEE80211Radio,
	arphrdCisco:      cbpf.LinkCHDLC,
	arphrdTunnel:     cbpf.LinkRaw,
	arphrdSIT:        cbpf.LinkRaw,
	arphrdCSLIP:      cbpf.LinkRaw,
	arphrdSLIP6:      cbpf.LinkRaw,
	arphrdCSLIP6:     cbpf.LinkRaw,
	arphrdAdapt:      cbpf.LinkRaw,
	arphrdSLIP:       cbpf.LinkRaw,
	arphrdRawHDLC:    cbpf.LinkRaw,
	arphrdDLCI:       cbpf.LinkRaw,
	arphrdNone:       cbpf.LinkRaw,
	arphrdFRAD:       cbpf.LinkFrelay,
	arphrdLocalTalk:  cbpf.LinkLTalk,
	arphrdFC4338:     cbpf.LinkIPOverFC,
	arphrdFCPP:       cbpf.LinkFC2,
	arphrdFCAL:       cbpf.LinkFC2,
	arphrdFCPL:       cbpf.LinkFC2,
	arphrdFCFabric:   cbpf.LinkFC2,
	arphrdIEEE802154: cbpf.LinkIEEE802154NoFCS,
	arphrdVsockMon:   cbpf.LinkVSOCK,
}

// linkTypeForARPType is the link type libpcap captures with on an
// interface of the given ARPHRD_ type, and whether it needs a cooked
// (SOCK_DGRAM) socket. Types arphrdLinkTypes lacks are captured in cooked
// mode as LINUX_SLL: PPP and ATM, whose headers vary, IrDA, netlink and
// the types libpcap does not know.
func linkTypeForARPType(t uint16) (lt cbpf.LinkType, cooked bool) {
	if lt, ok := arphrdLinkTypes[t]; ok {
		return lt, false
	}
	return cbpf.LinkLinuxSLL, true
}

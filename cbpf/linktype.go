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

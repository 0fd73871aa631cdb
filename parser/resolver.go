package parser

import "net/netip"

// Resolver looks up the names a filter may use. The code generator asks it;
// a nil Resolver means DefaultResolver. Implementations must be safe for
// concurrent use if shared between compilations.
type Resolver interface {
	// LookupHost returns the addresses of a host name in the order the
	// system resolver (or hosts file) gives them. An unknown name returns
	// no addresses and a nil error.
	LookupHost(name string) ([]netip.Addr, error)
	// LookupEther returns the MAC-48 address of a name from ethers(5).
	LookupEther(name string) ([6]byte, bool)
	// LookupNetwork returns the network number of a name from
	// networks(5), in host order, unshifted (e.g. 10 for "10").
	LookupNetwork(name string) (uint32, bool)
	// LookupService returns the port number of a service name for the
	// transport protocol "tcp", "udp" or "sctp".
	LookupService(name, proto string) (int, bool)
	// LookupProtocol returns the IP protocol number of a name from
	// protocols(5).
	LookupProtocol(name string) (int, bool)
}

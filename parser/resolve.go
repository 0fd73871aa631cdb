package parser

import (
	"io"
	"net/netip"
	"sync"
	"time"

	"github.com/gocap/gocap/internal/names"
)

// The parser reads no files and asks no name server itself: the name
// databases, their syntax and the system resolver live in internal/names.
// This file gives them the parser's API.

// StaticResolver answers from names added to it, or loaded from hosts(5),
// ethers(5) and networks(5) text, and passes other names to its fallback
// (nil means not found). Names are matched ignoring case and a trailing
// dot. It is safe for concurrent use.
type StaticResolver struct {
	mu       sync.RWMutex
	t        names.Table
	fallback Resolver
}

// NewStaticResolver returns an empty StaticResolver that passes unknown
// names to fallback, which may be nil.
func NewStaticResolver(fallback Resolver) *StaticResolver {
	return &StaticResolver{fallback: fallback}
}

// AddHost appends an address for name; LookupHost returns the addresses of
// a name in the order they were added.
func (r *StaticResolver) AddHost(name string, addr netip.Addr) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.t.AddHost(name, addr)
}

// AddEther sets the MAC-48 address of name, replacing any earlier one.
func (r *StaticResolver) AddEther(name string, mac [6]byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.t.AddEther(name, mac)
}

// AddNetwork sets the network number of name (host order, unshifted, as
// networks(5) and LookupNetwork give it).
func (r *StaticResolver) AddNetwork(name string, n uint32) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.t.AddNetwork(name, n)
}

// LoadHosts adds the entries of hosts(5) text: an address, then names.
// Lines that do not parse are ignored; the error is from reading.
func (r *StaticResolver) LoadHosts(rd io.Reader) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.t.LoadHosts(rd)
}

// LoadEthers adds the entries of ethers(5) text: a MAC address, then a
// name. The first entry for a name wins, as with ether_hostton(3).
func (r *StaticResolver) LoadEthers(rd io.Reader) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.t.LoadEthers(rd)
}

// LoadNetworks adds the entries of networks(5) text: a name, a network
// number and aliases. Lines with the number first are accepted too.
func (r *StaticResolver) LoadNetworks(rd io.Reader) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.t.LoadNetworks(rd)
}

// LookupHost implements Resolver.
func (r *StaticResolver) LookupHost(name string) ([]netip.Addr, error) {
	r.mu.RLock()
	addrs := r.t.Hosts(name)
	r.mu.RUnlock()
	if len(addrs) > 0 || r.fallback == nil {
		return addrs, nil
	}
	return r.fallback.LookupHost(name)
}

// LookupEther implements Resolver.
func (r *StaticResolver) LookupEther(name string) ([6]byte, bool) {
	return lookupStatic(r, func(t *names.Table) ([6]byte, bool) { return t.Ether(name) },
		func(fb Resolver) ([6]byte, bool) { return fb.LookupEther(name) })
}

// LookupNetwork implements Resolver.
func (r *StaticResolver) LookupNetwork(name string) (uint32, bool) {
	return lookupStatic(r, func(t *names.Table) (uint32, bool) { return t.Network(name) },
		func(fb Resolver) (uint32, bool) { return fb.LookupNetwork(name) })
}

// lookupStatic answers from r's own names (own), or else from its
// fallback (fb), if it has one.
func lookupStatic[T any](r *StaticResolver, own func(*names.Table) (T, bool), fb func(Resolver) (T, bool)) (T, bool) {
	r.mu.RLock()
	v, ok := own(&r.t)
	r.mu.RUnlock()
	if ok || r.fallback == nil {
		return v, ok
	}
	return fb(r.fallback)
}

// LookupService implements Resolver; StaticResolver holds no services of
// its own and asks the fallback.
func (r *StaticResolver) LookupService(name, proto string) (int, bool) {
	if r.fallback == nil {
		return 0, false
	}
	return r.fallback.LookupService(name, proto)
}

// LookupProtocol implements Resolver; StaticResolver holds no protocols of
// its own and asks the fallback.
func (r *StaticResolver) LookupProtocol(name string) (int, bool) {
	if r.fallback == nil {
		return 0, false
	}
	return r.fallback.LookupProtocol(name)
}

// DefaultDNSTimeout bounds each DNS query DefaultResolver makes for a host
// name that is not in /etc/hosts. NewSystemResolver takes another bound.
const DefaultDNSTimeout = names.DefaultDNSTimeout

var defaultResolver Resolver = names.NewSystem(DefaultDNSTimeout)

// NewSystemResolver returns a resolver that works as DefaultResolver does
// but bounds each DNS query by dnsTimeout (0 or less means
// DefaultDNSTimeout). It reads the system's files on its first lookup, so
// make one and keep it rather than one per compilation.
func NewSystemResolver(dnsTimeout time.Duration) Resolver {
	return names.NewSystem(dnsTimeout)
}

// DefaultResolver returns the resolver used when none is given. It reads
// /etc/hosts, /etc/ethers, /etc/networks, /etc/services and
// /etc/protocols (once, on first use); service and protocol names missing
// there come from a built-in copy of the IANA assignments, so common names
// such as "domain", "http" or "tcp" resolve on any machine. Host names not
// in /etc/hosts are looked up with the Go resolver (DNS), each query
// bounded by DefaultDNSTimeout, except names under the reserved ".invalid"
// domain, which never resolve. The rules each file is read with are in
// internal/names's package doc.
func DefaultResolver() Resolver { return defaultResolver }

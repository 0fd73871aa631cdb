package names

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// DefaultDNSTimeout bounds each DNS query a System makes when it is given
// no other bound.
const DefaultDNSTimeout = 5 * time.Second

// System is the system resolver for filters: it reads /etc/hosts,
// /etc/ethers, /etc/networks, /etc/services and /etc/protocols into a
// Table once, on its first lookup; service and protocol names missing
// there come from the built-in tables (services_table.go), and host names
// missing from /etc/hosts are looked up with Go's resolver (DNS), except
// names under the reserved ".invalid" domain, which never resolve. It is
// safe for concurrent use.
type System struct {
	once       sync.Once
	t          Table
	dnsTimeout time.Duration // bounds each DNS query
}

// NewSystem returns a System whose DNS queries are each bounded by
// dnsTimeout (0 or less means DefaultDNSTimeout).
func NewSystem(dnsTimeout time.Duration) *System {
	if dnsTimeout <= 0 {
		dnsTimeout = DefaultDNSTimeout
	}
	return &System{dnsTimeout: dnsTimeout}
}

func (r *System) init() {
	r.once.Do(func() {
		// A file that cannot be read gives no names; a read error
		// leaves the entries read before it.
		_ = ReadFile(HostsFile, r.t.LoadHosts)
		_ = ReadFile(EthersFile, r.t.LoadEthers)
		_ = ReadFile(NetworksFile, r.t.LoadNetworks)
		_ = ReadFile(ServicesFile, r.t.LoadServices)
		_ = ReadFile(ProtocolsFile, r.t.LoadProtocols)
	})
}

// LookupHost implements parser.Resolver's method: /etc/hosts, then DNS.
func (r *System) LookupHost(name string) ([]netip.Addr, error) {
	r.init()
	if addrs := r.t.Hosts(name); len(addrs) > 0 {
		return addrs, nil
	}
	n := normalize(name)
	if n == "" || n == "invalid" || strings.HasSuffix(n, ".invalid") {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.dnsTimeout)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", name)
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	for i, a := range addrs {
		addrs[i] = a.Unmap().WithZone("")
	}
	return addrs, nil
}

// LookupEther implements parser.Resolver's method: /etc/ethers.
func (r *System) LookupEther(name string) ([6]byte, bool) {
	r.init()
	return r.t.Ether(name)
}

// LookupNetwork implements parser.Resolver's method: /etc/networks.
func (r *System) LookupNetwork(name string) (uint32, bool) {
	r.init()
	return r.t.Network(name)
}

// LookupService implements parser.Resolver's method: /etc/services, then the built-in
// table.
func (r *System) LookupService(name, proto string) (int, bool) {
	r.init()
	if n, ok := r.t.Service(name, proto); ok {
		return n, true
	}
	return builtinServicePort(normalize(name), proto)
}

// LookupProtocol implements parser.Resolver's method: /etc/protocols, then the built-in
// table.
func (r *System) LookupProtocol(name string) (int, bool) {
	r.init()
	if n, ok := r.t.Protocol(name); ok {
		return n, true
	}
	return builtinProtocolNumber(normalize(name))
}

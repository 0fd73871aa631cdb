package names

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Reverse answers reverse lookups, value to name, as tcpdump prints names
// without -n: TCP and UDP ports from services(5) text, Ethernet addresses
// from ethers(5) text and IP addresses from hosts(5) text, with the rules
// the package doc calls reverse (glibc's, through tcpdump's tables). A
// Reverse is not safe for concurrent use while it is being loaded.
type Reverse struct {
	tcp, udp map[uint16]string
	ethers   map[[6]byte]string
	hosts    map[netip.Addr][]string
}

// NewReverse returns an empty Reverse.
func NewReverse() *Reverse {
	return &Reverse{
		tcp:    map[uint16]string{},
		udp:    map[uint16]string{},
		ethers: map[[6]byte]string{},
		hosts:  map[netip.Addr][]string{},
	}
}

// LoadServices adds the entries of services(5) text, "name port/proto
// [aliases]", for the protocols "tcp" and "udp" (exactly so). As in
// tcpdump's port tables, the first name listed for a port and protocol is
// the one kept; aliases are not used.
func (t *Reverse) LoadServices(r io.Reader) error {
	return eachEntry(r, func(w []string) {
		num, proto, ok := strings.Cut(w[1], "/")
		if !ok {
			return
		}
		port, err := strconv.ParseUint(num, 10, 16)
		if err != nil {
			return
		}
		var m map[uint16]string
		switch proto {
		case "tcp":
			m = t.tcp
		case "udp":
			m = t.udp
		default:
			return
		}
		if _, dup := m[uint16(port)]; !dup {
			m[uint16(port)] = w[0]
		}
	})
}

// LoadEthers adds the entries of ethers(5) text, "xx:xx:xx:xx:xx:xx name";
// the first line for an address wins, as ether_ntohost(3) answers.
func (t *Reverse) LoadEthers(r io.Reader) error {
	return eachEntry(r, func(w []string) {
		a, ok := parseColonMAC(w[0])
		if !ok {
			return
		}
		if _, dup := t.ethers[a]; !dup {
			t.ethers[a] = w[1]
		}
	})
}

// LoadHosts adds the entries of hosts(5) text, "address name [aliases]"
// (any zone dropped); the first line for an address gives its names, as
// the C library's files source answers gethostbyaddr(3).
func (t *Reverse) LoadHosts(r io.Reader) error {
	return eachEntry(r, func(w []string) {
		a, err := netip.ParseAddr(w[0])
		if err != nil {
			return
		}
		a = a.WithZone("")
		if _, dup := t.hosts[a]; !dup {
			t.hosts[a] = w[1:]
		}
	})
}

// TCPPort returns the service name of a TCP port.
func (t *Reverse) TCPPort(port uint16) (string, bool) {
	s, ok := t.tcp[port]
	return s, ok
}

// UDPPort returns the service name of a UDP port.
func (t *Reverse) UDPPort(port uint16) (string, bool) {
	s, ok := t.udp[port]
	return s, ok
}

// Ether returns the name of an Ethernet address.
func (t *Reverse) Ether(a [6]byte) (string, bool) {
	s, ok := t.ethers[a]
	return s, ok
}

// Host returns the names of an IP address, the first being its name and
// the rest its aliases.
func (t *Reverse) Host(a netip.Addr) ([]string, bool) {
	names, ok := t.hosts[a]
	return names, ok
}

// HostsResolver answers reverse lookups from a hosts file only (no DNS):
// the names of the file's first line for an address, as the C library's
// "files" source answers gethostbyaddr.
type HostsResolver struct {
	t *Reverse
}

// NewHostsResolver reads a hosts file ("address name [aliases]" lines); a
// file that cannot be read is an error.
func NewHostsResolver(path string) (*HostsResolver, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := &HostsResolver{t: NewReverse()}
	return h, h.t.LoadHosts(f)
}

// errNoName is HostsResolver's answer for an address it has no name for.
var errNoName = errors.New("no name for the address")

// LookupAddr returns the hosts file's names for addr, given as text; an
// address without a name is a *net.DNSError whose IsNotFound is set.
func (h *HostsResolver) LookupAddr(_ context.Context, addr string) ([]string, error) {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return nil, err
	}
	if h.t != nil {
		if names, ok := h.t.Host(a); ok {
			return names, nil
		}
	}
	return nil, &net.DNSError{Err: errNoName.Error(), Name: addr, IsNotFound: true}
}

// Bounds on ReverseResolver's cost.
const (
	// lookupTimeout bounds one reverse lookup, DNS retries included.
	lookupTimeout = 2 * time.Second
	// maxSlowLookups is the number of lookups allowed to run into
	// lookupTimeout before DNS is no longer asked.
	maxSlowLookups = 3
)

// ReverseResolver resolves addresses to host names as the system would,
// with Go's resolver (the hosts file, then DNS, as /etc/nsswitch.conf
// orders them). Unlike the C library's gethostbyaddr, which tcpdump waits
// on for as long as the resolver's timeouts allow, each lookup gives up
// after two seconds, and once three lookups have timed out DNS is no
// longer asked: later addresses are answered from /etc/hosts only, so a
// capture read with an unreachable name server costs at most about six
// seconds more than with -n. It is safe for concurrent use.
type ReverseResolver struct {
	lookup    func(ctx context.Context, addr string) ([]string, error)
	timeout   time.Duration
	hostsPath string

	slow  atomic.Int32
	once  sync.Once
	hosts *HostsResolver
}

// NewReverseResolver returns a ReverseResolver.
func NewReverseResolver() *ReverseResolver {
	return &ReverseResolver{lookup: net.DefaultResolver.LookupAddr, timeout: lookupTimeout, hostsPath: HostsFile}
}

// LookupAddr returns the names for addr, given as text.
func (r *ReverseResolver) LookupAddr(ctx context.Context, addr string) ([]string, error) {
	if r.slow.Load() >= maxSlowLookups {
		r.once.Do(func() {
			h, err := NewHostsResolver(r.hostsPath)
			if err != nil {
				h = &HostsResolver{}
			}
			r.hosts = h
		})
		return r.hosts.LookupAddr(ctx, addr)
	}
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	names, err := r.lookup(ctx, addr)
	var dnsErr *net.DNSError
	if err != nil && (ctx.Err() != nil || errors.As(err, &dnsErr) && dnsErr.IsTimeout) {
		r.slow.Add(1)
		return nil, fmt.Errorf("looking up %s: %w", addr, err)
	}
	return names, err
}

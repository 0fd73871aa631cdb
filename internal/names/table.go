package names

import (
	"io"
	"net/netip"
	"strconv"
	"strings"
)

// Table answers forward lookups, name to value, for filter expressions,
// from entries added to it or loaded from hosts(5), ethers(5),
// networks(5), services(5) and protocols(5) text with the rules the
// package doc calls forward. Names match ignoring case and a trailing
// dot. The zero Table is empty and ready to use; a Table is not safe for
// concurrent use while it is being added to.
type Table struct {
	hosts    []hostEntry
	ethers   map[string][6]byte
	networks map[string]uint32
	services map[string]int // key: name + "/" + proto
	protos   map[string]int
}

// hostEntry is one address of a hosts(5) name.
type hostEntry struct {
	name string // normalized
	addr netip.Addr
}

// normalize returns a name as Table stores and matches it: in lower case,
// without a trailing dot.
func normalize(name string) string {
	return strings.ToLower(strings.TrimSuffix(name, "."))
}

// AddHost appends an address for name; Hosts returns the addresses of a
// name in the order they were added or loaded.
func (t *Table) AddHost(name string, addr netip.Addr) {
	t.hosts = append(t.hosts, hostEntry{normalize(name), addr})
}

// AddEther sets the MAC-48 address of name, replacing any earlier one.
func (t *Table) AddEther(name string, mac [6]byte) {
	if t.ethers == nil {
		t.ethers = map[string][6]byte{}
	}
	t.ethers[normalize(name)] = mac
}

// AddNetwork sets the network number of name (host order, unshifted, as
// networks(5) writes it), replacing any earlier one.
func (t *Table) AddNetwork(name string, n uint32) {
	if t.networks == nil {
		t.networks = map[string]uint32{}
	}
	t.networks[normalize(name)] = n
}

// LoadHosts adds the entries of hosts(5) text: an IPv4 or IPv6 address
// (any zone dropped), then names. Every line for a name adds an address.
// Lines that do not parse are skipped; the error is from reading.
func (t *Table) LoadHosts(r io.Reader) error {
	return eachEntry(r, func(w []string) {
		a, err := netip.ParseAddr(w[0])
		if err != nil {
			return
		}
		a = a.WithZone("")
		for _, name := range w[1:] {
			t.AddHost(name, a)
		}
	})
}

// LoadEthers adds the entries of ethers(5) text: a MAC address in any
// spelling ParseMAC reads, then a name. The first entry for a name wins,
// as with ether_hostton(3).
func (t *Table) LoadEthers(r io.Reader) error {
	if t.ethers == nil {
		t.ethers = map[string][6]byte{}
	}
	return eachEntry(r, func(w []string) {
		mac, ok := ParseMAC(w[0])
		if !ok {
			return
		}
		addFirst(t.ethers, normalize(w[1]), mac)
	})
}

// LoadNetworks adds the entries of networks(5) text: a name, a network
// number (as inet_network(3) reads it) and aliases. Lines with the number
// first are accepted too. The first entry for a name wins.
func (t *Table) LoadNetworks(r io.Reader) error {
	if t.networks == nil {
		t.networks = map[string]uint32{}
	}
	return eachEntry(r, func(w []string) {
		// networks(5) puts the name first; some systems (and the
		// libpcap fixtures for them) put the number first.
		names := nameAndAliases(w)
		n, ok := parseNetNumber(w[1])
		if !ok {
			if n, ok = parseNetNumber(w[0]); !ok {
				return
			}
			names = w[1:]
		}
		for _, name := range names {
			addFirst(t.networks, normalize(name), n)
		}
	})
}

// LoadServices adds the entries of services(5) text: a name, "port/proto"
// and aliases, for any transport protocol. The first entry for a name and
// protocol wins.
func (t *Table) LoadServices(r io.Reader) error {
	if t.services == nil {
		t.services = map[string]int{}
	}
	return eachEntry(r, func(w []string) {
		port, proto, ok := strings.Cut(w[1], "/")
		if !ok {
			return
		}
		n, err := strconv.Atoi(port)
		if err != nil || n < 0 || n > 65535 {
			return
		}
		for _, name := range nameAndAliases(w) {
			addFirst(t.services, serviceKey(name, proto), n)
		}
	})
}

// LoadProtocols adds the entries of protocols(5) text: a name, a number
// from 0 to 255 and aliases. The first entry for a name wins.
func (t *Table) LoadProtocols(r io.Reader) error {
	if t.protos == nil {
		t.protos = map[string]int{}
	}
	return eachEntry(r, func(w []string) {
		n, err := strconv.Atoi(w[1])
		if err != nil || n < 0 || n > 255 {
			return
		}
		for _, name := range nameAndAliases(w) {
			addFirst(t.protos, normalize(name), n)
		}
	})
}

// addFirst sets m[key] unless it is set.
func addFirst[V any](m map[string]V, key string, v V) {
	if _, dup := m[key]; !dup {
		m[key] = v
	}
}

func serviceKey(name, proto string) string {
	return normalize(name) + "/" + strings.ToLower(proto)
}

// Hosts returns the addresses of a host name, in the order they were added
// or loaded; none if the name is unknown.
func (t *Table) Hosts(name string) []netip.Addr {
	name = normalize(name)
	var out []netip.Addr
	for _, e := range t.hosts {
		if e.name == name {
			out = append(out, e.addr)
		}
	}
	return out
}

// Ether returns the MAC-48 address of a name.
func (t *Table) Ether(name string) ([6]byte, bool) {
	mac, ok := t.ethers[normalize(name)]
	return mac, ok
}

// Network returns the network number of a name.
func (t *Table) Network(name string) (uint32, bool) {
	n, ok := t.networks[normalize(name)]
	return n, ok
}

// Service returns the port of a service name for a transport protocol
// ("tcp", "udp", "sctp"; case is ignored).
func (t *Table) Service(name, proto string) (int, bool) {
	n, ok := t.services[serviceKey(name, proto)]
	return n, ok
}

// Protocol returns the IP protocol number of a name.
func (t *Table) Protocol(name string) (int, bool) {
	n, ok := t.protos[normalize(name)]
	return n, ok
}

// parseNetNumber reads a network number as inet_network(3) does: one to
// four dotted parts, each decimal, octal (leading 0) or hex (0x), combined
// a byte at a time.
func parseNetNumber(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return 0, false
	}
	var n uint32
	for _, p := range parts {
		v, err := strconv.ParseUint(p, 0, 32)
		if err != nil || v > 255 {
			return 0, false
		}
		n = n<<8 | uint32(v)
	}
	return n, true
}

package parser

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

type builtinService struct {
	name   string
	port   int
	protos string // letters: t tcp, u udp, s sctp
}

type builtinProtocol struct {
	name   string
	number int
}

// hostEntry is one address of a hosts(5) name.
type hostEntry struct {
	name string // lower case
	addr netip.Addr
}

// tables holds names read from hosts(5), ethers(5), networks(5),
// services(5) and protocols(5) text. Names are stored in lower case.
type tables struct {
	hosts    []hostEntry
	ethers   map[string][6]byte
	networks map[string]uint32
	services map[string]int // key: name + "/" + proto
	protos   map[string]int
}

func normName(name string) string {
	return strings.ToLower(strings.TrimSuffix(name, "."))
}

// fields returns the words of a line with any '#' comment removed.
func fields(line string) []string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.Fields(line)
}

func readLines(r io.Reader, f func([]string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if w := fields(sc.Text()); len(w) > 0 {
			f(w)
		}
	}
	return sc.Err()
}

func (t *tables) loadHosts(r io.Reader) error {
	return readLines(r, func(w []string) {
		if len(w) < 2 {
			return
		}
		a, err := netip.ParseAddr(w[0])
		if err != nil {
			return
		}
		a = a.WithZone("")
		for _, name := range w[1:] {
			t.hosts = append(t.hosts, hostEntry{normName(name), a})
		}
	})
}

func (t *tables) loadEthers(r io.Reader) error {
	if t.ethers == nil {
		t.ethers = map[string][6]byte{}
	}
	return readLines(r, func(w []string) {
		if len(w) < 2 {
			return
		}
		mac, ok := parseMAC(w[0])
		if !ok {
			return
		}
		if _, dup := t.ethers[normName(w[1])]; !dup {
			t.ethers[normName(w[1])] = mac
		}
	})
}

func (t *tables) loadNetworks(r io.Reader) error {
	if t.networks == nil {
		t.networks = map[string]uint32{}
	}
	return readLines(r, func(w []string) {
		if len(w) < 2 {
			return
		}
		// networks(5) puts the name first; some systems (and the
		// libpcap fixtures for them) put the number first.
		names, num := append([]string{w[0]}, w[2:]...), w[1]
		n, ok := parseNetNumber(num)
		if !ok {
			if n, ok = parseNetNumber(w[0]); !ok {
				return
			}
			names = w[1:]
		}
		for _, name := range names {
			if _, dup := t.networks[normName(name)]; !dup {
				t.networks[normName(name)] = n
			}
		}
	})
}

func (t *tables) loadServices(r io.Reader) error {
	if t.services == nil {
		t.services = map[string]int{}
	}
	return readLines(r, func(w []string) {
		if len(w) < 2 {
			return
		}
		port, proto, ok := strings.Cut(w[1], "/")
		if !ok {
			return
		}
		n, err := strconv.Atoi(port)
		if err != nil || n < 0 || n > 65535 {
			return
		}
		for _, name := range append([]string{w[0]}, w[2:]...) {
			key := normName(name) + "/" + strings.ToLower(proto)
			if _, dup := t.services[key]; !dup {
				t.services[key] = n
			}
		}
	})
}

func (t *tables) loadProtocols(r io.Reader) error {
	if t.protos == nil {
		t.protos = map[string]int{}
	}
	return readLines(r, func(w []string) {
		if len(w) < 2 {
			return
		}
		n, err := strconv.Atoi(w[1])
		if err != nil || n < 0 || n > 255 {
			return
		}
		for _, name := range append([]string{w[0]}, w[2:]...) {
			if _, dup := t.protos[normName(name)]; !dup {
				t.protos[normName(name)] = n
			}
		}
	})
}

func (t *tables) lookupHost(name string) []netip.Addr {
	name = normName(name)
	var out []netip.Addr
	for _, e := range t.hosts {
		if e.name == name {
			out = append(out, e.addr)
		}
	}
	return out
}

// parseMAC reads a MAC-48 address written as six groups of 1 or 2 hex
// digits separated by ':', '-' or '.', as three groups of 4 hex digits
// separated by '.', or as 12 hex digits.
func parseMAC(s string) ([6]byte, bool) {
	var mac [6]byte
	if matchMAC(s, 0) != len(s) || len(s) == 0 {
		return mac, false
	}
	var digits []byte
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '-' || r == '.' })
	switch len(groups) {
	case 6:
		for _, g := range groups {
			if len(g) == 1 {
				g = "0" + g
			}
			digits = append(digits, g...)
		}
	default:
		digits = []byte(strings.Join(groups, ""))
	}
	if len(digits) != 12 {
		return mac, false
	}
	for i := range mac {
		v, err := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		if err != nil {
			return mac, false
		}
		mac[i] = byte(v)
	}
	return mac, true
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

// StaticResolver answers from names added to it, or loaded from hosts(5),
// ethers(5) and networks(5) text, and passes other names to its fallback
// (nil means not found). Names are matched ignoring case and a trailing
// dot. It is safe for concurrent use.
type StaticResolver struct {
	mu       sync.RWMutex
	t        tables
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
	r.t.hosts = append(r.t.hosts, hostEntry{normName(name), addr})
}

// AddEther sets the MAC-48 address of name, replacing any earlier one.
func (r *StaticResolver) AddEther(name string, mac [6]byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.t.ethers == nil {
		r.t.ethers = map[string][6]byte{}
	}
	r.t.ethers[normName(name)] = mac
}

// AddNetwork sets the network number of name (host order, unshifted, as
// networks(5) and LookupNetwork give it).
func (r *StaticResolver) AddNetwork(name string, n uint32) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.t.networks == nil {
		r.t.networks = map[string]uint32{}
	}
	r.t.networks[normName(name)] = n
}

// LoadHosts adds the entries of hosts(5) text: an address, then names.
// Lines that do not parse are ignored; the error is from reading.
func (r *StaticResolver) LoadHosts(rd io.Reader) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.t.loadHosts(rd)
}

// LoadEthers adds the entries of ethers(5) text: a MAC address, then a
// name. The first entry for a name wins, as with ether_hostton(3).
func (r *StaticResolver) LoadEthers(rd io.Reader) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.t.loadEthers(rd)
}

// LoadNetworks adds the entries of networks(5) text: a name, a network
// number and aliases. Lines with the number first are accepted too.
func (r *StaticResolver) LoadNetworks(rd io.Reader) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.t.loadNetworks(rd)
}

// LookupHost implements Resolver.
func (r *StaticResolver) LookupHost(name string) ([]netip.Addr, error) {
	r.mu.RLock()
	addrs := r.t.lookupHost(name)
	r.mu.RUnlock()
	if len(addrs) > 0 || r.fallback == nil {
		return addrs, nil
	}
	return r.fallback.LookupHost(name)
}

// LookupEther implements Resolver.
func (r *StaticResolver) LookupEther(name string) ([6]byte, bool) {
	r.mu.RLock()
	mac, ok := r.t.ethers[normName(name)]
	r.mu.RUnlock()
	if ok || r.fallback == nil {
		return mac, ok
	}
	return r.fallback.LookupEther(name)
}

// LookupNetwork implements Resolver.
func (r *StaticResolver) LookupNetwork(name string) (uint32, bool) {
	r.mu.RLock()
	n, ok := r.t.networks[normName(name)]
	r.mu.RUnlock()
	if ok || r.fallback == nil {
		return n, ok
	}
	return r.fallback.LookupNetwork(name)
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

// systemResolver reads the system's files once, falls back to built-in
// service and protocol tables, and to DNS for host names.
type systemResolver struct {
	once       sync.Once
	t          tables
	dnsTimeout time.Duration // bounds each DNS query
}

var defaultResolver = &systemResolver{dnsTimeout: DefaultDNSTimeout}

// DefaultDNSTimeout bounds each DNS query DefaultResolver makes for a host
// name that is not in /etc/hosts. NewSystemResolver takes another bound.
const DefaultDNSTimeout = 5 * time.Second

// NewSystemResolver returns a resolver that works as DefaultResolver does
// but bounds each DNS query by dnsTimeout (0 or less means
// DefaultDNSTimeout). It reads the system's files on its first lookup, so
// make one and keep it rather than one per compilation.
func NewSystemResolver(dnsTimeout time.Duration) Resolver {
	if dnsTimeout <= 0 {
		dnsTimeout = DefaultDNSTimeout
	}
	return &systemResolver{dnsTimeout: dnsTimeout}
}

// DefaultResolver returns the resolver used when none is given. It reads
// /etc/hosts, /etc/ethers, /etc/networks, /etc/services and
// /etc/protocols (once, on first use); service and protocol names missing
// there come from a built-in copy of the IANA assignments, so common names
// such as "domain", "http" or "tcp" resolve on any machine. Host names not
// in /etc/hosts are looked up with the Go resolver (DNS), each query
// bounded by DefaultDNSTimeout, except names under the reserved ".invalid"
// domain, which never resolve.
func DefaultResolver() Resolver { return defaultResolver }

func loadFile(path string, load func(io.Reader) error) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = load(f) // a read error leaves the entries read so far
}

func (r *systemResolver) init() {
	r.once.Do(func() {
		loadFile("/etc/hosts", r.t.loadHosts)
		loadFile("/etc/ethers", r.t.loadEthers)
		loadFile("/etc/networks", r.t.loadNetworks)
		loadFile("/etc/services", r.t.loadServices)
		loadFile("/etc/protocols", r.t.loadProtocols)
		if r.t.ethers == nil {
			r.t.ethers = map[string][6]byte{}
		}
		if r.t.networks == nil {
			r.t.networks = map[string]uint32{}
		}
	})
}

func (r *systemResolver) LookupHost(name string) ([]netip.Addr, error) {
	r.init()
	if addrs := r.t.lookupHost(name); len(addrs) > 0 {
		return addrs, nil
	}
	n := normName(name)
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

func (r *systemResolver) LookupEther(name string) ([6]byte, bool) {
	r.init()
	mac, ok := r.t.ethers[normName(name)]
	return mac, ok
}

func (r *systemResolver) LookupNetwork(name string) (uint32, bool) {
	r.init()
	n, ok := r.t.networks[normName(name)]
	return n, ok
}

func (r *systemResolver) LookupService(name, proto string) (int, bool) {
	r.init()
	if n, ok := r.t.services[normName(name)+"/"+strings.ToLower(proto)]; ok {
		return n, true
	}
	return builtinServicePort(normName(name), proto)
}

func (r *systemResolver) LookupProtocol(name string) (int, bool) {
	r.init()
	if n, ok := r.t.protos[normName(name)]; ok {
		return n, true
	}
	return builtinProtocolNumber(normName(name))
}

func builtinServicePort(name, proto string) (int, bool) {
	var letter string
	switch strings.ToLower(proto) {
	case "tcp":
		letter = "t"
	case "udp":
		letter = "u"
	case "sctp":
		letter = "s"
	default:
		return 0, false
	}
	for _, s := range builtinServices {
		if strings.EqualFold(s.name, name) && strings.Contains(s.protos, letter) {
			return s.port, true
		}
	}
	return 0, false
}

func builtinProtocolNumber(name string) (int, bool) {
	for _, p := range builtinProtocols {
		if strings.EqualFold(p.name, name) {
			return p.number, true
		}
	}
	return 0, false
}

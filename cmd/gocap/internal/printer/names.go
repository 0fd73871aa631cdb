package printer

import (
	"context"
	"net/netip"
	"strconv"
	"strings"
	"sync"

	"github.com/gocap/gocap/internal/names"
)

// This file holds what tcpdump prints instead of numbers when it runs
// without -n: service names for TCP and UDP ports, protocol names, names
// for Ethernet addresses (with the maker's OUI) and host names for IPv4 and
// IPv6 addresses.
//
// tcpdump takes most from the C library, which reads them from the
// system's files: getservent (/etc/services), ether_ntohost (/etc/ethers)
// and gethostbyaddr (/etc/hosts, then DNS); IP protocol names and the
// OUI table are built in. Package internal/names reads the files, with
// the C library's rules (its package doc lists where they differ from the
// rules for names in filters), once per process; a file that is absent or
// unreadable gives no names, so ports and Ethernet addresses print as
// numbers (with the OUI), as tcpdump prints them on such a system. Host
// names come from Options.Resolver.

// System files the name tables are read from.
const (
	servicesFile = names.ServicesFile
	ethersFile   = names.EthersFile
	hostsFile    = names.HostsFile
)

// nameTables holds the names read from the system's files: package names
// reads them with tcpdump's (glibc's) rules.
type nameTables = names.Reverse

// systemNames reads the system's name files on first use.
var systemNames = sync.OnceValue(func() *nameTables {
	return loadNameTables(servicesFile, ethersFile)
})

// loadNameTables reads a services and an ethers file; each that cannot be
// read leaves its tables empty, and a read error keeps the entries before
// it.
func loadNameTables(services, ethers string) *nameTables {
	t := names.NewReverse()
	_ = names.ReadFile(services, t.LoadServices)
	_ = names.ReadFile(ethers, t.LoadEthers)
	return t
}

// nameTables returns the tables for NumericLevel 0, or nil when names are
// off.
func (p *Printer) nameTables() *nameTables {
	if p.o.NumericLevel > 0 {
		return nil
	}
	if p.names == nil {
		p.names = systemNames()
	}
	return p.names
}

// tcpPort is a TCP port as tcpdump prints it: the service name from the
// services file without -n, else the number.
func (p *Printer) tcpPort(n uint16) string {
	if t := p.nameTables(); t != nil {
		if s, ok := t.TCPPort(n); ok {
			return s
		}
	}
	return strconv.Itoa(int(n))
}

// udpPort is a UDP port as tcpdump prints it.
func (p *Printer) udpPort(n uint16) string {
	if t := p.nameTables(); t != nil {
		if s, ok := t.UDPPort(n); ok {
			return s
		}
	}
	return strconv.Itoa(int(n))
}

// portTo prints a TCP port (udp false) or a UDP port as tcpPort and
// udpPort name it.
func (p *Printer) portTo(n uint16, udp bool) {
	if t := p.nameTables(); t != nil {
		s, ok := t.TCPPort(n)
		if udp {
			s, ok = t.UDPPort(n)
		}
		if ok {
			p.print(s)
			return
		}
	}
	p.dec(uint64(n))
}

// netdbProtoNames are the names tcpdump 4.99.3 prints without -n for IP
// protocol numbers 0 to 142 ("-": none, "ip-proto-N" is printed); 253 to
// 255 are named in protoName. tcpdump has these built in (they follow
// IANA's keywords as /etc/protocols spells them) and does not read
// /etc/protocols; TestIPProtoNamesLikeTcpdump checks every number.
var netdbProtoNames = strings.Fields(
	"hopopt icmp igmp ggp ipencap st tcp cbt egp igp bbn-rcc-mon nvp-ii pup argus emcon xnet " +
		"chaos udp mux dcn-meas hmp prm xns-idp trunk-1 trunk-2 leaf-1 leaf-2 rdp irtp iso-tp4 " +
		"netblt mfe-nsp merit-inp dccp 3pc idpr xtp ddp idpr-cmtp tp++ il ipv6 sdrp ipv6-route " +
		"ipv6-frag idrp rsvp gre dsr bna esp ah i-nlsp swipe narp mobile tlsp skip ipv6-icmp " +
		"ipv6-nonxt ipv6-opts - cftp - sat-expak kryptolan rvd ippc - sat-mon visa ipcv cpnx " +
		"rspf wsn pvp br-sat-mon sun-nd wb-mon wb-expak iso-ip vmtp secure-vmtp vines ttp " +
		"nsfnet-igp dgp tcf eigrp ospf sprite-rpc larp mtp ax.25 ipip micp scc-sp etherip encap " +
		"- gmtp ifmp pnni pim aris scps qnx a/n ipcomp snp compaq-peer ipx-in-ip vrrp pgm - " +
		"l2tp ddx iatp stp srp uti smp sm ptp isis fire crtp crudp sscopmce iplt sps pipe sctp " +
		"fc rsvp-e2e-ignore mobility-header udplite mpls-in-ip manet hip shim6 wesp rohc")

// protoName is tcpdump's name for an IP protocol number without -n
// (netdb_protoname), for non-first fragments and protocols it does not
// decode.
func (p *Printer) protoName(n uint8) (string, bool) {
	if p.o.NumericLevel > 0 {
		return "", false
	}
	switch {
	case int(n) < len(netdbProtoNames) && netdbProtoNames[n] != "-":
		return netdbProtoNames[n], true
	case n == 253 || n == 254:
		return "exptest-" + strconv.Itoa(int(n)), true
	case n == 255:
		return "reserved", true
	}
	return "", false
}

// etherAddrTo prints what etherAddr returns for b.
func (p *Printer) etherAddrTo(b []byte) {
	if p.nameTables() == nil {
		p.buf.Write(appendMAC(p.buf.AvailableBuffer(), b))
		return
	}
	p.print(p.etherAddr(b))
}

// etherAddr is an Ethernet address as tcpdump's etheraddr_string prints
// it: with -n the six hex bytes; without, the ethers file's name for it,
// "Broadcast" for ff:ff:ff:ff:ff:ff, or the hex bytes followed by the
// maker's name from tcpdump's OUI table, " (oui Unknown)" when it has none.
func (p *Printer) etherAddr(b []byte) string {
	t := p.nameTables()
	if t == nil {
		return mac(b)
	}
	a := [6]byte(b[:6])
	if s, ok := t.Ether(a); ok {
		return s
	}
	if a == [6]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff} {
		return "Broadcast"
	}
	oui := uint32(a[0])<<16 | uint32(a[1])<<8 | uint32(a[2])
	return mac(b) + " (oui " + mapName(ouiNames, oui, "Unknown") + ")"
}

// linkAddrName is a hardware address of any length as tcpdump's
// linkaddr_string prints an Ethernet-type one: six bytes go through
// etherAddr, other lengths are hex bytes.
func (p *Printer) linkAddrName(b []byte) string {
	if len(b) == 6 {
		return p.etherAddr(b)
	}
	return linkAddr(b)
}

// linkAddrTo prints linkAddrName(b).
func (p *Printer) linkAddrTo(b []byte) {
	if len(b) == 6 {
		p.etherAddrTo(b)
		return
	}
	p.print(linkAddr(b))
}

// Resolver finds host names for addresses; *net.Resolver is one.
// LookupAddr is given the address's text and returns its names, the
// first being the one printed.
type Resolver interface {
	LookupAddr(ctx context.Context, addr string) (names []string, err error)
}

// host is an IPv4 or IPv6 address as tcpdump's ipaddr_string and
// ip6addr_string print it. Without -n and with a Resolver, the address's
// first host name, without a trailing dot, and with -N (NoDomain) cut at
// its first dot; IPv4 addresses outside Options.LocalNet (-f), the IPv6
// address :: (which gethostbyaddr never looks up) and addresses without
// a name print as numbers. Each address is looked up
// once per Printer, as tcpdump caches its answers.
func (p *Printer) host(a netip.Addr) string {
	if p.o.NumericLevel > 0 || p.o.Resolver == nil {
		return addrString(a)
	}
	if s, ok := p.hosts[a]; ok {
		return s
	}
	s := addrString(a)
	// The C library answers nothing for :: without asking.
	foreign := a.Is4() && p.o.LocalNet.IsValid() && !p.o.LocalNet.Contains(a)
	if !foreign && a != netip.IPv6Unspecified() {
		if names, err := p.o.Resolver.LookupAddr(context.Background(), s); err == nil && len(names) > 0 {
			if n := strings.TrimSuffix(names[0], "."); n != "" {
				s = n
				if p.o.NoDomain {
					s, _, _ = strings.Cut(s, ".")
				}
			}
		}
	}
	if p.hosts == nil {
		p.hosts = map[netip.Addr]string{}
	}
	p.hosts[a] = s
	return s
}

// addrString is an address as tcpdump's addrtostr6 writes it: Go's
// form, except that an IPv4-compatible IPv6 address (96 zero bits, then
// 32 bits whose first 16 are not zero) ends in dotted quad, "::1.2.3.4".
func addrString(a netip.Addr) string {
	var b [64]byte
	return string(appendAddr(b[:0], a))
}

// appendAddr appends addrString(a) to b.
func appendAddr(b []byte, a netip.Addr) []byte {
	if a.Is6() && !a.Is4In6() && a.Zone() == "" {
		x := a.As16()
		if [12]byte(x[:12]) == [12]byte{} && (x[12] != 0 || x[13] != 0) {
			return netip.AddrFrom4([4]byte(x[12:])).AppendTo(append(b, "::"...))
		}
	}
	return a.AppendTo(b)
}

// HostsResolver answers from a hosts file only (no DNS): the names of
// the file's first line for an address, as the C library's "files"
// source answers gethostbyaddr.
type HostsResolver = names.HostsResolver

// NewHostsResolver reads a hosts file ("address name [aliases]" lines);
// a file that cannot be read is an error.
func NewHostsResolver(path string) (*HostsResolver, error) {
	return names.NewHostsResolver(path)
}

// SystemResolver resolves addresses as the system would, each lookup
// bounded (names.ReverseResolver says how).
type SystemResolver = names.ReverseResolver

// NewSystemResolver returns a SystemResolver.
func NewSystemResolver() *SystemResolver { return names.NewReverseResolver() }

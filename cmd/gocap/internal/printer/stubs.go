package printer

import "strconv"

// protoServiceNames are the /etc/protocols names tcpdump prints for
// non-first fragments and unknown protocols without -n.
var protoServiceNames = map[uint8]string{
	1: "icmp", 2: "igmp", 6: "tcp", 17: "udp", 41: "ipv6", 47: "gre", 50: "esp", 51: "ah",
	58: "ipv6-icmp", 89: "ospf", 103: "pim", 112: "vrrp", 132: "sctp",
}

var tcpServices = map[uint16]string{
	20: "ftp-data", 21: "ftp", 22: "ssh", 23: "telnet", 25: "smtp", 53: "domain", 80: "http",
	110: "pop3", 143: "imap", 179: "bgp", 443: "https", 993: "imaps", 995: "pop3s",
	1723: "pptp", 3306: "mysql", 5432: "postgresql", 6379: "redis", 8080: "http-alt",
}

var udpServices = map[uint16]string{
	53: "domain", 67: "bootps", 68: "bootpc", 69: "tftp", 123: "ntp", 137: "netbios-ns",
	138: "netbios-dgm", 161: "snmp", 162: "snmp-trap", 443: "https", 514: "syslog", 520: "route",
	546: "dhcpv6-client", 547: "dhcpv6-server", 1812: "radius", 1813: "radius-acct",
	4789: "vxlan", 5353: "mdns", 6081: "geneve",
}

func (p *Printer) tcpPort(n uint16) string {
	if p.o.NumericLevel == 0 {
		if s, ok := tcpServices[n]; ok {
			return s
		}
	}
	return strconv.Itoa(int(n))
}

func (p *Printer) udpPort(n uint16) string {
	if p.o.NumericLevel == 0 {
		if s, ok := udpServices[n]; ok {
			return s
		}
	}
	return strconv.Itoa(int(n))
}

// Package names is gocap's one home for the system's name databases:
// hosts(5), ethers(5), networks(5), services(5) and protocols(5), read in
// two directions.
//
//   - Forward, name to value, for filter expressions ("host gw",
//     "ether host box", "net lab", "port http", "proto tcp"): Table holds
//     names read from text or added by hand; System is the system
//     resolver (the five files in /etc, read once, then the built-in
//     service and protocol tables of services_table.go, then DNS for host
//     names). Package parser's Resolver, StaticResolver, DefaultResolver
//     and NewSystemResolver are built on them; the parser itself reads no
//     file and asks no name server.
//   - Reverse, value to name, for printing without -n as tcpdump does:
//     Reverse holds port names (services), Ethernet address names
//     (ethers) and host names (hosts); HostsResolver answers from a hosts
//     file, and ReverseResolver asks Go's resolver (hosts file, then DNS)
//     with a bound on the wait. cmd/gocap's printer uses them.
//
// Both directions read lines the same way (Fields): a '#' anywhere starts
// a comment that runs to the end of the line, words are separated by
// white space, lines with fewer than two words are skipped, and so is
// a line whose address or number does not parse. This is glibc's files
// source's rule (nss_files' line parser cuts each line at its first '#').
// libpcap's own ethers reader (etherent.c, used only where the C library
// has no ether_hostton, such as musl) differs: it skips a line that does
// not start with a hex digit, and takes '#' as a comment only there or
// right after the address; a '#' inside a name is part of it.
//
// # Where the two directions differ
//
// The rules come from what each reference program asks. libpcap (master,
// nametoaddr.c) compiling a filter on a glibc system asks the C library:
// getaddrinfo for host names and, for port names, with each of TCP and
// UDP; getnetbyname_r for networks, getprotobyname_r for protocols,
// ether_hostton for ethers names. tcpdump 4.99.3 printing (addrtoname.c)
// reads every getservent entry into its TCP and UDP port tables, asks
// ether_ntohost for Ethernet addresses and gethostbyaddr for IP
// addresses, and has its IP protocol names built in (it does not read
// /etc/protocols to print). Forward and reverse lookups therefore follow
// glibc's files source in both directions, except where gocap's forward
// Table chooses otherwise, as marked:
//
//   - Case. glibc matches host names (files-hosts.c) and ethers names
//     (files-ethers.c, ether_hostton) ignoring case, but service names,
//     their protocol, and protocol names exactly (files-service.c,
//     files-proto.c); libpcap's etherent.c matches ethers names exactly.
//     Table ignores case for every database (gocap's choice: "port HTTP"
//     compiles where libpcap refuses it). Reverse keeps the
//     services protocol exactly: tcpdump files an entry under TCP or UDP
//     only if its protocol is "tcp" or "udp" in lower case.
//   - Trailing dot. Table ignores a trailing dot on every name ("host
//     gw." is gw; gocap's choice: libpcap refuses "host gw." and "ether
//     host box." for names the files list without the dot). Reverse keeps names as written; the
//     printer drops a host name's trailing dot as it prints.
//   - Several lines for one key. Forward, the first line for a name wins
//     for ethers, networks, services and protocols, as glibc's lookups
//     stop at the first match; for hosts every line's address is kept, in
//     file order, as glibc's files source does with "multi on" in
//     /etc/host.conf (Debian 12's file has it; without it only the first
//     line counts). Reverse, the first line for a port and protocol wins
//     (tcpdump chains later entries behind it and never reaches them), as
//     does the first line for an Ethernet address (ether_ntohost) and for
//     an IP address (gethostbyaddr). Where tcpdump has no ether_ntohost it
//     reads the ethers file with libpcap's reader and the last line for an
//     address wins; Reverse follows the glibc build.
//   - Aliases. Table gives the words after a services, protocols or
//     networks line's number, and every name after a hosts address, the
//     same value as the first name. Reverse uses only the first name of a
//     services line (tcpdump prints s_name) and keeps all names of a
//     hosts line, the first being the one printed.
//   - Ethernet addresses. Table reads an ethers address in any of the
//     five spellings libpcap accepts for a MAC address in a filter
//     (MACLen, ParseMAC: ':', '-' or '.' between one- or two-digit
//     groups, xxxx.xxxx.xxxx, or twelve hex digits). Reverse reads only
//     ethers(5)'s own spelling, six one- or two-digit hex groups separated
//     by ':', the form glibc (files-ethers.c) and libpcap's etherent.c
//     both read.
//   - Services. Table keeps entries of any protocol (tcp, udp, sctp,
//     ...; the protocol's case ignored, so "port upper" compiles for
//     "upper 83/TCP", which libpcap refuses) with a decimal port of 0 to
//     65535, a leading sign allowed. Reverse keeps tcp and udp entries with
//     an unsigned decimal port of 0 to 65535. glibc reads the port with
//     strtoul and keeps its low 16 bits, so where gocap skips a line, the
//     C library reads "big 65616/tcp" as port 80 (both directions) and
//     "plus +84/tcp" as port 84 (tcpdump prints "plus"; Reverse skips it).
//   - An ethers line whose name is cut off by a comment
//     ("2:0:0:0:0:2#x") gives glibc's ether_ntohost an empty name, which
//     tcpdump prints as nothing; both directions skip such a line.
//   - Networks and protocols are read forward only: networks(5) lines
//     name first or (as on some systems and in libpcap's test fixtures)
//     number first, the number read as inet_network(3) reads it;
//     protocols(5) numbers from 0 to 255.
//
// The facts about glibc and libpcap above are from their sources (glibc's
// nss/nss_files, libpcap master's nametoaddr.c and etherent.c, tcpdump
// 4.99.3's addrtoname.c); the ones about what tcpdump and libpcap make of
// particular lines were also checked by running the local tcpdump 4.99.3
// (libpcap 1.10.3, glibc 2.36) on crafted files in a mount namespace, as
// the printer's TestNameFileSyntaxLikeTcpdump does for the lines where
// gocap and tcpdump agree.
//
// The built-in tables (services_table.go) are generated by gen from
// Debian's netbase 6.4 /etc/services and /etc/protocols; `go generate
// ./internal/names` rewrites them, and gen's test checks that the
// checked-in file is what it writes.
package names

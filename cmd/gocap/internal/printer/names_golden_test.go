package printer

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/names"
)

// namesMismatchesFile lists the packets TestNamesLikeTcpdump finds
// printed differently from tcpdump; -update rewrites it.
const namesMismatchesFile = goldenDir + "/expected_mismatches_names.txt"

// namesFlagSets are the flag sets TestNamesLikeTcpdump runs, none with -n.
var namesFlagSets = []struct {
	args []string
	o    Options
}{
	{nil, Options{}},
	{[]string{"-e"}, Options{LinkHeader: true}},
	{[]string{"-v"}, Options{Verbose: 1}},
	{[]string{"-N", "-v"}, Options{NoDomain: true, Verbose: 1}},
}

// TestNamesLikeTcpdump compares the printer with the local tcpdump run
// without -n, where both print names: ports from /etc/services, IP
// protocols, Ethernet addresses from /etc/ethers or with their OUI, host
// names for IPv4 and IPv6 addresses. It prints every
// shared tcpdump capture and the project's own with no flags, -e, -v and
// -N -v, packet by packet, reports the share printed identically, and
// fails when a packet not listed in expected_mismatches_names.txt differs
// or a listed one now matches (-update rewrites the list).
//
// Host names are what differ between machines and runs: tcpdump asks the
// C library, which reads /etc/hosts and then asks DNS, whose answers for
// the captures' public addresses depend on the network. So tcpdump runs
// in a network namespace of its own (unshare -n), where DNS cannot
// answer, and the printer gets a HostsResolver reading the same
// /etc/hosts: both name exactly the addresses the hosts file names. That
// alone would check little, since a hosts file usually names only the
// loopback addresses, so the test runs twice:
//
//   - "system": tcpdump sees this machine's own /etc files, as a user
//     running both tools would.
//   - "synthetic": tcpdump also gets a mount namespace (unshare -m) where
//     /etc/hosts names every IPv4 and IPv6 address the printer finds in
//     the captures with -vvv (names with two dots, so -N has something to
//     cut) and /etc/ethers every other Ethernet address; the printer reads
//     the same two files. This checks every place an address is printed:
//     tcpdump resolves most, but not all (DNS answers, for one, stay
//     numeric).
//
// Each mode is skipped with a message when tcpdump, the shared captures
// or the namespaces (root, or unprivileged user namespaces) are missing.
func TestNamesLikeTcpdump(t *testing.T) {
	shared := sharedCorpus(t)
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: it is the reference this test compares with")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare (util-linux) not installed: needed to keep tcpdump from asking DNS")
	}
	var files []string
	for _, pat := range []string{filepath.Join(shared, "*.pcap"), filepath.Join(shared, "*.pcapng"), filepath.Join(projectPcaps, "*.pcap")} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no captures in %s or %s", shared, projectPcaps)
	}
	captures := map[string][]capturePacket{}
	for _, f := range files {
		captures[f], _ = readCapture(f) // tcpdump prints what it can read too
	}
	listed, err := readList(namesMismatchesFile)
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	seen := map[string]bool{}
	ran := false
	// tcpdump's network namespace has only its loopback interface, index
	// 1: SLL2 interface names are looked up there.
	saved := localIfName
	localIfName = func(index int) (string, bool) { return "lo", index == 1 }
	ifNames.Clear()
	defer func() {
		localIfName = saved
		ifNames.Clear()
	}()

	for _, mode := range []string{"system", "synthetic"} {
		dir := t.TempDir()
		hosts, etc := hostsFile, map[string]string(nil)
		if mode == "synthetic" {
			etc = map[string]string{}
			for _, name := range []string{"hosts", "ethers", "services", "protocols"} {
				etc[name] = filepath.Join(dir, name)
			}
			hosts = etc["hosts"]
			writeSyntheticNames(t, files, captures, etc)
		}
		outs, err := runTcpdumpIsolated(tcpdump, dir, files, etc)
		if err != nil {
			t.Logf("%s: skipped, tcpdump could not be run in its own namespaces: %v", mode, err)
			continue
		}
		ran = true
		res, err := NewHostsResolver(hosts)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		var names *nameTables
		if mode == "synthetic" {
			names = loadNameTables(etc["services"], etc["ethers"])
		}
		tallies := map[string]*tally{}
		for fi, f := range files {
			for si, fs := range namesFlagSets {
				o := fs.o
				o.Location = time.UTC
				o.Resolver = res
				key := strings.Join(append([]string{"none"}, fs.args...), "_")
				if len(fs.args) > 0 {
					key = strings.Join(fs.args, "_")
				}
				want := splitPackets(outs[fi][si], tsDefault)
				got := printWithNames(captures[f], o, names)
				if tallies[key] == nil {
					tallies[key] = &tally{}
				}
				for j, w := range want {
					id := fmt.Sprintf("%s/%s/%s/%d", mode, key, captureName(f), j+1)
					seen[id] = true
					same := j < len(got) && got[j] == w
					tallies[key].total++
					if same {
						tallies[key].same++
						if listed[id] && !*update {
							t.Errorf("%s: now prints like tcpdump but is listed in %s (run with -update)", id, namesMismatchesFile)
						}
						continue
					}
					failed = append(failed, id)
					if !listed[id] && !*update {
						t.Errorf("%s: differs from tcpdump and is not in %s\n got: %q\nwant: %q", id, namesMismatchesFile, packetOrNone(got, j), w)
					}
				}
			}
		}
		logTallies(t, "flag set, without -n, "+mode+" names", tallies)
	}
	if !ran {
		t.Skip("tcpdump could not be run in a network namespace (unshare -n needs root or user namespaces)")
	}
	if *update {
		if err := writeList(namesMismatchesFile, "TestNamesLikeTcpdump", "MODE/FLAGS/CAPTURE/PACKET", failed); err != nil {
			t.Fatal(err)
		}
		t.Logf("-update: wrote %s with %d entries", namesMismatchesFile, len(failed))
		return
	}
	for id := range listed {
		if !seen[id] {
			t.Errorf("%s lists %s, which names no packet (run with -update)", namesMismatchesFile, id)
		}
	}
}

// captureName is a capture's name in the mismatch list: its file name,
// with "gocap__" before the project's own.
func captureName(path string) string {
	if filepath.Dir(path) == filepath.Clean(projectPcaps) {
		return "gocap__" + filepath.Base(path)
	}
	return filepath.Base(path)
}

// printWithNames prints a capture as printAll does, with the name tables
// given (nil: the system's).
func printWithNames(pkts []capturePacket, o Options, names *nameTables) []string {
	var buf bytes.Buffer
	p := New(&buf, o)
	if names != nil {
		p.names = names
	}
	var texts []string
	for _, pk := range pkts {
		buf.Reset()
		if err := p.Packet(pk.ci, pk.data, pk.linkType); err != nil {
			panic(err)
		}
		texts = append(texts, buf.String())
	}
	return texts
}

// namedLikeTcpdump writes pkts (Ethernet frames) to a capture in dir
// and prints it with the local tcpdump, run by runTcpdumpIsolated with
// the name files etc ("hosts" among them), and with a Printer reading the
// same hosts file and the name tables given (nil: the system's), under
// each of namesFlagSets, and compares the two packet by packet. It
// returns tcpdump's outputs, by flag set. It skips the test when tcpdump,
// unshare or the namespaces are missing.
func namedLikeTcpdump(t *testing.T, dir string, pkts []crafted, etc map[string]string, tables *nameTables) []string {
	t.Helper()
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: it is the reference this test compares with")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare (util-linux) not installed: needed to keep tcpdump from asking DNS")
	}
	path := filepath.Join(dir, "crafted.pcap")
	cps := writeCrafted(t, path, cbpf.LinkEN10MB, pkts)
	outs, err := runTcpdumpIsolated(tcpdump, dir, []string{path}, etc)
	if err != nil {
		t.Skipf("tcpdump could not be run in its own namespaces: %v", err)
	}
	res, err := NewHostsResolver(etc["hosts"])
	if err != nil {
		t.Fatal(err)
	}
	for si, fs := range namesFlagSets {
		o := fs.o
		o.Location, o.Resolver = time.UTC, res
		want := splitPackets(outs[0][si], tsDefault)
		got := printWithNames(cps, o, tables)
		if len(want) != len(got) {
			t.Fatalf("%v: tcpdump printed %d packets, the printer %d", fs.args, len(want), len(got))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%v packet %d:\n got: %q\nwant: %q", fs.args, i+1, got[i], want[i])
			}
		}
	}
	return outs[0]
}

// runTcpdumpIsolated runs tcpdump over each file with each of
// namesFlagSets, in a network namespace of its own and, when etc is not
// empty, a mount namespace whose /etc is the system's with the files etc
// names (name in /etc to the file to use) put in: a bind mount of a
// directory of links to the real /etc's entries, so that files /etc lacks
// can be added too. It returns the outputs by file and flag set. unshare
// is tried as root first, then in a user namespace.
func runTcpdumpIsolated(tcpdump, dir string, files []string, etc map[string]string) ([][]string, error) {
	var sb strings.Builder
	sb.WriteString("set -u\n")
	if len(etc) > 0 {
		orig, repl := filepath.Join(dir, "etc.orig"), filepath.Join(dir, "etc.new")
		fmt.Fprintf(&sb, "o=%s; e=%s\nmkdir -p \"$o\" \"$e\" || exit 97\n", shQuote(orig), shQuote(repl))
		sb.WriteString("mount --bind /etc \"$o\" || exit 97\n")
		sb.WriteString("for x in \"$o\"/* \"$o\"/.[!.]*; do [ -e \"$x\" ] || [ -L \"$x\" ] || continue; ln -s \"$x\" \"$e/\" || exit 97; done\n")
		for name, src := range etc {
			fmt.Fprintf(&sb, "rm -f \"$e\"/%s && cp %s \"$e\"/%s || exit 97\n", shQuote(name), shQuote(src), shQuote(name))
		}
		sb.WriteString("mount --bind \"$e\" /etc || exit 97\n")
	}
	for fi, f := range files {
		for si, fs := range namesFlagSets {
			fmt.Fprintf(&sb, "TZ=UTC %s %s -r %s >%s 2>/dev/null\n", shQuote(tcpdump), strings.Join(fs.args, " "),
				shQuote(f), shQuote(filepath.Join(dir, fmt.Sprintf("%d.%d.out", fi, si))))
		}
	}
	script := filepath.Join(dir, "run.sh")
	if err := os.WriteFile(script, []byte(sb.String()), 0o644); err != nil {
		return nil, err
	}
	ns := []string{"-n"}
	if len(etc) > 0 {
		ns = []string{"-m", "-n"}
	}
	var lastErr error
	for _, extra := range [][]string{nil, {"-r"}} {
		args := append(append(slices.Clone(ns), extra...), "sh", script)
		cmd := exec.Command("unshare", args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			lastErr = fmt.Errorf("unshare %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
			continue
		}
		outs := make([][]string, len(files))
		for fi := range files {
			for si := range namesFlagSets {
				b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.%d.out", fi, si)))
				if err != nil {
					return nil, err
				}
				outs[fi] = append(outs[fi], string(b))
			}
		}
		return outs, nil
	}
	return nil, lastErr
}

func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

var (
	v4Text  = regexp.MustCompile(`(?:^|[^0-9.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})`)
	macText = regexp.MustCompile(`\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b`)
)

// writeSyntheticNames writes the files etc names: a hosts file naming
// every IPv4 and IPv6 address the printer prints for the captures with
// -n -vvv -e, an ethers file naming every other Ethernet address it
// prints, and the system's services and protocols files with a line
// before each giving its number another name: tcpdump must prefer that
// name for a port, and ignore it for a protocol (its protocol names are
// built in).
func writeSyntheticNames(t *testing.T, files []string, captures map[string][]capturePacket, etc map[string]string) {
	hosts, ethers := etc["hosts"], etc["ethers"]
	for _, name := range []string{"services", "protocols"} {
		text, _ := os.ReadFile(filepath.Join("/etc", name)) // none: no names either way
		var b strings.Builder
		for _, line := range strings.Split(string(text), "\n") {
			if f := names.Fields(line); len(f) >= 2 {
				fmt.Fprintf(&b, "x-%s\t%s\t%s\t# first, so tcpdump's choice\n", f[0], f[1], f[0])
			}
			b.WriteString(line + "\n")
		}
		if err := os.WriteFile(etc[name], []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addrs := map[netip.Addr]bool{}
	macs := map[string]bool{}
	for _, f := range files {
		for _, text := range printWithNames(captures[f], Options{NumericLevel: 1, Verbose: 3, LinkHeader: true, Location: time.UTC}, nil) {
			for _, m := range v4Text.FindAllStringSubmatch(text, -1) {
				if a, err := netip.ParseAddr(m[1]); err == nil {
					addrs[a] = true
				}
			}
			for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(" \t\n,()<>[]{}=/", r) }) {
				if strings.Count(tok, ":") < 2 {
					continue
				}
				for _, c := range []string{tok, tok[:max(strings.LastIndexByte(tok, '.'), 0)], strings.TrimRight(tok, ":.")} {
					if a, err := netip.ParseAddr(c); err == nil && a.Is6() && a.Zone() == "" {
						addrs[a] = true
						break
					}
				}
			}
			for _, m := range macText.FindAllString(text, -1) {
				macs[m] = true
			}
		}
	}
	sorted := make([]netip.Addr, 0, len(addrs))
	for a := range addrs {
		sorted = append(sorted, a)
	}
	slices.SortFunc(sorted, netip.Addr.Compare)
	var hb strings.Builder
	for i, a := range sorted {
		if a.Is4() {
			fmt.Fprintf(&hb, "%s h4-%s.dom.test alias%d\n", a, strings.ReplaceAll(a.String(), ".", "-"), i)
		} else {
			fmt.Fprintf(&hb, "%s h6-%d.dom6.test alias%d\n", a, i, i)
		}
	}
	if err := os.WriteFile(hosts, []byte(hb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ms := make([]string, 0, len(macs))
	for m := range macs {
		ms = append(ms, m)
	}
	slices.Sort(ms)
	var eb strings.Builder
	for i, m := range ms {
		if i%2 == 0 {
			fmt.Fprintf(&eb, "%s eth-%s\n", m, strings.ReplaceAll(m, ":", ""))
		}
	}
	if err := os.WriteFile(ethers, []byte(eb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIPProtoNamesLikeTcpdump writes an IPv4 non-first fragment for each
// of the 256 protocol numbers, where tcpdump without -n prints the
// protocol's name (or ip-proto-N), and compares the printer's names with
// the local tcpdump's. Only the text after the addresses is compared, so
// host names play no part.
func TestIPProtoNamesLikeTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: it is the reference this test compares with")
	}
	path := filepath.Join(t.TempDir(), "protos.pcap")
	var pkts []crafted
	for proto := range 256 {
		pkts = append(pkts, crafted{hex.EncodeToString([]byte{0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00,
			0x45, 0, 0, 28, 0, 1, 0x00, 0x10, 64, byte(proto), 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
			0, 0, 0, 0, 0, 0, 0, 0}), 0})
	}
	cps := writeCrafted(t, path, cbpf.LinkEN10MB, pkts)
	out, err := exec.Command(tcpdump, "-t", "-r", path).Output()
	if err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(want) != 256 {
		t.Fatalf("tcpdump printed %d lines, want 256", len(want))
	}
	var buf bytes.Buffer
	p := New(&buf, Options{TimestampMode: TimeNone})
	for proto, pk := range cps {
		buf.Reset()
		if err := p.Packet(pk.ci, pk.data, pk.linkType); err != nil {
			t.Fatal(err)
		}
		tail := func(s string) string { return s[strings.LastIndex(s, ": ")+2:] }
		if got, w := tail(strings.TrimSuffix(buf.String(), "\n")), tail(want[proto]); got != w {
			t.Errorf("protocol %d: %q, tcpdump %q", proto, got, w)
		}
	}
}

// TestCraftedNamesLikeTcpdump prints packets the shared captures lack,
// where tcpdump names addresses and ports inside ICMP and ICMPv6 messages
// (redirect gateways, the quoted datagram of an unreachable, neighbor
// discovery targets, MLD groups), with a hosts file naming every address,
// and compares with the local tcpdump run as in TestNamesLikeTcpdump.
func TestCraftedNamesLikeTcpdump(t *testing.T) {
	const (
		eth4 = "00000c000002 00000c000001 0800"
		eth6 = "333300000001 00000c000001 86dd"
		// 10.1.2.3 > 10.1.2.4, protocol ICMP
		ip4 = "4500 0038 0001 0000 4001 0000 0a010203 0a010204"
		// the quoted datagram: UDP 10.1.2.4.5353 > 192.0.2.7.53
		quoted = "4500 001c 0001 0000 4011 0000 0a010204 c0000207 14e9 0035 0008 0000"
		ll     = "fe800000000000000000000000000001"
		d6     = "20010db8000000000000000000000002"
		t6     = "20010db8000000000000000000000009"
		mg     = "ff020000000000000000000000000123"
	)
	ip6 := func(plen, hlim, dst string) string { return "6000 0000 " + plen + " 3a " + hlim + ll + dst }
	packets := []crafted{
		{eth4 + ip4 + "0501 0000 0a090909" + quoted, 0},                                                                 // redirect via 10.9.9.9
		{eth4 + ip4 + "0303 0000 00000000" + quoted, 0},                                                                 // port unreachable
		{eth6 + ip6("0038", "40", d6) + "0104 0000 00000000 6000 0000 0008 11 40" + d6 + t6 + "0fa0 0035 0008 0000", 0}, // ICMPv6 port unreachable
		{eth6 + ip6("0018", "ff", d6) + "8800 0000 60000000" + t6, 0},                                                   // neighbor advertisement
		{eth6 + ip6("0028", "ff", d6) + "8900 0000 00000000" + t6 + d6, 0},                                              // redirect
		{eth6 + ip6("0018", "01", mg) + "8200 0000 03e8 0000" + mg, 0},                                                  // MLD query
		{eth6 + ip6("0018", "01", mg) + "8300 0000 03e8 0000" + mg, 0},                                                  // MLD report
		{eth6 + ip6("0018", "01", mg) + "8400 0000 03e8 0000" + mg, 0},                                                  // MLD done
	}
	hosts := writeTemp(t, "hosts", "10.1.2.3 a.x.test\n10.1.2.4 b.x.test\n10.9.9.9 gw.x.test\n192.0.2.7 c.x.test\n"+
		"fe80::1 ll.x.test\n2001:db8::2 d6.x.test\n2001:db8::9 t6.x.test\nff02::123 mg.x.test\n")
	namedLikeTcpdump(t, t.TempDir(), packets, map[string]string{"hosts": hosts}, nil)
}

// TestNameFileSyntaxLikeTcpdump prints packets with crafted services,
// ethers and hosts files, in the namespaces TestNamesLikeTcpdump uses,
// and compares with the local tcpdump: the file syntax internal/names's
// package doc gives for reverse lookups (comments, "tcp" in lower case
// only, the first line for a port, an Ethernet address or an IP address
// winning, only colon-separated Ethernet addresses, aliases unused for
// ports). The package doc also lists where gocap departs from the C
// library on lines these files leave out.
func TestNameFileSyntaxLikeTcpdump(t *testing.T) {
	etc := map[string]string{}
	for name, text := range map[string]string{
		"services": "# comment\nfirst\t80/tcp\twww\t# the first line for 80/tcp\nhttp\t80/tcp\n" +
			"upper\t83/TCP\neightythree\t83/tcp\nsctp-only\t2001/sctp\nwww-alias\t2000/udp\talias\n",
		"ethers": "0a0b.0c0d.0e0f dotted\n02:00:00:00:00:01 first # comment\n2:0:0:0:0:1 second\n" +
			"0:0:0:0:0:zz bad\n",
		"hosts": "10.0.0.1 one-a alias # comment\n10.0.0.1 one-b\n10.0.0.3 Three\nbad-address four\n",
	} {
		etc[name] = writeTemp(t, name, text)
	}
	const (
		tcp = "0a0b0c0d0e0f 020000000001 0800 4500 0028 0001 0000 4006 0000 0a000001 0a000002" +
			"0050 0053 00000000 00000000 5002 0400 0000 0000"
		udp = "020000000004 020000000003 0800 4500 001c 0001 0000 4011 0000 0a000003 0a000004" +
			"07d0 07d1 0008 0000"
	)
	outs := namedLikeTcpdump(t, t.TempDir(), []crafted{{tcp, 0}, {udp, 0}}, etc, loadNameTables(etc["services"], etc["ethers"]))
	if !strings.Contains(outs[1], "first > 0a:0b:0c:0d:0e:0f") || !strings.Contains(outs[0], "one-a.first > 10.0.0.2.eightythree") {
		t.Errorf("tcpdump did not print the names this test is about:\n%s", outs[1])
	}
}

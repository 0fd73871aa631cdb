package printer

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gocap/gocap/cbpf"
)

// Crafted packets of the protocols without a capture in the corpus,
// compared with the local tcpdump (openflow_test.go, resp_test.go,
// rpkirtr_test.go and the others that call craftedLikeTcpdump,
// linkCraftedLikeTcpdump or protoLikeTcpdump).

// flagSet is a tcpdump command line and the Options that print the same.
type flagSet = struct {
	args []string
	o    Options
}

// craftedFlagSets are the flag sets the protocol tests below print their
// crafted packets with.
var craftedFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
	{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
	{[]string{"-nn", "-vvv", "-e"}, Options{NumericLevel: 2, Verbose: 3, LinkHeader: true}},
	{[]string{"-nn", "-x"}, Options{NumericLevel: 2, Hex: 1}},
	{[]string{"-nn", "-v", "-x"}, Options{NumericLevel: 2, Verbose: 1, Hex: 1}},
	{[]string{"-nn", "-q"}, Options{NumericLevel: 2, Quiet: true}},
}

// craftedLikeTcpdump compares pkts (Ethernet frames) with the local
// tcpdump under every flag set of craftedFlagSets (compareWithTcpdump).
func craftedLikeTcpdump(t *testing.T, name string, pkts []crafted) {
	t.Helper()
	compareWithTcpdump(t, name, cbpf.LinkEN10MB, pkts, craftedFlagSets)
}

// compareWithTcpdump is the one comparison of crafted packets with the
// local tcpdump: it writes pkts to a capture of the link type, prints it
// with tcpdump and with a Printer under each flag set, and compares the
// two packet by packet; no decoder may panic on them. Environment:
// GOCAP_KEEP_CRAFTED=dir keeps the capture there as name.pcap (name-2.pcap
// and so on for a name used again),
// GOCAP_ALL_FLAGS=1 uses every flag set of faultFlagSets instead of sets,
// GOCAP_CUT=1 adds cut-short variants of every packet (cutVariants),
// GOCAP_SHOW_TCPDUMP=1 logs tcpdump's output.
func compareWithTcpdump(t *testing.T, name string, linkType cbpf.LinkType, pkts []crafted, sets []flagSet) {
	t.Helper()
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: it is the reference this test compares with")
	}
	path := filepath.Join(t.TempDir(), name+".pcap")
	if d := os.Getenv("GOCAP_KEEP_CRAFTED"); d != "" {
		path = keptCraftedPath(d, name)
	}
	if os.Getenv("GOCAP_ALL_FLAGS") != "" {
		sets = faultFlagSets
	}
	if os.Getenv("GOCAP_CUT") != "" {
		pkts = cutVariants(pkts)
	}
	cps := writeCrafted(t, path, linkType, pkts)
	for _, fs := range sets {
		want, got := bothPrint(t, tcpdump, path, fs, cps)
		for i := range got {
			if i >= len(want) {
				t.Errorf("%v packet %d: tcpdump printed only %d packets", fs.args, i+1, len(want))
				continue
			}
			if got[i] != want[i] {
				t.Errorf("%v packet %d:\n got: %q\nwant: %q", fs.args, i+1, got[i], want[i])
			}
		}
		if len(want) > len(cps) {
			t.Errorf("%v: tcpdump printed %d packets, the printer %d", fs.args, len(want), len(cps))
		}
	}
}

// cutVariants is pkts with each packet also cut short at up to 30
// lengths (GOCAP_CUT=1: every crafted comparison then also covers the
// printers' truncation branches).
func cutVariants(pkts []crafted) []crafted {
	var out []crafted
	for _, c := range pkts {
		h := strings.ReplaceAll(c.hex, " ", "")
		n := len(h) / 2
		wire := c.wire
		if wire == 0 {
			wire = n
		}
		out = append(out, c)
		for cut := 1; cut < n; cut += max(1, n/30) {
			out = append(out, crafted{h[:2*cut], wire})
		}
	}
	return out
}

// bothPrint prints the capture at path, which holds the packets cps,
// with tcpdump and with a Printer under the flag set fs: it returns
// tcpdump's packets and the printer's, one string each, and reports any
// decoder that panicked.
func bothPrint(t *testing.T, tcpdump, path string, fs flagSet, cps []capturePacket) (want, got []string) {
	t.Helper()
	cmd := exec.Command(tcpdump, append(fs.args, "-r", path)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump %s: %v: %s", strings.Join(fs.args, " "), err, stderr.String())
	}
	if os.Getenv("GOCAP_SHOW_TCPDUMP") != "" {
		t.Logf("tcpdump %s:\n%s", strings.Join(fs.args, " "), out)
	}
	want = splitPackets(string(out), tsDefault)
	o := fs.o
	o.Location = time.UTC
	var buf bytes.Buffer
	p := New(&buf, o)
	for i, pk := range cps {
		buf.Reset()
		if err := p.Packet(pk.ci, pk.data, pk.linkType); err != nil {
			t.Fatal(err)
		}
		if p.fault != nil {
			t.Errorf("%v packet %d: %v", fs.args, i+1, p.fault)
		}
		got = append(got, buf.String())
	}
	return want, got
}

// tcpSegment is an Ethernet frame with an IPv4 TCP segment from port
// sport to dport (PSH|ACK) carrying payload, given in hex.
func tcpSegment(sport, dport uint16, payload string) string {
	payload = strings.ReplaceAll(payload, " ", "")
	n := len(payload) / 2
	return faultEther + faultIP4(6, 20+n) +
		fmt.Sprintf("%04x %04x 00000001 00000002 5018 0100 0000 0000 ", sport, dport) + payload
}

// hexLen is the number of bytes of a hex string with spaces.
func hexLen(s string) int { return len(strings.ReplaceAll(s, " ", "")) / 2 }

// hexCut is the first n bytes of the hex string s (spaces allowed).
func hexCut(s string, n int) string { return strings.ReplaceAll(s, " ", "")[:2*n] }

// hexStr is s in hex, padded with NULs to n bytes.
func hexStr(s string, n int) string {
	b := make([]byte, n)
	copy(b, s)
	return hex.EncodeToString(b)
}

// TestCraftedProtocolNamesLikeTcpdump prints the OpenFlow, RESP,
// RPKI-RTR, SNMP (whose OIDs tcpdump names from its MIB) and NFS packets
// of the tests above without -n, where tcpdump names
// the ports, the hosts (from a hosts file naming the addresses inside
// OpenFlow matches and actions and RPKI-RTR prefixes too) and the
// Ethernet addresses, run as in TestNamesLikeTcpdump.
func TestCraftedProtocolNamesLikeTcpdump(t *testing.T) {
	var all []crafted
	for _, cs := range [][]crafted{of10Cases, of13Cases, respCases, rpkiCases, snmpCases, nfsCases} {
		all = append(all, cs...)
	}
	hosts := writeTemp(t, "hosts", "10.0.0.1 a.x.test\n10.0.0.2 b.x.test\n192.0.2.1 c.x.test\n"+
		"192.0.2.0 net.x.test\n2001:db8:: net6.x.test\n")
	namedLikeTcpdump(t, t.TempDir(), all, map[string]string{"hosts": hosts}, nil)
}

// keptCraftedPath is where GOCAP_KEEP_CRAFTED keeps the capture of name in
// dir: name.pcap, or name-N.pcap with the first N not taken when a test
// compares several captures under one name, so that each is kept.
func keptCraftedPath(dir, name string) string {
	path := filepath.Join(dir, name+".pcap")
	for n := 2; ; n++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return path
		}
		if !os.IsExist(err) {
			return path
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.pcap", name, n))
	}
}

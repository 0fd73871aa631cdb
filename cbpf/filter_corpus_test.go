package cbpf_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/cbpf"
)

// tcpdumpPcaps holds the shared real captures.
const tcpdumpPcaps = "../../shared/corpus/tcpdump-pcaps"

// countExprs are the expressions TestFilterMatchesTcpdumpCounts compares.
var countExprs = []string{"ip", "ip6", "tcp", "udp port 53", "icmp or arp", "vlan", "ip6 and tcp"}

// capturedPacket is one packet as pcapgo reads it.
type capturedPacket struct {
	ci   gopacket.CaptureInfo
	data []byte
}

// captureFile is a capture read the way docs/library.md's gopacket recipe
// reads it: the packets, and per interface what CompileFile takes.
type captureFile struct {
	packets  []capturedPacket
	links    []uint32 // LINKTYPE_ value per interface (one for pcap)
	snaplens []uint32
	order    binary.ByteOrder
}

// fileByteOrder returns the byte order a pcap or pcapng file was written
// in, from its first 12 bytes (pcapgo does not expose it).
func fileByteOrder(head []byte) binary.ByteOrder {
	if len(head) < 12 {
		return nil
	}
	switch {
	case binary.LittleEndian.Uint32(head) == 0x0a0d0d0a: // pcapng section header
		if binary.BigEndian.Uint32(head[8:]) == 0x1a2b3c4d {
			return binary.BigEndian
		}
		return binary.LittleEndian
	case binary.BigEndian.Uint32(head) == 0xa1b2c3d4 || binary.BigEndian.Uint32(head) == 0xa1b23c4d:
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// readCapture reads every packet of path with pcapgo.
func readCapture(path string) (*captureFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cf := &captureFile{order: fileByteOrder(b)}
	type source interface {
		ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	}
	var src source
	var ng *pcapgo.NgReader
	if strings.HasSuffix(path, ".pcapng") {
		ng, err = pcapgo.NewNgReader(bytes.NewReader(b), pcapgo.NgReaderOptions{WantMixedLinkType: true})
		src = ng
	} else {
		var r *pcapgo.Reader
		r, err = pcapgo.NewReader(bytes.NewReader(b))
		if err == nil {
			cf.links = []uint32{uint32(r.LinkType())}
			cf.snaplens = []uint32{r.Snaplen()}
		}
		src = r
	}
	if err != nil {
		return nil, err
	}
	for {
		data, ci, err := src.ReadPacketData()
		if err == io.EOF {
			break
		}
		if err != nil {
			// Packets up to a damaged record count, as in tcpdump.
			break
		}
		cf.packets = append(cf.packets, capturedPacket{ci, append([]byte(nil), data...)})
	}
	if ng != nil {
		for i := 0; i < ng.NInterfaces(); i++ {
			ifc, err := ng.Interface(i)
			if err != nil {
				return nil, err
			}
			cf.links = append(cf.links, uint32(ifc.LinkType))
			cf.snaplens = append(cf.snaplens, ifc.SnapLength)
		}
	}
	return cf, nil
}

// tcpdumpCount runs "tcpdump -r path --count expr" and returns the count,
// or an error when tcpdump refuses the file or the expression.
func tcpdumpCount(path, expr string) (int, error) {
	args := []string{"-n", "-r", path, "--count"}
	if expr != "" {
		args = append(args, expr)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("tcpdump", args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	f := strings.Fields(stdout.String())
	if len(f) != 2 || f[1] != "packets" && f[1] != "packet" {
		return 0, fmt.Errorf("unexpected tcpdump output %q", stdout.String())
	}
	return strconv.Atoi(f[0])
}

// TestFilterMatchesTcpdumpCounts reads every shared capture with pcapgo,
// builds each filter with CompileFile only and counts the packets
// Filter.Matches accepts; the count must be tcpdump's for the same file
// and expression.
func TestFilterMatchesTcpdumpCounts(t *testing.T) {
	var files []string
	for _, g := range []string{"*.pcap", "*.pcapng", "generated/*.pcap", "generated/*.pcapng", "libpcap-filter/*.pcap", "libpcap-filter/*.pcapng"} {
		m, _ := filepath.Glob(filepath.Join(tcpdumpPcaps, g))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skipf("no captures under %s (the shared corpus beside the checkout is absent)", tcpdumpPcaps)
	}
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump is not installed: it is the reference for the counts")
	}
	var (
		mu                          sync.Mutex
		agreed, refusedBoth         int
		filesCompared               int
		skipped                     []string
		linkTypes                   = map[cbpf.LinkType]int{}
		nullIPv6Files, nullIPv6Pkts int
	)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, path := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			name, _ := filepath.Rel(tcpdumpPcaps, path)
			if _, err := tcpdumpCount(path, ""); err != nil {
				mu.Lock()
				skipped = append(skipped, fmt.Sprintf("%s (tcpdump: %v)", name, err))
				mu.Unlock()
				return
			}
			cf, err := readCapture(path)
			if err != nil {
				t.Errorf("%s: tcpdump reads it, pcapgo does not: %v", name, err)
				return
			}
			var fileAgreed, fileRefused int
			for _, expr := range countExprs {
				want, terr := tcpdumpCount(path, expr)
				filters := make([]*cbpf.Filter, len(cf.links))
				var cerr error
				for i, lt := range cf.links {
					filters[i], cerr = cbpf.CompileFile(expr, lt, cf.snaplens[i], cf.order)
					if cerr != nil {
						break
					}
				}
				switch {
				case terr != nil && cerr != nil:
					fileRefused++
					continue
				case terr != nil:
					t.Errorf("%s %q: tcpdump refuses (%v), CompileFile does not", name, expr, terr)
					continue
				case cerr != nil:
					t.Errorf("%s %q: CompileFile: %v; tcpdump counts %d", name, expr, cerr, want)
					continue
				}
				got := 0
				for _, p := range cf.packets {
					i := p.ci.InterfaceIndex
					if i < 0 || i >= len(filters) {
						i = 0 // pcapgo leaves it 0 for pcap files
					}
					if filters[i].Matches(p.ci, p.data) {
						got++
					}
				}
				if got != want {
					t.Errorf("%s %q (link type %v): %d packets match, tcpdump counts %d", name, expr, cbpf.LinkTypeFromFile(cf.links[0]), got, want)
					continue
				}
				fileAgreed++
				lt := cbpf.LinkTypeFromFile(cf.links[0])
				if expr == "ip6" && want > 0 && (lt == cbpf.LinkNull || lt == cbpf.LinkLoop) {
					mu.Lock()
					nullIPv6Files++
					nullIPv6Pkts += want
					mu.Unlock()
				}
			}
			mu.Lock()
			filesCompared++
			agreed += fileAgreed
			refusedBoth += fileRefused
			for _, lt := range cf.links {
				linkTypes[cbpf.LinkTypeFromFile(lt)]++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, s := range skipped {
		t.Logf("skipped %s", s)
	}
	t.Logf("%d files × %d expressions: %d counts agree with tcpdump, %d expressions refused by both; %d files skipped", filesCompared, len(countExprs), agreed, refusedBoth, len(skipped))
	t.Logf("link types compared: %v", linkTypes)
	if filesCompared == 0 {
		t.Fatal("no capture could be compared")
	}
	if nullIPv6Files == 0 {
		t.Errorf("no DLT_NULL or DLT_LOOP capture with IPv6 packets was compared")
	} else {
		t.Logf("DLT_NULL/LOOP captures with IPv6: %d files, %d ip6 packets matched as tcpdump does", nullIPv6Files, nullIPv6Pkts)
	}
}

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// inputPacket is one record of a capture read with gopacket's pcapgo, an
// implementation independent of gocap's own readers.
type inputPacket struct {
	data    []byte
	origLen int
}

// readInput reads every record of a pcap or pcapng capture. It returns the
// link type of the first interface.
func readInput(path string) ([]inputPacket, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	magic, err := br.Peek(4)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", path, err)
	}
	// Both pcapgo readers have ReadPacketData and LinkType.
	var r interface {
		ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
		LinkType() layers.LinkType
	}
	if bytes.Equal(magic, []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		r, err = pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
	} else {
		r, err = pcapgo.NewReader(br)
	}
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", path, err)
	}
	var pkts []inputPacket
	for {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			return pkts, r.LinkType().String(), nil
		}
		if err != nil {
			return nil, "", fmt.Errorf("%s: packet %d: %v", path, len(pkts), err)
		}
		pkts = append(pkts, inputPacket{append([]byte(nil), data...), ci.Length})
	}
}

// runMatch runs tcpdump with its default options (optimizer on, as a user
// runs "tcpdump -r X -w Y EXPR") and finds the kept packets by content:
// tcpdump's output is a subsequence of the input, and packets with the same
// bytes get the same verdict, so the first input packet equal to each
// output packet is the one kept.
func runMatch(tcpdump, tmp, capPath string, i int, expr string, in []inputPacket) (Record, error) {
	pf, rec, err := filter(tcpdump, tmp, capPath, i, expr)
	if pf == nil {
		return rec, err
	}
	kept := []int{}
	next := 0
	for n, p := range pf.Packets {
		// libpcap cuts records longer than the snapshot length down to it;
		// pcapgo does not, so the output may hold a prefix of the input.
		for next < len(in) && !(bytes.HasPrefix(in[next].data, p.Data) && in[next].origLen == int(p.OrigLen)) {
			next++
		}
		if next == len(in) {
			return Record{}, fmt.Errorf("%s %q: output packet %d matches no remaining input packet", capPath, expr, n)
		}
		kept = append(kept, next)
		next++
	}
	return Record{Expr: expr, Kept: kept}, nil
}

// captures lists the captures to record: mkpcap's *.pcap in dir, or with
// match every *.pcap and *.pcapng in dir and its direct subdirectories.
func captures(dir string, match bool) ([]string, error) {
	pats := []string{"*.pcap"}
	if match {
		pats = []string{"*.pcap", "*.pcapng", "*/*.pcap", "*/*.pcapng"}
	}
	var caps []string
	for _, pat := range pats {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			return nil, err
		}
		caps = append(caps, m...)
	}
	if len(caps) == 0 {
		return nil, fmt.Errorf("no captures in %s (run mkpcap first)", dir)
	}
	return caps, nil
}

// readsCleanly runs tcpdump over the whole capture without a filter and
// returns its error message, or "" when it reads the file to the end.
func readsCleanly(tcpdump, tmp, capPath string) string {
	outFile := filepath.Join(tmp, filepath.Base(capPath)+".all")
	defer os.Remove(outFile)
	var stderr bytes.Buffer
	cmd := exec.Command(tcpdump, "-r", capPath, "-w", outFile)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if msg := tcpdumpError(stderr.String()); msg != "" {
			return msg
		}
		return err.Error()
	}
	return ""
}

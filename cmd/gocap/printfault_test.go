package main

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// writePrintFaultCapture writes the packets (hex, with their wire
// lengths; 0 means all captured) to a pcap file of the link type.
func writePrintFaultCapture(t *testing.T, path string, linkType layers.LinkType, pkts []string, wire []int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := pcapgo.NewWriter(f)
	if err := w.WriteFileHeader(262144, linkType); err != nil {
		t.Fatal(err)
	}
	for i, h := range pkts {
		b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
		if err != nil {
			t.Fatal(err)
		}
		n := len(b)
		if wire[i] > 0 {
			n = wire[i]
		}
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(int64(1000+i), 0), CaptureLength: len(b), Length: n}
		if err := w.WritePacket(ci, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestPrintFaultsDoNotEndRun reads captures with packets that once made
// the printer panic, and packets of a link type it has no decoder for,
// each followed by an ordinary packet: gocap must print every packet
// as tcpdump does, with tcpdump's exit code and messages (issue 12,
// "gocap loses nothing").
func TestPrintFaultsDoNotEndRun(t *testing.T) {
	needTcpdump(t)
	const (
		eth  = "000000000002 000000000001 0800 "
		ok   = eth + "4500 0028 0001 0000 4006 0000 0a000001 0a000002 04d2 0050 00000001 00000002 5002 0100 0000 0000"
		tcp  = eth + "4500 005a 0001 0000 4006 0000 0a000001 0a000002 04d2 0050 00000001 00000002 f018 0100 0000 0000 00000000"
		icmp = eth + "4500 0016 0001 0000 4001 0000 0a000001 0a000002 0a00"
	)
	dir := t.TempDir()
	cases := []struct {
		name     string
		linkType layers.LinkType
		pkts     []string
		wire     []int
		args     [][]string
	}{
		{"ether", layers.LinkTypeEthernet, []string{tcp, ok, icmp, ok}, []int{104, 0, 0, 0},
			[][]string{{"-nn"}, {"-nn", "-v"}, {"-nn", "-x"}}},
		{"user0", layers.LinkType(147), []string{"000102030405060708090a0b0c0d0e0f1011", ok}, []int{0, 0},
			[][]string{{"-nn"}, {"-nn", "-x"}, {"-nn", "-e"}}},
	}
	for _, tc := range cases {
		path := filepath.Join(dir, tc.name+".pcap")
		writePrintFaultCapture(t, path, tc.linkType, tc.pkts, tc.wire)
		for _, a := range tc.args {
			// -tt: gocap runs in this process's time zone, tcpdump in UTC.
			args := append([]string{"-r", path, "-tt"}, a...)
			wc, wout, werr := runTcpdump(args...)
			gc, gout, gerr := runGocap(t, nil, args...)
			if gc != wc || gerr != tcpdumpMessage(werr) {
				t.Errorf("%q: exit %d, stderr %q; tcpdump exit %d, stderr %q", args, gc, gerr, wc, werr)
			}
			if gout != wout {
				t.Errorf("%q:\n got: %q\nwant: %q", args, gout, wout)
			}
		}
	}
}

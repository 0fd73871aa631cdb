package main

import (
	"path/filepath"
	"testing"
)

// TestPacketTypeLikeTcpdump runs -T as tcpdump does: a name it does not
// know (exit 1, "unknown packet type", before the input is opened), names
// in any case, and captures printed as a forced type, comparing the exit
// status, stderr and output with tcpdump's.
func TestPacketTypeLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	vrrp := filepath.Join(corpusDir, "vrrp.pcap")
	dns := filepath.Join(corpusDir, "dns_udp.pcap")
	for _, args := range [][]string{
		{"-T", "foo", "-r", vrrp},
		{"-T", "", "-r", vrrp},
		{"-T", "pgm-zmtp1", "-r", "/nonexistent.pcap"},
		{"-nn", "-T", "carp", "-r", vrrp},
		{"-nn", "-v", "-TCARP", "-r", vrrp},
		{"-nn", "-T", "rtp", "-r", dns},
		{"-nn", "-T", "Vat", "-r", dns, "udp"},
		{"-nn", "-T", "domain", "-r", dns},
	} {
		tc, to, te := runTcpdump(args...)
		gc, gout, ge := runGocap(t, nil, args...)
		if gc != tc || ge != tcpdumpMessage(te) || gout != to {
			t.Errorf("%q: exit %d, stderr %q, output:\n%s\ntcpdump: exit %d, stderr %q, output:\n%s", args, gc, ge, gout, tc, te, to)
		}
	}
}

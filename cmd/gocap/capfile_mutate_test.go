package main

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// mutateCapture changes a capture file the way damaged and fuzzed files
// differ from good ones: 32-bit words near the start (headers, block
// lengths, options) set to edge values, 16-bit link types and option
// codes changed, single bytes changed anywhere, or the file cut short.
func mutateCapture(rng *rand.Rand, b []byte) []byte {
	b = append([]byte(nil), b...)
	for range 1 + rng.IntN(3) {
		if len(b) < 8 {
			break
		}
		switch k := rng.IntN(20); {
		case k < 10:
			i := rng.IntN(min(len(b), []int{400, 4000}[rng.IntN(2)])) &^ 3
			if i+4 <= len(b) {
				v := []uint32{0, 1, 2, 3, 4, 8, 12, 0xffffffff, 0x7fffffff, 0x80000000, 65535, 262144, 262145, rng.Uint32(), rng.Uint32() & 0xff}
				binary.LittleEndian.PutUint32(b[i:], v[rng.IntN(len(v))])
			}
		case k < 14:
			b[rng.IntN(len(b))] = byte(rng.Uint32())
		case k < 17:
			b = b[:rng.IntN(len(b)+1)]
		default:
			i := rng.IntN(min(len(b), 400)) &^ 1
			if i+2 <= len(b) {
				v := []uint16{0, 1, 101, 113, 231, 249, 276, 0xffff, uint16(rng.Uint32())}
				binary.LittleEndian.PutUint16(b[i:], v[rng.IntN(len(v))])
			}
		}
	}
	return b
}

// TestMutatedCapturesLikeTcpdump reads damaged copies of shared pcap and
// pcapng captures (the first 4 KB of each, changed by mutateCapture with
// a fixed seed) with gocap and the local tcpdump: the exit status, the
// messages and every printed line must be tcpdump's. It guards the file
// reader's checks and their order (libpcap 1.10.3's) and the printer on
// whatever the damage lets through.
func TestMutatedCapturesLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	var seeds [][]byte
	for _, pat := range []string{"*.pcapng", "*.pcap", "generated/*.pcapng"} {
		files, _ := filepath.Glob(filepath.Join(corpusDir, pat))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err == nil && len(b) > 0 {
				seeds = append(seeds, b[:min(len(b), 4000)])
			}
		}
	}
	if len(seeds) == 0 {
		t.Skipf("no shared captures in %s", corpusDir)
	}
	n := 1000
	if testing.Short() {
		n = 150
	}
	rng := rand.New(rand.NewPCG(20261207, 4))
	dir := t.TempDir()
	flagSets := [][]string{{"-nn"}, {"-nn", "-v"}, {"-nn", "-e"}, {"--count"}}
	bad := 0
	for i := range n {
		data := mutateCapture(rng, seeds[rng.IntN(len(seeds))])
		in := filepath.Join(dir, "in")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		flags := flagSets[rng.IntN(len(flagSets))]
		args := append([]string{"-r", in}, flags...)
		tc, to, te := runTcpdump(args...)
		gc, gout, ge := runGocap(t, nil, args...)
		if gc != tc || gout != to || ge != tcpdumpMessage(te) {
			bad++
			if bad <= 5 {
				t.Errorf("mutation %d %q: gocap exit %d, stderr %q; tcpdump exit %d, stderr %q (%d vs %d bytes of output)",
					i, flags, gc, ge, tc, tcpdumpMessage(te), len(gout), len(to))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d mutated captures read differently from tcpdump", bad, n)
	}
}

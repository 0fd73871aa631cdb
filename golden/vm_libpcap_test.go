package golden

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/classicgen"
)

// bpfFilterHarness is a C program, linked with libpcap master's static
// library, that reads programs and packets on stdin and prints, for each
// program, what libpcap's bpf_validate says of it and, when it accepts it
// and may run it, what bpf_filter returns for each packet, without and
// with auxiliary data. Input: per program a uint32 instruction count, the
// instructions (uint16 code, uint8 jt, uint8 jf, uint32 k), a uint32 that
// is 0 when the program must not run, a uint32 packet count, and per
// packet a uint32 wire length, a uint32 captured length and the bytes,
// all little-endian.
const bpfFilterHarness = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>

static int get32(unsigned *v) { return fread(v, 4, 1, stdin) == 1; }

/* libpcap's internal filter with the auxiliary data of a live capture on
   Linux (pcap-int.h). */
struct pcap_bpf_aux_data { u_short vlan_tag_present; u_short vlan_tag; };
u_int pcapint_filter_with_aux_data(const struct bpf_insn *, const u_char *, u_int, u_int, const struct pcap_bpf_aux_data *);

int main(void) {
	unsigned n;
	static struct bpf_insn prog[70000];
	static unsigned char pkt[70000];
	while (get32(&n)) {
		if (n > 70000) return 2;
		for (unsigned i = 0; i < n; i++) {
			unsigned char b[8];
			if (fread(b, 8, 1, stdin) != 1) return 2;
			prog[i].code = b[0] | b[1] << 8;
			prog[i].jt = b[2];
			prog[i].jf = b[3];
			prog[i].k = b[4] | b[5] << 8 | b[6] << 16 | (unsigned)b[7] << 24;
		}
		int ok = bpf_validate(prog, (int)n);
		printf("V %d\n", ok);
		unsigned run, np, wire, cap;
		if (!get32(&run) || !get32(&np)) return 2;
		ok = ok && run;
		for (unsigned j = 0; j < np; j++) {
			if (!get32(&wire) || !get32(&cap) || cap > sizeof pkt) return 2;
			if (cap && fread(pkt, cap, 1, stdin) != 1) return 2;
			if (ok) {
				struct pcap_bpf_aux_data aux = {1, 0x1234};
				printf("R %u %u\n", bpf_filter(prog, pkt, wire, cap),
				    pcapint_filter_with_aux_data(prog, pkt, wire, cap, &aux));
			}
		}
	}
	return 0;
}
`

// TestVMLibpcapBPFFilter holds NewVMLibpcap to what it claims to follow,
// libpcap's own user-space filter: 4,000 classic programs of every opcode
// (internal/classicgen, from a seeded generator) are validated by libpcap master's
// bpf_validate and by NewVMLibpcap, which must accept the same ones, and
// run by bpf_filter and by VM.Run without ancillary data (libpcap has none
// when it filters a savefile), and by libpcap's filter with the auxiliary
// data of a live capture on Linux (a VLAN tag) and VM.Run given that tag,
// on packets cut at several lengths, which must return the same values;
// programs that read Linux's other extensions are left out of the runs
// (NewVMLibpcap reads them as the kernel does, on purpose).
// One program in six is broken in a way bpf_validate refuses, or holds an
// opcode it lets through but bpf_filter aborts on, which NewVMLibpcap must
// refuse. libpcap master is the one TestGrammarDiff
// builds (findFiltertest), linked statically into a small C harness.
func TestVMLibpcapBPFFilter(t *testing.T) {
	filtertest := findFiltertest(t)
	prefix := filepath.Dir(filepath.Dir(filtertest))
	lib := filepath.Join(prefix, "lib", "libpcap.a")
	if _, err := os.Stat(lib); err != nil {
		t.Skipf("no static libpcap beside filtertest (%v): it is what build.sh installs", err)
	}
	cc, err := exec.LookPath("cc")
	if err != nil {
		t.Skip("no C compiler (cc) to build the bpf_filter harness")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "harness.c")
	if err := os.WriteFile(src, []byte(bpfFilterHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "harness")
	if out, err := exec.Command(cc, "-O1", "-I", filepath.Join(prefix, "include"), "-o", bin, src, lib).CombinedOutput(); err != nil {
		t.Fatalf("building the harness: %v\n%s", err, out)
	}

	rng := rand.New(rand.NewPCG(2023, 7))
	base := make([]byte, 120)
	for i := range base {
		base[i] = byte(rng.Uint32())
	}
	base[12], base[13] = 0x08, 0x00
	var pkts [][]byte
	for _, n := range []int{0, 1, 13, 14, 20, 34, 54, 61, 120} {
		pkts = append(pkts, base[:n])
	}
	const programs = 4000
	var progs [][]bpf.RawInstruction
	var in bytes.Buffer
	le := binary.LittleEndian
	for range programs {
		// (No backward "ja": bpf_filter runs a loop that does not end
		// for ever.)
		raw := classicgen.Random(rng, 40)
		if rng.IntN(6) == 0 {
			// Something bpf_validate refuses, now and then (or, case
			// 5, something only the kernel refuses).
			at := rng.IntN(len(raw))
			switch rng.IntN(6) {
			case 5:
				// Not broken for libpcap: an absolute load at an
				// offset the kernel does not know, which fails.
				raw[at] = bpf.RawInstruction{Op: []uint16{0x20, 0x28, 0x30}[rng.IntN(3)], K: 0xfffff000 + 4*uint32(16+rng.IntN(10)) + uint32(rng.IntN(2))}
			case 0:
				raw[at] = bpf.RawInstruction{Op: 0x60, K: 16 + uint32(rng.IntN(100))} // scratch slot out of range
			case 1:
				raw[at] = bpf.RawInstruction{Op: 0x34} // constant division by 0
			case 2:
				raw[at] = bpf.RawInstruction{Op: 0x15, Jt: 255, Jf: 255} // jumps past the end
			case 3:
				raw[at] = bpf.RawInstruction{Op: 0xff} // no such opcode
			default:
				raw = raw[:len(raw)-1] // no final return
				if len(raw) == 0 {
					raw = []bpf.RawInstruction{{Op: 0x00}}
				}
			}
		}
		progs = append(progs, raw)
		in.Write(le.AppendUint32(nil, uint32(len(raw))))
		for _, r := range raw {
			in.Write(le.AppendUint16(nil, r.Op))
			in.Write([]byte{r.Jt, r.Jf})
			in.Write(le.AppendUint32(nil, r.K))
		}
		run := uint32(1)
		if !allKnown(raw) {
			run = 0
		}
		in.Write(le.AppendUint32(nil, run))
		in.Write(le.AppendUint32(nil, uint32(len(pkts))))
		for _, p := range pkts {
			in.Write(le.AppendUint32(nil, uint32(len(p)+10)))
			in.Write(le.AppendUint32(nil, uint32(len(p))))
			in.Write(p)
		}
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("harness: %v", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	line := func() string {
		if !sc.Scan() {
			t.Fatal("harness output ends early")
		}
		return sc.Text()
	}
	var accepted, aborts, extended, runs, passed int
	for _, raw := range progs {
		listing := fmt.Sprint(raw)
		if s, err := cbpf.Format(cbpf.Typed(raw)); err == nil {
			listing = s
		}
		vm, vmErr := cbpf.NewVMLibpcap(cbpf.Typed(raw))
		libpcapOK := line() == "V 1"
		if libpcapOK && !allKnown(raw) {
			// libpcap's bpf_validate lets any BPF_MISC or BPF_RET
			// opcode through, and bpf_filter then calls abort() on
			// the ones it does not know: NewVMLibpcap refuses them.
			if vmErr == nil {
				t.Fatalf("NewVMLibpcap accepts a program with an opcode libpcap's bpf_filter aborts on:\n%s", listing)
			}
			aborts++
			continue
		}
		if libpcapOK != (vmErr == nil) {
			t.Fatalf("bpf_validate says %v, NewVMLibpcap %v:\n%s", libpcapOK, vmErr, listing)
		}
		if !libpcapOK {
			continue
		}
		accepted++
		ext := extensions(raw)
		if ext == extOther {
			extended++
		}
		for _, p := range pkts {
			var want, withAux uint32
			if _, err := fmt.Sscanf(line(), "R %d %d", &want, &withAux); err != nil {
				t.Fatal(err)
			}
			if ext == extOther {
				continue // the documented difference: the kernel's extensions
			}
			got := vm.Run(p, uint32(len(p)+10), nil)
			if ext == extNone && got != want {
				t.Fatalf("on %d bytes (wire %d) bpf_filter returns %d, VM.Run %d:\n%s", len(p), len(p)+10, want, got, listing)
			}
			if got := vm.Run(p, uint32(len(p)+10), &cbpf.Ancillary{VLANPresent: true, VLANTCI: 0x1234, NetworkOffset: 14}); got != withAux {
				t.Fatalf("on %d bytes (wire %d) with a VLAN tag, libpcap returns %d, VM.Run %d:\n%s", len(p), len(p)+10, withAux, got, listing)
			}
			runs++
			if got := vm.Run(p, uint32(len(p)+10), nil); got != 0 {
				passed++
			}
		}
	}
	t.Logf("%d programs: %d accepted by both bpf_validate and NewVMLibpcap (%d of them not run: they read a Linux extension libpcap does not have), %d that bpf_filter would abort on refused by NewVMLibpcap, the rest refused by both; %d runs return what bpf_filter returns (%d non-zero)", programs, accepted, extended, aborts, runs, passed)
	if accepted < programs/2 || accepted > programs*19/20 || passed < runs/10 {
		t.Errorf("the sample no longer exercises much: %d programs accepted, %d of %d runs non-zero", accepted, passed, runs)
	}
}

// allKnown reports whether every opcode of raw is one of classic BPF's
// (those golang.org/x/net/bpf decodes, the ones libpcap's bpf_filter
// runs).
func allKnown(raw []bpf.RawInstruction) bool {
	for _, r := range raw {
		if _, unknown := r.Disassemble().(bpf.RawInstruction); unknown {
			return false
		}
	}
	return true
}

// What Linux extensions a program reads (see NewVMLibpcap: it reads them
// as the kernel does, where libpcap's bpf_filter fails the load, but for
// "ldb" of the VLAN fields with auxiliary data).
const (
	extNone  = iota // none: the two interpreters agree with and without auxiliary data
	extVLAN         // only ldb of vlan_tci and vlan_avail: they agree given auxiliary data
	extOther        // others (ancillary fields, SKF_LL_OFF, SKF_NET_OFF)
)

func extensions(raw []bpf.RawInstruction) int {
	ext := extNone
	for _, r := range raw {
		if r.Op != 0x20 && r.Op != 0x28 && r.Op != 0x30 && r.Op != 0xb1 || int32(r.K) >= 0 {
			continue
		}
		switch {
		case r.Op == 0x30 && (r.K == 0xfffff000+44 || r.K == 0xfffff000+48):
			ext = max(ext, extVLAN)
		case r.Op != 0xb1 && int32(r.K) >= -0x1000 && !knownAncillary(r.K-0xfffff000):
			// An offset the kernel does not know: both fail.
		default:
			return extOther
		}
	}
	return ext
}

// knownAncillary reports whether SKF_AD_OFF+off is one of Linux's
// ancillary fields (include/uapi/linux/filter.h: SKF_AD_PROTOCOL to
// SKF_AD_VLAN_TPID, every 4 bytes).
func knownAncillary(off uint32) bool { return off%4 == 0 && off <= 60 }

package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// wlanRandIE is an information element tcpdump reads (SSID, rates, DS,
// CF, TIM, challenge) or another, with a value of a fitting or a wrong
// length.
func wlanRandIE(rng *rand.Rand) []byte {
	ids := []byte{0, 0, 1, 1, 3, 4, 5, 16, 7, 42, 45, 48, 50, 61, 221, 191, 114, 113}
	id := ids[rng.IntN(len(ids))]
	if rng.IntN(8) == 0 {
		id = byte(rng.IntN(256))
	}
	var v []byte
	switch id {
	case 0:
		v = randBytes(rng, []int{0, 1, 4, 8, 32, 33, 40}[rng.IntN(7)])
	case 1, 50:
		v = randBytes(rng, []int{0, 1, 4, 8, 9, 12}[rng.IntN(6)])
	case 3:
		v = randBytes(rng, []int{1, 1, 1, 0, 2}[rng.IntN(5)])
	case 4:
		v = randBytes(rng, []int{6, 6, 5, 7}[rng.IntN(4)])
	case 5:
		v = randBytes(rng, []int{3, 4, 5, 8, 2, 252}[rng.IntN(6)])
	case 16:
		v = randBytes(rng, []int{0, 1, 128, 254}[rng.IntN(4)])
	default:
		v = randBytes(rng, rng.IntN(12))
	}
	l := len(v)
	if rng.IntN(15) == 0 {
		l = rng.IntN(256)
	}
	return append([]byte{id, byte(l)}, v...)
}

// wlanRandFrame is an 802.11 frame of a random type and subtype with
// random flags, each with the fixed fields and elements of its kind (or
// random bytes), management bodies of every subtype, control frames of
// every subtype and data frames of each address layout.
func wlanRandFrame(rng *rand.Rand) []byte {
	typ := rng.IntN(4)
	if rng.IntN(10) != 0 {
		typ = []int{0, 0, 0, 1, 2, 2}[rng.IntN(6)]
	}
	sub := rng.IntN(16)
	flags := byte(0)
	switch rng.IntN(4) {
	case 0:
		flags = byte(rng.IntN(256))
	case 1:
		flags = byte(rng.IntN(4))
	}
	f := []byte{byte(sub<<4 | typ<<2 | rng.IntN(8)/7), flags, byte(rng.IntN(256)), byte(rng.IntN(2))}
	addr := func(n byte) []byte { return []byte{2, 0, 0, 0, 0, n} }
	switch typ {
	case 1:
		f = append(f, addr(1)...)
		if sub != 12 && sub != 13 {
			f = append(f, addr(2)...)
		}
		switch sub {
		case 8, 9:
			f = append(f, randBytes(rng, rng.IntN(12))...)
		case 7:
			f = append(f, randBytes(rng, rng.IntN(12))...)
		}
	case 0:
		f = append(f, addr(1)...)
		f = append(f, addr(2)...)
		f = append(f, addr(3)...)
		f = append(f, byte(rng.IntN(256)), byte(rng.IntN(256)))
		if flags&0x80 != 0 {
			f = append(f, randBytes(rng, 4)...)
		}
		if rng.IntN(6) == 0 {
			f = append(f, randBytes(rng, rng.IntN(30))...)
			break
		}
		fixed := map[int]int{0: 4, 1: 6, 2: 10, 3: 6, 5: 12, 8: 12, 10: 2, 11: 6, 12: 2, 13: 2}[sub]
		fv := randBytes(rng, fixed)
		if (sub == 1 || sub == 3 || sub == 11) && rng.IntN(2) == 0 {
			fv[len(fv)-2], fv[len(fv)-1] = byte(rng.IntN(110)), 0
		}
		if (sub == 10 || sub == 12) && rng.IntN(2) == 0 {
			fv[0], fv[1] = byte(rng.IntN(70)), 0
		}
		if sub == 11 && rng.IntN(2) == 0 {
			fv[0], fv[1], fv[2], fv[3] = byte(rng.IntN(4)), 0, byte(rng.IntN(5)), 0
		}
		if sub == 13 && rng.IntN(2) == 0 {
			fv[0] = byte(rng.IntN(20))
		}
		f = append(f, fv...)
		for range rng.IntN(6) {
			f = append(f, wlanRandIE(rng)...)
		}
	default:
		f = append(f, addr(1)...)
		f = append(f, addr(2)...)
		f = append(f, addr(3)...)
		f = append(f, byte(rng.IntN(256)), byte(rng.IntN(256)))
		if flags&3 == 3 {
			f = append(f, addr(4)...)
		}
		if sub&8 != 0 {
			f = append(f, byte(rng.IntN(256)), byte(rng.IntN(2)))
		}
		switch rng.IntN(4) {
		case 0:
			f = append(f, randBytes(rng, rng.IntN(40))...)
		case 1:
			f = append(f, 0xaa, 0xaa, 3, 0, 0, 0, 8, 6)
			f = append(f, 0, 1, 8, 0, 6, 4, 0, 1)
			f = append(f, randBytes(rng, 20)...)
		default:
			h, _ := hex.DecodeString("aaaa030000000800" + strings.ReplaceAll(linkICMP4, " ", ""))
			f = append(f, h...)
		}
	}
	return f
}

// radiotapRand is a radiotap header with random known fields (each at
// its alignment), sometimes an unknown one or a second presence word,
// and whether its flags say the frame ends with an FCS.
func radiotapRand(rng *rand.Rand) (hdr []byte, fcs bool) {
	type field struct{ size, align int }
	fields := map[int]field{0: {8, 8}, 1: {1, 1}, 2: {1, 1}, 3: {4, 2}, 4: {2, 1}, 5: {1, 1}, 6: {1, 1}, 7: {2, 2},
		8: {2, 2}, 9: {2, 2}, 10: {1, 1}, 11: {1, 1}, 12: {1, 1}, 13: {1, 1}, 14: {2, 2}, 18: {8, 4}, 19: {3, 1},
		20: {8, 4}, 21: {12, 2}}
	if rng.IntN(4) == 0 {
		// Several presence words of random namespaces and bits, the
		// fields random bytes of a random length.
		var words []uint32
		for i := range 1 + rng.IntN(4) {
			w := rng.Uint32() & []uint32{0x003fffff, 0x00000fff, 0xffffffff, 0x0000000f}[rng.IntN(4)]
			if rng.IntN(3) == 0 {
				w |= []uint32{1 << 29, 1 << 30, 3 << 29}[rng.IntN(3)]
			}
			if i > 0 {
				words[i-1] |= 1 << 31
			}
			words = append(words, w)
		}
		hdr = make([]byte, 4+4*len(words))
		for i, w := range words {
			binary.LittleEndian.PutUint32(hdr[4+4*i:], w)
		}
		hdr = append(hdr, randBytes(rng, rng.IntN(40))...)
		binary.LittleEndian.PutUint16(hdr[2:], uint16(len(hdr)))
		return hdr, false
	}
	var present uint32
	for range rng.IntN(8) {
		b := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 21}[rng.IntN(19)]
		present |= 1 << b
	}
	if rng.IntN(12) == 0 {
		present |= 1 << (15 + rng.IntN(3))
	}
	words := []uint32{present}
	if rng.IntN(10) == 0 {
		words[0] |= 1 << 31
		words = append(words, uint32(rng.IntN(4)))
	}
	hdr = make([]byte, 4+4*len(words))
	for i, w := range words {
		binary.LittleEndian.PutUint32(hdr[4+4*i:], w)
	}
	for bit := range 32 {
		fd, ok := fields[bit]
		if present&(1<<bit) == 0 || !ok {
			continue
		}
		for len(hdr)%fd.align != 0 {
			hdr = append(hdr, 0)
		}
		v := randBytes(rng, fd.size)
		switch bit {
		case 1:
			v[0] = byte(rng.IntN(256))
			fcs = v[0]&0x10 != 0
		case 3:
			binary.LittleEndian.PutUint16(v, []uint16{2412, 2437, 5180, 5745, 4920, uint16(rng.IntN(6000))}[rng.IntN(6)])
		case 18:
			binary.LittleEndian.PutUint16(v[4:], []uint16{2412, 5180, uint16(rng.IntN(6000))}[rng.IntN(3)])
		case 19:
			v[2] = byte(rng.IntN(80))
		}
		hdr = append(hdr, v...)
	}
	binary.LittleEndian.PutUint16(hdr[2:], uint16(len(hdr)))
	return hdr, fcs
}

// wlanRandomCases are random 802.11 frames from a fixed seed, after a
// random radiotap header when radiotap is set, some cut short.
func wlanRandomCases(seed uint64, n int, radiotap bool) []crafted {
	rng := rand.New(rand.NewPCG(seed, 80211))
	var pkts []crafted
	for range n {
		f := wlanRandFrame(rng)
		if radiotap {
			h, fcs := radiotapRand(rng)
			if fcs {
				f = append(f, randBytes(rng, 4)...)
			}
			f = append(h, f...)
		}
		pkt := hex.EncodeToString(f)
		if rng.IntN(5) == 0 {
			pkts = append(pkts, craftedCut(pkt, 1+rng.IntN(len(f)-1)))
		} else {
			pkts = append(pkts, crafted{hex: pkt})
		}
	}
	return pkts
}

// wlanRandomFlagSets are the flag sets of the random 802.11 tests: -e
// prints the addresses, -H the mesh header. (None prints names: tcpdump
// would ask DNS for the IP addresses the data frames carry.)
var wlanRandomFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-e", "-vv"}, Options{NumericLevel: 2, LinkHeader: true, Verbose: 2}},
	{[]string{"-nn", "-e", "-H", "-vvv"}, Options{NumericLevel: 2, LinkHeader: true, MeshHeaders: true, Verbose: 3}},
	{[]string{"-nn", "-e", "-x"}, Options{NumericLevel: 2, LinkHeader: true, Hex: 1}},
	{[]string{"-nn", "-q"}, Options{NumericLevel: 2, Quiet: true}},
	{[]string{"-nn", "-e", "-q", "-H"}, Options{NumericLevel: 2, LinkHeader: true, Quiet: true, MeshHeaders: true}},
}

// TestIEEE80211RandomLikeTcpdump prints random bare 802.11 frames
// (wlanRandomCases) with wlanRandomFlagSets.
func TestIEEE80211RandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "wlanrandom", cbpf.LinkIEEE80211, wlanRandomCases(1, 2000, false), wlanRandomFlagSets)
}

// TestRadiotapRandomLikeTcpdump prints random 802.11 frames after random
// radiotap headers (radiotapRand) with wlanRandomFlagSets.
func TestRadiotapRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "radiotaprandom", cbpf.LinkIEEE80211Radio, wlanRandomCases(2, 2000, true), wlanRandomFlagSets)
}

// TestPrismAVSRandomLikeTcpdump prints the random 802.11 frames after
// Prism headers and AVS headers of random lengths (some cut short or
// shorter than their own header) on the Prism and AVS link types.
func TestPrismAVSRandomLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 119))
	var prism, avs []crafted
	for _, c := range wlanRandomCases(4, 400, false) {
		h := randBytes(rng, 144)
		h[0], h[1], h[2], h[3] = 0, 0, 0, 0x44
		n := []int{8, 64, 64, 64, 4, 200, rng.IntN(80)}[rng.IntN(7)]
		a := append([]byte{0x80, 0x21, 0x10, byte(1 + rng.IntN(2)), 0, 0, 0, byte(n)}, randBytes(rng, max(0, n-8))...)
		if rng.IntN(3) == 0 {
			prism = append(prism, crafted{hex.EncodeToString(a) + c.hex, 0})
		} else {
			prism = append(prism, crafted{hex.EncodeToString(h) + c.hex, 0})
		}
		avs = append(avs, crafted{hex.EncodeToString(a) + c.hex, 0})
	}
	compareWithTcpdump(t, "prismrandom", cbpf.LinkPrismHeader, prism, wlanRandomFlagSets)
	compareWithTcpdump(t, "avsrandom", cbpf.LinkIEEE80211RadioAVS, avs, wlanRandomFlagSets)
}

// TestIEEE80211MeshRandomLikeTcpdump prints QoS data frames of each
// address layout whose body starts with a mesh control field of each
// address extension mode (or flags that are not a mesh's), random
// extension addresses, and an IPv4 datagram or random bytes, some cut
// short, with -H among wlanRandomFlagSets.
func TestIEEE80211MeshRandomLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	var pkts []crafted
	for range 1500 {
		flags := byte(rng.IntN(4)) | byte(rng.IntN(2))<<6
		f := []byte{0x88, flags, 0, 0}
		for i := range 3 {
			f = append(f, 2, 0, 0, 0, 0, byte(i+1))
		}
		f = append(f, 0x10, 0)
		if flags&3 == 3 {
			f = append(f, 2, 0, 0, 0, 0, 4)
		}
		f = append(f, byte(rng.IntN(256)), byte(rng.IntN(4)))
		mf := byte(rng.IntN(4))
		if rng.IntN(6) == 0 {
			mf = byte(rng.IntN(256))
		}
		f = append(f, mf, byte(rng.IntN(256)), 1, 2, 3, 4)
		f = append(f, randBytes(rng, 6*rng.IntN(4))...)
		if rng.IntN(2) == 0 {
			h, _ := hex.DecodeString("aaaa030000000800" + "4500001c000100004001" + "66de0a0000010a0000020800f7fe00010000")
			f = append(f, h...)
		} else {
			f = append(f, randBytes(rng, rng.IntN(20))...)
		}
		pkt := hex.EncodeToString(f)
		if rng.IntN(5) == 0 {
			pkts = append(pkts, craftedCut(pkt, 1+rng.IntN(len(f)-1)))
		} else {
			pkts = append(pkts, crafted{hex: pkt})
		}
	}
	compareWithTcpdump(t, "meshrandom", cbpf.LinkIEEE80211, pkts, wlanRandomFlagSets)
}

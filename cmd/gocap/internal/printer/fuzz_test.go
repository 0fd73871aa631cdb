package printer

import (
	"encoding/hex"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocap/gocap/cbpf"
)

// fuzzNames names the addresses whose text has an even length.
type fuzzNames struct{}

func (fuzzNames) lookup(addr string) ([]string, bool) {
	if len(addr)%2 == 0 {
		return []string{"h." + addr + ".example."}, true
	}
	return nil, false
}

// decodedLinkTypes lists every link type Packet decodes, in order: the
// keys of linkDecoders.
func decodedLinkTypes() []cbpf.LinkType {
	return slices.Sorted(maps.Keys(linkDecoders))
}

// undecodedLinkTypes are a few link types Packet has no decoder for:
// OpenBSD's DLT_RAW, LINKTYPE_RAW (a file's value, which the
// reader turns into DLT_RAW before printing), two tcpdump decodes (LANE,
// Linux IrDA), DLT_USER0, a type nobody uses and one past the end of the
// table.
var undecodedLinkTypes = []cbpf.LinkType{14, 101, 106, 144, 147, 200, 299}

// fuzzSeeds are small packets for each decoded link type: a header and,
// where the type carries IPv4, a TCP segment with an option.
func fuzzSeeds() map[cbpf.LinkType][]string {
	const (
		ip4tcp = "4500 002c 0001 0000 4006 0000 0a000001 0a000002 04d2 0050 00000001 00000002 6012 0100 0000 0000 0204 05b4"
		ip6udp = "6000 0000 0008 1140 fe800000000000000000000000000001 ff020000000000000000000000000001 0222 0223 0008 0000"
		icmp4  = "4500 001c 0001 0000 4001 0000 0a000001 0a000002 0800 f7fe 0001 0000"
		dot11  = "0802 0000 ffffffffffff 000000000001 000000000002 0000 aaaa03000000 0800 " + icmp4
	)
	return map[cbpf.LinkType][]string{
		cbpf.LinkNull:           {"02000000 " + ip4tcp, "1e000000 " + ip6udp},
		cbpf.LinkLoop:           {"00000002 " + ip4tcp},
		cbpf.LinkEN10MB:         {"000000000002 000000000001 0800 " + ip4tcp, "000000000002 000000000001 8100 0005 86dd " + ip6udp},
		cbpf.LinkPPP:            {"ff03 0021 " + ip4tcp, "ff03 c021 0101 0008 0104 05dc"},
		cbpf.LinkPPPSerial:      {"ff03 0021 " + icmp4},
		cbpf.LinkPPPEther:       {"1100 0001 001e 0021 " + ip4tcp},
		cbpf.LinkRaw:            {ip4tcp, ip6udp, icmp4},
		cbpf.LinkIPv4:           {ip4tcp},
		cbpf.LinkIPv6:           {ip6udp},
		cbpf.LinkCHDLC:          {"0f00 0800 " + ip4tcp, "8f00 8035 00000000 00000001 00000000 ffff"},
		cbpf.LinkIEEE80211:      {dot11, "8000 0000 ffffffffffff 000000000001 000000000001 0000 0000000000000000 6400 0100 0004 74657374"},
		cbpf.LinkIEEE80211Radio: {"0000 0800 00000000 " + dot11, "0000 0d00 04800000 02 00 6c09a000 " + dot11},
		cbpf.LinkLinuxSLL:       {"0000 0001 0006 000000000001 0000 0800 " + ip4tcp},
		cbpf.LinkLinuxSLL2:      {"0800 0000 00000001 0001 00 06 000000000001 0000 " + ip4tcp},
		cbpf.LinkNFLOG:          {"02 00 0000 0800 0100 0800 0000 " + "1800 0900 " + ip4tcp, "07 00 0001 0500 0a00 41000000 0600 0900 0102", "02 00 0000 4000 0100 00000000"},
		cbpf.LinkSLIP: {"00 40 00000000000000000000000000000000 " + ip4tcp, "01 70 0000000000000000 07 00000000 00 " + ip4tcp,
			"00 ce 07 1234 0102 03 00 0100 04 000000 " + ip4tcp, "00 8b 1234 000000000000000000000000 " + ip4tcp},
		cbpf.LinkSLIPBSDOS:              {"00000000000000000000000000000000 " + icmp4},
		cbpf.LinkEnc:                    {"02000000 00001001 00000c00 " + ip4tcp, "00000018 00001001 00000800 " + ip6udp},
		cbpf.LinkSymantecFirewall:       {"000000000000 0800 " + strings.Repeat("00", 36) + ip4tcp},
		cbpf.LinkIPNet:                  {"01 02 0000 00000030 00000002 00000000 00000001 00000003 " + ip4tcp, "01 1a 0000 00000030 00000002 00000000 00000001 00000003 " + ip6udp},
		cbpf.LinkAppleIPOverIEEE1394:    {"0102030405060708 1112131415161718 0800 " + ip4tcp},
		cbpf.LinkPPPPPPD:                {"0103 0021 " + ip4tcp},
		cbpf.LinkNetAnalyzer:            {"01020304 000000000002 000000000001 0800 " + ip4tcp},
		cbpf.LinkNetAnalyzerTransparent: {"01020304 55555555555555d5 000000000002 000000000001 0800 " + ip4tcp},
		cbpf.LinkIPOverFC:               {"1000000000000002 1000000000000001 aaaa03000000 0800 " + ip4tcp},
		cbpf.LinkATMCLIP:                {"aaaa03000000 0800 " + ip4tcp, icmp4},
		cbpf.LinkIPOIB:                  {strings.Repeat("00", 40) + "0800 0000 " + ip4tcp},
		cbpf.LinkPFLog:                  {"30 02 00 00 656d3000000000000000000000000000 72756c65730000000000000000000000 00000005 ffffffff 00000000 00000000 00000000 00000000 01 000000 " + ip4tcp},
		cbpf.LinkBluetoothH4PHDR:        {"00000001 01030c00", "00000000 040e0401030c00"},
		cbpf.LinkUSBLinux:               {"0000000000000000 53 02 80 03 0100 00 00 0000000000000000 00000000 00000000 12000000 00000000 8006000100001200"},
		cbpf.LinkUSBLinuxMMapped:        {"0000000000000000 43 01 81 03 0100 00 00 0000000000000000 00000000 00000000 12000000 00000000 8006000100001200 00000000 00000000 00000000 00000000 0102"},
		cbpf.LinkFDDI:                   {"50 000000000002 000000000001 aaaa03000000 0800 " + ip4tcp},
		cbpf.LinkPKTAP:                  {"6c000000 01000000 01000000" + strings.Repeat("00", 96) + "000000000002 000000000001 0800 " + ip4tcp},
		cbpf.LinkUser2:                  {"6c000000 01000000 0c000000" + strings.Repeat("00", 96) + ip4tcp},
		cbpf.LinkHDLC:                   {"0f00 0800 " + ip4tcp},
		cbpf.LinkATMRFC1483:             {"aaaa03000000 0800 " + ip4tcp, "060603 " + icmp4},
		cbpf.LinkARCNET:                 {"01 02 d4 00 0001 " + ip4tcp, "01 02 f0 " + icmp4, "01 02 d4 ff 0000 d4 01 0002 " + icmp4},
		cbpf.LinkARCNETLinux:            {"01 02 0000 d4 00 0001 " + ip4tcp, "01 02 0000 f0 " + icmp4},
		cbpf.LinkLTalk:                  {"07 05 01 0010 02 fd 03 40010001 00000000 0102", "07 05 02 0013 0000 00c8 0064 07 05 02 fd 02 21 05 0064 05 fd 00 01 61 01 62 01 63"},
		cbpf.LinkVSOCK:                  {"0300000000000000 0200000000000000 d2040000 50000000 0400 0200 2c00 0000 0300000000000000 0200000000000000 d2040000 50000000 04000000 0100 0500 00000000 00000100 00000000 61626364"},
		cbpf.LinkPPPBSDOS:               {"ff03 0021 " + ip4tcp},
		cbpf.LinkIEEE80211RadioAVS:      {"80211001 00000040" + strings.Repeat("00", 56) + dot11},
		cbpf.LinkPrismHeader:            {"00000044" + strings.Repeat("00", 140) + dot11, "80211002 00000040" + strings.Repeat("00", 56) + dot11},
		cbpf.LinkIEEE802:                {"10 40 000000000002 800000000001 0630 0012 0020 aaaa03000000 0800 " + ip4tcp, "10 40 000000000002 000000000001 aaaa03000000 0800 " + icmp4},
		cbpf.LinkFrelay:                 {"1841 03cc " + ip4tcp, "1841 0800 " + icmp4, "0001 0308 00 7d 95 0101 00 0302 0605 0703 06a0 82"},
		cbpf.LinkMFR:                    {"e1 00 01 0103 41 0306 12345678", "c1 05 1841 03cc " + ip4tcp},
		cbpf.LinkSunATM:                 {"02 01 0064 aaaa03000000 0800 " + ip4tcp, "01 01 0065 0001 000000000002 000000000001 0800 " + icmp4, "02 00 0005 09 03 000001 05 00"},
		cbpf.LinkDSATagBRCM:             {"000000000002 000000000001 2000 0000 0800 " + ip4tcp},
		cbpf.LinkDSATagBRCMPrep:         {"2000 0000 000000000002 000000000001 0800 " + ip4tcp},
		cbpf.LinkDSATagDSA:              {"000000000002 000000000001 c3100064 0800 " + ip4tcp},
		cbpf.LinkDSATagEDSA:             {"000000000002 000000000001 dada0000 c3100064 0800 " + ip4tcp},
		cbpf.LinkIEEE802154:             {"6188 05 cdab 3412 7856 01020304 40f6", "0300 20 cdab 0000 cdab 0102030405060708 01 8e"},
		cbpf.LinkIEEE802154NoFCS:        {"4188 05 cdab 3412 7856 01020304"},
		cbpf.LinkIEEE802154TAP:          {"0000 0400 6188 05 cdab 3412 7856 01020304 40f6"},
		cbpf.LinkPPI:                    {"0000 0800 69000000 " + dot11, "0000 0800 01000000 000000000002 000000000001 0800 " + ip4tcp},
		cbpf.LinkJuniperEther:           {"4d474381 0009 03010101040100000002 000000000002 000000000001 0800 " + ip4tcp, "4d474303 00000000 " + icmp4},
		cbpf.LinkJuniperATM1:            {"4d474301 00000001 aaaa03000000 0800 " + ip4tcp, "4d474301 80000001 00000030 18" + strings.Repeat("00", 47)},
		cbpf.LinkJuniperATM2:            {"4d474301 0000000100000010 08000000 00000030 10" + strings.Repeat("00", 47), "4d474300 0000000100000000 000000000002 000000000001 0800 " + icmp4},
		cbpf.LinkJuniperMLPPP:           {"4d474301 0102 ff03 0021 " + ip4tcp, "4d474301 4700000000100028 " + ip6udp},
		cbpf.LinkJuniperMFR:             {"4d474301 c105 1841 03cc " + icmp4, "4d474301 5407 0000 0000 03cc " + icmp4},
		cbpf.LinkJuniperMLFR:            {"4d474301 0102 03cc " + icmp4},
		cbpf.LinkJuniperGGSN:            {"4d474301 0100020000640000 " + ip4tcp},
		cbpf.LinkJuniperES:              {"4d474301 0001400300001234c0000201c0000202 " + ip4tcp},
		cbpf.LinkJuniperMonitor:         {"4d474301 0000000000000000 45000007 00000009 " + icmp4},
		cbpf.LinkJuniperServices:        {"4d474301 0000000000000000 45010203 00000007 " + icmp4},
		cbpf.LinkJuniperPPPoE:           {"4d474301 000000000002 000000000001 8864 1100 0001 001e 0021 " + icmp4},
		cbpf.LinkJuniperPPPoEATM:        {"4d474301 8864 1100 0001 001e 0021 " + icmp4},
		cbpf.LinkJuniperPPP:             {"4d474301 ff03 0021 " + ip4tcp},
		cbpf.LinkJuniperFrelay:          {"4d474301 1841 03cc " + ip4tcp},
		cbpf.LinkJuniperCHDLC:           {"4d474301 0f00 0800 " + ip4tcp},
	}
}

// protoFuzzSeeds are Ethernet frames (hex) of the protocols whose tests
// craft packets; those tests add them in init functions.
var protoFuzzSeeds []string

// craftedSeeds are crafted Ethernet frames the protocol tests add (in
// their files' init functions) to FuzzPacket's seeds.
var craftedSeeds []crafted

// fuzzCaptures lists the captures TestGolden prints: the project's own
// and, when present, the shared tcpdump captures.
func fuzzCaptures(f *testing.F) []string {
	files, _ := filepath.Glob(filepath.Join(projectPcaps, "*.pcap"))
	dir := os.Getenv("GOCAP_SHARED")
	if dir == "" {
		dir = "../../../../../shared"
	}
	for _, pat := range []string{"*.pcap", "*.pcapng"} {
		m, _ := filepath.Glob(filepath.Join(dir, "corpus", "tcpdump-pcaps", pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		f.Log("no captures found for seeds; using the built-in seeds only")
	}
	return files
}

// FuzzPacket feeds arbitrary bytes with an arbitrary link type to every
// flag combination that changes the decoding path. Packet must return
// normally (it recovers any panic), and no decoder may panic with
// anything but the package's truncation sentinels: a runtime error is a
// decoder bug even though Packet survives it.
//
// The seeds cover every link type Packet decodes (fuzzSeeds), a few it
// does not, the packets the per-protocol tests craft (protoFuzzSeeds),
// and every packet of the captures TestGolden prints.
func FuzzPacket(f *testing.F) {
	generic := [][]byte{{}, make([]byte, 14), make([]byte, 64)}
	for _, lt := range append(decodedLinkTypes(), undecodedLinkTypes...) {
		for _, s := range generic {
			f.Add(s, uint32(lt), uint8(0))
		}
	}
	for lt, pkts := range fuzzSeeds() {
		for _, h := range pkts {
			b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
			if err != nil {
				f.Fatalf("seed for link type %d: %v", lt, err)
			}
			for _, fl := range []uint8{0, 0x02, 0x04, 0x0c, 0x10} {
				f.Add(b, uint32(lt), fl)
			}
		}
	}
	for _, h := range protoFuzzSeeds {
		b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
		if err != nil {
			f.Fatalf("protocol seed: %v", err)
		}
		for _, fl := range []uint8{0x01, 0x05, 0x09, 0x11} {
			f.Add(b, uint32(cbpf.LinkEN10MB), fl)
		}
	}
	// the crafted Ethernet frames of the protocol tests
	for _, c := range craftedSeeds {
		b, err := hex.DecodeString(strings.ReplaceAll(c.hex, " ", ""))
		if err != nil {
			f.Fatalf("crafted seed: %v", err)
		}
		for _, fl := range []uint8{0x01, 0x05, 0x09, 0x0d, 0x11} {
			f.Add(b, uint32(cbpf.LinkEN10MB), fl)
		}
	}
	// the -T tests' packets, their packet type in the link type's
	// hundreds (see below)
	for _, tc := range typedSeeds {
		pt, _ := ParsePacketType(tc.name)
		for _, c := range tc.pkts {
			b, err := hex.DecodeString(strings.ReplaceAll(c.hex, " ", ""))
			if err != nil {
				f.Fatalf("-T %s seed: %v", tc.name, err)
			}
			for _, fl := range []uint8{0x01, 0x05, 0x09, 0x11} {
				f.Add(b, uint32(cbpf.LinkEN10MB)+300*uint32(pt), fl)
			}
		}
	}
	// flag bytes: -nn -v, -nn -vv -e, -nn -x, names and -vvv.
	rotation := []uint8{0x05, 0x0b, 0x11, 0x0c}
	for _, path := range fuzzCaptures(f) {
		pkts, _ := readCapture(path)
		for i, pk := range pkts {
			f.Add(pk.data, uint32(pk.linkType), rotation[i%len(rotation)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, linkType uint32, flags uint8) {
		o := Options{
			NumericLevel: int(flags & 1),
			LinkHeader:   flags&2 != 0,
			Verbose:      int(flags>>2) & 3,
			Hex:          int(flags>>4) & 1,
			HexASCII:     int(flags>>5) & 1,
			Quiet:        flags&0x40 != 0,
			AbsoluteSeq:  flags&0x80 != 0,
			MeshHeaders:  flags&0x80 != 0,
			Location:     time.UTC,
			// -T: the link type's value past 300, so that the
			// seeds below 300 print as without -T.
			PacketType: PacketType(linkType / 300 % uint32(len(packetTypeNames))),
		}
		if o.AbsoluteSeq {
			// -E too: ESP decrypted with a default key, so that the
			// printers see what a key makes of random bytes.
			o.ESPSecret = "3des-cbc-hmac96:0x0102030405060708090a0b0c0d0e0f101112131415161718,0x12345678@10.0.0.2 aes128:0xa0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
		}
		if o.NumericLevel == 0 {
			// Names without -n: every other address gets a host name.
			o.Resolver = &fakeResolver{names: fuzzNames{}}
			o.NoDomain = flags&8 != 0
		}
		p := New(io.Discard, o)
		ci := PacketInfo{Timestamp: time.Unix(1, 0), CaptureLength: len(data), Length: len(data) + int(flags)}
		for range 2 {
			if err := p.Packet(ci, data, cbpf.LinkType(linkType%300)); err != nil {
				t.Fatal(err)
			}
			if p.fault != nil {
				t.Fatalf("link type %d: %v", linkType%300, p.fault)
			}
		}
	})
}

package cbpf

import (
	"encoding/binary"
	"strings"
	"testing"
)

// 802.11 frames for the verdict tests.

var (
	wlanA = []byte{0x02, 0, 0, 0, 0, 0xa}
	wlanB = []byte{0x02, 0, 0, 0, 0, 0xb}
	wlanC = []byte{0x02, 0, 0, 0, 0, 0xc}
	wlanD = []byte{0x02, 0, 0, 0, 0, 0xd}
)

// wlanData is a data frame (QoS data when qos) with the given DS bits and
// addresses addr1..addr4 (addr4 only with both DS bits), carrying an
// LLC/SNAP header for etherType and the payload.
func wlanData(qos bool, ds byte, etherType uint16, payload []byte) []byte {
	fc0 := byte(0x08)
	if qos {
		fc0 |= 0x80
	}
	h := cat([]byte{fc0, ds, 0, 0}, wlanA, wlanB, wlanC, []byte{0, 0})
	if ds == 3 {
		h = append(h, wlanD...)
	}
	if qos {
		h = append(h, 0, 0)
	}
	snap := []byte{0xaa, 0xaa, 0x03, 0, 0, 0, byte(etherType >> 8), byte(etherType)}
	return cat(h, snap, payload)
}

// wlanMgmt is a management frame of the given subtype from wlanB to addr1.
func wlanMgmt(subtype byte, addr1 []byte) []byte {
	return cat([]byte{subtype << 4, 0, 0, 0}, addr1, wlanB, wlanC, []byte{0, 0})
}

// radiotap is a radiotap header of length n (at least 8) with the given
// first presence word; flags, if the Flags field is present, is at 8, or
// at 16 after a TSFT field.
func radiotap(n int, present uint32, flags byte) []byte {
	h := make([]byte, n)
	binary.LittleEndian.PutUint16(h[2:], uint16(n))
	binary.LittleEndian.PutUint32(h[4:], present)
	if present&radiotapFlags != 0 {
		if present&radiotapTSFT != 0 {
			h[16] = flags
		} else {
			h[8] = flags
		}
	}
	return h
}

func TestWLANVerdicts(t *testing.T) {
	udp := ipv4UDP(53, nil)
	plain := wlanData(false, 0, etherTypeIP, udp)
	qos := wlanData(true, 0, etherTypeIP, udp)
	toDS := wlanData(false, 1, etherTypeIP, udp)
	wds := wlanData(false, 3, etherTypeIP, udp)
	v6 := wlanData(false, 0, etherTypeIPv6, ipv6UDP(53, nil))
	beacon := wlanMgmt(8, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	probe := wlanMgmt(4, wlanA)
	cts := cat([]byte{0xc4, 0, 0, 0}, wlanA)

	// A QoS frame padded to a multiple of 4 (26 -> 28) behind radiotap.
	padded := wlanData(true, 0, etherTypeIP, nil)
	padded = cat(padded[:26], []byte{0, 0}, padded[26:], udp)
	avs := func(n int) []byte {
		h := make([]byte, n)
		binary.BigEndian.PutUint32(h, 0x80211001)
		binary.BigEndian.PutUint32(h[4:], uint32(n))
		return h
	}
	ppi := func(dlt uint32) []byte {
		h := make([]byte, 8)
		binary.LittleEndian.PutUint16(h[2:], 8)
		binary.LittleEndian.PutUint32(h[4:], dlt)
		return h
	}

	for _, tc := range []struct {
		expr string
		lt   LinkType
		pkt  []byte
		want bool
	}{
		{"udp port 53", LinkIEEE80211, plain, true},
		{"udp port 53", LinkIEEE80211, qos, true},
		{"udp port 54", LinkIEEE80211, qos, false},
		{"ip6 and udp port 53", LinkIEEE80211, v6, true},
		{"ip", LinkIEEE80211, v6, false},
		{"ip", LinkIEEE80211, beacon, false},
		{"llc", LinkIEEE80211, plain, true},
		{"llc", LinkIEEE80211, beacon, false},
		{"wlan type mgt subtype beacon", LinkIEEE80211, beacon, true},
		{"subtype probe-req", LinkIEEE80211, beacon, false},
		{"wlan subtype qos-data", LinkIEEE80211, qos, true},
		{"type ctl subtype cts", LinkIEEE80211, cts, true},
		{"dir nods", LinkIEEE80211, plain, true},
		{"dir tods", LinkIEEE80211, toDS, true},
		{"dir dstods", LinkIEEE80211, toDS, false},
		{"broadcast", LinkIEEE80211, beacon, true},
		{"multicast", LinkIEEE80211, beacon, true},
		{"broadcast", LinkIEEE80211, probe, false},
		{"wlan dst 02:00:00:00:00:0a", LinkIEEE80211, probe, true},
		{"wlan src 02:00:00:00:00:0b", LinkIEEE80211, probe, true},
		{"wlan src 02:00:00:00:00:0a", LinkIEEE80211, probe, false},
		// Data frames: From DS clear, SA is addr2; To DS set, DA is addr3.
		{"wlan src 02:00:00:00:00:0b", LinkIEEE80211, plain, true},
		{"wlan dst 02:00:00:00:00:0c", LinkIEEE80211, toDS, true},
		{"wlan dst 02:00:00:00:00:0a", LinkIEEE80211, toDS, false},
		// WDS: SA is addr4.
		{"wlan src 02:00:00:00:00:0d", LinkIEEE80211, wds, true},
		{"wlan addr4 02:00:00:00:00:0d", LinkIEEE80211, wds, true},
		{"wlan addr4 02:00:00:00:00:0d", LinkIEEE80211, plain, false},
		{"wlan addr1 02:00:00:00:00:0a and wlan addr2 02:00:00:00:00:0b and wlan addr3 02:00:00:00:00:0c", LinkIEEE80211, plain, true},
		{"wlan addr2 02:00:00:00:00:0b", LinkIEEE80211, cts, false},
		{"wlan ra 02:00:00:00:00:0a", LinkIEEE80211, plain, true},
		{"wlan ra 02:00:00:00:00:0a", LinkIEEE80211, probe, false},
		{"wlan ta 02:00:00:00:00:0b", LinkIEEE80211, plain, true},
		{"link host 02:00:00:00:00:0b", LinkIEEE80211, plain, true},

		{"udp port 53", LinkIEEE80211Radio, cat(radiotap(8, 0, 0), plain), true},
		{"udp port 53", LinkIEEE80211Radio, cat(radiotap(20, 0, 0), qos), true},
		{"udp port 53", LinkIEEE80211Radio, cat(radiotap(12, radiotapFlags, radiotapPadded), padded), true},
		{"udp port 53", LinkIEEE80211Radio, cat(radiotap(24, radiotapFlags|radiotapTSFT, radiotapPadded), padded), true},
		{"udp port 53", LinkIEEE80211Radio, cat(radiotap(12, radiotapFlags, 0), padded), false},
		{"wlan src 02:00:00:00:00:0b", LinkIEEE80211Radio, cat(radiotap(13, 0, 0), probe), true},
		{"radio[2] == 13", LinkIEEE80211Radio, cat(radiotap(13, 0, 0), probe), true},
		{"udp port 53", LinkIEEE80211RadioAVS, cat(avs(64), qos), true},
		{"udp port 53", LinkPrismHeader, cat(make([]byte, prismHdrLen), qos), true},
		{"udp port 53", LinkPrismHeader, cat(avs(64), qos), true},
		{"udp port 53", LinkPPI, cat(ppi(uint32(LinkIEEE80211)), qos), true},
		{"udp port 53", LinkPPI, cat(ppi(uint32(LinkEN10MB)), qos), false},
		{"wlan subtype beacon", LinkPPI, cat(ppi(uint32(LinkIEEE80211)), beacon), true},
	} {
		for _, opt := range []bool{false, true} {
			prog, err := Compile(tc.expr, Options{LinkType: tc.lt, Optimize: opt})
			if err != nil {
				t.Errorf("%q on %s (optimize %v): %v", tc.expr, tc.lt, opt, err)
				continue
			}
			vm, err := NewVM(prog)
			if err != nil {
				t.Errorf("%q on %s (optimize %v): %v", tc.expr, tc.lt, opt, err)
				continue
			}
			if got := vm.Run(tc.pkt, uint32(len(tc.pkt)), &Ancillary{}) != 0; got != tc.want {
				t.Errorf("%q on %s (optimize %v), % x: match %v, want %v", tc.expr, tc.lt, opt, tc.pkt, got, tc.want)
			}
		}
	}
}

func TestWLANErrors(t *testing.T) {
	for _, tc := range []struct {
		expr string
		lt   LinkType
		want string
	}{
		{"wlan type mgt", LinkEN10MB, "'type/subtype' not supported on DLT_EN10MB"},
		{"dir tods", LinkLinuxSLL, "'dir' not supported on DLT_LINUX_SLL"},
		{"radio[0] == 1", LinkIEEE80211, "radio information not present in capture"},
		{"radio[0] == 1", LinkPPI, "radio information not present in capture"},
		{"radio", LinkIEEE80211Radio, "'radio' cannot be used as an abbreviation"},
		{"mpls", LinkPPI, "'mpls' not supported on DLT_PPI"},
		{"inbound", LinkIEEE80211, "'inbound' not supported on DLT_IEEE802_11"},
		{"ip addr1 10.0.0.1", LinkIEEE80211, "'addr1' is valid for 802.11 syntax only"},
	} {
		_, err := Compile(tc.expr, Options{LinkType: tc.lt})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q on %s: error %v, want %q", tc.expr, tc.lt, err, tc.want)
		}
	}
}

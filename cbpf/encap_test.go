package cbpf

import (
	"encoding/binary"
	"strings"
	"testing"
)

// Packets for the encapsulation primitives, built layer by layer.

func ethHdr(etherType uint16) []byte {
	h := []byte{0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2, 0, 0}
	binary.BigEndian.PutUint16(h[12:], etherType)
	return h
}

// ipv4UDP is an IPv4 header (no options) and a UDP header to dport,
// followed by payload.
func ipv4UDP(dport uint16, payload []byte) []byte {
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+8+len(payload)))
	udp := []byte{0x30, 0x39, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(udp[2:], dport)
	binary.BigEndian.PutUint16(udp[4:], uint16(8+len(payload)))
	return append(append(ip, udp...), payload...)
}

// ipv6UDP is a fixed IPv6 header and a UDP header to dport.
func ipv6UDP(dport uint16, payload []byte) []byte {
	ip := make([]byte, 40)
	ip[0] = 0x60
	binary.BigEndian.PutUint16(ip[4:], uint16(8+len(payload)))
	ip[6], ip[7] = 17, 64
	ip[23], ip[39] = 1, 2
	udp := []byte{0x30, 0x39, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(udp[2:], dport)
	binary.BigEndian.PutUint16(udp[4:], uint16(8+len(payload)))
	return append(append(ip, udp...), payload...)
}

func cat(parts ...[]byte) []byte {
	var p []byte
	for _, b := range parts {
		p = append(p, b...)
	}
	return p
}

func TestEncapVerdicts(t *testing.T) {
	inner := cat(ethHdr(etherTypeIP), ipv4UDP(53, nil))
	vlanTag := func(vid uint16, next uint16) []byte {
		return []byte{byte(vid >> 8), byte(vid), byte(next >> 8), byte(next)}
	}
	vlan10 := cat(ethHdr(etherType8021Q), vlanTag(10, etherTypeIP), ipv4UDP(53, nil))
	qinq := cat(ethHdr(etherType8021AD), vlanTag(100, etherType8021Q), vlanTag(200, etherTypeIP), ipv4UDP(53, nil))
	untagged := cat(ethHdr(etherTypeIP), ipv4UDP(53, nil))
	mpls := func(label uint32, bos bool) []byte {
		e := label << 12
		if bos {
			e |= 0x100
		}
		b := make([]byte, 4)
		binary.BigEndian.PutUint32(b, e|64)
		return b
	}
	mpls100 := cat(ethHdr(etherTypeMPLS), mpls(100, true), ipv4UDP(53, nil))
	mpls2 := cat(ethHdr(etherTypeMPLS), mpls(100, false), mpls(7, true), ipv4UDP(53, nil))
	pppoe := func(session uint16, pppProto uint16, payload []byte) []byte {
		h := []byte{0x11, 0, 0, 0, 0, 0, 0, 0}
		binary.BigEndian.PutUint16(h[2:], session)
		binary.BigEndian.PutUint16(h[4:], uint16(2+len(payload)))
		binary.BigEndian.PutUint16(h[6:], pppProto)
		return cat(ethHdr(etherTypePPPoES), h, payload)
	}
	pppoeIP := pppoe(0x1234, pppIP, ipv4UDP(53, nil))
	vxlanHdr := func(vni uint32) []byte {
		return []byte{0x08, 0, 0, 0, byte(vni >> 16), byte(vni >> 8), byte(vni), 0}
	}
	vxlan4 := cat(ethHdr(etherTypeIP), ipv4UDP(vxlanPort, cat(vxlanHdr(12345), inner)))
	vxlan6 := cat(ethHdr(etherTypeIPv6), ipv6UDP(vxlanPort, cat(vxlanHdr(12345), inner)))
	geneveHdr := func(vni uint32, proto uint16, optWords int) []byte {
		h := []byte{byte(optWords), 0, byte(proto >> 8), byte(proto), byte(vni >> 16), byte(vni >> 8), byte(vni), 0}
		return append(h, make([]byte, 4*optWords)...)
	}
	geneveEth := cat(ethHdr(etherTypeIP), ipv4UDP(genevePort, cat(geneveHdr(5, etherTypeTEB, 2), inner)))
	geneveIP := cat(ethHdr(etherTypeIP), ipv4UDP(genevePort, cat(geneveHdr(5, etherTypeIP, 0), ipv4UDP(53, nil))))

	for _, tc := range []struct {
		expr     string
		linuxExt bool
		pkt      []byte
		anc      *Ancillary
		want     bool
	}{
		{"vlan 10 and ip", false, vlan10, nil, true},
		{"vlan 11", false, vlan10, nil, false},
		{"vlan and vlan", false, vlan10, nil, false},
		{"vlan 100 and vlan 200 and udp port 53", false, qinq, nil, true},
		{"vlan 200", false, qinq, nil, false},
		{"vlan", false, untagged, nil, false},
		{"vlan 10 and ip", true, vlan10, &Ancillary{}, true},
		{"vlan 10 and ip", true, untagged, &Ancillary{VLANPresent: true, VLANTCI: 10}, true},
		{"vlan 11 and ip", true, untagged, &Ancillary{VLANPresent: true, VLANTCI: 10}, false},
		{"vlan and vlan 200 and ip", true, cat(ethHdr(etherType8021Q), vlanTag(200, etherTypeIP), ipv4UDP(53, nil)),
			&Ancillary{VLANPresent: true, VLANTCI: 100}, true},
		{"vlan", true, untagged, &Ancillary{}, false},
		{"mpls 100 and ip", false, mpls100, nil, true},
		{"mpls 101", false, mpls100, nil, false},
		{"mpls and mpls", false, mpls100, nil, false},
		{"mpls 100 and mpls 7 and udp port 53", false, mpls2, nil, true},
		{"mpls 100 and ip", false, mpls2, nil, false},
		{"pppoed", false, cat(ethHdr(etherTypePPPoED), make([]byte, 6)), nil, true},
		{"pppoes 0x1234 and ip and udp port 53", false, pppoeIP, nil, true},
		{"pppoes 0x1235", false, pppoeIP, nil, false},
		{"pppoes and ip6", false, pppoeIP, nil, false},
		{"pppoes and mpls 100 and ip", false, pppoe(1, pppMPLSUnicast, cat(mpls(100, true), ipv4UDP(53, nil))), nil, true},
		{"vxlan 12345 and ip and udp port 53", false, vxlan4, nil, true},
		{"vxlan 12345 and ip and udp port 53", false, vxlan6, nil, true},
		{"vxlan 1", false, vxlan4, nil, false},
		{"vxlan and vxlan", false, vxlan4, nil, false},
		{"geneve 5 and ip and udp port 53 and ether src 02:00:00:00:00:02", false, geneveEth, nil, true},
		{"geneve 6", false, geneveEth, nil, false},
		{"geneve and ip and udp port 53", false, geneveIP, nil, true},
		{"geneve and ether src 02:00:00:00:00:02", false, geneveIP, nil, false},
	} {
		prog, err := Compile(tc.expr, Options{LinkType: LinkEN10MB, LinuxExt: tc.linuxExt})
		if err != nil {
			t.Errorf("%q: %v", tc.expr, err)
			continue
		}
		vm, err := NewVM(prog)
		if err != nil {
			t.Errorf("%q: %v", tc.expr, err)
			continue
		}
		anc := tc.anc
		if anc == nil {
			anc = &Ancillary{}
		}
		if got := vm.Run(tc.pkt, uint32(len(tc.pkt)), anc) != 0; got != tc.want {
			t.Errorf("%q (linux ext %v) on % x: match %v, want %v", tc.expr, tc.linuxExt, tc.pkt, got, tc.want)
		}
	}
}

func TestEncapErrors(t *testing.T) {
	for _, tc := range []struct {
		expr string
		lt   LinkType
		want string
	}{
		{"vlan 4096", LinkEN10MB, "VLAN tag 4096 greater than maximum 4095"},
		{"mpls 1048576", LinkEN10MB, "MPLS label 1048576 greater than maximum 1048575"},
		{"pppoes 65536", LinkEN10MB, "PPPoE session number 65536 greater than maximum 65535"},
		{"vxlan 16777216", LinkEN10MB, "VXLAN VNI 16777216 greater than maximum 16777215"},
		{"geneve 16777216", LinkEN10MB, "Geneve VNI 16777216 greater than maximum 16777215"},
		{"mpls and vlan", LinkEN10MB, "no VLAN match after MPLS"},
		{"pppoes and vlan", LinkEN10MB, "'vlan' not supported on DLT_PPP"},
		{"vlan", LinkRaw, "'vlan' not supported on DLT_RAW"},
		{"mpls", LinkLinuxSLL, "'mpls' not supported on DLT_LINUX_SLL"},
		{"mpls and arp", LinkEN10MB, "unsupported protocol over mpls"},
	} {
		_, err := Compile(tc.expr, Options{LinkType: tc.lt})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q on %s: error %v, want %q", tc.expr, tc.lt, err, tc.want)
		}
	}
}

package printer

import (
	"fmt"
	"strings"
	"testing"
)

// radAttr is a RADIUS attribute of type t with the value v (hex).
func radAttr(t int, v string) string {
	return fmt.Sprintf("%02x%02x", t, 2+hexLen(v)) + strings.ReplaceAll(v, " ", "")
}

// radiusMsg is a RADIUS message of the code, with identifier 7, to the
// UDP port, carrying the attributes.
func radiusMsg(code, port int, attrs ...string) string {
	body := strings.Join(attrs, "")
	return craftedUDP4(40000, uint16(port), fmt.Sprintf("%02x07%04x", code, 20+hexLen(body))+
		"0102030405060708090a0b0c0d0e0f10"+body)
}

// radiusCases are crafted RADIUS messages: every code on each RADIUS
// port, every attribute type with a four-byte value, the attributes
// tcpdump decodes specially (tags, salts, RFC 4675 VLANs, times, IPv6
// prefixes, MIP6, Operator-Name, the RFC 5580 location attributes,
// ARAP, Error-Cause, vendors by SMI number, EAP), bogus lengths and
// messages cut inside each kind of value.
func radiusCases() []crafted {
	var all []string
	for t := 1; t <= 130; t++ {
		all = append(all, radAttr(t, "00000005"))
	}
	u32 := func(v uint32) string { return fmt.Sprintf("%08x", v) }
	txt := func(s string) string { return fmt.Sprintf("%x", s) }
	nums := radiusMsg(4, 1813, radAttr(6, "00000002"), radAttr(6, "00000063"), radAttr(64, "01000003"),
		radAttr(65, "00000001"), radAttr(83, "02000100"), radAttr(56, "31000010"), radAttr(56, "33000011"),
		radAttr(58, "32"+txt("vlan10")), radAttr(27, u32(30)), radAttr(27, u32(300)), radAttr(27, u32(36000)),
		radAttr(23, "fffffffe"), radAttr(37, u32(0)), radAttr(38, u32(0)), radAttr(8, "ffffffff"),
		radAttr(8, "fffffffe"), radAttr(14, "0a010203"), radAttr(5, "0102"))
	strs := radiusMsg(5, 1813, radAttr(69, "011234"+txt("secret")), radAttr(69, "411234"+txt("secret")),
		radAttr(66, "01"+txt("host")), radAttr(66, txt("host")), radAttr(81, "00"+txt("grp")),
		radAttr(95, "20010db8000000000000000000000001"), radAttr(96, "0040"+strings.Repeat("00", 8)),
		radAttr(97, "004020010db8"), radAttr(97, "008100000000"), radAttr(123, "003820010db800000001"),
		radAttr(125, "40"+"20010db8000000000000000000000001"), radAttr(124, "0000010000000003"),
		radAttr(126, "31"+txt("example.com")), radAttr(126, "37"+txt("x")), radAttr(55, u32(1200000000)),
		radAttr(18, txt("hello")+"0100"+txt("x")))
	loc := radiusMsg(40, 3799, radAttr(127, "00010100"+u32(3800000000)+u32(123456)+u32(0)+u32(0)+txt("GPS")),
		radAttr(128, "0001"+txt("location data here")), radAttr(129, "8001"+u32(3800000000)+u32(5)+txt("note")),
		radAttr(129, "0000"+u32(0)+u32(0)), radAttr(127, "00010507"+strings.Repeat("00", 16)),
		radAttr(128, "0001"), radAttr(129, "0000"), radAttr(127, "0001"),
		radAttr(101, u32(201)), radAttr(101, u32(999)), radAttr(101, "01"),
		radAttr(70, "000102030405060708090a0b0c0d0e0f"), radAttr(71, "0102030405060708090a0b0c0d0e"),
		radAttr(84, "0001020304050607"), radAttr(70, "00"), radAttr(71, "00"), radAttr(84, "00"))
	vend := radiusMsg(41, 3799, radAttr(26, u32(9)+"0105"+txt("abc")+"0204"+txt("zz")),
		radAttr(26, u32(311)+"0101"), radAttr(26, u32(12345)+"0109"), radAttr(26, u32(2636)+"0103"+txt("x")),
		radAttr(26, u32(5)), radAttr(79, "0102000901"+txt("user")), radAttr(79, "020200060410"),
		radAttr(80, "000102030405060708090a0b0c0d0e0f"))
	pkts := []crafted{
		{radiusMsg(1, 1812, all[:60]...), 0},
		{radiusMsg(2, 1645, all[60:]...), 0},
		{nums, 0}, {strs, 0}, {loc, 0}, {vend, 0},
		// bogus attribute lengths
		{radiusMsg(1, 1812, radAttr(1, txt("x")), "0101", radAttr(2, "")), 0},
		{radiusMsg(1, 1812, radAttr(1, txt("x")), "0128"), 0},
		// a length field shorter than the header
		{craftedUDP4(40000, 1812, "01070010"+"0102030405060708090a0b0c0d0e0f10"), 0},
	}
	for i, code := range []int{3, 11, 12, 13, 42, 43, 44, 45, 255, 99} {
		port := []int{1645, 1646, 1700, 1812, 1813, 3799}[i%6]
		pkts = append(pkts, crafted{radiusMsg(code, port, radAttr(1, txt("bob"))), 0})
	}
	// cut inside the values of each kind
	for _, full := range []string{nums, strs, loc, vend} {
		n := hexLen(full)
		for drop := 1; drop < n-42; drop += 5 {
			pkts = append(pkts, craftedCut(full, drop))
		}
	}
	return pkts
}

func init() { addFuzzSeeds(radiusCases()) }

func TestRADIUSLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "radius", radiusCases()) }

package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// radiusBranchCases are RADIUS messages reaching the branches the sweep
// of radius_test.go leaves out: a lone byte after the last attribute,
// values too short or long for their kind (address, prefix, time,
// Operator-Name, tagged and salted strings, vendor), vendor values with
// unprintable bytes, ARAP features that forbid a password change, and
// locations of unknown code and entity.
func radiusBranchCases() []crafted {
	u32 := func(v uint32) string { return fmt.Sprintf("%08x", v) }
	loc := func(code, entity byte) string {
		return radAttr(127, fmt.Sprintf("0007%02x%02x", code, entity)+u32(3900000000)+u32(1)+u32(0)+u32(0)+"4c4f43")
	}
	var pkts []crafted
	for _, attrs := range [][]string{
		{radAttr(4, "0a0000"), radAttr(4, "0a00000102"), radAttr(8, "ff")},
		{radAttr(97, "00"), radAttr(97, "0080"+u32(0)+u32(0)+u32(0)+u32(0)+"0000"), radAttr(97, "0010"+"20010db8")},
		{radAttr(55, "0102"), radAttr(55, "0102030405"), radAttr(126, "30")},
		{radAttr(69, "01"), radAttr(1, "62")},
		{radAttr(69, "0102"), radAttr(1, "62")},
		{radAttr(26, "000009"), radAttr(1, "62")},
		{radAttr(26, u32(9)+"0107"+"0a41ff7f20")},
		{radAttr(71, "0006"+u32(1)+u32(2)+u32(3)), radAttr(71, "ff06"+u32(1)+u32(2)+u32(3))},
		{loc(2, 7), loc(1, 1), loc(0xff, 0)},
	} {
		for _, port := range []int{1812, 3799} {
			pkts = append(pkts, crafted{radiusMsg(1, port, attrs...), 0})
		}
	}
	// a byte past the last attribute within the RADIUS length
	m := radiusMsg(4, 1813, radAttr(1, "626f62")+"05")
	pkts = append(pkts, crafted{m, 0}, crafted{radiusMsg(4, 1813, "06"), 0})
	// cut inside the vendor value and the short tunnel password
	v := radiusMsg(26, 1813, radAttr(26, u32(311)+"0108"+"414243444546"))
	for drop := 1; drop < 12; drop++ {
		pkts = append(pkts, craftedCut(v, drop))
	}
	return pkts
}

func init() { addFuzzSeeds(radiusBranchCases()) }

// TestRADIUSBranchesLikeTcpdump prints radiusBranchCases as tcpdump does.
func TestRADIUSBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "radiusbranches", radiusBranchCases())
}

// groupsOf splits items into groups of at most n, in order: the
// sweeps below put that many attributes, bindings or TLVs in a message.
func groupsOf(items []string, n int) [][]string {
	var out [][]string
	for len(items) > 0 {
		k := min(n, len(items))
		out = append(out, items[:k])
		items = items[k:]
	}
	return out
}

// TestRADIUSValueTablesLikeTcpdump prints every attribute type with the
// values 0 to 40 and three tagged values, Vendor-Specific attributes of
// every SMI enterprise number tcpdump names (and others), and
// Error-Cause values 0 to 999, as tcpdump does: each value table and
// name table of radius.go is compared entry by entry.
func TestRADIUSValueTablesLikeTcpdump(t *testing.T) {
	var attrs []string
	for typ := 1; typ <= 130; typ++ {
		for v := 0; v <= 40; v++ {
			attrs = append(attrs, radAttr(typ, fmt.Sprintf("%08x", v)))
		}
		attrs = append(attrs, radAttr(typ, "01000003"), radAttr(typ, "0a000005"), radAttr(typ, "1f000002"))
	}
	for id := 0; id < 70000; id++ {
		if _, ok := lsppingSMIVendors[uint32(id)]; ok || id < 3000 || id%101 == 0 {
			attrs = append(attrs, radAttr(26, fmt.Sprintf("%08x", id)))
		}
	}
	for v := 0; v < 1000; v++ {
		attrs = append(attrs, radAttr(101, fmt.Sprintf("%08x", v)))
	}
	var pkts []crafted
	for _, g := range groupsOf(attrs, 80) {
		pkts = append(pkts, crafted{radiusMsg(4, 1813, g...), 0})
	}
	compareWithTcpdump(t, "radiustables", cbpf.LinkEN10MB, pkts, craftedFlagSets[1:3])
}

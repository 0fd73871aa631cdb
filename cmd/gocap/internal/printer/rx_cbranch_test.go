package printer

import "testing"

// rxCBranchesCases are whole Rx calls for tcpdump branches the other Rx
// tests reach only cut short: the file server's rename, new volume info
// and 64-bit store data; the VLDB's create and replace entry (each
// volume type and an unknown one); kauth's get ticket; the volume
// server's set id types, partition info and forward multiple (no
// destination, one, several); the BOS server's set status.
func rxCBranchesCases() []crafted {
	fid := func(v uint32) string { return words(v, v+1, v+2) }
	attrs := words(0x1f, 1700000000, 100, 200, 0o644, 4096)
	call := uint32(0x5200)
	var pkts []crafted
	add := func(port uint16, op uint32, args string) {
		call++
		pkts = append(pkts, crafted{hex: rxBranchCall(call, port, op, args)})
	}
	add(7000, 138, fid(10)+xdrString("old-name")+fid(20)+xdrString("new.name"))
	add(7000, 154, xdrString("root.cell"))
	add(7000, 65538, fid(30)+attrs+words(0, 4096, 0, 512, 1, 0))
	add(7003, 501, rxBranchVec("vol.alpha", 65))
	add(7003, 517, rxBranchVec("vol.beta", 65))
	for _, typ := range []uint32{0, 1, 2, 3} {
		add(7003, 506, words(536870915, typ)+rxBranchVec("vol.x", 65))
	}
	add(7003, 520, words(7, 2)+rxBranchVec("vol.y", 65))
	add(7004, 3, words(5)+xdrString("EXAMPLE.ORG")+words(8)+"0102030405060708"+xdrString("afs")+xdrString("cell"))
	add(7004, 3, words(5)+xdrString("EXAMPLE.ORG")+words(6)+"010203040506 0000"+xdrString("afs")+xdrString("cell"))
	add(7004, 23, words(1)+xdrString("D")+words(0)+xdrString("krbtgt")+xdrString("X"))
	add(7005, 117, words(9)+xdrString("users.home")+words(1, 536870912, 536870913, 536870914))
	add(7005, 119, xdrString("/vicepa"))
	add(7005, 128, words(4, 1700000000, 0))
	add(7005, 128, words(4, 1700000000, 1, 0x0a000001, 5, 6))
	add(7005, 128, words(4, 1700000000, 3, 0x0a000001, 5, 6, 0x0a000002, 7, 8, 0x0a000003, 9, 10))
	add(7007, 82, xdrString("fs")+words(1))
	add(7007, 98, xdrString("bosserver")+words(0xffffffff))
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, rxCBranchesCases()...) }

// TestRxCBranchesLikeTcpdump compares rxCBranchesCases with tcpdump,
// whole and cut short before their last byte.
func TestRxCBranchesLikeTcpdump(t *testing.T) {
	pkts := rxCBranchesCases()
	for _, c := range rxCBranchesCases() {
		pkts = append(pkts, craftedCut(c.hex, 1))
	}
	craftedLikeTcpdump(t, "rx-cbranches", pkts)
}

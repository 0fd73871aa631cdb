package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// nfsCBranchesCases are NFSv3 calls for tcpdump branches the other NFS
// tests leave out: ACCESS with each single right and mixes of the
// rights tcpdump names in turn, and file handles longer than NFSv3's 64
// bytes of an unknown layout and of VMS UCX's, whose file system name
// tcpdump cuts at 64 characters.
func nfsCBranchesCases() []crafted {
	var pkts []crafted
	xid := uint32(0x4e460000)
	call := func(proc uint32, args string) {
		xid++
		pkts = append(pkts, crafted{hex: udpFrom(7, 9, 1021, 2049, rpcCallMsg(xid, 3, proc, args))})
	}
	for _, rights := range []uint32{0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x0a, 0x22, 0x28, 0x2a, 0x15, 0x1e, 0x3e, 0x3f, 0x40} {
		call(4, nfsFH3+words(rights))
	}
	fh := func(b []byte) string { return words(uint32(len(b))) + hexOf(b) }
	big := make([]byte, 272)
	for i := range big {
		big[i] = byte(0x90 + i%7)
	}
	call(1, fh(big))
	ucx := make([]byte, 264)
	ucx[0] = 0x01
	copy(ucx[1:], "DISK$USERS")
	for i := 28; i < len(ucx); i++ {
		ucx[i] = 'A' + byte(i%26)
	}
	call(1, fh(ucx))
	copy(ucx[1:], "ABCDEFGHIJKL ")
	call(1, fh(ucx))
	call(3, fh(ucx[:256])+xdrString("name.txt"))
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, nfsCBranchesCases()...) }

// TestNFSCBranchesLikeTcpdump compares nfsCBranchesCases with tcpdump,
// with and without -u.
func TestNFSCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "nfs-cbranches", nfsCBranchesCases())
	compareWithTcpdump(t, "nfs-cbranches-u", cbpf.LinkEN10MB, nfsCBranchesCases(), []flagSet{
		{[]string{"-nn", "-u"}, Options{NumericLevel: 2, RawNFSHandles: true}},
		{[]string{"-nn", "-u", "-vv"}, Options{NumericLevel: 2, Verbose: 2, RawNFSHandles: true}},
	})
}

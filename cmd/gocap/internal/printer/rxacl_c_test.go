package printer

import "testing"

// TestRxACLScanLikeTcpdump compares AFS ACLs that only C's sscanf reads
// the way tcpdump prints them: numbers followed by letters with no space,
// entries not ending in a newline, tabs, vertical tabs and form feeds as
// separators, signs, numbers past a C long, user names of bytes above
// 0x7f (some of them UTF-8 spaces Go would split on), and counts that
// say more entries than there are.
func TestRxACLSscanfLikeTcpdump(t *testing.T) {
	fid := []byte{0, 0, 0, 9, 0, 0, 0, 8, 0, 0, 0, 7}
	var pkts []crafted
	for i, acl := range []string{
		"4 0\nr 1\nl 8 d 16\x98k 32\na 64\n",
		"2 1\n\xc2\xa0x 3\ny\xc2\x85z 5\n\xf6q 7\n",
		"3 0\tu\v9\fv\r+17 w -1\n",
		"1 1\nbig 99999999999999999999\nneg -99999999999999999999\n",
		"1 0\nwrap 4294967297\n",
		"+2 -0\nfoo 1bar 2\n",
		"5 5\none 1\n",
		"2 0\nlonely\n",
		"x 1\nabc 1\n",
		"1",
		" 1 1 a 1 b 2",
		"1 0\nmid\x00dle 1\n",
		"0 3\n-a 2\n+b 4\n- 8\n",
	} {
		pkts = append(pkts, crafted{craftedUDP4(7001, 7000, rxFSData(uint32(20+i), true, 134, rxACLBody(append([]byte{}, fid...), acl))), 0})
	}
	craftedLikeTcpdump(t, "rxacl_f2", pkts)
}

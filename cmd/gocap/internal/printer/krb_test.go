package printer

import (
	"encoding/hex"
	"testing"
)

// krbStr is s NUL-terminated, in hex.
func krbStr(s string) string { return hex.EncodeToString([]byte(s)) + "00" }

// krbCases are the crafted krb packets, well formed, malformed and cut
// short.
func krbCases() []crafted {
	names := krbStr("user") + krbStr("inst") + krbStr("EXAMPLE.COM")
	req := "0402" + names + "01020304" + "0c" + krbStr("krbtgt") + krbStr("EXAMPLE.COM")
	reply := "0405" + names + "0102030405060708090a" + "0100"
	appl := "0406" + "07" + krbStr("EXAMPLE.COM") + "0305"
	errReply := "040a" + names + "01020304" + "0800" + "0000" + krbStr("bad\x01 \xe9")
	errUnknown := "040b" + names + "01020304" + "0000" + "0063" + krbStr("x")
	pkts := []crafted{
		{craftedUDP4(1024, 88, req), 0},
		{craftedUDP4(88, 1024, reply), 0},
		{craftedUDP4(750, 1024, appl), 0},
		{craftedUDP4(1024, 750, errReply), 0},
		{craftedUDP4(1024, 750, errUnknown), 0},
		{craftedUDP4(1024, 88, "0408"), 0},
		{craftedUDP4(1024, 88, "047e"), 0},
		{craftedUDP4(1024, 88, "04c8"), 0},
		{craftedUDP4(1024, 88, "0402"+krbStr("a")), 0},
		{craftedUDP4(1024, 88, "0404"+krbStr("a")+krbStr("b")), 0},
		{craftedUDP4(1024, 88, "04"), 0},
		{craftedUDP4(1024, 88, "01"), 0},
		{craftedUDP4(1024, 88, "02ff"), 0},
		{craftedUDP4(1024, 88, "03"), 0},
		{craftedUDP4(1024, 88, "6a8201"), 0},
		{craftedUDP4(1024, 88, "6b8201"), 0},
		{craftedUDP4(1024, 88, "05"), 0},
		{craftedUDP4(1024, 88, ""), 0},
	}
	for _, m := range []string{req, reply, appl, errReply} {
		pkts = append(pkts, craftedCuts(craftedUDP4(1024, 88, m), hexLen(m), 1)...)
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, krbCases()...) }

func TestKerberosLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "krb", krbCases()) }

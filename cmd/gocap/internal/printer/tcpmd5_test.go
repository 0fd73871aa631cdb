package printer

import (
	"crypto/md5"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestTCPMD5LikeTcpdump prints TCP MD5 signature options (RFC 2385) as
// the local tcpdump (built with OpenSSL) does, with and without -M:
// valid and invalid signatures over IPv4 and IPv6, with and without
// payload, a segment cut short of its payload, and an option too short
// for a signature.
func TestTCPMD5LikeTcpdump(t *testing.T) {
	const secret = "s3cret"
	// seg4 is a TCP segment with an MD5 option (and two NOPs) in IPv4;
	// the signature is computed over the pseudo-header, the fixed
	// header with a zero checksum, the payload and key.
	sign := func(pseudo, th, payload []byte, key string) []byte {
		m := md5.New()
		m.Write(pseudo)
		m.Write(th)
		m.Write(payload)
		m.Write([]byte(key))
		return m.Sum(nil)
	}
	fixed := func(plen int) []byte {
		b, _ := hex.DecodeString("04d200b3000000010000000280180100" + "abcd" + "0000")
		b[12] = 0xa0 // 40-byte header: two NOPs and the 18-byte option
		_ = plen
		return b
	}
	seg4 := func(payload string, key string, corrupt bool) string {
		pl, _ := hex.DecodeString(strings.ReplaceAll(payload, " ", ""))
		th := fixed(len(pl))
		tlen := 40 + len(pl)
		pseudo := []byte{10, 0, 0, 1, 10, 0, 0, 2, 0, 6, byte(tlen >> 8), byte(tlen)}
		zero := append([]byte(nil), th...)
		zero[16], zero[17] = 0, 0
		sig := sign(pseudo, zero, pl, key)
		if corrupt {
			sig[0] ^= 1
		}
		return faultEther + faultIP4(6, tlen) + hex.EncodeToString(th) + "0101 1312" + hex.EncodeToString(sig) + hex.EncodeToString(pl)
	}
	seg6 := func(payload string, key string) string {
		pl, _ := hex.DecodeString(strings.ReplaceAll(payload, " ", ""))
		th := fixed(len(pl))
		tlen := 40 + len(pl)
		src, _ := hex.DecodeString("20010db8000000000000000000000001")
		dst, _ := hex.DecodeString("20010db8000000000000000000000002")
		pseudo := append(append(append([]byte(nil), src...), dst...), 0, 0, byte(tlen>>8), byte(tlen), 0, 0, 0, 6)
		zero := append([]byte(nil), th...)
		zero[16], zero[17] = 0, 0
		sig := sign(pseudo, zero, pl, key)
		return "000000000002 000000000001 86dd 60000000 " + hex.EncodeToString([]byte{byte(tlen >> 8), byte(tlen)}) + "0640 " +
			hex.EncodeToString(src) + hex.EncodeToString(dst) + hex.EncodeToString(th) + "0101 1312" + hex.EncodeToString(sig) + hex.EncodeToString(pl)
	}
	short := faultEther + faultIP4(6, 28) + "04d200b30000000100000002" + "70180100abcd0000" + "1306 01020304 0000"
	pkts := []crafted{
		{seg4("", secret, false), 0},
		{seg4("68656c6c6f", secret, false), 0},
		{seg4("68656c6c6f", secret, true), 0},
		{seg4("68656c6c6f", "other", false), 0},
		{seg6("", secret), 0},
		{seg6("0102030405060708", secret), 0},
		craftedCut(seg4("68656c6c6f", secret, false), 2),
		{short, 0},
	}
	sets := []flagSet{
		{[]string{"-nn"}, Options{NumericLevel: 2}},
		{[]string{"-nn", "-v", "-M", secret}, Options{NumericLevel: 2, Verbose: 1, SigSecret: secret}},
		{[]string{"-nn", "-M", secret}, Options{NumericLevel: 2, SigSecret: secret}},
		{[]string{"-nn", "-x", "-M", "x"}, Options{NumericLevel: 2, Hex: 1, SigSecret: "x"}},
		// -K: no IP or TCP checksum checks.
		{[]string{"-nn", "-vv", "-K"}, Options{NumericLevel: 2, Verbose: 2, NoChecksum: true}},
	}
	compareWithTcpdump(t, "tcpmd5", cbpf.LinkEN10MB, pkts, sets)
}

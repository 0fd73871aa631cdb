package printer

import (
	"crypto/aes"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestESPSecretEntriesLikeTcpdump gives -E lists with malformed entries
// (an IKEv2 entry short of fields, with cookies of the wrong form, with
// no algorithm separator, a secret too long for its buffer, an SPI
// without address, an unknown cipher) beside good ones written with
// upper-case hex digits, and lists where no entry is good: tcpdump warns
// and decrypts with what is left, as the printer must. It also prints an
// IKEv2 Encrypted payload too short to hold an IV and an ESP packet
// shorter than its IV.
func TestESPSecretEntriesLikeTcpdump(t *testing.T) {
	key := espKey(16, 0x3a)
	blk, _ := aes.NewCipher(key)
	keyHex := strings.ToUpper(hex.EncodeToString(key))
	inner, _ := hex.DecodeString("04d2003500100000" + "0102030405060708")
	esp := espSealed(0x4242, 1, blk, 'c', inner, 17, 0, 12)
	espPkt := craftIP4(50, hex.EncodeToString(esp))
	ick, rck := "0102030405060708", "a1a2a3a4a5a6a7a8"
	ikeE := func(body string) string {
		return craftedUDP4(500, 500, ikeMsg(ick, rck, 46, 0x20, 35, 0x08, 1, 0, ikePay(0, 0x80, body)))
	}
	pkts := []crafted{
		{hex: espPkt},
		{hex: craftIP4(50, hex.EncodeToString(esp[:20]))},
		{hex: craftIP4(50, hex.EncodeToString(esp[:8]))},
		{hex: ikeE(strings.Repeat("e7", 20))},
		{hex: ikeE(strings.Repeat("e7", 44))},
	}
	good := "0x4242@10.0.0.2 aes128-hmac96:0X" + keyHex
	goodHex := "0x4242@10.0.0.2 aes128-hmac96:0x" + keyHex
	ikeGood := "ikev2 I 0x" + ick + " 0x" + rck + " sha1:0x01 aes128:0x" + keyHex
	for _, secret := range []string{
		"ikev2 I 0x" + ick + " 0x" + rck + " sha1:0x01," + goodHex,
		"ikev2 X 0x" + ick + " 0x" + rck + " sha1:0x01 aes128:0x00," + goodHex,
		"ikev2 I " + ick + " 0x" + rck + " sha1:0x01 aes128:0x00," + goodHex,
		"ikev2 I 0x" + ick + "00 0x" + rck + " sha1:0x01 aes128:0x00," + goodHex,
		"ikev2 I 0x" + ick + " 0x" + rck + " sha1 aes128:0x00," + goodHex,
		"ikev2 R 0x" + ick + " 0x" + rck + " md5:0x01 nosuch:0x00," + goodHex,
		"0x4242 aes128:0x00," + goodHex,
		"0x4242@10.0.0.2 aes128:0x" + strings.Repeat("ab", 300) + "," + goodHex,
		"0x4242@10.0.0.2 aes128-hmac96-cbc:0x" + keyHex,
		"0x4242@10.0.0.2 AES128-CBC-hmac96:0x" + keyHex,
		"0x4242@10.0.0.2 aes128-hmac96:0x",
		"nosuch:0x00",
		good,
		ikeGood + "," + goodHex,
	} {
		compareWithTcpdump(t, "espentries", cbpf.LinkEN10MB, pkts, espFlagSets(secret)[:2])
	}
}

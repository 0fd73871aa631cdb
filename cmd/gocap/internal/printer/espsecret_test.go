package printer

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// espSealed is an ESP packet's bytes after the outer IP header: header,
// IV, the plaintext (with the trailer tcpdump reads the next header and
// pad length from) encrypted with block in mode ('c' CBC, 'e' ECB, 'r'
// CTR), and an ICV of icv bytes. pad is how many padding bytes to add
// beyond what the block size needs.
func espSealed(spi, seq uint32, block cipher.Block, mode byte, inner []byte, nh byte, pad, icv int) []byte {
	bs := block.BlockSize()
	if mode == 'r' {
		bs = 4
	}
	pt := append([]byte(nil), inner...)
	n := pad
	for (len(pt)+n+2)%bs != 0 {
		n++
	}
	for i := 1; i <= n; i++ {
		pt = append(pt, byte(i))
	}
	pt = append(pt, byte(n), nh)
	var iv []byte
	if mode != 'e' {
		iv = make([]byte, block.BlockSize())
		for i := range iv {
			iv[i] = byte(0xa0 + i)
		}
	}
	ct := make([]byte, len(pt))
	switch mode {
	case 'c':
		cipher.NewCBCEncrypter(block, iv).CryptBlocks(ct, pt)
	case 'r':
		cipher.NewCTR(block, iv).XORKeyStream(ct, pt)
	default:
		for i := 0; i < len(pt); i += bs {
			block.Encrypt(ct[i:i+bs], pt[i:i+bs])
		}
	}
	out := []byte{byte(spi >> 24), byte(spi >> 16), byte(spi >> 8), byte(spi), byte(seq >> 24), byte(seq >> 16), byte(seq >> 8), byte(seq)}
	out = append(out, iv...)
	out = append(out, ct...)
	for i := 0; i < icv; i++ {
		out = append(out, byte(0x50+i))
	}
	return out
}

// espFlagSets are the flag sets of the ESP tests, with the secret given
// to both tcpdump and the printer.
func espFlagSets(secret string) []flagSet {
	return []flagSet{
		{[]string{"-nn", "-E", secret}, Options{NumericLevel: 2, ESPSecret: secret}},
		{[]string{"-nn", "-v", "-E", secret}, Options{NumericLevel: 2, Verbose: 1, ESPSecret: secret}},
		{[]string{"-nn", "-vv", "-x", "-E", secret}, Options{NumericLevel: 2, Verbose: 2, Hex: 1, ESPSecret: secret}},
		{[]string{"-nn", "-vv", "-K", "-E", secret}, Options{NumericLevel: 2, Verbose: 2, NoChecksum: true, ESPSecret: secret}},
	}
}

func espKey(n int, first byte) []byte {
	k := make([]byte, n)
	for i := range k {
		k[i] = first + byte(i)
	}
	return k
}

// TestESPDecryptLikeTcpdump decrypts crafted ESP packets with -E as the
// local tcpdump (built with OpenSSL) does: each cipher and mode, SAs by
// SPI and destination and the default SA, tunnel (IP in IP) and
// transport payloads, UDP encapsulation on port 4500, IPv6, a fragment,
// a ciphertext that is not a multiple of the block size, a cut ICV, a
// wrong key (whose "padding" is garbage), and secrets from a file.
func TestESPDecryptLikeTcpdump(t *testing.T) {
	key3 := espKey(24, 0x40)
	b3, _ := des.NewTripleDESCipher(key3)
	key1 := espKey(8, 0x11)
	b1, _ := des.NewCipher(key1)
	keyA := espKey(16, 0x61)
	bA, _ := aes.NewCipher(keyA)
	keyA2 := espKey(32, 0x21)
	bA2, _ := aes.NewCipher(keyA2)

	// Inner packets: an ICMP echo request in IPv4 (tunnel mode, next
	// header 4) and a UDP datagram (transport mode, next header 17).
	icmp := "0800 f7fc 1234 0001 " + strings.Repeat("61", 24)
	inner4, _ := hex.DecodeString(strings.ReplaceAll("4500 0034 0002 0000 4001 0000 c0000201 c0000101 "+icmp, " ", ""))
	udp, _ := hex.DecodeString(strings.ReplaceAll("04d20035001000000102030405060708", " ", ""))

	outer4 := func(proto byte, payload []byte, frag bool) string {
		ip := faultIP4(proto, len(payload))
		if frag {
			ip = ip[:12] + "2000" + ip[16:]
		}
		return faultEther + ip + hex.EncodeToString(payload)
	}
	outer6 := func(payload []byte) string {
		n := len(payload)
		return "000000000002 000000000001 86dd 60000000 " + hex.EncodeToString([]byte{byte(n >> 8), byte(n)}) + "3240 20010db8000000000000000000000001 20010db8000000000000000000000002 " + hex.EncodeToString(payload)
	}
	udp4500 := func(payload []byte) string {
		n := len(payload)
		u := hex.EncodeToString([]byte{0x11, 0x94, 0x11, 0x94, byte((8 + n) >> 8), byte(8 + n), 0, 0})
		return faultEther + faultIP4(17, 8+n) + u + hex.EncodeToString(payload)
	}

	sa3 := "0x12345678@10.0.0.2 3des-cbc-hmac96:0x" + hex.EncodeToString(key3)
	tunnel := espSealed(0x12345678, 1, b3, 'c', inner4, 4, 0, 12)
	transport := espSealed(0x12345678, 2, b3, 'c', udp, 17, 6, 12)
	other := espSealed(0x9999, 3, b3, 'c', inner4, 4, 0, 12)
	odd := append(append([]byte(nil), tunnel[:len(tunnel)-12]...), 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	wrong := espSealed(0x12345678, 4, b1, 'c', inner4, 4, 0, 12)
	t.Run("3des", func(t *testing.T) {
		compareWithTcpdump(t, "esp3des", cbpf.LinkEN10MB, []crafted{
			{outer4(50, tunnel, false), 0},
			{outer4(50, transport, false), 0},
			{outer4(50, other, false), 0},
			{outer4(50, odd, false), 0},
			{outer4(50, wrong, false), 0},
			{outer4(50, tunnel, true), 0},
			craftedCut(outer4(50, tunnel, false), 8),
			craftedCut(outer4(50, tunnel, false), 40),
			craftedCut(outer4(50, tunnel, false), len(tunnel)-9),
			{udp4500(tunnel), 0},
			{udp4500([]byte{0xff}), 0},
		}, espFlagSets(sa3))
	})

	// A default SA (no SPI@address) with AES-128 and one by SPI with
	// AES-256 in one -E. (Single DES is not compared: the local tcpdump,
	// on OpenSSL 3 without its legacy provider, crashes decrypting it.)
	aes1 := espSealed(0xd1234567, 1, bA, 'c', inner4, 4, 0, 12)
	aes2 := espSealed(0xa1234567, 2, bA2, 'c', udp, 17, 3, 0)
	multi := "aes128-cbc-hmac96:0x" + hex.EncodeToString(keyA) + ",0xa1234567@10.0.0.2 aes256:0x" + hex.EncodeToString(keyA2)
	t.Run("default", func(t *testing.T) {
		compareWithTcpdump(t, "espdefault", cbpf.LinkEN10MB, []crafted{
			{outer4(50, aes1, false), 0},
			{outer4(50, aes2, false), 0},
			{outer4(50, espSealed(0x77, 5, bA, 'c', udp, 17, 0, 12), false), 0},
		}, espFlagSets(multi))
	})

	// IPv6: an SA by SPI and IPv6 destination.
	sa6 := "0x12345678@2001:db8::2 aes128-hmac96:0x" + hex.EncodeToString(keyA)
	t.Run("ipv6", func(t *testing.T) {
		compareWithTcpdump(t, "esp6", cbpf.LinkEN10MB, []crafted{
			{outer6(espSealed(0x12345678, 1, bA, 'c', inner4, 4, 0, 12)), 0},
			{outer6(espSealed(0x12345678, 2, bA, 'c', udp, 17, 0, 12)), 0},
			{outer6(espSealed(0x12345679, 3, bA, 'c', udp, 17, 0, 12)), 0},
		}, espFlagSets(sa6))
	})

	// ECB and CTR modes under their OpenSSL names (des-ede3-cbc loses
	// its -cbc and names 3DES in ECB mode), and a secret given as text.
	t.Run("modes", func(t *testing.T) {
		compareWithTcpdump(t, "especb", cbpf.LinkEN10MB, []crafted{
			{outer4(50, espSealed(0x1, 1, b3, 'e', inner4, 4, 0, 12), false), 0},
		}, espFlagSets("0x1@10.0.0.2 des-ede3-cbc-hmac96:0x"+hex.EncodeToString(key3)))
		compareWithTcpdump(t, "espctr", cbpf.LinkEN10MB, []crafted{
			{outer4(50, espSealed(0x2, 1, bA, 'r', inner4, 4, 0, 12), false), 0},
			{outer4(50, espSealed(0x2, 2, bA, 'r', udp, 17, 1, 12), false), 0},
		}, espFlagSets("0x2@10.0.0.2 aes-128-ctr-hmac96:0x"+hex.EncodeToString(keyA)))
		compareWithTcpdump(t, "esptext", cbpf.LinkEN10MB, []crafted{
			{outer4(50, espSealed(0x3, 1, bA, 'c', inner4, 4, 0, 0), false), 0},
		}, espFlagSets("0x3@10.0.0.2 aes128:"+string(keyA)))
	})

	// Secrets from a file, with a comment and a blank line; bad entries
	// are warnings that leave the good ones working.
	t.Run("file", func(t *testing.T) {
		// tcpdump reads the file after giving up root: let it.
		dir := t.TempDir()
		for _, d := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		name := filepath.Join(dir, "secrets.txt")
		body := "# keys\n\n0x12345678@10.0.0.2\t3des-cbc-hmac96:0x" + hex.EncodeToString(key3) + "\nnospi 3des:0x00\n0x5@10.0.0.999 3des:0x00\n0x6@10.0.0.2 nosuchcipher:0x00\n0x7@10.0.0.2 3des\n"
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		compareWithTcpdump(t, "espfile", cbpf.LinkEN10MB, []crafted{
			{outer4(50, tunnel, false), 0},
			{outer4(50, transport, false), 0},
		}, espFlagSets("file "+name))
	})
}

// TestIKEv2DecryptLikeTcpdump decrypts crafted IKEv2 Encrypted payloads
// with "ikev2" -E entries, as the local tcpdump does: the initiator's
// and the responder's keys, a message whose cookies or side match no
// entry, a ciphertext that is not a multiple of the block size, and
// inner chains of one and two payloads, at -v to -vvv.
func TestIKEv2DecryptLikeTcpdump(t *testing.T) {
	keyI := espKey(16, 0x30)
	bI, _ := aes.NewCipher(keyI)
	keyR := espKey(24, 0x70)
	bR, _ := des.NewTripleDESCipher(keyR)
	ick, rck := "0001020304050607", "c02e7a3031a03188"
	// seal encrypts the inner payloads (hex) with the block cipher in
	// CBC mode and wraps them in an E payload whose chain byte is first.
	seal := func(b cipher.Block, first byte, inner string, extra int) string {
		pt, _ := hex.DecodeString(strings.ReplaceAll(inner, " ", ""))
		bs := b.BlockSize()
		n := 0
		for (len(pt)+n+1)%bs != 0 {
			n++
		}
		pt = append(pt, make([]byte, n)...)
		pt = append(pt, byte(n))
		iv := espKey(bs, 0x90)
		ct := make([]byte, len(pt))
		cipher.NewCBCEncrypter(b, iv).CryptBlocks(ct, pt)
		body := hex.EncodeToString(iv) + hex.EncodeToString(ct) + strings.Repeat("ee", 12+extra)
		return ikePay(first, 0x80, body)
	}
	idi := ikePay(39, 0, "02000000 77657374")
	auth := ikePay(0, 0, "02000000 0102030405060708")
	idOnly := ikePay(0, 0, "02000000 77657374")
	msg := func(flags byte, rcookie, e string) string {
		return craftedUDP4(500, 500, ikeMsg(ick, rcookie, 46, 0x20, 35, flags, 1, 0, e))
	}
	secret := "ikev2 I 0x" + ick + " 0x" + rck + " sha1:0x0102 aes128:0x" + hex.EncodeToString(keyI) +
		",ikev2 R 0x" + ick + " 0x" + rck + " md5:0x0102 3des:0x" + hex.EncodeToString(keyR)
	pkts := []crafted{
		{msg(0x08, rck, seal(bI, 35, idOnly, 0)), 0},
		{msg(0x08, rck, seal(bI, 35, idi+auth, 0)), 0},
		{msg(0x20, rck, seal(bR, 35, idi+auth, 0)), 0},
		{msg(0x20, rck, seal(bI, 35, idOnly, 0)), 0},
		{msg(0x08, "1111111111111111", seal(bI, 35, idOnly, 0)), 0},
		{msg(0x08, rck, seal(bI, 35, idOnly, 3)), 0},
	}
	sets := []flagSet{
		{[]string{"-nn", "-v", "-E", secret}, Options{NumericLevel: 2, Verbose: 1, ESPSecret: secret}},
		{[]string{"-nn", "-vvv", "-E", secret}, Options{NumericLevel: 2, Verbose: 3, ESPSecret: secret}},
		{[]string{"-nn", "-E", secret}, Options{NumericLevel: 2, ESPSecret: secret}},
	}
	compareWithTcpdump(t, "ikev2e", cbpf.LinkEN10MB, pkts, sets)
}

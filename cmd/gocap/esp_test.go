package main

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// TestESPSecretLikeTcpdump passes -E to gocap as to tcpdump: an ESP
// packet encrypted with the default key prints decrypted, and a cipher
// neither knows leaves it as it is; secrets it cannot use end the run.
func TestESPSecretLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	key := []byte("0123456789abcdef")
	blk, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	// An ICMP echo request in IPv4, 16 bytes of padding, the pad
	// length and next header 4: three AES blocks.
	pt, _ := hex.DecodeString("4500001e0007000040010000c0000201c00002020800f7ff000100016869")
	for i := 1; i <= 16; i++ {
		pt = append(pt, byte(i))
	}
	pt = append(pt, 16, 4)
	iv := make([]byte, 16)
	ct := make([]byte, len(pt))
	cipher.NewCBCEncrypter(blk, iv).CryptBlocks(ct, pt)
	esp := append([]byte{0, 0, 0, 9, 0, 0, 0, 1}, append(iv, ct...)...)
	ip := append([]byte{0x45, 0, 0, byte(20 + len(esp)), 0, 1, 0, 0, 64, 50, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}, esp...)
	frame := append([]byte{0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 8, 0}, ip...)
	path := filepath.Join(t.TempDir(), "esp.pcap")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := pcapgo.NewWriter(f)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	ci := gopacket.CaptureInfo{Timestamp: time.Unix(1000, 0), CaptureLength: len(frame), Length: len(frame)}
	if err := w.WritePacket(ci, frame); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The last two end gocap as they end tcpdump, at the first ESP
	// packet: a secrets file that cannot be opened (status 13) and a bad
	// hex digit (15), the line printed as far as it got.
	for _, secret := range []string{"aes128-cbc:0x" + hex.EncodeToString(key), "nosuch-cbc:0x00", "file " + filepath.Join(t.TempDir(), "none"), "aes128:0x0g"} {
		args := []string{"-nn", "-E", secret, "-r", path}
		tc, to, _ := runTcpdump(args...)
		gc, gout, _ := runGocap(t, nil, args...)
		if gc != tc || gout != to {
			t.Errorf("-E %q: exit %d, %q; tcpdump exit %d, %q", secret, gc, gout, tc, to)
		}
	}
}

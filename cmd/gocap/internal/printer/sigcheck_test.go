package printer

import (
	"crypto/hmac"
	"crypto/md5"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// signHMACMD5 returns pdu (hex) with the 16 bytes at sig set to the
// HMAC-MD5 under key of the PDU's first plen bytes with the signature
// and the offsets in zero cleared, flipping a bit of it when corrupt.
func signHMACMD5(pdu string, plen, sig int, zero []int, key string, corrupt bool) string {
	b, err := hex.DecodeString(strings.ReplaceAll(pdu, " ", ""))
	if err != nil {
		panic(err)
	}
	c := append([]byte(nil), b[:plen]...)
	for i := sig; i < sig+16; i++ {
		c[i] = 0
	}
	for _, i := range zero {
		c[i] = 0
	}
	m := hmac.New(md5.New, []byte(key))
	m.Write(c)
	copy(b[sig:], m.Sum(nil))
	if corrupt {
		b[sig+3] ^= 0x10
	}
	return hex.EncodeToString(b)
}

// TestSignatureCheckLikeTcpdump checks the keyed-MD5 signatures of IS-IS
// authentication TLVs and RSVP integrity objects with -M as the local
// tcpdump (built with OpenSSL) does: valid, invalid (the computed
// signature printed), without -M, with a signature of the wrong length,
// a PDU cut short of its length, a PDU length shorter than the frame and
// an RSVP bundle.
func TestSignatureCheckLikeTcpdump(t *testing.T) {
	const secret = "isis-and-rsvp"
	blank := strings.Repeat("00", 16)
	authTLV := isisTLV(10, "36"+blank)
	// An IS-IS PDU starts after the 17 bytes of the 802.3 and LLC
	// headers; its auth TLV's signature 3 bytes into the TLV; the LSP
	// header's lifetime and checksum (bytes 10-11 and 24-25) are not
	// signed, and tcpdump clears those places in every PDU type.
	lifeSum := []int{10, 11, 24, 25}
	isis := func(pdu string, key string, corrupt bool) string {
		n := hexLen(pdu)
		sig := n - 16
		return isisFrame(signHMACMD5(pdu, n, sig, lifeSum, key, corrupt))
	}
	lsp := isisLSPWith(isisTLV(1, "0349"+"0001") + authTLV)
	lan := isisLANHelloWith(authTLV)
	p2p := isisP2PHelloWith(isisTLV(129, "cc") + authTLV)
	csnp := isisCSNPWith(authTLV)
	// An LSP whose PDU length stops before 4 trailing bytes the frame
	// still carries: the signature covers the PDU length only.
	lspTrail := isis(lsp, secret, false) + "deadbeef"
	shortSig := isisFrame(isisLSPWith(isisTLV(10, "36"+strings.Repeat("00", 15))))

	// RSVP: a Path message with an INTEGRITY object (class 4, C-Type 1:
	// flags, key ID, sequence and the digest at 16 in its value); the
	// message's checksum (bytes 2-3) is not signed.
	integ := rsvpObjHex(4, 1, "01 00 000000000007 0000000000000102 "+blank)
	session := rsvpObjHex(1, 1, "0a000002 11 00 0035")
	rsvp := func(msg string, key string, corrupt bool) string {
		n := hexLen(msg)
		return craftIP4(46, signHMACMD5(msg, n, n-16, []int{2, 3}, key, corrupt))
	}
	path := rsvpMsgHex(0, 1, session, integ)
	sub := signHMACMD5(rsvpMsgHex(0, 1, session, integ), 8+hexLen(session)+hexLen(integ), 8+hexLen(session)+hexLen(integ)-16, []int{2, 3}, secret, false)
	bundle := craftIP4(46, rsvpMsgHex(0, 12, sub))

	pkts := []crafted{
		{isis(lsp, secret, false), 0},
		{isis(lsp, secret, true), 0},
		{isis(lsp, "other", false), 0},
		{isis(lan, secret, false), 0},
		{isis(p2p, secret, false), 0},
		{isis(csnp, secret, true), 0},
		{lspTrail, 0},
		{shortSig, 0},
		craftedCut(isis(lsp, secret, false), 6),
		{rsvp(path, secret, false), 0},
		{rsvp(path, secret, true), 0},
		{rsvp(path, "other", false), 0},
		{bundle, 0},
		craftedCut(rsvp(path, secret, false), 8),
	}
	sets := []flagSet{
		{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
		{[]string{"-nn", "-v", "-M", secret}, Options{NumericLevel: 2, Verbose: 1, SigSecret: secret}},
		{[]string{"-nn", "-vv", "-M", secret}, Options{NumericLevel: 2, Verbose: 2, SigSecret: secret}},
		{[]string{"-nn", "-v", "-M", "other"}, Options{NumericLevel: 2, Verbose: 1, SigSecret: "other"}},
	}
	compareWithTcpdump(t, "sigcheck", cbpf.LinkEN10MB, pkts, sets)
}

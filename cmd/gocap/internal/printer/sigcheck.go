package printer

import (
	"crypto/hmac"
	"crypto/md5"
	"encoding/hex"
)

// signatureCheck checks a keyed-MD5 signature (HMAC-MD5, RFC 2104) the
// way tcpdump's signature_verify does for IS-IS and RSVP with -M: over the
// first plen bytes of pdu, with the 16 signature bytes at sig zeroed and
// whatever else the protocol excludes zeroed by clear, keyed with the -M
// secret. It returns the word tcpdump prints in parentheses: "unchecked"
// when there is no secret or the bytes or the signature were not all
// captured (or the signature does not lie within plen), "valid", or
// "invalid", in which case it has printed the signature it computed.
func (p *Printer) signatureCheck(pdu []byte, plen, sig int, clear func(c []byte)) string {
	if p.o.TCPSecret == "" || plen < 0 || plen > len(pdu) || sig < 0 || sig+md5.Size > len(pdu) || sig+md5.Size > plen {
		return "unchecked"
	}
	c := make([]byte, plen)
	copy(c, pdu)
	clear(c)
	for i := sig; i < sig+md5.Size; i++ {
		c[i] = 0
	}
	m := hmac.New(md5.New, []byte(p.o.TCPSecret))
	m.Write(c)
	sum := m.Sum(nil)
	if hmac.Equal(sum, pdu[sig:sig+md5.Size]) {
		return "valid"
	}
	p.buf.WriteString(hex.EncodeToString(sum))
	return "invalid"
}

package printer

import (
	"crypto/hmac"
	"crypto/md5"
	"encoding/hex"
)

// signatureCheck checks a keyed-MD5 signature (HMAC-MD5, RFC 2104) the
// way tcpdump's signature_verify does for IS-IS and RSVP with -M: over the
// first plen bytes of pdu, with the 16 signature bytes at sig and the
// bytes at the offsets in zero (what the protocol leaves unsigned) zeroed,
// keyed with the -M secret. It returns the word tcpdump prints in parentheses: "unchecked"
// when there is no secret or the bytes or the signature were not all
// captured (or the signature does not lie within plen), "valid", or
// "invalid", in which case it has printed the signature it computed.
func (p *Printer) signatureCheck(pdu []byte, plen, sig int, zero ...int) string {
	if p.o.SigSecret == "" || plen < 0 || plen > len(pdu) || sig < 0 || sig+md5.Size > len(pdu) || sig+md5.Size > plen {
		return "unchecked"
	}
	c := make([]byte, plen)
	copy(c, pdu)
	for _, i := range zero {
		if i < len(c) {
			c[i] = 0
		}
	}
	clear(c[sig : sig+md5.Size])
	m := hmac.New(md5.New, []byte(p.o.SigSecret))
	m.Write(c)
	sum := m.Sum(nil)
	if hmac.Equal(sum, pdu[sig:sig+md5.Size]) {
		return "valid"
	}
	p.buf.WriteString(hex.EncodeToString(sum))
	return "invalid"
}

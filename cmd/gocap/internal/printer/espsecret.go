package printer

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"errors"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

// ESP decryption with -E, as tcpdump built with OpenSSL does it
// (print-esp.c). The secrets are read when the first ESP packet is
// printed. Each entry (entries are separated by commas or newlines) is
// one of:
//
//	SPI@ADDR ALGO:SECRET    the SA of that SPI towards that destination
//	ALGO:SECRET             the SA used when no SPI@ADDR entry matches
//	file NAME               the entries of the file NAME, one a line
//	                        (lines starting with # and empty ones skipped)
//	ikev2 I|R 0xICOOKIE 0xRCOOKIE AUTHALGO:KEY ALGO:KEY
//	                        the keys of an IKEv2 exchange's encrypted
//	                        payloads (see ikev2Decrypt)
//
// ALGO is an OpenSSL cipher name, optionally ending in -hmac96 (which
// says a 12-byte integrity check value follows the ciphertext) and -cbc
// (which is dropped before the name is looked up, as tcpdump does);
// SECRET is 0x and hex digits, or the key's bytes as written. The
// ciphers are those of the Go standard library: des, 3des (des3),
// aes128, aes192 and aes256 in CBC mode, and the OpenSSL names of their
// ECB and CTR modes.

// espCipher is a cipher -E can name.
type espCipher struct {
	keyLen, ivLen, blockSize int
	mode                     byte // 'c' CBC, 'e' ECB, 'r' CTR
	block                    func(key []byte) (cipher.Block, error)
}

func newDES(key []byte) (cipher.Block, error)  { return des.NewCipher(key) }
func new3DES(key []byte) (cipher.Block, error) { return des.NewTripleDESCipher(key) }

// espCiphers maps the names OpenSSL's EVP_get_cipherbyname knows (with
// the alias "3des" tcpdump adds) to the ciphers the standard library has.
var espCiphers = func() map[string]espCipher {
	m := map[string]espCipher{}
	add := func(c espCipher, names ...string) {
		for _, n := range names {
			m[n] = c
		}
	}
	add(espCipher{8, 8, 8, 'c', newDES}, "des", "des-cbc")
	add(espCipher{8, 0, 8, 'e', newDES}, "des-ecb")
	add(espCipher{24, 8, 8, 'c', new3DES}, "3des", "des3", "des-ede3-cbc")
	add(espCipher{24, 0, 8, 'e', new3DES}, "des-ede3", "des-ede3-ecb")
	for _, bits := range []int{128, 192, 256} {
		b := strconv.Itoa(bits)
		add(espCipher{bits / 8, 16, 16, 'c', aes.NewCipher}, "aes"+b, "aes-"+b+"-cbc")
		add(espCipher{bits / 8, 0, 16, 'e', aes.NewCipher}, "aes-"+b+"-ecb")
		add(espCipher{bits / 8, 16, 1, 'r', aes.NewCipher}, "aes-"+b+"-ctr")
	}
	return m
}()

// espSA is one security association from -E.
type espSA struct {
	spi uint32
	dst netip.Addr // invalid for the default SA and IKEv2 keys
	// IKEv2 keys: the exchange's cookies and the side that encrypted.
	ikev2      bool
	initiator  bool
	spii, spir [8]byte

	c       espCipher
	authLen int
	key     []byte
}

// espKeys is the parsed -E: the SAs, the latest entry first (the first
// match wins, as in tcpdump's list), and the default SA.
type espKeys struct {
	parsed bool
	sas    []*espSA
	def    *espSA
}

// add puts sa in front of the SAs already read, as tcpdump's list has
// the latest entry first.
func (k *espKeys) add(sa *espSA) { k.sas = append([]*espSA{sa}, k.sas...) }

// espWarn prints one of tcpdump's -E warnings on standard error.
func (p *Printer) espWarn(format string, args ...any) {
	if p.o.Warn != nil {
		p.o.Warn(sprintf(format, args...))
	}
}

// espSecrets parses -E on first use.
func (p *Printer) espSecrets() *espKeys {
	k := &p.espKeys
	if !k.parsed {
		k.parsed = true
		for _, line := range strings.FieldsFunc(p.o.ESPSecret, func(r rune) bool { return r == ',' || r == '\n' }) {
			p.espEntry(k, line, "cmdline", 0)
		}
	}
	return k
}

// cutBlank splits s at its first space or tab (C's strsep with " \t").
func cutBlank(s string) (string, string, bool) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// espEntry adds the SA one -E entry describes.
func (p *Printer) espEntry(k *espKeys, line, file string, lineno int) {
	head, rest, two := cutBlank(line)
	if !two {
		sa := &espSA{}
		if p.espAlgo(head, sa) {
			k.add(sa)
			k.def = sa
		}
		return
	}
	switch strings.ToLower(head) {
	case "file":
		p.espFile(k, rest)
		return
	case "ikev2":
		p.espIKEv2(k, rest, file, lineno)
		return
	}
	sa := &espSA{}
	spiText, addr, found := strings.Cut(head, "@")
	spi, err := strconv.ParseUint(spiText, 0, 32)
	if err != nil || !found {
		p.espWarn("print_esp: failed to decode spi# %s", spiText)
		return
	}
	sa.spi = uint32(spi)
	a, err := netip.ParseAddr(addr)
	if err != nil || a.Zone() != "" {
		p.espWarn("print_esp: can not decode IP# %s", addr)
		return
	}
	sa.dst = a
	if !p.espAlgo(strings.TrimLeft(rest, " \t\r\n"), sa) {
		return
	}
	k.add(sa)
}

// espFile adds the entries of a secrets file.
func (p *Printer) espFile(k *espKeys, name string) {
	f, err := os.Open(name)
	if err != nil {
		// tcpdump's S_ERR_ND_OPEN_FILE.
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the system's reason, as strerror gives it
		}
		panic(&FatalError{Status: 13, Msg: "esp_print_decode_onesecret: can't open " + name, Err: err})
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	n := 0
	for s.Scan() {
		n++
		line := s.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		p.espEntry(k, line, name, n)
	}
}

// espIKEv2 adds the keys of an "ikev2" entry.
func (p *Printer) espIKEv2(k *espKeys, line, file string, lineno int) {
	var f [5]string
	rest := line
	for i := range f {
		var ok bool
		f[i], rest, ok = cutBlank(rest)
		if !ok && i < 4 {
			p.espWarn("print_esp: failed to find all fields for ikev2 at %s:%d", file, lineno)
			return
		}
	}
	side, ic, rc, auth, enc := f[0], f[1], f[2], f[3], f[4]
	if side == "" || (side[0] != 'I' && side[0] != 'R') || !strings.HasPrefix(ic, "0x") || !strings.HasPrefix(rc, "0x") || len(ic) != 18 || len(rc) != 18 {
		p.espWarn("print_esp: line %s:%d improperly formatted.", file, lineno)
		return
	}
	sa := &espSA{ikev2: true, initiator: side[0] == 'I'}
	if n, ok := p.espHex(sa.spii[:], ic[2:]); !ok || n != 8 {
		return
	}
	if n, ok := p.espHex(sa.spir[:], rc[2:]); !ok || n != 8 {
		return
	}
	if !p.espAlgo(enc, sa) {
		return
	}
	name, _, ok := strings.Cut(auth, ":")
	if !ok {
		p.espWarn("failed to decode espsecret: %s", auth)
		return
	}
	if strings.EqualFold(name, "sha1") || strings.EqualFold(name, "md5") {
		sa.authLen = 12
	}
	k.add(sa)
}

// espHex decodes pairs of hex digits into dst, as many as fit.
func (p *Printer) espHex(dst []byte, hex string) (int, bool) {
	if len(hex)/2 > len(dst) {
		p.espWarn("secret is too big: %d", len(hex)/2)
		return 0, false
	}
	n := 0
	for ; n*2+1 < len(hex); n++ {
		hi, ok1 := hexVal(hex[n*2])
		lo, ok2 := hexVal(hex[n*2+1])
		if !ok1 || !ok2 {
			bad := hex[n*2]
			if ok1 {
				bad = hex[n*2+1]
			}
			// tcpdump's S_ERR_ND_ESP_SECRET.
			panic(&FatalError{Status: 15, Msg: sprintf("invalid hex digit %c in espsecret", bad)})
		}
		dst[n] = hi<<4 | lo
	}
	return n, true
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// espAlgo decodes "ALGO:SECRET" into sa.
func (p *Printer) espAlgo(s string, sa *espSA) bool {
	name, secret, ok := strings.Cut(s, ":")
	if !ok {
		p.espWarn("failed to decode espsecret: %s", s)
		return false
	}
	if len(name) > len("-hmac96") && strings.HasSuffix(name, "-hmac96") {
		name = name[:strings.Index(name, "-hmac96")]
		sa.authLen = 12
	}
	if len(name) > len("-cbc") && strings.HasSuffix(name, "-cbc") {
		name = name[:strings.Index(name, "-cbc")]
	}
	c, ok := espCiphers[strings.ToLower(name)]
	if !ok {
		p.espWarn("failed to find cipher algo %s", name)
		sa.authLen = 0
		return false
	}
	sa.c = c
	var key [256]byte
	if strings.HasPrefix(secret, "0x") {
		if n, ok := p.espHex(key[:], secret[2:]); !ok || n == 0 {
			return false
		}
	} else {
		copy(key[:], secret)
	}
	// OpenSSL takes the cipher's key length from the secret's buffer,
	// zeros past what was given.
	sa.key = append([]byte(nil), key[:c.keyLen]...)
	return true
}

// decrypt decrypts ct (whose length is a multiple of the block size) with
// the SA's key and the IV iv.
func (sa *espSA) decrypt(iv, ct []byte) []byte {
	blk, err := sa.c.block(sa.key)
	if err != nil {
		return nil
	}
	pt := make([]byte, len(ct))
	switch sa.c.mode {
	case 'c':
		cipher.NewCBCDecrypter(blk, iv).CryptBlocks(pt, ct)
	case 'r':
		cipher.NewCTR(blk, iv).XORKeyStream(pt, ct)
	default:
		bs := blk.BlockSize()
		for i := 0; i+bs <= len(ct); i += bs {
			blk.Decrypt(pt[i:i+bs], ct[i:i+bs])
		}
	}
	return pt
}

// espDecrypt goes on from an ESP header tcpdump has printed (b is the
// header and what follows it as captured) when -E gives a key for it:
// it decrypts the payload and prints what it carries, as ": " and the
// next header's printer. h is the IP header the ESP packet came in.
func (p *Printer) espDecrypt(b []byte, h *ipHdr) {
	if p.o.ESPSecret == "" {
		return
	}
	k := p.espSecrets()
	if len(k.sas) == 0 || h == nil {
		return
	}
	if h.v6 {
		if h.plen6 == 0 {
			return // tcpdump does not decrypt jumbograms
		}
	} else if h.frag {
		return
	}
	spi := be32(b, 0)
	var sa *espSA
	for _, s := range k.sas {
		if !s.ikev2 && s.dst.IsValid() && s.spi == spi && s.dst == h.dst {
			sa = s
			break
		}
	}
	if sa == nil {
		sa = k.def
	}
	if sa == nil {
		return
	}
	r := reader{p: p, b: b, proto: "esp"}
	ct := 8 + sa.c.ivLen
	end := len(b) - sa.authLen
	if end < ct {
		r.trunc()
		return
	}
	ctLen := end - ct
	if ctLen%sa.c.blockSize != 0 {
		p.espWarn("esp_print: ciphertext size %d is not a multiple of the cipher block size %d", ctLen, sa.c.blockSize)
		return
	}
	pt := sa.decrypt(b[8:ct], b[ct:end])
	if pt == nil {
		return
	}
	if len(pt) < 2 || int(pt[len(pt)-2])+2 > len(pt) {
		r.trunc()
		return
	}
	n := len(pt) - int(pt[len(pt)-2]) - 2
	p.print(": ")
	p.demux(pt[:n], n, h, pt[len(pt)-1])
}

// ikev2Decrypt decrypts an IKEv2 Encrypted payload's data (IV,
// ciphertext, checksum) with the -E keys of the exchange msg (the
// ISAKMP message: its cookies and its initiator flag), or returns nil.
// The plaintext keeps its padding: tcpdump prints the inner payloads
// from the whole of it.
func (p *Printer) ikev2Decrypt(msg reader, data []byte) []byte {
	if p.o.ESPSecret == "" || len(msg.b) < 20 {
		return nil
	}
	initiator := msg.b[19]&0x08 != 0
	var sa *espSA
	for _, s := range p.espSecrets().sas {
		if s.ikev2 && s.initiator == initiator && [8]byte(msg.b[0:8]) == s.spii && [8]byte(msg.b[8:16]) == s.spir {
			sa = s
			break
		}
	}
	if sa == nil {
		return nil
	}
	end := len(data) - sa.authLen
	ct := sa.c.ivLen
	if end <= ct {
		return nil
	}
	if (end-ct)%sa.c.blockSize != 0 {
		p.espWarn("esp_decrypt_buffer_by_ikev2_print: ciphertext size %d is not a multiple of the cipher block size %d", end-ct, sa.c.blockSize)
		return nil
	}
	return sa.decrypt(data[:ct], data[ct:end])
}

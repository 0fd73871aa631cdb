package printer

var eapolFrameTypes = map[uint8]string{0: "EAP packet", 1: "EAPOL start", 2: "EAPOL logoff",
	3: "EAPOL key", 4: "Encapsulated ASF alert"}

var eapCodes = map[uint8]string{1: "Request", 2: "Response", 3: "Success", 4: "Failure"}

var eapTypes = map[uint8]string{0: "No proposed", 1: "Identity", 2: "Notification", 3: "Nak",
	4: "MD5-challenge", 5: "OTP", 6: "GTC", 13: "TLS", 18: "SIM", 21: "TTLS", 23: "AKA",
	43: "FAST", 254: "Expanded types", 255: "Experimental"}

var eapTLSFlags = []bitTok{{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}}

var eapSIMAKASubtypes = map[uint8]string{1: "Challenge", 2: "Auth reject", 4: "Sync failure",
	5: "Identity", 10: "Start", 11: "Challenge", 12: "Notification", 13: "Reauth",
	14: "Client error"}

// eapol prints an 802.1X (EAP over LAN, ethertype 0x888e) frame: its
// type, version and length, and with -v the EAP packet it carries.
// tcpdump decodes no other frame type's body (EAPOL-Key included).
func (p *Printer) eapol(b []byte, _ int) {
	r := p.reader("eap", b)
	if !r.has(0, 4) {
		r.trunc()
		return
	}
	typ := b[1]
	p.printf("%s (%d) v%d, len %d", mapName(eapolFrameTypes, typ, "unknown"), typ, b[0], r.be16(2))
	if p.o.Verbose < 1 || typ != 0 {
		return
	}
	n := int(r.be16(2))
	if n == 0 {
		r.trunc()
		return
	}
	p.print(", ")
	p.eap(r.from(4), n)
}

// eap prints the EAP packet (RFC 3748) of the given length r holds: its
// code, id and length, and for a request or response the method and what
// tcpdump decodes of it. It names no protocol of its own: a truncation
// is marked with the carrier's (802.1X's "eap", RADIUS's "radius").
func (p *Printer) eap(r reader, length int) {
	b := r.b
	code := r.u8(0)
	n := int(r.be16(2))
	if n != length {
		p.print("EAP fragment?")
		return
	}
	p.printf("%s (%d), id %d, len %d", mapName(eapCodes, code, "unknown"), code, r.u8(1), n)
	if n < 4 {
		p.print(" (too short for EAP header)")
		return
	}
	if !r.has(0, n) {
		r.trunc()
		return
	}
	if code != 1 && code != 2 {
		return
	}
	if n < 5 {
		p.print(" (too short for EAP request/response)")
		return
	}
	typ := b[4]
	p.printf("\n\t\t Type %s (%d)", mapName(eapTypes, typ, "unknown"), typ)
	short := func(what string) bool {
		if n < 6 {
			p.printf(" (too short for EAP %s request/response)", what)
			return true
		}
		return false
	}
	// tlsFlags prints the TLS-style flags byte and, with the L bit, the
	// message length after it.
	tlsFlags := func(what string) {
		f := b[5]
		p.printf(" flags [%s] 0x%02x", bitTokString(eapTLSFlags, "none", uint32(f)), f)
		if f&0x80 != 0 {
			if n < 10 {
				p.printf(" (too short for EAP %s request/response with length)", what)
				return
			}
			p.printf(", len %d", be32(b, 6))
		}
	}
	switch typ {
	case 1: // Identity; the text is optional
		if n > 5 {
			p.print(", Identity: ")
			p.printJNP(r, 5, n-5)
		}
	case 2: // Notification
		if short("Notification") {
			return
		}
		p.print(", Notification: ")
		p.printJNP(r, 5, n-5)
	case 3: // Nak: the methods wanted, one a byte
		if short("Legacy NAK") {
			return
		}
		sep := ""
		for i := 5; i < n; i++ {
			p.printf("%s %s (%d)", sep, mapName(eapTypes, b[i], "unknown"), b[i])
			sep = ","
		}
	case 13, 21: // TLS, TTLS
		if short("TLS/TTLS") {
			return
		}
		if typ == 21 {
			p.printf(" TTLSv%d", b[5]&7)
		}
		tlsFlags("TLS/TTLS")
	case 43: // FAST
		if short("FAST") {
			return
		}
		p.printf(" FASTv%d", b[5]&7)
		tlsFlags("FAST")
	case 18, 23: // SIM, AKA
		if short("SIM/AKA") {
			return
		}
		p.printf(" subtype [%s] 0x%02x", mapName(eapSIMAKASubtypes, b[5], "unknown"), b[5])
	}
}

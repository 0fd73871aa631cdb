package printer

var radiusCodes = map[uint8]string{1: "Access-Request", 2: "Access-Accept", 3: "Access-Reject",
	4: "Accounting-Request", 5: "Accounting-Response", 11: "Access-Challenge", 12: "Status-Server",
	13: "Status-Client", 40: "Disconnect-Request", 41: "Disconnect-ACK", 42: "Disconnect-NAK",
	43: "CoA-Request", 44: "CoA-ACK", 45: "CoA-NAK", 255: "Reserved"}

// radiusValues names the standard values of an enumerated attribute:
// names[v-first] for first <= v < first+len(names).
type radiusValues struct {
	first int
	names []string
}

// radiusAttr describes an attribute: its name and how its value prints.
type radiusAttr struct {
	name string
	kind byte // 's' string, 'n' number, 'a' IPv4, '6' IPv6, 'm' IPv6 prefix, 'v' vendor, 't' time, 'x' special, 'o' operator, '4' vector64, 'h' MIP6 prefix, 'L', 'D', 'B' location (RFC 5580), 0 none
	vals *radiusValues
}

var (
	radServType = &radiusValues{1, []string{"Login", "Framed", "Callback Login", "Callback Framed",
		"Outbound", "Administrative", "NAS Prompt", "Authenticate Only", "Callback NAS Prompt",
		"Call Check", "Callback Administrative", "Voice", "Fax", "Modem Relay", "IAPP-Register",
		"IAPP-AP-Check", "Authorize Only", "Framed-Management", "Additional-Authorization"}}
	radFrmProto   = &radiusValues{1, []string{"PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous", "GPRS PDP Context"}}
	radFrmRouting = &radiusValues{0, []string{"None", "Send", "Listen", "Send&Listen"}}
	radFrmComp    = &radiusValues{0, []string{"None", "VJ TCP/IP", "IPX", "Stac-LZS"}}
	radLoginServ  = &radiusValues{0, []string{"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT",
		"X.25-PAD", "X.25-T3POS", "Unassigned", "TCP Clear Quiet"}}
	radTermAction     = &radiusValues{0, []string{"Default", "RADIUS-Request"}}
	radIngressFilters = &radiusValues{1, []string{"Enabled", "Disabled"}}
	radNASPortType    = &radiusValues{0, []string{"Async", "Sync", "ISDN Sync", "ISDN Async V.120",
		"ISDN Async V.110", "Virtual", "PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL",
		"ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet", "xDSL", "Cable", "Wireless - Other",
		"Wireless - IEEE 802.11", "Token-Ring", "FDDI", "Wireless - CDMA200", "Wireless - UMTS",
		"Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20",
		"Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON",
		"Wireless - XGP", "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF",
		"WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS"}}
	radAcctStatus = &radiusValues{1, []string{"Start", "Stop", "Interim-Update", "Unassigned", "Unassigned",
		"Unassigned", "Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject",
		"Tunnel-Link-Start", "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed"}}
	radAcctAuth = &radiusValues{1, []string{"RADIUS", "Local", "Remote", "Diameter"}}
	radAcctTerm = &radiusValues{1, []string{"User Request", "Lost Carrier", "Lost Service", "Idle Timeout",
		"Session Timeout", "Admin Reset", "Admin Reboot", "Port Error", "NAS Error", "NAS Request",
		"NAS Reboot", "Port Unneeded", "Port Preempted", "Port Suspended", "Service Unavailable",
		"Callback", "User Error", "Host Request", "Supplicant Restart", "Reauthentication Failure",
		"Port Reinitialized", "Port Administratively Disabled", "Lost Power"}}
	radTunnelType = &radiusValues{1, []string{"PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP",
		"ESP", "GRE", "DVS", "IP-in-IP Tunneling", "VLAN"}}
	radTunnelMedium = &radiusValues{1, []string{"IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163",
		"E.164", "F.69", "X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"}}
	radArapZone = &radiusValues{1, []string{"Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc."}}
	radPrompt   = &radiusValues{0, []string{"No Echo", "Echo"}}
)

var radiusAttrs = []radiusAttr{
	{"", 0, nil}, {"User-Name", 's', nil}, {"User-Password", 0, nil}, {"CHAP-Password", 0, nil},
	{"NAS-IP-Address", 'a', nil}, {"NAS-Port", 'n', nil}, {"Service-Type", 'n', radServType},
	{"Framed-Protocol", 'n', radFrmProto}, {"Framed-IP-Address", 'a', nil}, {"Framed-IP-Netmask", 'a', nil},
	{"Framed-Routing", 'n', radFrmRouting}, {"Filter-Id", 's', nil}, {"Framed-MTU", 'n', nil},
	{"Framed-Compression", 'n', radFrmComp}, {"Login-IP-Host", 'a', nil}, {"Login-Service", 'n', radLoginServ},
	{"Login-TCP-Port", 'n', nil}, {"Unassigned", 0, nil}, {"Reply-Message", 's', nil},
	{"Callback-Number", 's', nil}, {"Callback-Id", 's', nil}, {"Unassigned", 0, nil},
	{"Framed-Route", 's', nil}, {"Framed-IPX-Network", 'n', nil}, {"State", 's', nil}, {"Class", 's', nil},
	{"Vendor-Specific", 'v', nil}, {"Session-Timeout", 'n', nil}, {"Idle-Timeout", 'n', nil},
	{"Termination-Action", 'n', radTermAction}, {"Called-Station-Id", 's', nil},
	{"Calling-Station-Id", 's', nil}, {"NAS-Identifier", 's', nil}, {"Proxy-State", 's', nil},
	{"Login-LAT-Service", 's', nil}, {"Login-LAT-Node", 's', nil}, {"Login-LAT-Group", 's', nil},
	{"Framed-AppleTalk-Link", 'n', nil}, {"Framed-AppleTalk-Network", 'n', nil},
	{"Framed-AppleTalk-Zone", 's', nil}, {"Acct-Status-Type", 'n', radAcctStatus},
	{"Acct-Delay-Time", 'n', nil}, {"Acct-Input-Octets", 'n', nil}, {"Acct-Output-Octets", 'n', nil},
	{"Acct-Session-Id", 's', nil}, {"Acct-Authentic", 'n', radAcctAuth}, {"Acct-Session-Time", 'n', nil},
	{"Acct-Input-Packets", 'n', nil}, {"Acct-Output-Packets", 'n', nil},
	{"Acct-Terminate-Cause", 'n', radAcctTerm}, {"Acct-Multi-Session-Id", 's', nil},
	{"Acct-Link-Count", 'n', nil}, {"Acct-Input-Gigawords", 'n', nil}, {"Acct-Output-Gigawords", 'n', nil},
	{"Unassigned", 0, nil}, {"Event-Timestamp", 't', nil}, {"Egress-VLANID", 'n', nil},
	{"Ingress-Filters", 'n', radIngressFilters}, {"Egress-VLAN-Name", 's', nil},
	{"User-Priority-Table", 0, nil}, {"CHAP-Challenge", 's', nil}, {"NAS-Port-Type", 'n', radNASPortType},
	{"Port-Limit", 'n', nil}, {"Login-LAT-Port", 's', nil}, {"Tunnel-Type", 'n', radTunnelType},
	{"Tunnel-Medium-Type", 'n', radTunnelMedium}, {"Tunnel-Client-Endpoint", 's', nil},
	{"Tunnel-Server-Endpoint", 's', nil}, {"Acct-Tunnel-Connection", 's', nil},
	{"Tunnel-Password", 's', nil}, {"ARAP-Password", 'x', nil}, {"ARAP-Features", 'x', nil},
	{"ARAP-Zone-Access", 'n', radArapZone}, {"ARAP-Security", 's', nil}, {"ARAP-Security-Data", 's', nil},
	{"Password-Retry", 'n', nil}, {"Prompt", 'n', radPrompt}, {"Connect-Info", 's', nil},
	{"Configuration-Token", 's', nil}, {"EAP-Message", 's', nil}, {"Message-Authenticator", 's', nil},
	{"Tunnel-Private-Group-ID", 's', nil}, {"Tunnel-Assignment-ID", 's', nil},
	{"Tunnel-Preference", 'n', nil}, {"ARAP-Challenge-Response", 'x', nil},
	{"Acct-Interim-Interval", 'n', nil}, {"Acct-Tunnel-Packets-Lost", 'n', nil}, {"NAS-Port-Id", 's', nil},
	{"Framed-Pool", 's', nil}, {"CUI", 's', nil}, {"Tunnel-Client-Auth-ID", 's', nil},
	{"Tunnel-Server-Auth-ID", 's', nil}, {"NAS-Filter-Rule", 's', nil}, {"Unassigned", 0, nil},
	{"Originating-Line-Info", 0, nil}, {"NAS-IPv6-Address", '6', nil}, {"Framed-Interface-ID", 0, nil},
	{"Framed-IPv6-Prefix", 'm', nil}, {"Login-IPv6-Host", '6', nil}, {"Framed-IPv6-Route", 's', nil},
	{"Framed-IPv6-Pool", 's', nil}, {"Error-Cause", 'x', nil}, {"EAP-Key-Name", 0, nil},
	{"Digest-Response", 's', nil}, {"Digest-Realm", 's', nil}, {"Digest-Nonce", 's', nil},
	{"Digest-Response-Auth", 's', nil}, {"Digest-Nextnonce", 's', nil}, {"Digest-Method", 's', nil},
	{"Digest-URI", 's', nil}, {"Digest-Qop", 's', nil}, {"Digest-Algorithm", 's', nil},
	{"Digest-Entity-Body-Hash", 's', nil}, {"Digest-CNonce", 's', nil}, {"Digest-Nonce-Count", 's', nil},
	{"Digest-Username", 's', nil}, {"Digest-Opaque", 's', nil}, {"Digest-Auth-Param", 's', nil},
	{"Digest-AKA-Auts", 's', nil}, {"Digest-Domain", 's', nil}, {"Digest-Stale", 's', nil},
	{"Digest-HA1", 's', nil}, {"SIP-AOR", 's', nil}, {"Delegated-IPv6-Prefix", 'm', nil},
	{"MIP6-Feature-Vector", '4', nil}, {"MIP6-Home-Link-Prefix", 'h', nil}, {"Operator-Name", 'o', nil},
	{"Location-Information", 'L', nil}, {"Location-Data", 'D', nil}, {"Basic-Location-Policy-Rules", 'B', nil},
}

var radiusErrorCauses = map[uint32]string{201: "Residual Session Context Removed",
	202: "Invalid EAP Packet (Ignored)", 401: "Unsupported Attribute", 402: "Missing Attribute",
	403: "NAS Identification Mismatch", 404: "Invalid Request", 405: "Unsupported Service",
	406: "Unsupported Extension", 407: "Invalid Attribute Value", 501: "Administratively Prohibited",
	502: "Request Not Routable (Proxy)", 503: "Session Context Not Found",
	504: "Session Context Not Removable", 505: "Other Proxy Processing Error",
	506: "Resources Unavailable", 507: "Request Initiated", 508: "Multiple Session Selection Unsupported",
	509: "Location Info Required"}

func rfc4675Tag(t byte) string {
	switch t {
	case 0x31:
		return "Tagged"
	case 0x32:
		return "Untagged"
	}
	return "Unknown tag"
}

// radius prints a RADIUS message (UDP ports 1645, 1646, 1700, 1812,
// 1813, 3799).
func (p *Printer) radius(b []byte, length int) {
	r := p.reader("radius", b)
	if !r.has(0, 20) {
		r.trunc()
		return
	}
	l := int(r.be16(2))
	if l < 20 {
		r.trunc()
		return
	}
	l = min(l, length)
	code := b[0]
	cs, ok := radiusCodes[code]
	if !ok {
		cs = "Unknown Command"
	}
	if p.o.Verbose == 0 {
		p.printf("RADIUS, %s (%d), id: 0x%02x length: %d", cs, code, b[1], l)
		return
	}
	p.printf("RADIUS, length: %d\n\t%s (%d), id: 0x%02x, Authenticator: ", l, cs, code, b[1])
	for _, c := range b[4:20] {
		p.printf("%02x", c)
	}
	off, rem := 20, l-20
	for rem > 0 {
		if rem < 2 {
			r.trunc()
			return
		}
		if !r.has(off, 2) {
			r.trunc()
			return
		}
		t, al := b[off], int(b[off+1])
		name := "Unknown"
		if t != 0 && int(t) < len(radiusAttrs) {
			name = radiusAttrs[t].name
		}
		p.printf("\n\t  %s Attribute (%d), length: %d", name, t, al)
		if al < 2 {
			p.print(" (bogus, must be >= 2)")
			return
		}
		if al > rem {
			p.print(" (bogus, goes past end of packet)")
			return
		}
		p.print(", Value: ")
		switch {
		case t == 79 && al > 2: // EAP-Message: tcpdump's EAP printer may read past the attribute
			p.label("radius", func() {
				check(b, off+2, al-2)
				p.eap(reader{p: p, b: b[off+2:], proto: "radius"}, al-2)
			})
		case int(t) < len(radiusAttrs) && al > 2:
			p.label("radius", func() { p.radiusValue(b[off+2:min(off+al, len(b))], al-2, t) })
		}
		if p.o.Verbose > 1 {
			p.unknownData(b[off+2:], "\n\t    ", al-2)
		}
		rem -= al
		off += al
	}
}

// radiusValue prints the value of an attribute of type t, n bytes of
// which d holds those captured, by its type's kind; a check returns to
// the label in radius.
func (p *Printer) radiusValue(d []byte, n int, t byte) {
	a := radiusAttrs[t]
	switch a.kind {
	case 's':
		p.radiusString(d, n, t)
	case 'n':
		p.radiusInteger(d, n, t)
	case 'a':
		p.radiusIPv4(d, n, t)
	case '6':
		p.radiusIPv6(d, n, t)
	case 'm':
		p.radiusIPv6Prefix(d, n, t)
	case 'h':
		p.radiusIPv6Intf(d, n, t)
	case 'o':
		p.radiusOperatorName(d, n, t)
	case 't':
		p.radiusTime(d, n, t)
	case '4':
		p.radiusMIP6Caps(d, n, t)
	case 'v':
		p.radiusVendor(d, n, t)
	case 'x':
		p.radiusHexValue(d, n, t)
	case 'L':
		p.radiusLocationInfo(d, n)
	case 'D':
		p.radiusLocationData(d, n)
	case 'B':
		p.radiusLocationRules(d, n)
	}
}

// radiusTag prints the tag that starts some attributes' values, 0
// meaning unused.
func (p *Printer) radiusTag(tag byte) {
	if tag == 0 {
		p.print("Tag[Unused] ")
	} else {
		p.printf("Tag[%d] ", tag)
	}
}

// radiusString prints a text attribute, after the tag or salt some carry.
func (p *Printer) radiusString(d []byte, n int, t byte) {
	check(d, 0, n)
	switch t {
	case 69: // Tunnel-Password
		if n < 3 {
			gotoTrunc()
		}
		tag := d[0]
		if tag > 0x1f {
			tag = 0 // not a tag here: printed as unused
		}
		p.radiusTag(tag)
		p.printf("Salt %d ", be16(d, 1))
		d, n = d[3:], n-3
	case 66, 67, 81, 82, 90, 91:
		if d[0] <= 0x1f {
			p.radiusTag(d[0])
			d, n = d[1:], n-1
		}
	case 58: // Egress-VLAN-Name
		p.printf("%s (0x%02x) ", rfc4675Tag(d[0]), d[0])
		d, n = d[1:], n-1
	}
	for i := 0; i < n && d[i] != 0; i++ {
		if isPrintASCII(d[i]) {
			p.buf.WriteByte(d[i])
		} else {
			p.buf.WriteByte('.')
		}
	}
}

// radiusInteger prints a 32-bit integer attribute, by name where its values have names.
func (p *Printer) radiusInteger(d []byte, n int, t byte) {
	a := radiusAttrs[t]
	if n != 4 {
		p.printf("ERROR: length %d != 4", n)
		return
	}
	if a.vals != nil {
		var v uint32
		if t == 64 || t == 65 {
			p.radiusTag(u8(d, 0))
			v = be24(d, 1)
		} else {
			v = be32(d, 0)
		}
		if int(v) >= a.vals.first && int(v) < a.vals.first+len(a.vals.names) {
			p.print(a.vals.names[int(v)-a.vals.first])
		} else {
			p.printf("#%d", v)
		}
		return
	}
	switch t {
	case 83:
		p.radiusTag(u8(d, 0))
		p.printf("%d", be24(d, 1))
		return
	case 56: // Egress-VLANID
		p.printf("%s (0x%02x) ", rfc4675Tag(u8(d, 0)), d[0])
		p.printf("%d", be24(d, 1))
		return
	}
	v := be32(d, 0)
	switch t {
	case 23:
		if v == 0xfffffffe {
			p.print("NAS Select")
		} else {
			p.printf("%d", v)
		}
	case 27, 28, 41, 46, 85:
		switch {
		case v < 60:
			p.printf("%02d secs", v)
		case v < 3600:
			p.printf("%02d:%02d min", v/60, v%60)
		default:
			p.printf("%02d:%02d:%02d hours", v/3600, v%3600/60, v%60)
		}
	case 37:
		if v != 0 {
			p.printf("%d", v)
		} else {
			p.print("Unnumbered")
		}
	case 38:
		if v != 0 {
			p.printf("%d", v)
		} else {
			p.print("NAS assigned")
		}
	default:
		p.printf("%d", v)
	}
}

// radiusIPv4 prints an IPv4 address attribute.
func (p *Printer) radiusIPv4(d []byte, n int, t byte) {
	if n != 4 {
		p.printf("ERROR: length %d != 4", n)
		return
	}
	v := be32(d, 0)
	if (t == 8 || t == 14) && v == 0xffffffff {
		p.print("User Selected")
	} else if (t == 8 || t == 14) && v == 0xfffffffe {
		p.print("NAS Select")
	} else {
		p.print(p.host(addr4(d)))
	}
}

// radiusIPv6 prints an IPv6 address attribute.
func (p *Printer) radiusIPv6(d []byte, n int, t byte) {
	if n != 16 {
		p.printf("ERROR: length %d != 16", n)
		return
	}
	need(d, 16)
	p.print(p.host(addr16(d)))
}

// radiusIPv6Prefix prints an IPv6 prefix attribute.
func (p *Printer) radiusIPv6Prefix(d []byte, n int, t byte) {
	if n < 2 || n > 18 {
		p.printf("ERROR: length %d not in range (2..18)", n)
		return
	}
	check(d, 0, n)
	var a16 [16]byte
	copy(a16[:], d[2:n])
	if !p.radiusIPv6Masked(a16[:], d[1]) {
		return
	}
	if int(d[1]) > 8*(n-2) {
		p.print(" (inconsistent prefix length)")
	}
}

// radiusIPv6Intf prints an IPv6 interface-id attribute with its prefix length.
func (p *Printer) radiusIPv6Intf(d []byte, n int, t byte) {
	if n != 17 {
		p.printf("ERROR: length %d != 17", n)
		return
	}
	check(d, 0, n)
	p.radiusIPv6Masked(d[1:], d[0])
}

// radiusIPv6Masked prints an IPv6 address with its prefix length, or
// tcpdump's complaint (and false) for a length past 128.
func (p *Printer) radiusIPv6Masked(a []byte, plen byte) bool {
	if plen > 128 {
		p.printf("ERROR: netmask %d not in range (0..128)", plen)
		return false
	}
	p.printf("%s/%d", p.host(addr16(a)), plen)
	return true
}

// radiusOperatorName prints an Operator-Name attribute (RFC 5580).
func (p *Printer) radiusOperatorName(d []byte, n int, t byte) {
	check(d, 0, n)
	if n < 2 {
		p.printf("ERROR: length %d < 2", n)
		return
	}
	ns := map[byte]string{0x30: "TADIG", 0x31: "REALM", 0x32: "E212", 0x33: "ICC"}[d[0]]
	if ns == "" {
		ns = sprintf("unknown namespace %d", d[0])
	}
	p.printf("[%s] ", ns)
	p.printN(d[1:], n-1)
}

// radiusTime prints a time attribute.
func (p *Printer) radiusTime(d []byte, n int, t byte) {
	if n != 4 {
		p.printf("ERROR: length %d != 4", n)
		return
	}
	p.print(p.localTime(int64(be32(d, 0))).Format("Mon Jan _2 15:04:05 2006"))
}

// radiusMIP6Caps prints the MIP6 feature vector (RFC 5447).
func (p *Printer) radiusMIP6Caps(d []byte, n int, t byte) {
	if n != 8 {
		p.printf("ERROR: length %d != 8", n)
		return
	}
	p.print("[")
	v := be64(d, 0)
	sep := ""
	for _, f := range []struct {
		bit  uint64
		name string
	}{{1, "MIP6_INTEGRATED"}, {2, "LOCAL_HOME_AGENT_ASSIGNMENT"}, {1 << 40, "PMIP6_SUPPORTED"},
		{1 << 41, "IP4_HOA_SUPPORTED"}, {1 << 42, "LOCAL_MAG_ROUTING_SUPPORTED"}, {1 << 43, "ASSIGN_LOCAL_IP"},
		{1 << 44, "MIP4_SUPPORTED"}, {1 << 45, "OPTIMIZED_IDLE_MODE_MOBILITY"}, {1 << 46, "GTPv2_SUPPORTED"},
		{1 << 47, "IP4_TRANSPORT_SUPPORTED"}, {1 << 48, "IP4_HOA_ONLY_SUPPORTED"},
		{1 << 49, "INTER_MAG_ROUTING_SUPPORTED"}} {
		if v&f.bit != 0 {
			p.print(sep + f.name)
			sep = ", "
		}
	}
	p.print("]")
}

// radiusVendor prints a Vendor-Specific attribute and its sub-attributes.
func (p *Printer) radiusVendor(d []byte, n int, t byte) {
	if n < 4 {
		gotoTrunc()
	}
	id := be32(d, 0)
	p.printf("Vendor: %s (%d)", smiVendor(id), id)
	off, rem := 4, n-4
	for rem >= 2 {
		vt, vl := u8(d, off), int(u8(d, off+1))
		if vl < 2 {
			p.printf("\n\t    Vendor Attribute: %d, Length: %d (bogus, must be >= 2)", vt, vl)
			return
		}
		if vl > rem {
			p.printf("\n\t    Vendor Attribute: %d, Length: %d (bogus, goes past end of vendor-specific attribute)", vt, vl)
			return
		}
		off += 2
		vl -= 2
		rem -= 2
		check(d, off, vl)
		p.printf("\n\t    Vendor Attribute: %d, Length: %d, Value: ", vt, vl)
		for _, c := range d[off : off+vl] {
			if isPrintASCII(c) {
				p.buf.WriteByte(c)
			} else {
				p.buf.WriteByte('.')
			}
		}
		off += vl
		rem -= vl
	}
}

// radiusHexValue prints the attributes tcpdump shows in hex.
func (p *Printer) radiusHexValue(d []byte, n int, t byte) {
	// hexN prints the bytes one at a time, so that a cut ends the
	// packet after those captured, as tcpdump's PRINT_HEX does.
	hexN := func(off, n int) {
		for i := off; i < off+n; i++ {
			p.printf("%02X", u8(d, i))
		}
	}
	switch t {
	case 70:
		if n != 16 {
			p.printf("ERROR: length %d != 16", n)
			return
		}
		p.print("User_challenge (")
		hexN(0, 8)
		p.print(") User_resp(")
		hexN(8, 8)
		p.print(")")
	case 71:
		if n != 14 {
			p.printf("ERROR: length %d != 14", n)
			return
		}
		if u8(d, 0) != 0 {
			p.print("User can change password")
		} else {
			p.print("User cannot change password")
		}
		p.printf(", Min password length: %d, created at: ", u8(d, 1))
		hexN(2, 4)
		p.print(", expires in: ")
		hexN(6, 4)
		p.print(", Current Time: ")
		hexN(10, 4)
	case 84:
		if n < 8 {
			p.printf("ERROR: length %d != 8", n)
			return
		}
		hexN(0, 8)
	case 101:
		if n != 4 {
			p.printf("Error: length %d != 4", n)
			return
		}
		v := be32(d, 0)
		s, ok := radiusErrorCauses[v]
		if !ok {
			s = sprintf("Error-Cause %d not known", v)
		}
		p.printf("Error cause %d: %s", v, s)
	}
}

// smiVendor names an SMI enterprise number as tcpdump's smi_values does.
func smiVendor(id uint32) string { return mapName(lsppingSMIVendors, id, "Unknown") }

// radiusLocationInfo prints a Location-Information attribute (RFC 5580):
// index, code, entity, two NTP times and the method.
func (p *Printer) radiusLocationInfo(d []byte, n int) {
	check(d, 0, n)
	if n < 21 {
		p.printf("ERROR: length %d < 21", n)
		return
	}
	code := map[byte]string{0: "Civic", 1: "Geospatial"}[d[2]]
	if code == "" {
		code = sprintf("Unknown (%d)", d[2])
	}
	entity := map[byte]string{0: "User", 1: "RADIUS"}[d[3]]
	if entity == "" {
		entity = sprintf("Unknown (%d)", d[3])
	}
	p.printf("index %d, code %s, entity %s, sighting time ", be16(d, 0), code, entity)
	p.ntpTimestamp(d, 4)
	p.print(", time to live ")
	p.ntpTimestamp(d, 12)
	p.print(", method \"")
	p.printN(d[20:], n-20)
	p.print("\"")
}

// radiusLocationData prints a Location-Data attribute (RFC 5580): its
// index, then the location in hex and ASCII.
func (p *Printer) radiusLocationData(d []byte, n int) {
	check(d, 0, n)
	if n < 3 {
		p.printf("ERROR: length %d < 3", n)
		return
	}
	p.printf("index %d, location", be16(d, 0))
	p.hexASCIIIdent(d[2:n], "\n\t    ")
}

// radiusLocationRulesFlags are the Basic-Location-Policy-Rules flags in
// tcpdump's order.
var radiusLocationRulesFlags = func() []bitTok {
	var t []bitTok
	for i := 15; i >= 1; i-- {
		t = append(t, bitTok{1 << (15 - i), sprintf("MBZ-%d", i)})
	}
	return append(t, bitTok{0x8000, "Retransmission Allowed"})
}()

// radiusLocationRules prints a Basic-Location-Policy-Rules attribute
// (RFC 5580): flags, retention time and the note well.
func (p *Printer) radiusLocationRules(d []byte, n int) {
	check(d, 0, n)
	if n < 10 {
		p.printf("ERROR: length %d < 10", n)
		return
	}
	p.printf("flags [%s], retention expires ", bitTokString(radiusLocationRulesFlags, "none", uint32(be16(d, 0))))
	p.ntpTimestamp(d, 2)
	if n > 10 {
		p.print(", note well \"")
		p.printN(d[10:], n-10)
		p.print("\"")
	}
}

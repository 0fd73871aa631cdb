package printer

// ATA over Ethernet (ethertype 0x88a2) as tcpdump's print-aoe.c prints
// it.

var aoeCommands = map[uint8]string{0: "Issue ATA Command", 1: "Query Config Information", 2: "MAC Mask List",
	3: "Reserve/Release"}

var aoeFlagBits = []bitTok{{0x08, "Response"}, {0x04, "Error"}, {0x02, "MBZ-1"}, {0x01, "MBZ-0"}}

var aoeErrors = map[uint8]string{1: "Unrecognized command code", 2: "Bad argument parameter", 3: "Device unavailable",
	4: "Config string present", 5: "Unsupported version", 6: "Target is reserved"}

var aoeATAFlagBits = []bitTok{{0x80, "MBZ-7"}, {0x40, "Ext48"}, {0x20, "MBZ-5"}, {0x10, "Device"}, {0x08, "MBZ-3"},
	{0x04, "MBZ-2"}, {0x02, "Async"}, {0x01, "Write"}}

var aoeConfigCommands = map[uint8]string{0: "read config string", 1: "test config string",
	2: "test config string prefix", 3: "set config string", 4: "force set config string"}

var aoeMaskCommands = map[uint8]string{0: "Read Mac Mask List", 1: "Edit Mac Mask List"}

var aoeMaskErrors = map[uint8]string{1: "Unspecified Error", 2: "Bad DCmd directive", 3: "Mask list full"}

var aoeDirectives = map[uint8]string{0: "No Directive", 1: "Add mac address to mask list",
	2: "Delete mac address from mask list"}

var aoeReserveCommands = map[uint8]string{0: "Read reserve list", 1: "Set reserve list", 2: "Force set reserve list"}

// aoeName is tcpdump's "Unknown (0x%02x)" for a value without a name.
func aoeName(m map[uint8]string, v uint8) string {
	return mapName(m, v, sprintf("Unknown (0x%02x)", v))
}

// aoe prints an AoE PDU. Where tcpdump finds it invalid it prints
// " (invalid)" and ends the packet if the rest was not captured.
func (p *Printer) aoe(b []byte, length int) {
	p.printf("AoE length %d", length)
	p.orInvalid("aoe", b, length, p.aoeBody)
}

// aoeBody prints the PDU; on something invalid it reports false and the
// offset it stopped at.
func (p *Printer) aoeBody(r reader, length int) (int, bool) {
	if length < 1 {
		return 0, false
	}
	ver := r.u8(0) >> 4
	p.printf(", Ver %d", ver)
	if ver != 1 {
		return 0, true
	}
	if length < 10 {
		return 0, false
	}
	flags := r.u8(0) & 0x0f
	p.printf(", Flags: [%s]", bitTokString(aoeFlagBits, "none", uint32(flags)))
	if p.o.Verbose == 0 {
		return 0, true
	}
	if flags&0x04 != 0 {
		e := r.u8(1)
		p.printf("\n\tError: %s", mapName(aoeErrors, e, sprintf("Invalid (%d)", e)))
	}
	p.printf("\n\tMajor: 0x%04x", r.be16(2))
	p.printf(", Minor: 0x%02x", r.u8(4))
	cmd := r.u8(5)
	p.printf(", Command: %s", aoeName(aoeCommands, cmd))
	p.printf(", Tag: 0x%08x", r.be32(6))
	off, n := 10, length-10
	switch cmd {
	case 0:
		return p.aoeIssue(r, off, n)
	case 1:
		return p.aoeQuery(r, off, n)
	case 2:
		return p.aoeMask(r, off, n)
	case 3:
		return p.aoeReserve(r, off, n)
	}
	return off, true
}

// aoeIssue prints the argument of an Issue ATA Command.
func (p *Printer) aoeIssue(r reader, off, n int) (int, bool) {
	if n < 12 {
		return off, false
	}
	p.printf("\n\tAFlags: [%s]", bitTokString(aoeATAFlagBits, "none", uint32(r.u8(off))))
	// Each field is printed as it is read: a capture cut short ends
	// after the last whole one.
	for i, f := range []string{", Err/Feature: ", ", Sector Count: ", ", Cmd/Status: ",
		"\n\tlba0: ", ", lba1: ", ", lba2: ", ", lba3: ", ", lba4: ", ", lba5: "} {
		v := r.u8(off + 1 + i)
		p.print(f)
		p.decInt(int(v))
	}
	r.need(off+10, 2)
	if n -= 12; n != 0 {
		p.printf("\n\tData: %d bytes", n)
	}
	return off, true
}

// aoeQuery prints the argument of a Query Config Information command.
func (p *Printer) aoeQuery(r reader, off, n int) (int, bool) {
	if n < 8 {
		return off, false
	}
	p.printf("\n\tBuffer Count: %d", r.be16(off))
	p.printf(", Firmware Version: %d", r.be16(off+2))
	p.printf(", Sector Count: %d", r.u8(off+4))
	c := r.u8(off + 5)
	p.printf(", AoE: %d, CCmd: %s", c>>4, mapName(aoeConfigCommands, c&0x0f, "Unknown (0x02x)"))
	cl := int(r.be16(off + 6))
	off += 8
	n -= 8
	if cl > 1024 || cl > n {
		return off, false
	}
	if cl != 0 {
		p.printf("\n\tConfig String (length %d): ", cl)
		p.printBytes(r, off, cl)
	}
	return off, true
}

// aoeMask prints the argument of a MAC Mask List command.
func (p *Printer) aoeMask(r reader, off, n int) (int, bool) {
	if n < 4 {
		return off, false
	}
	p.printf("\n\tMCmd: %s", aoeName(aoeMaskCommands, r.u8(off+1)))
	p.printf(", MError: %s", aoeName(aoeMaskErrors, r.u8(off+2)))
	dc := int(r.u8(off + 3))
	off += 4
	n -= 4
	p.printf(", Dir Count: %d", dc)
	if dc*8 > n {
		return off, false
	}
	for i := 0; i < dc; i++ {
		p.printf("\n\t DCmd: %s", aoeName(aoeDirectives, r.u8(off+1)))
		p.printf(", Ethernet Address: %s", p.etherAddr(r.bytes(off+2, 6)))
		off += 8
	}
	return off, true
}

// aoeReserve prints the argument of a Reserve/Release command.
func (p *Printer) aoeReserve(r reader, off, n int) (int, bool) {
	if n < 2 || (n-2)%6 != 0 {
		return off, false
	}
	p.printf("\n\tRCmd: %s", aoeName(aoeReserveCommands, r.u8(off)))
	nm := int(r.u8(off + 1))
	off += 2
	n -= 2
	p.printf(", NMacs: %d", nm)
	if nm*6 != n {
		return off, false
	}
	for i := 0; i < nm; i++ {
		p.printf("\n\tEthernet Address %d: %s", i, p.etherAddr(r.bytes(off, 6)))
		off += 6
	}
	return off, true
}

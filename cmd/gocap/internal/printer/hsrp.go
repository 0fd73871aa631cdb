package printer

// HSRP, Cisco's Hot Standby Router Protocol (RFC 2281), UDP port 1985.

var hsrpOps = []string{"hello", "coup", "resign"}

var hsrpStates = map[byte]string{0: "initial", 1: "learn", 2: "listen", 4: "speak", 8: "standby", 16: "active"}

// hsrp prints an HSRP message; tcpdump decodes version 0 only.
func (p *Printer) hsrp(b []byte, length int) {
	r := p.reader("hsrp", b)
	ver := r.u8(0)
	p.printf("HSRPv%d", ver)
	if ver != 0 {
		return
	}
	p.print("-")
	op := r.u8(1)
	opName := sprintf("unknown (%d)", op)
	if int(op) < len(hsrpOps) {
		opName = hsrpOps[op]
	}
	p.printf("%s %d: ", opName, length)
	st := r.u8(2)
	p.printf("state=%s ", mapName(hsrpStates, st, sprintf("Unknown (%d)", st)))
	p.printf("group=%d ", r.u8(6))
	if res := r.u8(7); res != 0 {
		p.printf("[reserved=%d!] ", res)
	}
	p.printf("addr=%s", p.host(addr4(r.bytes(16, 4))))
	if p.o.Verbose == 0 {
		return
	}
	p.printf(" hellotime=%s holdtime=%s priority=%d", relTime(uint32(r.u8(3))), relTime(uint32(r.u8(4))), r.u8(5))
	p.print(" auth=\"")
	// The authentication data, up to its first NUL; every byte is read
	// as tcpdump reads it, so a short one ends the packet.
	for i := 0; i < 8; i++ {
		c := r.u8(8 + i)
		if c == 0 {
			break
		}
		p.printChar(c)
	}
	p.print("\"")
}

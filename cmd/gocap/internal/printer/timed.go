package printer

// The BSD time synchronization protocol (timed, UDP port 525), as
// tcpdump's print-timed.c prints it.

// timedTypes names the TSP message types.
var timedTypes = []string{"TSP_ANY", "TSP_ADJTIME", "TSP_ACK", "TSP_MASTERREQ", "TSP_MASTERACK",
	"TSP_SETTIME", "TSP_MASTERUP", "TSP_SLAVEUP", "TSP_ELECTION", "TSP_ACCEPT", "TSP_REFUSE",
	"TSP_CONFLICT", "TSP_RESOLVE", "TSP_QUIT", "TSP_DATE", "TSP_DATEREQ", "TSP_DATEACK",
	"TSP_TRACEON", "TSP_TRACEOFF", "TSP_MSITE", "TSP_MSITEREQ", "TSP_TEST", "TSP_SETDATE",
	"TSP_SETDATEREQ", "TSP_LOOP"}

// timed prints a TSP message: its type, version and sequence number, the
// hop count or time it carries, and the sender's name.
func (p *Printer) timed(b []byte) {
	r := p.reader("timed", b)
	typ := r.u8(0)
	if int(typ) < len(timedTypes) {
		p.print(timedTypes[typ])
	} else {
		p.printf("(tsp_type %#x)", typ)
	}
	p.printf(" vers %d", r.u8(1))
	p.printf(" seq %d", r.be16(2))
	switch typ {
	case 24: // TSP_LOOP
		p.printf(" hopcnt %d", r.u8(4))
	case 1, 5, 22, 23: // ADJTIME, SETTIME, SETDATE, SETDATEREQ
		sec, usec := int32(r.be32(4)), int32(r.be32(8))
		if usec < 0 {
			return
		}
		p.print(" time ")
		if sec < 0 && usec != 0 {
			if sec++; sec == 0 {
				p.print("-")
			}
			usec = 1000000 - usec
		}
		p.printf("%d.%06d", sec, usec)
	}
	p.print(" name ")
	r.jnp(12, 256)
}

// jnp prints up to n bytes from off, stopping at a NUL; a byte not
// captured ends the packet (tcpdump's nd_printjnp).
func (r reader) jnp(off, n int) {
	for i := 0; i < n; i++ {
		c := r.u8(off + i)
		if c == 0 {
			return
		}
		r.p.printChar(c)
	}
}

package printer

var sctpChunkNames = map[uint8]string{0: "DATA", 1: "INIT", 2: "INIT ACK", 3: "SACK", 4: "HB REQ",
	5: "HB ACK", 6: "ABORT", 7: "SHUTDOWN", 8: "SHUTDOWN ACK", 9: "OP ERR", 10: "COOKIE ECHO",
	11: "COOKIE ACK", 12: "ECN ECHO", 13: "ECN CWR", 14: "SHUTDOWN COMPLETE", 0xc0: "FOR CUM TSN",
	0xc1: "REL CTRL", 0xc2: "REL CTRL ACK"}

var sctpPPIDs = map[uint32]string{1: "ISDN Q.921", 2: "M2UA", 3: "M3UA", 4: "SUA", 5: "M2PA",
	6: "V5.2", 7: "H.248", 8: "BICC", 9: "TALI", 10: "DUA", 11: "ASAP", 12: "ENRP", 13: "H.323",
	14: "Q.IPC", 15: "SIMCO", 16: "DDPSC", 17: "DDPSSC", 18: "S1AP", 19: "RUA", 20: "HNBAP",
	21: "ForCES HP", 22: "ForCES MP", 23: "ForCES LP", 24: "SBc-AP", 25: "NBAP", 27: "X2AP"}

var forcesChannels = map[uint16]string{6704: "ForCES HP", 6705: "ForCES MP", 6706: "ForCES LP"}

// sctp prints an SCTP packet: the addresses and ports (SCTP prints them
// itself) and one "(n) [TYPE] ..." group per chunk.
func (p *Printer) sctp(b []byte, length int, h *ipHdr) {
	r := p.reader("sctp", b)
	if length < 12 {
		p.printf("truncated-sctp - %d bytes missing!", 12-length)
		return
	}
	// tcpdump's SCTP checks go to its own "trunc:" label, which ends the
	// SCTP part only.
	p.label("sctp", func() { p.sctpChunks(r, length, h) })
}

// sctpChunks prints the ports and the chunks of an SCTP packet of at
// least 12 bytes.
func (p *Printer) sctpChunks(r reader, length int, h *ipHdr) {
	b := r.b
	r.check(0, 12)
	sport, dport := r.be16(0), r.be16(2)
	p.printf("%s.%d > %s.%d: sctp", p.host(h.src), sport, p.host(h.dst), dport)
	forces := false
	if s, ok := forcesChannels[sport]; ok {
		p.printf("[%s]", s)
		forces = true
	}
	if s, ok := forcesChannels[dport]; ok {
		p.printf("[%s]", s)
		forces = true
	}
	off := 12
	rem := uint32(length - 12)
	sep := " ("
	if p.o.Verbose >= 2 {
		sep = "\n\t"
	}
	for n := 1; rem != 0; n++ {
		if rem < 4 {
			p.printf("%s%d) [chunk descriptor cut off at end of packet]", sep, n)
			return
		}
		r.check(0, off+4)
		clen := int(r.be16(off + 2))
		if clen < 4 {
			p.printf("%s%d) [Bad chunk length %d, < size of chunk descriptor]", sep, n, clen)
			return
		}
		crem := uint16(clen)
		align := uint32(clen % 4)
		if align != 0 {
			align = 4 - align
		}
		if rem < align {
			p.printf("%s%d) [Bad chunk length %d, > remaining data in packet]", sep, n, clen)
			return
		}
		r.check(off, clen)
		id, flags := b[off], b[off+1]
		off += 4
		rem -= 4
		crem -= 4
		p.printf("%s%d) ", sep, n)
		if s, ok := sctpChunkNames[id]; ok {
			p.printf("[%s] ", s)
		} else {
			p.printf("[Unknown chunk type: 0x%x] ", id)
		}
		bogus := func() { p.printf("bogus chunk length %d]", clen) }
		switch id {
		case 0: // DATA
			if flags&4 != 0 {
				p.print("(U)")
			}
			if flags&2 != 0 {
				p.print("(B)")
			}
			if flags&1 != 0 {
				p.print("(E)")
			}
			if flags&7 != 0 {
				p.print(" ")
			}
			if crem < 12 {
				bogus()
				return
			}
			ppid := r.be32(off + 8)
			p.printf("[TSN: %d] [SID: %d] [SSEQ %d] ", r.be32(off), r.be16(off+4), r.be16(off+6))
			if s, ok := sctpPPIDs[ppid]; ok {
				p.printf("[PPID %s] ", s)
			} else {
				p.printf("[PPID 0x%x] ", ppid)
			}
			if !forces {
				forces = ppid >= 21 && ppid <= 23
			}
			off += 12
			rem -= 12
			crem -= 12
			if crem == 0 {
				bogus()
				return
			}
			payload := b[off:min(off+int(crem), len(b))]
			if forces {
				p.forces(b[off:], int(crem)) // tcpdump reads up to the end of the capture
				p.announce("sctp")
			} else if p.o.Verbose >= 2 && ppid == 3 {
				p.m3ua(b[off:], int(crem))
				p.announce("sctp")
			} else if p.o.Verbose >= 2 {
				p.print("[Payload")
				if !p.suppressDefault() {
					p.print(":")
					p.hexASCII(payload)
				}
				p.print("]")
			}
			off += int(crem)
			rem -= uint32(crem)
			crem = 0
		case 1, 2: // INIT, INIT ACK
			if crem < 16 {
				bogus()
				return
			}
			p.printf("[init tag: %d] [rwnd: %d] [OS: %d] [MIS: %d] [init TSN: %d] ", r.be32(off),
				r.be32(off+4), r.be16(off+8), r.be16(off+10), r.be32(off+12))
			off += int(crem)
			rem -= uint32(crem)
			crem = 0
		case 3: // SACK
			if crem < 12 {
				bogus()
				return
			}
			cum, ngap, ndup := r.be32(off), int(r.be16(off+8)), int(r.be16(off+10))
			p.printf("[cum ack %d] [a_rwnd %d] [#gap acks %d] [#dup tsns %d] ", cum, r.be32(off+4), ngap, ndup)
			off += 12
			rem -= 12
			crem -= 12
			// entries prints up to n 4-byte entries with each, while
			// the chunk has bytes left; false for a partial one.
			entries := func(n int, each func(i int)) bool {
				for i := 0; crem != 0 && i < n; i++ {
					if crem < 4 {
						bogus()
						return false
					}
					each(i)
					off += 4
					rem -= 4
					crem -= 4
				}
				return true
			}
			if !entries(ngap, func(i int) {
				p.printf("\n\t\t[gap ack block #%d: start = %d, end = %d] ", i+1,
					cum+uint32(r.be16(off)), cum+uint32(r.be16(off+2)))
			}) || !entries(ndup, func(i int) { p.printf("\n\t\t[dup TSN #%d: %d] ", i+1, r.be32(off)) }) {
				return
			}
		default:
			off += int(crem)
			rem -= uint32(crem)
			crem = 0
		}
		off += int(crem)
		rem -= uint32(crem)
		if p.o.Verbose < 2 {
			sep = ", ("
		}
		if align != 0 {
			r.check(off, int(align))
			off += int(align)
			rem -= align
		}
	}
}

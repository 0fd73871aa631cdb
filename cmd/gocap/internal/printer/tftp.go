package printer

var tftpOps = map[uint16]string{1: "RRQ", 2: "WRQ", 3: "DATA", 4: "ACK", 5: "ERROR", 6: "OACK"}

var tftpErrors = map[uint16]string{0: "EUNDEF", 1: "ENOTFOUND", 2: "EACCESS", 3: "ENOSPACE",
	4: "EBADOP", 5: "EBADID", 6: "EEXISTS", 7: "ENOUSER"}

// printZString prints a NUL-terminated string of at most n bytes with
// printChar and returns the bytes used including the NUL, or 0 when no
// NUL came within n bytes or the capture (tcpdump's nd_printztn).
func (p *Printer) printZString(b []byte, n int) int {
	for i := 0; ; i++ {
		if n == i || i >= len(b) {
			return 0
		}
		if b[i] == 0 {
			return i + 1
		}
		p.printChar(b[i])
	}
}

// tftp prints a TFTP message (UDP port 69).
func (p *Printer) tftp(b []byte, length int) {
	r := p.reader("tftp", b)
	p.printf("TFTP, length %d", length)
	trunc := func() { r.trunc() }
	if length < 2 {
		trunc()
		return
	}
	op := r.be16(0)
	name, ok := tftpOps[op]
	if !ok {
		p.printf(", tftp-#%d", op)
		return
	}
	p.printf(", %s", name)
	off, n := 2, length-2
	// field prints the next NUL-terminated string between pre and post
	// and steps over it; false where there is none.
	field := func(pre, post string) bool {
		if n == 0 {
			return false
		}
		p.print(pre)
		u := p.printZString(b[min(off, len(b)):], n)
		p.print(post)
		off += u
		n -= u
		return u != 0
	}
	options := func() bool {
		for n != 0 {
			sep := ""
			if r.u8(off) != 0 {
				sep = " "
			}
			if !field(sep, "") {
				return false
			}
		}
		return true
	}
	switch op {
	case 1, 2: // the file name, the mode, then options
		if !field(" \"", "\"") || !field(" ", "") || !options() {
			trunc()
		}
	case 6:
		if !options() {
			trunc()
		}
	case 3, 4:
		if n < 2 {
			trunc()
			return
		}
		p.printf(" block %d", r.be16(off))
	case 5:
		if n < 2 {
			trunc()
			return
		}
		code := r.be16(off)
		es, ok := tftpErrors[code]
		if !ok {
			es = sprintf("tftp-err-#%d \"", code)
		}
		p.printf(" %s", es)
		off += 2
		n -= 2
		if !field(" \"", "\"") {
			trunc()
		}
	}
}

package printer

// RESP, the Redis serialization protocol (TCP port 6379), as tcpdump's
// print-resp.c prints it: every value of the segment in turn, strings
// quoted. tcpdump stops at the first value it cannot finish, within the
// segment's length or the captured bytes, and prints " [|resp]"; reading
// a byte past the capture where it does not test first ends the packet.

// respParser reads the values of one segment.
type respParser struct {
	p *Printer
	r reader
}

// resp prints the RESP values of a TCP segment's payload, length bytes
// on the wire.
func (p *Printer) resp(b []byte, length int) {
	rp := respParser{p: p, r: p.reader("resp", b)}
	p.print(": RESP")
	off := 0
	for length > 0 {
		n := rp.value(off, length)
		if n < 0 {
			rp.r.trunc()
			return
		}
		off += n
		length -= n
	}
}

// value prints the value at off, at most length bytes, and returns the
// bytes it took, or -1 where tcpdump gives up.
func (rp respParser) value(off, length int) int {
	if length < 1 {
		return -1
	}
	switch rp.r.u8(off) {
	case '+', '-', ':':
		return rp.line(off, length)
	case '$':
		return rp.bulkString(off, length)
	case '*':
		return rp.array(off, length)
	}
	return rp.inline(off, length)
}

// segment prints n bytes at off in quotes, reporting false if they were
// not all captured (then the closing quote is not printed).
func (rp respParser) segment(off, n int) bool {
	rp.p.print(` "`)
	for i := 0; i < n; i++ {
		if !rp.r.has(off+i, 1) {
			return false
		}
		rp.p.printChar(rp.r.b[off+i])
	}
	rp.p.print(`"`)
	return true
}

// findCRLF moves *off to the next CR LF within *left bytes (FIND_CRLF).
func (rp respParser) findCRLF(off, left *int) bool {
	for {
		if *left < 2 || !rp.r.has(*off, 2) {
			return false
		}
		if rp.r.b[*off] == '\r' && rp.r.b[*off+1] == '\n' {
			return true
		}
		*off++
		*left--
	}
}

// findCRorLF moves *off to the next CR or LF within *left bytes.
func (rp respParser) findCRorLF(off, left *int) bool {
	for {
		if *left < 1 {
			return false
		}
		if c := rp.r.u8(*off); c == '\r' || c == '\n' {
			return true
		}
		*off++
		*left--
	}
}

// skipCRorLF moves *off past any CRs and LFs; it reports false if the
// bytes end before anything but a CR or LF was found.
func (rp respParser) skipCRorLF(off, left *int) bool {
	found := false
	for {
		if *left == 0 || !rp.r.has(*off, 1) {
			return found
		}
		if c := rp.r.u8(*off); c != '\r' && c != '\n' {
			return true
		}
		found = true
		*off++
		*left--
	}
}

// line prints a simple string, error or integer: its text to CR LF.
func (rp respParser) line(off, length int) int {
	left := length - 1
	start := off + 1
	end := start
	if !rp.findCRLF(&end, &left) {
		return -1
	}
	n := end - start
	if !rp.segment(start, n) {
		return -1
	}
	return 1 + n + 2
}

// Results of respParser.length other than a length.
const (
	respNull     = -1
	respTrunc    = -2
	respTooLarge = -3
	respNegative = -4
	respInvalid  = -5
)

// length reads the decimal length and its CR LF at off, within left
// bytes, and returns it (or a negative result) and the offset after
// what it read (resp_get_length).
func (rp respParser) length(off, left int) (int, int) {
	if left == 0 {
		return respTrunc, off
	}
	neg := false
	if rp.r.u8(off) == '-' {
		neg = true
		off++
		left--
	}
	const intMax = 1<<31 - 1
	result, digits, tooLarge := 0, false, false
	for {
		if left == 0 {
			return respTrunc, off
		}
		c := rp.r.u8(off)
		if c < '0' || c > '9' {
			if !digits {
				return respInvalid, off + 1
			}
			break
		}
		d := int(c - '0')
		if result > intMax/10 {
			tooLarge = true
		} else {
			result *= 10
			if result == intMax/10*10 && d > intMax%10 {
				tooLarge = true
			} else {
				result += d
			}
		}
		off++
		left--
		digits = true
	}
	if rp.r.u8(off) != '\r' {
		return respInvalid, off + 1
	}
	off++
	left--
	if left == 0 {
		return respTrunc, off
	}
	if rp.r.u8(off) != '\n' {
		return respInvalid, off + 1
	}
	off++
	if neg {
		if tooLarge || result != 1 {
			return respNegative, off
		}
		return respNull, off
	}
	if tooLarge {
		return respTooLarge, off
	}
	return result, off
}

// badLength prints a length that is not one, reporting false where
// tcpdump gives up.
func (rp respParser) badLength(n int) bool {
	switch n {
	case respNull:
		rp.p.print(" null")
	case respTrunc:
		return false
	case respTooLarge:
		rp.p.print(" length too large")
	case respNegative:
		rp.p.print(" length negative and not -1")
	default:
		rp.p.print(" invalid")
	}
	return true
}

func (rp respParser) bulkString(off, length int) int {
	left := length - 1
	at := off + 1
	n, end := rp.length(at, left)
	left -= end - at
	at = end
	if n < 0 {
		if !rp.badLength(n) {
			return -1
		}
		return length - left
	}
	if n == 0 {
		rp.p.print(" empty")
	} else {
		if left < n || !rp.r.has(at, n) || !rp.segment(at, n) {
			return -1
		}
		at += n
		left -= n
	}
	if !rp.findCRLF(&at, &left) {
		return -1
	}
	left -= 2
	return length - left
}

func (rp respParser) array(off, length int) int {
	left := length - 1
	at := off + 1
	n, end := rp.length(at, left)
	left -= end - at
	at = end
	if n > 0 {
		for i := 0; i < n; i++ {
			k := rp.value(at, left)
			if k < 0 {
				return -1
			}
			at += k
			left -= k
		}
		return length - left
	}
	if n == 0 {
		rp.p.print(" empty")
	} else if !rp.badLength(n) {
		return -1
	}
	return length - left
}

// inline prints an inline command: text up to a CR or LF.
func (rp respParser) inline(off, length int) int {
	left := length
	at := off
	if !rp.skipCRorLF(&at, &left) {
		return -1
	}
	end := at
	if !rp.findCRorLF(&end, &left) {
		return -1
	}
	if !rp.segment(at, end-at) {
		return -1
	}
	if !rp.skipCRorLF(&end, &left) {
		return -1
	}
	return length - left
}

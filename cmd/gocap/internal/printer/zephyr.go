package printer

import (
	"math"
	"strings"
)

// Zephyr (UDP ports 2103 and 2104), as tcpdump's print-zephyr.c prints
// it: the notice's NUL-terminated header fields, summarised by class,
// instance and opcode.

// zephyrKinds names the notice kinds.
var zephyrKinds = []string{"unsafe", "unacked", "acked", "hm-ack", "hm-ctl", "serv-ack",
	"serv-nak", "client-ack", "stat"}

// zephyrParser reads a notice's NUL-terminated fields; a field without
// its NUL within the notice's length fails, and so do all after it.
type zephyrParser struct {
	r   reader
	off int
	n   int
}

// field returns the next field, or false.
func (z *zephyrParser) field() (string, bool) {
	start := z.off
	for {
		if z.n == 0 {
			return "", false
		}
		if z.r.u8(z.off) == 0 {
			break
		}
		z.off++
		z.n--
	}
	s := string(z.r.b[start:z.off])
	z.off++
	z.n--
	return s, true
}

// zephyrInt is the value of a hexadecimal field as strtol reads it,
// truncated to an int.
func zephyrInt(s string) int32 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	hexv := func(c byte) int {
		switch {
		case c >= '0' && c <= '9':
			return int(c - '0')
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && hexv(s[2]) >= 0 {
		s = s[2:]
	}
	var v uint64
	over := false
	for i := 0; i < len(s) && hexv(s[i]) >= 0; i++ {
		if v > (math.MaxUint64-15)/16 {
			over = true
		}
		v = v*16 + uint64(hexv(s[i]))
	}
	var l int64
	switch {
	case !neg && (over || v > math.MaxInt64):
		l = math.MaxInt64
	case neg && (over || v > 1<<63):
		l = math.MinInt64
	case neg:
		l = -int64(v)
	default:
		l = int64(v)
	}
	return int32(l)
}

// zephyrLower is s in lower case, cut to 255 bytes as tcpdump's buffer
// cuts it.
func zephyrLower(s string) string {
	if len(s) > 255 {
		s = s[:255]
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// zephyrTriple is "<class,instance,recipient>" ("*" for no recipient),
// cut to 255 bytes.
func zephyrTriple(class, inst, recipient string) string {
	if recipient == "" {
		recipient = "*"
	}
	s := sprintf("<%s,%s,%s>", class, inst, recipient)
	if len(s) > 255 {
		s = s[:255]
	}
	return s
}

// zephyr prints a Zephyr notice.
func (p *Printer) zephyr(b []byte, length int) {
	z := &zephyrParser{r: p.reader("zephyr", b), n: length}
	str := func(prefix, s string) {
		p.print(prefix)
		for i := 0; i < len(s); i++ {
			p.printChar(s[i])
		}
	}
	version, ok := z.field()
	if !ok {
		p.print(" (invalid)")
		return
	}
	if !strings.HasPrefix(version, "ZEPH") {
		return
	}
	var f [16]string
	for i := range f {
		if f[i], ok = z.field(); !ok {
			p.print(" (invalid)")
			return
		}
	}
	kind := zephyrInt(f[1])
	class, inst, opcode, sender, recipient := f[7], f[8], f[9], f[10], f[11]
	p.print(" zephyr")
	if !strings.HasPrefix(version[4:], "0.2") {
		str(" v", version[4:])
		return
	}
	if kind >= 0 && int(kind) < len(zephyrKinds) {
		p.printf(" %s", zephyrKinds[kind])
	} else {
		p.printf(" type %d", kind)
	}
	if kind == 5 {
		if ack, ok := z.field(); ok && ack != "SENT" {
			str("/", zephyrLower(ack))
		}
	}
	if sender != "" {
		str(" ", sender)
	}
	switch class {
	case "USER_LOCATE":
		switch opcode {
		case "USER_HIDE":
			p.print(" hide")
		case "USER_UNHIDE":
			p.print(" unhide")
		default:
			str(" locate ", inst)
		}
		return
	case "ZEPHYR_ADMIN":
		str(" zephyr-admin ", zephyrLower(opcode))
		return
	case "ZEPHYR_CTL":
		switch inst {
		case "CLIENT":
			switch opcode {
			case "SUBSCRIBE", "SUBSCRIBE_NODEFS", "UNSUBSCRIBE":
				un, nodefs := "un", ""
				if opcode == "SUBSCRIBE" {
					un = ""
				}
				if opcode == "SUBSCRIBE_NODEFS" {
					nodefs = "-nodefs"
				}
				p.printf(" %ssub%s", un, nodefs)
				if kind != 5 {
					c, ok1 := z.field()
					i, ok2 := z.field()
					r, ok3 := z.field()
					if ok1 && ok2 && ok3 {
						str(" ", zephyrTriple(c, i, r))
					}
				}
			case "GIMME":
				p.print(" ret")
			case "GIMMEDEFS":
				p.print(" gimme-defs")
			case "CLEARSUB":
				p.print(" clear-subs")
			default:
				str(" ", zephyrLower(opcode))
			}
			return
		case "HM":
			str(" ", zephyrLower(opcode))
			return
		case "REALM":
			switch opcode {
			case "ADD_SUBSCRIBE":
				p.print(" realm add-subs")
			case "REQ_SUBSCRIBE":
				p.print(" realm req-subs")
			case "RLM_SUBSCRIBE":
				p.print(" realm rlm-sub")
			case "RLM_UNSUBSCRIBE":
				p.print(" realm rlm-unsub")
			}
			return
		}
	case "HM_CTL", "WG_CTL":
		str(" "+zephyrLower(class)+" ", zephyrLower(inst))
		str(" ", zephyrLower(opcode))
		return
	case "HM_STAT":
		if inst == "HMST_CLIENT" && opcode == "GIMMESTATS" {
			p.print(" get-client-stats")
			return
		}
	case "LOGIN":
		switch opcode {
		case "USER_FLUSH":
			p.print(" flush_locs")
			return
		case "NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED", "NET-VISIBLE", "NET-ANNOUNCED":
			str(" set-exposure ", zephyrLower(opcode))
			return
		}
	}
	str(" to ", zephyrTriple(class, inst, recipient))
	if opcode != "" {
		str(" op ", opcode)
	}
}

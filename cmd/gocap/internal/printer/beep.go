package printer

// BEEP (RFC 3080) on TCP port 10288: tcpdump names the frame by its first
// keyword only.

// beepKeywords are the frame keywords tcpdump recognises, with the bytes
// it compares (MSG and END are compared with their terminating NUL, so
// they never match a real frame).
var beepKeywords = []struct{ cmp, name string }{
	{"MSG\x00", "MSG"}, {"RPY ", "RPY"}, {"ERR ", "ERR"}, {"ANS ", "ANS"},
	{"NUL ", "NUL"}, {"SEQ ", "SEQ"}, {"END\x00", "END"},
}

// beep prints " BEEP" and the frame's keyword.
func (p *Printer) beep(b []byte, length int) {
	p.announce("beep")
	for _, k := range beepKeywords {
		// tcpdump compares with strncmp, which stops at a NUL in both.
		if len(b) >= 4 && length >= 4 && beepEqual(b[:4], k.cmp) {
			p.printf(" BEEP %s", k.name)
			return
		}
	}
	p.print(" BEEP (payload or undecoded)")
}

// beepEqual compares as strncmp(s, b, 4) == 0 does.
func beepEqual(b []byte, s string) bool {
	for i := 0; i < 4; i++ {
		if b[i] != s[i] {
			return false
		}
		if s[i] == 0 {
			return true
		}
	}
	return true
}

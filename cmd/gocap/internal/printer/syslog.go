package printer

var syslogFacilities = []string{"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
	"uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1",
	"local2", "local3", "local4", "local5", "local6", "local7"}

var syslogSeverities = []string{"emergency", "alert", "critical", "error", "warning", "notice",
	"info", "debug"}

// syslog prints a BSD syslog message (UDP port 514): the priority as
// facility and severity, and with -v the message text.
func (p *Printer) syslog(b []byte, length int) {
	r := p.reader("syslog", b)
	if r.u8(0) != '<' {
		p.print(" (invalid)")
		return
	}
	off, pri := 1, 0
	for off <= 3 && r.u8(off) >= '0' && b[off] <= '9' {
		pri = pri*10 + int(b[off]-'0')
		off++
	}
	if r.u8(off) != '>' {
		p.print(" (invalid)")
		return
	}
	off++
	fac, sev := (pri&0x3f8)>>3, pri&7
	fs := sprintf("unknown (%d)", fac)
	if fac < len(syslogFacilities) {
		fs = syslogFacilities[fac]
	}
	ss := syslogSeverities[sev]
	if p.o.Verbose == 0 {
		p.printf("SYSLOG %s.%s, length: %d", fs, ss, length)
		return
	}
	p.printf("SYSLOG, length: %d\n\tFacility %s (%d), Severity %s (%d)\n\tMsg: ", length, fs, fac, ss, sev)
	for i := off; i < length; i++ {
		p.printChar(r.u8(i))
	}
	if p.o.Verbose > 1 {
		r.need(0, length)
		p.hexLinesPlain(b[:length], "\n\t")
	}
}

package printer

import "strings"

// Text protocols tcpdump prints by their first line (HTTP, RTSP, FTP,
// SMTP): the request or response line, or with -v every text line.

// httpCmds are the request methods print-http.c knows: HTTP's, WebDAV's
// and a few others.
var httpCmds = []string{"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
	"BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE",
	"NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST",
	"SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
	"UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL"}

var rtspCmds = []string{"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN"}

var sipCmds = []string{"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH"}

func isPrintASCII(c byte) bool { return c >= 0x20 && c < 0x7f }

// fetchToken reads the token at idx (up to the next white space) and
// skips the blanks after it. It returns the index after them, or 0 if
// there is no token or it is not printable ASCII.
func fetchToken(b []byte, idx, length int) (string, int) {
	var tok []byte
	for ; idx < length; idx++ {
		if idx >= len(b) {
			return "", 0
		}
		c := b[idx]
		if c >= 0x80 {
			return "", 0
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if !isPrintASCII(c) || len(tok)+2 > 129 {
			return "", 0
		}
		tok = append(tok, c)
	}
	if len(tok) == 0 {
		return "", 0
	}
	for ; idx < length && idx < len(b); idx++ {
		c := b[idx]
		if c == '\r' || c == '\n' || !isPrintASCII(c) || (c != ' ' && c != '\t') {
			break
		}
	}
	return string(tok), idx
}

// txtLine prints the line at idx with prefix and returns the index after
// its end, or 0 when the line is not text or does not end in this packet
// (a text line without an ending is still printed, with " [|proto]").
func (p *Printer) txtLine(prefix string, b []byte, idx, length int) int {
	start := idx
	for idx < length {
		c := u8(b, idx)
		switch {
		case c == '\n':
			p.print(prefix + string(b[start:idx]))
			return idx + 1
		case c == '\r':
			if idx+1 >= length {
				return 0
			}
			if u8(b, idx+1) == '\n' {
				p.print(prefix + string(b[start:idx]))
				return idx + 2
			}
			return 0
		case !isPrintASCII(c) && c != '\t':
			return 0
		}
		idx++
	}
	// Text to the end without a line ending: printed, and marked as cut
	// short (tcpdump's print_txt_line).
	p.print(prefix + string(b[start:idx]))
	p.truncMark(p.proto)
	return 0
}

// txtproto prints a text protocol message as tcpdump's txtproto_print:
// the protocol name in capitals, then the first line (all lines with -v)
// if it looks like a request (cmds) or a response with a 3-digit code.
// secondCode says the code is the second token (HTTP, RTSP).
func (p *Printer) txtproto(b []byte, length int, name string, cmds []string, secondCode bool) {
	p.announce(name)
	show := cmds == nil
	if cmds != nil {
		tok, idx := fetchToken(b, 0, length)
		if idx != 0 {
			for _, c := range cmds {
				if strings.EqualFold(tok, c) {
					show = true
					break
				}
			}
			if secondCode {
				tok, idx = fetchToken(b, idx, length)
			}
			if idx != 0 && len(tok) == 3 && isDigit(tok[0]) && isDigit(tok[1]) && isDigit(tok[2]) {
				show = true
			}
		}
	}
	p.print(strings.ToUpper(name))
	if !show {
		return
	}
	if p.o.Verbose > 0 {
		p.printf(", length: %d", length)
		for idx := 0; idx < length; {
			eol := p.txtLine("\n\t", b, idx, length)
			if eol == 0 {
				break
			}
			idx = eol
		}
		return
	}
	p.txtLine(": ", b, 0, length)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ssh prints the SSH version line that opens a connection.
func (p *Printer) ssh(b []byte, length int) {
	rd := p.reader("ssh", b)
	for i := 0; i < 4; i++ {
		if rd.u8(i) != "SSH-"[i] {
			return
		}
	}
	idx := 4
	for ; ; idx++ {
		if idx >= length {
			// no end of line in this segment: nothing printed
			return
		}
		c := rd.u8(idx)
		if c == '\n' {
			break
		}
		if c == '\r' {
			if idx+1 >= length {
				return
			}
			if rd.u8(idx+1) == '\n' {
				break
			}
			return
		}
		if !isPrintASCII(c) {
			return
		}
	}
	p.printf(": SSH: %s", b[:idx])
}

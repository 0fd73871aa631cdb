// Package strerror renders errors from the system as C's strerror does,
// the text libpcap and tcpdump put in their messages.
package strerror

import (
	"errors"
	"syscall"
)

// Text renders err the way strerror does ("No such file or directory")
// when it comes from the system (a syscall.Errno anywhere in its chain),
// and as is otherwise. Go's text of an errno starts in lower case; C's
// starts with a capital.
func Text(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		s := errno.Error()
		if s != "" && s[0] >= 'a' && s[0] <= 'z' {
			s = string(s[0]-'a'+'A') + s[1:]
		}
		return s
	}
	return err.Error()
}

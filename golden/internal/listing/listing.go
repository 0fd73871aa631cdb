// Package listing runs a libpcap program printer (the local tcpdump -d, or
// master's filtertest) on an expression and counts the instructions it
// lists, for the generators that record libpcap's program sizes
// (golden/internal/genchains and gensizes).
package listing

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// ErrRefused is returned when the program exits with an error status:
// libpcap refuses the expression.
var ErrRefused = errors.New("listing: expression refused")

// Size runs name with args, then "-F FILE" naming a file that holds expr
// (libpcap's -F reads a file by its size, so a pipe would read as empty;
// a file also keeps an expression starting with '-' from being taken for
// an option), and counts the "(NNN) ..." lines it prints. It returns
// ErrRefused if the program exits with an error status or lists nothing.
func Size(expr, name string, args ...string) (int, error) {
	f, err := os.CreateTemp("", "gocap-listing-*.txt")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString(expr); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	cmd := exec.Command(name, append(args, "-F", f.Name())...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return 0, fmt.Errorf("%w: %s", ErrRefused, strings.TrimSpace(stderr.String()))
		}
		return 0, err
	}
	n := 0
	for _, line := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(line, "(") {
			n++
		}
	}
	if n == 0 {
		return 0, ErrRefused
	}
	return n, nil
}

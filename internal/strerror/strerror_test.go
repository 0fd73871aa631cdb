package strerror

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
)

// TestText checks the capital and the chain: an errno wrapped in a
// *os.PathError gives strerror's text alone, anything else its own text.
func TestText(t *testing.T) {
	_, err := os.Open("/nonexistent/x")
	if got := Text(err); got != "No such file or directory" {
		t.Errorf("Text(%v) = %q", err, got)
	}
	if got := Text(fmt.Errorf("read: %w", syscall.EISDIR)); got != "Is a directory" {
		t.Errorf("wrapped EISDIR: %q", got)
	}
	if got := Text(errors.New("plain")); got != "plain" {
		t.Errorf("plain error: %q", got)
	}
}

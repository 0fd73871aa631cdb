package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// fieldsJoin returns s with runs of white space made single spaces.
func fieldsJoin(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeOutput writes data to -o's file, or to stdout. Binary formats are
// not written to a terminal.
func writeOutput(cfg config, data []byte, stdout io.Writer) error {
	if cfg.output != "" {
		return writeFileAtomic(cfg.output, data)
	}
	if cfg.out.isBinary() && isTerminal(stdout) {
		return fmt.Errorf("not writing the binary %s format to a terminal; redirect standard output or use -o FILE", cfg.out)
	}
	if _, err := stdout.Write(data); err != nil {
		return fmt.Errorf("writing the output: %w", err)
	}
	return nil
}

// writeFileAtomic writes data to name so that name never holds part of it:
// the bytes go to a temporary file in the same directory, which is synced
// and then renamed over name. An existing file keeps its permissions; a new
// one is made 0644.
func writeFileAtomic(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	perm := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("writing %s: not a regular file", name)
		}
		perm = st.Mode().Perm()
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".filterc-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

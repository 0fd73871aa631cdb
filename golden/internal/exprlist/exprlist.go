// Package exprlist reads golden/testdata/expressions.txt, the golden
// filter expressions the generators run tcpdump over (genverdicts,
// gensizes).
package exprlist

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Read returns the expressions of the file at path, one a line in file
// order, trimmed, skipping blank lines and lines starting with '#'. An
// expression listed twice, or a file with none, is an error.
func Read(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var exprs []string
	seen := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if seen[s] {
			return nil, fmt.Errorf("%s: %q listed twice", path, s)
		}
		seen[s] = true
		exprs = append(exprs, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(exprs) == 0 {
		return nil, fmt.Errorf("%s: no expressions", path)
	}
	return exprs, nil
}

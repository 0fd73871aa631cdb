// Command genmaster records libpcap master's unoptimized listings for the
// expressions of golden/testdata/master_exprs.txt, so that
// TestMasterListings (golden/master_test.go) can compare gocap with master
// where filtertest is not available. golden/gen-master.sh runs it.
//
// Usage:
//
//	go run ./golden/internal/genmaster -filtertest PATH \
//		-exprs golden/testdata/master_exprs.txt -out golden/testdata/master_listings.json
//
// Each line of the expressions file is "LINKTYPE<TAB>EXPRESSION", or
// "LINKTYPE -l<TAB>EXPRESSION" for the Linux extensions ('#' starts a
// comment line). For each it runs
//
//	filtertest -O [-l] -F - LINKTYPE      (the expression on standard input)
//
// and records the listing, or the error message when filtertest refuses
// the expression (exit status 65). Any other failure stops the program
// without writing the output.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Record is one expression's result, as golden/master_test.go reads it.
type Record struct {
	LinkType string `json:"linktype"`
	LinuxExt bool   `json:"linuxext,omitempty"`
	Expr     string `json:"expr"`
	Listing  string `json:"listing,omitempty"`
	Error    string `json:"error,omitempty"`
}

// File is the whole output.
type File struct {
	Filtertest string   `json:"filtertest"`       // filtertest's version line
	Source     string   `json:"source,omitempty"` // what it was built from (-source)
	Records    []Record `json:"records"`
}

func main() {
	ft := flag.String("filtertest", "", "libpcap master's filtertest binary")
	exprs := flag.String("exprs", "golden/testdata/master_exprs.txt", "expressions file")
	out := flag.String("out", "golden/testdata/master_listings.json", "output file")
	source := flag.String("source", "", "what filtertest was built from, recorded as is (e.g. the libpcap commit)")
	flag.Parse()
	if *ft == "" {
		fmt.Fprintln(os.Stderr, "genmaster: -filtertest is required")
		os.Exit(2)
	}
	if err := run(*ft, *exprs, *out, *source); err != nil {
		fmt.Fprintln(os.Stderr, "genmaster:", err)
		os.Exit(1)
	}
}

func run(ft, exprsPath, out, source string) error {
	version, err := filtertestVersion(ft)
	if err != nil {
		return err
	}
	f, err := os.Open(exprsPath)
	if err != nil {
		return err
	}
	defer f.Close()
	file := File{Filtertest: version, Source: source}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		lt, expr, ok := strings.Cut(text, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: want LINKTYPE<TAB>EXPRESSION", exprsPath, line)
		}
		args := []string{"-O", "-F", "-"}
		rec := Record{LinkType: lt, Expr: expr}
		if name, opt, ok := strings.Cut(lt, " "); ok {
			if opt != "-l" {
				return fmt.Errorf("%s:%d: unknown option %q (only -l)", exprsPath, line, opt)
			}
			rec.LinkType, rec.LinuxExt = name, true
			args = append(args, "-l")
		}
		cmd := exec.Command(ft, append(args, rec.LinkType)...)
		cmd.Stdin = strings.NewReader(expr)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee) && ee.ExitCode() == 65:
			rec.Error = strings.TrimPrefix(strings.TrimSpace(stderr.String()), "filtertest: ")
		case err != nil:
			return fmt.Errorf("%s:%d: filtertest: %v: %s", exprsPath, line, err, stderr.String())
		default:
			rec.Listing = stdout.String()
		}
		file.Records = append(file.Records, rec)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	var data bytes.Buffer
	enc := json.NewEncoder(&data)
	enc.SetEscapeHTML(false) // keep & < > readable in expressions
	enc.SetIndent("", "\t")
	if err := enc.Encode(file); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".genmaster-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// filtertestVersion returns the first line of filtertest's help, which
// names the libpcap version it was built with.
func filtertestVersion(ft string) (string, error) {
	var b bytes.Buffer
	cmd := exec.Command(ft, "-h")
	cmd.Stdout, cmd.Stderr = &b, &b
	_ = cmd.Run() // -h exits non-zero in some versions; the text is what counts
	first, _, _ := strings.Cut(b.String(), "\n")
	if !strings.Contains(first, "libpcap") {
		return "", fmt.Errorf("%s -h: unexpected output %q", ft, first)
	}
	return first, nil
}

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"testing"
)

// TestGeneratedTable checks that ../services_table.go is what the
// generator makes of its input, byte for byte, when this machine's
// /etc/services and /etc/protocols are the files the table's header names
// by their SHA-256 sums; on a machine with other files it is skipped.
func TestGeneratedTable(t *testing.T) {
	table, err := os.ReadFile("../services_table.go")
	if err != nil {
		t.Fatal(err)
	}
	svc, err1 := os.ReadFile("/etc/services")
	proto, err2 := os.ReadFile("/etc/protocols")
	if err1 != nil || err2 != nil {
		t.Skipf("the system's files are not readable here: %v %v", err1, err2)
	}
	sums := fmt.Sprintf("// Input: services sha256 %x,\n// protocols sha256 %x.\n", sha256.Sum256(svc), sha256.Sum256(proto))
	if !bytes.Contains(table, []byte(sums)) {
		t.Skip("this machine's /etc/services or /etc/protocols is not the table's source (see the sums in services_table.go)")
	}
	got, err := generate(svc, proto)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, table) {
		t.Error("services_table.go differs from what go generate writes from its own input; run go generate ./internal/names")
	}
}

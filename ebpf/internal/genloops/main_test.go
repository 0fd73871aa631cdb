package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGenerated checks that the ebpf package's generated files are what
// the generator writes now, so that an edit to the table or the templates
// is not lost, nor an edit to a generated file kept: run go generate in
// ebpf/ after changing either.
func TestGenerated(t *testing.T) {
	files, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("ebpf/%s differs from what internal/genloops writes: run go generate in ebpf/", name)
		}
	}
}

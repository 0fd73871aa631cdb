package asm

import (
	"bytes"
	"strings"
	"testing"
)

func TestAssembleLabelsAndSlots(t *testing.T) {
	// lddw counts as two slots, so the label after it is slot 3, and the
	// jump at slot 0 encodes offset 3 - 1 = 2; exit is defined implicitly.
	got, err := Assemble(`
		ja done          # comment
		lddw %r0, 0x1122334455667788
	done:
		jne %r0, %r1, exit
		exit
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Join([][]byte{
		{0x05, 0x00, 0x02, 0x00, 0, 0, 0, 0},
		{0x18, 0x00, 0x00, 0x00, 0x88, 0x77, 0x66, 0x55},
		{0x00, 0x00, 0x00, 0x00, 0x44, 0x33, 0x22, 0x11},
		{0x5d, 0x10, 0x00, 0x00, 0, 0, 0, 0},
		{0x95, 0x00, 0x00, 0x00, 0, 0, 0, 0},
	}, nil)
	if !bytes.Equal(got, want) {
		t.Fatalf("got\n% x\nwant\n% x", got, want)
	}
}

func TestAssembleErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"exit\nmov32 %r0, 2147483648", "line 2: invalid immediate"},
		{"ldxb %r0, [%r1+0x10000]", "offset out of range"},
		{"ja nowhere", "unknown label"},
		{"lock or [%r10-8]", "invalid number of operands for lock"},
		{"or %r0, %r50", "invalid register"},
		{"x:\nx:\nexit", "duplicate label"},
		{"frob %r0", "unknown mnemonic"},
	} {
		_, err := Assemble(tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Assemble(%q) = %v, want an error containing %q", tc.src, err, tc.want)
		}
	}
}

func TestParseDataFile(t *testing.T) {
	f, err := ParseDataFile("# c\n-- asm\nmov %r0, 1\nexit\n-- mem\naa bb\ncc\n-- result\n0x10\n")
	if err != nil {
		t.Fatal(err)
	}
	if !f.HasAsm || f.Asm != "mov %r0, 1\nexit" || !bytes.Equal(f.Mem, []byte{0xaa, 0xbb, 0xcc}) || !f.HasResult || f.Result != 0x10 {
		t.Fatalf("parsed %+v", f)
	}
	if _, err := ParseDataFile("-- asm\n-- bogus\n"); err == nil {
		t.Fatal("unknown directive accepted")
	}
}

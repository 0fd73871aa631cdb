package endian

import (
	"encoding/binary"
	"testing"
)

// TestHostMatchesNative checks that Host orders bytes as
// binary.NativeEndian does, and that HostBig agrees with it.
func TestHostMatchesNative(t *testing.T) {
	var a, b [4]byte
	Host().PutUint32(a[:], 0x01020304)
	binary.NativeEndian.PutUint32(b[:], 0x01020304)
	if a != b {
		t.Fatalf("Host() wrote %x, binary.NativeEndian %x", a, b)
	}
	if HostBig() != (a[0] == 1) {
		t.Errorf("HostBig() = %v with bytes %x", HostBig(), a)
	}
}

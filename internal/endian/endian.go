// Package endian says which byte order the machine running the program
// uses, as the one binary.ByteOrder value libraries that accept only
// binary.LittleEndian or binary.BigEndian (cilium/ebpf's marshalling,
// pcap headers) can take; binary.NativeEndian is neither.
package endian

import "encoding/binary"

// Host returns binary.LittleEndian or binary.BigEndian, whichever the host
// uses.
func Host() binary.ByteOrder {
	var probe [2]byte
	binary.NativeEndian.PutUint16(probe[:], 1)
	if probe[0] == 1 {
		return binary.LittleEndian
	}
	return binary.BigEndian
}

// HostBig reports whether the host is big-endian.
func HostBig() bool { return Host() == binary.BigEndian }

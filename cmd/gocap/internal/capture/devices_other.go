//go:build !linux

package capture

// Devices reports that live capture needs Linux.
func Devices() ([]Device, error) { return nil, ErrNotSupported }

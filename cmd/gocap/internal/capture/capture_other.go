//go:build !linux

package capture

import "github.com/gocap/gocap/cbpf"

// Handle is an open live capture; there are none off Linux.
type Handle struct{}

// Open reports that live capture needs Linux.
func Open(cfg Config) (*Handle, error) { return nil, ErrNotSupported }

// LinkType is the capture's link type.
func (h *Handle) LinkType() cbpf.LinkType { return 0 }

// Snaplen is the capture's snapshot length.
func (h *Handle) Snaplen() uint32 { return 0 }

// Run reads nothing.
func (h *Handle) Run(fn func(*Packet) error, done func()) error { return ErrNotSupported }

// Stop does nothing.
func (h *Handle) Stop() {}

// Stats has nothing to count.
func (h *Handle) Stats() (Stats, error) { return Stats{}, ErrNotSupported }

// Close does nothing.
func (h *Handle) Close() {}

// DeviceLinkType reports that live capture needs Linux.
func DeviceLinkType(device string, want cbpf.LinkType) (cbpf.LinkType, error) {
	return 0, ErrNotSupported
}

// LinkTypes reports that live capture needs Linux.
func LinkTypes(device string) ([]cbpf.LinkType, error) { return nil, ErrNotSupported }

// TstampTypes reports that live capture needs Linux.
func TstampTypes(device string) ([]TstampType, error) { return nil, ErrNotSupported }

// CheckTstampType reports that live capture needs Linux.
func CheckTstampType(device string, t TstampType, warn func(string)) (TstampType, error) {
	return 0, ErrNotSupported
}

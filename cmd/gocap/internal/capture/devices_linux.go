//go:build linux

package capture

import (
	"errors"
	"net"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Devices lists what gocap can capture on, in libpcap's order: the network
// interfaces and the "any" device. libpcap's other sources (nflog,
// nfqueue, usbmon, D-Bus, Bluetooth) are not packet sockets and are not
// listed.
func Devices() ([]Device, error) {
	ifcs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	devs := make([]Device, 0, len(ifcs)+1)
	for _, ifc := range ifcs {
		d := Device{Name: ifc.Name}
		if ifc.Flags&net.FlagLoopback != 0 {
			d.Flags |= FlagLoopback
		}
		if ifc.Flags&net.FlagUp != 0 {
			d.Flags |= FlagUp
		}
		if ifc.Flags&net.FlagRunning != 0 {
			d.Flags |= FlagRunning
		}
		d.Flags |= deviceConnection(ifc.Name, d.Flags)
		devs = append(devs, d)
	}
	devs = append(devs, Device{Name: AnyDevice, Description: anyDescription, Flags: FlagUp | FlagRunning | ConnNotApplicable})
	sortDevices(devs)
	return devs, nil
}

// deviceConnection adds the wireless flag and the connection status, as
// libpcap's get_if_flags finds them.
func deviceConnection(name string, flags uint32) uint32 {
	if flags&FlagLoopback != 0 {
		return ConnNotApplicable
	}
	var add uint32
	if isWireless(name) {
		add |= FlagWireless
	} else if t, err := interfaceARPType(name); err == nil {
		switch t {
		case arphrdLoopback:
			return 0
		case arphrdIRDA, arphrdIEEE80211, arphrdPrism, arphrdRadiotap, arphrdIEEE802154:
			add |= FlagWireless
		}
	}
	up, err := linkDetected(name)
	switch {
	case errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EINVAL):
		return add | ConnNotApplicable
	case err != nil:
		return add
	case up:
		return add | ConnConnected
	}
	return add | ConnDisconnected
}

// linkDetected asks the driver whether the link is up (ETHTOOL_GLINK).
func linkDetected(name string) (bool, error) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return false, err
	}
	defer unix.Close(fd)
	const ethtoolGLink = 0x0000000a
	val := struct{ cmd, data uint32 }{cmd: ethtoolGLink}
	var ifr struct {
		name [unix.IFNAMSIZ]byte
		data unsafe.Pointer
		_    [16]byte
	}
	copy(ifr.name[:unix.IFNAMSIZ-1], name)
	ifr.data = unsafe.Pointer(&val)
	_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), unix.SIOCETHTOOL, uintptr(unsafe.Pointer(&ifr)))
	if errno != 0 {
		return false, errno
	}
	return val.data != 0, nil
}

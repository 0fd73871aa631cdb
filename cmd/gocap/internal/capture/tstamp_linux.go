//go:build linux

package capture

import (
	"errors"
	"fmt"
	"slices"

	"github.com/gocap/gocap/internal/strerror"
	"golang.org/x/sys/unix"
)

// tstampSources pairs the kernel's SOF_TIMESTAMPING_ capabilities with
// the time stamp type each offers, as libpcap maps them.
var tstampSources = []struct {
	flag uint32
	t    TstampType
}{
	{unix.SOF_TIMESTAMPING_SOFTWARE, TstampHost},
	{unix.SOF_TIMESTAMPING_SYS_HARDWARE, TstampAdapter},
	{unix.SOF_TIMESTAMPING_RAW_HARDWARE, TstampAdapterUnsynced},
}

// deviceTstampTypes is the list libpcap keeps for a device
// (iface_get_ts_types): empty, meaning the host's clock only, for "any",
// for a device that does not exist and for one that cannot stamp every
// received packet in hardware; every type when the driver cannot be
// asked; otherwise what ETHTOOL_GET_TS_INFO says.
func deviceTstampTypes(device string) ([]TstampType, error) {
	if device == AnyDevice {
		return nil, nil
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("socket for SIOCETHTOOL(ETHTOOL_GET_TS_INFO): %s", strerror.Text(err))
	}
	defer unix.Close(fd)
	info, err := unix.IoctlGetEthtoolTsInfo(fd, device)
	switch {
	case errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EINVAL):
		all := make([]TstampType, 0, len(tstampSources))
		for _, s := range tstampSources {
			all = append(all, s.t)
		}
		return all, nil
	case errors.Is(err, unix.ENODEV):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("%s: SIOCETHTOOL(ETHTOOL_GET_TS_INFO) ioctl failed: %s", device, strerror.Text(err))
	}
	if info.Rx_filters&(1<<unix.HWTSTAMP_FILTER_ALL) == 0 {
		return nil, nil
	}
	var types []TstampType
	for _, s := range tstampSources {
		if info.So_timestamping&s.flag != 0 {
			types = append(types, s.t)
		}
	}
	return types, nil
}

// TstampTypes lists the time stamp sources a capture on the device can
// use, as tcpdump -J lists them (pcap_list_tstamp_types): the host's clock
// alone unless the device can stamp every packet in hardware. It opens no
// capture, so a missing device is not an error.
func TstampTypes(device string) ([]TstampType, error) {
	types, err := deviceTstampTypes(device)
	if err != nil {
		return nil, err
	}
	if len(types) == 0 {
		types = []TstampType{TstampHost}
	}
	return types, nil
}

// CheckTstampType is pcap_set_tstamp_type: the type asked for if the
// device offers it, or else the host's clock and a warning in libpcap's
// words. Open calls it; tcpdump -d -j also warns, so gocap -d calls it.
func CheckTstampType(device string, t TstampType, warn func(string)) (TstampType, error) {
	if t == TstampHost {
		return t, nil
	}
	types, err := deviceTstampTypes(device)
	if err != nil {
		return 0, err
	}
	if slices.Contains(types, t) {
		return t, nil
	}
	if warn != nil {
		warn(fmt.Sprintf("WARNING: When trying to set timestamp type '%s' on %s: That type of time stamp is not supported by that device", t, device))
	}
	return TstampHost, nil
}

// enableAdapterTstamps turns on hardware time stamps for every received
// packet on the device (SIOCSHWTSTAMP) and asks each socket for them
// (PACKET_TIMESTAMP), as libpcap does for the adapter types. A driver
// that cannot is a warning, and the host's clock stays.
func (h *Handle) enableAdapterTstamps(t TstampType, warn func(string)) error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	cfg := unix.HwTstampConfig{Tx_type: unix.HWTSTAMP_TX_OFF, Rx_filter: unix.HWTSTAMP_FILTER_ALL}
	switch err := unix.IoctlSetHwTstamp(fd, h.device, &cfg); {
	case errors.Is(err, unix.EPERM):
		return &DeviceError{Device: h.device, Status: "You don't have permission to perform this capture on that device", Detail: "Attempt to set hardware timestamp failed - CAP_NET_ADMIN may be required"}
	case errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.ERANGE):
		if warn != nil {
			warn(fmt.Sprintf("WARNING: %s: That type of time stamp is not supported by that device", h.device))
		}
		return nil
	case err != nil:
		return fmt.Errorf("%s: SIOCSHWTSTAMP failed: %s", h.device, strerror.Text(err))
	}
	source := unix.SOF_TIMESTAMPING_SYS_HARDWARE
	if t == TstampAdapterUnsynced {
		source = unix.SOF_TIMESTAMPING_RAW_HARDWARE
	}
	for _, r := range h.rings {
		err := r.control(func(fd int) error {
			return unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_TIMESTAMP, source)
		})
		if err != nil {
			return fmt.Errorf("can't set PACKET_TIMESTAMP: %s", strerror.Text(err))
		}
	}
	return nil
}

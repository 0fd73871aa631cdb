package capture

import (
	"sort"
	"strings"
)

// Device flags, as libpcap's PCAP_IF_ values.
const (
	FlagLoopback = 0x01 // PCAP_IF_LOOPBACK
	FlagUp       = 0x02 // PCAP_IF_UP
	FlagRunning  = 0x04 // PCAP_IF_RUNNING
	FlagWireless = 0x08 // PCAP_IF_WIRELESS

	ConnMask          = 0x30 // PCAP_IF_CONNECTION_STATUS
	ConnUnknown       = 0x00
	ConnConnected     = 0x10
	ConnDisconnected  = 0x20
	ConnNotApplicable = 0x30
)

// Device is one entry of the device list (-D).
type Device struct {
	Name        string
	Description string
	Flags       uint32
}

// anyDescription is libpcap's description of the "any" device.
const anyDescription = "Pseudo-device that captures on all interfaces"

// String formats the device as tcpdump -D prints it, without the number:
// "eth0 [Up, Running, Connected]".
func (d Device) String() string {
	var b strings.Builder
	b.WriteString(d.Name)
	if d.Description != "" {
		b.WriteString(" (" + d.Description + ")")
	}
	if d.Flags == 0 {
		return b.String()
	}
	var words []string
	for _, f := range []struct {
		bit  uint32
		word string
	}{{FlagUp, "Up"}, {FlagRunning, "Running"}, {FlagLoopback, "Loopback"}, {FlagWireless, "Wireless"}} {
		if d.Flags&f.bit != 0 {
			words = append(words, f.word)
		}
	}
	if len(words) == 0 {
		words = []string{"none"}
	}
	b.WriteString(" [" + strings.Join(words, ", "))
	conn := d.Flags & ConnMask
	if d.Flags&FlagWireless != 0 {
		switch conn {
		case ConnUnknown:
			b.WriteString(", Association status unknown")
		case ConnConnected:
			b.WriteString(", Associated")
		case ConnDisconnected:
			b.WriteString(", Not associated")
		}
	} else {
		switch conn {
		case ConnUnknown:
			b.WriteString(", Connection status unknown")
		case ConnConnected:
			b.WriteString(", Connected")
		case ConnDisconnected:
			b.WriteString(", Disconnected")
		}
	}
	b.WriteString("]")
	return b.String()
}

// figureOfMerit orders devices as libpcap 1.10 does (lower first): up and
// running before not, connected before disconnected, loopback after other
// interfaces and after "any", then by the number at the end of the name.
func figureOfMerit(d Device) uint32 {
	var n uint32
	if d.Name == AnyDevice {
		n = 0x1fffffff
	} else {
		i := len(d.Name)
		for i > 0 && d.Name[i-1] >= '0' && d.Name[i-1] <= '9' {
			i--
		}
		if i < len(d.Name) {
			v := uint32(0)
			for _, c := range d.Name[i:] {
				v = v*10 + uint32(c-'0')
				if v > 0x0fffffff {
					v = 0x0fffffff
				}
			}
			n = v + 1
		}
	}
	if d.Flags&FlagRunning == 0 {
		n |= 0x80000000
	}
	if d.Flags&FlagUp == 0 {
		n |= 0x40000000
	}
	if d.Flags&FlagLoopback != 0 {
		n |= 0x20000000
	}
	if d.Flags&FlagWireless == 0 && d.Flags&ConnMask == ConnDisconnected {
		n |= 0x10000000
	}
	return n
}

// sortDevices puts devices in libpcap's order; devices of equal merit keep
// the order they were found in.
func sortDevices(devs []Device) {
	sort.SliceStable(devs, func(i, j int) bool { return figureOfMerit(devs[i]) < figureOfMerit(devs[j]) })
}

package capture

import (
	"strconv"
	"strings"
)

// TstampType is a source of packet time stamps, as libpcap's
// pcap_set_tstamp_type and tcpdump's -j name them. The values are
// libpcap's PCAP_TSTAMP_ constants.
type TstampType int

// Time stamp sources.
const (
	TstampHost               TstampType = 0 // the host's clock, when the kernel saw the packet
	TstampHostLowprec        TstampType = 1 // the host's clock, low precision
	TstampHostHiprec         TstampType = 2 // the host's clock, high precision
	TstampAdapter            TstampType = 3 // the adapter's clock, synchronised with the host's
	TstampAdapterUnsynced    TstampType = 4 // the adapter's own clock
	TstampHostHiprecUnsynced TstampType = 5 // the host's clock, high precision, not synchronised
)

// tstampNames are the names and descriptions pcap_tstamp_type_val_to_name
// and pcap_tstamp_type_val_to_description give, by value.
var tstampNames = [...]struct{ name, desc string }{
	TstampHost:               {"host", "Host"},
	TstampHostLowprec:        {"host_lowprec", "Host, low precision"},
	TstampHostHiprec:         {"host_hiprec", "Host, high precision"},
	TstampAdapter:            {"adapter", "Adapter"},
	TstampAdapterUnsynced:    {"adapter_unsynced", "Adapter, not synced with system time"},
	TstampHostHiprecUnsynced: {"host_hiprec_unsynced", "Host, high precision, not synced with system time"},
}

// ParseTstampType reads a -j name; case does not matter, as in libpcap.
func ParseTstampType(name string) (TstampType, bool) {
	for v, n := range tstampNames {
		if strings.EqualFold(n.name, name) {
			return TstampType(v), true
		}
	}
	return 0, false
}

// String is the type's -j name.
func (t TstampType) String() string {
	if t >= 0 && int(t) < len(tstampNames) {
		return tstampNames[t].name
	}
	return "tstamp-type-" + strconv.Itoa(int(t))
}

// Description is the type's description, as tcpdump -J prints it.
func (t TstampType) Description() string {
	if t >= 0 && int(t) < len(tstampNames) {
		return tstampNames[t].desc
	}
	return t.String()
}

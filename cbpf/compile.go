package cbpf

import (
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/parser"
)

// DefaultSnaplen is the snapshot length used when Options.Snaplen is 0; it
// is tcpdump's default and shows up in the listing as "ret #262144".
const DefaultSnaplen = 262144

// NetmaskUnknown is libpcap's PCAP_NETMASK_UNKNOWN.
const NetmaskUnknown = 0xffffffff

// Options controls a compilation. Set LinkType: its zero value is DLT_NULL
// (BSD loopback), not Ethernet. The other zero values mean the default
// snapshot length, an unknown netmask, no Linux extensions, a live capture,
// the optimizer off and the system resolver.
//
// CompileFile, CompileLive and translate.Compile set Options from what
// they are given and cannot be half-configured: prefer them.
type Options struct {
	// LinkType is the DLT_ value of the packets the filter will see.
	LinkType LinkType
	// Snaplen is the value a matching packet returns; 0 means
	// DefaultSnaplen.
	Snaplen uint32
	// Netmask is the IPv4 netmask of the capture network, used only by
	// "ip broadcast". It counts only when NetmaskSet is true and it is not
	// NetmaskUnknown.
	Netmask    uint32
	NetmaskSet bool
	// LinuxExt makes the code generator use the Linux BPF extensions
	// (ancillary loads such as vlan_avail and ifidx), as libpcap does for
	// a live capture on Linux (filtertest -l).
	LinuxExt bool
	// Swapped says the filter is for a savefile written on a host of the
	// other byte order, which changes the AF_ values compared for
	// DLT_NULL (filtertest -S swapped).
	Swapped bool
	// Offline says the filter is for a savefile (pcap_offline_filter), not a
	// live capture; for DLT_NULL it then checks the AF_ value in both byte
	// orders, with Swapped choosing which order comes first.
	Offline bool
	// Optimize runs the optimizer (opt.go): the program keeps every
	// verdict and is usually shorter. An expression that can match no
	// packet is then the error "expression rejects all packets", as in
	// libpcap. Programs with protochain's loops are left unoptimized.
	Optimize bool
	// Resolver resolves host, network, service, protocol and ethers
	// names; nil means parser.DefaultResolver().
	Resolver parser.Resolver
}

// Compile compiles a pcap-filter(7) expression into a classic BPF program
// with every option the caller's to set; CompileFile and CompileLive are
// the one-call forms for capture files and live captures.
// With Optimize false the program is the one libpcap prints for the same
// expression and link type with its optimizer off. Instructions that
// golang.org/x/net/bpf has a type for are returned as that type; the others
// (for example ancillary loads it cannot express) as bpf.RawInstruction.
//
// Errors are *parser.Error values carrying the offset of the offending text.
func Compile(expr string, opts Options) ([]bpf.Instruction, error) {
	raw, err := CompileRaw(expr, opts)
	if err != nil {
		return nil, err
	}
	return Typed(raw), nil
}

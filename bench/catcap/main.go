// Command catcap writes one pcap file (Ethernet, microseconds) holding the
// Ethernet packets of the given capture files, the whole set repeated
// until at least -n packets are written, with time stamps one
// millisecond apart from -start on, so that the output reads as one
// steady capture. bench/print.sh uses it to time printing on real
// traffic (the shared tcpdump captures) rather than on a synthetic mix.
//
// Usage:
//
//	catcap [-n PACKETS] [-start UNIX] -o OUT FILE...
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/savefile"
)

func main() {
	n := flag.Int("n", 300000, "least number of packets to write")
	start := flag.Int64("start", 1700000000, "time stamp of the first packet, in seconds since the epoch")
	out := flag.String("o", "", "output `FILE`")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 || *n <= 0 {
		fmt.Fprintln(os.Stderr, "usage: catcap [-n PACKETS] [-start UNIX] -o OUT FILE...")
		os.Exit(2)
	}
	if err := run(*out, *n, *start, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "catcap:", err)
		os.Exit(1)
	}
}

func run(out string, n int, start int64, files []string) error {
	eth := cbpf.LinkTypeFromFile(1)
	var set []savefile.Packet
	for _, f := range files {
		_, pkts, err := savefile.ReadFile(f, savefile.Micro)
		if err != nil && len(pkts) == 0 {
			continue // an unreadable or damaged capture adds nothing
		}
		for _, p := range pkts {
			if p.LinkType == eth {
				set = append(set, p)
			}
		}
	}
	if len(set) == 0 {
		return fmt.Errorf("no Ethernet packets in the %d files", len(files))
	}
	all := make([]savefile.Packet, 0, n+len(set))
	for i := 0; len(all) < n; i++ {
		p := set[i%len(set)]
		ms := start*1000 + int64(len(all))
		p.Sec, p.Frac = ms/1000, (ms%1000)*1000
		all = append(all, p)
	}
	return savefile.WriteFile(out, binary.LittleEndian, 1, savefile.MaxSnaplen, savefile.Micro, all)
}

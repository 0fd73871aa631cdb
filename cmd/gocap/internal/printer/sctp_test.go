package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// sctpPkt is an SCTP packet from port 5000 to port dport, verification
// tag 1, carrying the chunks (hex).
func sctpPkt(dport uint16, chunks ...string) string {
	return fmt.Sprintf("1388 %04x 00000001 00000000 ", dport) + strings.Join(chunks, " ")
}

// sctpChunk is a chunk of the type and flags around body, its length
// field counting the body, padded to four bytes.
func sctpChunk(typ, flags byte, body string) string {
	n := hexLen(body)
	pad := strings.Repeat("00", (4-n%4)%4)
	return fmt.Sprintf("%02x%02x%04x ", typ, flags, 4+n) + body + pad + " "
}

// m3uaMsg is an M3UA message of the class and type with the parameters.
func m3uaMsg(class, typ byte, params string) string {
	return fmt.Sprintf("0100%02x%02x %08x ", class, typ, 8+hexLen(params)) + params
}

func sctpCrafted() []crafted {
	data := func(flags byte, ppid uint32, payload string) string {
		return sctpChunk(0, flags, fmt.Sprintf("0000002a 0001 0002 %08x ", ppid)+payload)
	}
	initBody := "11223344 00010000 000a 000b 00000064 0005 0008 0a000001 000c 0006 0005 0000"
	sack := sctpChunk(3, 0, "00000064 00010000 0002 0002 0001 0003 0005 0007 00000060 00000061")
	asp := m3uaMsg(3, 1, "0011 0008 00000005")
	xfer := m3uaMsg(1, 1, "0200 0008 00000001 0006 0008 00000002 0210 0011 0102030405060708090a0b0c0d 000000")
	mgmt := m3uaMsg(0, 0, "000c 0008 00000001 0013 0006 0001 0000 1234 0005 00")
	chunks := []string{
		data(3, 0, "48656c6c6f"),
		data(4, 3, "01020304"),
		data(0, 99, "0102030405060708090a0b0c0d0e0f101112"),
		data(3, 99, "48692074686572652021207e7f80ff20"), // a space, '~', DEL and high bytes in the ASCII column
		data(2, 18, "00"),
		data(1, 46, "00"),
		sctpChunk(1, 0, initBody),
		sctpChunk(2, 0, initBody+" 0007 0008 01020304"),
		sack,
		sctpChunk(3, 0, "00000064 00010000 0000 0000"),
		sctpChunk(4, 0, "0001 0008 01020304"),
		sctpChunk(5, 0, "0001 0008 01020304"),
		sctpChunk(6, 1, "0001 0008 0001 0000"),
		sctpChunk(7, 0, "00000064"),
		sctpChunk(8, 0, ""),
		sctpChunk(9, 0, "0006 0004"),
		sctpChunk(10, 0, "deadbeef"),
		sctpChunk(11, 0, ""),
		sctpChunk(12, 0, "00000064"),
		sctpChunk(13, 0, "00000064"),
		sctpChunk(14, 1, ""),
		sctpChunk(0xc0, 0, "00000064 0001 0002"),
		sctpChunk(0xc1, 0, "00000001"),
		sctpChunk(0xc2, 0, "00000001"),
		sctpChunk(0x0f, 0, "0001 0002"),
		sctpChunk(0x80, 0, "00000001 0001 0008"),
		sctpChunk(0xff, 0, ""),
	}
	var pkts []crafted
	for _, c := range chunks {
		pkts = append(pkts, crafted{craftIP4(132, sctpPkt(80, c)), 0})
	}
	bundle := sctpPkt(80, data(3, 0, "414243"), sack, sctpChunk(10, 0, "01"), data(0, 3, asp))
	pkts = append(pkts,
		crafted{craftIP4(132, bundle), 0},
		crafted{craftIP6(132, bundle), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, asp))), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, xfer))), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, mgmt))), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(2, 9, "")))), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(7, 1, "0004 0008 41424344")))), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(9, 2, "0208 0004")))), 0},
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, "02000301 00000008"))), 0},             // version 2
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, "01000301 00000010"))), 0},             // corrupted length
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, "01000301"))), 0},                      // too short
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(3, 1, "0011 0002")))), 0},      // param length < 4
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(3, 1, "0011")))), 0},           // param header cut
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(3, 1, "0006 0006 0001")))), 0}, // short routing context
		crafted{craftIP4(132, sctpPkt(2905, data(3, 3, m3uaMsg(3, 1, "0006 0010 00000001")))), 0},
		crafted{craftIP4(132, sctpPkt(6704, data(3, 0, "0101000600000001000000020000000000000000"))), 0},
		crafted{craftIP4(132, sctpPkt(80, data(3, 21, "100f0006 00000001 40000001 0000000000000001 40000000"))), 0},
		crafted{craftIP4(132, "1388 0050 0000"), 0},                                         // header short
		crafted{craftIP4(132, sctpPkt(80, "0000")), 0},                                      // descriptor cut
		crafted{craftIP4(132, sctpPkt(80, "00000002")), 0},                                  // length < 4
		crafted{craftIP4(132, sctpPkt(80, "0b000005")), 0},                                  // padding past the end
		crafted{craftIP4(132, sctpPkt(80, "00000008 00000001")), 0},                         // DATA too short
		crafted{craftIP4(132, sctpPkt(80, "00000010 00000001 00010002 00000000")), 0},       // DATA without payload
		crafted{craftIP4(132, sctpPkt(80, "01000008 00000001")), 0},                         // INIT too short
		crafted{craftIP4(132, sctpPkt(80, "02000008 00000001")), 0},                         // INIT ACK too short
		crafted{craftIP4(132, sctpPkt(80, "03000008 00000001")), 0},                         // SACK too short
		crafted{craftIP4(132, sctpPkt(80, "03000012 00000064 00010000 0002 0000 0001")), 0}, // gap cut
		crafted{craftIP4(132, sctpPkt(80, "03000012 00000064 00010000 0000 0001 0001")), 0}, // dup cut
		crafted{craftIP4(132, sctpPkt(80, "0b000040")), 0},                                  // longer than the packet
		craftedCut(craftIP4(132, bundle), 10),
		craftedCut(craftIP4(132, bundle), 1),
		craftedCut(craftIP4(132, sctpPkt(80, sctpChunk(11, 0, "01"))), 2),
		craftedCut(craftIP4(132, sctpPkt(2905, data(3, 3, xfer))), 6),
		craftedCut(craftIP4(132, sctpPkt(80, sack)), 6),
		craftedCut(craftIP4(132, sctpPkt(80)), 3),
	)
	return pkts
}

func init() { addFuzzSeeds(sctpCrafted()) }

// TestSCTPLikeTcpdump prints, under every flag set of faultFlagSets,
// SCTP packets of every chunk type tcpdump names, bundled and alone,
// DATA chunks with each fragment flag, PPIDs known and not, M3UA
// payloads (decoded at -vv) and ForCES ones, SACKs with gap blocks and
// duplicate TSNs, chunks of bad lengths and packets cut short, over IPv4
// and IPv6, as tcpdump does.
func TestSCTPLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "sctp", cbpf.LinkEN10MB, sctpCrafted(), faultFlagSets)
}

package printer

import (
	"fmt"
	"strings"
	"testing"
)

// icmp6Msg is an Ethernet frame with an IPv6 packet holding an ICMPv6
// message of the type and code and the body (hex) after the checksum.
func icmp6Msg(typ, code uint8, body string) string {
	return craftIP6(58, fmt.Sprintf("%02x%02x 0000 ", typ, code)+body)
}

// icmp6Cut is the message msg with only its first n bytes past the
// Ethernet and IPv6 headers captured.
func icmp6Cut(msg string, n int) crafted {
	return crafted{hexCut(msg, 14+40+n), hexLen(msg)}
}

func icmp6Crafted() []crafted {
	dagid := "20010db8000000000000000000000099"
	dio := func(mopprf string, opts string) string {
		return icmp6Msg(155, 1, "2a 01 0300 "+mopprf+" 0a 00 00 "+dagid+" "+opts)
	}
	opts := "00 01 02 0000 08 0b 30 00 00000e10 20010db8000100 07 01 ff"
	dioFull := dio("88", opts)
	dao := icmp6Msg(155, 2, "2a c0 00 0b "+dagid+" 05 12 00 40 20010db8000000000000000000000077 06 04 00 00 05 ff")
	daoNoID := icmp6Msg(155, 2, "2a 80 00 0c 05 12 00 40 20010db8000000000000000000000077")
	ack := icmp6Msg(155, 3, "2a 80 0b 00 "+dagid)
	ackNoID := icmp6Msg(155, 3, "2a 00 0b 01 00 01 00")
	prefix := "03 04 40 c0 00278d00 00093a80 00000000 20010db8000100000000000000000000"
	mpa := icmp6Msg(147, 0, "1234 c000 "+prefix+" 01 01 000000000001")
	hareply := icmp6Msg(145, 0, "4321 0000 20010db8000000000000000000000011 20010db8000000000000000000000012")
	ra := icmp6Msg(134, 0, "40 18 0708 00000000 00000000 "+
		"19 05 0000 00000e10 20010db8000000000000000000000053 20010db8000000000000000000000054 "+
		"1f 03 0000 00000e10 076578616d706c65 00 03636f6d00 0000 "+
		"18 02 30 08 00000e10 20010db800020000 "+
		"18 01 00 18 ffffffff "+
		"07 01 0000 000003e8 08 01 0000 0005 0e10 05 02 0000 000005dc 00000000")
	// a6 is a quoted IPv6 packet's addresses, 2001:db8::2 to
	// 2001:db8::1.
	a6 := "20010db8000000000000000000000002 20010db8000000000000000000000001"
	mldq := icmp6Msg(130, 0, "2710 0000 ff020000000000000000000000000001 0a 7d 0001 20010db8000000000000000000000009")
	nonce := "0102030405060708"
	name := "03777777 076578616d706c65 03636f6d 00"
	rr := icmp6Msg(138, 0, "00000007 01 f8 0064 00000000 "+
		"01 0b 02 40 30 40 0000 20010db8000000000000000000000000 "+
		"40 40 ff 01 00000e10 ffffffff c0 000000 20010db8000100000000000000000000 "+
		"40 40 00 00 00000001 00000002 00 000000 20010db8000200000000000000000000")
	pkts := []crafted{
		{icmp6Msg(139, 1, "0002 0000 "+nonce+" "+name), 0},
		{icmp6Msg(139, 1, "0002 0000 "+nonce+" 0b 6578616d706c652e636f6d"), 0},
		{icmp6Msg(139, 1, "0002 0000 "+nonce+" 03777777 00 00"), 0},
		{icmp6Msg(139, 1, "0002 0000 "+nonce+" 03777777 00 0000"), 0},
		{icmp6Msg(139, 1, "0002 0000 "+nonce+" 09777777"), 0},
		{icmp6Msg(139, 0, "0003 003e "+nonce+" 20010db8000000000000000000000005"), 0},
		{icmp6Msg(139, 0, "0003 0000 "+nonce+" 20010db80000"), 0},
		{icmp6Msg(139, 2, "0003 0000 "+nonce+" c0000201"), 0},
		{icmp6Msg(139, 2, "0002 0000 "+nonce+" c000020100"), 0},
		{icmp6Msg(139, 7, "0002 0000 "+nonce+" 00"), 0},
		{icmp6Msg(139, 0, "0001 0001 "+nonce+" 00"), 0},
		{icmp6Msg(139, 0, "0000 0000 "+nonce), 0},
		{icmp6Msg(139, 0, "0002 0000 "+nonce), 0},
		{icmp6Msg(139, 0, "0009 0000 "+nonce+" 00"), 0},
		{icmp6Msg(139, 0, "0000 0000"), 0},
		{icmp6Msg(139, 0, "0000 00"), 0},
		{icmp6Msg(140, 0, "0002 0001 "+nonce+" 00000e10 "+name), 0},
		{icmp6Msg(140, 0, "0002 0000 "+nonce+" 00000e10 0b 6578616d706c652e636f6d"), 0},
		{icmp6Msg(140, 0, "0003 007f "+nonce+" 00000e10 20010db8000000000000000000000005 00000001 20010db8000000000000000000000006 0000"), 0},
		{icmp6Msg(140, 0, "0003 0000 "+nonce), 0},
		{icmp6Msg(140, 0, "0000 0000 "+nonce+" 00"), 0},
		{icmp6Msg(140, 0, "0001 0001 "+nonce), 0},
		{icmp6Msg(140, 0, "0004 0000 "+nonce), 0},
		{icmp6Msg(140, 1, "0002 0000 "+nonce+" 00"), 0},
		{icmp6Msg(140, 2, "0002 0000 "+nonce), 0},
		{icmp6Msg(140, 5, "0002 0000 "+nonce), 0},
		icmp6Cut(icmp6Msg(140, 0, "0003 0000 "+nonce+" 00000e10 20010db8000000000000000000000005"), 20),
		{icmp6Msg(140, 0, "0003 00"), 0},
		{rr, 0},
		icmp6Cut(rr, 30),
		icmp6Cut(rr, 50),
		icmp6Cut(rr, 80),
		icmp6Cut(rr, 100),
		{icmp6Msg(138, 1, "00000008 00 00 0000 00000001"), 0},
		{icmp6Msg(138, 255, "00000008 00 00 0000 00000000"), 0},
		{icmp6Msg(138, 9, "00000008 00 00 0000 00000000"), 0},
		{icmp6Msg(138, 0, "00000007 01 00 0064 00000000 01 04 02 40 30 40 0000 20010db8000000000000000000000000"), 0},
		{icmp6Msg(138, 0, "00000007 01 00 0064"), 0},
		{icmp6Msg(155, 0, "00 00"), 0},
		{dioFull, 0},
		{dio("18", ""), 0},
		{dio("38", "01 00"), 0},
		{dio("00", "04 0e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 09 02 00 00"), 0},
		{dio("00", "02 08 0000"), 0},                    // option longer than the message
		{dio("00", "02"), 0},                            // option header cut by the length
		icmp6Cut(dioFull, 4+24+10),                      // option past the capture
		icmp6Cut(dioFull, 4+24+16),                      // option past the capture
		{icmp6Msg(155, 1, "2a 01 0300 88 0a 00 00"), 0}, // shorter than a DIO
		icmp6Cut(dioFull, 4+20),
		{dao, 0},
		{daoNoID, 0},
		{icmp6Msg(155, 2, "2a 40 00 0b 20010db800000000"), 0}, // ID past the message
		{icmp6Msg(155, 2, "2a 00 00"), 0},
		icmp6Cut(dao, 4+12),
		icmp6Cut(dao, 4+30),
		{ack, 0},
		{ackNoID, 0},
		{icmp6Msg(155, 3, "2a 80 0b 00 20010db8"), 0},
		{icmp6Msg(155, 3, "2a 80"), 0},
		icmp6Cut(ack, 4+10),
		{icmp6Msg(155, 0x81, "00 00"), 0},
		{icmp6Msg(155, 5, "00 00"), 0},
		{icmp6Msg(155, 1, ""), 0},
		{icmp6Msg(141, 0, "00000000 01 01 000000000001"), 0},
		{icmp6Msg(142, 0, "00000000 02 01 000000000002"), 0},
		{icmp6Msg(144, 0, "1234 0000"), 0},
		{icmp6Msg(146, 0, "1235 0000"), 0},
		{hareply, 0},
		icmp6Cut(hareply, 8+20),
		{mpa, 0},
		{icmp6Msg(147, 0, "1234 8000"), 0},
		{icmp6Msg(147, 0, "1234 4000 01 00"), 0},
		icmp6Cut(mpa, 8+20),
		{icmp6Msg(200, 0, "00000000"), 0},
		{icmp6Msg(201, 0, "00000000 0102"), 0},
		{ra, 0},
		icmp6Cut(ra, 16+2),
		icmp6Cut(ra, 16+45),
		{icmp6Msg(133, 0, "00000000 03 01 00000000"), 0}, // prefix option cut short by its length
		{icmp6Msg(133, 0, "00000000 03 01 00000000 "+strings.Repeat("ab", 40)), 0},
		{icmp6Msg(133, 0, "00000000 18 04 30 00 00000001 "+strings.Repeat("00", 24)), 0},
		{icmp6Msg(133, 0, "00000000 1f 02 0000 00000001 c0 00 0000 0000"), 0},
		{icmp6Msg(4, 7, "00000001 6000000000000000"), 0},
		{icmp6Msg(1, 4, "00000000 6000000000083a40 "+a6+" 8000 0000 0001 0002"), 0},
		{icmp6Msg(1, 4, "00000000 6000000000103340 "+a6+" 11 01 0000 00000001 00000002 1234 0035 0008 0000"), 0},
		{icmp6Msg(1, 4, "00000000 60000000000c2c40 "+a6+" 11 00 0008 00000001 1234 0035"), 0},
		{icmp6Msg(1, 4, "00000000 6000000000102b40 "+a6+" 06 00 00 00 00000000 1234 0050 00000001"), 0},
		{icmp6Msg(1, 4, "00000000 60000000"), 0},
		{icmp6Msg(1, 9, "00000000 60000000"), 0},
		{icmp6Msg(1, 1, "00000000 6000000000000000 "+a6), 0},
		{icmp6Msg(134, 0, "40 02 0708 00000000 00000000"), 0},
		{mldq, 0},
		icmp6Cut(mldq, 25), // cut before the QQIC
		icmp6Cut(mldq, 20),
		{icmp6Msg(4, 1, "00000028 6000000000083a40"), 0},
	}
	return pkts
}

// TestICMP6LikeTcpdump prints node information queries and replies
// (each subject and query type, DNS names in both encodings), router
// renumbering messages, RPL messages (DIS, DIO, DAO, DAO-ACK with
// and without DODAG IDs, options, short and cut ones), home agent
// discovery, mobile prefix, inverse neighbour discovery and mtrace
// messages, and neighbour discovery options, as tcpdump does.
func TestICMP6LikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "icmp6", icmp6Crafted()) }

func init() { addFuzzSeeds(icmp6Crafted()) }

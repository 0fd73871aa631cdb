package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// ofMsg is an OpenFlow message of the version and type with body (hex)
// and its correct length in the header.
func ofMsg(ver, typ byte, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%02x%02x%04x%08x", ver, typ, 8+len(body)/2, 0x1234+int(typ)) + body
}

// ofLen is an OpenFlow message header with any length field, and body.
func ofLen(ver, typ byte, length int, body string) string {
	return fmt.Sprintf("%02x%02x%04x%08x", ver, typ, length, 0xabcd) + strings.ReplaceAll(body, " ", "")
}

// Building blocks of OpenFlow 1.0 messages.
var (
	// a port: number 1, address, name "eth1", config, state, features
	of10PortHex = "0001 0a0b0c0d0e0f " + hexStr("eth1", 16) + "00000045 00000201 000002c0 00000fff 00001000 80000001"
	// a match of in_port, dl_src, dl_type IPv4, nw_proto ICMP, nw_src /24,
	// nw_dst /32, icmp type and code
	of10MatchHex = "00000892 0003 000000000001 000000000002 0005 00 00 0800 00 01 0000 0a000001 0a000002 0008 0000"
	// a match of everything
	of10MatchAll = "003fffff 0000 000000000000 000000000000 0000 00 00 0000 00 00 0000 00000000 00000000 0000 0000"
	// a match of dl_vlan, pcp, dl_type ARP, tos, arp opcode, tp ports
	of10MatchARP = "0000000d 0000 000000000000 000000000000 0fff 09 00 0806 10 02 0000 00000000 00000000 0050 0051"
	// actions: output to the controller, output to port 2, vlan, pcp,
	// strip, dl src, nw dst, tos, tp src, enqueue, a bogus one, unknown
	of10ActionsHex = "0000 0008 fffd 0080 " + "0000 0008 0002 0000 " + "0001 0008 0005 0000 " +
		"0002 0008 09 000000 " + "0003 0008 00000000 " + "0004 0010 0a0b0c0d0e0f 000000000000 " +
		"0007 0008 c0000201 " + "0008 0008 2e 000000 " + "0009 0008 0050 0000 " +
		"000b 0010 0003 000000000000 ffffffff " + "0001 0010 0000000000000000 0000000000000000 " +
		"0042 0008 00000000 "
	// a vendor action of Big Switch (mirror) and of another vendor
	of10VendorActions = "ffff 0018 005c16c7 00000001 00000005 81002064 01 000000 " +
		"ffff 0010 00002320 0102030405060708 "
	// a frame: 10.0.0.1.53 > 10.0.0.2.1024 UDP
	of10Frame = "000000000002 000000000001 0800 4500 001c 0001 0000 4011 0000 0a000001 0a000002 0035 0400 0008 0000"
)

// of10Cases are OpenFlow 1.0 segments, one or more messages each.
var of10Cases = []crafted{
	{tcpSegment(40000, 6653, ofMsg(1, 0, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 0, "01020304")), 0},
	{tcpSegment(40000, 6633, ofMsg(1, 2, hex.EncodeToString([]byte("ping ping ping ping!")))), 0},
	{tcpSegment(6633, 40000, ofMsg(1, 3, "")+ofMsg(1, 5, "")), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 5, "00")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 6, "0000000000000001 00000100 fe 000000 000000d7 00000fff "+of10PortHex)), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 6, "0000000000000001 00000100 fe 000000 000001ff 80000000 "+of10PortHex+"0102")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 7, "")+ofMsg(1, 8, "0001 0080")+ofMsg(1, 9, "0007 ffff")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 9, "0000 0080 00")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 10, "00000100 0040 0001 00 00 "+of10Frame)), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 10, "ffffffff 0040 fffe 05 00")), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 13, "ffffffff fff8 0008 0000 0008 fffb 0000 "+of10Frame)), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 13, "00000010 0001 0100 0000 0008 fffb 0000")), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 14, of10MatchHex+" 0102030405060708 0000 000a 001e 8000 ffffffff fffd 0003 "+of10ActionsHex)), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 14, of10MatchARP+" 0000000000000000 0003 0000 0000 0000 00000010 0004 00f8 "+of10VendorActions)), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 14, of10MatchAll+" 0000000000000000 0009 0000 0000 0000 00000010 0004 0000 0000 0007")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 11, of10MatchHex+" 0102030405060708 0010 01 00 0000000a 00000064 0005 0000 0000000000000002 0000000000000080")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 11, of10MatchAll+" 0000000000000000 0000 07 00 00000000 00000000 0000 0000 0000000000000000 0000000000000000")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 12, "01 00000000000000 "+of10PortHex)), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 12, "09 00000000000000 "+strings.Replace(of10PortHex, "00000201", "0000fe01", 1))), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 15, "0003 0a0b0c0d0e0f 00000001 00000081 00000003 00000000")), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 16, "0000 0000")+ofMsg(1, 16, "0003 0000")+ofMsg(1, 16, "0001 0001 "+of10MatchHex+" ff 00 ffff")), 0},
	{tcpSegment(40000, 6653, ofMsg(1, 16, "0004 0000 fffe 000000000000")+ofMsg(1, 16, "0005 0000 0001 0000 ffffffff")+
		ofMsg(1, 16, "ffff 0000 005c16c7 0102")+ofMsg(1, 16, "0002 0000 00")+ofMsg(1, 16, "0007 0000")+ofMsg(1, 16, "ffff 0000 00")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 17, "0000 0000 "+hexStr("Maker\x01", 256)+hexStr("HW", 256)+hexStr("SW", 256)+hexStr("123", 32)+hexStr("dp", 256))), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 17, "0001 0001 0060 00 00 "+of10MatchHex+" 00000001 00000002 0003 0004 0005 000000000000 0102030405060708 0000000000000009 000000000000000a 0000 0008 0001 0000")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 17, "0002 0000 0000000000000001 0000000000000002 00000003 00000000")+ofMsg(1, 17, "0002 0000 00")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 17, "0003 0000 00 000000 "+hexStr("classifier", 32)+" 003fffff 00000100 00000002 0000000000000003 0000000000000004")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 17, "0004 0000 0001 000000000000"+strings.Repeat("0000000000000001", 12))), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 17, "0005 0000 0001 0000 00000002 0000000000000003 0000000000000004 0000000000000005")+
		ofMsg(1, 17, "ffff 0000 00002320 aabb")+ofMsg(1, 17, "0009 0000 0102")+ofMsg(1, 17, "0001 0000 0050")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 18, "")+ofMsg(1, 19, "")+ofMsg(1, 20, "0001 0000")+
		ofMsg(1, 21, "0001 000000000000 00000001 0028 0000 0000 0008 00000000 0001 0010 00000000 01f4 000000000000 0001 0010 00000000 07d0 000000000000")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 21, "0001 000000000000 00000001 0020 0000 0007 0009 00000000 0001 0008 00000000 0001 0010 00000000")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 21, "0001 000000000000 00000001 0030 0000")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 1, "0001 0006 "+of10Frame)+ofMsg(1, 1, "0007 0001")+ofMsg(1, 1, "0005 0009")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 4, "005c16c7 00000001 07 000000 00000000")+ofMsg(1, 4, "005c16c7 00000000 03 000000 ffffff00")+
		ofMsg(1, 4, "005c16c7 00000003 01 000000")+ofMsg(1, 4, "005c16c7 00000009")+ofMsg(1, 4, "005c16c7 00000011 00000007")+
		ofMsg(1, 4, "005c16c7 00000006 00000001 6c73202d6c")+ofMsg(1, 4, "005c16c7 00000007 6f6b0a")+ofMsg(1, 4, "005c16c7 00000008 00000000")+
		ofMsg(1, 4, "005c16c7 00000063 0102")+ofMsg(1, 4, "005c16c7 00000001 07")+ofMsg(1, 4, "ff000002 01020304")+ofMsg(1, 4, "4f4e4600")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 4, "005c16c7")+ofMsg(1, 4, "005c16c7 00000009 00")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 0x16, "")+ofMsg(7, 0, "")+ofMsg(2, 3, "0102")), 0},
	// frames cut by their message's end: the next message follows
	{tcpSegment(6653, 40000, ofMsg(1, 10, "00000100 0040 0001 00 00 "+hexCut(of10Frame, 30))+ofMsg(1, 0, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 10, "00000100 0040 0001 00 00 "+hexCut(of10Frame, 10))+ofMsg(1, 0, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 13, "ffffffff fff8 0000 "+hexCut(of10Frame, 38))+ofMsg(1, 18, "")), 0},
	// message length below the header's
	{tcpSegment(6653, 40000, ofLen(1, 0, 4, "")+ofMsg(1, 0, "")), 0},
	// a message running past the segment, and a header cut by its end
	{tcpSegment(6653, 40000, ofMsg(1, 0, "")+ofLen(1, 2, 100, "01020304")), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 0, "")+"01"), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 0, "")+"0100"), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 0, "")+"010000"), 0},
	{tcpSegment(6653, 40000, ofMsg(1, 0, "")+"0100000001"), 0},
	// cut by the capture: in a header, in a body, in the frame of a
	// PACKET_IN (printed last: with -vvv tcpdump then stays at -v 0)
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 0, "")+ofMsg(1, 0, "")), 54+12), 70},
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 6, "0000000000000001 00000100 fe 000000 000000d7 00000fff "+of10PortHex)), 54+60), 150},
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 14, of10MatchHex+" 0102030405060708 0000 000a 001e 8000 ffffffff fffd 0003 "+of10ActionsHex)), 54+90), 300},
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 17, "0000 0000 "+hexStr("Maker", 256))), 54+40), 400},
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 2, strings.Repeat("41", 40))), 54+30), 102},
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 10, "00000100 0040 0001 00 00 "+of10Frame)), 54+18+20), 110},
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 10, "00000100 0040 0001 00 00 "+of10Frame)), 54+18+14+20+2), 110},
	// an OpenFlow segment in the frame of a PACKET_IN, cut after its TCP
	// header: the inner printer gives up on the packet, and tcpdump's
	// -vvv stays three levels lower for the rest of the run
	{hexCut(tcpSegment(6653, 40000, ofMsg(1, 10, "00000100 0040 0001 00 00 "+tcpSegment(6653, 40000, ofMsg(1, 0, "")))), 54+18+54), 200},
	{tcpSegment(6653, 40000, ofMsg(1, 0, "")), 0},
}

// Building blocks of OpenFlow 1.3 messages.
var of13PortHex = "00000001 00000000 0a0b0c0d0e0f 0000 " + hexStr("br0\xff", 16) +
	"00000065 00000007 00002840 0000ffff 00010000 00000000 00989680 00989680"

// of13Cases are OpenFlow 1.3 segments.
var of13Cases = []crafted{
	{tcpSegment(40000, 6653, ofMsg(4, 0, "0001 0008 00000012")), 0},
	{tcpSegment(40000, 6653, ofMsg(4, 0, "0001 000c 00000012 00000000")+ofMsg(4, 0, "0002 0006 0000 0000")+ofMsg(4, 0, "0001 0008 80000010")+ofMsg(4, 0, "0001 0010 0000")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 1, "0001 0002 0102030405")+ofMsg(4, 1, "ffff 0003")+ofMsg(4, 1, "000e 0000")+ofMsg(4, 1, "000d 0009")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 2, "")+ofMsg(4, 3, "0102")+ofMsg(4, 5, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 4, "4f4e4600 00000001 01")+ofMsg(4, 4, "00002320 00000010")+ofMsg(4, 4, "ff0000ff 00000010")+ofMsg(4, 4, "00000000")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 6, "0000000000000001 00000100 fe 01 0000 0000014f 00000000")+ofMsg(4, 6, "0000000000000001 00000100 fe 01 0000 00000480 00000000")+ofMsg(4, 6, "00")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 7, "")+ofMsg(4, 8, "0000 ffe5")+ofMsg(4, 9, "0002 0080")+ofMsg(4, 9, "0009 ffff")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 10, "ffffffff 0040 00 00 0000000000000000 0001 0004 00000000")+ofMsg(4, 11, "0102")+ofMsg(4, 13, "")+ofMsg(4, 14, "00")+ofMsg(4, 15, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 12, "02 00000000000000 "+of13PortHex)+ofMsg(4, 12, "05 00000000000000 "+of13PortHex)), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 16, "fffffffe 00000000 0a0b0c0d0e0f 0000 00000045 00000080 0001ffff 00000000")+ofMsg(4, 17, "fe 000000 00000003")+ofMsg(4, 17, "05 000000 00000003")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 18, "0000 0000")+ofMsg(4, 19, "00")+ofMsg(4, 20, "")+ofMsg(4, 21, "")+ofMsg(4, 22, "fffffffc 00000000")+ofMsg(4, 23, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 24, "00000002 00000000 0000000000000010")+ofMsg(4, 25, "00000009 00000000 ffffffffffffffff")+ofMsg(4, 26, "")), 0},
	{tcpSegment(6653, 40000, ofMsg(4, 27, "00000003 00000007 00000001 00000008 00000000 0000000f")+ofMsg(4, 28, "00000003 00000007 00000001 00000008 00000000 0000000f")+ofMsg(4, 29, "01")+ofMsg(4, 30, "")), 0},
	{hexCut(tcpSegment(6653, 40000, ofMsg(4, 12, "02 00000000000000 "+of13PortHex)), 54+40), 200},
	{hexCut(tcpSegment(6653, 40000, ofMsg(4, 0, "0001 0008 0000")), 54+12), 80},
}

func init() { craftedSeeds = append(append(craftedSeeds, of10Cases...), of13Cases...) }

// TestOpenFlowLikeTcpdump prints crafted OpenFlow 1.0 and 1.3 segments
// (every message type tcpdump names, the bodies it decodes, messages
// several to a segment, running past it, cut by the capture, and
// malformed) and compares the output with the local tcpdump's.
func TestOpenFlowLikeTcpdump(t *testing.T) {
	t.Run("1.0", func(t *testing.T) { craftedLikeTcpdump(t, "openflow10", of10Cases) })
	t.Run("1.3", func(t *testing.T) { craftedLikeTcpdump(t, "openflow13", of13Cases) })
}

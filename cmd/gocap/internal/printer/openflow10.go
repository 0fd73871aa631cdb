package printer

// OpenFlow 1.0 message bodies (tcpdump's print-openflow-1.0.c).

var of10PortConfig = []bitTok{{1 << 0, "PORT_DOWN"}, {1 << 1, "NO_STP"}, {1 << 2, "NO_RECV"},
	{1 << 3, "NO_RECV_STP"}, {1 << 4, "NO_FLOOD"}, {1 << 5, "NO_FWD"}, {1 << 6, "NO_PACKET_IN"}}

const of10PortConfigU = ^uint32(0x7f)

var of10STPState = map[uint32]string{0 << 8: "STP_LISTEN", 1 << 8: "STP_LEARN", 2 << 8: "STP_FORWARD", 3 << 8: "STP_BLOCK"}

const of10PortStateU = ^uint32(1 | 3<<8)

var of10Ports = map[uint16]string{0xff00: "MAX", 0xfff8: "IN_PORT", 0xfff9: "TABLE", 0xfffa: "NORMAL",
	0xfffb: "FLOOD", 0xfffc: "ALL", 0xfffd: "CONTROLLER", 0xfffe: "LOCAL", 0xffff: "NONE"}

func of10Port(v uint16) string { return tokStr(of10Ports, "%d", v) }

var of10PortFeatures = []bitTok{{1 << 0, "10MB_HD"}, {1 << 1, "10MB_FD"}, {1 << 2, "100MB_HD"},
	{1 << 3, "100MB_FD"}, {1 << 4, "1GB_HD"}, {1 << 5, "1GB_FD"}, {1 << 6, "10GB_FD"},
	{1 << 7, "COPPER"}, {1 << 8, "FIBER"}, {1 << 9, "AUTONEG"}, {1 << 10, "PAUSE"}, {1 << 11, "PAUSE_ASYM"}}

const of10PortFeaturesU = ^uint32(1<<12 - 1)

var of10QueuePropNames = map[uint16]string{0: "NONE", 1: "MIN_RATE"}

var of10Wildcards = []bitTok{{1 << 0, "IN_PORT"}, {1 << 1, "DL_VLAN"}, {1 << 2, "DL_SRC"},
	{1 << 3, "DL_DST"}, {1 << 4, "DL_TYPE"}, {1 << 5, "NW_PROTO"}, {1 << 6, "TP_SRC"},
	{1 << 7, "TP_DST"}, {1 << 20, "DL_VLAN_PCP"}, {1 << 21, "NW_TOS"}}

const of10WildcardsU = ^uint32(1<<22 - 1)

var of10ActionNames = map[uint16]string{0: "OUTPUT", 1: "SET_VLAN_VID", 2: "SET_VLAN_PCP", 3: "STRIP_VLAN",
	4: "SET_DL_SRC", 5: "SET_DL_DST", 6: "SET_NW_SRC", 7: "SET_NW_DST", 8: "SET_NW_TOS",
	9: "SET_TP_SRC", 10: "SET_TP_DST", 11: "ENQUEUE", 0xffff: "VENDOR"}

var of10ActionBits = []bitTok{{1 << 0, "OUTPUT"}, {1 << 1, "SET_VLAN_VID"}, {1 << 2, "SET_VLAN_PCP"},
	{1 << 3, "STRIP_VLAN"}, {1 << 4, "SET_DL_SRC"}, {1 << 5, "SET_DL_DST"}, {1 << 6, "SET_NW_SRC"},
	{1 << 7, "SET_NW_DST"}, {1 << 8, "SET_NW_TOS"}, {1 << 9, "SET_TP_SRC"}, {1 << 10, "SET_TP_DST"},
	{1 << 11, "ENQUEUE"}}

const of10ActionBitsU = ^uint32(1<<12 - 1)

var of10Capabilities = []bitTok{{1 << 0, "FLOW_STATS"}, {1 << 1, "TABLE_STATS"}, {1 << 2, "PORT_STATS"},
	{1 << 3, "STP"}, {1 << 4, "RESERVED"}, {1 << 5, "IP_REASM"}, {1 << 6, "QUEUE_STATS"},
	{1 << 7, "ARP_MATCH_IP"}}

const of10CapabilitiesU = ^uint32(0xff &^ (1 << 4))

var of10ConfigFlags = map[uint16]string{0: "FRAG_NORMAL", 1: "FRAG_DROP", 2: "FRAG_REASM"}

var of10FlowModCmds = map[uint16]string{0: "ADD", 1: "MODIFY", 2: "MODIFY_STRICT", 3: "DELETE", 4: "DELETE_STRICT"}

func of10BufferID(v uint32) string {
	if v == 0xffffffff {
		return "NONE"
	}
	return sprintf("0x%08x", v)
}

var of10FlowModFlags = []bitTok{{1 << 0, "SEND_FLOW_REM"}, {1 << 1, "CHECK_OVERLAP"}, {1 << 2, "EMERG"}}

const of10FlowModFlagsU = ^uint32(7)

var of10StatsTypes = map[uint16]string{0: "DESC", 1: "FLOW", 2: "AGGREGATE", 3: "TABLE", 4: "PORT",
	5: "QUEUE", 0xffff: "VENDOR"}

var of10TableIDs = map[uint8]string{0xfe: "EMERG", 0xff: "ALL"}

func of10Queue(v uint32) string {
	if v == 0xffffffff {
		return "ALL"
	}
	return sprintf("%d", v)
}

var of10StatsReplyFlags = []bitTok{{1, "MORE"}}

var of10PacketInReasons = map[uint8]string{0: "NO_MATCH", 1: "ACTION"}

var of10FlowRemovedReasons = map[uint8]string{0: "IDLE_TIMEOUT", 1: "HARD_TIMEOUT", 2: "DELETE"}

var of10PortStatusReasons = map[uint8]string{0: "ADD", 1: "DELETE", 2: "MODIFY"}

var of10ErrorTypes = map[uint16]string{0: "HELLO_FAILED", 1: "BAD_REQUEST", 2: "BAD_ACTION",
	3: "FLOW_MOD_FAILED", 4: "PORT_MOD_FAILED", 5: "QUEUE_OP_FAILED"}

var of10ErrorCodes = map[uint16]map[uint16]string{
	0: {0: "INCOMPATIBLE", 1: "EPERM"},
	1: {0: "BAD_VERSION", 1: "BAD_TYPE", 2: "BAD_STAT", 3: "BAD_VENDOR", 4: "BAD_SUBTYPE",
		5: "EPERM", 6: "BAD_LEN", 7: "BUFFER_EMPTY", 8: "BUFFER_UNKNOWN"},
	2: {0: "BAD_TYPE", 1: "BAD_LEN", 2: "BAD_VENDOR", 3: "BAD_VENDOR_TYPE", 4: "BAD_OUT_PORT",
		5: "BAD_ARGUMENT", 6: "EPERM", 7: "TOO_MANY", 8: "BAD_QUEUE"},
	3: {0: "ALL_TABLES_FULL", 1: "OVERLAP", 2: "EPERM", 3: "BAD_EMERG_TIMEOUT", 4: "BAD_COMMAND",
		5: "UNSUPPORTED"},
	4: {0: "BAD_PORT", 1: "BAD_HW_ADDR"},
	5: {0: "BAD_PORT", 1: "BAD_QUEUE", 2: "EPERM"},
}

// Big Switch Networks' vendor extensions.
const ouiBSN = 0x5c16c7

var of10BSNSubtypes = map[uint32]string{0: "SET_IP_MASK", 1: "GET_IP_MASK_REQUEST",
	2: "GET_IP_MASK_REPLY", 3: "SET_MIRRORING", 4: "GET_MIRRORING_REQUEST", 5: "GET_MIRRORING_REPLY",
	6: "SHELL_COMMAND", 7: "SHELL_OUTPUT", 8: "SHELL_STATUS", 9: "GET_INTERFACES_REQUEST",
	10: "GET_INTERFACES_REPLY", 11: "SET_PKTIN_SUPPRESSION_REQUEST", 12: "SET_L2_TABLE_REQUEST",
	13: "GET_L2_TABLE_REQUEST", 14: "GET_L2_TABLE_REPLY", 15: "VIRTUAL_PORT_CREATE_REQUEST",
	16: "VIRTUAL_PORT_CREATE_REPLY", 17: "VIRTUAL_PORT_REMOVE_REQUEST", 18: "BW_ENABLE_SET_REQUEST",
	19: "BW_ENABLE_GET_REQUEST", 20: "BW_ENABLE_GET_REPLY", 21: "BW_CLEAR_DATA_REQUEST",
	22: "BW_CLEAR_DATA_REPLY", 23: "BW_ENABLE_SET_REPLY", 24: "SET_L2_TABLE_REPLY",
	25: "SET_PKTIN_SUPPRESSION_REPLY", 26: "VIRTUAL_PORT_REMOVE_REPLY", 27: "HYBRID_GET_REQUEST",
	28: "HYBRID_GET_REPLY", 31: "PDU_TX_REQUEST", 32: "PDU_TX_REPLY", 33: "PDU_RX_REQUEST",
	34: "PDU_RX_REPLY", 35: "PDU_RX_TIMEOUT"}

var of10BSNActionSubtypes = map[uint32]string{1: "MIRROR", 2: "SET_TUNNEL_DST", 4: "CHECKSUM"}

var of10BSNCopyStages = map[uint8]string{0: "INGRESS", 1: "EGRESS"}

var of10OnOff = map[uint8]string{0: "OFF", 1: "ON"}

func of10VLAN(vid uint16) string {
	if vid == 0xffff {
		return "NONE"
	}
	if vid > 0 && vid < 0x0fff {
		return sprintf("%d", vid)
	}
	return sprintf("%d (bogus)", vid)
}

func of10PCP(pcp uint8) string {
	if pcp <= 7 {
		return sprintf("%d", pcp)
	}
	return sprintf("%d (bogus)", pcp)
}

// of10MsgTypes is tcpdump's table of OpenFlow 1.0 message types, set
// by init: PACKET_OUT and PACKET_IN decode the frame they carry, which
// can be an OpenFlow one again.
var of10MsgTypes [22]ofMsgType

func init() { of10MsgTypes = of10Table() }

func of10Table() [22]ofMsgType {
	return [...]ofMsgType{
		{"HELLO", (*ofCur).data, ofMinLen, 0},
		{"ERROR", of10Error, ofMinLen, 4},
		{"ECHO_REQUEST", (*ofCur).data, ofMinLen, 0},
		{"ECHO_REPLY", (*ofCur).data, ofMinLen, 0},
		{"VENDOR", of10VendorMessage, ofMinLen, 4},
		{"FEATURES_REQUEST", nil, ofFixLen, 0},
		{"FEATURES_REPLY", of10FeaturesReply, ofMinLen, 24},
		{"GET_CONFIG_REQUEST", nil, ofFixLen, 0},
		{"GET_CONFIG_REPLY", of10SwitchConfig, ofFixLen, 4},
		{"SET_CONFIG", of10SwitchConfig, ofFixLen, 4},
		{"PACKET_IN", of10PacketIn, ofMinLen, 10},
		{"FLOW_REMOVED", of10FlowRemoved, ofFixLen, 80},
		{"PORT_STATUS", of10PortStatus, ofFixLen, 56},
		{"PACKET_OUT", of10PacketOut, ofMinLen, 8},
		{"FLOW_MOD", of10FlowMod, ofMinLen, 64},
		{"PORT_MOD", of10PortMod, ofFixLen, 24},
		{"STATS_REQUEST", of10StatsRequest, ofMinLen, 4},
		{"STATS_REPLY", of10StatsReply, ofMinLen, 4},
		{"BARRIER_REQUEST", nil, ofFixLen, 0},
		{"BARRIER_REPLY", nil, ofFixLen, 0},
		{"QUEUE_GET_CONFIG_REQUEST", of10QueueGetConfigRequest, ofFixLen, 4},
		{"QUEUE_GET_CONFIG_REPLY", of10QueueGetConfigReply, ofMinLen, 8},
	}
}

func of10BSNMessage(c *ofCur) {
	p := c.p
	st, ok := c.bsnSubtype("\n\t subtype", of10BSNSubtypes)
	if !ok {
		return
	}
	switch st {
	case 1: // GET_IP_MASK_REQUEST
		if c.n != 8 {
			c.invalid()
			return
		}
		p.printf(", index %d", c.u8(0))
		c.fwd(1)
		c.r.need(c.off, 7)
	case 0, 2: // SET_IP_MASK, GET_IP_MASK_REPLY
		if c.n != 8 {
			c.invalid()
			return
		}
		p.printf(", index %d", c.u8(0))
		c.fwd(4)
		p.printf(", mask %s", c.ipAddr(0))
	case 3, 4, 5: // the mirroring messages
		if c.n != 4 {
			c.invalid()
			return
		}
		p.printf(", report_mirror_ports %s", tokStr(of10OnOff, "bogus (%d)", c.u8(0)))
		c.fwd(1)
		c.r.need(c.off, 3)
	case 9, 13, 19, 21, 27: // requests without a body
		if c.n != 0 {
			c.invalid()
			return
		}
	case 17: // VIRTUAL_PORT_REMOVE_REQUEST
		if c.n != 4 {
			c.invalid()
			return
		}
		p.printf(", vport_no %d", c.u32(0))
	case 6: // SHELL_COMMAND
		if c.n < 4 {
			c.invalid()
			return
		}
		p.printf(", service %d", c.u32(0))
		c.fwd(4)
		p.print(", data '")
		c.printn()
		p.print("'")
	case 7: // SHELL_OUTPUT
		p.print(", data '")
		c.printn()
		p.print("'")
	case 8: // SHELL_STATUS
		if c.n != 4 {
			c.invalid()
			return
		}
		p.printf(", status 0x%08x", c.u32(0))
	default:
		c.rest()
	}
}

// bsnSubtype reads the subtype that starts a Big Switch Networks body
// (head32) and prints it after head, named from names.
func (c *ofCur) bsnSubtype(head string, names map[uint32]string) (uint32, bool) {
	st, ok := c.head32()
	if ok {
		c.p.printf("%s %s", head, tokStr(names, "unknown (0x%08x)", st))
	}
	return st, ok
}

// printn prints the rest of the body as characters (nd_printn).
func (c *ofCur) printn() {
	for i := 0; i < c.n; i++ {
		c.p.printChar(c.u8(i))
	}
}

func of10BSNAction(c *ofCur) {
	p := c.p
	st, ok := c.bsnSubtype("\n\t  subtype", of10BSNActionSubtypes)
	if !ok {
		return
	}
	if st != 1 {
		c.rest()
		return
	}
	if c.n != 12 {
		c.invalid()
		return
	}
	p.printf(", dest_port %d", c.u32(0))
	tag := c.u32(4)
	c.fwd(8)
	switch tag >> 16 {
	case 0:
		p.print(", vlan_tag none")
	case etVLAN:
		p.printf(", vlan_tag 802.1Q (%s)", vlanTCI(uint16(tag)))
	default:
		p.printf(", vlan_tag unknown (0x%04x)", tag>>16)
	}
	p.printf(", copy_stage %s", tokStr(of10BSNCopyStages, "unknown (%d)", c.u8(0)))
	c.fwd(1)
	c.r.need(c.off, 3)
}

// of10Vendor prints a vendor ID and then, for Big Switch Networks when
// bsn is not nil, the body bsn decodes, or else the data after the ID.
// (A VENDOR message is at least 4 bytes long: its table says so.)
func of10Vendor(c *ofCur, bsn func(*ofCur)) {
	v, ok := c.head32()
	if !ok {
		return
	}
	c.p.printf(", vendor 0x%08x (%s)", v, ofVendorName(v))
	if v == ouiBSN && bsn != nil {
		bsn(c)
	} else {
		c.data()
	}
}

func of10VendorAction(c *ofCur)  { of10Vendor(c, of10BSNAction) }
func of10VendorMessage(c *ofCur) { of10Vendor(c, of10BSNMessage) }

// of10VendorData prints a vendor ID and the data after it.
func of10VendorData(c *ofCur) { of10Vendor(c, nil) }

// of10PacketData prints the frame in a PACKET_IN or PACKET_OUT: its
// length, and with -vvv the frame decoded as Ethernet with three levels
// of -v less. Like tcpdump, a frame cut short ends the packet before the
// verbosity is given back, for the rest of the run.
func of10PacketData(c *ofCur) {
	p := c.p
	if c.n == 0 {
		return
	}
	p.printf("\n\t data (%d octets)", c.n)
	if p.o.Verbose < 3 {
		c.rest()
		return
	}
	p.o.Verbose -= 3
	p.print(", frame decoding below\n")
	b := c.r.b[min(c.off, len(c.r.b)):]
	if len(b) > c.n {
		b = b[:c.n]
	}
	p.ether(b, c.n)
	p.o.Verbose += 3
}

// of10PhyPort prints a port description (48 bytes).
func of10PhyPort(c *ofCur) {
	p := c.p
	if !c.portHead(of10Port(c.u16(0)), 2, 8, 48) {
		return
	}
	c.bitmap(24, "\n\t   config", of10PortConfig, of10PortConfigU)
	st := c.u32(28)
	p.printf("\n\t   state 0x%08x (%s", st, mapName(of10STPState, st&(3<<8), ""))
	if st&1 != 0 {
		p.print(", LINK_DOWN")
	}
	p.print(")")
	if st&of10PortStateU != 0 {
		p.print(" (bogus)")
	}
	for i, name := range []string{"curr", "advertised", "supported", "peer"} {
		c.bitmap(32+4*i, "\n\t   "+name, of10PortFeatures, of10PortFeaturesU)
	}
}

func of10QueueProps(c *ofCur) {
	p := c.p
	for c.next(8) {
		prop, plen, ok := c.typeLen("\n\t   property", of10QueuePropNames, "invalid (0x%04x)", ", len", 8)
		if !ok {
			return
		}
		c.chkFwd(4)
		skip, bogus := false, false
		switch prop {
		case 0:
			bogus = plen != 8
		case 1:
			bogus = plen != 16
		default:
			skip = true
		}
		if c.skipped(bogus, skip, plen-8) {
			continue
		}
		if prop == 1 {
			rate := c.u16(0)
			c.fwd(2)
			if rate > 1000 {
				p.print(", rate disabled")
			} else {
				p.printf(", rate %d.%d%%", rate/10, rate%10)
			}
			c.chkFwd(6)
		}
	}
}

func of10Queues(c *ofCur) {
	p := c.p
	for c.next(8) {
		p.printf("\n\t  queue_id %d", c.u32(0))
		c.fwd(4)
		dl, ok := c.blockLen(", len", 8, 6)
		if !ok {
			return
		}
		c.chkFwd(2)
		if p.o.Verbose >= 2 {
			of10QueueProps(c.sub(dl - 8))
		} else {
			c.r.need(c.off, dl-8)
		}
		c.fwd(dl - 8)
	}
}

// of10Match prints a flow match (40 bytes), each field on a line
// starting with pfx.
func of10Match(c *ofCur, pfx string) {
	p := c.p
	w := c.u32(0)
	if w&of10WildcardsU != 0 {
		p.printf("%swildcards 0x%08x (bogus)", pfx, w)
	}
	if w&(1<<0) == 0 {
		p.printf("%smatch in_port %s", pfx, of10Port(c.u16(4)))
	}
	if w&(1<<2) == 0 {
		p.printf("%smatch dl_src %s", pfx, c.etherAddr(6))
	}
	if w&(1<<3) == 0 {
		p.printf("%smatch dl_dst %s", pfx, c.etherAddr(12))
	}
	if w&(1<<1) == 0 {
		p.printf("%smatch dl_vlan %s", pfx, of10VLAN(c.u16(18)))
	}
	if w&(1<<20) == 0 {
		p.printf("%smatch dl_vlan_pcp %s", pfx, of10PCP(c.u8(20)))
	}
	dlType := c.u16(22)
	if w&(1<<4) == 0 {
		p.printf("%smatch dl_type 0x%04x", pfx, dlType)
	}
	if w&(1<<21) == 0 {
		p.printf("%smatch nw_tos 0x%02x", pfx, c.u8(24))
	}
	nwProto := c.u8(25)
	if w&(1<<5) == 0 {
		name := "nw_proto"
		if w&(1<<4) == 0 && dlType == 0x0806 {
			name = "arp_opcode"
		}
		p.printf("%smatch %s %d", pfx, name, nwProto)
	}
	if bits := (w >> 8) & 0x3f; bits < 32 {
		p.printf("%smatch nw_src %s/%d", pfx, c.ipAddr(28), 32-bits)
	}
	if bits := (w >> 14) & 0x3f; bits < 32 {
		p.printf("%smatch nw_dst %s/%d", pfx, c.ipAddr(32), 32-bits)
	}
	icmp := w&(1<<4) == 0 && dlType == 0x0800 && w&(1<<5) == 0 && nwProto == 1
	if w&(1<<6) == 0 {
		name := "tp_src"
		if icmp {
			name = "icmp_type"
		}
		p.printf("%smatch %s %d", pfx, name, c.u16(36))
	}
	if w&(1<<7) == 0 {
		name := "tp_dst"
		if icmp {
			name = "icmp_code"
		}
		p.printf("%smatch %s %d", pfx, name, c.u16(38))
	} else {
		c.r.need(c.off+38, 2)
	}
}

// of10Actions prints an action list, each action on a line starting
// with pfx.
func of10Actions(c *ofCur, pfx string) {
	p := c.p
	for c.next(8) {
		typ, alen, ok := c.typeLen(pfx+"action type", of10ActionNames, "invalid (0x%04x)", ", len", 8)
		if !ok {
			return
		}
		skip, bogus := false, false
		switch typ {
		case 0, 1, 2, 3, 6, 7, 8, 9, 10:
			bogus = alen != 8
		case 4, 5, 11:
			bogus = alen != 16
		case 0xffff:
			bogus = alen%8 != 0
		default:
			skip = true
		}
		if c.skipped(bogus, skip, alen-4) {
			continue
		}
		switch typ {
		case 0: // OUTPUT
			port := c.u16(0)
			c.fwd(2)
			p.printf(", port %s", of10Port(port))
			if port == 0xfffd {
				p.printf(", max_len %d", c.u16(0))
			} else {
				c.r.need(c.off, 2)
			}
			c.fwd(2)
		case 1: // SET_VLAN_VID
			p.printf(", vlan_vid %s", of10VLAN(c.u16(0)))
			c.fwd(2)
			c.chkFwd(2)
		case 2: // SET_VLAN_PCP
			p.printf(", vlan_pcp %s", of10PCP(c.u8(0)))
			c.fwd(1)
			c.chkFwd(3)
		case 4, 5: // SET_DL_SRC, SET_DL_DST
			p.printf(", dl_addr %s", c.etherAddr(0))
			c.fwd(6)
			c.chkFwd(6)
		case 6, 7: // SET_NW_SRC, SET_NW_DST
			p.printf(", nw_addr %s", c.ipAddr(0))
			c.fwd(4)
		case 8: // SET_NW_TOS
			p.printf(", nw_tos 0x%02x", c.u8(0))
			c.fwd(1)
			c.chkFwd(3)
		case 9, 10: // SET_TP_SRC, SET_TP_DST
			p.printf(", tp_port %d", c.u16(0))
			c.fwd(2)
			c.chkFwd(2)
		case 11: // ENQUEUE
			p.printf(", port %s", of10Port(c.u16(0)))
			c.fwd(8)
			p.printf(", queue_id %s", of10Queue(c.u32(0)))
			c.fwd(4)
		case 0xffff: // VENDOR
			of10VendorAction(c.sub(alen - 4))
			c.fwd(alen - 4)
		case 3: // STRIP_VLAN
			c.chkFwd(4)
		}
	}
}

func of10FeaturesReply(c *ofCur) {
	p := c.p
	p.printf("\n\t dpid 0x%016x", c.u64(0))
	p.printf(", n_buffers %d", c.u32(8))
	p.printf(", n_tables %d", c.u8(12))
	c.bitmap(16, "\n\t capabilities", of10Capabilities, of10CapabilitiesU)
	c.bitmap(20, "\n\t actions", of10ActionBits, of10ActionBitsU)
	c.fwd(24)
	for c.next(48) {
		of10PhyPort(c)
		c.fwd(48)
	}
}

func of10SwitchConfig(c *ofCur) {
	c.p.printf("\n\t flags %s", tokStr(of10ConfigFlags, "invalid (0x%04x)", c.u16(0)))
	c.p.printf(", miss_send_len %d", c.u16(2))
}

func of10FlowMod(c *ofCur) {
	p := c.p
	of10Match(c, "\n\t ")
	c.fwd(40)
	p.printf("\n\t cookie 0x%016x", c.u64(0))
	cmd := c.u16(8)
	p.printf(", command %s", tokStr(of10FlowModCmds, "invalid (0x%04x)", cmd))
	for i, name := range []string{"idle_timeout", "hard_timeout", "priority"} {
		if v := c.u16(10 + 2*i); v != 0 {
			p.printf(", %s %d", name, v)
		}
	}
	if cmd <= 2 {
		p.printf(", buffer_id %s", of10BufferID(c.u32(16)))
	}
	if cmd == 3 || cmd == 4 {
		p.printf(", out_port %s", of10Port(c.u16(20)))
	}
	fl := c.u16(22)
	p.printf(", flags 0x%04x", fl)
	p.ofBitmap(of10FlowModFlags, uint32(fl), of10FlowModFlagsU)
	c.fwd(24)
	of10Actions(c, "\n\t ")
}

func of10PortMod(c *ofCur) {
	c.p.printf("\n\t port_no %s", of10Port(c.u16(0)))
	c.portMod(2, 8, "\n\t ", of10PortConfig, of10PortFeatures, of10PortConfigU, of10PortFeaturesU)
}

func of10QueueGetConfigRequest(c *ofCur) {
	c.p.printf("\n\t port %s", of10Port(c.u16(0)))
	c.r.need(c.off+2, 2)
}

func of10QueueGetConfigReply(c *ofCur) {
	c.p.printf("\n\t port %s", of10Port(c.u16(0)))
	c.fwd(2)
	c.chkFwd(6)
	of10Queues(c)
}

func of10StatsRequest(c *ofCur) {
	p := c.p
	typ := c.u16(0)
	p.printf("\n\t type %s", tokStr(of10StatsTypes, "invalid (0x%04x)", typ))
	fl := c.u16(2)
	p.printf(", flags 0x%04x", fl)
	if fl != 0 {
		p.print(" (bogus)")
	}
	c.fwd(4)
	switch typ {
	case 0, 3: // DESC, TABLE
		if c.n != 0 {
			c.invalid()
		}
	case 1, 2: // FLOW, AGGREGATE
		if c.n != 44 {
			c.invalid()
			return
		}
		of10Match(c, "\n\t ")
		c.fwd(40)
		p.printf("\n\t table_id %s", tokStr(of10TableIDs, "%d", c.u8(0)))
		p.printf(", out_port %s", of10Port(c.u16(2)))
	case 4: // PORT
		if c.n != 8 {
			c.invalid()
			return
		}
		p.printf("\n\t port_no %s", of10Port(c.u16(0)))
		c.fwd(2)
		c.chkFwd(6)
	case 5: // QUEUE
		if c.n != 8 {
			c.invalid()
			return
		}
		p.printf("\n\t port_no %s", of10Port(c.u16(0)))
		p.printf(", queue_id %s", of10Queue(c.u32(4)))
	case 0xffff:
		of10VendorData(c)
	}
}

func of10DescStatsReply(c *ofCur) {
	if c.n != 1056 {
		c.invalid()
		return
	}
	p := c.p
	for _, f := range []struct {
		name string
		n    int
	}{{"mfr_desc", 256}, {"hw_desc", 256}, {"sw_desc", 256}, {"serial_num", 32}, {"dp_desc", 256}} {
		p.printf("\n\t  %s '", f.name)
		c.jnp(0, f.n)
		p.print("'")
		c.fwd(f.n)
	}
}

func of10FlowStatsReply(c *ofCur) {
	p := c.p
	for c.next(88) {
		el := int(c.u16(0))
		p.printf("\n\t length %d", el)
		if el < 88 || el > c.n {
			c.invalid()
			return
		}
		p.printf(", table_id %s", tokStr(of10TableIDs, "%d", c.u8(2)))
		c.fwd(4)
		of10Match(c, "\n\t  ")
		c.fwd(40)
		p.printf("\n\t  duration_sec %d", c.u32(0))
		p.printf(", duration_nsec %d", c.u32(4))
		p.printf(", priority %d", c.u16(8))
		p.printf(", idle_timeout %d", c.u16(10))
		p.printf(", hard_timeout %d", c.u16(12))
		p.printf(", cookie 0x%016x", c.u64(20))
		p.printf(", packet_count %d", c.u64(28))
		p.printf(", byte_count %d", c.u64(36))
		c.fwd(44)
		of10Actions(c.sub(el-88), "\n\t  ")
		c.fwd(el - 88)
	}
}

func of10AggregateStatsReply(c *ofCur) {
	if c.n != 24 {
		c.invalid()
		return
	}
	c.p.printf("\n\t packet_count %d", c.u64(0))
	c.p.printf(", byte_count %d", c.u64(8))
	c.p.printf(", flow_count %d", c.u32(16))
	c.r.need(c.off+20, 4)
}

func of10TableStatsReply(c *ofCur) {
	p := c.p
	for c.next(64) {
		p.printf("\n\t table_id %s", tokStr(of10TableIDs, "%d", c.u8(0)))
		p.print(", name '")
		c.jnp(4, 32)
		p.print("'")
		c.bitmap(36, "\n\t  wildcards", of10Wildcards, of10WildcardsU)
		p.printf("\n\t  max_entries %d", c.u32(40))
		p.printf(", active_count %d", c.u32(44))
		p.printf(", lookup_count %d", c.u64(48))
		p.printf(", matched_count %d", c.u64(56))
		c.fwd(64)
	}
}

var of10PortCounters = []string{"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_dropped",
	"tx_dropped", "rx_errors", "tx_errors", "rx_frame_err", "rx_over_err", "rx_crc_err", "collisions"}

func of10PortStatsReply(c *ofCur) {
	p := c.p
	for c.next(104) {
		p.printf("\n\t  port_no %s", of10Port(c.u16(0)))
		c.fwd(2)
		if p.o.Verbose < 2 {
			c.chkFwd(102)
			continue
		}
		c.fwd(6)
		for _, name := range of10PortCounters {
			p.printf(", %s %d", name, c.u64(0))
			c.fwd(8)
		}
	}
}

func of10QueueStatsReply(c *ofCur) {
	p := c.p
	for c.next(32) {
		p.printf("\n\t  port_no %s", of10Port(c.u16(0)))
		p.printf(", queue_id %d", c.u32(4))
		p.printf(", tx_bytes %d", c.u64(8))
		p.printf(", tx_packets %d", c.u64(16))
		p.printf(", tx_errors %d", c.u64(24))
		c.fwd(32)
	}
}

func of10StatsReply(c *ofCur) {
	p := c.p
	typ := c.u16(0)
	p.printf("\n\t type %s", tokStr(of10StatsTypes, "invalid (0x%04x)", typ))
	fl := c.u16(2)
	p.printf(", flags 0x%04x", fl)
	p.ofBitmap(of10StatsReplyFlags, uint32(fl), ^uint32(1))
	c.fwd(4)
	if p.o.Verbose > 0 {
		var dec func(*ofCur)
		switch typ {
		case 0:
			dec = of10DescStatsReply
		case 1:
			dec = of10FlowStatsReply
		case 2:
			dec = of10AggregateStatsReply
		case 3:
			dec = of10TableStatsReply
		case 4:
			dec = of10PortStatsReply
		case 5:
			dec = of10QueueStatsReply
		case 0xffff:
			dec = of10VendorData
		}
		if dec != nil {
			dec(c)
			return
		}
	}
	c.rest()
}

func of10PacketOut(c *ofCur) {
	p := c.p
	p.printf("\n\t buffer_id 0x%08x", c.u32(0))
	p.printf(", in_port %s", of10Port(c.u16(4)))
	al := int(c.u16(6))
	c.fwd(8)
	if al > c.n {
		c.invalid()
		return
	}
	of10Actions(c.sub(al), "\n\t ")
	c.fwd(al)
	of10PacketData(c)
}

func of10PacketIn(c *ofCur) {
	p := c.p
	p.printf("\n\t buffer_id %s", of10BufferID(c.u32(0)))
	p.printf(", total_len %d", c.u16(4))
	p.printf(", in_port %s", of10Port(c.u16(6)))
	p.printf(", reason %s", tokStr(of10PacketInReasons, "invalid (0x%02x)", c.u8(8)))
	c.fwd(9)
	c.chkFwd(1)
	of10PacketData(c)
}

func of10FlowRemoved(c *ofCur) {
	p := c.p
	of10Match(c, "\n\t ")
	c.fwd(40)
	p.printf("\n\t cookie 0x%016x", c.u64(0))
	if v := c.u16(8); v != 0 {
		p.printf(", priority %d", v)
	}
	p.printf(", reason %s", tokStr(of10FlowRemovedReasons, "unknown (0x%02x)", c.u8(10)))
	p.printf(", duration_sec %d", c.u32(12))
	p.printf(", duration_nsec %d", c.u32(16))
	if v := c.u16(20); v != 0 {
		p.printf(", idle_timeout %d", v)
	}
	p.printf(", packet_count %d", c.u64(24))
	p.printf(", byte_count %d", c.u64(32))
}

func of10PortStatus(c *ofCur) {
	c.p.printf("\n\t reason %s", tokStr(of10PortStatusReasons, "invalid (0x%02x)", c.u8(0)))
	c.fwd(8)
	of10PhyPort(c)
}

func of10Error(c *ofCur) { ofError(c, of10ErrorTypes, of10ErrorCodes) }

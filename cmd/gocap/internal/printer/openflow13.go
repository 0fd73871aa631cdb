package printer

// OpenFlow 1.3 message bodies (tcpdump's print-openflow-1.3.c). tcpdump
// decodes only some of them; the others print their header alone.

var of13Capabilities = []bitTok{{1 << 0, "FLOW_STATS"}, {1 << 1, "TABLE_STATS"}, {1 << 2, "PORT_STATS"},
	{1 << 3, "GROUP_STATS"}, {1 << 5, "IP_REASM"}, {1 << 6, "QUEUE_STATS"}, {1 << 8, "PORT_BLOCKED"}}

const of13CapabilitiesU = ^uint32(1<<0 | 1<<1 | 1<<2 | 1<<3 | 1<<5 | 1<<6 | 1<<8)

var of13TableIDs = map[uint8]string{0xfe: "MAX", 0xff: "ALL"}

var of13MaxLens = map[uint16]string{0xffe5: "MAX", 0xffff: "NO_BUFFER"}

var of13PortConfig = []bitTok{{1 << 0, "PORT_DOWN"}, {1 << 2, "NO_RECV"}, {1 << 5, "NO_FWD"}, {1 << 6, "NO_PACKET_IN"}}

const of13PortConfigU = ^uint32(1<<0 | 1<<2 | 1<<5 | 1<<6)

var of13PortState = []bitTok{{1 << 0, "LINK_DOWN"}, {1 << 1, "BLOCKED"}, {1 << 2, "LIVE"}}

const of13PortStateU = ^uint32(7)

var of13PortFeatures = []bitTok{{1 << 0, "10MB_HD"}, {1 << 1, "10MB_FD"}, {1 << 2, "100MB_HD"},
	{1 << 3, "100MB_FD"}, {1 << 4, "1GB_HD"}, {1 << 5, "1GB_FD"}, {1 << 6, "10GB_FD"},
	{1 << 7, "40GB_FD"}, {1 << 8, "100GB_FD"}, {1 << 9, "1TB_FD"}, {1 << 10, "OTHER"},
	{1 << 11, "COPPER"}, {1 << 12, "FIBER"}, {1 << 13, "AUTONEG"}, {1 << 14, "PAUSE"},
	{1 << 15, "PAUSE_ASYM"}}

const of13PortFeaturesU = ^uint32(0xffff)

var of13HelloElems = map[uint16]string{1: "VERSIONBITMAP"}

var of13Ports = map[uint32]string{0xffffff00: "MAX", 0xfffffff8: "IN_PORT", 0xfffffff9: "TABLE",
	0xfffffffa: "NORMAL", 0xfffffffb: "FLOOD", 0xfffffffc: "ALL", 0xfffffffd: "CONTROLLER",
	0xfffffffe: "LOCAL", 0xffffffff: "ANY"}

func of13Port(v uint32) string { return tokStr(of13Ports, "%d", v) }

var of13Roles = map[uint32]string{0: "NOCHANGE", 1: "EQUAL", 2: "MASTER", 3: "SLAVE"}

var of13VersionBits = []bitTok{{1 << 0, "1.0"}, {1 << 1, "1.1"}, {1 << 2, "1.2"}, {1 << 3, "1.3"},
	{1 << 4, "1.4"}, {1 << 5, "1.5"}}

const of13VersionBitsU = ^uint32(0x3f)

var of13AsyncPacketIn = []bitTok{{1 << 0, "NO_MATCH"}, {1 << 1, "ACTION"}, {1 << 2, "INVALID_TTL"}}

var of13AsyncPort = []bitTok{{1 << 0, "ADD"}, {1 << 1, "DELETE"}, {1 << 2, "MODIFY"}}

var of13PortReasons = map[uint8]string{0: "ADD", 1: "DELETE", 2: "MODIFY"}

var of13ErrorTypes = map[uint16]string{0: "HELLO_FAILED", 1: "BAD_REQUEST", 2: "BAD_ACTION",
	3: "BAD_INSTRUCTION", 4: "BAD_MATCH", 5: "FLOW_MOD_FAILED", 6: "GROUP_MOD_FAILED",
	7: "PORT_MOD_FAILED", 8: "TABLE_MOD_FAILED", 9: "QUEUE_OP_FAILED", 10: "SWITCH_CONFIG_FAILED",
	11: "ROLE_REQUEST_FAILED", 12: "METER_MOD_FAILED", 13: "TABLE_FEATURES_FAILED", 0xffff: "EXPERIMENTER"}

var of13ErrorCodes = map[uint16]map[uint16]string{
	0: {0: "INCOMPATIBLE", 1: "EPERM"},
	1: {0: "BAD_VERSION", 1: "BAD_TYPE", 2: "BAD_MULTIPART", 3: "BAD_EXPERIMENTER", 4: "BAD_EXP_TYPE",
		5: "EPERM", 6: "BAD_LEN", 7: "BUFFER_EMPTY", 8: "BUFFER_UNKNOWN", 9: "BAD_TABLE_ID",
		10: "IS_SLAVE", 11: "BAD_PORT", 12: "BAD_PACKET", 13: "MULTIPART_BUFFER_OVERFLOW"},
	2: {0: "BAD_TYPE", 1: "BAD_LEN", 2: "BAD_EXPERIMENTER", 3: "BAD_EXP_TYPE", 4: "BAD_OUT_PORT",
		5: "BAD_ARGUMENT", 6: "EPERM", 7: "TOO_MANY", 8: "BAD_QUEUE", 9: "BAD_OUT_GROUP",
		10: "MATCH_INCONSISTENT", 11: "UNSUPPORTED_ORDER", 12: "BAD_TAG", 13: "BAD_SET_TYPE",
		14: "BAD_SET_LEN", 15: "BAD_SET_ARGUMENT"},
	3: {0: "UNKNOWN_INST", 1: "UNSUP_INST", 2: "BAD_TABLE_ID", 3: "UNSUP_METADATA",
		4: "UNSUP_METADATA_MASK", 5: "BAD_EXPERIMENTER", 6: "BAD_EXP_TYPE", 7: "BAD_LEN", 8: "EPERM"},
	4: {0: "BAD_TYPE", 1: "BAD_LEN", 2: "BAD_TAG", 3: "BAD_DL_ADDR_MASK", 4: "BAD_NW_ADDR_MASK",
		5: "BAD_WILDCARDS", 6: "BAD_FIELD", 7: "BAD_VALUE", 8: "BAD_MASK", 9: "BAD_PREREQ",
		10: "DUP_FIELD", 11: "EPERM"},
	5: {0: "UNKNOWN", 1: "TABLE_FULL", 2: "BAD_TABLE_ID", 3: "OVERLAP", 4: "EPERM", 5: "BAD_TIMEOUT",
		6: "BAD_COMMAND", 7: "BAD_FLAGS"},
	6: {0: "GROUP_EXISTS", 1: "INVALID_GROUP", 2: "WEIGHT_UNSUPPORTED", 3: "OUT_OF_GROUPS",
		4: "OUT_OF_BUCKETS", 5: "CHAINING_UNSUPPORTED", 6: "WATCH_UNSUPPORTED", 7: "LOOP",
		8: "UNKNOWN_GROUP", 9: "CHAINED_GROUP", 10: "BAD_TYPE", 11: "BAD_COMMAND", 12: "BAD_BUCKET",
		13: "BAD_MATCH", 14: "EPERM"},
	7:  {0: "BAD_PORT", 1: "BAD_HW_ADDR", 2: "BAD_CONFIG", 3: "BAD_ADVERTISE", 4: "EPERM"},
	8:  {0: "BAD_TABLE", 1: "BAD_CONFIG", 2: "EPERM"},
	9:  {0: "BAD_PORT", 1: "BAD_QUEUE", 2: "EPERM"},
	10: {0: "BAD_FLAGS", 1: "BAD_LEN", 2: "EPERM"},
	11: {0: "STALE", 1: "UNSUP", 2: "BAD_ROLE"},
	12: {0: "UNKNOWN", 1: "METER_EXISTS", 2: "INVALID_METER", 3: "UNKNOWN_METER", 4: "BAD_COMMAND",
		5: "BAD_FLAGS", 6: "BAD_RATE", 7: "BAD_BURST", 8: "BAD_BAND", 9: "BAD_BAND_VALUE",
		10: "OUT_OF_METERS", 11: "OUT_OF_BANDS"},
	13: {0: "BAD_TABLE", 1: "BAD_METADATA", 2: "BAD_TYPE", 3: "BAD_LEN", 4: "BAD_ARGUMENT", 5: "EPERM"},
}

// of13MsgTypes is tcpdump's table of OpenFlow 1.3 message types.
var of13MsgTypes = [...]ofMsgType{
	{"HELLO", of13HelloElements, ofMinLen, 0},
	{"ERROR", of13Error, ofMinLen, 4},
	{"ECHO_REQUEST", (*ofCur).data, ofMinLen, 0},
	{"ECHO_REPLY", (*ofCur).data, ofMinLen, 0},
	{"EXPERIMENTER", of13Experimenter, ofMinLen, 8},
	{"FEATURES_REQUEST", nil, ofFixLen, 0},
	{"FEATURES_REPLY", of13FeaturesReply, ofFixLen, 24},
	{"GET_CONFIG_REQUEST", nil, ofFixLen, 0},
	{"GET_CONFIG_REPLY", of13SwitchConfig, ofFixLen, 4},
	{"SET_CONFIG", of13SwitchConfig, ofFixLen, 4},
	{"PACKET_IN", nil, ofAnyLen, 0},
	{"FLOW_REMOVED", nil, ofAnyLen, 0},
	{"PORT_STATUS", of13PortStatus, ofFixLen, 72},
	{"PACKET_OUT", nil, ofAnyLen, 0},
	{"FLOW_MOD", nil, ofAnyLen, 0},
	{"GROUP_MOD", nil, ofAnyLen, 0},
	{"PORT_MOD", of13PortMod, ofFixLen, 32},
	{"TABLE_MOD", of13TableMod, ofFixLen, 8},
	{"MULTIPART_REQUEST", nil, ofAnyLen, 0},
	{"MULTIPART_REPLY", nil, ofAnyLen, 0},
	{"BARRIER_REQUEST", nil, ofFixLen, 0},
	{"BARRIER_REPLY", nil, ofFixLen, 0},
	{"QUEUE_GET_CONFIG_REQUEST", of13QueueGetConfigRequest, ofFixLen, 8},
	{"QUEUE_GET_CONFIG_REPLY", nil, ofAnyLen, 0},
	{"ROLE_REQUEST", of13Role, ofFixLen, 16},
	{"ROLE_REPLY", of13Role, ofFixLen, 16},
	{"GET_ASYNC_REQUEST", nil, ofFixLen, 0},
	{"GET_ASYNC_REPLY", of13Async, ofFixLen, 24},
	{"SET_ASYNC", of13Async, ofFixLen, 24},
	{"METER_MOD", nil, ofAnyLen, 0},
}

// of13PortDesc prints a port description (64 bytes).
func of13PortDesc(c *ofCur) {
	p := c.p
	if !c.portHead(of13Port(c.u32(0)), 8, 16, 64) {
		return
	}
	c.bitmap(32, "\n\t   config", of13PortConfig, of13PortConfigU)
	c.bitmap(36, "\n\t   state", of13PortState, of13PortStateU)
	for i, name := range []string{"curr", "advertised", "supported", "peer"} {
		c.bitmap(40+4*i, "\n\t   "+name, of13PortFeatures, of13PortFeaturesU)
	}
	p.printf("\n\t   curr_speed %dkbps", c.u32(56))
	p.printf("\n\t   max_speed %dkbps", c.u32(60))
}

func of13FeaturesReply(c *ofCur) {
	p := c.p
	p.printf("\n\t dpid 0x%016x", c.u64(0))
	p.printf(", n_buffers %d", c.u32(8))
	p.printf(", n_tables %d", c.u8(12))
	p.printf(", auxiliary_id %d", c.u8(13))
	c.bitmap(16, "\n\t capabilities", of13Capabilities, of13CapabilitiesU)
	c.r.need(c.off+20, 4)
}

func of13SwitchConfig(c *ofCur) {
	c.p.printf("\n\t flags %s", tokStr(of10ConfigFlags, "invalid (0x%04x)", c.u16(0)))
	c.p.printf(", miss_send_len %s", tokStr(of13MaxLens, "%d", c.u16(2)))
}

func of13TableMod(c *ofCur) {
	c.p.printf("\n\t table_id %s", tokStr(of13TableIDs, "%d", c.u8(0)))
	c.p.printf(", config 0x%08x", c.u32(4))
}

func of13Role(c *ofCur) {
	c.p.printf("\n\t role %s", tokStr(of13Roles, "invalid (0x%08x)", c.u32(0)))
	c.p.printf(", generation_id 0x%016x", c.u64(8))
}

func of13Async(c *ofCur) {
	for i, f := range []struct {
		name string
		t    []bitTok
	}{
		{"packet_in_mask[EM]", of13AsyncPacketIn}, {"packet_in_mask[S]", of13AsyncPacketIn},
		{"port_status_mask[EM]", of13AsyncPort}, {"port_status_mask[S]", of13AsyncPort},
		{"flow_removed_mask[EM]", of13AsyncPort}, {"flow_removed_mask[S]", of13AsyncPort},
	} {
		c.bitmap(4*i, "\n\t "+f.name, f.t, ^uint32(7))
	}
}

func of13PortMod(c *ofCur) {
	c.p.printf("\n\t port_no %s", of13Port(c.u32(0)))
	c.portMod(8, 16, "\n\t  ", of13PortConfig, of13PortFeatures, of13PortConfigU, of13PortFeaturesU)
}

func of13PortStatus(c *ofCur) {
	// tcpdump's format for an unknown reason lacks its '%'.
	c.p.printf("\n\t reason %s", mapName(of13PortReasons, c.u8(0), "invalid (0x02x)"))
	c.fwd(8)
	of13PortDesc(c)
}

func of13HelloElements(c *ofCur) {
	p := c.p
	for c.next(4) {
		typ, bl, ok := c.typeLen("\n\t type", of13HelloElems, "unknown (0x%04x)", ", length", 4)
		if !ok {
			return
		}
		if typ == 1 && bl == 8 {
			c.bitmap(0, ", bitmap", of13VersionBits, of13VersionBitsU)
		} else {
			if typ == 1 {
				p.print(" (bogus)")
			}
			c.r.need(c.off, bl-4)
		}
		c.fwd(bl - 4)
	}
}

func of13Experimenter(c *ofCur) {
	v := c.u32(0)
	c.p.printf("\n\t experimenter 0x%08x (%s)", v, ofVendorName(v))
	c.p.printf(", exp_type 0x%08x", c.u32(4))
	c.fwd(8)
	c.data()
}

func of13QueueGetConfigRequest(c *ofCur) {
	c.p.printf("\n\t port %s", of13Port(c.u32(0)))
	c.r.need(c.off+4, 4)
}

func of13Error(c *ofCur) { ofError(c, of13ErrorTypes, of13ErrorCodes) }

package cbpf

import (
	"github.com/gocap/gocap/parser"
)

// scode handles a named ID: a host, network, service, protocol or ethers
// name (libpcap's gen_scode).
func (c *compiler) scode(name string, q parser.Qual) *block {
	proto, dir := q.Proto, q.Dir
	switch q.Addr {
	case parser.AddrNet:
		return c.netName(name, q)
	case parser.AddrDefault, parser.AddrHost:
		switch proto {
		case parser.ProtoLink:
			return c.etherHostName(name, dir)
		case parser.ProtoDECnet:
			c.fail("'decnet' is not a valid qualifier for 'host'")
		}
		return c.hostName(name, q)
	case parser.AddrPort:
		ipproto := c.portProto(proto, "port")
		c.checkPortDir(dir, "port")
		port, pproto := c.lookupPort(name, ipproto)
		return c.portBoth(uint32(port), uint32(port), pproto, dir, false)
	case parser.AddrPortrange:
		ipproto := c.portProto(proto, "portrange")
		c.checkPortDir(dir, "portrange")
		lo, hi, pproto := c.lookupPortrange(name, ipproto)
		return c.portBoth(lo, hi, pproto, dir, true)
	case parser.AddrGateway:
		return c.gateway(name, q)
	case parser.AddrProto:
		v := c.lookupProto(name, proto, "proto")
		return c.protoQual(v, proto, dir)
	case parser.AddrProtochain:
		v := c.lookupProto(name, proto, "protochain")
		return c.protochain(v, proto)
	}
	c.failKind(parser.KindSyntax, "can't parse filter expression: syntax error")
	return nil
}

// lookupProto resolves a protocol name for "proto" and "protochain",
// depending on the protocol qualifier, as libpcap's lookup_proto.
func (c *compiler) lookupProto(name string, proto parser.Proto, what string) uint32 {
	var v int
	ok := false
	switch proto {
	case parser.ProtoDefault, parser.ProtoIP, parser.ProtoIPv6:
		v, ok = c.resolver.LookupProtocol(name)
	case parser.ProtoLink:
		var u uint32
		u, ok = etherProtoByName(name)
		if !ok {
			u, ok = llcByName(name)
		}
		v = int(u)
	case parser.ProtoISO:
		switch name {
		case "esis", "es-is":
			v, ok = 0x82, true
		case "isis", "is-is":
			v, ok = 0x83, true
		case "clnp":
			v, ok = 0x81, true
		}
	}
	if !ok {
		if proto == parser.ProtoDefault {
			c.fail("unknown '%s' value '%s'", what, name)
		}
		c.fail("unknown '%s %s' value '%s'", proto, what, name)
	}
	return uint32(v)
}

// etherProtoByName is libpcap's pcap_nametoeproto table.
func etherProtoByName(name string) (uint32, bool) {
	switch name {
	case "ip":
		return etherTypeIP, true
	case "ip6":
		return etherTypeIPv6, true
	case "arp":
		return etherTypeARP, true
	case "rarp":
		return etherTypeRevARP, true
	case "atalk":
		return etherTypeATalk, true
	case "aarp":
		return etherTypeAARP, true
	case "decnet":
		return etherTypeDN, true
	case "sca":
		return etherTypeSCA, true
	case "lat":
		return etherTypeLAT, true
	case "mopdl":
		return etherTypeMOPDL, true
	case "moprc":
		return etherTypeMOPRC, true
	case "loopback":
		return etherTypeLoopback, true
	case "lldp":
		return etherTypeLLDP, true
	case "slow":
		return etherTypeSlow, true
	}
	return 0, false
}

// llcByName is libpcap's pcap_nametollc table.
func llcByName(name string) (uint32, bool) {
	switch name {
	case "iso":
		return llcSAPISONS, true
	case "stp":
		return llcSAP8021D, true
	case "ipx":
		return llcSAPIPX, true
	case "netbeui":
		return llcSAPNetBEUI, true
	}
	return 0, false
}

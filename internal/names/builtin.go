package names

import "strings"

//go:generate go run ./gen -services /etc/services -protocols /etc/protocols -o services_table.go

// builtinService is an entry of the built-in services table.
type builtinService struct {
	name   string
	port   int
	protos string // letters: t tcp, u udp, s sctp
}

// builtinProtocol is an entry of the built-in protocols table.
type builtinProtocol struct {
	name   string
	number int
}

// builtinServicePort returns the port of a service name for "tcp", "udp"
// or "sctp" from the built-in table; case is ignored.
func builtinServicePort(name, proto string) (int, bool) {
	var letter string
	switch strings.ToLower(proto) {
	case "tcp":
		letter = "t"
	case "udp":
		letter = "u"
	case "sctp":
		letter = "s"
	default:
		return 0, false
	}
	for _, s := range builtinServices {
		if strings.EqualFold(s.name, name) && strings.Contains(s.protos, letter) {
			return s.port, true
		}
	}
	return 0, false
}

// builtinProtocolNumber returns the number of an IP protocol name from the
// built-in table; case is ignored.
func builtinProtocolNumber(name string) (int, bool) {
	for _, p := range builtinProtocols {
		if strings.EqualFold(p.name, name) {
			return p.number, true
		}
	}
	return 0, false
}

package cbpf

import "github.com/gocap/gocap/parser"

// protochain is "[ip|ip6] protochain P"; not written yet.
func (c *compiler) protochain(v uint32, proto parser.Proto) *block {
	c.notYet("protochain")
	return nil
}

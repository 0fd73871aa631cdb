package cbpf

import "github.com/gocap/gocap/parser"

// direction is inbound, outbound and ifindex; not written yet.
func (c *compiler) direction(b *parser.Builtin) *block {
	c.notYet(kwDirWord(b.Kw))
	return nil
}

func kwDirWord(k parser.Keyword) string {
	switch k {
	case parser.KwInbound:
		return "inbound"
	case parser.KwOutbound:
		return "outbound"
	}
	return "ifindex"
}

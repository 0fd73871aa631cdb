package cbpf

import "github.com/gocap/gocap/parser"

// dnHost tests a DECnet address; not written yet.
func (c *compiler) dnHost(addr uint32, dir parser.Dir) *block {
	c.notYet("decnet host")
	return nil
}

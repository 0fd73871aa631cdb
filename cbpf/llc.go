package cbpf

// llc is "llc [KIND]"; not written yet.
func (c *compiler) llc(kind string) *block {
	c.notYet("llc")
	return nil
}

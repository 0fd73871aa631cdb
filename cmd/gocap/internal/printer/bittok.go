package printer

// This file is the one home for naming the set bits of a flags value:
// tcpdump's bittok2str and bittok2str_nosep (util-print.c).

// bitTok is one row of a flag table, like a row of the struct tok table
// tcpdump hands to bittok2str: the bit, or the several bits, a name
// stands for. Tables list the rows in the order tcpdump prints them.
type bitTok struct {
	bit  uint32
	name string
}

// bitTokString returns the names of the rows of t whose bits are all set
// in v, in t's order and separated by ", ", or none when no row matches:
// tcpdump's bittok2str with a format that does not print the value.
func bitTokString(t []bitTok, none string, v uint32) string {
	return bitTokJoin(t, none, v, ", ")
}

// bitTokNoSep is bitTokString with the names run together:
// tcpdump's bittok2str_nosep.
func bitTokNoSep(t []bitTok, none string, v uint32) string {
	return bitTokJoin(t, none, v, "")
}

// bitTokJoin is the common form of bitTokString and bitTokNoSep, with
// the names separated by sep. As in tcpdump, a row matches when every
// bit of its mask is set in v (a row of several bits needs all of them,
// not just one), and a row with no bits never matches.
func bitTokJoin(t []bitTok, none string, v uint32, sep string) string {
	var (
		n     int    // rows matched
		first string // the first row's name, returned alone without a copy
		buf   [64]byte
		b     = buf[:0] // the names joined, once a second row matches
	)
	for _, r := range t {
		if r.bit == 0 || v&r.bit != r.bit {
			continue
		}
		n++
		switch n {
		case 1:
			first = r.name
			continue
		case 2:
			b = append(b, first...)
		}
		b = append(append(b, sep...), r.name...)
	}
	switch n {
	case 0:
		return none
	case 1:
		return first
	}
	return string(b)
}

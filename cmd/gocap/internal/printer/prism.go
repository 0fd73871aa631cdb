package printer

// radioAVS prints an 802.11 frame after an AVS capture header
// (DLT_IEEE802_11_RADIO_AVS, tcpdump's print-802_11.c): the header's
// length is its second 32-bit word; nothing of it is printed.
func (p *Printer) radioAVS(b []byte, length int) int {
	r := p.reader("802.11_radio_avs", b)
	if len(b) < 8 {
		r.trunc()
		return len(b)
	}
	n := int64(r.be32(4))
	if n < 8 || int64(len(b)) < n {
		r.trunc()
		return len(b)
	}
	return int(n) + p.ieee80211(b[n:], length-int(n), false, 0)
}

// prism prints an 802.11 frame after a Prism capture header
// (DLT_PRISM_HEADER): 144 bytes, not printed, unless the packet starts
// with an AVS header's magic number, which tcpdump then takes it for.
func (p *Printer) prism(b []byte, length int) int {
	const hdrLen = 144
	r := p.reader("prism", b)
	if len(b) < 4 {
		r.trunc()
		return len(b)
	}
	if m := r.be32(0); m == 0x80211001 || m == 0x80211002 {
		return p.radioAVS(b, length)
	}
	if len(b) < hdrLen {
		r.trunc()
		return len(b)
	}
	return hdrLen + p.ieee80211(b[hdrLen:], length-hdrLen, false, 0)
}

package printer

// Supports reports whether Packet decodes packets of the link type
// (a DLT or LINKTYPE value). Packets of any other type are printed as
// tcpdump prints a type it has no printer for, "UNSUPPORTED" and a hex
// and ASCII dump, so they neither stop a run nor say anything about
// their content. tcpdump -L marks such types "printing not supported".
func Supports(linkType uint32) bool {
	switch linkType {
	case dltEN10MB, dltNull, dltLoop, dltRaw, dltRawAlt, dltRaw101, dltIPv4, dltIPv6,
		dltLinuxSLL, dltSLL2, dltPPP, dltPPPSerial, dltCHDLC, dltIEEE80211,
		dltIEEE80211Radio, dltNFLOG, dltPPPEther:
		return true
	}
	return false
}

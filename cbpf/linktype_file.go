package cbpf

// Capture files (pcap, pcapng) store LINKTYPE_ values, and libpcap's
// compiler takes DLT_ values. The two numberings agree except for a few
// historical link types whose DLT_ values differ between platforms; the
// files use separate LINKTYPE_ numbers for them (libpcap's
// linktype_to_dlt and dlt_to_linktype). These are Linux's DLT_ values.
var fileToDLT = [...]struct {
	file uint32
	dlt  LinkType
}{
	{100, 11}, // LINKTYPE_ATM_RFC1483 → DLT_ATM_RFC1483
	{101, 12}, // LINKTYPE_RAW → DLT_RAW
	{102, 15}, // LINKTYPE_SLIP_BSDOS → DLT_SLIP_BSDOS
	{103, 16}, // LINKTYPE_PPP_BSDOS → DLT_PPP_BSDOS
	{106, 19}, // LINKTYPE_ATM_CLIP → DLT_ATM_CLIP
}

// LinkTypeFromFile returns the link type (DLT_ value) for the LINKTYPE_
// value v stored in a capture file's header or interface description.
// v must not carry the FCS-length bits of a pcap header's link-type word
// (mask them with 0x03ffffff first).
func LinkTypeFromFile(v uint32) LinkType {
	for _, e := range fileToDLT {
		if e.file == v {
			return e.dlt
		}
	}
	return LinkType(v)
}

// FileValue returns the LINKTYPE_ value to store in a capture file for the
// link type: the inverse of LinkTypeFromFile. Readers call it for every
// packet: it is a look at five pairs, not a map.
func (lt LinkType) FileValue() uint32 {
	for _, e := range fileToDLT {
		if e.dlt == lt {
			return e.file
		}
	}
	return uint32(lt)
}

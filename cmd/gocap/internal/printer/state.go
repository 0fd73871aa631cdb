package printer

// protoState is what application-layer decoders remember between packets,
// as tcpdump's printers do in static tables (the Rx call cache that names
// replies).
type protoState struct {
	rx     rxCache
	isakmp isakmpCookies // initiator cookies seen (print-isakmp.c)
	slip   slipState
	nfs    nfsCalls // recent NFS calls, to decode their replies (print-nfs.c)
}

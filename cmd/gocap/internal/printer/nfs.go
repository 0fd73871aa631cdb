package printer

// NFS over Sun RPC (RFC 1831, RFC 1813), as far as tcpdump prints it
// without having seen the call: a reply's status and length. Calls are
// not decoded yet (tcpdump decodes the procedure and its arguments and
// remembers the call to decode the reply's results).

const (
	nfsPort     = 2049
	rpcCall     = 0
	rpcReply    = 1
	rpcAccepted = 0
	rpcDenied   = 1
	rpcMismatch = 0
	rpcAuthErr  = 1
)

// rpcAuthStatus names the reasons an RPC call's credentials were refused.
var rpcAuthStatus = map[uint32]string{
	0: "OK",
	1: "Bogus Credentials (seal broken)",
	2: "Rejected Credentials (client should begin new session)",
	3: "Bogus Verifier (seal broken)",
	4: "Verifier expired or was replayed",
	5: "Credentials are too weak",
	6: "Bogus response verifier",
	7: "Unknown failure",
}

// nfsTCP prints the NFS reply in a TCP segment to or from the NFS port,
// whose payload starts with an RPC record mark. It reports whether it
// printed anything (tcpdump prints nothing for other RPC messages).
func (p *Printer) nfsTCP(b []byte, length int, sport, dport uint16) bool {
	if length < 4 || len(b) < 4 {
		return false
	}
	frag := int(be32(b, 0) & 0x7fffffff)
	if frag > length-4 {
		frag = length - 4
	}
	rp := b[4:]
	if len(rp) < 8 {
		return false
	}
	dir := be32(rp, 4)
	if sport == nfsPort && dir == rpcReply {
		p.printf(": NFS reply xid %d ", be32(rp, 0))
		p.nfsReply(rp, frag)
		return true
	}
	return false
}

// nfsReply prints an RPC reply's status as tcpdump does for NFS; a
// reply cut short ends with " [|nfs]" (tcpdump's trunc label), the -x
// dump still starting at the network header.
func (p *Printer) nfsReply(rp []byte, length int) {
	p.announce("nfs")
	p.label("nfs", func() { p.nfsReplyStatus(rp, length) })
}

// nfsReplyStatus is nfsReply inside its label.
func (p *Printer) nfsReplyStatus(rp []byte, length int) {
	check(rp, 8, 4)
	switch st := be32(rp, 8); st {
	case rpcAccepted:
		p.printf("reply ok %d", length)
	case rpcDenied:
		p.printf("reply ERR %d: ", length)
		check(rp, 12, 4)
		switch rs := be32(rp, 12); rs {
		case rpcMismatch:
			check(rp, 20, 4)
			lo := be32(rp, 16)
			hi := be32(rp, 20)
			p.printf("RPC Version mismatch (%d-%d)", lo, hi)
		case rpcAuthErr:
			check(rp, 16, 4)
			why := be32(rp, 16)
			if s, ok := rpcAuthStatus[why]; ok {
				p.printf("Auth %s", s)
			} else {
				p.printf("Auth Invalid failure code %d", why)
			}
		default:
			p.printf("Unknown reason for rejecting rpc message %d", rs)
		}
	default:
		p.printf("reply Unknown rpc response code=%d %d", st, length)
	}
}

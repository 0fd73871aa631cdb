package printer

import "fmt"

// Sun RPC calls to the portmapper, as tcpdump's print-sunrpc.c prints
// them when asked to (-T rpc, PacketType "rpc"); replies are printed as
// NFS replies, with the addresses and ports as tcpdump's nfsreply_print
// gives them.

// sunrpcProcs names the portmapper procedures.
var sunrpcProcs = []string{"null", "set", "unset", "getport", "dump", "call"}

// rpcUDP prints a UDP payload as an RPC message (-T rpc): a call as a
// portmapper call, anything else as an NFS reply.
func (p *Printer) rpcUDP(b []byte, length int, h *ipHdr) {
	r := p.reader("udp", b)
	if r.be32(4) == rpcCall {
		p.sunrpcCall(b, length, h)
		return
	}
	p.announce("nfs")
	xid := r.be32(0)
	src, dst := "nfs", fmt.Sprint(xid)
	if p.o.NumericLevel > 0 {
		src = fmt.Sprint(nfsPort)
	}
	p.printf("%s.%s > %s.%s: ", p.host(h.src), src, p.host(h.dst), dst)
	p.nfsReply(b, length, h)
}

// sunrpcCall prints an RPC call: the transaction id and the portmapper
// port as the ports, the length, the procedure, and for the procedures
// naming one the program and version.
func (p *Printer) sunrpcCall(b []byte, length int, h *ipHdr) {
	r := p.reader("sunrpc", b)
	r.need(0, 32)
	src, dst := sprintf("0x%x", r.be32(0)), "sunrpc"
	if p.o.NumericLevel > 0 {
		dst = "0x6f"
	}
	p.printf("%s.%s > %s.%s: %d", p.host(h.src), src, p.host(h.dst), dst, uint32(length))
	proc := r.be32(20)
	if int(proc) < len(sunrpcProcs) {
		p.printf(" %s", sunrpcProcs[proc])
	} else {
		p.printf("  proc #%d", proc)
	}
	if v := r.be32(8); v != 2 {
		p.printf(" [rpcver %d]", v)
	}
	switch proc {
	case 1, 2, 3, 5:
		prog := r.be32(12)
		// Without -n tcpdump names the program with getrpcbynumber,
		// which the reference build lacks: it prints the number.
		if p.o.NumericLevel > 0 {
			p.printf(" %d", prog)
		} else {
			p.printf(" #%d", prog)
		}
		p.printf(".%d", r.be32(16))
	}
}

package printer

import "fmt"

// ipxAddr formats an IPX network and node as tcpdump does.
func ipxAddr(net uint32, node []byte) string {
	// tcpdump prints the node in hex even without -n.
	return fmt.Sprintf("%08x.%s", net, mac(node))
}

var ipxSocketNames = map[uint16]string{
	0x0451: "ipx-ncp", 0x0455: "ipx-netbios", 0x0456: "ipx-diags", 0x0553: "ipx-nwlink-dgm",
}

// ipx prints an IPX datagram header and names its destination socket.
func (p *Printer) ipx(b []byte, length int) {
	r := p.reader("ipx", b)
	if !p.o.LinkHeader {
		p.print("IPX ")
	}
	r.need(0, 30)
	p.printf("%s.%04x > ", ipxAddr(r.be32(18), b[22:28]), r.be16(28))
	dskt := r.be16(16)
	p.printf("%s.%04x: ", ipxAddr(r.be32(6), b[10:16]), dskt)
	l := uint32(r.be16(2)) - 30
	if n, ok := ipxSocketNames[dskt]; ok {
		p.printf("%s %d", n, l)
		return
	}
	p.printf("ipx-#%x %d", dskt, l)
}

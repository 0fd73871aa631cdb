package printer

import "encoding/binary"

// usbmon's transfer types and events as tcpdump prints them.
var (
	usbTransfers = map[uint8]string{0: "ISOCHRONOUS", 1: "INTERRUPT", 2: "CONTROL", 3: "BULK"}
	usbEvents    = map[uint8]string{'S': " SUBMIT", 'C': " COMPLETE", 'E': " ERROR"}
)

// usbLinux prints a packet of Linux's usbmon (DLT_USB_LINUX with its
// 48-byte header, DLT_USB_LINUX_MMAPPED with 64 bytes; tcpdump's
// print-usb.c): the transfer type, event, direction and bus:device:endpoint
// from the header, nothing of the data. The bus number is in the capturing
// host's byte order, little-endian on the machines gocap is compared on.
func (p *Printer) usbLinux(b []byte, length int, mmapped bool) int {
	proto, hdrLen := "usb_linux_48_byte", 48
	if mmapped {
		proto, hdrLen = "usb_linux_64_byte", 64
	}
	r := p.reader(proto, b)
	r.need(0, hdrLen)
	p.announce("usb")
	p.print("USB")
	if p.o.Quiet {
		return hdrLen
	}
	p.print(" ")
	xfer, event := b[9], b[8]
	p.print(mapName(usbTransfers, xfer, " ?"))
	p.print(mapName(usbEvents, event, " ?"))
	// Whether the event goes to the device or comes from it.
	switch {
	case event == 'S' && xfer != 1 && xfer <= 3, (event == 'C' || event == 'E') && xfer == 1:
		p.print(" to")
	case (event == 'C' || event == 'E') && xfer != 1 && xfer <= 3, event == 'S' && xfer == 1:
		p.print(" from")
	}
	p.printf(" %d:%d:%d", binary.LittleEndian.Uint16(b[12:]), b[11], b[10]&0x7f)
	return hdrLen
}

// bluetoothH4 prints a packet of Bluetooth HCI H4 with a 4-byte direction
// pseudo-header (DLT_BLUETOOTH_HCI_H4_WITH_PHDR, tcpdump's print-bt.c): the
// protocol name, with -e the length and direction, and a dump.
func (p *Printer) bluetoothH4(b []byte, length int) int {
	const hdrLen = 4
	r := p.reader("bluetooth", b)
	p.print("bluetooth")
	r.need(0, hdrLen)
	if p.o.LinkHeader {
		dir := "out"
		if r.be32(0)&1 != 0 {
			dir = "in"
		}
		p.printf(", hci length %d, direction %s", length-hdrLen, dir)
	}
	p.defaultPrint(b[hdrLen:])
	return hdrLen
}

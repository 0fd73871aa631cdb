package printer

import (
	"fmt"
	"time"
)

var aristaTimescales = map[uint16]string{0: "TAI", 1: "UTC"}

var aristaFormats = map[uint16]string{1: "64-bit", 2: "48-bit"}

var aristaHwInfo = map[uint16]string{0: "R/R2", 1: "R3"}

// arista prints Arista's vendor-specific Ethernet header (ethertype
// 0xd28b) and returns its length, or -1 if its subtype or format is
// unknown.
func (p *Printer) arista(b []byte, length int) int {
	r := p.reader("arista", b)
	sub := r.be16(0)
	sn := "Unknown"
	if sub == 1 {
		sn = "Timestamp"
	}
	p.printf("SubType %s (0x%04x), ", sn, sub)
	if sub != 1 {
		return -1
	}
	scale := uint16(r.u8(2))
	p.printf("Timescale %s (%d), ", mapName(aristaTimescales, scale, "Unknown"), scale)
	fh := r.u8(3)
	format, hw := uint16(fh>>4), uint16(fh&0xf)
	p.printf("Format %s (%d), ", mapName(aristaFormats, format, "Unknown"), format)
	p.printf("HwInfo %s (%d), ", mapName(aristaHwInfo, hw, "Unknown"), hw)
	p.print("Timestamp ")
	n := 4
	switch format {
	case 1:
		sec, ns := r.be32(4), r.be32(8)
		t := time.Unix(int64(sec)+int64(ns/1e9), 0).UTC()
		p.printf("%s.%09d", t.Format("2006-01-02 15:04:05"), ns%1e9)
		n += 8
	case 2:
		sec, ns := uint32(r.be16(4)), r.be32(6)
		sec += ns / 1e9
		p.printf("%d.%09d", sec, ns%1e9)
		n += 6
	default:
		return -1
	}
	p.print(": ")
	return n
}

var _ = fmt.Sprint

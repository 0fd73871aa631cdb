package printer

import "github.com/gocap/gocap/cbpf"

// linkDecoder prints a packet of one link type from its link-layer header
// on and returns the length of that header, from which -x and -X dump.
type linkDecoder func(p *Printer, b []byte, length int) int

// linkDecoders is the one place that says which link types Packet
// decodes, and how. Packet dispatches on it; Supports, and so gocap -L,
// answer from it; the tests and the fuzz target take their link types
// from it. A link type it lacks is printed as tcpdump prints a type it has
// no printer for (see unsupported).
var linkDecoders = map[cbpf.LinkType]linkDecoder{
	cbpf.LinkEN10MB:         (*Printer).ether,
	cbpf.LinkNull:           (*Printer).null,
	cbpf.LinkLoop:           (*Printer).null,
	cbpf.LinkRaw:            (*Printer).raw,
	cbpf.LinkIPv4:           (*Printer).raw,
	cbpf.LinkIPv6:           (*Printer).raw,
	cbpf.LinkLinuxSLL:       (*Printer).sll,
	cbpf.LinkLinuxSLL2:      (*Printer).sll2,
	cbpf.LinkPPP:            (*Printer).pppLink,
	cbpf.LinkPPPSerial:      (*Printer).pppSerial,
	cbpf.LinkCHDLC:          (*Printer).chdlc,
	cbpf.LinkHDLC:           (*Printer).chdlc,
	cbpf.LinkIEEE80211:      (*Printer).ieee80211Bare,
	cbpf.LinkIEEE80211Radio: (*Printer).radiotap,
	cbpf.LinkNFLOG:          (*Printer).nflog,
	cbpf.LinkPPPEther: func(p *Printer, b []byte, length int) int {
		return p.pppoe(b, length)
	},
	cbpf.LinkPPPPPPD:             (*Printer).pppLink,
	cbpf.LinkSLIP:                (*Printer).slip,
	cbpf.LinkSLIPBSDOS:           (*Printer).slipBSDOS,
	cbpf.LinkEnc:                 (*Printer).enc,
	cbpf.LinkSymantecFirewall:    (*Printer).symantec,
	cbpf.LinkIPNet:               (*Printer).ipnet,
	cbpf.LinkAppleIPOverIEEE1394: (*Printer).ap1394,
	cbpf.LinkATMCLIP:             (*Printer).cip,
	cbpf.LinkIPOIB:               (*Printer).ipoib,
	cbpf.LinkPFLog:               (*Printer).pflog,
	cbpf.LinkBluetoothH4PHDR:     (*Printer).bluetoothH4,
	cbpf.LinkUSBLinux: func(p *Printer, b []byte, length int) int {
		return p.usbLinux(b, length, false)
	},
	cbpf.LinkUSBLinuxMMapped: func(p *Printer, b []byte, length int) int {
		return p.usbLinux(b, length, true)
	},
	cbpf.LinkFDDI:        (*Printer).fddi,
	cbpf.LinkPKTAP:       (*Printer).pktap,
	cbpf.LinkATMRFC1483:  (*Printer).atm,
	cbpf.LinkARCNET:      (*Printer).arcnet,
	cbpf.LinkARCNETLinux: (*Printer).arcnetLinux,
	cbpf.LinkVSOCK:       (*Printer).vsock,
	cbpf.LinkLTalk:       (*Printer).ltalk,
	// tcpdump prints a BSD/OS PPP header only when built on BSD/OS;
	// elsewhere it prints nothing of the packet.
	cbpf.LinkPPPBSDOS:          func(*Printer, []byte, int) int { return 0 },
	cbpf.LinkIEEE80211RadioAVS: (*Printer).radioAVS,
	cbpf.LinkPrismHeader:       (*Printer).prism,
	cbpf.LinkIEEE802:           (*Printer).token,
	cbpf.LinkIPOverFC:          (*Printer).ipfc,
	cbpf.LinkNetAnalyzer: func(p *Printer, b []byte, length int) int {
		return p.netAnalyzer(b, length, false)
	},
	cbpf.LinkNetAnalyzerTransparent: func(p *Printer, b []byte, length int) int {
		return p.netAnalyzer(b, length, true)
	},
	cbpf.LinkFrelay:          (*Printer).frLink,
	cbpf.LinkMFR:             (*Printer).mfrLink,
	cbpf.LinkSunATM:          (*Printer).sunatm,
	cbpf.LinkDSATagBRCM:      (*Printer).brcmLink,
	cbpf.LinkDSATagBRCMPrep:  (*Printer).brcmPrependLink,
	cbpf.LinkDSATagDSA:       (*Printer).dsaLink,
	cbpf.LinkDSATagEDSA:      (*Printer).edsaLink,
	cbpf.LinkIEEE802154:      (*Printer).wpanLink,
	cbpf.LinkIEEE802154NoFCS: (*Printer).wpanLink,
	cbpf.LinkIEEE802154TAP:   (*Printer).wpanTAPLink,
	cbpf.LinkPPI:             (*Printer).ppi,
	cbpf.LinkJuniperGGSN:     juniper(cbpf.LinkJuniperGGSN, "juniper_ggsn", (*Printer).jnxGGSN),
	cbpf.LinkJuniperES:       juniper(cbpf.LinkJuniperES, "juniper_es", (*Printer).jnxES),
	cbpf.LinkJuniperMonitor:  juniper(cbpf.LinkJuniperMonitor, "juniper_monitor", (*Printer).jnxMonitor),
	cbpf.LinkJuniperServices: juniper(cbpf.LinkJuniperServices, "juniper_services", (*Printer).jnxServices),
	cbpf.LinkJuniperPPPoE:    juniper(cbpf.LinkJuniperPPPoE, "juniper_pppoe", (*Printer).jnxPPPoE),
	cbpf.LinkJuniperEther:    juniper(cbpf.LinkJuniperEther, "juniper_ether", (*Printer).jnxEther),
	cbpf.LinkJuniperPPP:      juniper(cbpf.LinkJuniperPPP, "juniper_ppp", (*Printer).jnxPPP),
	cbpf.LinkJuniperFrelay:   juniper(cbpf.LinkJuniperFrelay, "juniper_frelay", (*Printer).jnxFrelay),
	cbpf.LinkJuniperCHDLC:    juniper(cbpf.LinkJuniperCHDLC, "juniper_chdlc", (*Printer).jnxCHDLC),
	cbpf.LinkJuniperPPPoEATM: juniper(cbpf.LinkJuniperPPPoEATM, "juniper_pppoe_atm", (*Printer).jnxPPPoEATM),
	cbpf.LinkJuniperMLPPP:    juniper(cbpf.LinkJuniperMLPPP, "juniper_mlppp", (*Printer).jnxMLPPP),
	cbpf.LinkJuniperMFR:      juniper(cbpf.LinkJuniperMFR, "juniper_mfr", (*Printer).jnxMFR),
	cbpf.LinkJuniperMLFR:     juniper(cbpf.LinkJuniperMLFR, "juniper_mlfr", (*Printer).jnxMLFR),
	cbpf.LinkJuniperATM1:     juniper(cbpf.LinkJuniperATM1, "juniper_atm1", (*Printer).jnxATM1),
	cbpf.LinkJuniperATM2:     juniper(cbpf.LinkJuniperATM2, "juniper_atm2", (*Printer).jnxATM2),

	// tcpdump prints DLT_USER2 as PKTAP, the link type macOS Mavericks
	// wrote PKTAP captures under.
	cbpf.LinkUser2: (*Printer).pktap,
}

// Supports reports whether Packet decodes packets of the link type.
// Packets of any other type are printed as tcpdump prints a type it has no
// printer for, "UNSUPPORTED" and a hex and ASCII dump, so they neither
// stop a run nor say anything about their content. tcpdump -L marks such
// types "printing not supported".
func Supports(lt cbpf.LinkType) bool {
	_, ok := linkDecoders[lt]
	return ok
}

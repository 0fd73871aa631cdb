package cbpf

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gocap/gocap/internal/corpus"
)

// TestLinkTypeCorpusNames checks that every DLT name the corpus compiles
// for (filtertests.jsonl's linktype field and features.json's DLT table)
// resolves, in any case and with or without "DLT_", and that String gives
// the name back.
func TestLinkTypeCorpusNames(t *testing.T) {
	names := map[string]bool{}
	for _, c := range corpus.LoadShared(t) {
		names[c.LinkType] = true
	}
	raw, err := os.ReadFile(filepath.Join(corpus.Dir(), "features.json"))
	if err != nil {
		t.Fatal(err)
	}
	var features struct {
		DLTfeatures map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &features); err != nil {
		t.Fatal(err)
	}
	if len(features.DLTfeatures) == 0 {
		t.Fatal("features.json has no DLTfeatures")
	}
	for name := range features.DLTfeatures {
		names[strings.TrimPrefix(name, "DLT_")] = true
	}
	for name := range names {
		for _, spelling := range []string{name, "DLT_" + name, strings.ToLower(name), "dlt_" + strings.ToLower(name)} {
			lt, ok := LinkTypeByName(spelling)
			if !ok {
				t.Errorf("LinkTypeByName(%q) failed", spelling)
				continue
			}
			if lt.String() != name {
				t.Errorf("LinkTypeByName(%q).String() = %q", spelling, lt.String())
			}
		}
	}
}

// TestLinkTypeConstants ties the generator's constants to the name table.
func TestLinkTypeConstants(t *testing.T) {
	for name, want := range map[string]LinkType{
		"NULL": LinkNull, "EN10MB": LinkEN10MB, "RAW": LinkRaw, "LOOP": LinkLoop,
		"LINUX_SLL": LinkLinuxSLL, "IPV4": LinkIPv4, "IPV6": LinkIPv6, "LINUX_SLL2": LinkLinuxSLL2,
		"EN3MB": LinkEN3MB, "PRONET": LinkPronet, "CHAOS": LinkChaos, "DOCSIS": LinkDOCSIS,
		"AX25_KISS": LinkAX25KISS, "FC_2": LinkFC2, "CAN_SOCKETCAN": LinkCANSocketCAN,
		"IEEE802_15_4_NOFCS": LinkIEEE802154NoFCS, "NFLOG": LinkNFLOG, "VSOCK": LinkVSOCK,
		"PRISM_HEADER": LinkPrismHeader, "IEEE802_11_RADIO": LinkIEEE80211Radio,
		"PPP_SERIAL": LinkPPPSerial, "PPP_ETHER": LinkPPPEther, "C_HDLC": LinkCHDLC,
		"MFR": LinkMFR, "IEEE802_15_4": LinkIEEE802154, "IEEE802_15_4_TAP": LinkIEEE802154TAP,
		"DSA_TAG_BRCM_PREPEND": LinkDSATagBRCMPrep, "DSA_TAG_EDSA": LinkDSATagEDSA,
		"JUNIPER_MLPPP": LinkJuniperMLPPP, "JUNIPER_MLFR": LinkJuniperMLFR, "JUNIPER_ES": LinkJuniperES,
		"JUNIPER_GGSN": LinkJuniperGGSN, "JUNIPER_ATM2": LinkJuniperATM2, "JUNIPER_SERVICES": LinkJuniperServices,
		"JUNIPER_ATM1": LinkJuniperATM1, "JUNIPER_MONITOR": LinkJuniperMonitor, "JUNIPER_PPPOE": LinkJuniperPPPoE,
		"JUNIPER_PPPOE_ATM": LinkJuniperPPPoEATM, "JUNIPER_ETHER": LinkJuniperEther, "JUNIPER_PPP": LinkJuniperPPP,
		"JUNIPER_FRELAY": LinkJuniperFrelay, "JUNIPER_CHDLC": LinkJuniperCHDLC,
	} {
		if got, ok := LinkTypeByName(name); !ok || got != want {
			t.Errorf("LinkTypeByName(%q) = %d, %v; want %d", name, got, ok, want)
		}
	}
}

// TestLinkTypeNameIn110 covers the names tcpdump 4.99.3 prints: libpcap
// master's where 1.10.3 has the same, 1.10.3's own where it differs, and
// none for values 1.10.3 does not name (TestLinkTypesReadLikeTcpdump in
// cmd/gocap checks every value to 310 against tcpdump).
func TestLinkTypeNameIn110(t *testing.T) {
	for _, tc := range []struct {
		lt         LinkType
		name, desc string
	}{
		{LinkEN10MB, "EN10MB", "Ethernet"},
		{LinkLinuxSLL2, "LINUX_SLL2", "Linux cooked v2"},
		{209, "IPMB_LINUX", "IPMB with Linux/Pigeon Point pseudo-header"},
		{LinkEN3MB, "", ""},
		{32, "", ""},
		{290, "", ""},
		{4000, "", ""},
	} {
		name, desc, ok := tc.lt.NameIn110()
		if name != tc.name || desc != tc.desc || ok != (tc.name != "") {
			t.Errorf("%d: NameIn110() = %q, %q, %v; want %q, %q", tc.lt, name, desc, ok, tc.name, tc.desc)
		}
	}
}

// TestLinkTypeNumbersAndUnknowns covers decimal input and names libpcap
// does not know.
func TestLinkTypeNumbersAndUnknowns(t *testing.T) {
	if lt, ok := LinkTypeByName("1"); !ok || lt != LinkEN10MB {
		t.Errorf(`LinkTypeByName("1") = %d, %v`, lt, ok)
	}
	if lt, ok := LinkTypeByName("4000"); !ok || lt != 4000 || lt.String() != "4000" || lt.Description() != "DLT 4000" {
		t.Errorf(`LinkTypeByName("4000") = %d (%s, %s), %v`, lt, lt, lt.Description(), ok)
	}
	for _, bad := range []string{"", "DLT_", "ETHERNET", "-1", "0x1", "EN10MB ", "99999999999"} {
		if lt, ok := LinkTypeByName(bad); ok {
			t.Errorf("LinkTypeByName(%q) = %d, want failure", bad, lt)
		}
	}
}

// TestLinkTypeDescriptionTcpdump reads the shared captures with the local
// tcpdump and checks that our name and description match the
// "link-type NAME (DESCRIPTION)" it prints for each.
func TestLinkTypeDescriptionTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed; install it to compare link-type descriptions")
	}
	var files []string
	for _, glob := range []string{"../../shared/corpus/libpcap/savefiles/filter/*", "../../shared/corpus/tcpdump-pcaps/*.pcap*"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no shared captures found under ../../shared/corpus")
	}
	re := regexp.MustCompile(`link-type ([A-Z0-9_]+) \((.*)\), snapshot`)
	seen := map[string]bool{}
	for _, f := range files {
		out, _ := exec.Command(tcpdump, "-nr", f, "-c", "1").CombinedOutput()
		m := re.FindSubmatch(out)
		if m == nil {
			continue
		}
		name, desc := string(m[1]), string(m[2])
		seen[name] = true
		lt, ok := LinkTypeByName(name)
		if !ok {
			t.Errorf("%s: tcpdump says %s, which LinkTypeByName does not know", f, name)
			continue
		}
		if lt.String() != name || lt.Description() != desc {
			t.Errorf("%s: got %s (%s), tcpdump says %s (%s)", f, lt, lt.Description(), name, desc)
		}
	}
	if len(seen) < 5 {
		t.Fatalf("tcpdump named only %d link types in %d files", len(seen), len(files))
	}
	t.Logf("checked %d link types against tcpdump", len(seen))
}

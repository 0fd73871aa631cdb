package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// snmpRandTags are the BER tags snmpRandElem draws from: the universal
// and application types SNMP uses, context tags, the PDUs and two long
// tags.
var snmpRandTags = []string{"02", "04", "05", "06", "30", "40", "41", "42", "43", "44", "46", "80", "81", "82",
	"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "1f", "3f"}

// snmpRandElem is a random BER element: a constructed one holds up to
// three random elements (to depth 4), a long tag is followed by random
// bytes, any other holds random contents.
func snmpRandElem(rng *rand.Rand, depth int) string {
	tag := snmpRandTags[rng.IntN(len(snmpRandTags))]
	switch {
	case (tag == "30" || tag[0] == 'a') && depth < 4:
		var c []string
		for range rng.IntN(4) {
			c = append(c, snmpRandElem(rng, depth+1))
		}
		return ber(tag, c...)
	case tag == "1f" || tag == "3f":
		return tag + hex.EncodeToString(randBytes(rng, rng.IntN(4)))
	}
	return ber(tag, hex.EncodeToString(randBytes(rng, rng.IntN(10))))
}

// snmpRandPDU is a PDU of a random type (a trap of either form) whose
// variable bindings hold random values, some bindings random elements.
func snmpRandPDU(rng *rand.Rand) string {
	sysDescr := ber("06", "2b06010201010100")
	tag := fmt.Sprintf("a%d", rng.IntN(9))
	var vbs []string
	for range rng.IntN(4) {
		if rng.IntN(3) == 0 {
			vbs = append(vbs, snmpRandElem(rng, 2))
		} else {
			vbs = append(vbs, vb(sysDescr, snmpRandElem(rng, 3)))
		}
	}
	if tag == "a4" && rng.IntN(2) == 0 {
		return ber("a4", ber("06", "2b0601040109"), ber("40", "0a000001"), berInt(fmt.Sprintf("%02x", rng.IntN(8))),
			berInt("05"), ber("43", "0100"), ber("30", vbs...))
	}
	return ber(tag, berInt("01"), berInt(fmt.Sprintf("%02x", rng.IntN(20))), berInt("00"), ber("30", vbs...))
}

// snmpRandMsg is an SNMP message: v1, v2c or an unknown version around
// a random PDU, SNMPv3 with each msgFlags value and a random or regular
// USM and scoped PDU, or a random element.
func snmpRandMsg(rng *rand.Rand) string {
	switch rng.IntN(4) {
	case 0, 1:
		return snmpMsg([]string{"00", "01", "02"}[rng.IntN(3)], "public", snmpRandPDU(rng))
	case 2:
		flags := []string{"00", "01", "03", "04", "05", "07", "02"}[rng.IntN(7)]
		usm := ber("30", ber("04", "8000000001"), berInt("05"), berInt("0102"), berStr("alice"), berStr(""), berStr(""))
		if rng.IntN(3) == 0 {
			usm = snmpRandElem(rng, 1)
		}
		scoped := ber("30", ber("04", "80000000"), berStr("ctx"), snmpRandPDU(rng))
		if rng.IntN(2) == 0 {
			scoped = ber("04", hex.EncodeToString(randBytes(rng, 8)))
		}
		return ber("30", berInt("03"), ber("30", berInt("01"), berInt("0400"), ber("04", flags), berInt("03")), ber("04", usm), scoped)
	}
	return snmpRandElem(rng, 0)
}

// snmpRandomCases are n random SNMP messages from the seed to the agent
// and trap ports, one in five cut short.
func snmpRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 161, n, 5, func(rng *rand.Rand) (string, int) {
		m := snmpRandMsg(rng)
		pkt := craftedUDP4(1024, []uint16{161, 162}[rng.IntN(2)], m)
		return pkt, hexLen(m)
	})
}

func init() { addFuzzSeeds(snmpRandomCases(3, 40)) }

// TestSNMPRandomLikeTcpdump prints snmpRandomCases as tcpdump does.
func TestSNMPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "snmprandom", snmpRandomCases(1, 600))
}

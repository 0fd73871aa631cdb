package printer

import (
	"bytes"
	"net/netip"
)

// AFS services on Rx, by UDP port (tcpdump decodes ports 7000-7009 as Rx).
const (
	rxPortFS    = 7000
	rxPortCB    = 7001
	rxPortPT    = 7002
	rxPortVLDB  = 7003
	rxPortKAuth = 7004
	rxPortVol   = 7005
	rxPortBOS   = 7007

	rxHdrLen = 28

	rxData      = 1
	rxAck       = 2
	rxAbort     = 4
	rxClientIni = 1
)

var rxTypes = map[uint8]string{1: "data", 2: "ack", 3: "busy", 4: "abort", 5: "ackall",
	6: "challenge", 7: "response", 8: "debug", 9: "params", 13: "version"}

var rxFlagNames = []struct {
	flag, typ uint8
	name      string
}{
	{1, 0, "client-init"}, {2, 0, "req-ack"}, {4, 0, "last-pckt"}, {8, 0, "more-pckts"},
	{16, 0, "free-pckt"}, {32, rxAck, "slow-start"}, {32, rxData, "jumbogram"},
}

var rxFSOps = map[uint32]string{
	130: "fetch-data", 131: "fetch-acl", 132: "fetch-status", 133: "store-data", 134: "store-acl",
	135: "store-status", 136: "remove-file", 137: "create-file", 138: "rename", 139: "symlink",
	140: "link", 141: "makedir", 142: "rmdir", 143: "oldsetlock", 144: "oldextlock",
	145: "oldrellock", 146: "get-stats", 147: "give-cbs", 148: "get-vlinfo", 149: "get-vlstats",
	150: "set-vlstats", 151: "get-rootvl", 152: "check-token", 153: "get-time", 154: "nget-vlinfo",
	155: "bulk-stat", 156: "setlock", 157: "extlock", 158: "rellock", 159: "xstat-ver",
	160: "get-xstat", 161: "dfs-lookup", 162: "dfs-flushcps", 163: "dfs-symlink", 220: "residency",
	65536: "inline-bulk-status", 65537: "fetch-data-64", 65538: "store-data-64",
	65539: "give-up-all-cbs", 65540: "get-caps", 65541: "cb-rx-conn-addr",
}

var rxCBOps = map[uint32]string{
	204: "callback", 205: "initcb", 206: "probe", 207: "getlock", 208: "getce", 209: "xstatver",
	210: "getxstat", 211: "initcb2", 212: "whoareyou", 213: "initcb3", 214: "probeuuid",
	215: "getsrvprefs", 216: "getcellservdb", 217: "getlocalcell", 218: "getcacheconf",
	65536: "getce64", 65537: "getcellbynum", 65538: "tellmeaboutyourself",
}

var rxPTOps = map[uint32]string{
	500: "new-user", 501: "where-is-it", 502: "dump-entry", 503: "add-to-group", 504: "name-to-id",
	505: "id-to-name", 506: "delete", 507: "remove-from-group", 508: "get-cps", 509: "new-entry",
	510: "list-max", 511: "set-max", 512: "list-entry", 513: "change-entry", 514: "list-elements",
	515: "same-mbr-of", 516: "set-fld-sentry", 517: "list-owned", 518: "get-cps2",
	519: "get-host-cps", 520: "update-entry", 521: "list-entries", 530: "list-super-groups",
}

var rxVLDBOps = map[uint32]string{
	501: "create-entry", 502: "delete-entry", 503: "get-entry-by-id", 504: "get-entry-by-name",
	505: "get-new-volume-id", 506: "replace-entry", 507: "update-entry", 508: "setlock",
	509: "releaselock", 510: "list-entry", 511: "list-attrib", 512: "linked-list",
	513: "get-stats", 514: "probe", 515: "get-addrs", 516: "change-addr", 517: "create-entry-n",
	518: "get-entry-by-id-n", 519: "get-entry-by-name-n", 520: "replace-entry-n",
	521: "list-entry-n", 522: "list-attrib-n", 523: "linked-list-n", 524: "update-entry-by-name",
	525: "create-entry-u", 526: "get-entry-by-id-u", 527: "get-entry-by-name-u",
	528: "replace-entry-u", 529: "list-entry-u", 530: "list-attrib-u", 531: "linked-list-u",
	532: "regaddr", 533: "get-addrs-u", 534: "list-attrib-n2",
}

var rxKAuthOps = map[uint32]string{
	1: "auth-old", 21: "authenticate", 22: "authenticate-v2", 2: "change-pw", 3: "get-ticket-old",
	23: "get-ticket", 4: "set-pw", 5: "set-fields", 6: "create-user", 7: "delete-user",
	8: "get-entry", 9: "list-entry", 10: "get-stats", 11: "debug", 12: "get-pw",
	13: "get-random-key", 14: "unlock", 15: "lock-status",
}

var rxVolOps = map[uint32]string{
	100: "create-volume", 101: "delete-volume", 102: "restore", 103: "forward", 104: "end-trans",
	105: "clone", 106: "set-flags", 107: "get-flags", 108: "trans-create", 109: "dump",
	110: "get-nth-volume", 111: "set-forwarding", 112: "get-name", 113: "get-status",
	114: "sig-restore", 115: "list-partitions", 116: "list-volumes", 117: "set-id-types",
	118: "monitor", 119: "partition-info", 120: "reclone", 121: "list-one-volume", 122: "nuke",
	123: "set-date", 124: "x-list-volumes", 125: "x-list-one-volume", 126: "set-info",
	127: "x-list-partitions", 128: "forward-multiple", 65536: "convert-ro", 65537: "get-size",
	65538: "dump-v2",
}

var rxBOSOps = map[uint32]string{
	80: "create-bnode", 81: "delete-bnode", 82: "set-status", 83: "get-status",
	84: "enumerate-instance", 85: "get-instance-info", 86: "get-instance-parm",
	87: "add-superuser", 88: "delete-superuser", 89: "list-superusers", 90: "list-keys",
	91: "add-key", 92: "delete-key", 93: "set-cell-name", 94: "get-cell-name",
	95: "get-cell-host", 96: "add-cell-host", 97: "delete-cell-host", 98: "set-t-status",
	99: "shutdown-all", 100: "restart-all", 101: "startup-all", 102: "set-noauth-flag",
	103: "re-bozo", 104: "restart", 105: "start-bozo-install", 106: "uninstall",
	107: "get-dates", 108: "exec", 109: "prune", 110: "set-restart-time",
	111: "get-restart-time", 112: "start-bozo-log", 113: "wait-all",
	114: "get-instance-strings", 115: "get-restricted", 116: "set-restricted",
}

var rxUbikOps = map[uint32]string{
	10000: "vote-beacon", 10001: "vote-debug-old", 10002: "vote-sdebug-old",
	10003: "vote-getsyncsite", 10004: "vote-debug", 10005: "vote-sdebug", 10006: "vote-xdebug",
	10007: "vote-xsdebug", 20000: "disk-begin", 20001: "disk-commit", 20002: "disk-lock",
	20003: "disk-write", 20004: "disk-getversion", 20005: "disk-getfile", 20006: "disk-sendfile",
	20007: "disk-abort", 20008: "disk-releaselocks", 20009: "disk-truncate", 20010: "disk-probe",
	20011: "disk-writev", 20012: "disk-interfaceaddr", 20013: "disk-setversion",
}

var rxAFSErrors = map[int32]string{
	101: "salvage volume", 102: "no such vnode", 103: "no such volume", 104: "volume exist",
	105: "no service", 106: "volume offline", 107: "voline online", 108: "diskfull",
	109: "diskquota exceeded", 110: "volume busy", 111: "volume moved", 112: "AFS IO error",
	-100: "restarting fileserver",
}

var rxAckReasons = map[uint8]string{1: "ack requested", 2: "duplicate packet",
	3: "out of sequence", 4: "exceeds window", 5: "no buffer space", 6: "ping",
	7: "ping response", 8: "delay", 9: "idle"}

func opName(m map[uint32]string, op uint32) string {
	if s, ok := m[op]; ok {
		return s
	}
	return sprintf("op#%d", op)
}

func isUbik(op uint32) bool {
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013)
}

// rxCall remembers one Rx call so that its reply can be named: tcpdump
// keeps the last 64 calls in a ring and searches it from where the last
// match was found.
type rxCall struct {
	callnum        uint32
	client, server netip.Addr
	dport          uint16
	service        uint16
	opcode         uint32
}

type rxCache struct {
	ent        [64]rxCall
	next, hint int
}

// rxReader walks the XDR-encoded arguments of an AFS call: a reader of
// the Rx packet with a cursor. Its checks return to the label of the
// service printer (fs, cb, ...) that made it.
type rxReader struct {
	reader
	off int
}

// rxArgs returns an rxReader of the Rx packet b from off; it announces
// nothing, the service's label names the marker.
func (p *Printer) rxArgs(b []byte, off int) *rxReader {
	return &rxReader{reader: reader{p: p, b: b, proto: "rx"}, off: off}
}

func (r *rxReader) u32() uint32 {
	v := r.be32(r.off)
	r.off += 4
	return v
}

func (r *rxReader) skip(n int) { r.off += n }

func (r *rxReader) uint()  { r.p.printf(" %d", r.u32()) }
func (r *rxReader) int()   { r.p.printf(" %d", int32(r.u32())) }
func (r *rxReader) int64() { r.p.printf(" %d", uint64(r.u32())<<32|uint64(r.u32())) }

// field prints " name", the label of the value the read that follows it
// prints: r.field("offset").uint().
func (r *rxReader) field(name string) *rxReader {
	r.p.print(" " + name)
	return r
}

// list prints a counted list, each element with each and, when comma is
// set, a comma between elements; an empty list prints " <none!>".
func (r *rxReader) list(comma bool, each func()) {
	n := r.u32()
	for i := uint32(0); i < n; i++ {
		each()
		if comma && i != n-1 {
			r.p.print(",")
		}
	}
	if n == 0 {
		r.p.print(" <none!>")
	}
}

func (r *rxReader) fid() {
	r.check(r.off, 12)
	r.p.printf(" fid %d/%d/%d", r.u32(), r.u32(), r.u32())
}

// str prints a counted string of at most max bytes, padded to 4 bytes.
func (r *rxReader) str(max uint32) {
	n := r.u32()
	if n > max {
		gotoTrunc()
	}
	r.p.print(" \"")
	if !r.p.printN(r.b[min(r.off, len(r.b)):], int(n)) {
		gotoTrunc()
	}
	r.p.print("\"")
	r.off += int((n + 3) / 4 * 4)
}

// date prints a time in seconds as tcpdump's DATEOUT does.
func (r *rxReader) date() {
	t := r.p.localTime(int64(int32(r.u32())))
	r.p.printf(" %04d/%02d/%02d %02d:%02d:%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second())
}

// vec prints a string stored one character per 32-bit word, max words.
func (r *rxReader) vec(max int) {
	r.check(r.off, max*4)
	s := make([]byte, max)
	for k := range s {
		s[k] = byte(r.u32())
	}
	r.p.print(" \"")
	r.p.printCString(s)
	r.p.print("\"")
}

func (r *rxReader) storeAttr() {
	r.check(r.off, 24)
	mask := r.u32()
	if mask != 0 {
		r.p.print(" StoreStatus")
	}
	if mask&1 != 0 {
		r.p.print(" date")
		r.date()
	} else {
		r.skip(4)
	}
	if v := r.u32(); mask&2 != 0 {
		r.p.printf(" owner %d", v)
	}
	if v := r.u32(); mask&4 != 0 {
		r.p.printf(" group %d", v)
	}
	if v := r.u32(); mask&8 != 0 {
		r.p.printf(" mode %o", v&07777)
	}
	if v := r.u32(); mask&16 != 0 {
		r.p.printf(" segsize %d", v)
	}
	if mask&1024 != 0 {
		r.p.print(" fsync")
	}
}

func (r *rxReader) ubikVersion() {
	r.check(r.off, 8)
	r.p.printf(" %d.%d", r.u32(), r.u32())
}

func (r *rxReader) uuid() {
	r.check(r.off, 44)
	r.p.printf(" %08x", r.u32())
	r.p.printf("%04x", r.u32())
	r.p.printf("%04x", r.u32())
	for i := 0; i < 8; i++ {
		r.p.printf("%02x", byte(r.u32()))
	}
}

func (r *rxReader) destServer() {
	r.check(r.off, 12)
	r.p.printf(" server %d:%d:%d", r.u32(), r.u32(), r.u32())
}

// rx prints an AFS Rx packet; b is the UDP payload and length its length.
func (p *Printer) rx(b []byte, length int, sport, dport uint16, h *ipHdr) {
	r := p.reader("rx", b)
	if !r.has(0, rxHdrLen) {
		r.trunc()
		p.printf(" (%d)", length)
		return
	}
	typ, flags := b[20], b[21]
	if s, ok := rxTypes[typ]; ok {
		p.printf(" rx %s", s)
	} else {
		p.printf(" rx type %d", typ)
	}
	seq := r.be32(12)
	if p.o.Verbose > 0 {
		if p.o.Verbose > 1 {
			p.printf(" cid %08x call# %d", r.be32(4), r.be32(8))
		}
		p.printf(" seq %d ser %d", seq, r.be32(16))
		if p.o.Verbose > 2 {
			p.printf(" secindex %d serviceid %d", b[23], r.be16(26))
		}
		if p.o.Verbose > 1 {
			first := true
			for _, f := range rxFlagNames {
				if flags&f.flag != 0 && (f.typ == 0 || f.typ == typ) {
					if first {
						p.print(" ")
						first = false
					} else {
						p.print(",")
					}
					p.printf("<%s>", f.name)
				}
			}
		}
	}
	var opcode uint32
	switch {
	case typ == rxData && seq == 1 && flags&rxClientIni != 0:
		p.rxCacheInsert(b, h, dport)
		switch dport {
		case rxPortFS:
			p.label("fs", func() { p.rxFS(b, length) })
		case rxPortCB:
			p.label("cb", func() { p.rxCB(b, length) })
		case rxPortPT:
			p.label("pt", func() { p.rxPT(b, length) })
		case rxPortVLDB:
			p.label("vldb", func() { p.rxVLDB(b, length) })
		case rxPortKAuth:
			p.label("kauth", func() { p.rxKAuth(b, length) })
		case rxPortVol:
			p.label("vol", func() { p.rxVol(b, length) })
		case rxPortBOS:
			p.label("bos", func() { p.rxBOS(b, length) })
		}
	case ((typ == rxData && seq == 1) || typ == rxAbort) && flags&rxClientIni == 0 &&
		p.rxCacheFind(b, h, sport, &opcode):
		switch sport {
		case rxPortFS:
			p.label("fs", func() { p.rxFSReply(b, length, opcode) })
		case rxPortCB:
			p.label("cb", func() { p.rxCBReply(b, length, opcode) })
		case rxPortPT:
			p.label("pt", func() { p.rxPTReply(b, length, opcode) })
		case rxPortVLDB:
			p.label("vldb", func() { p.rxVLDBReply(b, length, opcode) })
		case rxPortKAuth:
			p.rxSimpleReply(b, length, opcode, "kauth", rxKAuthOps, true)
		case rxPortVol:
			p.label("vol", func() { p.rxVolReply(b, length, opcode) })
		case rxPortBOS:
			p.rxSimpleReply(b, length, opcode, "bos", rxBOSOps, false)
		}
	case typ == rxAck:
		p.label("ack", func() { p.rxAck(b, length) })
	}
	p.printf(" (%d)", length)
}

// rxAddrs returns the client and server addresses tcpdump's cache keys
// on; for IPv6 it reads the header as IPv4, as tcpdump does.
func rxAddrs(h *ipHdr) (src, dst netip.Addr) {
	if !h.v6 {
		return h.src, h.dst
	}
	s := h.src.As16()
	return netip.AddrFrom4([4]byte(s[4:8])), netip.AddrFrom4([4]byte(s[8:12]))
}

func (p *Printer) rxCacheInsert(b []byte, h *ipHdr, dport uint16) {
	if len(b) < rxHdrLen+4 {
		return
	}
	c := &p.state.rx
	src, dst := rxAddrs(h)
	c.ent[c.next] = rxCall{callnum: be32(b, 8), client: src, server: dst, dport: dport,
		service: be16(b, 26), opcode: be32(b, rxHdrLen)}
	c.next = (c.next + 1) % len(c.ent)
}

func (p *Printer) rxCacheFind(b []byte, h *ipHdr, sport uint16, opcode *uint32) bool {
	c := &p.state.rx
	src, dst := rxAddrs(h)
	callnum, service := be32(b, 8), be16(b, 26)
	zero := netip.AddrFrom4([4]byte{})
	i := c.hint
	for {
		e := &c.ent[i]
		client, server := e.client, e.server
		if !client.IsValid() {
			client, server = zero, zero
		}
		if e.callnum == callnum && client == dst && server == src && e.service == service && e.dport == sport {
			c.hint = i
			*opcode = e.opcode
			return true
		}
		i = (i + 1) % len(c.ent)
		if i == c.hint {
			return false
		}
	}
}

func (p *Printer) rxFS(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "fs", rxFSOps, false)
	if r == nil {
		return
	}
	switch op {
	case 130:
		r.fid()
		r.field("offset").uint()
		r.field("length").uint()
	case 131, 132, 143, 144, 145, 156, 157, 158:
		r.fid()
	case 135:
		r.fid()
		r.storeAttr()
	case 133:
		r.fid()
		r.storeAttr()
		r.field("offset").uint()
		r.field("length").uint()
		r.field("flen").uint()
	case 134:
		r.fid()
		n := int(r.u32())
		r.check(r.off, n)
		p.rxACL(b[r.off : r.off+min(n, 1024)])
	case 137, 141:
		r.fid()
		r.str(256)
		r.storeAttr()
	case 136, 142:
		r.fid()
		r.str(256)
	case 138:
		r.field("old").fid()
		r.str(256)
		r.field("new").fid()
		r.str(256)
	case 139:
		r.fid()
		r.str(256)
		r.field("link to").str(256)
	case 140:
		r.fid()
		r.str(256)
		r.field("link to").fid()
	case 148:
		r.str(256)
	case 149, 150:
		r.field("volid").uint()
	case 154:
		r.field("volname").str(256)
	case 155, 65536:
		r.list(true, r.fid)
	case 65537:
		r.fid()
		r.field("offset").int64()
		r.field("length").int64()
	case 65538:
		r.fid()
		r.storeAttr()
		r.field("offset").int64()
		r.field("length").int64()
		r.field("flen").int64()
	case 65541:
		r.field("addr").uint()
	}
}

func (p *Printer) rxFSReply(b []byte, length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	p.printf(" fs reply %s", opName(rxFSOps, op))
	typ := b[20]
	r := p.rxArgs(b, rxHdrLen)
	switch typ {
	case rxData:
		switch op {
		case 131:
			n := int(r.u32())
			r.check(r.off, n)
			p.rxACL(b[r.off : r.off+min(n, 1024)])
		case 137, 141:
			r.field("new").fid()
		case 151:
			r.field("root volume").str(256)
		case 153:
			r.date()
		}
	case rxAbort:
		code := int32(r.u32())
		if s, ok := rxAFSErrors[code]; ok {
			p.printf(" error %s", s)
		} else {
			p.printf(" error #%d", code)
		}
	default:
		p.printf(" strange fs reply of type %d", typ)
	}
}

// rxACLBits are the rights of an AFS ACL entry, in tcpdump's order.
var rxACLBits = []bitTok{{1, "r"}, {8, "l"}, {4, "i"}, {16, "d"}, {2, "w"}, {32, "k"}, {64, "a"}}

// rxACL prints an AFS access list: "pos neg\n" then "user bits\n" lines,
// read the way C's sscanf reads them (aclScan), so that bytes that are
// not text, signs and out-of-range numbers come out as with tcpdump.
func (p *Printer) rxACL(s []byte) {
	if i := bytes.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	sc := aclScan{b: s}
	pos, ok1 := sc.number()
	sc.spaces()
	neg, ok2 := sc.number()
	if !ok1 || !ok2 {
		return
	}
	sc.spaces()
	entry := func(sign string) bool {
		user, ok := sc.word(1024)
		if !ok {
			return false
		}
		sc.spaces()
		acl, ok := sc.number()
		if !ok {
			return false
		}
		sc.spaces()
		p.printf(" %s{", sign)
		p.printCString(user)
		p.print(" ")
		p.print(bitTokNoSep(rxACLBits, "", uint32(acl)))
		p.print("}")
		return true
	}
	for i := int32(0); i < pos; i++ {
		if !entry("+") {
			return
		}
	}
	for i := int32(0); i < neg; i++ {
		if !entry("-") {
			return
		}
	}
}

// aclScan reads an AFS access list as C's sscanf reads it with "%d",
// "%1024s" and white space directives.
type aclScan struct {
	b   []byte
	off int
}

// aclSpace is C's isspace in the C locale.
func aclSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// spaces skips white space, as a space or newline in a format does.
func (sc *aclScan) spaces() {
	for sc.off < len(sc.b) && aclSpace(sc.b[sc.off]) {
		sc.off++
	}
}

// number reads a "%d": white space, a sign and at least one digit. Like
// glibc it converts to a 64-bit long, saturating, and keeps the low 32
// bits.
func (sc *aclScan) number() (int32, bool) {
	sc.spaces()
	i := sc.off
	negative := false
	if i < len(sc.b) && (sc.b[i] == '+' || sc.b[i] == '-') {
		negative = sc.b[i] == '-'
		i++
	}
	start := i
	var v uint64
	over := false
	for i < len(sc.b) && sc.b[i] >= '0' && sc.b[i] <= '9' {
		d := uint64(sc.b[i] - '0')
		if v > (1<<63-d)/10 {
			over = true
		} else {
			v = v*10 + d
		}
		i++
	}
	if i == start {
		return 0, false
	}
	sc.off = i
	var l int64
	switch {
	case over || (!negative && v > 1<<63-1):
		l = -1 << 63
		if !negative {
			l = 1<<63 - 1
		}
	case negative:
		l = -int64(v)
	default:
		l = int64(v)
	}
	return int32(l), true
}

// word reads a "%Ns": white space, then up to max bytes up to the next
// white space, at least one.
func (sc *aclScan) word(max int) ([]byte, bool) {
	sc.spaces()
	i := sc.off
	for i < len(sc.b) && i-sc.off < max && !aclSpace(sc.b[i]) {
		i++
	}
	if i == sc.off {
		return nil, false
	}
	w := sc.b[sc.off:i]
	sc.off = i
	return w, true
}

func (p *Printer) rxCB(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "cb", rxCBOps, false)
	if r == nil {
		return
	}
	switch op {
	case 204:
		r.list(true, r.fid)
		j := r.u32()
		if j != 0 {
			p.print(";")
		}
		for i := uint32(0); i < j; i++ {
			r.field("ver").int()
			r.field("expires").date()
			r.u32()
		}
	case 214:
		r.field("afsuuid").uuid()
	}
}

func (p *Printer) rxCBReply(b []byte, length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	if r := p.rxReplyHead(b, op, "cb", rxCBOps, false); r != nil && op == 213 {
		r.uuid()
	}
}

func (p *Printer) rxPT(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "pt", rxPTOps, true)
	if r == nil {
		return
	}
	switch op {
	case 500:
		r.str(64)
		r.field("id").int()
		r.field("oldid").int()
	case 501, 506, 508, 512, 514, 517, 518, 519, 530:
		r.field("id").int()
	case 502:
		r.field("pos").int()
	case 503, 507, 515:
		r.field("uid").int()
		r.field("gid").int()
	case 504:
		r.list(false, func() { r.vec(64) })
	case 505:
		p.print(" ids:")
		r.list(false, r.int)
	case 509:
		r.str(64)
		r.field("flag").int()
		r.field("oid").int()
	case 511:
		r.field("id").int()
		r.field("gflag").int()
	case 513:
		r.field("id").int()
		r.str(64)
		r.field("oldid").int()
		r.field("newid").int()
	case 520:
		r.field("id").int()
		r.str(64)
	}
}

func (p *Printer) rxPTReply(b []byte, length int, op uint32) {
	if length < rxHdrLen {
		return
	}
	r := p.rxReplyHead(b, op, "pt", rxPTOps, true)
	if r == nil {
		return
	}
	switch op {
	case 504:
		p.print(" ids:")
		r.list(false, r.int)
	case 505:
		r.list(false, func() { r.vec(64) })
	case 508, 514, 517, 518, 519:
		r.list(false, r.int)
	case 510:
		r.field("maxuid").int()
		r.field("maxgid").int()
	}
}

func (p *Printer) rxVLDB(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "vldb", rxVLDBOps, true)
	if r == nil {
		return
	}
	voltype := func() {
		if i := r.u32(); i <= 2 {
			p.printf(" type %s", []string{"read-write", "read-only", "backup"}[i])
		}
	}
	switch op {
	case 501, 517:
		r.vec(65)
	case 502, 503, 507, 508, 509, 518:
		r.field("volid").int()
		voltype()
	case 504, 519, 524, 527:
		r.str(65)
	case 505:
		r.field("bump").int()
	case 506, 520:
		r.field("volid").int()
		voltype()
		r.vec(65)
	case 510, 521:
		r.field("index").int()
	}
}

func (p *Printer) rxVLDBReply(b []byte, length int, op uint32) {
	if length < rxHdrLen {
		return
	}
	r := p.rxReplyHead(b, op, "vldb", rxVLDBOps, true)
	if r == nil {
		return
	}
	partitions := func(n int, nservers uint32) {
		p.print(" partitions")
		for i := 0; i < n; i++ {
			j := r.u32()
			if uint32(i) < nservers {
				if j <= 26 {
					p.printf(" %c", 'a'+rune(j))
				} else {
					p.printf(" %d", j)
				}
			}
		}
		r.check(r.off, 4*n)
		r.skip(4 * n)
		r.field("rwvol").uint()
		r.field("rovol").uint()
		r.field("backup").uint()
	}
	servers := func(n int, nservers uint32) {
		p.print(" servers")
		for i := 0; i < n; i++ {
			r.check(r.off, 4)
			if uint32(i) < nservers {
				p.printf(" %s", addr4(b[r.off:])) // numeric even without -n, as tcpdump prints it
			}
			r.skip(4)
		}
	}
	switch op {
	case 510, 503, 504:
		if op == 510 {
			r.field("count").int()
			r.field("nextindex").int()
		}
		r.vec(65)
		r.check(r.off, 4)
		r.skip(4)
		p.print(" numservers")
		ns := r.u32()
		p.printf(" %d", ns)
		servers(8, ns)
		partitions(8, ns)
	case 505:
		r.field("newvol").uint()
	case 521, 529, 518, 519:
		if op == 521 || op == 529 {
			r.field("count").int()
			r.field("nextindex").int()
		}
		r.vec(65)
		p.print(" numservers")
		ns := r.u32()
		p.printf(" %d", ns)
		servers(13, ns)
		partitions(13, ns)
	case 526, 527:
		r.vec(65)
		p.print(" numservers")
		ns := r.u32()
		p.printf(" %d", ns)
		p.print(" servers")
		for i := uint32(0); i < 13; i++ {
			if i < ns {
				r.field("afsuuid").uuid()
			} else {
				r.check(r.off, 44)
				r.skip(44)
			}
		}
		r.check(r.off, 4*13)
		r.skip(4 * 13)
		partitions(13, ns)
	}
}

func (p *Printer) rxKAuth(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "kauth", rxKAuthOps, true)
	if r == nil {
		return
	}
	switch op {
	case 1, 21, 22, 2, 5, 6, 7, 8, 14, 15:
		r.field("principal").str(64)
		r.str(64)
	case 3, 23:
		r.field("kvno").int()
		r.field("domain").str(64)
		n := int(r.u32())
		r.check(r.off, n)
		r.skip(n)
		r.field("principal").str(64)
		r.str(64)
	case 4:
		r.field("principal").str(64)
		r.str(64)
		r.field("kvno").int()
	case 12:
		r.field("name").str(64)
	}
}

// rxSimpleReply prints the replies tcpdump does not decode beyond their
// error code (kauth, bos).
func (p *Printer) rxSimpleReply(b []byte, length int, op uint32, name string, ops map[uint32]string, ubik bool) {
	if length <= rxHdrLen {
		return
	}
	p.rxReplyHead(b, op, name, ops, ubik)
}

// rxCallHead prints the service name and the call's operation, or (when
// ubik is set) for a ubik operation the ubik call itself; it returns the
// opcode and a reader for the arguments, or a nil reader when nothing
// more is to be printed (a packet of no more than the Rx header prints
// nothing).
func (p *Printer) rxCallHead(b []byte, length int, name string, ops map[uint32]string, ubik bool) (uint32, *rxReader) {
	if length <= rxHdrLen {
		return 0, nil
	}
	op := be32(b, rxHdrLen)
	p.print(" " + name)
	if ubik && isUbik(op) {
		p.label("ubik", func() { p.rxUbik(b) })
		return op, nil
	}
	p.printf(" call %s", opName(ops, op))
	return op, p.rxArgs(b, rxHdrLen+4)
}

// rxReplyHead prints the service name and "reply OP", or (when ubik is
// set) a ubik reply, and the error code of an abort. It returns a reader
// for the reply's data, or nil when nothing more is to be printed.
func (p *Printer) rxReplyHead(b []byte, op uint32, name string, ops map[uint32]string, ubik bool) *rxReader {
	p.print(" " + name)
	if ubik && isUbik(op) {
		p.label("ubik", func() { p.rxUbikReply(b, op) })
		return nil
	}
	p.printf(" reply %s", opName(ops, op))
	r := p.rxArgs(b, rxHdrLen)
	if b[20] != rxData {
		r.field("errcode").int()
		return nil
	}
	return r
}

func (p *Printer) rxVol(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "vol", rxVolOps, false)
	if r == nil {
		return
	}
	switch op {
	case 100:
		r.field("partition").uint()
		r.field("name").str(256)
		r.field("type").uint()
		r.field("parent").uint()
	case 101, 107, 104:
		r.field("trans").uint()
	case 102:
		r.field("totrans").uint()
		r.field("flags").uint()
	case 103:
		r.field("fromtrans").uint()
		r.field("fromdate").date()
		r.destServer()
		r.field("desttrans").int()
	case 105:
		r.field("trans").uint()
		r.field("purgevol").uint()
		r.field("newtype").uint()
		r.field("newname").str(256)
	case 106:
		r.field("trans").uint()
		r.field("flags").uint()
	case 108:
		r.field("vol").uint()
		r.field("partition").uint()
		r.field("flags").uint()
	case 109, 655537:
		r.field("fromtrans").uint()
		r.field("fromdate").date()
	case 110:
		r.field("index").uint()
	case 111:
		r.field("tid").uint()
		r.field("newsite").uint()
	case 112, 113:
		p.print(" tid")
	case 114:
		r.field("name").str(256)
		r.field("type").uint()
		r.field("pid").uint()
		r.field("cloneid").uint()
	case 116:
		r.field("partition").uint()
		r.field("flags").uint()
	case 117:
		r.field("tid").uint()
		r.field("name").str(256)
		r.field("type").uint()
		r.field("pid").uint()
		r.field("clone").uint()
		r.field("backup").uint()
	case 119:
		r.field("name").str(256)
	case 120, 126:
		r.field("tid").uint()
	case 121, 122, 124, 125, 65536:
		r.field("partid").uint()
		r.field("volid").uint()
	case 123:
		r.field("tid").uint()
		r.field("date").date()
	case 128:
		r.field("fromtrans").uint()
		r.field("fromdate").date()
		r.list(true, r.destServer)
	case 65538:
		r.field("fromtrans").uint()
		r.field("fromdate").date()
		r.field("flags").uint()
	}
}

func (p *Printer) rxVolReply(b []byte, length int, op uint32) {
	if length <= rxHdrLen {
		return
	}
	r := p.rxReplyHead(b, op, "vol", rxVolOps, false)
	if r == nil {
		return
	}
	switch op {
	case 100:
		r.field("volid").uint()
		r.field("trans").uint()
	case 104, 107:
		r.uint()
	case 105:
		r.field("newvol").uint()
	case 108:
		r.field("trans").uint()
	case 110:
		r.field("volume").uint()
		r.field("partition").uint()
	case 112:
		r.str(256)
	case 113:
		for _, f := range []string{"volid", "nextuniq", "type", "parentid", "clone", "backup",
			"restore", "maxquota", "minquota", "owner"} {
			r.field(f).uint()
		}
		for _, f := range []string{"create", "access", "update", "expire", "backup", "copy"} {
			r.field(f).date()
		}
	case 116, 121:
		r.list(true, func() {
			r.field("name").vec(32)
			r.field("volid").uint()
			p.print(" type")
			r.skip(4 * 21)
		})
	}
}

func (p *Printer) rxBOS(b []byte, length int) {
	op, r := p.rxCallHead(b, length, "bos", rxBOSOps, false)
	if r == nil {
		return
	}
	switch op {
	case 80:
		r.field("type").str(256)
		r.field("instance").str(256)
	case 81, 83, 85, 87, 88, 93, 96, 97, 104, 106, 108, 112, 114:
		r.str(256)
	case 82, 98:
		r.str(256)
		r.field("status").int()
	case 86:
		r.str(256)
		r.field("num").int()
	case 84, 89, 90, 91, 92, 95:
		r.int()
	case 105:
		r.str(256)
		r.field("size").int()
		r.field("flags").int()
		r.field("date").int()
	}
}

func (p *Printer) rxUbik(b []byte) {
	op := be32(b, rxHdrLen)
	p.printf(" ubik call %s", opName(rxUbikOps, op))
	r := p.rxArgs(b, rxHdrLen+4)
	switch op {
	case 10000:
		if r.u32() != 0 {
			p.print(" syncsite yes")
		} else {
			p.print(" syncsite no")
		}
		r.field("votestart").date()
		r.field("dbversion").ubikVersion()
		r.field("tid").ubikVersion()
	case 10003:
		r.field("site").uint()
	case 20000, 20001, 20007, 20008, 20010:
		r.field("tid").ubikVersion()
	case 20002:
		r.field("tid").ubikVersion()
		r.field("file").int()
		r.field("pos").int()
		r.field("length").int()
		r.u32()
	case 20003:
		r.field("tid").ubikVersion()
		r.field("file").int()
		r.field("pos").int()
	case 20005:
		r.field("file").int()
	case 20006:
		r.field("file").int()
		r.field("length").int()
		r.field("dbversion").ubikVersion()
	case 20009:
		r.field("tid").ubikVersion()
		r.field("file").int()
		r.field("length").int()
	case 20012:
		r.field("tid").ubikVersion()
		r.field("oldversion").ubikVersion()
		r.field("newversion").ubikVersion()
	}
}

func (p *Printer) rxUbikReply(b []byte, op uint32) {
	p.printf(" ubik reply %s", opName(rxUbikOps, op))
	r := p.rxArgs(b, rxHdrLen)
	if b[20] == rxData {
		switch op {
		case 10000:
			p.print(" vote no")
		case 20004:
			r.field("dbversion").ubikVersion()
		}
		return
	}
	if op == 10000 {
		r.field("vote yes until").date()
	} else {
		r.field("errcode").int()
	}
}

// rxAck prints an Rx acknowledgement: the first packet, the serial that
// prompted it, the reason, and the acked/nacked ranges.
func (p *Printer) rxAck(b []byte, length int) {
	if length < rxHdrLen {
		return
	}
	a := b[rxHdrLen:]
	check(a, 0, 18)
	if p.o.Verbose > 2 {
		p.printf(" bufspace %d maxskew %d", be16(a, 0), be16(a, 2))
	}
	first := be32(a, 4)
	p.printf(" first %d serial %d reason ", first, be32(a, 12))
	if s, ok := rxAckReasons[a[16]]; ok {
		p.print(s)
	} else {
		p.printf("#%d", a[16])
	}
	n := int(a[17])
	off := 18
	if n != 0 {
		check(a, off, n)
		acks := a[off : off+n]
		ranges := func(word string, want byte) {
			start, last := -2, -2
			i := 0
			for ; i < n; i++ {
				if acks[i] == want {
					if last == -2 {
						p.printf(" %s %d", word, first+uint32(i))
						start = i
					} else if last != i-1 {
						p.printf(",%d", first+uint32(i))
						start = i
					}
					last = i
				} else if last == i-1 && start != last {
					p.printf("-%d", first+uint32(i-1))
				}
			}
			if last == i-1 && start != last {
				p.printf("-%d", first+uint32(i-1))
			}
		}
		ranges("acked", 1)
		ranges("nacked", 0)
		off += n
	}
	off += 3
	if p.o.Verbose > 1 {
		r := p.rxArgs(a, off)
		for _, f := range []string{" ifmtu", " maxmtu", " rwind", " maxpackets"} {
			if len(a)-r.off+1 <= 4 {
				return
			}
			p.print(f)
			r.uint()
		}
	}
}

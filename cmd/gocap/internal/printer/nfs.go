package printer

import (
	"encoding/binary"
	"net/netip"
	"strings"
)

// NFS over Sun RPC (RFC 1831, RFC 1094, RFC 1813) as tcpdump 4.99.3 prints
// it: calls to port 2049 with their procedure and arguments, replies
// from it with their status and, when the printer saw the call (matched
// by transaction id and addresses, as tcpdump's small cache of recent
// calls does), the procedure's results. NFSv2 procedure numbers are
// mapped onto NFSv3's; any version other than 3 is decoded as version 2.

const (
	nfsPort     = 2049
	rpcCall     = 0
	rpcReply    = 1
	rpcAccepted = 0
	rpcDenied   = 1
	rpcMismatch = 0
	rpcAuthErr  = 1
)

// The NFS procedures, by their NFSv3 numbers (nfsNoop for the NFSv2 ones
// tcpdump does not decode).
const (
	nfsNull = iota
	nfsGetattr
	nfsSetattr
	nfsLookup
	nfsAccess
	nfsReadlink
	nfsRead
	nfsWrite
	nfsCreate
	nfsMkdir
	nfsSymlink
	nfsMknod
	nfsRemove
	nfsRmdir
	nfsRename
	nfsLink
	nfsReaddir
	nfsReaddirplus
	nfsFsstat
	nfsFsinfo
	nfsPathconf
	nfsCommit
	nfsNoop = 25
)

// nfsV2Procs maps the NFSv2 procedure numbers onto the NFSv3 ones.
var nfsV2Procs = [26]uint32{
	nfsNull, nfsGetattr, nfsSetattr, nfsNoop, nfsLookup, nfsReadlink, nfsRead, nfsNoop,
	nfsWrite, nfsCreate, nfsRemove, nfsRename, nfsLink, nfsSymlink, nfsMkdir, nfsRmdir,
	nfsReaddir, nfsFsstat, nfsNoop, nfsNoop, nfsNoop, nfsNoop, nfsNoop, nfsNoop, nfsNoop, nfsNoop,
}

// nfsProcNames names the procedures.
var nfsProcNames = map[uint32]string{
	nfsNoop: "nop", nfsNull: "null", nfsGetattr: "getattr", nfsSetattr: "setattr",
	nfsLookup: "lookup", nfsAccess: "access", nfsReadlink: "readlink", nfsRead: "read",
	nfsWrite: "write", nfsCreate: "create", nfsMkdir: "mkdir", nfsSymlink: "symlink",
	nfsMknod: "mknod", nfsRemove: "remove", nfsRmdir: "rmdir", nfsRename: "rename",
	nfsLink: "link", nfsReaddir: "readdir", nfsReaddirplus: "readdirplus", nfsFsstat: "fsstat",
	nfsFsinfo: "fsinfo", nfsPathconf: "pathconf", nfsCommit: "commit",
}

// nfsStatus names the NFS error statuses (BSD's errno texts).
var nfsStatus = map[uint32]string{
	1: "Operation not permitted", 2: "No such file or directory", 5: "Input/output error",
	6: "Device not configured", 11: "Resource deadlock avoided", 12: "Cannot allocate memory",
	13: "Permission denied", 17: "File exists", 18: "Cross-device link",
	19: "Operation not supported by device", 20: "Not a directory", 21: "Is a directory",
	22: "Invalid argument", 26: "Text file busy", 27: "File too large",
	28: "No space left on device", 30: "Read-only file system", 31: "Too many links",
	45: "Operation not supported", 62: "Too many levels of symbolic links",
	63: "File name too long", 66: "Directory not empty", 69: "Disc quota exceeded",
	70: "Stale NFS file handle", 71: "Too many levels of remote in path",
	99: "Write cache flushed to disk", 10001: "Illegal NFS file handle",
	10002: "Update synchronization mismatch", 10003: "READDIR/READDIRPLUS cookie is stale",
	10004: "Operation not supported", 10005: "Buffer or request is too small",
	10006: "Unspecified error on server", 10007: "Object of that type not supported",
	10008: "Request couldn't be completed in time",
}

// nfsWriteModes names the NFSv3 write stabilities.
var nfsWriteModes = map[uint32]string{0: "unstable", 1: "datasync", 2: "filesync"}

// nfsFileTypes names the file types (there is no name for sockets).
var nfsFileTypes = map[uint32]string{0: "NON", 1: "REG", 2: "DIR", 3: "BLK", 4: "CHR", 5: "LNK", 7: "FIFO"}

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

// rpcAcceptStatus names the failures of an accepted RPC call.
var rpcAcceptStatus = map[uint32]string{
	1: "PROG_UNAVAIL", 2: "PROG_MISMATCH", 3: "PROC_UNAVAIL", 4: "GARBAGE_ARGS", 5: "SYSTEM_ERR",
}

// nfsName is the name in m of v, or fmt applied to v.
func nfsName(m map[uint32]string, v uint32, format string) string {
	if s, ok := m[v]; ok {
		return s
	}
	if format == "" {
		return sprintf("#%d", int32(v))
	}
	return sprintf(format, v)
}

// nfsCall is a call remembered to decode its reply: the transaction id,
// the client and server, the procedure and the program version.
type nfsCall struct {
	xid            uint32
	ipver          int
	client, server netip.Addr
	proc, vers     uint32
}

// nfsCalls is the ring of the last calls seen (tcpdump keeps 64), and
// where the last search matched, where the next one starts.
type nfsCalls struct {
	calls [64]nfsCall
	next  int
	hint  int
}

// nfsIPVer is the IP version of the packet's header.
func nfsIPVer(h *ipHdr) int {
	if h.v6 {
		return 6
	}
	return 4
}

// nfsUDP prints the NFS call to or reply from port 2049 in a UDP datagram,
// which tcpdump looks for before any port (and before the checksum); it
// reports whether it printed one.
func (p *Printer) nfsUDP(b []byte, length int, sport, dport uint16, h *ipHdr) bool {
	return p.nfsMessage(b, length, sport, dport, h, "")
}

// nfsMessage prints the RPC message b (length bytes) as an NFS call to
// the NFS port or a reply from it, after lead, reporting false for any
// other message.
func (p *Printer) nfsMessage(b []byte, length int, sport, dport uint16, h *ipHdr, lead string) bool {
	if len(b) < 8 {
		return false
	}
	dir := binary.BigEndian.Uint32(b[4:])
	switch {
	case dport == nfsPort && dir == rpcCall:
		p.printf("%sNFS request xid %d ", lead, binary.BigEndian.Uint32(b))
		p.nfsRequest(b, length, h)
	case sport == nfsPort && dir == rpcReply:
		p.printf("%sNFS reply xid %d ", lead, binary.BigEndian.Uint32(b))
		p.nfsReply(b, length, h)
	default:
		return false
	}
	return true
}

// nfsTCP prints the NFS call or reply in a TCP segment to or from the NFS
// port, whose payload starts with an RPC record mark. It reports whether
// it printed anything (tcpdump prints nothing for other RPC messages).
func (p *Printer) nfsTCP(b []byte, length int, sport, dport uint16, h *ipHdr) bool {
	if length < 4 || len(b) < 4 {
		return false
	}
	frag := int(binary.BigEndian.Uint32(b) & 0x7fffffff)
	if frag > length-4 {
		frag = length - 4
	}
	return p.nfsMessage(b[4:], frag, sport, dport, h, ": ")
}

// nfsDec decodes one RPC message carrying NFS. Offsets are from the start
// of the RPC message; a result of ok false stands for tcpdump's NULL
// pointer (the caller prints the marker, or not).
type nfsDec struct {
	p *Printer
	r reader
}

// word is the 32-bit word at off; a short read ends the packet.
func (d nfsDec) word(off int) uint32 { return d.r.be32(off) }

// dword is the 64-bit value at off; a short read ends the packet.
func (d nfsDec) dword(off int) uint64 {
	d.r.need(off, 8)
	return binary.BigEndian.Uint64(d.r.b[off:])
}

// has reports whether n bytes from off were captured.
func (d nfsDec) has(off int, n uint64) bool {
	return off >= 0 && uint64(off)+n <= uint64(len(d.r.b))
}

// nfsRequest prints an NFS call after "NFS request xid N ": its length,
// procedure and arguments, and remembers it for its reply.
func (p *Printer) nfsRequest(b []byte, length int, h *ipHdr) {
	d := nfsDec{p: p, r: p.reader("nfs", b)}
	p.printf("%d", uint32(length))
	if !d.has(20, 4) {
		p.truncMark("nfs")
		return
	}
	c := &p.state.nfs.calls[p.state.nfs.next]
	p.state.nfs.next = (p.state.nfs.next + 1) % len(p.state.nfs.calls)
	*c = nfsCall{xid: d.word(0), ipver: nfsIPVer(h), client: h.src, server: h.dst,
		proc: d.word(20), vers: d.word(16)}
	v3 := d.word(16) == 3
	proc := d.word(20)
	if !v3 && proc < uint32(len(nfsV2Procs)) {
		proc = nfsV2Procs[proc]
	}
	p.printf(" %s", nfsName(nfsProcNames, proc, "proc-%d"))
	if !d.request(proc, v3, uint32(length)) {
		p.truncMark("nfs")
	}
}

// request prints a call's arguments; it reports false where tcpdump
// jumps to its "trunc:" label.
func (d nfsDec) request(proc uint32, v3 bool, length uint32) bool {
	switch proc {
	case nfsGetattr, nfsSetattr, nfsReadlink, nfsFsstat, nfsFsinfo, nfsPathconf:
		dp, ok := d.callArgs(length)
		if !ok {
			return false
		}
		_, ok = d.fh(dp, v3)
		return ok
	case nfsLookup, nfsCreate, nfsMkdir, nfsRemove, nfsRmdir, nfsSymlink, nfsMknod, nfsRename:
		dp, ok := d.callArgs(length)
		if !ok {
			return false
		}
		if dp, ok = d.fhName(dp, v3); !ok {
			return false
		}
		return d.nameArgs(proc, v3, dp)
	case nfsAccess, nfsRead, nfsWrite, nfsLink, nfsReaddir, nfsReaddirplus, nfsCommit:
		dp, ok := d.fhArgs(length, v3)
		if !ok {
			return false
		}
		return d.fhRest(proc, v3, dp)
	}
	return true
}

// nameArgs prints what follows the file handle and name that start a
// call's arguments (at dp), for the procedures whose arguments do.
func (d nfsDec) nameArgs(proc uint32, v3 bool, dp int) bool {
	p := d.p
	var ok bool
	switch proc {
	case nfsSymlink:
		p.print(" ->")
		var sa nfsSattr
		if v3 {
			dp = d.sattr3(dp, &sa)
		}
		if _, ok = d.name(dp); !ok {
			return false
		}
		if v3 && p.o.Verbose > 0 {
			d.printSattr3(&sa)
		}
	case nfsMknod:
		typ := d.word(dp)
		var sa nfsSattr
		dp = d.sattr3(dp+4, &sa)
		p.printf(" %s", nfsName(nfsFileTypes, typ, "unk-ft %d"))
		if p.o.Verbose > 0 && (typ == 4 || typ == 3) {
			major, minor := d.word(dp), d.word(dp+4)
			p.printf(" %d/%d", major, minor)
		}
		if p.o.Verbose > 0 {
			d.printSattr3(&sa)
		}
	case nfsRename:
		p.print(" ->")
		_, ok = d.fhName(dp, v3)
		return ok
	}
	return true
}

// fhRest prints what follows the file handle that starts a call's
// arguments (at dp), for the procedures whose arguments fhArgs reads.
func (d nfsDec) fhRest(proc uint32, v3 bool, dp int) bool {
	p := d.p
	switch proc {
	case nfsAccess:
		d.access(d.word(dp))
	case nfsRead:
		if v3 {
			d.bytesAt(d.word(dp+8), d.dword(dp))
		} else {
			d.bytesAt(d.word(dp+4), uint64(d.word(dp)))
		}
	case nfsWrite:
		if v3 {
			n, count, off := d.word(dp+16), d.word(dp+8), d.dword(dp)
			p.printf(" %d (%d) bytes @ %d", n, count, off)
			if p.o.Verbose > 0 {
				p.printf(" <%s>", nfsName(nfsWriteModes, d.word(dp+12), ""))
			}
		} else {
			a, b, c, e := d.word(dp+12), d.word(dp+8), d.word(dp+4), d.word(dp)
			p.printf(" %d (%d) bytes @ %d (%d)", a, b, c, e)
		}
	case nfsLink:
		p.print(" ->")
		_, ok := d.fhName(dp, v3)
		return ok
	case nfsReaddir:
		if !v3 {
			d.bytesAt(d.word(dp+4), uint64(d.word(dp)))
			break
		}
		n, cookie := d.word(dp+16), d.dword(dp)
		p.printf(" %d bytes @ %d", n, int64(cookie))
		if p.o.Verbose > 0 {
			v1, v2 := d.word(dp+8), d.word(dp+12)
			p.printf(" verf %08x%08x", v1, v2)
		}
	case nfsReaddirplus:
		n, cookie := d.word(dp+16), d.dword(dp)
		p.printf(" %d bytes @ %d", n, int64(cookie))
		if p.o.Verbose > 0 {
			max, v1, v2 := d.word(dp+20), d.word(dp+8), d.word(dp+12)
			p.printf(" max %d verf %08x%08x", max, v1, v2)
		}
	case nfsCommit:
		d.bytesAt(d.word(dp+8), d.dword(dp))
	}
	return true
}

// bytesAt prints a count of bytes and the offset they are at.
func (d nfsDec) bytesAt(n uint32, off uint64) { d.p.printf(" %d bytes @ %d", n, off) }

// nfsAccessBits are the access bits of an ACCESS call.
var nfsAccessBits = []bitTok{{0x01, "NFS_ACCESS_READ"}, {0x02, "NFS_ACCESS_LOOKUP"}, {0x04, "NFS_ACCESS_MODIFY"},
	{0x08, "NFS_ACCESS_EXTEND"}, {0x10, "NFS_ACCESS_DELETE"}, {0x20, "NFS_ACCESS_EXECUTE"}}

// access prints an ACCESS call's access bits.
func (d nfsDec) access(flags uint32) {
	p := d.p
	switch {
	case flags&^0x3f != 0:
		p.printf(" %04x", flags)
	case flags == 0x3f:
		p.print(" NFS_ACCESS_FULL")
	case flags != 0:
		p.print(" " + bitTokJoin(nfsAccessBits, "", flags, "|"))
	}
}

// callArgs is the offset of a call's arguments, past its credentials and
// verifier; ok is false when they were not all captured or the call's
// length leaves no arguments.
func (d nfsDec) callArgs(length uint32) (int, bool) {
	dp := 24
	if length < 8 {
		return 0, false
	}
	n := d.word(dp + 4)
	rounded := (n + 3) &^ 3
	if !d.has(dp+8, uint64(rounded)) {
		return 0, false
	}
	if 8+uint64(rounded) > uint64(length) {
		return 0, false
	}
	dp += int((uint64(n) + 11) / 4 * 4)
	length -= 8 + rounded
	if length < 8 {
		return 0, false
	}
	n = d.word(dp + 4)
	rounded = (n + 3) &^ 3
	if !d.has(dp+8, uint64(rounded)) {
		return 0, false
	}
	if 8+uint64(rounded) >= uint64(length) {
		return 0, false
	}
	return dp + int((uint64(n)+11)/4*4), true
}

// fhArgs is callArgs followed by a file handle, returning the offset past
// the handle.
func (d nfsDec) fhArgs(length uint32, v3 bool) (int, bool) {
	dp, ok := d.callArgs(length)
	if !ok {
		return 0, false
	}
	return d.fh(dp, v3)
}

// fh prints the file handle at dp (an NFSv3 one has a length word) and
// returns the offset past it; ok is false when it was not captured.
func (d nfsDec) fh(dp int, v3 bool) (int, bool) {
	words := uint32(8)
	if v3 {
		words = d.word(dp) / 4
		dp += 4
	}
	if !d.has(dp, uint64(words)*4) {
		return 0, false
	}
	d.printFH(d.r.b[dp:dp+int(words)*4], int(words))
	return dp + int(words)*4, true
}

// name prints the quoted file name at dp and returns the offset past its
// padding; ok is false when it was not captured or its length cannot be
// padded.
func (d nfsDec) name(dp int) (int, bool) {
	n := d.word(dp)
	dp += 4
	if n > 0xfffffffc {
		d.p.print("[cannot pad to 32-bit boundaries] (invalid)")
		return 0, false
	}
	rounded := (n + 3) &^ 3
	if !d.has(dp, uint64(rounded)) {
		return 0, false
	}
	d.p.print(`"`)
	for _, c := range d.r.b[dp : dp+int(n)] {
		d.p.printChar(c)
	}
	d.p.print(`"`)
	return dp + int(rounded), true
}

// fhName prints a file handle and a file name.
func (d nfsDec) fhName(dp int, v3 bool) (int, bool) {
	dp, ok := d.fh(dp, v3)
	if !ok {
		return 0, false
	}
	d.p.print(" ")
	return d.name(dp)
}

// nfsSattr is an NFSv3 sattr3: each attribute with whether it is set.
type nfsSattr struct {
	modeSet, uidSet, gidSet bool
	mode, uid, gid          uint32
	atimeSet, mtimeSet      bool
	atime, mtime            [2]uint32
}

// sattr3 reads an sattr3 at dp and returns the offset past it.
func (d nfsDec) sattr3(dp int, sa *nfsSattr) int {
	opt := func(set *bool, v *uint32) {
		*set = d.word(dp) != 0
		dp += 4
		if *set {
			*v = d.word(dp)
			dp += 4
		}
	}
	var size uint32
	var sizeSet bool
	opt(&sa.modeSet, &sa.mode)
	opt(&sa.uidSet, &sa.uid)
	opt(&sa.gidSet, &sa.gid)
	opt(&sizeSet, &size)
	tm := func(set *bool, t *[2]uint32) {
		*set = d.word(dp) == 2
		dp += 4
		if *set {
			t[0] = d.word(dp)
			t[1] = d.word(dp + 4)
			dp += 8
		}
	}
	tm(&sa.atimeSet, &sa.atime)
	tm(&sa.mtimeSet, &sa.mtime)
	return dp
}

// printSattr3 prints the attributes set: mode, uid and gid, and with -vv
// the times.
func (d nfsDec) printSattr3(sa *nfsSattr) {
	p := d.p
	if sa.modeSet {
		p.printf(" mode %o", sa.mode)
	}
	if sa.uidSet {
		p.printf(" uid %d", sa.uid)
	}
	if sa.gidSet {
		p.printf(" gid %d", sa.gid)
	}
	if p.o.Verbose > 1 {
		if sa.atimeSet {
			p.printf(" atime %d.%06d", sa.atime[0], sa.atime[1])
		}
		if sa.mtimeSet {
			p.printf(" mtime %d.%06d", sa.mtime[0], sa.mtime[1])
		}
	}
}

// The server operating systems tcpdump guesses from a file handle's
// layout.
const (
	fhUnknown = iota
	fhAuspex
	fhDECOSF
	fhIRIX4
	fhSunOS4
	fhUltrix
	fhVMSUCX
	fhSunOS5
	fhHPUX9
	fhBSD44
)

// fhType guesses which server made the file handle fh of words 32-bit
// words, as tcpdump's decision tree does.
func fhType(fh []byte, words int) int {
	switch {
	case words < 4:
		return fhUnknown
	case fh[0] == 0 && fh[1] == 0:
		switch {
		case fh[2] == 0 && fh[3] == 0:
			return fhAuspex
		case fh[4] != 0 && fh[5] == 0 && fh[8] == 12 && fh[9] == 0:
			return fhDECOSF
		case fh[4] == 0 && fh[5] == 8 && fh[6] == 0 && fh[7] == 0:
			return fhIRIX4
		}
		return fhSunOS4
	case fh[2] == 0 && fh[3] == 0:
		switch {
		case fh[6] == 0 && fh[7] == 0:
			return fhBSD44
		case words >= 6 && fh[21] == 0 && fh[23] == 0:
			return fhUltrix
		case fh[9] == 10:
			return fhSunOS5
		}
		return fhUnknown
	case fh[8] == 12 && fh[9] == 0:
		return fhDECOSF
	case fh[8] == 0 && fh[9] == 10:
		if fh[4] == 0 && fh[5] == 0 && fh[6] == 0 && fh[7] == 0 {
			return fhHPUX9
		}
		return fhSunOS5
	case fhIsUCX(fh, words):
		return fhVMSUCX
	}
	return fhUnknown
}

// fhIsUCX reports whether the handle looks like a VMS UCX one: a device
// name of printable characters padded with NULs in bytes 1 to 13.
func fhIsUCX(fh []byte, words int) bool {
	if words < 7 {
		return false
	}
	null := false
	for _, c := range fh[1:14] {
		switch {
		case c >= 0x20 && c <= 0x7e:
			if null {
				return false
			}
		case c == 0:
			null = true
		default:
			return false
		}
	}
	return true
}

// printFH prints a file handle as tcpdump does: " fh " and the file
// system, as major,minor device numbers or the VMS device name, then "/"
// and the inode number (for a handle of no known layout, "Unknown/" and
// its first 32 bytes in hex).
func (d nfsDec) printFH(fh []byte, words int) {
	p := d.p
	if p.o.RawNFSHandles {
		// -u: the handle's 32-bit words in hex.
		p.print(" fh[")
		for i := 0; i < words; i++ {
			if i > 0 {
				p.print(":")
			}
			p.printf("%x", binary.BigEndian.Uint32(fh[4*i:]))
		}
		p.print("]")
		return
	}
	le32 := func(o int) uint32 { return binary.LittleEndian.Uint32(fh[o:]) }
	be32 := func(o int) uint32 { return binary.BigEndian.Uint32(fh[o:]) }
	be24 := func(o int) uint32 { return uint32(fh[o])<<16 | uint32(fh[o+1])<<8 | uint32(fh[o+2]) }
	var major, minor, ino uint32
	switch fhType(fh, words) {
	case fhAuspex:
		major, minor, ino = uint32(fh[6]), uint32(fh[7]), be32(12)
	case fhBSD44:
		major, minor, ino = uint32(fh[1]), uint32(fh[0]), le32(12)
	case fhDECOSF:
		t := le32(0)
		major, minor, ino = t>>20&0xfff, t&0xfffff, le32(12)
	case fhIRIX4:
		major, minor, ino = uint32(fh[2]), uint32(fh[3]), be32(8)
	case fhSunOS4:
		major, minor, ino = uint32(fh[2]), uint32(fh[3]), be32(12)
	case fhSunOS5:
		major = uint32(binary.BigEndian.Uint16(fh)) >> 2 & 0x3fff
		minor, ino = be24(1)&0x3ffff, be32(12)
	case fhUltrix:
		major, minor, ino = uint32(fh[1]), uint32(fh[0]), le32(4)
	case fhHPUX9:
		major, minor, ino = uint32(fh[0]), be24(1), be32(12)
	case fhVMSUCX:
		// The file system is the device name in the handle, cut at
		// the first space.
		n := min(words, 64)
		name := fh[1 : 1+n]
		if i := strings.IndexByte(string(name), 0); i >= 0 {
			name = name[:i]
		}
		if i := strings.IndexByte(string(name), ' '); i >= 0 {
			name = name[:i]
		}
		ino = uint32(fh[26])<<24 | uint32(fh[27])<<16 | uint32(binary.LittleEndian.Uint16(fh[22:]))
		p.printf(" fh %s/%d", name, ino)
		return
	default:
		// "Unknown" cut to as many characters as the handle has
		// words, then the handle itself.
		p.printf(" fh %s/", "Unknown"[:min(words, 7)])
		for _, c := range fh[:min(len(fh), 32)] {
			p.printf("%02X", c)
		}
		return
	}
	// tcpdump prints an uninitialised buffer instead of the inode number
	// when a recognised layout's minor number happens to be 257 (its
	// marker for an unknown layout); the inode number is printed here.
	p.printf(" fh %d,%d/%d", major, minor, ino)
}

// nfsReply prints an RPC reply from the NFS port after "NFS reply xid N
// ": its status and length, and the results when the call was seen.
func (p *Printer) nfsReply(b []byte, length int, h *ipHdr) {
	d := nfsDec{p: p, r: p.reader("nfs", b)}
	if !d.has(8, 4) {
		p.truncMark("nfs")
		return
	}
	switch st := d.word(8); st {
	case rpcAccepted:
		p.printf("reply ok %d", uint32(length))
		if c, ok := p.nfsFindCall(d.word(0), h); ok {
			d.reply(c.proc, c.vers, uint32(length))
		}
	case rpcDenied:
		p.printf("reply ERR %d: ", uint32(length))
		if !d.has(12, 4) {
			p.truncMark("nfs")
			return
		}
		switch rs := d.word(12); rs {
		case rpcMismatch:
			if !d.has(20, 4) {
				p.truncMark("nfs")
				return
			}
			p.printf("RPC Version mismatch (%d-%d)", d.word(16), d.word(20))
		case rpcAuthErr:
			if !d.has(16, 4) {
				p.truncMark("nfs")
				return
			}
			p.printf("Auth %s", nfsName(rpcAuthStatus, d.word(16), "Invalid failure code %d"))
		default:
			p.printf("Unknown reason for rejecting rpc message %d", rs)
		}
	default:
		p.printf("reply Unknown rpc response code=%d %d", st, uint32(length))
	}
}

// nfsFindCall looks for the call a reply answers: the same transaction
// id, from the call's server to its client, searching the ring from
// where the last search matched.
func (p *Printer) nfsFindCall(xid uint32, h *ipHdr) (nfsCall, bool) {
	s := &p.state.nfs
	ver := nfsIPVer(h)
	i := s.hint
	for {
		c := s.calls[i]
		if c.ipver == ver && c.xid == xid && c.server == h.src && c.client == h.dst {
			s.hint = i
			return c, true
		}
		if i++; i >= len(s.calls) {
			i = 0
		}
		if i == s.hint {
			return nfsCall{}, false
		}
	}
}

// reply prints the results of an accepted reply to the procedure; where
// they were not all captured it prints the marker, unless it printed an
// error status.
func (d nfsDec) reply(proc, vers, length uint32) {
	p := d.p
	v3 := vers == 3
	if !v3 && proc < uint32(len(nfsV2Procs)) {
		proc = nfsV2Procs[proc]
	}
	p.printf(" %s", nfsName(nfsProcNames, proc, "proc-%d"))
	if proc >= nfsNoop || proc == nfsNull || proc > nfsCommit {
		return
	}
	nfserr := false
	dp, ok := d.replyResults(length, &nfserr)
	if ok {
		ok = d.results(proc, v3, dp, &nfserr)
	}
	if !ok && !nfserr {
		p.truncMark("nfs")
	}
}

// replyResults is the offset of an accepted reply's results, past its
// verifier and accept status; ok is false when the verifier is longer
// than the reply or the call failed (whose status it prints, setting
// nfserr).
func (d nfsDec) replyResults(length uint32, nfserr *bool) (int, bool) {
	dp := 12
	n := d.word(dp + 4)
	if n >= length {
		return 0, false
	}
	dp += int((uint64(n) + 11) / 4 * 4)
	if st := d.word(dp); st != 0 {
		d.p.printf(" %s", nfsName(rpcAcceptStatus, st, "ar_stat %d"))
		*nfserr = true
		return 0, false
	}
	return dp + 4, true
}

// status reads an NFS status at dp, printing it when it is an error.
func (d nfsDec) status(dp int, nfserr *bool) (int, uint32) {
	er := d.word(dp)
	if er != 0 {
		if !d.p.o.Quiet {
			d.p.printf(" ERROR: %s", nfsName(nfsStatus, er, "unk %d"))
		}
		*nfserr = true
	}
	return dp + 4, er
}

// fattr prints file attributes: with verbose the type, mode, owner and
// size, with verbose > 1 the rest.
func (d nfsDec) fattr(dp int, verbose int, v3 bool) (int, bool) {
	p := d.p
	if !d.has(dp+16, 4) {
		return 0, false
	}
	if verbose > 0 {
		typ := d.word(dp)
		p.printf(" %s %o ids %d/%d", nfsName(nfsFileTypes, typ, "unk-ft %d "), d.word(dp+4),
			int32(d.word(dp+12)), int32(d.word(dp+16)))
		if v3 {
			p.printf(" sz %d", d.dword(dp+20))
		} else {
			p.printf(" sz %d", d.word(dp+20))
		}
	}
	if verbose > 1 {
		if v3 {
			if !d.has(dp+76, 8) {
				return 0, false
			}
			p.printf(" nlink %d rdev %d/%d", d.word(dp+8), d.word(dp+36), d.word(dp+40))
			p.printf(" fsid %x", d.dword(dp+44))
			p.printf(" fileid %x", d.dword(dp+52))
			p.printf(" a/m/ctime %d.%06d", d.word(dp+60), d.word(dp+64))
			p.printf(" %d.%06d", d.word(dp+68), d.word(dp+72))
			p.printf(" %d.%06d", d.word(dp+76), d.word(dp+80))
		} else {
			if !d.has(dp+60, 8) {
				return 0, false
			}
			p.printf(" nlink %d rdev 0x%x fsid 0x%x nodeid 0x%x a/m/ctime",
				d.word(dp+8), d.word(dp+28), d.word(dp+36), d.word(dp+40))
			p.printf(" %d.%06d", d.word(dp+44), d.word(dp+48))
			p.printf(" %d.%06d", d.word(dp+52), d.word(dp+56))
			p.printf(" %d.%06d", d.word(dp+60), d.word(dp+64))
		}
	}
	if v3 {
		return dp + 84, true
	}
	return dp + 68, true
}

// attrStat prints a status and, when it is not an error, attributes.
func (d nfsDec) attrStat(dp int, verbose int, v3 bool, nfserr *bool) bool {
	dp, er := d.status(dp, nfserr)
	if er != 0 {
		return true
	}
	_, ok := d.fattr(dp, verbose, v3)
	return ok
}

// dirOpRes prints an NFSv2 directory operation's result: a status, a
// file handle and attributes.
func (d nfsDec) dirOpRes(dp int, nfserr *bool) bool {
	dp, er := d.status(dp, nfserr)
	if er != 0 {
		return true
	}
	dp, ok := d.fh(dp, false)
	if !ok {
		return false
	}
	_, ok = d.fattr(dp, d.p.o.Verbose, false)
	return ok
}

// preOpAttr skips (or with verbose > 1 prints) optional pre-operation
// attributes.
func (d nfsDec) preOpAttr(dp int, verbose int) (int, bool) {
	if d.word(dp) == 0 {
		return dp + 4, true
	}
	dp += 4
	if !d.has(dp, 24) {
		return 0, false
	}
	if verbose > 1 {
		sz := d.dword(dp)
		d.p.printf(" sz %d", sz)
		d.p.printf(" mtime %d.%06d ctime %d.%06d", d.word(dp+8), d.word(dp+12), d.word(dp+16), d.word(dp+20))
	}
	return dp + 24, true
}

// postOpAttr skips (or with verbose prints) optional post-operation
// attributes.
func (d nfsDec) postOpAttr(dp int, verbose int) (int, bool) {
	if d.word(dp) == 0 {
		return dp + 4, true
	}
	dp += 4
	if verbose > 0 {
		return d.fattr(dp, verbose, true)
	}
	return dp + 84, true
}

// wccData prints weak cache consistency data: " PRE:" and " POST:" and
// the attributes, as verbose as asked.
func (d nfsDec) wccData(dp int, verbose int) (int, bool) {
	if verbose > 1 {
		d.p.print(" PRE:")
	}
	dp, ok := d.preOpAttr(dp, verbose)
	if !ok {
		return 0, false
	}
	return d.post(dp, verbose)
}

// post prints post-operation attributes after " POST:" (which only -v
// shows).
func (d nfsDec) post(dp int, verbose int) (int, bool) {
	if verbose > 0 {
		d.p.print(" POST:")
	}
	return d.postOpAttr(dp, verbose)
}

// thenWcc prints the two parts of a v3 reply that has them with -v:
// label1 and the part first decodes, then label2 and wcc data.
func (d nfsDec) thenWcc(dp, verbose int, label1 string, first func(int, int) (int, bool), label2 string) bool {
	d.p.print(label1)
	dp, ok := first(dp, verbose)
	if !ok {
		return false
	}
	d.p.print(label2)
	_, ok = d.wccData(dp, verbose)
	return ok
}

// createOpRes prints an NFSv3 creating operation's result.
func (d nfsDec) createOpRes(dp int, verbose int, nfserr *bool) bool {
	dp, er := d.status(dp, nfserr)
	if er != 0 {
		_, ok := d.wccData(dp, verbose)
		return ok
	}
	if d.word(dp) == 0 {
		return true
	}
	dp, ok := d.fh(dp+4, true)
	if !ok {
		return false
	}
	if verbose > 0 {
		if dp, ok = d.postOpAttr(dp, verbose); !ok {
			return false
		}
		if d.p.o.Verbose > 1 {
			d.p.print(" dir attr:")
			_, ok = d.wccData(dp, verbose)
			return ok
		}
	}
	return true
}

// wccRes prints a status and weak cache consistency data.
func (d nfsDec) wccRes(dp int, verbose int, nfserr *bool) (int, bool) {
	dp, _ = d.status(dp, nfserr)
	return d.wccData(dp, verbose)
}

// statusAttrs prints a result's status and then the attributes attrs
// decodes, as verbose as -v asks.
func (d nfsDec) statusAttrs(dp int, nfserr *bool, attrs func(int, int) (int, bool)) (int, uint32, bool) {
	dp, er := d.status(dp, nfserr)
	dp, ok := attrs(dp, d.p.o.Verbose)
	return dp, er, ok
}

// statusPost prints a result's status and its post-operation attributes
// (" POST:" first with -v); done says the result ends there (an error, or
// attributes cut short, ok false).
func (d nfsDec) statusPost(dp int, nfserr *bool) (next int, ok, done bool) {
	dp, er := d.status(dp, nfserr)
	dp, ok = d.post(dp, d.p.o.Verbose)
	return dp, ok, !ok || er != 0
}

// statusPostFixed is statusPost followed by the check that the fixed
// part of the result, n bytes, was captured (done, ok false, if not).
func (d nfsDec) statusPostFixed(dp int, nfserr *bool, n uint64) (next int, ok, done bool) {
	dp, ok, done = d.statusPost(dp, nfserr)
	if !done && !d.has(dp, n) {
		return dp, false, true
	}
	return dp, ok, done
}

// rddirRes3 prints an NFSv3 READDIR or READDIRPLUS result's status,
// directory attributes and (with -v) cookie verifier.
func (d nfsDec) rddirRes3(dp int, nfserr *bool) bool {
	dp, ok, done := d.statusPost(dp, nfserr)
	if done {
		return ok
	}
	if d.p.o.Verbose > 0 {
		v1, v2 := d.word(dp), d.word(dp+4)
		d.p.printf(" verf %08x%08x", v1, v2)
	}
	return true
}

// results prints a successful reply's results for the procedure; it
// reports false where tcpdump jumps to its "trunc:" label.
func (d nfsDec) results(proc uint32, v3 bool, dp int, nfserr *bool) bool {
	p := d.p
	vflag := p.o.Verbose
	var er uint32
	var ok bool
	switch proc {
	case nfsGetattr, nfsSetattr:
		if proc == nfsSetattr && v3 {
			_, ok = d.wccRes(dp, vflag, nfserr)
			return ok
		}
		// Attributes show unless -q, whatever -v says.
		verbose := 1
		if p.o.Quiet {
			verbose = 0
		}
		return d.attrStat(dp, verbose, v3, nfserr)
	case nfsLookup:
		if !v3 {
			return d.dirOpRes(dp, nfserr)
		}
		dp, er = d.status(dp, nfserr)
		if er == 0 {
			if dp, ok = d.fh(dp, true); !ok {
				return false
			}
			if dp, ok = d.postOpAttr(dp, vflag); !ok {
				return false
			}
		}
		if vflag > 1 {
			p.print(" post dattr:")
			if _, ok = d.postOpAttr(dp, vflag); !ok {
				return false
			}
		}
	case nfsAccess:
		dp, er = d.status(dp, nfserr)
		if vflag > 0 {
			p.print(" attr:")
		}
		if dp, ok = d.postOpAttr(dp, vflag); !ok {
			return false
		}
		if er == 0 {
			p.printf(" c %04x", d.word(dp))
		}
	case nfsReadlink:
		dp, er = d.status(dp, nfserr)
		if er != 0 {
			return true
		}
		if v3 {
			if dp, ok = d.postOpAttr(dp, vflag); !ok {
				return false
			}
		}
		p.print(" ")
		_, ok = d.name(dp)
		return ok
	case nfsRead, nfsWrite:
		if !v3 {
			return d.attrStat(dp, vflag, false, nfserr)
		}
		// A READ's attributes are post-operation ones, a WRITE's wcc
		// data; the count follows with -v.
		attrs := d.postOpAttr
		if proc == nfsWrite {
			attrs = d.wccData
		}
		if dp, er, ok = d.statusAttrs(dp, nfserr, attrs); !ok {
			return false
		}
		if er != 0 || vflag == 0 {
			break
		}
		p.printf(" %d bytes", d.word(dp))
		switch {
		case proc == nfsRead && d.word(dp+4) != 0:
			p.print(" EOF")
		case proc == nfsWrite && vflag > 1:
			p.printf(" <%s>", nfsName(nfsWriteModes, d.word(dp+4), ""))
			p.printf(" verf %x", d.dword(dp+8))
		}
	case nfsCreate, nfsMkdir:
		if v3 {
			return d.createOpRes(dp, vflag, nfserr)
		}
		return d.dirOpRes(dp, nfserr)
	case nfsSymlink:
		if v3 {
			return d.createOpRes(dp, vflag, nfserr)
		}
		d.status(dp, nfserr)
	case nfsMknod:
		return d.createOpRes(dp, vflag, nfserr)
	case nfsRemove, nfsRmdir:
		if v3 {
			_, ok = d.wccRes(dp, vflag, nfserr)
			return ok
		}
		d.status(dp, nfserr)
	case nfsRename:
		dp, _ = d.status(dp, nfserr)
		if v3 && vflag > 0 {
			return d.thenWcc(dp, vflag, " from:", d.wccData, " to:")
		}
	case nfsLink:
		dp, _ = d.status(dp, nfserr)
		if v3 && vflag > 0 {
			return d.thenWcc(dp, vflag, " file POST:", d.postOpAttr, " dir:")
		}
	case nfsReaddir:
		if v3 {
			return d.rddirRes3(dp, nfserr)
		}
		dp, er = d.status(dp, nfserr)
		if er != 0 || p.o.Quiet {
			return true
		}
		p.printf(" offset 0x%x size %d ", d.word(dp), d.word(dp+4))
		if d.word(dp+8) != 0 {
			p.print(" eof")
		}
	case nfsReaddirplus:
		return d.rddirRes3(dp, nfserr)
	case nfsFsstat:
		return d.statfs(dp, v3, nfserr)
	case nfsFsinfo:
		return d.fsinfo(dp, nfserr)
	case nfsPathconf:
		return d.pathconf(dp, nfserr)
	case nfsCommit:
		if dp, ok = d.wccRes(dp, vflag, nfserr); !ok {
			return false
		}
		if vflag > 1 {
			p.printf(" verf %x", d.dword(dp))
		}
	}
	return true
}

// statfs prints an FSSTAT (or NFSv2 STATFS) result.
func (d nfsDec) statfs(dp int, v3 bool, nfserr *bool) bool {
	p := d.p
	dp, er := d.status(dp, nfserr)
	if !v3 && er != 0 || p.o.Quiet {
		return true
	}
	var ok bool
	if v3 {
		if dp, ok = d.post(dp, p.o.Verbose); !ok {
			return false
		}
		if !d.has(dp, 52) {
			return false
		}
		p.printf(" tbytes %d fbytes %d abytes %d", d.dword(dp), d.dword(dp+8), d.dword(dp+16))
		if p.o.Verbose > 0 {
			p.printf(" tfiles %d ffiles %d afiles %d invar %d", d.dword(dp+24), d.dword(dp+32),
				d.dword(dp+40), d.word(dp+48))
		}
		return true
	}
	if !d.has(dp, 20) {
		return false
	}
	p.printf(" tsize %d bsize %d blocks %d bfree %d bavail %d", d.word(dp), d.word(dp+4),
		d.word(dp+8), d.word(dp+12), d.word(dp+16))
	return true
}

// fsinfo prints an FSINFO result.
func (d nfsDec) fsinfo(dp int, nfserr *bool) bool {
	p := d.p
	dp, ok, done := d.statusPostFixed(dp, nfserr, 48)
	if done {
		return ok
	}
	p.printf(" rtmax %d rtpref %d wtmax %d wtpref %d dtpref %d", d.word(dp), d.word(dp+4),
		d.word(dp+12), d.word(dp+16), d.word(dp+24))
	if p.o.Verbose > 0 {
		p.printf(" rtmult %d wtmult %d maxfsz %d", d.word(dp+8), d.word(dp+20), d.dword(dp+28))
		p.printf(" delta %d.%06d ", d.word(dp+36), d.word(dp+40))
	}
	return true
}

// pathconf prints a PATHCONF result.
func (d nfsDec) pathconf(dp int, nfserr *bool) bool {
	p := d.p
	dp, ok, done := d.statusPostFixed(dp, nfserr, 24)
	if done {
		return ok
	}
	flag := func(off int, s string) string {
		if d.word(dp+off) != 0 {
			return s
		}
		return ""
	}
	p.printf(" linkmax %d namemax %d %s %s %s %s", d.word(dp), d.word(dp+4),
		flag(8, "notrunc"), flag(12, "chownres"), flag(16, "igncase"), flag(20, "keepcase"))
	return true
}

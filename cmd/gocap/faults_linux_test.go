package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/gocap/gocap/internal/savefile"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests in this file run the faults a capture tool meets every day
// (killed by the OOM killer, the terminal closed, a reader gone, an
// unusual umask, a symbolic link, -Z) beside the local tcpdump, and
// require gocap to leave what tcpdump leaves: the same exit status, the
// same messages and the same bytes in the -w file.

const sampleCapture = "testdata/sample.pcap"

// tool is gocap (this test binary run again as gocap) or tcpdump.
type tool struct {
	name string
	argv []string // the command and the words before the test's own
}

// tools returns gocap and, when installed, tcpdump; tests that compare
// skip without tcpdump.
func tools(t *testing.T) []tool {
	t.Helper()
	needTcpdump(t)
	td := []string{"tcpdump"}
	if os.Geteuid() == 0 {
		// Debian's tcpdump becomes user tcpdump by default; -Z root
		// keeps it as the test's user.
		td = append(td, "-Z", "root")
	}
	return []tool{{"gocap", []string{gocapBinary(t)}}, {"tcpdump", td}}
}

// command builds the tool's command line, in UTC; gocap runs as this test
// binary (TestMain). prefix words (sh -c for a umask) go first.
func (tl tool) command(prefix []string, args ...string) *exec.Cmd {
	argv := append(append(append([]string{}, prefix...), tl.argv...), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), liveMainEnv+"=1", "TZ=UTC")
	return cmd
}

// normalized makes tcpdump's messages gocap's.
func normalized(s string) string { return tcpdumpMessage(s) }

// exitCode is the exit status of a finished command, -signal when a
// signal ended it.
func exitCode(err error) int {
	var ee *exec.ExitError
	if err == nil {
		return 0
	}
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -int(ws.Signal())
		}
		return ee.ExitCode()
	}
	return -1000
}

// recordsIn counts the whole records of a pcap file and reports whether
// it ends on a record boundary (a file still being written may not).
func recordsIn(t *testing.T, name string) (n int, whole bool) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		if os.IsNotExist(err) {
			return 0, false
		}
		t.Fatal(err)
	}
	if len(b) < 24 {
		return 0, len(b) == 0
	}
	off := 24
	for off+16 <= len(b) {
		caplen := int(binary.LittleEndian.Uint32(b[off+8:]))
		if off+16+caplen > len(b) {
			return n, false
		}
		off += 16 + caplen
		n++
	}
	return n, off == len(b)
}

// waitFor polls cond until it holds, failing the test after a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// pipeRun is a tool reading a capture from a pipe that the test keeps
// open, so that the tool is waiting for input when the test acts.
type pipeRun struct {
	cmd            *exec.Cmd
	stdin          io.WriteCloser
	stdout, stderr *syncBuffer
	done           chan error
}

func startPipeRun(t *testing.T, tl tool, input []byte, args ...string) *pipeRun {
	t.Helper()
	r := &pipeRun{cmd: tl.command(nil, args...), stdout: new(syncBuffer), stderr: new(syncBuffer), done: make(chan error, 1)}
	r.cmd.Stdout, r.cmd.Stderr = r.stdout, r.stderr
	var err error
	if r.stdin, err = r.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	t.Cleanup(func() {
		r.cmd.Process.Kill()
		r.stdin.Close()
	})
	if _, err := r.stdin.Write(input); err != nil {
		t.Fatalf("%s: writing its input: %v", tl.name, err)
	}
	return r
}

// wait waits for the run to end and returns its exit status.
func (r *pipeRun) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-r.done:
		return exitCode(err)
	case <-time.After(60 * time.Second):
		r.cmd.Process.Kill()
		t.Fatalf("%v did not exit; stderr:\n%s", r.cmd.Args, r.stderr)
	}
	return 0
}

// outcome is what a run left behind.
type outcome struct {
	code           int
	stdout, stderr string
	files          map[string][]byte // by base name
}

func (o outcome) String() string {
	var names []string
	for n, b := range o.files {
		names = append(names, fmt.Sprintf("%s (%d bytes)", n, len(b)))
	}
	return fmt.Sprintf("exit %d, files %v\nstdout:\n%s\nstderr:\n%s", o.code, names, o.stdout, o.stderr)
}

// filesIn reads every file of dir.
func filesIn(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = b
	}
	return m
}

// sameOutcome requires gocap's outcome to be tcpdump's.
func sameOutcome(t *testing.T, what string, g, d outcome) {
	t.Helper()
	d.stderr = normalized(d.stderr)
	// -v's "Got N" progress line is tcpdump's alone with -r; neither
	// test here uses it.
	ok := g.code == d.code && g.stdout == d.stdout && g.stderr == d.stderr && len(g.files) == len(d.files)
	for n, b := range d.files {
		if !bytes.Equal(g.files[n], b) {
			ok = false
		}
	}
	if !ok {
		t.Errorf("%s: gocap and tcpdump differ\ngocap: %v\ntcpdump: %v", what, g, d)
	}
}

// sampleSize is the size of the -w file that holds every packet of the
// sample capture.
func sampleSize(t *testing.T) int64 {
	t.Helper()
	_, pkts := readCapture(t, sampleCapture)
	n := int64(24)
	for _, p := range pkts {
		n += 16 + int64(len(p.data))
	}
	return n
}

func fileSize(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return -1
	}
	return fi.Size()
}

// TestOfflineSignalsLikeTcpdump sends each signal tcpdump catches to a
// run reading a capture from a pipe, once the run has handled every
// packet and waits for more: SIGINT, SIGTERM, SIGHUP and SIGPIPE end
// tcpdump with "pcap_loop: error reading dump file: Interrupted system
// call" (its read(2) is interrupted) and status 1, with the -w file
// complete; SIGUSR2 flushes the -w file and the run goes on to the end of
// its input. Printed (-l) and written (-U -w) runs, compared byte for
// byte.
func TestOfflineSignalsLikeTcpdump(t *testing.T) {
	input, err := os.ReadFile(sampleCapture)
	if err != nil {
		t.Fatal(err)
	}
	full := sampleSize(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE, syscall.SIGUSR2} {
		for _, mode := range []string{"print", "write", "write-buffered"} {
			t.Run(sig.String()+"/"+mode, func(t *testing.T) {
				var results []outcome
				for _, tl := range tools(t) {
					dir := t.TempDir()
					out := filepath.Join(dir, "out.pcap")
					var args []string
					switch mode {
					case "print":
						args = []string{"-nn", "-l", "-r", "-"}
					case "write":
						args = []string{"-U", "-r", "-", "-w", out}
					default:
						args = []string{"-r", "-", "-w", out}
					}
					r := startPipeRun(t, tl, input, args...)
					if mode == "write-buffered" {
						// The signal handlers are in place once the file
						// is open (a SIGUSR2 before then ends either).
						waitFor(t, tl.name+" opening its file", func() bool { return fileSize(out) >= 0 })
						time.Sleep(200 * time.Millisecond)
					}
					switch mode {
					case "print":
						waitFor(t, tl.name+" printing 40 lines", func() bool { return strings.Count(r.stdout.String(), "\n") == 40 })
					case "write":
						waitFor(t, tl.name+" writing every packet", func() bool { return fileSize(out) == full })
					default:
						if sig != syscall.SIGUSR2 {
							// Nothing says when a buffered run has read
							// its input; SIGUSR2 below does.
							waitFor(t, tl.name+" flushing on SIGUSR2", func() bool {
								r.cmd.Process.Signal(syscall.SIGUSR2)
								time.Sleep(20 * time.Millisecond)
								return fileSize(out) == full
							})
						}
					}
					if mode == "write-buffered" && sig == syscall.SIGUSR2 {
						waitFor(t, tl.name+" flushing on SIGUSR2", func() bool {
							r.cmd.Process.Signal(sig)
							time.Sleep(20 * time.Millisecond)
							return fileSize(out) == full
						})
					} else {
						r.cmd.Process.Signal(sig)
					}
					if sig == syscall.SIGUSR2 {
						// The run goes on: end its input.
						time.Sleep(50 * time.Millisecond)
						r.stdin.Close()
					}
					code := r.wait(t)
					results = append(results, outcome{code: code, stdout: r.stdout.String(), stderr: r.stderr.String(), files: filesIn(t, dir)})
				}
				sameOutcome(t, sig.String()+" "+mode, results[0], results[1])
			})
		}
	}
}

// TestOfflineInterruptFromFile stops a run reading a large regular file:
// the loop ends after the packet in hand (tcpdump's pcap_breakloop), the
// exit status is 0, the -w file holds whole records only, and printed
// text ends with the newline tcpdump adds.
func TestOfflineInterruptFromFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pcap")
	writeBigCapture(t, big, 400000)
	for _, tl := range tools(t) {
		for _, mode := range []string{"write", "print"} {
			out := filepath.Join(dir, tl.name+"-"+mode+".pcap")
			args := []string{"-r", big, "-w", out}
			if mode == "print" {
				args = []string{"-nn", "-r", big}
			}
			cmd := tl.command(nil, args...)
			var stderr syncBuffer
			// Printed text goes to a file: a write to a full pipe that
			// the signal interrupts ends tcpdump with "Unable to write
			// output: Interrupted system call" instead.
			printed := filepath.Join(dir, tl.name+".txt")
			stdoutFile, err := os.Create(printed)
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stdout, cmd.Stderr = stdoutFile, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			stdoutFile.Close()
			if mode == "write" {
				waitFor(t, tl.name+" writing", func() bool { return fileSize(out) > 1<<20 })
			} else {
				waitFor(t, tl.name+" printing", func() bool { return fileSize(printed) > 1<<20 })
			}
			cmd.Process.Signal(syscall.SIGINT)
			code := exitCode(cmd.Wait())
			if code != 0 {
				t.Errorf("%s %s: exit status %d after SIGINT, want 0 (pcap_breakloop)\n%s", tl.name, mode, code, stderr.String())
			}
			if strings.Contains(stderr.String(), "pcap_loop") {
				t.Errorf("%s %s: %s", tl.name, mode, stderr.String())
			}
			if mode == "write" {
				n, whole := recordsIn(t, out)
				if !whole || n == 0 || n == 400000 {
					t.Errorf("%s: the file holds %d records, whole %v; want a whole prefix of the 400000", tl.name, n, whole)
				}
			} else if b, _ := os.ReadFile(printed); !bytes.HasSuffix(b, []byte("\n\n")) {
				s := string(b)
				t.Errorf("%s: printed text does not end with tcpdump's extra newline: %q", tl.name, s[max(0, len(s)-80):])
			}
		}
	}
}

// writeBigCapture writes a capture of n small UDP packets.
func writeBigCapture(t *testing.T, name string, n int) {
	t.Helper()
	pkt := []byte{
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00,
		0x45, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2,
		0x1f, 0x40, 0x1f, 0x41, 0, 8, 0, 0,
	}
	b := make([]byte, 0, 24+n*(16+len(pkt)))
	b = binary.LittleEndian.AppendUint32(b, savefile.MagicMicro)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 65535)
	b = binary.LittleEndian.AppendUint32(b, 1)
	for i := range n {
		b = binary.LittleEndian.AppendUint32(b, uint32(1000+i/1000))
		b = binary.LittleEndian.AppendUint32(b, uint32(i%1000))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(pkt)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(pkt)))
		b = append(b, pkt...)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestKill9KeepsRecords kills (SIGKILL, as the OOM killer does) a -U -w
// run that has written every packet it read: the named file must hold
// them all, as tcpdump's does; with -C and -W, the file in progress is
// the named one. Without -U the file must at least be a valid capture of
// whole records.
func TestKill9KeepsRecords(t *testing.T) {
	input, err := os.ReadFile(sampleCapture)
	if err != nil {
		t.Fatal(err)
	}
	full := sampleSize(t)
	// A larger input for -C 1 (a new file past 1,000,000 bytes): the
	// sample's packets 100 times over, for three files.
	_, pkts := readCapture(t, sampleCapture)
	var big bytes.Buffer
	big.Write(input[:24])
	for i := range 100 {
		for j, p := range pkts {
			var h [16]byte
			binary.LittleEndian.PutUint32(h[0:], uint32(1000+i))
			binary.LittleEndian.PutUint32(h[4:], uint32(j))
			binary.LittleEndian.PutUint32(h[8:], uint32(len(p.data)))
			binary.LittleEndian.PutUint32(h[12:], p.wirelen)
			big.Write(h[:])
			big.Write(p.data)
		}
	}
	bigTotal := int64(big.Len()-24) + 24

	t.Run("U", func(t *testing.T) {
		var results []outcome
		for _, tl := range tools(t) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.pcap")
			r := startPipeRun(t, tl, input, "-U", "-r", "-", "-w", out)
			waitFor(t, tl.name+" writing every packet", func() bool { return fileSize(out) == full })
			r.cmd.Process.Kill()
			code := r.wait(t)
			results = append(results, outcome{code: code, stderr: r.stderr.String(), files: filesIn(t, dir)})
		}
		sameOutcome(t, "kill -9 after -U -w", results[0], results[1])
		if n, whole := recordsIn(t, filepath.Join(t.TempDir(), "none")); n != 0 || whole {
			t.Fatal("recordsIn of a missing file")
		}
	})
	t.Run("C1W3", func(t *testing.T) {
		var results []outcome
		for _, tl := range tools(t) {
			dir := t.TempDir()
			out := filepath.Join(dir, "ring.pcap")
			r := startPipeRun(t, tl, big.Bytes(), "-U", "-C", "1", "-W", "3", "-r", "-", "-w", out)
			// 2,3 MB in files of just over 1 MB: ring.pcap0, 1 and 2.
			waitFor(t, tl.name+" writing every packet", func() bool {
				total := int64(0)
				for i := range 3 {
					if s := fileSize(out + strconv.Itoa(i)); s > 0 {
						total += s - 24
					}
				}
				return total+24 == bigTotal
			})
			r.cmd.Process.Kill()
			code := r.wait(t)
			results = append(results, outcome{code: code, stderr: r.stderr.String(), files: filesIn(t, dir)})
		}
		sameOutcome(t, "kill -9 after -U -C 1 -W 3 -w", results[0], results[1])
		if len(results[0].files) != 3 {
			t.Errorf("gocap left %d files, want ring.pcap0, 1 and 2: %v", len(results[0].files), results[0])
		}
	})
	t.Run("buffered", func(t *testing.T) {
		g := tools(t)[0]
		dir := t.TempDir()
		out := filepath.Join(dir, "out.pcap")
		r := startPipeRun(t, g, big.Bytes(), "-r", "-", "-w", out)
		waitFor(t, "gocap writing", func() bool { return fileSize(out) >= 24+savefile.FlushAt })
		r.cmd.Process.Kill()
		r.wait(t)
		n, whole := recordsIn(t, out)
		// gocap writes whole records in each write(2), but a SIGKILL
		// that arrives while the kernel copies a write into the page
		// cache ends that write early, between two pages
		// (generic_perform_write checks for a fatal signal before each
		// one): the file may then end in part of a record, at a page
		// boundary. Anywhere else a cut record is gocap's doing.
		size := fileSize(out)
		if n == 0 || !whole && size%4096 != 0 {
			t.Errorf("after kill -9 the buffered file holds %d records, whole %v, %d bytes: want whole records only, or a write the kernel cut at a page boundary", n, whole, size)
		}
	})
}

// TestOutputFileLikeTcpdump checks how the -w file is opened: the umask
// applies (077 gives 0600: captures hold credentials), an existing file
// is truncated in place (its inode and mode kept), and a symbolic link is
// followed, not replaced.
func TestOutputFileLikeTcpdump(t *testing.T) {
	type result struct {
		mode       os.FileMode
		sameInode  bool
		stillLink  bool
		content    []byte
		code       int
		stderrText string
	}
	run := func(t *testing.T, tl tool, setup func(dir string) (target string), prefix []string) result {
		dir := t.TempDir()
		os.Chmod(dir, 0o755)
		out := filepath.Join(dir, "out.pcap")
		target := setup(dir)
		var ino uint64
		if fi, err := os.Stat(target); err == nil {
			ino = fi.Sys().(*syscall.Stat_t).Ino
		}
		cmd := tl.command(prefix, "-r", sampleCapture, "-w", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		code := exitCode(cmd.Run())
		var res result
		res.code, res.stderrText = code, normalized(stderr.String())
		fi, err := os.Stat(target)
		if err != nil {
			t.Fatalf("%s: %v", tl.name, err)
		}
		res.mode = fi.Mode()
		res.sameInode = ino == 0 || fi.Sys().(*syscall.Stat_t).Ino == ino
		lfi, _ := os.Lstat(out)
		res.stillLink = lfi != nil && lfi.Mode()&os.ModeSymlink != 0
		res.content, _ = os.ReadFile(target)
		return res
	}
	umask := []string{"sh", "-c", `umask 077; exec "$0" "$@"`}
	cases := []struct {
		name   string
		prefix []string
		setup  func(dir string) string
	}{
		{"umask 077", umask, func(dir string) string { return filepath.Join(dir, "out.pcap") }},
		{"umask 022", []string{"sh", "-c", `umask 022; exec "$0" "$@"`}, func(dir string) string { return filepath.Join(dir, "out.pcap") }},
		{"existing 0640 file", nil, func(dir string) string {
			name := filepath.Join(dir, "out.pcap")
			if err := os.WriteFile(name, bytes.Repeat([]byte("old"), 100000), 0o640); err != nil {
				t.Fatal(err)
			}
			os.Chmod(name, 0o640)
			return name
		}},
		{"symbolic link", nil, func(dir string) string {
			target := filepath.Join(dir, "target.pcap")
			if err := os.Symlink("target.pcap", filepath.Join(dir, "out.pcap")); err != nil {
				t.Fatal(err)
			}
			return target
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tl := tools(t)
			g, d := run(t, tl[0], c.setup, c.prefix), run(t, tl[1], c.setup, c.prefix)
			if g.code != d.code || g.stderrText != d.stderrText || g.mode != d.mode || g.sameInode != d.sameInode || g.stillLink != d.stillLink || !bytes.Equal(g.content, d.content) {
				t.Errorf("gocap: exit %d, mode %v, same inode %v, still a link %v, %d bytes, stderr %q\ntcpdump: exit %d, mode %v, same inode %v, still a link %v, %d bytes, stderr %q",
					g.code, g.mode, g.sameInode, g.stillLink, len(g.content), g.stderrText,
					d.code, d.mode, d.sameInode, d.stillLink, len(d.content), d.stderrText)
			}
		})
	}
}

// TestOfflineDropsPrivilegesLikeTcpdump checks -Z with -r as Debian's
// tcpdump 4.99.3 does it: the input and the first -w file are opened as
// root (a root-only capture is read, a root-only directory written) and
// the file is given to the user; with -C the user is become first and
// opens the file itself; files of a -V list after the first are opened as
// the user.
func TestOfflineDropsPrivilegesLikeTcpdump(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("-Z needs root; skipping")
	}
	needTcpdump(t)
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody; skipping")
	}
	input, err := os.ReadFile(sampleCapture)
	if err != nil {
		t.Fatal(err)
	}
	gocap := tools(t)[0]
	tcpdump := tool{"tcpdump", []string{"tcpdump"}}
	for _, c := range []struct {
		name string
		args func(dir string) []string
	}{
		{"-w into a root-only directory", func(dir string) []string {
			return []string{"-Z", "nobody", "-r", filepath.Join(dir, "in.pcap"), "-w", filepath.Join(dir, "out.pcap")}
		}},
		{"-C into a root-only directory", func(dir string) []string {
			return []string{"-Z", "nobody", "-C", "1", "-r", filepath.Join(dir, "in.pcap"), "-w", filepath.Join(dir, "out.pcap")}
		}},
		{"-G into a root-only directory", func(dir string) []string {
			return []string{"-Z", "nobody", "-G", "3600", "-r", filepath.Join(dir, "in.pcap"), "-w", filepath.Join(dir, "out.pcap")}
		}},
		{"-V of root-only files", func(dir string) []string {
			list := filepath.Join(dir, "list")
			os.WriteFile(list, []byte(filepath.Join(dir, "in.pcap")+"\n"+filepath.Join(dir, "in.pcap")+"\n"), 0o600)
			return []string{"-Z", "nobody", "-nn", "-V", list}
		}},
		{"unknown user", func(dir string) []string {
			return []string{"-Z", "no-such-user-gocap", "-r", filepath.Join(dir, "in.pcap"), "-w", filepath.Join(dir, "out.pcap")}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			type res struct {
				code           int
				stdout, stderr string
				owners         map[string]uint32
				files          map[string][]byte
			}
			var rs []res
			for _, tl := range []tool{gocap, tcpdump} {
				dir := t.TempDir()
				os.Chmod(dir, 0o755) // root's alone
				if err := os.WriteFile(filepath.Join(dir, "in.pcap"), input, 0o600); err != nil {
					t.Fatal(err)
				}
				cmd := tl.command(nil, c.args(dir)...)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				r := res{code: exitCode(cmd.Run()), stdout: stdout.String(), stderr: strings.ReplaceAll(normalized(stderr.String()), dir, "DIR"), owners: map[string]uint32{}, files: filesIn(t, dir)}
				delete(r.files, "list") // it names the run's own directory
				for n := range r.files {
					fi, _ := os.Stat(filepath.Join(dir, n))
					r.owners[n] = fi.Sys().(*syscall.Stat_t).Uid
				}
				rs = append(rs, r)
			}
			g, d := rs[0], rs[1]
			same := g.code == d.code && g.stdout == d.stdout && g.stderr == d.stderr && fmt.Sprint(g.owners) == fmt.Sprint(d.owners) && len(g.files) == len(d.files)
			for n, b := range d.files {
				same = same && bytes.Equal(g.files[n], b)
			}
			if !same {
				t.Errorf("gocap: exit %d owners %v, %d bytes printed\n%s\ntcpdump: exit %d owners %v, %d bytes printed\n%s", g.code, g.owners, len(g.stdout), g.stderr, d.code, d.owners, len(d.stdout), d.stderr)
				for n, b := range d.files {
					if !bytes.Equal(g.files[n], b) {
						t.Errorf("%s: gocap's has %d bytes, tcpdump's %d", n, len(g.files[n]), len(b))
					}
				}
			}
			if out, ok := g.owners["out.pcap"]; ok && g.code == 0 && strconv.Itoa(int(out)) != nobody.Uid {
				t.Errorf("out.pcap belongs to uid %d, want nobody (%s)", out, nobody.Uid)
			}
		})
	}
}

// TestLinkTypesReadLikeTcpdump reads a one-packet capture of every link
// type value from 0 to 310 (and a few larger ones): gocap must refuse
// exactly the files tcpdump refuses, with its message, and read the rest
// to the end, printing every packet.
func TestLinkTypesReadLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	dir := t.TempDir()
	values := []uint32{65535, 65536, 1 << 20, 0x7fffffff}
	for v := range uint32(311) {
		values = append(values, v)
	}
	pkt := make([]byte, 60)
	for i := range pkt {
		pkt[i] = byte(i)
	}
	for _, v := range values {
		name := filepath.Join(dir, fmt.Sprintf("lt%d.pcap", v))
		var b []byte
		b = binary.LittleEndian.AppendUint32(b, savefile.MagicMicro)
		b = binary.LittleEndian.AppendUint16(b, 2)
		b = binary.LittleEndian.AppendUint16(b, 4)
		b = append(b, make([]byte, 8)...)
		b = binary.LittleEndian.AppendUint32(b, 65535)
		b = binary.LittleEndian.AppendUint32(b, v)
		for i := range 2 {
			b = binary.LittleEndian.AppendUint32(b, 1000)
			b = binary.LittleEndian.AppendUint32(b, uint32(i))
			b = binary.LittleEndian.AppendUint32(b, uint32(len(pkt)))
			b = binary.LittleEndian.AppendUint32(b, uint32(len(pkt)))
			b = append(b, pkt...)
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runGocap(t, nil, "-nn", "-r", name)
		tcode, tstdout, tstderr := runTcpdump("-nn", "-r", name)
		if code != tcode || stderr != tcpdumpMessage(tstderr) {
			t.Errorf("link type %d: gocap exit %d %q, tcpdump exit %d %q", v, code, stderr, tcode, tstderr)
			continue
		}
		if code == 0 && (strings.Count(stdout, "\n00:16:40") != strings.Count(tstdout, "\n00:16:40") || !strings.HasPrefix(stdout, "00:16:40.000000 ")) {
			t.Errorf("link type %d: gocap printed\n%s\ntcpdump printed\n%s", v, stdout, tstdout)
		}
	}
}

// TestLiveKill9KeepsRecords kills live -U -w captures, with and without
// -C 1 -W 3, once every packet sent has reached their files: the named
// files must hold them all, as tcpdump's do. A capture without -U must
// also write each packet out within a ring block timeout (1 s), with no
// signal, so that a second reader can follow the file.
func TestLiveKill9KeepsRecords(t *testing.T) {
	n := newTestNet(t)
	tr := newTraffic(t, n)
	type run struct {
		p    *proc
		file string // the file to read back
	}
	common := []string{"-i", "cap0", "--immediate-mode", "udp port 7001"}
	startBoth := func(name string, extra ...string) (g, d run) {
		gf, df := filepath.Join(n.dir, "g-"+name+".pcap"), filepath.Join(n.dir, "d-"+name+".pcap")
		g.p = startGocap(t, n.cap, append(append(append([]string{}, extra...), "-w", gf), common...)...)
		d.p = startTcpdump(t, n.cap, append(append(append([]string{}, extra...), "-w", df), common...)...)
		g.file, d.file = gf, df
		if strings.Contains(name, "ring") {
			g.file, d.file = gf+"0", df+"0"
		}
		return g, d
	}
	g1, d1 := startBoth("plain", "-U")
	g2, d2 := startBoth("ring", "-U", "-C", "1", "-W", "3")
	runs := []run{g1, d1, g2, d2}
	for _, r := range runs {
		r.p.waitListening(t)
	}
	// A capture without --immediate-mode: its block timeout is 1 s.
	g3 := run{p: startGocap(t, n.cap, "-i", "cap0", "-w", filepath.Join(n.dir, "g-buffered.pcap"), "udp port 7001"), file: filepath.Join(n.dir, "g-buffered.pcap")}
	g3.p.waitListening(t)
	const sent = 20
	tr.sendUDP(t, 7001, sent, 200)
	tr.waitDelivered(t, 7001, sent)
	for _, r := range append(runs, g3) {
		waitFor(t, r.p.name+" writing every packet to "+filepath.Base(r.file), func() bool {
			k, whole := recordsIn(t, r.file)
			return k == sent && whole
		})
	}
	for _, r := range append(runs, g3) {
		r.p.cmd.Process.Kill()
		<-r.p.done
	}
	_, gp := readCapture(t, g1.file)
	_, dp := readCapture(t, d1.file)
	samePackets(t, "-U -w after kill -9", gp, dp, false)
	_, gp = readCapture(t, g2.file)
	_, dp = readCapture(t, d2.file)
	samePackets(t, "-U -C 1 -W 3 -w after kill -9", gp, dp, false)
	ents, _ := os.ReadDir(n.dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a hidden file was left: %s", e.Name())
		}
	}
}

// TestLiveHangupLikeTcpdump closes the "terminal" (SIGHUP) of live
// captures: as tcpdump, gocap must stop cleanly, print its statistics,
// exit 0 and leave a complete file; printing, it ends with tcpdump's
// extra newline.
func TestLiveHangupLikeTcpdump(t *testing.T) {
	n := newTestNet(t)
	tr := newTraffic(t, n)
	gf, df := filepath.Join(n.dir, "g.pcap"), filepath.Join(n.dir, "d.pcap")
	procs := []*proc{
		startGocap(t, n.cap, "-i", "cap0", "--immediate-mode", "-w", gf, "udp port 7001"),
		startTcpdump(t, n.cap, "-i", "cap0", "--immediate-mode", "-w", df, "udp port 7001"),
		startGocap(t, n.cap, "-i", "cap0", "--immediate-mode", "-nn", "-l", "udp port 7001"),
		startTcpdump(t, n.cap, "-i", "cap0", "--immediate-mode", "-nn", "-l", "udp port 7001"),
	}
	for _, p := range procs {
		p.waitListening(t)
	}
	const sent = 10
	tr.sendUDP(t, 7001, sent, 100)
	tr.waitDelivered(t, 7001, sent)
	for _, p := range procs {
		p.waitStats(t, "every packet captured", func(c counts) bool { return c.captured >= sent })
	}
	for i, p := range procs {
		code := p.stop(t, syscall.SIGHUP)
		if code != 0 {
			t.Errorf("%s: exit status %d after SIGHUP, want 0\n%s", p.name, code, p.stderr)
			continue
		}
		captured, _, _ := summary(t, p.stderr.String())
		if captured != sent {
			t.Errorf("%s: %d captured, want %d", p.name, captured, sent)
		}
		if i >= 2 {
			if out := p.stdout.String(); strings.Count(out, "\n") != sent+1 || !strings.HasSuffix(out, "\n\n") {
				t.Errorf("%s: printed %q, want %d lines and the extra newline", p.name, out, sent)
			}
		}
	}
	_, gp := readCapture(t, gf)
	_, dp := readCapture(t, df)
	samePackets(t, "-w after SIGHUP", gp, dp, false)
}

// TestBrokenPipeLikeTcpdump closes the reader of gocap's printed output
// (as `| head -1` does) while packets are still being printed: gocap must
// end as tcpdump ends, with "Unable to write output: Broken pipe" and
// status 14.
func TestBrokenPipeLikeTcpdump(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pcap")
	writeBigCapture(t, big, 200000)
	var results []outcome
	for _, tl := range tools(t) {
		cmd := tl.command(nil, "-nn", "-r", big)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr syncBuffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 4096)
		if _, err := io.ReadFull(stdout, buf); err != nil {
			t.Fatalf("%s: %v", tl.name, err)
		}
		stdout.Close()
		code := exitCode(cmd.Wait())
		results = append(results, outcome{code: code, stderr: stderr.String(), files: map[string][]byte{}})
	}
	sameOutcome(t, "printing into a closed pipe", results[0], results[1])
	if results[0].code != 14 {
		t.Errorf("gocap exit status %d, want tcpdump's 14", results[0].code)
	}
}

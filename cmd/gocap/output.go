package main

import (
	"fmt"
	"io"
	"os"

	"github.com/gocap/gocap/internal/savefile"
	"github.com/gocap/gocap/internal/strerror"
)

// sink receives the packets gocap keeps, for -w: savefile's pcap or
// pcapng writer.
type sink = savefile.Writer

// outFile is one file -w writes. It is opened where the user said, as
// tcpdump's fopen opens it: created with mode 0666 less the umask, or
// truncated in place when it exists (its inode, owner and mode kept; a
// symbolic link followed, not replaced). It is written as it goes, and
// only ever whole records at a time: records are gathered in a
// savefile.RecordBuffer and written out, up to the end of the last whole
// record, once savefile.FlushAt bytes are waiting, on flush (-U, SIGUSR2,
// the end of each ring block of a live capture) and on close. Whatever
// ends gocap, the file then holds a valid capture with every record
// written out so far, which a second reader (tail -f, Wireshark) can
// follow meanwhile.
type outFile struct {
	// The buffer of whole records; its first write error is returned
	// by every later write.
	*savefile.RecordBuffer
	name string
	f    *os.File // the file gocap opened; nil for standard output
}

func createOutput(name string, stdout io.Writer) (*outFile, error) {
	if name == "-" {
		return &outFile{RecordBuffer: savefile.NewRecordBuffer(stdout), name: name}, nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, strerror.Text(err))
	}
	return &outFile{RecordBuffer: savefile.NewRecordBuffer(f), name: name, f: f}, nil
}

// close writes out what is waiting and closes the file (not standard
// output). The file stays, whole or not, as tcpdump's does.
func (o *outFile) close() error {
	err := o.Flush()
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
		o.f = nil
	}
	if err != nil {
		return fmt.Errorf("%s: %s", o.name, strerror.Text(err))
	}
	return nil
}

// chown gives the file to uid and gid, as Debian's tcpdump does with the
// first file before it becomes -Z's user.
func (o *outFile) chown(uid, gid int) error {
	if o.f == nil {
		return nil
	}
	if err := o.f.Chown(uid, gid); err != nil {
		return fmt.Errorf("%s: %s", o.name, strerror.Text(err))
	}
	return nil
}

// textWriter is standard output's printed text with -w - --print: each
// write is a unit of its own, so that text and records keep their order.
type textWriter struct{ o *outFile }

func (t textWriter) Write(p []byte) (int, error) {
	t.o.Write(p)
	if err := t.o.EndRecord(); err != nil {
		return 0, err
	}
	return len(p), nil
}

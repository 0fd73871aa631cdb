package main

import (
	"errors"
	"fmt"
	"github.com/gocap/gocap/internal/savefile"
	"io"
	"strconv"
	"strings"
	"time"
)

// This file is -w with tcpdump's rotation: -C starts a new file once the
// current one is bigger than N million bytes, -G starts one every N
// seconds, -W limits the number of files (a ring with -C; the end of the
// capture with -G alone). Names are made as tcpdump 4.99's MakeFilename
// makes them: the -w name through strftime when -G is given, then the
// file's number when -C is given or the number is not 0, zero-padded to
// the width of -W's largest number.

// rotation holds the rotation flags.
type rotation struct {
	fileSize int64 // -C in bytes; 0 for none
	period   int64 // -G in seconds; 0 for none
	maxFiles int   // -W; 0 for no limit
}

// errMaxFiles ends a -G -W capture once the last file is full.
var errMaxFiles = errors.New("maximum file limit reached")

// numberWidth is tcpdump's getWflagChars: the number of digits of the
// largest file number, W-1.
func numberWidth(w int) int {
	c := 0
	for x := w - 1; x > 0; x /= 10 {
		c++
	}
	return c
}

// rotatedName is tcpdump's MakeFilename: base through strftime (with -G),
// then cnt, zero-padded to width, unless both are 0.
func rotatedName(base string, strf bool, t time.Time, cnt, width int) string {
	name := base
	if strf {
		name = strftime(base, t)
	}
	if cnt == 0 && width == 0 {
		return name
	}
	n := strconv.Itoa(cnt)
	if len(n) < width {
		n = strings.Repeat("0", width-len(n)) + n
	}
	return name + n
}

// fileOpener creates one output file, writes its header and returns the
// sink for its packets, the file to commit and the size of the header.
type fileOpener func(name string) (sink, *outFile, int64, error)

// rotator writes packets to the -w file or files.
type rotator struct {
	base   string
	rot    rotation
	width  int
	open   fileOpener
	now    func() time.Time
	notify io.Writer // "Maximum file limit reached" goes here
	// closed, when set, is called with the name of each file rotation
	// has closed (-z); not with the last file, which the end of the
	// capture closes.
	closed func(name string)

	cur     sink
	file    *outFile
	name    string
	size    int64 // bytes in the current file, header included
	cCount  int   // tcpdump's Cflag_count
	gCount  int   // tcpdump's Gflag_count
	gTime   int64 // when the current -G period began (Unix seconds)
	written []string
}

func newRotator(base string, rot rotation, open fileOpener, now func() time.Time, notify io.Writer) (*rotator, error) {
	r := &rotator{base: base, rot: rot, width: numberWidth(rot.maxFiles), open: open, now: now, notify: notify}
	t := now()
	r.gTime = t.Unix()
	w := 0
	if rot.fileSize > 0 {
		w = r.width
	}
	if err := r.openFile(rotatedName(base, rot.period > 0, t, 0, w)); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *rotator) openFile(name string) error {
	s, f, hdr, err := r.open(name)
	if err != nil {
		return err
	}
	r.cur, r.file, r.name, r.size = s, f, name, hdr
	r.written = append(r.written, name)
	return nil
}

// closeFile flushes and closes the current file.
func (r *rotator) closeFile() error {
	if r.cur == nil {
		return nil
	}
	err := r.cur.Flush()
	if cerr := r.file.close(); err == nil {
		err = cerr
	} else {
		err = writeErr(r.name, err)
	}
	r.cur, r.file = nil, nil
	return err
}

// rotateOut closes the current file because the next packet goes to a
// new one, and hands it to -z's command.
func (r *rotator) rotateOut() error {
	name := r.name
	if err := r.closeFile(); err != nil {
		return err
	}
	if r.closed != nil {
		r.closed(name)
	}
	return nil
}

// write writes one packet, first starting a new file if it is time to. It
// returns errMaxFiles, without writing the packet, when -G -W's last file
// is done.
func (r *rotator) write(rec *savefile.Record, data []byte) error {
	if r.rot.period > 0 {
		t := r.now()
		if t.Unix()-r.gTime >= r.rot.period {
			r.gTime = t.Unix()
			r.gCount++
			if err := r.rotateOut(); err != nil {
				return err
			}
			if r.rot.fileSize == 0 && r.rot.maxFiles > 0 && r.gCount >= r.rot.maxFiles {
				fmt.Fprintf(r.notify, "Maximum file limit reached: %d\n", r.rot.maxFiles)
				return errMaxFiles
			}
			r.cCount = 0
			w := 0
			if r.rot.fileSize > 0 {
				w = r.width
			}
			if err := r.openFile(rotatedName(r.base, true, t, 0, w)); err != nil {
				return err
			}
		}
	}
	if r.rot.fileSize > 0 && r.size > r.rot.fileSize {
		if err := r.rotateOut(); err != nil {
			return err
		}
		r.cCount++
		if r.rot.maxFiles > 0 && r.cCount >= r.rot.maxFiles {
			r.cCount = 0
		}
		if err := r.openFile(rotatedName(r.base, r.rot.period > 0, r.now(), r.cCount, r.width)); err != nil {
			return err
		}
	}
	if err := r.cur.Write(rec, data); err != nil {
		return writeErr(r.name, err)
	}
	r.size += 16 + int64(len(data))
	return nil
}

// flush pushes the current file's buffered packets out (-U).
func (r *rotator) flush() error {
	if r.cur == nil {
		return nil
	}
	if err := r.cur.Flush(); err != nil {
		return writeErr(r.name, err)
	}
	return nil
}

// strftime formats t with the C library's conversions that tcpdump's -G
// names use. Unknown conversions are kept as written.
func strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			b.WriteString(strconv.Itoa(t.Year()))
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'C':
			fmt.Fprintf(&b, "%02d", t.Year()/100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&b, "%02d", (t.Hour()+11)%12+1)
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'a':
			b.WriteString(t.Weekday().String()[:3])
		case 'A':
			b.WriteString(t.Weekday().String())
		case 'b', 'h':
			b.WriteString(t.Month().String()[:3])
		case 'B':
			b.WriteString(t.Month().String())
		case 'u':
			wd := int(t.Weekday())
			if wd == 0 {
				wd = 7
			}
			b.WriteString(strconv.Itoa(wd))
		case 'w':
			b.WriteString(strconv.Itoa(int(t.Weekday())))
		case 's':
			b.WriteString(strconv.FormatInt(t.Unix(), 10))
		case 'F':
			fmt.Fprintf(&b, "%d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
		case 'T':
			fmt.Fprintf(&b, "%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
		case 'R':
			fmt.Fprintf(&b, "%02d:%02d", t.Hour(), t.Minute())
		case 'D':
			fmt.Fprintf(&b, "%02d/%02d/%02d", int(t.Month()), t.Day(), t.Year()%100)
		case 'z':
			b.WriteString(t.Format("-0700"))
		case 'Z':
			b.WriteString(t.Format("MST"))
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

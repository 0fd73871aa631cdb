//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"

	"github.com/gocap/gocap/internal/strerror"
)

// runAs is -Z's user, looked up while gocap is still root.
type runAs struct {
	name     string
	uid, gid int
	groups   []int // the user's group first, then its other groups
}

// isRoot reports whether gocap runs as root, the only case in which -Z
// does anything (as in tcpdump).
func isRoot() bool { return os.Getuid() == 0 || os.Geteuid() == 0 }

// lookupRunAs finds -Z's user, with tcpdump's message when there is none.
func lookupRunAs(name string) (*runAs, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return nil, fmt.Errorf("Couldn't find user '%.32s'", name)
	}
	r := &runAs{name: name}
	r.uid, _ = strconv.Atoi(u.Uid)
	r.gid, _ = strconv.Atoi(u.Gid)
	r.groups = []int{r.gid}
	if ids, err := u.GroupIds(); err == nil {
		for _, g := range ids {
			if n, err := strconv.Atoi(g); err == nil && n != r.gid {
				r.groups = append(r.groups, n)
			}
		}
	}
	return r, nil
}

// become switches every thread of gocap to the user, as tcpdump's droproot
// does: its groups, its group, then its user. There is no way back.
func (r *runAs) become() error {
	err := syscall.Setgroups(r.groups)
	if err == nil {
		err = syscall.Setgid(r.gid)
	}
	if err == nil {
		err = syscall.Setuid(r.uid)
	}
	if err != nil {
		return fmt.Errorf("Couldn't change to '%.32s' uid=%d gid=%d: %s", r.name, r.uid, r.gid, strerror.Text(err))
	}
	return nil
}

// postRotate returns -z's hook: it runs "command FILE" on each file that
// rotation closed, as tcpdump's compress_savefile does, in the background
// at the lowest priority, with gocap's privileges (those of -Z's user
// once dropped) and gocap's standard output and error. gocap does not
// wait for it.
func (c *command) postRotate(command string) func(string) {
	var stdout, stderr *os.File
	if f, ok := c.stdout.(*os.File); ok {
		stdout = f
	}
	if f, ok := c.stderr.(*os.File); ok {
		stderr = f
	}
	return func(name string) {
		cmd := exec.Command(command, name)
		cmd.Stdout, cmd.Stderr = stdout, stderr
		if err := cmd.Start(); err != nil {
			why := strerror.Text(err)
			if errors.Is(err, exec.ErrNotFound) {
				why = strerror.Text(syscall.ENOENT)
			}
			fmt.Fprintf(c.stderr, "compress_savefile: execlp(%s, %s) failed: %s\n", command, name, why)
			return
		}
		syscall.Setpriority(syscall.PRIO_PROCESS, cmd.Process.Pid, 19)
		go cmd.Wait()
	}
}

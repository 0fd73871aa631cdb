//go:build linux

package netns

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// Do runs fn on an OS thread moved into a new network namespace whose
// loopback device is up, and returns fn's error, or the error of setting
// the namespace up (unix.EPERM without root or CAP_SYS_ADMIN). The thread
// is not given back to the Go scheduler: it ends with the call.
func Do(fn func() error) error {
	done := make(chan error)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread dies with the goroutine
		done <- inNew(fn)
	}()
	return <-done
}

func inNew(fn func() error) error {
	if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
		return err
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	ifr.SetUint16(unix.IFF_UP | unix.IFF_LOOPBACK | unix.IFF_RUNNING)
	if err := unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr); err != nil {
		return err
	}
	return fn()
}

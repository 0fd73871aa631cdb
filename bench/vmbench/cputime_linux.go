package main

import (
	"time"

	"golang.org/x/sys/unix"
)

var startTime = time.Now()

// threadTime returns the CPU time consumed so far by the calling OS thread
// or, should the kernel not provide that clock, the wall-clock time since the
// program started.
func threadTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return time.Since(startTime)
	}
	return time.Duration(ts.Nano())
}

//go:build !linux

package main

import "time"

var startTime = time.Now()

// threadTime returns the time elapsed since the program started: outside
// Linux, vmbench measures wall-clock time.
func threadTime() time.Duration { return time.Since(startTime) }

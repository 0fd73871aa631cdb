//go:build unix

package main

import (
	"os"
	"syscall"
)

// SIGUSR1 reports a live capture's statistics; SIGUSR2 flushes -w's file.
var sigUSR1, sigUSR2 os.Signal = syscall.SIGUSR1, syscall.SIGUSR2

//go:build !unix

package main

import "os"

// This system has no SIGUSR1 or SIGUSR2.
var sigUSR1, sigUSR2 os.Signal

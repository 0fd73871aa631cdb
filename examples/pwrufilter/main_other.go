//go:build !linux

// Command pwrufilter traces sk_buffs in the Linux kernel; see main.go.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "pwrufilter: tracing sk_buffs needs Linux")
	os.Exit(1)
}

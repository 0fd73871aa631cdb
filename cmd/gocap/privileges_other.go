//go:build !unix

package main

import "errors"

// runAs is -Z's user; only Unix systems have one to become.
type runAs struct{ uid, gid int }

func isRoot() bool { return false }

func lookupRunAs(string) (*runAs, error) {
	return nil, errors.New("-Z is not supported on this system")
}

func (*runAs) become() error { return errors.New("-Z is not supported on this system") }

// postRotate returns -z's hook, which this system cannot run.
func (c *command) postRotate(command string) func(string) {
	return func(name string) {}
}

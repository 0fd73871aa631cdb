//go:build !linux

package main

import "github.com/gocap/gocap/cmd/gocap/internal/capture"

// Live capture needs AF_PACKET; elsewhere gocap only reads files.

func (c *command) listDevices() error { return capture.ErrNotSupported }

func (c *command) listLinkTypes() error { return capture.ErrNotSupported }

func (c *command) listTstampTypes() error { return capture.ErrNotSupported }

func (c *command) live() error { return capture.ErrNotSupported }

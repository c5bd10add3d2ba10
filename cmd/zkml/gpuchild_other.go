//go:build !linux

package main

import "os"

// protocolStdout is stdout where fd 1 cannot be moved aside.
func protocolStdout() *os.File { return os.Stdout }

package main

import (
	"os"
	"syscall"
)

// protocolStdout moves the GPU prover's protocol onto a private copy of
// stdout and points fd 1 at stderr, so that anything a native library
// prints (ICICLE's std::cout) goes to the log instead of into the stream.
func protocolStdout() *os.File {
	fd, err := syscall.Dup(1)
	if err != nil {
		return os.Stdout
	}
	if err := syscall.Dup3(2, 1, 0); err != nil {
		syscall.Close(fd)
		return os.Stdout
	}
	return os.NewFile(uintptr(fd), "gpu-prover protocol")
}

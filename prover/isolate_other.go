//go:build !linux

package prover

import "syscall"

func childAttrs() *syscall.SysProcAttr { return nil }

func killGroup(int) {}

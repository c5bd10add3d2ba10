package prover

import "syscall"

// childAttrs puts the GPU prover in a process group of its own (killed
// whole) that the kernel kills when the worker dies.
func childAttrs() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func killGroup(pid int) { syscall.Kill(-pid, syscall.SIGKILL) }

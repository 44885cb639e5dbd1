//go:build linux

package parallel

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// currentCPU returns the CPU the calling thread runs on, or -1.
func currentCPU() int {
	var cpu uint32
	if _, _, e := syscall.RawSyscall(unix.SYS_GETCPU, uintptr(unsafe.Pointer(&cpu)), 0, 0); e != 0 {
		return -1
	}
	return int(cpu)
}

// avoidCPU restricts the calling thread, which must be locked to its
// goroutine, to the CPUs it may use except cpu, when that leaves any; it
// returns the function that restores the thread's mask. Failures (a
// sandbox that forbids the call, say) leave the mask as it was.
func avoidCPU(cpu int) (restore func()) {
	var set unix.CPUSet
	if cpu < 0 || unix.SchedGetaffinity(0, &set) != nil || !set.IsSet(cpu) || set.Count() < 2 {
		return func() {}
	}
	old := set
	set.Clear(cpu)
	if unix.SchedSetaffinity(0, &set) != nil {
		return func() {}
	}
	return func() { _ = unix.SchedSetaffinity(0, &old) }
}

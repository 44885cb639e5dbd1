//go:build linux

package parallel

import (
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// TestAvoidCPU checks that a helper's thread leaves the caller's CPU out of
// its mask while it works, and gets its mask back afterwards.
func TestAvoidCPU(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var before, during, after unix.CPUSet
	if err := unix.SchedGetaffinity(0, &before); err != nil {
		t.Skipf("sched_getaffinity: %v", err)
	}
	cpu := currentCPU()
	if cpu < 0 || !before.IsSet(cpu) {
		t.Fatalf("currentCPU() = %d, not in the thread's mask", cpu)
	}
	restore := avoidCPU(cpu)
	if err := unix.SchedGetaffinity(0, &during); err != nil {
		t.Fatal(err)
	}
	if before.Count() >= 2 && (during.IsSet(cpu) || during.Count() != before.Count()-1) {
		t.Errorf("mask while avoiding CPU %d has %d CPUs (cpu included: %v), want %d without it", cpu, during.Count(), during.IsSet(cpu), before.Count()-1)
	}
	if before.Count() < 2 && during != before {
		t.Errorf("a one-CPU mask must be left alone")
	}
	restore()
	if err := unix.SchedGetaffinity(0, &after); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("mask not restored: %d CPUs, want %d", after.Count(), before.Count())
	}
	if r := avoidCPU(-1); r == nil {
		t.Error("avoidCPU(-1) must return a no-op restore")
	}
}

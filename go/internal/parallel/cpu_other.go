//go:build !linux

package parallel

// currentCPU is unknown outside Linux.
func currentCPU() int { return -1 }

// avoidCPU does nothing outside Linux.
func avoidCPU(int) (restore func()) { return func() {} }

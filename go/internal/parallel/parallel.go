// Package parallel splits index ranges across goroutines.
//
// Work is cut into chunks of a fixed size chosen by the caller, never by the
// number of cores, so that any reduction summed in chunk order gives the
// same bits whatever GOMAXPROCS is.
package parallel

import (
	"runtime"
	"sync"
)

// For calls fn(lo, hi) for consecutive chunks [lo, hi) of [0, n), each at
// most chunk long, on up to runtime.GOMAXPROCS(0) goroutines. It returns
// when every call has returned. n <= chunk runs fn(0, n) on the caller's
// goroutine. For panics if chunk < 1.
func For(n, chunk int, fn func(chunk, lo, hi int)) {
	if chunk < 1 {
		panic("parallel: chunk < 1")
	}
	if n <= chunk {
		fn(0, 0, n)
		return
	}
	chunks := Chunks(n, chunk)
	workers := min(runtime.GOMAXPROCS(0), chunks)
	var next sync.Mutex
	c := 0
	take := func() int {
		next.Lock()
		defer next.Unlock()
		i := c
		c++
		return i
	}
	var wg sync.WaitGroup
	work := func() {
		defer wg.Done()
		for i := take(); i < chunks; i = take() {
			fn(i, i*chunk, min(n, (i+1)*chunk))
		}
	}
	wg.Add(workers)
	for range workers - 1 {
		go work()
	}
	work()
	wg.Wait()
}

// Chunks returns how many chunks of size chunk cover n elements.
func Chunks(n, chunk int) int {
	return (n + chunk - 1) / chunk
}

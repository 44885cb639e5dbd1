// Package parallel splits index ranges across goroutines.
//
// Work is cut into chunks of a fixed size chosen by the caller, never by the
// number of cores, so that any reduction summed in chunk order gives the
// same bits whatever GOMAXPROCS is.
//
// # Sharing two cores with other thread pools
//
// The calls this package serves are short: a memory-bound pass over a
// million doubles takes a few hundred microseconds on one core. Three
// measured facts (2-core virtual machines, make bench) shape For:
//
//   - Waking a parked thread costs about 100 microseconds there. The
//     caller therefore never waits for a helper to arrive: it claims chunks
//     from the start, and helpers join when they come. A helper lingers,
//     spinning, for Linger after its last chunk, so back-to-back calls find
//     it running; longer lingering, even yielding, slowed numpy's next call
//     more than it sped up ours.
//   - After a BLAS call, numpy's OpenBLAS worker keeps spinning (yielding)
//     on one core for about 0.1 s. The operating system often wakes our
//     helper on the caller's own core, and the two then share one core
//     while the spinner keeps the other: the call runs at one core's speed.
//     On Linux a helper therefore runs on every allowed CPU but the
//     caller's (its thread's affinity is restored when it leaves); the
//     spinner yields to it.
//   - Chunks are claimed dynamically, so a helper that arrives late or runs
//     slowly costs nothing: the others take its share.
package parallel

import (
	"runtime"
	"sync/atomic"
	"time"
)

// Linger is how long an idle helper spins for the next call before it
// exits: long enough to bridge back-to-back calls from Python, short enough
// not to steal a core from whatever the program runs next.
const Linger = 50 * time.Microsecond

// waitSpin bounds how long the caller busy-waits for chunks still in
// progress on helpers before it blocks.
const waitSpin = 200 * time.Microsecond

// job is one For call, shared by its caller and any helpers that join it.
type job struct {
	n, chunk, chunks int
	fn               func(chunk, lo, hi int)
	next             atomic.Int64 // the next chunk to claim
	left             atomic.Int64 // chunks not yet finished
	done             chan struct{}
}

var (
	// mailbox holds the newest job for lingering helpers to join (or nil).
	mailbox atomic.Pointer[job]
	// helpers counts the helper goroutines alive, working or lingering.
	helpers atomic.Int64
)

// For calls fn(c, lo, hi) for consecutive chunks [lo, hi) of [0, n), each at
// most chunk long, c being the chunk's index, on the caller's goroutine and
// up to runtime.GOMAXPROCS(0)-1 helpers. It returns when every call has
// returned; no helper touches fn or its data afterwards. n <= chunk runs
// fn(0, 0, n) on the caller's goroutine. For panics if chunk < 1.
func For(n, chunk int, fn func(chunk, lo, hi int)) {
	if chunk < 1 {
		panic("parallel: chunk < 1")
	}
	if n <= chunk {
		fn(0, 0, n)
		return
	}
	chunks := Chunks(n, chunk)
	j := &job{n: n, chunk: chunk, chunks: chunks, fn: fn, done: make(chan struct{})}
	j.left.Store(int64(chunks))
	if want := int64(min(runtime.GOMAXPROCS(0), chunks) - 1); want > 0 {
		mailbox.Store(j)
		cpu := currentCPU()
		for h := helpers.Load(); h < want; h = helpers.Load() {
			if helpers.CompareAndSwap(h, h+1) {
				go helper(j, cpu)
			}
		}
	}
	j.work()
	j.wait()
	mailbox.CompareAndSwap(j, nil)
}

// work claims and runs chunks until none is left to claim.
func (j *job) work() {
	for {
		c := int(j.next.Add(1) - 1)
		if c >= j.chunks {
			return
		}
		lo := c * j.chunk
		j.fn(c, lo, min(j.n, lo+j.chunk))
		if j.left.Add(-1) == 0 {
			close(j.done)
		}
	}
}

// wait returns when every chunk is finished: spinning for a while, since a
// helper finishes its last chunk within microseconds, then blocking.
func (j *job) wait() {
	if j.left.Load() == 0 {
		return
	}
	deadline := time.Now().Add(waitSpin)
	for spin := 0; j.left.Load() > 0; spin++ {
		if spin%256 == 255 && time.Now().After(deadline) {
			<-j.done
			return
		}
	}
}

// helper works on j, then on each job posted while it lingers, on a thread
// kept off the caller's CPU (Linux).
func helper(j *job, callerCPU int) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	restore := avoidCPU(callerCPU)
	defer restore()
	for {
		j.work()
		if next := linger(j); next != nil {
			j = next
			continue
		}
		// Leave: count down first, then look at the mailbox once more. A
		// caller posts before it counts the helpers, so either it sees this
		// helper gone and starts another, or this helper sees its job.
		helpers.Add(-1)
		next := mailbox.Load()
		if next == nil || next == j || next.next.Load() >= int64(next.chunks) {
			return
		}
		helpers.Add(1)
		j = next
	}
}

// linger spins for up to Linger for a posted job other than last that still
// has chunks to claim.
func linger(last *job) *job {
	deadline := time.Now().Add(Linger)
	for spin := 0; ; spin++ {
		if j := mailbox.Load(); j != nil && j != last && j.next.Load() < int64(j.chunks) {
			return j
		}
		if spin%64 == 63 && time.Now().After(deadline) {
			return nil
		}
	}
}

// Chunks returns how many chunks of size chunk cover n elements.
func Chunks(n, chunk int) int {
	return (n + chunk - 1) / chunk
}

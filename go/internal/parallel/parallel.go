// Package parallel splits index ranges across goroutines.
//
// Work is cut into chunks of a size chosen by the caller (Even derives one
// from n), never by the number of cores, so that any reduction summed in
// chunk order gives the same bits whatever GOMAXPROCS is.
//
// # Sharing two cores with other thread pools
//
// The calls this package serves are short: a memory-bound pass over a
// million doubles takes a few hundred microseconds on one core. What was
// measured (2-core virtual machines, make bench) shapes For:
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
//     caller's (its thread's affinity is restored when it leaves), where
//     it shares a core with the spinner only.
//   - Chunks are claimed dynamically, so a helper that arrives late or runs
//     slowly costs nothing: the others take its share.
//   - While another library's thread spins on a core, three threads share
//     two cores, and Linux's fair scheduler (EEVDF, which all but ignores
//     the spinner's sched_yield) gives each a like share: a call then has
//     about 1.5 cores where numpy's own threads have 2, and a helper
//     descheduled while it holds a chunk delays the end of the call until
//     it runs again. A dot of 1e6 doubles, at parity with OpenBLAS per
//     core, is then bound to about 0.75x numpy's speed. Measured and no
//     better: no pinning, the caller blocking instead of spinning, widening
//     the helper's CPU mask while the caller waits (so an idle core could
//     pull it), a shorter scheduler slice for the helper (sched_setattr),
//     and for GEMM more, smaller shares.
//   - The caller claims chunks from the front, helpers from the back. When
//     the threads run at steady speeds they meet at about the same chunk at
//     every call, so each core gets back the chunks it had last time, still
//     in its L2 cache: a dot of 1e5 doubles (1.6 MB) then runs from the two
//     L2 caches instead of trading halves through L3 at every call.
package parallel

import (
	"math"
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
	// span holds the chunks not yet claimed, [front, back), as front in
	// the low and back in the high 32 bits: the caller claims at the
	// front, helpers at the back.
	span atomic.Uint64
	left atomic.Int64 // chunks not yet finished
	done chan struct{}
}

func packSpan(front, back int) uint64 { return uint64(uint32(front)) | uint64(uint32(back))<<32 }

func unpackSpan(s uint64) (front, back int) { return int(uint32(s)), int(uint32(s >> 32)) }

// claim takes the next unclaimed chunk from the front or the back of the
// span, or returns -1 when none is left.
func (j *job) claim(fromBack bool) int {
	for {
		s := j.span.Load()
		front, back := unpackSpan(s)
		if front >= back {
			return -1
		}
		c, next := front, packSpan(front+1, back)
		if fromBack {
			c, next = back-1, packSpan(front, back-1)
		}
		if j.span.CompareAndSwap(s, next) {
			return c
		}
	}
}

// unclaimed reports whether some chunk of j is still to be claimed.
func (j *job) unclaimed() bool {
	front, back := unpackSpan(j.span.Load())
	return front < back
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
	if chunks > math.MaxUint32 {
		panic("parallel: more than 2^32-1 chunks")
	}
	j := &job{n: n, chunk: chunk, chunks: chunks, fn: fn, done: make(chan struct{})}
	j.span.Store(packSpan(0, chunks))
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
	j.work(false)
	j.wait()
	mailbox.CompareAndSwap(j, nil)
}

// work claims and runs chunks, from the front or the back, until none is
// left to claim.
func (j *job) work(fromBack bool) {
	for {
		c := j.claim(fromBack)
		if c < 0 {
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
		j.work(true)
		if next := linger(j); next != nil {
			j = next
			continue
		}
		// Leave: count down first, then look at the mailbox once more. A
		// caller posts before it counts the helpers, so either it sees this
		// helper gone and starts another, or this helper sees its job.
		helpers.Add(-1)
		next := mailbox.Load()
		if next == nil || next == j || !next.unclaimed() {
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
		if j := mailbox.Load(); j != nil && j != last && j.unclaimed() {
			return j
		}
		if spin%64 == 63 && time.Now().After(deadline) {
			return nil
		}
	}
}

// Even returns the chunk size that cuts n elements into as many chunks as
// size most would (Chunks(n, most)), but of nearly equal lengths, rounded
// up to a multiple of align; n itself when n <= most (one chunk), and 1
// for n = 0. With two threads, 1e5 elements in chunks of at most 2^15 are
// then four chunks of 25,024 (the last 24,928) instead of three of 32,768
// and one of 1,696, which left one thread twice the other's work. Like
// the chunk size, the result depends on n alone, never on the number of
// cores.
func Even(n, most, align int) int {
	if n <= most {
		return max(n, 1)
	}
	k := Chunks(n, most)
	c := (n + k - 1) / k
	return (c + align - 1) / align * align
}

// Chunks returns how many chunks of size chunk cover n elements.
func Chunks(n, chunk int) int {
	return (n + chunk - 1) / chunk
}

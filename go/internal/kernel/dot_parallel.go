package kernel

import (
	"sync/atomic"
	"time"
)

const (
	// dotWaitSpin bounds how long the caller busy-waits for the chunks still
	// in progress on helpers before it blocks; busy-waiting keeps the caller
	// on its core (a parked goroutine is resumed on the waker's).
	dotWaitSpin = 200 * time.Microsecond
	// dotLinger is how long an idle helper goroutine waits, spinning, for the
	// next long Dot before it exits. Waking a parked thread costs tens of
	// microseconds on virtual machines, as much as half a 1e6-element Dot.
	dotLinger = 50 * time.Microsecond
)

// dotJob is one chunked inner product shared by the caller and its helpers.
//
// Worker w owns a contiguous span of chunks, so repeated calls stream the same
// part of the vectors through the same core's cache. It works its own span
// from the front, then helps the others from the back, so a helper that starts
// late, or never, costs no idle time: the caller alone can finish the job.
type dotJob struct {
	x, y    []float64
	partial []float64
	spans   []chunkSpan
	workers int
	slot    atomic.Int64 // helper slots handed out so far
	left    atomic.Int64 // chunks not yet computed
	done    chan struct{}
}

var (
	// dotMailbox holds a job waiting for lingering helpers (or nil).
	dotMailbox atomic.Pointer[dotJob]
	// dotLingering counts helpers spinning in awaitDotJob.
	dotLingering atomic.Int64
)

// dotChunked computes a long inner product as fixed-size chunks on up to
// workers goroutines (the caller included) and adds the chunk sums in order,
// so the result is the same whichever goroutine computed which chunk.
func dotChunked(x, y []float64, workers int) float64 {
	chunks := (len(x) + dotChunk - 1) / dotChunk
	workers = max(1, min(workers, chunks))
	j := &dotJob{
		x: x, y: y,
		partial: make([]float64, chunks),
		spans:   make([]chunkSpan, workers),
		workers: workers,
		done:    make(chan struct{}),
	}
	per := (chunks + workers - 1) / workers
	for w := range j.spans {
		lo, hi := min(w*per, chunks), min((w+1)*per, chunks)
		j.spans[w].v.Store(uint64(lo)<<32 | uint64(hi))
	}
	j.left.Store(int64(chunks))

	posted := false
	if need := workers - 1; need > 0 {
		spawn := need
		if dotLingering.Load() > 0 && dotMailbox.CompareAndSwap(nil, j) {
			posted = true
			spawn = need - int(dotLingering.Load())
		}
		for range spawn {
			go dotHelper(j)
		}
	}
	j.run(0)
	if j.left.Load() > 0 {
		deadline := time.Now().Add(dotWaitSpin)
		for spin := 0; j.left.Load() > 0; spin++ {
			if spin%256 == 255 && time.Now().After(deadline) {
				<-j.done
				break
			}
		}
	}
	if posted {
		dotMailbox.CompareAndSwap(j, nil)
	}
	var s float64
	for _, v := range j.partial {
		s += v
	}
	return s
}

// run works for worker w until no chunk is left to claim.
func (j *dotJob) run(w int) {
	for i, ok := j.spans[w].take(true); ok; i, ok = j.spans[w].take(true) {
		j.compute(i)
	}
	for o := 1; o < j.workers; o++ {
		s := &j.spans[(w+o)%j.workers]
		for i, ok := s.take(false); ok; i, ok = s.take(false) {
			j.compute(i)
		}
	}
}

func (j *dotJob) compute(i int) {
	lo := i * dotChunk
	hi := min(lo+dotChunk, len(j.x))
	j.partial[i] = dotSerial(j.x[lo:hi], j.y[lo:hi])
	if j.left.Add(-1) == 0 {
		close(j.done)
	}
}

// dotHelper serves job j, then further posted jobs while they come quickly.
func dotHelper(j *dotJob) {
	for j != nil {
		if w := int(j.slot.Add(1)); w < j.workers {
			j.run(w)
		}
		j = awaitDotJob(j)
	}
}

// awaitDotJob spins for up to dotLinger for a posted job other than last.
func awaitDotJob(last *dotJob) *dotJob {
	dotLingering.Add(1)
	defer dotLingering.Add(-1)
	deadline := time.Now().Add(dotLinger)
	for spin := 0; ; spin++ {
		if j := dotMailbox.Load(); j != nil && j != last {
			return j
		}
		if spin%64 == 63 && time.Now().After(deadline) {
			return nil
		}
	}
}

// chunkSpan is a range [lo, hi) of chunk indices, packed as lo<<32 | hi,
// that can be claimed from either end.
type chunkSpan struct {
	v atomic.Uint64
}

// take claims the first (front) or last chunk of the span.
func (s *chunkSpan) take(front bool) (int, bool) {
	for {
		old := s.v.Load()
		lo, hi := old>>32, old&(1<<32-1)
		if lo >= hi {
			return 0, false
		}
		i, nv := hi-1, lo<<32|(hi-1)
		if front {
			i, nv = lo, (lo+1)<<32|hi
		}
		if s.v.CompareAndSwap(old, nv) {
			return int(i), true
		}
	}
}

package linear

import (
	"sync"
	"sync/atomic"
	"time"
)

// A team runs one function over the chunks [0, chunks) again and again,
// one round per iteration of Fit, on the caller's goroutine (worker 0) and
// on helper goroutines that stay for the whole fit. It exists because
// package parallel allocates for every call (its job, channel and
// closure), and Fit must not allocate per iteration.
//
// Chunks are claimed dynamically, so a helper that arrives late costs
// nothing: the caller starts on the chunks at once, and the others take
// the share of one that is slow. Between rounds a helper spins for linger,
// which bridges the caller's serial work between two rounds (a few
// microseconds), then parks until the next round: a round that follows a
// long progress callback wakes it again.
type team struct {
	chunks int
	fn     func(worker, chunk int)

	gen    atomic.Int64 // the round number, bumped to start a round
	next   atomic.Int64 // the next chunk of the round to claim
	left   atomic.Int64 // chunks of the round not yet finished
	parked atomic.Int64 // helpers blocked on wake, or about to be
	quit   atomic.Bool

	wake chan struct{} // tokens for parked helpers (spurious ones are harmless)
	done chan struct{} // one token per round, from whoever finishes the last chunk
	wg   sync.WaitGroup
}

const (
	// linger is how long an idle helper spins for the next round before
	// it parks (package parallel's Linger, measured there).
	linger = 50 * time.Microsecond
	// waitSpin bounds how long the caller spins for the chunks still in
	// progress on helpers before it blocks. A block is some 20 µs of work;
	// a helper that takes longer has usually been descheduled, and a
	// spinning caller would only keep a core from it.
	waitSpin = 50 * time.Microsecond
)

// newTeam starts helpers goroutines (helpers >= 0) that run fn with the
// worker numbers 1..helpers; run uses worker 0 for the caller. stop must
// be called when the team is no longer needed.
func newTeam(helpers, chunks int, fn func(worker, chunk int)) *team {
	t := &team{chunks: chunks, fn: fn, wake: make(chan struct{}, max(helpers, 1)), done: make(chan struct{}, 1)}
	t.next.Store(int64(chunks)) // nothing to claim before the first round
	t.wg.Add(helpers)
	for h := 1; h <= helpers; h++ {
		go t.helper(h)
	}
	return t
}

// run calls fn once for every chunk and returns when all calls have
// returned. Whatever the caller wrote before run is visible to fn, and
// whatever fn wrote is visible to the caller after run.
func (t *team) run() {
	t.left.Store(int64(t.chunks))
	t.next.Store(0)
	t.gen.Add(1)
	t.rouse()
	t.work(0)
	if t.left.Load() != 0 {
		deadline := time.Now().Add(waitSpin)
		for spin := 0; t.left.Load() != 0; spin++ {
			if spin%256 == 255 && time.Now().After(deadline) {
				break
			}
		}
	}
	<-t.done
}

// stop ends the helpers and waits for them.
func (t *team) stop() {
	t.quit.Store(true)
	t.gen.Add(1)
	for range cap(t.wake) {
		select {
		case t.wake <- struct{}{}:
		default:
		}
	}
	t.wg.Wait()
}

// rouse gives a wake token to each parked helper. A helper parks only
// after counting itself in parked and seeing no new round, and run counts
// the parked helpers only after starting the round: either the helper
// sees the round or run sees the helper.
func (t *team) rouse() {
	for i := t.parked.Load(); i > 0; i-- {
		select {
		case t.wake <- struct{}{}:
		default:
			return
		}
	}
}

// work claims and runs chunks until the round has none left to claim.
func (t *team) work(worker int) {
	for {
		c := int(t.next.Add(1) - 1)
		if c >= t.chunks {
			return
		}
		t.fn(worker, c)
		if t.left.Add(-1) == 0 {
			t.done <- struct{}{}
		}
	}
}

// helper works on every round until stop.
func (t *team) helper(worker int) {
	defer t.wg.Done()
	var seen int64
	for {
		seen = t.await(seen)
		if t.quit.Load() {
			return
		}
		t.work(worker)
	}
}

// await returns the round number once it differs from seen: spinning for
// linger, then parked until woken.
func (t *team) await(seen int64) int64 {
	deadline := time.Now().Add(linger)
	for spin := 0; ; spin++ {
		if g := t.gen.Load(); g != seen {
			return g
		}
		if spin%64 == 63 && time.Now().After(deadline) {
			t.parked.Add(1)
			if g := t.gen.Load(); g != seen {
				t.parked.Add(-1)
				return g
			}
			<-t.wake
			t.parked.Add(-1)
			deadline = time.Now().Add(linger)
		}
	}
}

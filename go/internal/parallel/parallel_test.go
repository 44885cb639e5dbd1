package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestForCoversEveryIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, chunk int }{
		{0, 4}, {1, 4}, {4, 4}, {5, 4}, {1000, 7}, {1 << 16, 1 << 10},
	} {
		hits := make([]int32, tc.n)
		var calls int32
		For(tc.n, tc.chunk, func(c, lo, hi int) {
			atomic.AddInt32(&calls, 1)
			if lo != c*tc.chunk || hi-lo > tc.chunk || hi <= lo && tc.n > 0 {
				t.Errorf("n=%d chunk=%d: bad chunk %d = [%d, %d)", tc.n, tc.chunk, c, lo, hi)
			}
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&hits[i], 1)
			}
		})
		for i, h := range hits {
			if h != 1 {
				t.Fatalf("n=%d chunk=%d: index %d visited %d times", tc.n, tc.chunk, i, h)
			}
		}
		if want := max(1, Chunks(tc.n, tc.chunk)); int(calls) != want {
			t.Errorf("n=%d chunk=%d: %d calls, want %d", tc.n, tc.chunk, calls, want)
		}
	}
}

func TestForUsesSeveralGoroutines(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS >= 2")
	}
	var running, peak int32
	For(64, 1, func(_, _, _ int) {
		r := atomic.AddInt32(&running, 1)
		for p := atomic.LoadInt32(&peak); r > p && !atomic.CompareAndSwapInt32(&peak, p, r); p = atomic.LoadInt32(&peak) {
		}
		for i := 0; i < 200000; i++ {
			runtime.Gosched()
			if atomic.LoadInt32(&peak) > 1 {
				break
			}
		}
		atomic.AddInt32(&running, -1)
	})
	if peak < 2 {
		t.Errorf("peak concurrency %d, want >= 2", peak)
	}
}

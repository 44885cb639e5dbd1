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

func TestEvenCutsIntoAsManyChunksOfNearlyEqualLength(t *testing.T) {
	for _, tc := range []struct{ n, most, align int }{
		{0, 8, 1}, {1, 8, 1}, {8, 8, 4}, {9, 8, 1}, {100_000, 1 << 15, 64}, {1 << 16, 1 << 15, 64},
		{1_000_000, 1 << 15, 64}, {3<<15 + 17, 1 << 15, 64}, {1<<20 + 1, 1 << 13, 32}, {65, 64, 64},
	} {
		c := Even(tc.n, tc.most, tc.align)
		if tc.n <= tc.most {
			if c != max(tc.n, 1) {
				t.Errorf("Even(%d, %d, %d) = %d, want %d (one chunk)", tc.n, tc.most, tc.align, c, max(tc.n, 1))
			}
			continue
		}
		k := Chunks(tc.n, tc.most)
		if c%tc.align != 0 || Chunks(tc.n, c) > k {
			t.Errorf("Even(%d, %d, %d) = %d: %d chunks (want at most %d), align %d", tc.n, tc.most, tc.align, c, Chunks(tc.n, c), k, tc.align)
		}
		// every chunk but the last is c long; the last is not much shorter
		// than the others (at most one alignment step per chunk)
		if last := tc.n - (Chunks(tc.n, c)-1)*c; last <= 0 || c-last > k*tc.align {
			t.Errorf("Even(%d, %d, %d) = %d: last chunk %d", tc.n, tc.most, tc.align, c, last)
		}
	}
}

func TestTheCallerClaimsFromTheFrontAndHelpersFromTheBack(t *testing.T) {
	j := &job{chunks: 5}
	j.span.Store(packSpan(0, 5))
	var got []int
	for _, back := range []bool{false, true, false, true, false, true} {
		got = append(got, j.claim(back))
	}
	want := []int{0, 4, 1, 3, 2, -1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("claims = %v, want %v", got, want)
		}
	}
	if j.unclaimed() {
		t.Error("unclaimed after every chunk was claimed")
	}
}

package linear

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"mlmath/internal/testdata"
	"runtime"
	"testing"
	"time"
)

// objective returns the penalized loss L(w, b) by the plain formulas
// (sequential sums, math.Log1p): the test's reference.
func objective(w []float64, b float64, x, y []float64, n, d int, l1, l2 float64) float64 {
	var s float64
	for i := range n {
		z := b
		for j := range d {
			z += x[i*d+j] * w[j]
		}
		s += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - y[i]*z
	}
	loss := s / float64(n)
	for _, v := range w {
		loss += l2/2*v*v + l1*math.Abs(v)
	}
	return loss
}

// gradient returns the gradient of the smooth part of L (the loss and the
// l2 penalty) at (w, b): g[:d] for w, g[d] for b.
func gradient(w []float64, b float64, x, y []float64, n, d int, l2 float64) []float64 {
	g := make([]float64, d+1)
	for i := range n {
		z := b
		for j := range d {
			z += x[i*d+j] * w[j]
		}
		r := (1/(1+math.Exp(-z)) - y[i]) / float64(n)
		for j := range d {
			g[j] += x[i*d+j] * r
		}
		g[d] += r
	}
	for j := range d {
		g[j] += l2 * w[j]
	}
	return g
}

func fit(t *testing.T, w []float64, b *float64, x, y []float64, n, d int, opt Options) []float64 {
	t.Helper()
	losses := make([]float64, opt.MaxIter)
	k, err := Fit(w, b, x, y, n, d, opt, losses)
	if err != nil {
		t.Fatalf("Fit: %v", err)
	}
	return losses[:k]
}

// TestFitGradient checks one step against the objective: the loss Fit
// reports is L at the starting point, and with lr = 1 the step w - w' is
// the gradient, which central differences of L confirm.
func TestFitGradient(t *testing.T) {
	const n, d = 40, 3
	x, y := classification(n, d, 3)
	for _, l2 := range []float64{0, 0.3} {
		w0, b0 := []float64{0.5, -1, 2}, 0.25
		w, b := append([]float64(nil), w0...), b0
		losses := fit(t, w, &b, x, y, n, d, Options{LearningRate: 1, L2: l2, MaxIter: 1})
		if want := objective(w0, b0, x, y, n, d, 0, l2); !near(losses[0], want, 16*eps) {
			t.Errorf("l2=%v: loss %v, want %v", l2, losses[0], want)
		}
		step := append(make([]float64, 0, d+1), w0[0]-w[0], w0[1]-w[1], w0[2]-w[2], b0-b)
		want := gradient(w0, b0, x, y, n, d, l2)
		for j := range d + 1 {
			// The central difference of the objective, coordinate j.
			h := 1e-5
			wp, wm := append([]float64(nil), w0...), append([]float64(nil), w0...)
			bp, bm := b0, b0
			if j < d {
				wp[j] += h
				wm[j] -= h
			} else {
				bp += h
				bm -= h
			}
			fd := (objective(wp, bp, x, y, n, d, 0, l2) - objective(wm, bm, x, y, n, d, 0, l2)) / (2 * h)
			if !near(step[j], want[j], 1e-14) || !near(step[j], fd, 1e-9) {
				t.Errorf("l2=%v: gradient %d: step %v, formula %v, central difference %v", l2, j, step[j], want[j], fd)
			}
		}
	}
}

// TestFitTrajectory follows the plain formulas for many iterations, with
// and without penalties: Fit's iterates and losses agree to rounding.
func TestFitTrajectory(t *testing.T) {
	const n, d, iters = 300, 4, 200
	x, y := classification(n, d, 4)
	for _, o := range []Options{
		{LearningRate: 0.5, MaxIter: iters},
		{LearningRate: 0.5, L2: 0.05, MaxIter: iters},
		{LearningRate: 0.5, L1: 0.02, L2: 0.01, MaxIter: iters},
	} {
		w, b := make([]float64, d), 0.0
		losses := fit(t, w, &b, x, y, n, d, o)
		rw, rb := make([]float64, d), 0.0
		for k := range iters {
			if want := objective(rw, rb, x, y, n, d, o.L1, o.L2); !near(losses[k], want, 1e-13) {
				t.Fatalf("%+v: iteration %d: loss %v, want %v", o, k, losses[k], want)
			}
			g := gradient(rw, rb, x, y, n, d, o.L2)
			for j := range d {
				v := rw[j] - o.LearningRate*g[j]
				rw[j] = math.Copysign(math.Max(math.Abs(v)-o.LearningRate*o.L1, 0), v)
			}
			rb -= o.LearningRate * g[d]
		}
		for j := range d {
			if !near(w[j], rw[j], 1e-12) {
				t.Errorf("%+v: w[%d] = %v, want %v", o, j, w[j], rw[j])
			}
		}
		if !near(b, rb, 1e-12) {
			t.Errorf("%+v: b = %v, want %v", o, b, rb)
		}
	}
}

// TestFitOptimality runs to convergence on a small problem and checks the
// optimality conditions: the gradient vanishes (l2 only); with l1, the
// smooth gradient is -l1·sign(w_j) where w_j != 0 and at most l1 in size
// where w_j = 0. The loss never increases (lr below 1/Lipschitz).
func TestFitOptimality(t *testing.T) {
	const n, d = 200, 5
	x, y := classification(n, d, 5)
	for _, tc := range []struct {
		l1, l2    float64
		wantZeros bool
	}{
		{0, 0.1, false},
		{0.05, 0.01, true},
		{0.02, 0, false},
	} {
		w, b := make([]float64, d), 0.0
		losses := fit(t, w, &b, x, y, n, d, Options{LearningRate: 1, L1: tc.l1, L2: tc.l2, Tol: 1e-11, MaxIter: 20000})
		if len(losses) == 20000 {
			t.Errorf("l1=%v l2=%v: no convergence in 20000 iterations", tc.l1, tc.l2)
		}
		for k := 1; k < len(losses); k++ {
			if losses[k] > losses[k-1]+4*eps {
				t.Fatalf("l1=%v l2=%v: loss rose at %d: %v -> %v", tc.l1, tc.l2, k, losses[k-1], losses[k])
			}
		}
		g := gradient(w, b, x, y, n, d, tc.l2)
		zeros := 0
		for j := range d {
			switch {
			case w[j] == 0:
				zeros++
				if math.Abs(g[j]) > tc.l1+1e-9 {
					t.Errorf("l1=%v l2=%v: w[%d] = 0 with |gradient| %v > l1", tc.l1, tc.l2, j, math.Abs(g[j]))
				}
			case math.Abs(g[j]+tc.l1*math.Copysign(1, w[j])) > 1e-9:
				t.Errorf("l1=%v l2=%v: w[%d] = %v: gradient %v, want %v", tc.l1, tc.l2, j, w[j], g[j], -tc.l1*math.Copysign(1, w[j]))
			}
		}
		if math.Abs(g[d]) > 1e-9 {
			t.Errorf("l1=%v l2=%v: intercept gradient %v", tc.l1, tc.l2, g[d])
		}
		if tc.wantZeros != (zeros > 0) {
			t.Errorf("l1=%v l2=%v: w = %v: %d exact zeros", tc.l1, tc.l2, w, zeros)
		}
	}
	// A large l1 zeroes every coefficient: only the intercept is fitted,
	// to the log-odds of the positive class.
	w, b := []float64{1, -1, 1, -1, 1}, 0.0
	fit(t, w, &b, x, y, n, d, Options{LearningRate: 1, L1: 10, MaxIter: 2000})
	pos := 0.0
	for _, v := range y {
		pos += v
	}
	if w[0] != 0 || w[1] != 0 || w[2] != 0 || w[3] != 0 || w[4] != 0 || !near(b, math.Log(pos/(n-pos)), 1e-9) {
		t.Errorf("l1=10: w = %v, b = %v, want zeros and %v", w, b, math.Log(pos/(n-pos)))
	}
}

// TestFitTol: a tolerance stops the iteration at the first step whose
// gradient-mapping norm is below it.
func TestFitTol(t *testing.T) {
	const n, d = 100, 3
	x, y := classification(n, d, 6)
	w, b := make([]float64, d), 0.0
	full := fit(t, w, &b, x, y, n, d, Options{LearningRate: 1, L2: 0.1, MaxIter: 500})
	// Replay to find where the norm first falls below tol.
	const tol = 1e-4
	w, b = make([]float64, d), 0.0
	want := -1
	for k := range 500 {
		g := gradient(w, b, x, y, n, d, 0.1)
		norm := 0.0
		for _, v := range g {
			norm += v * v
		}
		for j := range d {
			w[j] -= g[j]
		}
		b -= g[d]
		if math.Sqrt(norm) < tol {
			want = k + 1
			break
		}
	}
	w, b = make([]float64, d), 0.0
	got := fit(t, w, &b, x, y, n, d, Options{LearningRate: 1, L2: 0.1, Tol: tol, MaxIter: 500})
	if want < 0 || len(got) != want || len(full) != 500 {
		t.Errorf("tol %v: %d iterations, want %d (of %d)", tol, len(got), want, len(full))
	}
}

func TestFitInterceptOnly(t *testing.T) {
	y := []float64{1, 1, 1, 0}
	b := 0.0
	fit(t, nil, &b, nil, y, 4, 0, Options{LearningRate: 4, MaxIter: 200})
	if !near(b, math.Log(3), 1e-12) {
		t.Errorf("d=0: b = %v, want log 3", b)
	}
}

func TestFitDiverges(t *testing.T) {
	const n, d = 50, 2
	x, y := classification(n, d, 7)
	// The gradient of the log-loss is bounded, so only the l2 term makes a
	// too large step grow geometrically (by |1 - lr·l2| an iteration).
	for _, lr := range []float64{1e300, 1e3, 5} {
		w, b := make([]float64, d), 0.0
		losses := make([]float64, 1000)
		k, err := Fit(w, &b, x, y, n, d, Options{LearningRate: lr, L2: 1, MaxIter: 1000}, losses)
		if !errors.Is(err, ErrNotFinite) {
			t.Errorf("lr=%v: Fit = %d, %v, want ErrNotFinite", lr, k, err)
		}
		for _, v := range losses[:k] {
			if !finite(v) {
				t.Errorf("lr=%v: losses[:%d] = %v hold a non-finite loss", lr, k, losses[:k])
			}
		}
	}
	// NaN in the data: the first loss is NaN.
	x[3] = math.NaN()
	w, b := make([]float64, d), 0.0
	if k, err := Fit(w, &b, x, y, n, d, Options{LearningRate: 1, MaxIter: 10}, make([]float64, 10)); k != 0 || !errors.Is(err, ErrNotFinite) {
		t.Errorf("NaN data: Fit = %d, %v, want 0, ErrNotFinite", k, err)
	}
}

func TestFitProgress(t *testing.T) {
	const n, d = 30, 2
	x, y := classification(n, d, 8)
	errStop := errors.New("stop")
	for _, tc := range []struct {
		name      string
		every     time.Duration
		stopAt    int
		err       error
		wantIter  int
		wantCalls int
	}{
		{"every iteration", 0, 0, nil, 100, 100},
		{"stop", 0, 7, nil, 7, 7},
		{"error", 0, 5, errStop, 5, 5},
		{"an hour", time.Hour, 0, nil, 100, 0},
	} {
		calls := 0
		w, b := make([]float64, d), 0.0
		losses := make([]float64, 100)
		opt := Options{LearningRate: 0.5, MaxIter: 100, Every: tc.every, Progress: func(iter int, loss float64) (bool, error) {
			calls++
			if iter != calls || loss != losses[iter-1] {
				t.Errorf("%s: call %d: iter %d, loss %v (losses[iter-1] = %v)", tc.name, calls, iter, loss, losses[iter-1])
			}
			if iter == tc.stopAt {
				return tc.err == nil, tc.err
			}
			return false, nil
		}}
		k, err := Fit(w, &b, x, y, n, d, opt, losses)
		if k != tc.wantIter || err != tc.err || calls != tc.wantCalls {
			t.Errorf("%s: Fit = %d, %v after %d calls; want %d, %v after %d", tc.name, k, err, calls, tc.wantIter, tc.err, tc.wantCalls)
		}
	}
	// A short Every: the clock is read every clockWork/(n·d) iterations.
	stride := clockWork / (n * d)
	var iters []int
	w, b := make([]float64, d), 0.0
	opt := Options{LearningRate: 0.5, MaxIter: 3 * stride, Every: time.Nanosecond, Progress: func(iter int, _ float64) (bool, error) {
		iters = append(iters, iter)
		return false, nil
	}}
	if _, err := Fit(w, &b, x, y, n, d, opt, make([]float64, 3*stride)); err != nil || fmt.Sprint(iters) != fmt.Sprint([]int{stride, 2 * stride, 3 * stride}) {
		t.Errorf("every 1ns: progress after %v (err %v), want every %d", iters, err, stride)
	}
}

func TestFitOptions(t *testing.T) {
	x, y := []float64{1, 2}, []float64{0, 1}
	inf, nan := math.Inf(1), math.NaN()
	for _, tc := range []struct {
		opt  Options
		want error
	}{
		{Options{LearningRate: 0, MaxIter: 1}, ErrLearningRate},
		{Options{LearningRate: -1, MaxIter: 1}, ErrLearningRate},
		{Options{LearningRate: inf, MaxIter: 1}, ErrLearningRate},
		{Options{LearningRate: nan, MaxIter: 1}, ErrLearningRate},
		{Options{LearningRate: 1, L1: -1, MaxIter: 1}, ErrPenalty},
		{Options{LearningRate: 1, L2: nan, MaxIter: 1}, ErrPenalty},
		{Options{LearningRate: 1, L2: inf, MaxIter: 1}, ErrPenalty},
		{Options{LearningRate: 1, Tol: -1e-9, MaxIter: 1}, ErrTol},
		{Options{LearningRate: 1, Tol: inf, MaxIter: 1}, ErrTol},
		{Options{LearningRate: 1, MaxIter: -1}, ErrMaxIter},
		{Options{LearningRate: 1, MaxIter: 0}, nil},
	} {
		w, b := []float64{0}, 0.0
		if k, err := Fit(w, &b, x, y, 2, 1, tc.opt, nil); k != 0 || err != tc.want {
			t.Errorf("%+v: Fit = %d, %v, want 0, %v", tc.opt, k, err, tc.want)
		}
	}
	w, b := []float64{0}, 0.0
	if k, err := Fit(w, &b, nil, nil, 0, 1, Options{LearningRate: 1, MaxIter: 1}, make([]float64, 1)); k != 0 || err != ErrEmpty {
		t.Errorf("n=0: Fit = %d, %v, want 0, ErrEmpty", k, err)
	}
	opt := Options{LearningRate: 1, MaxIter: 2}
	testdata.MustPanic(t, "short losses", ErrShape, func() { Fit(w, &b, x, y, 2, 1, opt, make([]float64, 1)) })
	testdata.MustPanic(t, "short x", ErrShape, func() { Fit(w, &b, x[:1], y, 2, 1, opt, make([]float64, 2)) })
	testdata.MustPanic(t, "short y", ErrShape, func() { Fit(w, &b, x, y[:1], 2, 1, opt, make([]float64, 2)) })
	testdata.MustPanic(t, "long w", ErrShape, func() { Fit([]float64{0, 0}, &b, x, y, 2, 1, opt, make([]float64, 2)) })
	testdata.MustPanic(t, "negative n", ErrShape, func() { Fit(w, &b, x, y, -2, 1, opt, make([]float64, 2)) })
}

// TestFitParallel: a problem large enough for several goroutines gives the
// same bits whatever GOMAXPROCS, and allocates nothing per iteration.
func TestFitParallel(t *testing.T) {
	n, d := 3*minParallelWork/4, 3 // several blocks, n·d above minParallelWork
	if testing.Short() {
		n = minParallelWork / 2
	}
	x, y := classification(n, d, 9)
	opt := Options{LearningRate: 0.5, L1: 1e-3, L2: 1e-2, MaxIter: 30}
	run := func(procs int) ([]float64, float64, []float64) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		w, b := make([]float64, d), 0.0
		return w, b, fit(t, w, &b, x, y, n, d, opt)
	}
	w1, b1, l1 := run(1)
	for _, procs := range []int{2, 4} {
		w, b, l := run(procs)
		if fmt.Sprint(w, b, l) != fmt.Sprint(w1, b1, l1) {
			t.Errorf("GOMAXPROCS=%d: w %v b %v, want %v %v", procs, w, b, w1, b1)
		}
	}
	if len(newProblem(x, y, n, d).starts) < 3 {
		t.Errorf("n=%d: one block only", n)
	}
	if raceEnabled {
		return // the race detector allocates
	}
	allocs := func(iters int) float64 {
		w, losses := make([]float64, d), make([]float64, iters)
		o := opt
		o.MaxIter = iters
		return testing.AllocsPerRun(3, func() {
			b := 0.0
			clear(w)
			Fit(w, &b, x, y, n, d, o, losses)
		})
	}
	if a1, a50 := allocs(1), allocs(50); a50 > a1 {
		t.Errorf("Fit allocates %v times for 1 iteration, %v for 50", a1, a50)
	}
}

func TestTeamRounds(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	const chunks = 16
	hits := make([]int, chunks)
	tm := newTeam(3, chunks, func(_, c int) { hits[c]++ })
	for round := 1; round <= 200; round++ {
		if round%50 == 0 {
			time.Sleep(2 * linger) // the helpers park
		}
		tm.run()
		for c, h := range hits {
			if h != round {
				t.Fatalf("round %d: chunk %d run %d times", round, c, h)
			}
		}
	}
	tm.stop()
}

func TestLog1pUnit(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	ulp := func(v float64) float64 { return math.Nextafter(v, math.Inf(1)) - v }
	xs := []float64{0, 1, sqrt2M1, math.Nextafter(sqrt2M1, 0), 0.5, 1e-300, 0x1p-29, 0x1p-30, 0x1p-20, math.SmallestNonzeroFloat64}
	for range 200000 {
		xs = append(xs, rng.Float64(), math.Exp(-rng.Float64()*40))
	}
	for _, x := range xs {
		got, want := log1pUnit(x), math.Log1p(x)
		if math.Abs(got-want) > ulp(want) {
			t.Fatalf("log1pUnit(%v) = %v, math.Log1p %v", x, got, want)
		}
	}
	if !math.IsNaN(log1pUnit(math.NaN())) || !same(log1pUnit(0), 0) {
		t.Errorf("log1pUnit(NaN) = %v, log1pUnit(0) = %v", log1pUnit(math.NaN()), log1pUnit(0))
	}
}

func TestLossTerms(t *testing.T) {
	for _, z := range []float64{0, math.Copysign(0, -1), 1e-20, -1e-20, 0.5, -0.5, 3, -3, 36, -36, 40, -40, 700, -700, 800, -800} {
		for _, y := range []float64{0, 1} {
			tt, s := lossTerms(z, math.Exp(-math.Abs(z)), y)
			wantT := math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - y*z
			if !near(tt, wantT, 2*eps) || !same(s, sigmoid(z)) {
				t.Errorf("lossTerms(%v, y=%v) = %v, %v; want %v, %v", z, y, tt, s, wantT, sigmoid(z))
			}
		}
	}
	if tt, s := lossTerms(math.NaN(), math.NaN(), 1); !math.IsNaN(tt) || !math.IsNaN(s) {
		t.Errorf("lossTerms(NaN) = %v, %v", tt, s)
	}
}

func TestPredictProba(t *testing.T) {
	x := []float64{0, 40, 37, -40, -800, 800, 1, math.NaN()}
	dst := make([]float64, len(x))
	PredictProba(dst, x, []float64{1}, 0, len(x), 1)
	want := []float64{0.5, 1, 1, math.Exp(-40) / (1 + math.Exp(-40)), 0, 1, 1 / (1 + math.Exp(-1)), math.NaN()}
	for i := range x {
		if !same(dst[i], want[i]) {
			t.Errorf("σ(%v) = %v, want %v", x[i], dst[i], want[i])
		}
	}
	if dst[3] < 4.24e-18 || dst[3] > 4.25e-18 {
		t.Errorf("σ(-40) = %v, want 4.248e-18", dst[3])
	}
	// With features and an intercept: σ(x·w + b).
	x2 := []float64{1, 2, -1, 0.5}
	PredictProba(dst[:2], x2, []float64{0.5, -1}, 0.25, 2, 2)
	if !near(dst[0], sigmoid(0.5-2+0.25), eps) || !near(dst[1], sigmoid(-0.5-0.5+0.25), eps) {
		t.Errorf("PredictProba = %v", dst[:2])
	}
	testdata.MustPanic(t, "short dst", ErrShape, func() { PredictProba(dst[:1], x2, []float64{0.5, -1}, 0, 2, 2) })
	testdata.MustPanic(t, "short w", ErrShape, func() { PredictProba(dst[:2], x2, []float64{0.5}, 0, 2, 2) })
}

func ExampleFit() {
	// One feature; the label is mostly 1, and always where the feature is
	// positive.
	x := []float64{-3, -2, -1, -0.5, 0.5, 1, 2, 3}
	y := []float64{0, 0, 1, 0, 1, 1, 1, 1}
	w, b := []float64{0}, 0.0
	losses := make([]float64, 1000)
	k, err := Fit(w, &b, x, y, 8, 1, Options{LearningRate: 1, L2: 0.01, Tol: 1e-8, MaxIter: 1000}, losses)
	fmt.Println(k < 1000, err)
	fmt.Printf("w = %.4f, b = %.4f\n", w[0], b)
	fmt.Printf("loss %.4f -> %.4f\n", losses[0], losses[k-1])
	p := make([]float64, 2)
	PredictProba(p, []float64{-2, 2}, w, b, 2, 1)
	fmt.Printf("P(y=1 | x=-2, 2) = %.4f\n", p)
	// Output:
	// true <nil>
	// w = 1.6870, b = 1.3173
	// loss 0.6931 -> 0.2848
	// P(y=1 | x=-2, 2) = [0.1134 0.9909]
}

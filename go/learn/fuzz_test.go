package learn_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
	"mlmath/learn"
)

// fuzzProb decodes a δ or ε: mostly a usable one in (0, 1), sometimes
// hostile (0, 1, negative, NaN, ±Inf, subnormal, huge).
func fuzzProb(r *fuzzdata.Reader) float64 {
	if b := r.Byte(); b < 0xC0 {
		return [...]float64{0.05, 0.01, 0.1, 0.5, 1e-6, 0.999}[b%6]
	}
	return r.Float()
}

// oneOf reports whether err wraps one of errs.
func oneOf(err error, errs ...error) bool {
	for _, e := range errs {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// FuzzBounds calls HoeffdingBound, FiniteClassBound, VCBound and
// SampleComplexity with decoded sample sizes, VC dimensions, hypothesis
// counts, δ and ε, hostile ones included (n <= 0, math.MaxInt, NaN, ±Inf,
// subnormal δ). It checks the documented errors (one of those that apply),
// that a result is a finite positive ε agreeing with the formula, that
// FiniteClassBound with one hypothesis is HoeffdingBound, and that
// SampleComplexity's n is the smallest n >= 1 with FiniteClassBound(n) <= ε
// (below 2^53). The seed corpus is in testdata/fuzz/FuzzBounds.
func FuzzBounds(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := 1 + r.Dim(1000)
		if r.Byte() >= 0xE0 {
			n = [...]int{0, -1, math.MinInt, math.MaxInt, 1 << 53, 1<<53 + 1}[r.Intn(6)]
		}
		vc := r.Dim(1000)
		delta, eps := fuzzProb(r), fuzzProb(r)
		hyp := [...]float64{1, 2, 1024, 0x1p100, 1.5}[r.Intn(5)]
		if r.Byte() >= 0xE0 {
			hyp = r.Float()
		}
		badN, badDelta := n < 1, !(delta > 0 && delta < 1)
		badHyp := !(hyp >= 1) || math.IsInf(hyp, 1)
		// ln(2/δ), as the package takes it (ln 2 - ln δ where 2/δ overflows).
		lnOver := func(c float64) float64 {
			if q := c / delta; !math.IsInf(q, 1) {
				return math.Log(q)
			}
			return math.Log(c) - (math.Log(delta*0x1p52) - 52*math.Ln2)
		}
		check := func(what string, v float64, err error, want float64, errs ...error) {
			t.Helper()
			if len(errs) > 0 {
				if !oneOf(err, errs...) {
					t.Fatalf("%s(n=%d, vc=%d, H=%v, δ=%v, ε=%v): error %v, want one of %v", what, n, vc, hyp, delta, eps, err, errs)
				}
				return
			}
			if err != nil || !(v > 0) || math.IsInf(v, 0) || math.Abs(v-want) > 8*0x1p-52*want {
				t.Fatalf("%s(n=%d, vc=%d, H=%v, δ=%v) = %v, %v; want %v", what, n, vc, hyp, delta, v, err, want)
			}
		}
		var errs []error
		add := func(bad bool, e error) {
			if bad {
				errs = append(errs, e)
			}
		}

		h, err := learn.HoeffdingBound(n, delta)
		errs = nil
		add(badN, learn.ErrSampleSize)
		add(badDelta, learn.ErrDelta)
		check("HoeffdingBound", h, err, math.Sqrt(lnOver(2)/(2*float64(n))), errs...)

		fc, err := learn.FiniteClassBound(n, hyp, delta)
		add(badHyp, learn.ErrHypotheses)
		check("FiniteClassBound", fc, err, math.Sqrt((math.Log(hyp)+lnOver(2))/(2*float64(n))), errs...)
		if hyp == 1 && err == nil && fc != h {
			t.Fatalf("FiniteClassBound(%d, 1, %v) = %v, HoeffdingBound %v", n, delta, fc, h)
		}

		vb, err := learn.VCBound(n, vc, delta)
		errs = nil
		add(badN, learn.ErrSampleSize)
		add(!badN && (vc < 1 || vc > n), learn.ErrVCDimension)
		add(badDelta, learn.ErrDelta)
		fn, d := float64(n), float64(vc)
		check("VCBound", vb, err, math.Sqrt((d*(math.Log(2*fn/d)+1)+lnOver(4))/fn), errs...)

		sc, err := learn.SampleComplexity(eps, delta, hyp)
		errs = nil
		add(!(eps > 0) || math.IsInf(eps, 1), learn.ErrEpsilon)
		add(badDelta, learn.ErrDelta)
		add(badHyp, learn.ErrHypotheses)
		if len(errs) > 0 {
			if !oneOf(err, errs...) {
				t.Fatalf("SampleComplexity(%v, %v, %v): error %v, want one of %v", eps, delta, hyp, err, errs)
			}
			return
		}
		if errors.Is(err, learn.ErrTooManySamples) {
			if v := (math.Log(hyp) + lnOver(2)) / (2 * eps * eps); v < 0x1p62 {
				t.Fatalf("SampleComplexity(%v, %v, %v): ErrTooManySamples for about %v samples", eps, delta, hyp, v)
			}
			return
		}
		if err != nil || sc < 1 {
			t.Fatalf("SampleComplexity(%v, %v, %v) = %d, %v", eps, delta, hyp, sc, err)
		}
		if sc < 1<<53 {
			at, err1 := learn.FiniteClassBound(int(sc), hyp, delta)
			if err1 != nil || at > eps {
				t.Fatalf("SampleComplexity(%v, %v, %v) = %d: the bound there is %v", eps, delta, hyp, sc, at)
			}
			if sc > 1 {
				if before, _ := learn.FiniteClassBound(int(sc-1), hyp, delta); !(before > eps) {
					t.Fatalf("SampleComplexity(%v, %v, %v) = %d: the bound at n-1 is %v", eps, delta, hyp, sc, before)
				}
			}
		}
	})
}

// FuzzBiasVariance calls BiasVariance on decoded prediction matrices and
// targets (hostile shapes, NaN, ±Inf, huge values). It checks the shape
// panics, ErrEmpty, and for finite input of moderate range the three
// terms against plain loops, nonnegative, with expected = bias² +
// variance to rounding. The seed corpus is in testdata/fuzz/FuzzBiasVariance.
func FuzzBiasVariance(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		models, points := r.Dim(8), r.Dim(8)
		pred := r.Floats(r.Length(64, models, points))
		y := r.Floats(r.Length(8, points))
		var b2, v, e float64
		var err error
		pn := testdata.Panics(func() { b2, v, e, err = learn.BiasVariance(pred, models, points, y) })
		size, ok := fuzzdata.Product(models, points)
		valid := ok && size == len(pred) && len(y) == points
		if (pn != nil) == valid || pn != nil && !fuzzdata.IsErr(pn, learn.ErrShape) {
			t.Fatalf("BiasVariance(%d×%d, %d values, %d targets): panic %v", models, points, len(pred), len(y), pn)
		}
		if !valid {
			return
		}
		if models == 0 || points == 0 {
			if !errors.Is(err, learn.ErrEmpty) {
				t.Fatalf("BiasVariance of %d×%d: error %v, want ErrEmpty", models, points, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("BiasVariance: %v", err)
		}
		if !fuzzdata.Finite(pred...) || !fuzzdata.Finite(y...) || fuzzdata.MaxAbs(pred) > 1e100 || fuzzdata.MaxAbs(y) > 1e100 {
			return
		}
		var wb, wv, we, scale float64
		for j := range points {
			var m float64
			for i := range models {
				m += pred[i*points+j]
			}
			m /= float64(models)
			wb += (m - y[j]) * (m - y[j])
			for i := range models {
				p := pred[i*points+j]
				wv += (p - m) * (p - m) / float64(models)
				we += (p - y[j]) * (p - y[j]) / float64(models)
				scale += (math.Abs(p) + math.Abs(y[j])) * (math.Abs(p) + math.Abs(y[j])) / float64(models)
			}
		}
		wb, wv, we, scale = wb/float64(points), wv/float64(points), we/float64(points), scale/float64(points)
		tol := 16 * float64(models+points+2) * 0x1p-52 * scale
		if !(b2 >= 0 && v >= 0 && e >= 0) || math.Abs(b2-wb) > tol || math.Abs(v-wv) > tol || math.Abs(e-we) > tol || math.Abs(e-(b2+v)) > tol {
			t.Fatalf("BiasVariance(%v, %v) = %v, %v, %v; want %v, %v, %v within %v", pred, y, b2, v, e, wb, wv, we, tol)
		}
	})
}

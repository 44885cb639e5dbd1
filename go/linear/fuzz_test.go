package linear_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
	"mlmath/linear"
)

const fuzzEps = 0x1p-52

// fuzzFits reports whether len(s) is the product of dims, without overflow.
func fuzzFits(s []float64, dims ...int) bool {
	p, ok := fuzzdata.Product(dims...)
	return ok && p == len(s)
}

// fuzzPanic checks that p is nil when ok, and else one of the errors.
func fuzzPanic(t *testing.T, what string, p any, ok bool, errs ...error) {
	t.Helper()
	if ok && p == nil {
		return
	}
	for _, e := range errs {
		if !ok && fuzzdata.IsErr(p, e) {
			return
		}
	}
	t.Fatalf("%s: valid %v, panic %v", what, ok, p)
}

// FuzzStandardize calls Standardize, ApplyStandardize and PredictProba on
// decoded matrices (hostile shapes, NaN, ±Inf, constant columns, huge and
// subnormal values). It checks the panics (ErrEmpty for no samples,
// ErrShape), that Standardize in place gives what it gives into another
// slice and that ApplyStandardize with its mean and std reproduces it bit
// for bit, std > 0, and for finite input of moderate range the means and
// scales against plain loops and standardized columns of mean 0 and
// variance 1 (or constant); PredictProba in [0, 1] against σ(x·w + b).
// The seed corpus is in testdata/fuzz/FuzzStandardize.
func FuzzStandardize(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n, d := r.Dim(8), r.Dim(6)
		x := r.Floats(r.Length(48, n, d))
		if r.Bool() && fuzzFits(x, n, d) && d > 0 && n > 0 && n <= 8 { // a constant column
			c := r.Intn(d)
			for i := range n {
				x[i*d+c] = x[c]
			}
		}
		dst, mean, std := make([]float64, r.Length(48, n, d)), make([]float64, r.Length(6, d)), make([]float64, r.Length(6, d))
		x0 := append([]float64(nil), x...)
		valid := fuzzFits(x, n, d) && fuzzFits(dst, n, d) && fuzzFits(mean, d) && fuzzFits(std, d)
		p := testdata.Panics(func() { linear.Standardize(dst, mean, std, x, n, d) })
		if n < 1 && fuzzdata.IsErr(p, linear.ErrEmpty) {
			return
		}
		fuzzPanic(t, "Standardize", p, valid && n >= 1, linear.ErrShape, linear.ErrEmpty)
		if !fuzzdata.SameSlices(x0, x) {
			t.Fatal("Standardize modified x")
		}
		if p != nil || n > 8 || d > 6 {
			return
		}
		inPlace, m2, s2 := append([]float64(nil), x...), make([]float64, d), make([]float64, d)
		linear.Standardize(inPlace, m2, s2, inPlace, n, d)
		applied := make([]float64, n*d)
		linear.ApplyStandardize(applied, x, mean, std, n, d)
		for i := range dst {
			if !fuzzdata.Same(dst[i], inPlace[i]) || !fuzzdata.Same(dst[i], applied[i]) {
				t.Fatalf("Standardize(%v): %v, in place %v, ApplyStandardize %v", x, dst, inPlace, applied)
			}
		}
		for j := range d {
			col := make([]float64, n)
			for i := range n {
				col[i] = x[i*d+j]
			}
			if !fuzzdata.Finite(col...) {
				continue
			}
			if !(std[j] > 0) && !math.IsNaN(std[j]) {
				t.Fatalf("Standardize: std %v", std)
			}
			if !fuzzdata.Moderate(1e-100, 1e100, col...) {
				continue
			}
			var sum, abs float64
			for _, v := range col {
				sum += v
				abs += math.Abs(v)
			}
			wantMean := sum / float64(n)
			if math.Abs(mean[j]-wantMean) > 4*float64(n)*fuzzEps*abs/float64(n) {
				t.Fatalf("Standardize: column %v: mean %v, want %v", col, mean[j], wantMean)
			}
			var ss, zs, zss float64
			for i, v := range col {
				ss += (v - mean[j]) * (v - mean[j])
				zs += dst[i*d+j]
				zss += dst[i*d+j] * dst[i*d+j]
			}
			wantStd := math.Sqrt(ss / float64(n))
			if std[j] != 1 && math.Abs(std[j]-wantStd) > 8*float64(n)*fuzzEps*wantStd {
				t.Fatalf("Standardize: column %v: std %v, want %v", col, std[j], wantStd)
			}
			// Unless constant (std 1), the column now has mean 0 and variance 1.
			if std[j] != 1 && wantStd > 1e-6*fuzzdata.MaxAbs(col) &&
				(math.Abs(zs/float64(n)) > 1e-9 || math.Abs(zss/float64(n)-1) > 1e-9) {
				t.Fatalf("Standardize: column %v standardized to mean %v, variance %v", col, zs/float64(n), zss/float64(n))
			}
		}

		// PredictProba on the same x.
		w, b := r.Floats(r.Length(6, d)), r.Float()
		proba := make([]float64, r.Length(8, n))
		p = testdata.Panics(func() { linear.PredictProba(proba, x, w, b, n, d) })
		ok := fuzzFits(w, d) && fuzzFits(proba, n)
		fuzzPanic(t, "PredictProba", p, ok, linear.ErrShape)
		if !ok {
			return
		}
		for i := range n {
			var z, abs float64
			for j := range d {
				z += x[i*d+j] * w[j]
				abs += math.Abs(x[i*d+j] * w[j])
			}
			z += b
			got := proba[i]
			if !math.IsNaN(got) && !(got >= 0 && got <= 1) {
				t.Fatalf("PredictProba = %v outside [0, 1]", got)
			}
			if fuzzdata.Finite(abs, b) && !math.IsInf(z, 0) {
				want := 1 / (1 + math.Exp(-z))
				// σ'(z) <= σ(z)·(1 - σ(z)): the error of z, relative to the smaller tail.
				tol := 4*float64(d+1)*fuzzEps*(abs+math.Abs(b))*math.Min(want, 1-want) + 8*fuzzEps*math.Min(want, 1-want) + 1e-300
				if math.Abs(got-want) > tol && math.Abs(got-want) > 8*fuzzEps*want {
					t.Fatalf("PredictProba(x·w + b = %v) = %v, want %v", z, got, want)
				}
			}
		}
	})
}

// errStop is what the fuzz target's Progress returns to fail on purpose.
var errStop = errors.New("progress failed")

// FuzzFit runs Fit on decoded data, labels and options (hostile learning
// rates, penalties, tolerances and iteration budgets; NaN and Inf data;
// losses too short). It checks the option errors, ErrEmpty, the shape
// panics, that the iterations stay within the budget with Progress
// stopping or failing where it says, that the losses recorded are finite
// for finite data with a small learning rate (and ErrNotFinite is then not
// returned), and that an L1 penalty with no intercept-only data leaves w
// finite. The seed corpus is in testdata/fuzz/FuzzFit.
func FuzzFit(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n, d := r.Dim(8), r.Dim(4)
		x := r.Floats(r.Length(32, n, d))
		y := make([]float64, r.Length(8, n))
		for i := range y {
			y[i] = float64(r.Intn(2))
		}
		w := r.Floats(r.Length(4, d))
		b := r.Float()
		opt := linear.Options{
			LearningRate: [...]float64{0.1, 0.5, 1e-3}[r.Intn(3)],
			L1:           [...]float64{0, 0, 1e-2}[r.Intn(3)],
			L2:           [...]float64{0, 1e-2}[r.Intn(2)],
			Tol:          [...]float64{0, 1e-6}[r.Intn(2)],
			MaxIter:      r.Intn(20),
		}
		hostile := r.Byte() >= 0xE0
		if hostile {
			v := r.Float()
			switch r.Intn(5) {
			case 0:
				opt.LearningRate = v
			case 1:
				opt.L1 = v
			case 2:
				opt.L2 = v
			case 3:
				opt.Tol = v
			default:
				opt.MaxIter = [...]int{-1, math.MinInt}[r.Intn(2)]
			}
		}
		losses := make([]float64, max(max(opt.MaxIter, 0)+[...]int{0, 0, 1, -1}[r.Intn(4)], 0)) // now and then one too short
		stopAt, fail := r.Intn(22), r.Bool()
		calls := 0
		if r.Bool() {
			opt.Progress = func(iter int, loss float64) (bool, error) {
				calls++
				if iter != calls || !fuzzdata.Same(loss, losses[iter-1]) {
					t.Fatalf("Progress(%d, %v) at call %d", iter, loss, calls)
				}
				if iter == stopAt {
					if fail {
						return false, errStop
					}
					return true, nil
				}
				return false, nil
			}
		}
		bias := b
		var k int
		var err error
		p := testdata.Panics(func() { k, err = linear.Fit(w, &bias, x, y, n, d, opt, losses) })
		finitePos := func(v float64) bool { return v > 0 && !math.IsInf(v, 1) }
		finiteNonNeg := func(v float64) bool { return v >= 0 && !math.IsInf(v, 1) }
		// The order of Fit's checks: shapes, options, losses' length, n.
		shapes := fuzzFits(x, n, d) && fuzzFits(y, n) && fuzzFits(w, d)
		switch {
		case !shapes:
			fuzzPanic(t, "Fit", p, false, linear.ErrShape)
			return
		case !finitePos(opt.LearningRate):
			if p != nil || !errors.Is(err, linear.ErrLearningRate) {
				t.Fatalf("Fit with learning rate %v: %v, panic %v", opt.LearningRate, err, p)
			}
			return
		case !finiteNonNeg(opt.L1) || !finiteNonNeg(opt.L2):
			if p != nil || !errors.Is(err, linear.ErrPenalty) {
				t.Fatalf("Fit with penalties %v, %v: %v, panic %v", opt.L1, opt.L2, err, p)
			}
			return
		case !finiteNonNeg(opt.Tol):
			if p != nil || !errors.Is(err, linear.ErrTol) {
				t.Fatalf("Fit with tolerance %v: %v, panic %v", opt.Tol, err, p)
			}
			return
		case opt.MaxIter < 0:
			if p != nil || !errors.Is(err, linear.ErrMaxIter) {
				t.Fatalf("Fit with %d iterations: %v, panic %v", opt.MaxIter, err, p)
			}
			return
		case len(losses) < opt.MaxIter:
			fuzzPanic(t, "Fit", p, false, linear.ErrShape)
			return
		case n < 1:
			if p != nil || !errors.Is(err, linear.ErrEmpty) {
				t.Fatalf("Fit with n=%d: %v, panic %v", n, err, p)
			}
			return
		case p != nil:
			t.Fatalf("Fit: panic %v", p)
		}
		progressStops := opt.Progress != nil && stopAt >= 1 && stopAt <= opt.MaxIter
		switch {
		case err == errStop:
			if !progressStops || !fail || k != stopAt {
				t.Fatalf("Fit: the Progress error after %d iterations (stop at %d)", k, stopAt)
			}
		case errors.Is(err, linear.ErrNotFinite):
			if fuzzdata.Finite(x...) && fuzzdata.Finite(w...) && fuzzdata.Finite(b) && fuzzdata.MaxAbs(x) <= 10 &&
				fuzzdata.MaxAbs(w) <= 10 && math.Abs(b) <= 10 && opt.LearningRate <= 0.5 && !hostile {
				t.Fatalf("Fit(x %v, y %v, w %v, b %v, %+v): %v after %d iterations", x, y, w, b, opt, err, k)
			}
		case err != nil:
			t.Fatalf("Fit: %v", err)
		}
		if k < 0 || k > opt.MaxIter || progressStops && k > stopAt {
			t.Fatalf("Fit: %d iterations of %d (Progress stops at %d)", k, opt.MaxIter, stopAt)
		}
		if err == nil && fuzzdata.Finite(x...) && fuzzdata.Finite(w...) && fuzzdata.Finite(b) {
			for _, l := range losses[:k] {
				if !(l >= 0) || math.IsInf(l, 0) {
					t.Fatalf("Fit: losses %v", losses[:k])
				}
			}
			if !fuzzdata.Finite(w...) || !fuzzdata.Finite(bias) {
				t.Fatalf("Fit: w %v, b %v", w, bias)
			}
		}
	})
}

package metrics_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"mlmath/internal/fuzzdata"
	pw "mlmath/internal/pairwise"
	"mlmath/internal/testdata"
	"mlmath/metrics"
)

// FuzzCounts calls Accuracy, Precision, Recall, F1 and ConfusionMatrix on
// decoded label vectors (small ranges and hostile int64 labels such as
// math.MinInt64; lengths that disagree; label scratch and dst too short).
// It checks the shape panics and every value, exactly, against counts in
// plain loops and a map: the ratios of int64 counts as one division, the
// labels sorted and distinct, and a dst too short left untouched. The seed
// corpus is in testdata/fuzz/FuzzCounts.
func FuzzCounts(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(40)
		k := 1 + r.Intn(5)
		yt, yp := r.Labels(n, k), r.Labels(r.Length(40, n), k)
		same := len(yp) == n
		ratios := []struct {
			name string
			f    func(a, b []int64) float64
			want func(tp, fp, fn, eq int) float64
		}{
			{"Accuracy", metrics.Accuracy, func(tp, fp, fn, eq int) float64 { return ratio(eq, n) }},
			{"Precision", metrics.Precision, func(tp, fp, fn, eq int) float64 { return ratio(tp, tp+fp) }},
			{"Recall", metrics.Recall, func(tp, fp, fn, eq int) float64 { return ratio(tp, tp+fn) }},
			{"F1", metrics.F1, func(tp, fp, fn, eq int) float64 { return ratio(2*tp, 2*tp+fp+fn) }},
		}
		var tp, fp, fn, eq int
		if same {
			for i := range yt {
				if yt[i] == yp[i] {
					eq++
				}
				switch {
				case yt[i] == 1 && yp[i] == 1:
					tp++
				case yt[i] != 1 && yp[i] == 1:
					fp++
				case yt[i] == 1 && yp[i] != 1:
					fn++
				}
			}
		}
		for _, c := range ratios {
			var got float64
			p := testdata.Panics(func() { got = c.f(yt, yp) })
			if (p != nil) == same || p != nil && !fuzzdata.IsErr(p, metrics.ErrShape) {
				t.Fatalf("%s of lengths %d, %d: panic %v", c.name, n, len(yp), p)
			}
			if same && got != c.want(tp, fp, fn, eq) {
				t.Fatalf("%s(%v, %v) = %v, want %v", c.name, yt, yp, got, c.want(tp, fp, fn, eq))
			}
		}

		// ConfusionMatrix
		distinct := slices.Compact(slices.Sorted(slices.Values(append(append([]int64(nil), yt...), yp...))))
		kk := len(distinct)
		labels := make([]int64, max(n+len(yp)+[...]int{0, 0, 3, -1}[r.Intn(4)], 0))
		dst := make([]int64, [...]int{kk * kk, kk*kk + 2, 0, max(kk*kk-1, 0)}[r.Intn(4)])
		for i := range dst {
			dst[i] = -7 // to see what is written
		}
		var got int
		p := testdata.Panics(func() { got = metrics.ConfusionMatrix(dst, labels, yt, yp) })
		valid := same && len(labels) >= 2*n
		if (p != nil) == valid || p != nil && !fuzzdata.IsErr(p, metrics.ErrShape) {
			t.Fatalf("ConfusionMatrix(lengths %d, %d; labels %d): panic %v", n, len(yp), len(labels), p)
		}
		if !valid {
			return
		}
		if got != kk || !slices.Equal(labels[:kk], distinct) {
			t.Fatalf("ConfusionMatrix(%v, %v) = %d, labels %v; want %d, %v", yt, yp, got, labels[:got], kk, distinct)
		}
		if len(dst) < kk*kk {
			for _, v := range dst {
				if v != -7 {
					t.Fatalf("ConfusionMatrix wrote into a dst of %d for %d labels", len(dst), kk)
				}
			}
			return
		}
		want := make([]int64, kk*kk)
		for i := range yt {
			a, _ := slices.BinarySearch(distinct, yt[i])
			b, _ := slices.BinarySearch(distinct, yp[i])
			want[a*kk+b]++
		}
		if !slices.Equal(dst[:kk*kk], want) || slices.ContainsFunc(dst[kk*kk:], func(v int64) bool { return v != -7 }) {
			t.Fatalf("ConfusionMatrix(%v, %v) = %v, want %v", yt, yp, dst, want)
		}
	})
}

// ratio is a/b, 0 when b = 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// FuzzScores calls LogLoss and ROCAUC on decoded labels, probabilities and
// scores (NaN, ±Inf, ties, labels other than 0 and 1, one class, lengths
// that disagree) and clipping eps. It checks the shape panics, ROCAUC's
// errors, ROCAUC against the O(n²) count of the Mann-Whitney U, bit for bit,
// and LogLoss against the documented xlogy terms summed in numpy's pairwise
// order, bit for bit, nonnegative and finite for labels in {0, 1} and eps
// in (0, 1/2). The seed corpus is in testdata/fuzz/FuzzScores.
func FuzzScores(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(40)
		labels := r.Labels(n, 2)
		scores := r.Floats(r.Length(40, n))
		if r.Bool() { // ties
			for i := range scores {
				scores[i] = math.Round(scores[i])
			}
		}
		var auc float64
		var err error
		p := testdata.Panics(func() { auc, err = metrics.ROCAUC(labels, scores) })
		same := len(scores) == n
		if (p != nil) == same || p != nil && !fuzzdata.IsErr(p, metrics.ErrShape) {
			t.Fatalf("ROCAUC of lengths %d, %d: panic %v", n, len(scores), p)
		}
		if same {
			checkAUC(t, auc, err, labels, scores)
		}

		y := make([]float64, n)
		for i, l := range labels {
			y[i] = float64(l)
		}
		if r.Bool() {
			y = r.Floats(n)
		}
		prob := r.Floats(r.Length(40, n))
		eps := [...]float64{0x1p-52, 1e-15, 0, 0.5, -1, math.NaN()}[r.Intn(6)]
		var loss float64
		p = testdata.Panics(func() { loss = metrics.LogLoss(y, prob, eps) })
		if (p != nil) != (len(prob) != n) || p != nil && !fuzzdata.IsErr(p, metrics.ErrShape) {
			t.Fatalf("LogLoss of lengths %d, %d: panic %v", n, len(prob), p)
		}
		if p != nil {
			return
		}
		want := 0.0
		if n > 0 {
			want = (0 + pw.Sum(0, n, func(i int) float64 {
				return -(xlogy(1-y[i], clip(1-prob[i], eps)) + xlogy(y[i], clip(prob[i], eps)))
			})) / float64(n)
		}
		if !fuzzdata.Same(loss, want) {
			t.Fatalf("LogLoss(%v, %v, %v) = %v, want %v", y, prob, eps, loss, want)
		}
		binary := !slices.ContainsFunc(y, func(v float64) bool { return v != 0 && v != 1 })
		if binary && eps > 0 && eps < 0.5 && fuzzdata.Finite(prob...) && !(loss >= 0 && !math.IsInf(loss, 0)) {
			t.Fatalf("LogLoss(%v, %v, %v) = %v", y, prob, eps, loss)
		}
	})
}

// clip is min(max(q, eps), 1 - eps), NaN staying NaN.
func clip(q, eps float64) float64 {
	switch {
	case q < eps:
		return eps
	case q > 1-eps:
		return 1 - eps
	}
	return q
}

// xlogy is x·log(y), 0 for x = 0 (scipy.special.xlogy), NaN for NaN y.
func xlogy(x, y float64) float64 {
	if x == 0 && y == y {
		return 0
	}
	return float64(x * math.Log(y))
}

// checkAUC checks ROCAUC's result against U counted over all pairs.
func checkAUC(t *testing.T, auc float64, err error, labels []int64, scores []float64) {
	t.Helper()
	var pos, neg int
	for _, l := range labels {
		switch l {
		case 0:
			neg++
		case 1:
			pos++
		}
	}
	// The errors that apply, in any order.
	var errs []error
	if slices.ContainsFunc(labels, func(l int64) bool { return l != 0 && l != 1 }) {
		errs = append(errs, metrics.ErrLabel)
	}
	if pos == 0 || neg == 0 {
		errs = append(errs, metrics.ErrOneClass)
	}
	if !fuzzdata.Finite(scores...) {
		errs = append(errs, metrics.ErrNotFinite)
	}
	if len(errs) > 0 {
		if !slices.ContainsFunc(errs, func(e error) bool { return errors.Is(err, e) }) {
			t.Fatalf("ROCAUC(%v, %v): error %v, want one of %v", labels, scores, err, errs)
		}
		return
	}
	if err != nil {
		t.Fatalf("ROCAUC(%v, %v): %v", labels, scores, err)
	}
	var u2 int64 // 2U
	for i, li := range labels {
		for j, lj := range labels {
			if li == 1 && lj == 0 {
				switch {
				case scores[i] > scores[j]:
					u2 += 2
				case scores[i] == scores[j]:
					u2++
				}
			}
		}
	}
	if want := float64(u2) / float64(2*int64(pos)*int64(neg)); auc != want {
		t.Fatalf("ROCAUC(%v, %v) = %v, want %v", labels, scores, auc, want)
	}
}

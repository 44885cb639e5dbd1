package nn

import (
	"errors"
	"math"
	"mlmath/internal/testdata"
	"testing"

	"mlmath/internal/errkind"
)

func TestMSE(t *testing.T) {
	for _, tc := range []struct {
		y, p []float64
		want float64
	}{
		{[]float64{1, 2, 3}, []float64{1, 2, 3}, 0},
		{[]float64{1, 2, 3}, []float64{2, 4, 6}, 14.0 / 3},
		{[]float64{0.5}, []float64{-0.5}, 1},
		{[]float64{1, nan}, []float64{1, 1}, nan},
		{[]float64{inf}, []float64{0}, inf},
		{nil, nil, nan}, // empty: 0/0
	} {
		if got := MSE(tc.y, tc.p); !near(got, tc.want, 2*eps) {
			t.Errorf("MSE(%v, %v) = %v, want %v", tc.y, tc.p, got, tc.want)
		}
	}
	// Against the plain formula on a longer vector.
	y, p := rowsOf(1, 1000, 3), rowsOf(1, 1000, 2)[:1000]
	for i := range p {
		p[i] = p[i] * 0.5
	}
	s := 0.0
	for i := range y {
		s += (y[i] - p[i]) * (y[i] - p[i])
	}
	if got := MSE(y, p); !near(got, s/1000, 1000*eps) {
		t.Errorf("MSE = %v, plain sum %v", got, s/1000)
	}
	testdata.MustPanic(t, "MSE", ErrShape, func() { MSE([]float64{1}, []float64{1, 2}) })
}

func TestBinaryCrossEntropy(t *testing.T) {
	const e = 0x1p-52
	plain := func(y, p []float64, clip float64) float64 {
		s := 0.0
		for i := range y {
			q := math.Min(math.Max(p[i], clip), 1-clip)
			s += -(y[i]*math.Log(q) + (1-y[i])*math.Log(1-q))
		}
		return s / float64(len(y))
	}
	for _, tc := range []struct {
		y, p []float64
		clip float64
	}{
		{[]float64{0, 1, 1, 0}, []float64{0.1, 0.8, 0.6, 0.3}, e},
		{[]float64{1, 0}, []float64{1, 0}, e},            // perfect: the clipped loss, tiny but not 0
		{[]float64{1, 0}, []float64{0, 1}, e},            // worst: finite, -log(2^-52) = 36.04
		{[]float64{0.3, 0.9}, []float64{0.5, 0.2}, 1e-7}, // soft targets, another eps
		{[]float64{1, 0, 1}, []float64{0.999, 1e-9, 1e-300}, 1e-15},
	} {
		got, want := BinaryCrossEntropy(tc.y, tc.p, tc.clip), plain(tc.y, tc.p, tc.clip)
		if !near(got, want, 4*eps) || math.IsInf(got, 0) {
			t.Errorf("BinaryCrossEntropy(%v, %v, %v) = %v, want %v", tc.y, tc.p, tc.clip, got, want)
		}
	}
	if got := BinaryCrossEntropy([]float64{1, 0}, []float64{0, 1}, e); !near(got, 52*math.Ln2, 4*eps) {
		t.Errorf("worst case loss %v, want 52·ln 2 = %v", got, 52*math.Ln2)
	}
	if got := BinaryCrossEntropy([]float64{1}, []float64{nan}, e); !math.IsNaN(got) {
		t.Errorf("NaN probability: loss %v, want NaN", got)
	}
	if got := BinaryCrossEntropy(nil, nil, e); !math.IsNaN(got) {
		t.Errorf("empty: %v, want NaN", got)
	}
	testdata.MustPanic(t, "BinaryCrossEntropy", ErrShape, func() { BinaryCrossEntropy([]float64{1}, nil, e) })
}

func TestBCEWithLogits(t *testing.T) {
	// The closed forms log(1 + e^-x) (y = 1) and log(1 + e^x) (y = 0),
	// accurate in absolute terms for moderate x, and the asymptotes.
	var y, x []float64
	for i := range 41 {
		v := float64(i-20) * 0.75
		x = append(x, v, v)
		y = append(y, 0, 1)
	}
	for i := range x {
		got := BCEWithLogits(y[i:i+1], x[i:i+1])
		want := math.Log(1 + math.Exp(x[i]))
		if y[i] == 1 {
			want = math.Log(1 + math.Exp(-x[i]))
		}
		if !near(got, want, 4*eps) {
			t.Errorf("BCEWithLogits(y=%v, x=%v) = %v, want %v", y[i], x[i], got, want)
		}
	}
	if got, want := BCEWithLogits(y, x), BCEWithLogits(y[:2], x[:2]); got == want {
		t.Error("the mean of different losses should not equal the first pair's")
	}
	for _, tc := range []struct{ y, x, want float64 }{
		{1, 1000, 0},       // log(1 + e^-1000) = 0
		{0, 1000, 1000},    // (1-0)·1000 - 0
		{1, -1000, 1000},   // -logσ(-1000) = 1000 + log1p(e^-1000)
		{0, -1000, 0},      //
		{0.5, 0, math.Ln2}, // 0.5·0 - (0 - log 2)
		{1, 0, math.Ln2},   //
		{0, nan, nan},      //
		{nan, 1, nan},      //
		{1, 1e308, 0},      // finite for every finite x
		{0, -1e308, 0},     //
		{1, -1e308, 1e308}, //
	} {
		if got := BCEWithLogits([]float64{tc.y}, []float64{tc.x}); !near(got, tc.want, 2*eps) {
			t.Errorf("BCEWithLogits(y=%v, x=%v) = %v, want %v", tc.y, tc.x, got, tc.want)
		}
	}
	if got := BCEWithLogits(nil, nil); !math.IsNaN(got) {
		t.Errorf("empty: %v, want NaN", got)
	}
	testdata.MustPanic(t, "BCEWithLogits", ErrShape, func() { BCEWithLogits([]float64{1, 2}, []float64{1}) })
}

func TestSoftmaxCrossEntropy(t *testing.T) {
	// Against logsumexp(row) - row[label] computed naively.
	logits := []float64{
		2, 1, 0.1,
		0.5, 2.5, -1,
		-3, 0, 3,
		1000, 1001, 999, // large: the shift keeps it finite
	}
	labels := []int64{0, 1, 0, 2}
	got, err := SoftmaxCrossEntropy(labels, logits, 4, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := 0.0
	for r, l := range labels {
		row := logits[r*3 : r*3+3]
		m := math.Max(row[0], math.Max(row[1], row[2]))
		want += m + math.Log(math.Exp(row[0]-m)+math.Exp(row[1]-m)+math.Exp(row[2]-m)) - row[l]
	}
	want /= 4
	if !near(got, want, 1e-13) {
		t.Errorf("SoftmaxCrossEntropy = %.17g, want %.17g", got, want)
	}
	// Equals -LogSoftmax at the labels, averaged.
	ls := make([]float64, 12)
	LogSoftmax(ls, logits, 4, 3)
	mean := -(ls[0] + ls[4] + ls[6] + ls[11]) / 4
	if !near(got, mean, 4*eps) {
		t.Errorf("SoftmaxCrossEntropy = %v, -mean(log_softmax[label]) = %v", got, mean)
	}
	// Uniform logits: log(cols) for any label.
	if got, _ := SoftmaxCrossEntropy([]int64{3}, []float64{7, 7, 7, 7}, 1, 4); !near(got, math.Log(4), 2*eps) {
		t.Errorf("uniform: %v, want log 4", got)
	}
	// No rows: NaN (torch's mean over nothing).
	if got, err := SoftmaxCrossEntropy(nil, nil, 0, 3); err != nil || !math.IsNaN(got) {
		t.Errorf("no rows: %v, %v; want NaN, nil", got, err)
	}
	// Labels out of range: an error of kind Domain.
	for _, bad := range [][]int64{{0, 3}, {-1, 0}, {-100, 0}, {5, 0}} {
		_, err := SoftmaxCrossEntropy(bad, []float64{1, 2, 3, 4, 5, 6}, 2, 3)
		if !errors.Is(err, ErrLabel) {
			t.Errorf("labels %v: error %v, want ErrLabel", bad, err)
		}
		if k, _ := errkind.Of(err); k != errkind.Domain {
			t.Errorf("labels %v: kind %v, want Domain", bad, k)
		}
	}
	if _, err := SoftmaxCrossEntropy([]int64{0}, nil, 1, 0); !errors.Is(err, ErrLabel) {
		t.Errorf("no classes: %v, want ErrLabel", err)
	}
	testdata.MustPanic(t, "labels length", ErrShape, func() { _, _ = SoftmaxCrossEntropy([]int64{0}, make([]float64, 6), 2, 3) })
	testdata.MustPanic(t, "logits length", ErrShape, func() { _, _ = SoftmaxCrossEntropy([]int64{0, 0}, make([]float64, 5), 2, 3) })
}

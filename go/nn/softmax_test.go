package nn

import (
	"fmt"
	"math"
	"mlmath/internal/testdata"
	"testing"
)

// TestSoftmaxFamilySpecial checks rows against scipy.special 1.17.1's
// softmax, log_softmax and logsumexp (values printed by scipy), including
// its treatment of ±Inf and NaN.
func TestSoftmaxFamilySpecial(t *testing.T) {
	ninf := math.Inf(-1)
	for _, tc := range []struct {
		x, soft, logSoft []float64
		lse              float64
	}{
		{[]float64{1, 2, 3}, []float64{0.09003057317038046, 0.24472847105479764, 0.6652409557748218},
			[]float64{-2.4076059644443806, -1.4076059644443804, -0.4076059644443804}, 3.40760596444438},
		{[]float64{1000, 1001, 1002}, []float64{0.09003057317038046, 0.24472847105479764, 0.6652409557748218},
			[]float64{-2.4076059644443806, -1.4076059644443804, -0.4076059644443804}, 1002.4076059644444},
		{[]float64{nan, 1, 2}, []float64{nan, nan, nan}, []float64{nan, nan, nan}, nan},
		{[]float64{inf, 1, 2}, []float64{nan, nan, nan}, []float64{nan, ninf, ninf}, inf},
		{[]float64{inf, inf, 1}, []float64{nan, nan, nan}, []float64{nan, nan, ninf}, inf},
		{[]float64{ninf, ninf, ninf}, []float64{nan, nan, nan}, []float64{nan, nan, nan}, ninf},
		{[]float64{ninf, 0, 1}, []float64{0, 0.2689414213699951, 0.7310585786300049},
			[]float64{ninf, -1.3132616875182228, -0.31326168751822286}, 1.3132616875182228},
		{[]float64{1000, 0, ninf}, []float64{1, 0, 0}, []float64{0, -1000, ninf}, 1000},
		{[]float64{5, 5, 5}, []float64{0.3333333333333333, 0.3333333333333333, 0.3333333333333333},
			[]float64{-1.0986122886681098, -1.0986122886681098, -1.0986122886681098}, 6.09861228866811},
		{[]float64{ninf, inf, 0}, []float64{nan, nan, nan}, []float64{ninf, nan, ninf}, inf},
		{[]float64{inf, ninf, nan}, []float64{nan, nan, nan}, []float64{nan, nan, nan}, nan},
		{[]float64{1e308, 1e308, 0}, []float64{0.5, 0.5, 0}, []float64{-0.6931471805599453, -0.6931471805599453, -1e308}, 1e308},
	} {
		n := len(tc.x)
		soft, logSoft, lse := make([]float64, n), make([]float64, n), make([]float64, 1)
		Softmax(soft, tc.x, 1, n)
		LogSoftmax(logSoft, tc.x, 1, n)
		LogSumExp(lse, tc.x, 1, n)
		for j := range n {
			if !near(soft[j], tc.soft[j], 4*eps) {
				t.Errorf("Softmax(%v)[%d] = %v, scipy %v", tc.x, j, soft[j], tc.soft[j])
			}
			if !near(logSoft[j], tc.logSoft[j], 4*eps) {
				t.Errorf("LogSoftmax(%v)[%d] = %v, scipy %v", tc.x, j, logSoft[j], tc.logSoft[j])
			}
		}
		if !near(lse[0], tc.lse, 4*eps) {
			t.Errorf("LogSumExp(%v) = %v, scipy %v", tc.x, lse[0], tc.lse)
		}
	}
	// [1000, 1001, 1002] is shifted to exactly [-2, -1, 0]: the same bits as
	// [0, 1, 2].
	a, b := make([]float64, 3), make([]float64, 3)
	Softmax(a, []float64{1000, 1001, 1002}, 1, 3)
	Softmax(b, []float64{0, 1, 2}, 1, 3)
	for j := range a {
		if a[j] != b[j] || math.IsNaN(a[j]) {
			t.Errorf("Softmax([1000 1001 1002])[%d] = %v, Softmax([0 1 2]) %v", j, a[j], b[j])
		}
	}
}

// rowsOf returns a rows×cols test matrix with entries of varied sign and
// magnitude (up to ±scale).
func rowsOf(rows, cols int, scale float64) []float64 {
	x := make([]float64, rows*cols)
	for i := range x {
		x[i] = scale * math.Sin(float64(i)*1.7+0.3) * math.Cos(float64(i)*0.37)
	}
	return x
}

// TestSoftmaxProperties checks, on many rows: softmax rows sum to 1 and are
// in [0, 1]; log_softmax = log(softmax) where softmax does not underflow;
// logsumexp = log(Σ exp(x)) where that does not overflow; logsumexp is
// shift-equivariant; and the three agree: softmax = exp(x - logsumexp).
func TestSoftmaxProperties(t *testing.T) {
	for _, cols := range []int{1, 2, 7, 8, 9, 100, 129, 1000} {
		for _, scale := range []float64{1, 30, 300} {
			const rows = 5
			x := rowsOf(rows, cols, scale)
			soft, logSoft, lse := make([]float64, rows*cols), make([]float64, rows*cols), make([]float64, rows)
			Softmax(soft, x, rows, cols)
			LogSoftmax(logSoft, x, rows, cols)
			LogSumExp(lse, x, rows, cols)
			for r := range rows {
				sum := 0.0
				for j := range cols {
					v, lv, xv := soft[r*cols+j], logSoft[r*cols+j], x[r*cols+j]
					sum += v
					if !(v >= 0 && v <= 1) {
						t.Fatalf("cols %d scale %v: softmax %v outside [0, 1]", cols, scale, v)
					}
					if v > 1e-300 && !near(math.Log(v), lv, 8*eps) {
						t.Errorf("cols %d scale %v: log(softmax) = %v, log_softmax %v", cols, scale, math.Log(v), lv)
					}
					if want := math.Exp(xv - lse[r]); !near(v, want, float64(4*cols)*eps*math.Max(1, math.Abs(xv))) {
						t.Errorf("cols %d scale %v: softmax %v, exp(x - logsumexp) %v", cols, scale, v, want)
					}
				}
				if !near(sum, 1, float64(cols+2)*eps) {
					t.Errorf("cols %d scale %v: row %d sums to %v", cols, scale, r, sum)
				}
				row := x[r*cols : (r+1)*cols]
				if scale <= 300 && cols <= 1000 { // Σ exp(x) ≤ 1000·e^300: no overflow
					naive := 0.0
					for _, v := range row {
						naive += math.Exp(v)
					}
					if naive > 0 && !math.IsInf(naive, 0) && !near(lse[r], math.Log(naive), float64(cols+4)*eps) {
						t.Errorf("cols %d scale %v: logsumexp %v, naive %v", cols, scale, lse[r], math.Log(naive))
					}
				}
				shifted := make([]float64, cols)
				for j, v := range row {
					shifted[j] = v + 1000
				}
				got := make([]float64, 1)
				LogSumExp(got, shifted, 1, cols)
				if !near(got[0], lse[r]+1000, 4*eps) {
					t.Errorf("cols %d scale %v: logsumexp(x + 1000) = %v, logsumexp(x) + 1000 = %v", cols, scale, got[0], lse[r]+1000)
				}
			}
		}
	}
}

func TestSoftmaxShapes(t *testing.T) {
	// In place, several rows, each row independent of the others.
	x := []float64{1, 2, 3, 1000, 1001, 1002, 0, 0, 0}
	want := make([]float64, 9)
	Softmax(want, x, 3, 3)
	Softmax(x, x, 3, 3)
	for j := range x {
		if x[j] != want[j] {
			t.Errorf("Softmax in place [%d] = %v, want %v", j, x[j], want[j])
		}
	}
	x = []float64{1, 2, 3, 1000, 1001, 1002}
	LogSoftmax(want[:6], x, 2, 3)
	LogSoftmax(x, x, 2, 3)
	for j := range x {
		if x[j] != want[j] {
			t.Errorf("LogSoftmax in place [%d] = %v, want %v", j, x[j], want[j])
		}
	}
	// Empty rows: logsumexp of nothing is -Inf (scipy); nothing to do for
	// the others.
	lse := []float64{1, 2}
	LogSumExp(lse, nil, 2, 0)
	if !math.IsInf(lse[0], -1) || !math.IsInf(lse[1], -1) {
		t.Errorf("LogSumExp of empty rows = %v, want [-Inf -Inf]", lse)
	}
	Softmax(nil, nil, 3, 0)
	LogSoftmax(nil, nil, 0, 3)
	LogSumExp(nil, nil, 0, 3)

	testdata.MustPanic(t, "Softmax x", ErrShape, func() { Softmax(make([]float64, 6), make([]float64, 5), 2, 3) })
	testdata.MustPanic(t, "Softmax dst", ErrShape, func() { Softmax(make([]float64, 5), make([]float64, 6), 2, 3) })
	testdata.MustPanic(t, "Softmax negative", ErrShape, func() { Softmax(nil, nil, -1, 0) })
	testdata.MustPanic(t, "LogSoftmax", ErrShape, func() { LogSoftmax(make([]float64, 6), make([]float64, 6), 3, 3) })
	testdata.MustPanic(t, "LogSumExp dst", ErrShape, func() { LogSumExp(make([]float64, 3), make([]float64, 6), 2, 3) })
	testdata.MustPanic(t, "LogSumExp overflow", ErrShape, func() { LogSumExp(nil, nil, math.MaxInt/2, 3) })
}

func ExampleSoftmax() {
	// Two rows; the second would overflow exp without the shift by its
	// maximum, and gives the same probabilities as the first.
	x := []float64{
		0, 1, 2,
		1000, 1001, 1002,
	}
	p := make([]float64, 6)
	Softmax(p, x, 2, 3)
	fmt.Printf("%.4f\n%.4f\n", p[:3], p[3:])
	lse := make([]float64, 2)
	LogSumExp(lse, x, 2, 3)
	fmt.Printf("%.4f\n", lse)
	// Output:
	// [0.0900 0.2447 0.6652]
	// [0.0900 0.2447 0.6652]
	// [2.4076 1002.4076]
}

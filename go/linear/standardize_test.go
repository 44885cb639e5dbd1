package linear

import (
	"fmt"
	"math"
	"mlmath/internal/testdata"
	"testing"
)

func TestStandardizeExact(t *testing.T) {
	s83 := math.Sqrt(8.0 / 3)
	for _, tc := range []struct {
		name            string
		x               []float64
		n, d            int
		mean, std, want []float64
	}{
		{"3x2", []float64{1, 2, 3, 4, 5, 6}, 3, 2,
			[]float64{3, 4}, []float64{s83, s83},
			[]float64{-2 / s83, -2 / s83, 0, 0, 2 / s83, 2 / s83}},
		{"constant column", []float64{7, 1, 7, 3}, 2, 2,
			[]float64{7, 2}, []float64{1, 1},
			[]float64{0, -1, 0, 1}},
		{"one sample", []float64{-3, 0, 5}, 1, 3,
			[]float64{-3, 0, 5}, []float64{1, 1, 1},
			[]float64{0, 0, 0}},
		{"no features", nil, 4, 0, nil, nil, nil},
		{"zeros", []float64{0, 0, 0, 0}, 4, 1, []float64{0}, []float64{1}, []float64{0, 0, 0, 0}},
	} {
		dst := make([]float64, len(tc.x))
		mean, std := make([]float64, tc.d), make([]float64, tc.d)
		Standardize(dst, mean, std, tc.x, tc.n, tc.d)
		for j := range tc.d {
			if !near(mean[j], tc.mean[j], 2*eps) || !near(std[j], tc.std[j], 2*eps) {
				t.Errorf("%s: column %d: mean %v std %v, want %v %v", tc.name, j, mean[j], std[j], tc.mean[j], tc.std[j])
			}
		}
		for i := range dst {
			if !near(dst[i], tc.want[i], 4*eps) {
				t.Errorf("%s: dst[%d] = %v, want %v", tc.name, i, dst[i], tc.want[i])
			}
		}
	}
}

// TestStandardizeConstantRounding: three copies of 0.1 have a computed mean
// an ulp off 0.1 and a variance of rounding noise; sklearn's constant test
// gives the column scale 1, not the 1e-17 standard deviation.
func TestStandardizeConstantRounding(t *testing.T) {
	x := []float64{0.1, 0.1, 0.1}
	dst, mean, std := make([]float64, 3), make([]float64, 1), make([]float64, 1)
	Standardize(dst, mean, std, x, 3, 1)
	if mean[0] == 0.1 {
		t.Logf("mean of 3×0.1 is exact here; the case no longer exercises the rounding")
	}
	if std[0] != 1 {
		t.Errorf("std = %v, want 1 (constant column)", std[0])
	}
	for i, v := range dst {
		if math.Abs(v) > 1e-16 {
			t.Errorf("dst[%d] = %v, want about 0", i, v)
		}
	}
	// A tiny but real spread is kept: var ≫ its rounding noise.
	x = []float64{1e-8, 2e-8, 3e-8}
	Standardize(dst, mean, std, x, 3, 1)
	if want := math.Sqrt(2.0/3) * 1e-8; !near(std[0]/want, 1, 4*eps) {
		t.Errorf("std of 1e-8, 2e-8, 3e-8 = %v, want %v", std[0], want)
	}
}

// TestStandardizeFormulas compares with the textbook formulas on random
// data, and checks the properties: the standardized columns have mean 0
// and variance 1; dst may be x; ApplyStandardize gives the same values.
func TestStandardizeFormulas(t *testing.T) {
	for _, sz := range [][2]int{{2, 1}, {10, 3}, {129, 4}, {1000, 7}, {5000, 2}} {
		n, d := sz[0], sz[1]
		x, _ := classification(n, d, uint64(n+d))
		for i := range x {
			x[i] = 3*x[i] + 10 // mean 10, std 3
		}
		dst, mean, std := make([]float64, n*d), make([]float64, d), make([]float64, d)
		Standardize(dst, mean, std, x, n, d)
		for j := range d {
			var s, ss float64
			for i := range n {
				s += x[i*d+j]
			}
			m := s / float64(n)
			for i := range n {
				ss += (x[i*d+j] - m) * (x[i*d+j] - m)
			}
			sd := math.Sqrt(ss / float64(n))
			tol := float64(n) * eps
			if !near(mean[j], m, tol) || !near(std[j], sd, tol) {
				t.Errorf("%dx%d col %d: mean %v std %v, want %v %v", n, d, j, mean[j], std[j], m, sd)
			}
			// The mean is exactly the pairwise sum of the contiguous
			// column over n (numpy's Xt.mean(axis=1)).
			col := make([]float64, n)
			for i := range n {
				col[i] = x[i*d+j]
			}
			if want := sum(col) / float64(n); !same(mean[j], want) {
				t.Errorf("%dx%d col %d: mean %v, want pairwise %v", n, d, j, mean[j], want)
			}
			var zs, zss float64
			for i := range n {
				zs += dst[i*d+j]
				zss += dst[i*d+j] * dst[i*d+j]
			}
			// (x - mean) loses the digits that mean and std have in common.
			ztol := 8 * tol * (1 + math.Abs(m)/sd)
			if n > 1 && (math.Abs(zs/float64(n)) > ztol || math.Abs(zss/float64(n)-1) > ztol) {
				t.Errorf("%dx%d col %d: standardized mean %v, variance %v", n, d, j, zs/float64(n), zss/float64(n))
			}
		}
		again := make([]float64, n*d)
		ApplyStandardize(again, x, mean, std, n, d)
		inPlace := append([]float64(nil), x...)
		m2, s2 := make([]float64, d), make([]float64, d)
		Standardize(inPlace, m2, s2, inPlace, n, d)
		for i := range dst {
			if !same(again[i], dst[i]) || !same(inPlace[i], dst[i]) {
				t.Fatalf("%dx%d: element %d: Standardize %v, ApplyStandardize %v, in place %v", n, d, i, dst[i], again[i], inPlace[i])
			}
		}
	}
}

func TestStandardizeNaN(t *testing.T) {
	x := []float64{1, math.NaN(), 2, 3}
	dst, mean, std := make([]float64, 4), make([]float64, 2), make([]float64, 2)
	Standardize(dst, mean, std, x, 2, 2)
	if mean[0] != 1.5 || std[0] != 0.5 || !math.IsNaN(mean[1]) || !math.IsNaN(std[1]) || !math.IsNaN(dst[1]) || !math.IsNaN(dst[3]) {
		t.Errorf("NaN column: mean %v std %v dst %v", mean, std, dst)
	}
}

func TestApplyStandardizeZeroScale(t *testing.T) {
	dst := make([]float64, 3)
	ApplyStandardize(dst, []float64{1, 2, 3}, []float64{1, 0, 3}, []float64{0, 0, 1}, 1, 3)
	if !math.IsNaN(dst[0]) || !math.IsInf(dst[1], 1) || dst[2] != 0 {
		t.Errorf("division by 0 scale: %v, want [NaN +Inf 0]", dst)
	}
}

func TestStandardizePanics(t *testing.T) {
	m, s := make([]float64, 2), make([]float64, 2)
	x := make([]float64, 6)
	testdata.MustPanic(t, "n=0", ErrEmpty, func() { Standardize(nil, m, s, nil, 0, 2) })
	testdata.MustPanic(t, "n<0", ErrShape, func() { Standardize(nil, m, s, nil, -1, 2) })
	testdata.MustPanic(t, "short x", ErrShape, func() { Standardize(x, m, s, x[:5], 3, 2) })
	testdata.MustPanic(t, "short dst", ErrShape, func() { Standardize(x[:4], m, s, x, 3, 2) })
	testdata.MustPanic(t, "short mean", ErrShape, func() { Standardize(x, m[:1], s, x, 3, 2) })
	testdata.MustPanic(t, "short std", ErrShape, func() { Standardize(x, m, s[:1], x, 3, 2) })
	testdata.MustPanic(t, "apply short std", ErrShape, func() { ApplyStandardize(x, x, m, s[:1], 3, 2) })
	testdata.MustPanic(t, "apply short x", ErrShape, func() { ApplyStandardize(x, x[:5], m, s, 3, 2) })
}

func ExampleStandardize() {
	// Three samples of two features; the second feature is constant.
	x := []float64{
		1, 5,
		2, 5,
		3, 5,
	}
	dst, mean, std := make([]float64, 6), make([]float64, 2), make([]float64, 2)
	Standardize(dst, mean, std, x, 3, 2)
	fmt.Printf("mean %.4f\nstd  %.4f\n", mean, std)
	for i := range 3 {
		fmt.Printf("%7.4f\n", dst[2*i:2*i+2])
	}
	// Output:
	// mean [2.0000 5.0000]
	// std  [0.8165 1.0000]
	// [-1.2247  0.0000]
	// [ 0.0000  0.0000]
	// [ 1.2247  0.0000]
}

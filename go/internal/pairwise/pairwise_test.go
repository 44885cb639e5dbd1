package pairwise

import (
	"math"
	"strconv"
	"testing"
)

// numpyGen is the test vector of TestPairwiseMatchesNumpy, written so that
// Python evaluates it to the same floats:
//
//	[((i*7919) % 1000 - 500) / 3 * 10.0**((i % 7) - 3) for i in range(n)]
func numpyGen(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64((i*7919)%1000-500) / 3 * math.Pow10(i%7-3)
	}
	return x
}

// TestPairwiseMatchesNumpy checks the summation order against np.sum(x)
// of numpy 2.4.6 (float.hex() of the result), on vectors whose sums depend
// on the order: every branch of pairwise_sum and the splits.
func TestPairwiseMatchesNumpy(t *testing.T) {
	for _, tc := range []struct {
		n   int
		hex string
	}{
		{1, "-0x1.5555555555555p-3"}, {5, "0x1.566a3d70a3d70p+9"}, {7, "0x1.0a314e81b4e82p+13"},
		{8, "0x1.0a3120c49ba5fp+13"}, {9, "0x1.0a2d2e6bdc806p+13"}, {15, "0x1.122911735ee40p+17"},
		{16, "0x1.12298b0cf87dap+17"}, {17, "0x1.122cf1735ee40p+17"}, {100, "0x1.73ac7e81b4e7ep+17"},
		{127, "0x1.3f964acb6f464p+17"}, {128, "0x1.3f96a5acb6f44p+17"}, {129, "0x1.3f98d8dfea277p+17"},
		{200, "0x1.f212624dd2f00p+14"}, {256, "0x1.9ba2078263ab2p+16"}, {257, "0x1.988f5cd7b9006p+16"},
		{1000, "0x1.e0d01e402bb11p+17"}, {1025, "0x1.dce6071529a46p+16"}, {10007, "-0x1.73b87fc962fbcp+17"},
	} {
		want, err := strconv.ParseFloat(tc.hex, 64)
		if err != nil {
			t.Fatal(err)
		}
		x := numpyGen(tc.n)
		if got := Sum(0, tc.n, func(i int) float64 { return x[i] }); got != want {
			t.Errorf("n=%d: Sum = %x, numpy %x", tc.n, got, want)
		}
		if got := Slice(x); got != want {
			t.Errorf("n=%d: Slice = %x, numpy %x", tc.n, got, want)
		}
	}
	x := numpyGen(300)
	if got, want := Sum(100, 150, func(i int) float64 { return x[i] }), Sum(0, 150, func(i int) float64 { return x[100+i] }); got != want {
		t.Errorf("offset sum %v, want %v", got, want)
	}
	if s := Sum(0, 3, func(int) float64 { return negZero }); !math.Signbit(s) || s != 0 {
		t.Errorf("sum of -0s = %v, want -0", s)
	}
	if s := Sum(0, 0, nil); s != 0 {
		t.Errorf("empty sum = %v", s)
	}
	// np.sum adds to +0: np.sum([-0.0] * k) is 0.0 for every k.
	for _, k := range []int{0, 1, 3, 8, 200} {
		if s := NPSum(k, func(int) float64 { return negZero }); s != 0 || math.Signbit(s) {
			t.Errorf("npsum of %d -0s = %v, want +0", k, s)
		}
	}
	if s := NPSum(3, func(i int) float64 { return float64(i) }); s != 3 {
		t.Errorf("npsum = %v", s)
	}
}

package linear

import (
	"math"
	"math/rand/v2"
	"testing"

	pw "mlmath/internal/pairwise"
)

// pairwiseRef is numpy's pairwise_sum over a term function (package
// internal/pairwise, tested there against numpy): the reference for
// leaves/combine and columnSums.
func pairwiseRef(lo, n int, term func(int) float64) float64 { return pw.Sum(lo, n, term) }

// wide returns n values of widely varying magnitude and sign, so that the
// order of the additions shows in the result.
func wide(n int, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	s := make([]float64, n)
	for i := range s {
		s[i] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(12)-6))
	}
	return s
}

var sumSizes = []int{0, 1, 7, 8, 9, 15, 16, 127, 128, 129, 255, 256, 257, 1000, 1031, 4096, 10007}

func TestPairwise(t *testing.T) {
	for _, n := range sumSizes {
		s := wide(n, uint64(n))
		want := pairwiseRef(0, n, func(i int) float64 { return s[i] })
		if got := pairwise(s); !same(got, want) {
			t.Errorf("n=%d: pairwise = %v, want %v", n, got, want)
		}
		if got := sum(s); !same(got, 0+want) {
			t.Errorf("n=%d: sum = %v, want %v", n, got, 0+want)
		}
	}
	// A sum of -0s: pairwise keeps the sign, sum (np.sum) adds +0.
	z := []float64{negZero, negZero}
	if got := pairwise(z); !same(got, negZero) {
		t.Errorf("pairwise(-0, -0) = %v, want -0", got)
	}
	if got := sum(z); !same(got, 0) {
		t.Errorf("sum(-0, -0) = %v, want +0", got)
	}
}

// TestLeaves checks that summing the leaves and combining their sums is
// pairwise over the whole vector, bit for bit, for every cut size.
func TestLeaves(t *testing.T) {
	for _, n := range sumSizes[1:] {
		s := wide(n, uint64(n)+100)
		want := pairwise(s)
		for _, max := range []int{128, 200, 1000, 1 << 20} {
			starts := append(leaves(nil, 0, n, max), n)
			part := make([]float64, len(starts)-1)
			for c := range part {
				m := starts[c+1] - starts[c]
				if m < 1 || m > max || starts[c+1] <= starts[c] {
					t.Fatalf("n=%d max=%d: leaf %d is [%d, %d)", n, max, c, starts[c], starts[c+1])
				}
				part[c] = pairwise(s[starts[c]:starts[c+1]])
			}
			if got := combine(part, n, max); !same(got, want) {
				t.Errorf("n=%d max=%d: combined %v, want %v", n, max, got, want)
			}
		}
	}
}

// TestColumnSums checks the row-wise column sums against pairwise over
// each column copied into a contiguous vector (np.ascontiguousarray(X.T)).
func TestColumnSums(t *testing.T) {
	for _, n := range sumSizes[1:] {
		for _, d := range []int{1, 3, 8} {
			x := wide(n*d, uint64(n*d))
			center := wide(d, 5)
			acc, tmp := make([]float64, 8*d), make([][]float64, depth(n))
			for k := range tmp {
				tmp[k] = make([]float64, d)
			}
			for _, tm := range []term{{}, {center: center}} {
				got := make([]float64, d)
				columnSums(got, x, 0, n, d, tm, acc, tmp)
				col := make([]float64, n)
				for j := range d {
					for i := range n {
						col[i] = x[i*d+j]
						if tm.center != nil {
							dv := col[i] - center[j]
							col[i] = dv * dv
						}
					}
					if want := pairwise(col); !same(got[j], want) {
						t.Errorf("n=%d d=%d centred=%v col %d: %v, want %v", n, d, tm.center != nil, j, got[j], want)
					}
				}
			}
		}
	}
}

package pairwise

import (
	"math"
	"math/big"
	"testing"

	"mlmath/internal/fuzzdata"
)

// refSum is numpy's pairwise summation written from the package
// documentation, recursively over a slice.
func refSum(s []float64) float64 {
	n := len(s)
	switch {
	case n < 8:
		res := math.Copysign(0, -1)
		for _, v := range s {
			res += v
		}
		return res
	case n <= 128:
		var r [8]float64
		copy(r[:], s[:8])
		i := 8
		for ; i+8 <= n; i += 8 {
			for j := range r {
				r[j] += s[i+j]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += s[i]
		}
		return res
	}
	h := n / 2
	h -= h % 8
	return refSum(s[:h]) + refSum(s[h:])
}

// FuzzPairwise sums decoded vectors of up to 400 terms (past one and two
// splits; NaN, ±Inf, -0, subnormals, values that cancel) with Slice, Sum
// (at an offset), NPSlice and NPSum. It checks that all agree bit for bit
// with the documented order written as a recursion over the slice (and
// the NP forms with 0 + that), that Split(n) is n/2 rounded down to a
// multiple of 8, and, for finite terms whose sum does not overflow, the
// O(log n) error bound against the exact sum (big.Float). The seed corpus
// is in testdata/fuzz/FuzzPairwise.
func FuzzPairwise(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(256) + r.Intn(2)*r.Intn(145)
		lo := r.Intn(5)
		vals := r.Floats(min(r.Len(), n))
		s := make([]float64, n) // the decoded values, repeated to length n
		for i := range s {
			if len(vals) > 0 {
				s[i] = vals[i%len(vals)] * float64(1+i/len(vals)%3)
			}
		}
		padded := append(make([]float64, lo), s...)

		want := refSum(s)
		got := Slice(s)
		term := Sum(lo, n, func(i int) float64 { return padded[i] })
		np, npTerm := NPSlice(s), NPSum(n, func(i int) float64 { return s[i] })
		if !fuzzdata.Same(got, want) || !fuzzdata.Same(term, want) || !fuzzdata.Same(np, 0+want) || !fuzzdata.Same(npTerm, 0+want) {
			t.Fatalf("sum of %d terms: Slice %v, Sum %v, NPSlice %v, NPSum %v; want %v", n, got, term, np, npTerm, want)
		}
		if sp := Split(n); n > Block && (sp%8 != 0 || sp > n/2 || sp <= n/2-8) {
			t.Fatalf("Split(%d) = %d", n, sp)
		}
		if !fuzzdata.Finite(s...) || math.IsInf(got, 0) {
			return
		}
		exact, abs := new(big.Float).SetPrec(2200), 0.0
		for _, v := range s {
			exact.Add(exact, new(big.Float).SetFloat64(v))
			abs += math.Abs(v)
		}
		if math.IsInf(abs, 0) {
			return
		}
		e, _ := exact.Float64()
		depth := 1 + math.Ceil(math.Log2(float64(n+1)))
		// Up to 16 terms per accumulator, 3 levels to combine them, 7 at the
		// tail, and a level per split.
		if tol := (depth + 32) * 0x1p-52 * abs; math.Abs(got-e) > tol {
			t.Fatalf("sum of %d terms: %v, exact %v, error above %v", n, got, e, tol)
		}
	})
}

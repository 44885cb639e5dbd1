// Package pairwise adds float64 terms in the order of numpy's pairwise
// summation (pairwise_sum in numpy's loops_utils.h.src), the order np.sum
// uses over a contiguous vector, so that Go code can reproduce numpy's sums
// to the bit. Its rounding error grows as O(log n), not O(n).
//
// The order, for n terms:
//
//   - n < 8: a plain loop, starting from -0 (a sum of -0s is -0);
//   - n <= 128: accumulators r[0..7], r[j] summing the terms j, j+8, ...,
//     combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the n%8 last
//     terms added one by one;
//   - n > 128: the sums of the first Split(n) and of the other terms.
//
// np.sum then adds the result to its identity, +0: NPSum and NPSlice do
// the same.
package pairwise

import "math"

// Block is numpy's PW_BLOCKSIZE: the longest vector summed with one block
// of 8 accumulators.
const Block = 128

// negZero is -0.0 (the constant expression -0.0 is +0 in Go).
var negZero = math.Copysign(0, -1)

// Split is where a range of n > Block terms is cut: n/2 rounded down to a
// multiple of 8.
func Split(n int) int {
	n2 := n / 2
	return n2 - n2%8
}

// Sum returns term(lo) + ... + term(lo+n-1) in numpy's pairwise order;
// term is called once for each index.
func Sum(lo, n int, term func(int) float64) float64 {
	switch {
	case n < 8:
		res := negZero
		for i := lo; i < lo+n; i++ {
			res += term(i)
		}
		return res
	case n <= Block:
		var r [8]float64
		for j := range r {
			r[j] = term(lo + j)
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range r {
				r[j] += term(lo + i + j)
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += term(lo + i)
		}
		return res
	default:
		n2 := Split(n)
		return Sum(lo, n2, term) + Sum(lo+n2, n-n2, term)
	}
}

// NPSum is np.sum of term(0), ..., term(n-1): Sum added to +0, so a sum of
// -0s (or of nothing) is +0, as np.sum([-0.0]) is 0.0.
func NPSum(n int, term func(int) float64) float64 {
	return 0 + Sum(0, n, term)
}

// Slice is Sum over the elements of s, without a function call per term.
func Slice(s []float64) float64 {
	n := len(s)
	switch {
	case n < 8:
		res := negZero
		for _, v := range s {
			res += v
		}
		return res
	case n <= Block:
		r := [8]float64(s[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			b := s[i : i+8 : i+8]
			r[0] += b[0]
			r[1] += b[1]
			r[2] += b[2]
			r[3] += b[3]
			r[4] += b[4]
			r[5] += b[5]
			r[6] += b[6]
			r[7] += b[7]
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += s[i]
		}
		return res
	default:
		n2 := Split(n)
		return Slice(s[:n2]) + Slice(s[n2:])
	}
}

// NPSlice is np.sum(s): Slice added to +0.
func NPSlice(s []float64) float64 { return 0 + Slice(s) }

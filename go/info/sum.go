package info

import "math"

// pwBlock is numpy's PW_BLOCKSIZE: the longest vector pairwise sums with
// one block of 8 accumulators.
const pwBlock = 128

// pairwise returns term(lo) + ... + term(lo+n-1) added in the order of
// numpy's pairwise summation (pairwise_sum in numpy's loops_utils.h.src),
// the order of np.sum over a contiguous vector:
//
//   - n < 8: a plain loop, starting from -0 (so that a sum of -0s is -0);
//   - n <= 128: accumulators r[0..7], r[j] summing the terms j, j+8, ...,
//     combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the n%8 last
//     terms added one by one;
//   - n > 128: the sums of the first n2 and of the other n-n2 terms, with
//     n2 = n/2 rounded down to a multiple of 8.
//
// term is called once for each index. Its rounding error grows as
// O(log n), not O(n).
func pairwise(lo, n int, term func(int) float64) float64 {
	switch {
	case n < 8:
		res := negZero
		for i := lo; i < lo+n; i++ {
			res += term(i)
		}
		return res
	case n <= pwBlock:
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
		n2 := n / 2
		n2 -= n2 % 8
		return pairwise(lo, n2, term) + pairwise(lo+n2, n-n2, term)
	}
}

// negZero is -0.0 (the constant expression -0.0 is +0 in Go).
var negZero = math.Copysign(0, -1)

// npsum returns np.sum of term(0), ..., term(n-1): numpy adds the pairwise
// sum to the reduction's identity, +0, so a sum of -0s (or of nothing) is
// +0 (np.sum([-0.0]) is 0.0).
func npsum(n int, term func(int) float64) float64 {
	if s := pairwise(0, n, term); s != 0 {
		return s
	}
	return 0
}

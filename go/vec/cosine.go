package vec

import "math"

// minNormal is the smallest positive normal float64.
const minNormal = 0x1p-1022

// CosineSimilarity returns <s, t> / (||s|| ||t||), computed as in
// scikit-learn as the dot product of the two normalized vectors: 0 when
// either norm is 0 (this includes empty vectors), no overflow even when a
// norm exceeds MaxFloat64, and NaN when an entry is NaN or Inf (scikit-learn
// rejects such input instead). It panics with ErrLength if the lengths
// differ.
func CosineSimilarity(s, t []float64) float64 {
	checkLen(len(s), t)
	ns, nt := Norm2(s), Norm2(t)
	if ns == 0 || nt == 0 {
		return 0
	}
	// Fast path: dot/ns/nt equals the normalized dot up to rounding when
	// neither the norms, the raw dot product nor the quotient dot/ns
	// overflowed or lost bits to underflow (a subnormal norm, such as that
	// of [5e-324]*7, is off by up to half its own size).
	if d := Dot(s, t); math.Abs(d) >= tiny && !math.IsInf(d, 0) && ns >= minNormal && nt >= minNormal && !math.IsInf(ns, 0) && !math.IsInf(nt, 0) {
		if q := d / ns; math.Abs(q) >= minNormal && !math.IsInf(q, 0) {
			return q / nt
		}
	}
	// Slow path: the cosine does not change when s and t are scaled, so divide
	// each by its largest |entry| first; then neither norm can overflow
	// (Norm2 of [1e308]*4 is +Inf) nor underflow.
	as, at := maxAbs(s), maxAbs(t)
	ns, nt = scaledNorm(s, as), scaledNorm(t, at)
	var sum float64
	for i, x := range s {
		sum += (x / as / ns) * (t[i] / at / nt)
	}
	return sum
}

// scaledNorm returns ||s / a||, the 2-norm of s divided by a.
func scaledNorm(s []float64, a float64) float64 {
	var ss float64
	for _, x := range s {
		y := x / a
		ss += y * y
	}
	return math.Sqrt(ss)
}

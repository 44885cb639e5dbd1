package metrics

import (
	"math"

	pw "mlmath/internal/pairwise"
)

// LogLoss returns the mean binary cross-entropy of the probabilities p of
// the positive class for the labels yTrue (0 or 1), as
// sklearn.metrics.log_loss(yTrue, p, labels=[0, 1]) computes it: the
// probabilities of both classes are clipped to [eps, 1-eps], and
//
//	q1_i = clip(p_i),  q0_i = clip(1 - p_i)
//	ℓ_i  = -(xlogy(1 - y_i, q0_i) + xlogy(y_i, q1_i))      (xlogy(0, q) = 0)
//	LogLoss = (Σ_i ℓ_i)/n
//
// with the sum in numpy's pairwise order (np.average). sklearn's eps is
// float64's machine epsilon, 2^-52. A probability of exactly 0 or 1 thus
// costs -log(2^-52) ≈ 36.04 when wrong, instead of +Inf. NaN in p gives
// NaN. It returns 0 for empty slices, and panics with ErrShape if the
// lengths differ.
func LogLoss(yTrue []float64, p []float64, eps float64) float64 {
	checkPair(len(yTrue), len(p))
	n := len(yTrue)
	if n == 0 {
		return 0
	}
	hi := 1 - eps
	clip := func(q float64) float64 {
		if q < eps {
			return eps
		} else if q > hi {
			return hi
		}
		return q // NaN too
	}
	s := pairwise(0, n, func(i int) float64 {
		y := yTrue[i]
		return -(xlogy(1-y, clip(1-p[i])) + xlogy(y, clip(p[i])))
	})
	return (0 + s) / float64(n)
}

// xlogy returns x·log(y), and 0 where x = 0 (scipy.special.xlogy), the
// product rounded before it is added to anything.
func xlogy(x, y float64) float64 {
	if x == 0 && y == y {
		return 0
	}
	return float64(x * math.Log(y))
}

// pairwise is term(lo) + ... + term(lo+n-1) in numpy's summation order
// (package internal/pairwise).
func pairwise(lo, n int, term func(int) float64) float64 { return pw.Sum(lo, n, term) }

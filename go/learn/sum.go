package learn

import pw "mlmath/internal/pairwise"

// pairwise is term(lo) + ... + term(lo+n-1) in numpy's summation order
// (package internal/pairwise).
func pairwise(lo, n int, term func(int) float64) float64 { return pw.Sum(lo, n, term) }

// npsum is np.sum of term(0), ..., term(n-1): pairwise added to +0.
func npsum(n int, term func(int) float64) float64 { return pw.NPSum(n, term) }

package nn

import pw "mlmath/internal/pairwise"

// pairwise is term(lo) + ... + term(lo+n-1) in numpy's summation order
// (package internal/pairwise).
func pairwise(lo, n int, term func(int) float64) float64 { return pw.Sum(lo, n, term) }

package mat

import "math"

// Det returns the determinant of the n×n matrix a: 1 for n == 0, exactly 0
// when a pivot of the LU factorization is exactly zero (as numpy.linalg.det),
// and NaN when a contains NaN. It panics with ErrShape if len(a) != n*n.
func Det(a []float64, n int) float64 {
	checkSize(a, n, n)
	if hasNaN(a) {
		return math.NaN()
	}
	return Factorize(a, n).Det()
}

// Inv writes the inverse of the n×n matrix a into dst, solving A·X = I by
// LU with partial pivoting. If a contains NaN, every entry of dst is NaN.
// It returns ErrSingular, leaving dst undefined, if a is exactly singular,
// and panics with ErrShape on a length mismatch.
func Inv(dst, a []float64, n int) error {
	checkSize(a, n, n)
	checkSize(dst, n, n)
	if hasNaN(a) {
		fill(dst, math.NaN())
		return nil
	}
	f := Factorize(a, n)
	if f.singular {
		return ErrSingular
	}
	clear(dst)
	for i := 0; i < n; i++ {
		dst[i*n+i] = 1
	}
	return f.SolveTo(dst, dst, n)
}

// Solve writes into dst (n×k) the solution X of a·X = b, for a n×n and b
// n×k (a vector right-hand side is k == 1). If a contains NaN, every entry
// of dst is NaN; a column of b that contains NaN gives an all-NaN column.
// It returns ErrSingular if a is exactly singular, and panics with ErrShape
// on a length mismatch.
func Solve(dst, a, b []float64, n, k int) error {
	checkSize(a, n, n)
	checkSize(b, n, k)
	checkSize(dst, n, k)
	if hasNaN(a) {
		fill(dst, math.NaN())
		return nil
	}
	return Factorize(a, n).SolveTo(dst, b, k)
}

func hasNaN(s []float64) bool {
	for _, x := range s {
		if x != x {
			return true
		}
	}
	return false
}

func fill(s []float64, v float64) {
	for i := range s {
		s[i] = v
	}
}

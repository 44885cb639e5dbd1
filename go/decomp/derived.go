package decomp

import (
	"math"

	"mlmath/internal/kernel"
)

// The functions in this file are built on SVD, as numpy.linalg's are.

// DefaultPinvRcond is numpy.linalg.pinv's default relative cutoff.
const DefaultPinvRcond = 1e-15

// Each function here is also a method of Options, with the check points
// of the SVD and of the matrix products after it.

// thinSVD returns the reduced SVD of the m×n matrix a: u (m×k), s (k), vt
// (k×n), with w's check points.
func thinSVD(a []float64, m, n int, w *watch) (u, s, vt []float64, err error) {
	k := min(m, n)
	u, s, vt = make([]float64, m*k), make([]float64, k), make([]float64, k*n)
	err = svd(u, s, vt, a, m, n, false, w)
	return u, s, vt, err
}

// Pinv writes the Moore-Penrose pseudo-inverse of the m×n matrix a into dst
// (n×m): A⁺ = V·diag(1/s_i)·Uᵀ over the singular values s_i > rcond·s_max,
// the others treated as zero (numpy.linalg.pinv; rcond 1e-15 is numpy's
// default). It returns SVD's errors (ErrNotFinite, ErrNoConvergence) and
// panics with ErrShape if a length disagrees with the dimensions.
func Pinv(dst, a []float64, m, n int, rcond float64) error {
	return Options{}.Pinv(dst, a, m, n, rcond)
}

// Pinv is the package's Pinv with the options o.
func (o Options) Pinv(dst, a []float64, m, n int, rcond float64) error {
	checkSize(a, m, n)
	checkSize(dst, n, m)
	wt := o.watch()
	u, s, vt, err := thinSVD(a, m, n, wt)
	if err != nil {
		return err
	}
	k := len(s)
	if k == 0 {
		clear(dst)
		return nil
	}
	cutoff := rcond * s[0]
	// W = S⁺·Uᵀ (k×m), then A⁺ = V·W = (Vᵀ)ᵀ·W.
	w := make([]float64, k*m)
	transposeTo(w, m, u, k, m, k)
	for j := range k {
		if row := w[j*m : j*m+m]; s[j] > cutoff {
			kernel.Scale(row, 1/s[j], row)
		} else {
			clear(row)
		}
	}
	return wt.gemm(n, m, k, transposeOf(vt, k, n), k, w, m, dst, m)
}

// Rank returns the number of singular values of the m×n matrix a above tol;
// a negative tol means numpy.linalg.matrix_rank's default, s_max·max(m,
// n)·eps. It returns SVD's errors.
func Rank(a []float64, m, n int, tol float64) (int, error) {
	return Options{}.Rank(a, m, n, tol)
}

// Rank is the package's Rank with the options o.
func (o Options) Rank(a []float64, m, n int, tol float64) (int, error) {
	checkSize(a, m, n)
	s, err := singularValues(a, m, n, o.watch())
	if err != nil || len(s) == 0 {
		return 0, err
	}
	if tol < 0 {
		tol = s[0] * float64(max(m, n)) * 0x1p-52
	}
	r := 0
	for _, x := range s {
		if x > tol {
			r++
		}
	}
	return r, nil
}

// Cond returns the 2-norm condition number s_max/s_min of the m×n matrix a
// (numpy.linalg.cond with p=None): +Inf when s_min is zero
// and s_max is not; NaN (0/0, as numpy) for the zero matrix. It panics with
// ErrShape for an empty matrix, whose condition number is undefined, and
// returns SVD's errors.
func Cond(a []float64, m, n int) (float64, error) {
	return Options{}.Cond(a, m, n)
}

// Cond is the package's Cond with the options o.
func (o Options) Cond(a []float64, m, n int) (float64, error) {
	checkSize(a, m, n)
	if m == 0 || n == 0 {
		panic(ErrShape)
	}
	s, err := singularValues(a, m, n, o.watch())
	if err != nil {
		return 0, err
	}
	return s[0] / s[len(s)-1], nil
}

// singularValues returns the singular values of a, descending, with w's
// check points.
func singularValues(a []float64, m, n int, w *watch) ([]float64, error) {
	_, s, _, err := thinSVD(a, m, n, w)
	return s, err
}

// LowRank computes the best rank-r approximation of the m×n matrix a in the
// 2- and Frobenius norms (Eckart-Young): the leading r singular triplets
// uk (m×r), sk (r), vtk (r×n) and their product ak = uk·diag(sk)·vtk (m×n).
// It panics with ErrShape unless 0 < r <= min(m, n) and the lengths agree,
// and returns SVD's errors.
func LowRank(uk, sk, vtk, ak, a []float64, m, n, r int) error {
	return Options{}.LowRank(uk, sk, vtk, ak, a, m, n, r)
}

// LowRank is the package's LowRank with the options o.
func (o Options) LowRank(uk, sk, vtk, ak, a []float64, m, n, r int) error {
	checkSize(a, m, n)
	if r < 1 || r > min(m, n) || len(sk) != r {
		panic(ErrShape)
	}
	checkSize(uk, m, r)
	checkSize(vtk, r, n)
	checkSize(ak, m, n)
	wt := o.watch()
	u, s, vt, err := thinSVD(a, m, n, wt)
	if err != nil {
		return err
	}
	k := len(s)
	copy(sk, s[:r])
	copy(vtk, vt[:r*n])
	us := make([]float64, m*r) // U_r·diag(s_r)
	for i := range m {
		copy(uk[i*r:i*r+r], u[i*k:i*k+r])
		for j := range r {
			us[i*r+j] = u[i*k+j] * s[j]
		}
	}
	return wt.gemm(m, n, r, us, r, vtk, n, ak, n)
}

// PCA computes the principal component analysis of the data x (samples
// rows, features columns) with scikit-learn's conventions: the data are
// centred by the column means (mean) and not scaled; with Xc = U·S·Vᵀ,
// components (c×features) are the first c rows of Vᵀ, each flipped so that
// its largest-|.| entry is positive (sklearn's svd_flip on Vᵀ), variance
// gets S²/(samples-1) for those components, ratio their share of the total
// variance, and transformed (samples×c) the centred data projected on them,
// Xc·componentsᵀ. For constant data (every sample equal) the ratio is NaN,
// as scikit-learn's 0/0. It panics with ErrShape unless samples >= 2, 1 <= c <=
// min(samples, features) and the lengths agree, and returns SVD's errors.
func PCA(components, variance, ratio, mean, transformed, x []float64, samples, features, c int) error {
	return Options{}.PCA(components, variance, ratio, mean, transformed, x, samples, features, c)
}

// PCA is the package's PCA with the options o.
func (o Options) PCA(components, variance, ratio, mean, transformed, x []float64, samples, features, c int) error {
	checkSize(x, samples, features)
	if samples < 2 || c < 1 || c > min(samples, features) || len(variance) != c || len(ratio) != c || len(mean) != features {
		panic(ErrShape)
	}
	checkSize(components, c, features)
	checkSize(transformed, samples, c)
	for j := range mean {
		mean[j] = 0
	}
	for i := range samples {
		kernel.Axpy(mean, 1, x[i*features:i*features+features])
	}
	for j := range mean {
		mean[j] /= float64(samples)
	}
	xc := make([]float64, len(x))
	for i := range samples {
		kernel.Sub(xc[i*features:i*features+features], x[i*features:i*features+features], mean)
	}
	u, s, vt, err := thinSVD(xc, samples, features, o.watch())
	if err != nil {
		return err
	}
	k := len(s)
	var total float64
	for _, v := range s {
		total += v * v
	}
	for j := range c {
		row := vt[j*features : j*features+features]
		sign := 1.0
		best := -1.0
		for _, v := range row { // the first entry of largest |.| decides
			if a := math.Abs(v); a > best {
				best, sign = a, math.Copysign(1, v)
			}
		}
		for f, v := range row {
			components[j*features+f] = sign * v
		}
		variance[j] = s[j] * s[j] / float64(samples-1)
		ratio[j] = s[j] * s[j] / total // 0/0 = NaN for constant data, as sklearn
		for i := range samples {
			transformed[i*c+j] = sign * u[i*k+j] * s[j]
		}
	}
	return nil
}

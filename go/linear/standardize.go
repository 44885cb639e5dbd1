package linear

import "math"

// Standardize centres and scales the columns of the n×d matrix X as
// sklearn.preprocessing.StandardScaler().fit_transform does, writing the
// column means to mean, the scales to std and the standardized matrix to
// dst:
//
//	mean_j = (Σ_i x_ij)/n
//	var_j  = (Σ_i (x_ij - mean_j)²)/n              (ddof 0)
//	std_j  = 1                 if var_j <= n·eps·var_j + (n·mean_j·eps)²
//	         sqrt(var_j)       otherwise
//	dst_ij = (x_ij - mean_j)/std_j
//
// with eps = 2^-52. The test for a constant column is sklearn's
// (_is_constant_feature): it holds for var_j = 0, and also when var_j is no
// more than the rounding noise of the mean, as for a column of n copies of
// 0.1 whose computed mean is not exactly 0.1. Such a column gets std 1, as
// in sklearn, and values (x - mean) of the order of an ulp of the mean.
//
// Both sums are pairwise per column, in the order of numpy over the
// contiguous rows of Xᵀ: with Xt = np.ascontiguousarray(X.T),
//
//	mean = Xt.mean(axis=1)
//	var  = ((Xt - mean[:, None])**2).mean(axis=1)
//
// (np.var(Xt, axis=1) computes the same), not X.mean(axis=0), which adds
// the rows one after another. NaN in a column gives NaN for its mean, std
// and values (sklearn ignores NaN instead; the Python layer rejects it).
//
// dst may be x. It panics with ErrEmpty if n < 1, and with ErrShape if a
// length disagrees with n and d.
func Standardize(dst, mean, std, x []float64, n, d int) {
	nd := size(n, d)
	if n < 1 {
		panic(ErrEmpty)
	}
	checkLen(x, nd)
	checkLen(dst, nd)
	checkLen(mean, d)
	checkLen(std, d)
	if d == 0 { // no columns: nothing to sum (the row loop would still run n times)
		return
	}

	acc := make([]float64, 8*d)
	tmp := make([][]float64, depth(n))
	for k := range tmp {
		tmp[k] = make([]float64, d)
	}
	fn := float64(n)
	columnSums(mean, x, 0, n, d, term{}, acc, tmp)
	for j := range mean {
		mean[j] = (0 + mean[j]) / fn
	}
	columnSums(std, x, 0, n, d, term{center: mean}, acc, tmp)
	for j, s := range std {
		v := (0 + s) / fn
		u := float64(fn*mean[j]) * eps
		if v <= float64(fn*eps*v)+float64(u*u) { // sklearn's _is_constant_feature
			std[j] = 1
		} else {
			std[j] = math.Sqrt(v)
		}
	}
	ApplyStandardize(dst, x, mean, std, n, d)
}

// ApplyStandardize computes dst_ij = (x_ij - mean_j)/std_j for the n×d
// matrix X, the difference rounded before the division: StandardScaler's
// transform with the mean and std (scale_) of a fit. The std entries
// should not be 0 (Standardize never returns 0): the division is done as
// is, giving ±Inf or NaN for a 0. dst may be x. It panics with ErrShape if
// a length disagrees with n and d.
func ApplyStandardize(dst, x, mean, std []float64, n, d int) {
	nd := size(n, d)
	checkLen(x, nd)
	checkLen(dst, nd)
	checkLen(mean, d)
	checkLen(std, d)
	for i := 0; i < nd; i += d {
		row, out := x[i:i+d], dst[i:i+d]
		for j, v := range row {
			out[j] = (v - mean[j]) / std[j]
		}
	}
}

// eps is float64's machine epsilon, 2^-52.
const eps = 0x1p-52

package nn

import "math"

// checkRows panics with ErrShape unless x holds rows×cols values and dst
// holds rows×dstCols.
func checkRows(dst, x []float64, rows, cols, dstCols int) {
	checkLen(x, size(rows, cols))
	checkLen(dst, size(rows, dstCols))
}

// rowMax returns the largest element of a non-empty row, or NaN if the row
// holds a NaN (numpy.amax).
func rowMax(row []float64) float64 {
	m := row[0]
	for _, v := range row {
		if v > m || v != v {
			m = v
			if v != v {
				break
			}
		}
	}
	return m
}

// Softmax computes, for each row of the rows×cols matrix x, the softmax
// exp(x_j)/Σ_k exp(x_k), as scipy.special.softmax:
//
//	m = max_k x_k;  e_j = exp(x_j - m);  dst_j = e_j / Σ_k e_k
//
// Shifting by the row maximum keeps every e_j in [0, 1], so [1000, 1001,
// 1002] is as finite as [0, 1, 2]. Following scipy, a row that holds NaN,
// +Inf, or only -Inf gives NaN throughout (Inf - Inf); -Inf beside finite
// values gives 0. dst (rows×cols) may be x. It panics with ErrShape if a
// length disagrees with rows and cols.
func Softmax(dst, x []float64, rows, cols int) {
	checkRows(dst, x, rows, cols, cols)
	if cols == 0 {
		return
	}
	for r := range rows {
		xr, dr := x[r*cols:(r+1)*cols], dst[r*cols:(r+1)*cols]
		m := rowMax(xr)
		for j, v := range xr {
			dr[j] = math.Exp(v - m)
		}
		s := pairwise(0, cols, func(j int) float64 { return dr[j] })
		for j := range dr {
			dr[j] /= s
		}
	}
}

// LogSoftmax computes, for each row of the rows×cols matrix x, the
// logarithm of its softmax, x_j - log Σ_k exp(x_k), as
// scipy.special.log_softmax:
//
//	m = max_k x_k, replaced by 0 if it is not finite
//	t_j = x_j - m;  dst_j = t_j - log(Σ_k exp(t_k))
//
// It is exact where log(Softmax) underflows: [1000, 0] gives [0, -1000].
// Following scipy, a row holding NaN is NaN throughout, a row of only -Inf
// is NaN throughout, -Inf beside finite values stays -Inf, and a row with
// +Inf gives NaN at the +Inf entries and -Inf elsewhere. dst (rows×cols)
// may be x. It panics with ErrShape if a length disagrees with rows and
// cols.
func LogSoftmax(dst, x []float64, rows, cols int) {
	checkRows(dst, x, rows, cols, cols)
	if cols == 0 {
		return
	}
	for r := range rows {
		xr, dr := x[r*cols:(r+1)*cols], dst[r*cols:(r+1)*cols]
		m := rowMax(xr)
		if math.IsInf(m, 0) || m != m {
			m = 0
		}
		for j, v := range xr {
			dr[j] = v - m
		}
		ls := math.Log(pairwise(0, cols, func(j int) float64 { return math.Exp(dr[j]) }))
		for j := range dr {
			dr[j] -= ls
		}
	}
}

// LogSumExp computes, for each row of the rows×cols matrix x, dst[r] =
// log Σ_j exp(x_j), as scipy.special.logsumexp (scipy >= 1.15), which sets
// the c maximal terms apart for accuracy:
//
//	m = max_j x_j (NaN if the row holds NaN);  c = #{j : x_j = m}
//	shift = m if m is finite, else 0
//	s = Σ_{j : x_j != m} exp(x_j - shift);  s = s/c unless s = 0
//	dst[r] = (log1p(s) + log(c)) + m
//
// So a row holding NaN gives NaN, a row with +Inf (and no NaN) gives +Inf,
// a row of only -Inf gives -Inf, and an empty row (cols = 0) gives -Inf.
// dst has rows elements. It panics with ErrShape if a length disagrees
// with rows and cols.
func LogSumExp(dst, x []float64, rows, cols int) {
	checkRows(dst, x, rows, cols, 1)
	for r := range rows {
		if cols == 0 {
			dst[r] = math.Inf(-1)
			continue
		}
		dst[r] = logSumExpRow(x[r*cols : (r+1)*cols])
	}
}

func logSumExpRow(xr []float64) float64 {
	m := rowMax(xr)
	c := 0
	for _, v := range xr {
		if v == m {
			c++
		}
	}
	shift := m
	if math.IsInf(m, 0) || m != m {
		shift = 0
	}
	s := pairwise(0, len(xr), func(j int) float64 {
		if xr[j] == m {
			return 0 // scipy sets the maxima to -Inf: exp(-Inf) = 0
		}
		return math.Exp(xr[j] - shift)
	})
	if s != 0 {
		s /= float64(c) // NaN when c = 0 (a NaN row), as in scipy
	}
	return (math.Log1p(s) + math.Log(float64(c))) + m
}

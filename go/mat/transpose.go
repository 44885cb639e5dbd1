package mat

// block is the tile edge of the transpose: 32×32 float64s (8 KiB) of the
// source and of dst fit in L1 together.
const block = 32

// Transpose writes the n×m transpose of the m×n matrix a into dst and
// returns dst. It panics with ErrShape if a slice length disagrees with
// the dimensions.
func Transpose(dst, a []float64, m, n int) []float64 {
	checkSize(a, m, n)
	checkSize(dst, n, m)
	for i0 := 0; i0 < m; i0 += block {
		i1 := min(i0+block, m)
		for j0 := 0; j0 < n; j0 += block {
			j1 := min(j0+block, n)
			for i := i0; i < i1; i++ {
				row := a[i*n : i*n+n]
				for j := j0; j < j1; j++ {
					dst[j*m+i] = row[j]
				}
			}
		}
	}
	return dst
}

package mat

// block is the tile edge of the transpose. A 16×16 tile touches 16 cache
// lines of a (a column of the tile at a time) and writes dst a line at a
// time; the tile order keeps power-of-two strides (n = 256, 512, ...) from
// evicting the lines still in use, which a row-at-a-time 32×32 tile did
// (5x numpy's time at n = 256 on the Intel Xeon; now on a par or faster).
const block = 16

// Transpose writes the n×m transpose of the m×n matrix a into dst and
// returns dst. It panics with ErrShape if a slice length disagrees with
// the dimensions.
func Transpose(dst, a []float64, m, n int) []float64 {
	checkSize(a, m, n)
	checkSize(dst, n, m)
	if m == 0 || n == 0 {
		return dst // not m/block empty tiles: m may be math.MaxInt
	}
	for i0 := 0; i0 < m; i0 += block {
		i1 := min(i0+block, m)
		for j0 := 0; j0 < n; j0 += block {
			j1 := min(j0+block, n)
			for j := j0; j < j1; j++ {
				d := dst[j*m+i0 : j*m+i1] // row j of dst, columns i0..i1
				for k := range d {
					d[k] = a[(i0+k)*n+j]
				}
			}
		}
	}
	return dst
}

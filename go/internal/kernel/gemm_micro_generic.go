package kernel

// The register tile of the pure-Go micro-kernel.
const (
	mr = 6
	nr = 8
)

// microKernelGeneric is the pure-Go micro-kernel: the mr×nr (6×8) tile c
// (row stride ldc) = (accum ? c : 0) + ap·bp, where ap is a packed mr×k
// sliver (ap[p*mr+i]) and bp a packed k×nr sliver (bp[p*nr+j]).
func microKernelGeneric(k int, ap, bp, c []float64, ldc int, accum bool) {
	var acc [mr * nr]float64
	ap = ap[:k*mr]
	bp = bp[:k*nr]
	for p := 0; p < k; p++ {
		b := bp[p*nr : p*nr+nr : p*nr+nr]
		b0, b1, b2, b3 := b[0], b[1], b[2], b[3]
		b4, b5, b6, b7 := b[4], b[5], b[6], b[7]
		a := ap[p*mr : p*mr+mr : p*mr+mr]
		for i, ai := range a {
			r := acc[i*nr : i*nr+nr : i*nr+nr]
			r[0] += ai * b0
			r[1] += ai * b1
			r[2] += ai * b2
			r[3] += ai * b3
			r[4] += ai * b4
			r[5] += ai * b5
			r[6] += ai * b6
			r[7] += ai * b7
		}
	}
	for i := 0; i < mr; i++ {
		row := c[i*ldc : i*ldc+nr : i*ldc+nr]
		src := acc[i*nr : i*nr+nr : i*nr+nr]
		if accum {
			for j, v := range src {
				row[j] += v
			}
		} else {
			copy(row, src)
		}
	}
}

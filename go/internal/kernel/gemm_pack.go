package kernel

// packA packs the mb×kb block of A (row stride lda) into slivers of mr rows:
// ap[s*mr*kb + p*mr + i] = A[s*mr+i][p] (negated when neg is set: the
// subtracting product packs -A, which is exact), with the rows past mb
// zero-padded. Full slivers of 6 and 8 rows, the tiles of the kernel sets,
// have unrolled loops.
func packA(mr, mb, kb int, a []float64, lda int, ap []float64, neg bool) {
	sign := 1.0
	if neg {
		sign = -1
	}
	for ir := 0; ir < mb; ir += mr {
		dst := ap[ir*kb : (ir+mr)*kb]
		rows := min(mr, mb-ir)
		switch {
		case rows == 8 && mr == 8:
			packA8(kb, a[ir*lda:], lda, dst, sign)
		case rows == 6 && mr == 6:
			packA6(kb, a[ir*lda:], lda, dst, sign)
		default:
			for p := range kb {
				d := dst[p*mr : p*mr+mr : p*mr+mr]
				for i := range d {
					if i < rows {
						d[i] = sign * a[(ir+i)*lda+p]
					} else {
						d[i] = 0
					}
				}
			}
		}
	}
}

func packA6(kb int, a []float64, lda int, dst []float64, sign float64) {
	r0 := a[0*lda : 0*lda+kb]
	r1 := a[1*lda : 1*lda+kb]
	r2 := a[2*lda : 2*lda+kb]
	r3 := a[3*lda : 3*lda+kb]
	r4 := a[4*lda : 4*lda+kb]
	r5 := a[5*lda : 5*lda+kb]
	for p := range kb {
		d := dst[p*6 : p*6+6 : p*6+6]
		d[0], d[1], d[2] = sign*r0[p], sign*r1[p], sign*r2[p]
		d[3], d[4], d[5] = sign*r3[p], sign*r4[p], sign*r5[p]
	}
}

func packA8(kb int, a []float64, lda int, dst []float64, sign float64) {
	r0 := a[0*lda : 0*lda+kb]
	r1 := a[1*lda : 1*lda+kb]
	r2 := a[2*lda : 2*lda+kb]
	r3 := a[3*lda : 3*lda+kb]
	r4 := a[4*lda : 4*lda+kb]
	r5 := a[5*lda : 5*lda+kb]
	r6 := a[6*lda : 6*lda+kb]
	r7 := a[7*lda : 7*lda+kb]
	for p := range kb {
		d := dst[p*8 : p*8+8 : p*8+8]
		d[0], d[1], d[2], d[3] = sign*r0[p], sign*r1[p], sign*r2[p], sign*r3[p]
		d[4], d[5], d[6], d[7] = sign*r4[p], sign*r5[p], sign*r6[p], sign*r7[p]
	}
}

// packB packs the kb×nb panel of B (row stride ldb) into slivers of nr
// columns: bp[s*nr*kb + p*nr + j] = B[p][s*nr+j], with the columns past nb
// zero-padded.
func packB(nr, kb, nb int, b []float64, ldb int, bp []float64) {
	for jr := 0; jr < nb; jr += nr {
		dst := bp[jr*kb : (jr+nr)*kb]
		cols := min(nr, nb-jr)
		for p := range kb {
			d := dst[p*nr : p*nr+nr : p*nr+nr]
			copy(d, b[p*ldb+jr:p*ldb+jr+cols])
			if cols < nr {
				clear(d[cols:])
			}
		}
	}
}

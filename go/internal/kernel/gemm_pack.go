package kernel

// packA packs the mb×kb block of A (row stride lda) into slivers of mr rows:
// ap[s*mr*kb + p*mr + i] = A[s*mr+i][p], with the rows past mb zero-padded.
func packA(mb, kb int, a []float64, lda int, ap []float64) {
	for ir := 0; ir < mb; ir += mr {
		dst := ap[ir*kb : (ir+mr)*kb]
		if mb-ir >= mr {
			r0 := a[ir*lda : ir*lda+kb]
			r1 := a[(ir+1)*lda : (ir+1)*lda+kb]
			r2 := a[(ir+2)*lda : (ir+2)*lda+kb]
			r3 := a[(ir+3)*lda : (ir+3)*lda+kb]
			r4 := a[(ir+4)*lda : (ir+4)*lda+kb]
			r5 := a[(ir+5)*lda : (ir+5)*lda+kb]
			for p := range kb {
				d := dst[p*mr : p*mr+mr : p*mr+mr]
				d[0], d[1], d[2] = r0[p], r1[p], r2[p]
				d[3], d[4], d[5] = r3[p], r4[p], r5[p]
			}
			continue
		}
		rows := mb - ir
		for p := range kb {
			d := dst[p*mr : p*mr+mr : p*mr+mr]
			for i := range d {
				if i < rows {
					d[i] = a[(ir+i)*lda+p]
				} else {
					d[i] = 0
				}
			}
		}
	}
}

// packB packs the kb×nb panel of B (row stride ldb) into slivers of nr
// columns: bp[s*nr*kb + p*nr + j] = B[p][s*nr+j], with the columns past nb
// zero-padded.
func packB(kb, nb int, b []float64, ldb int, bp []float64) {
	for jr := 0; jr < nb; jr += nr {
		dst := bp[jr*kb : (jr+nr)*kb]
		if nb-jr >= nr {
			for p := range kb {
				s := b[p*ldb+jr : p*ldb+jr+nr : p*ldb+jr+nr]
				d := dst[p*nr : p*nr+nr : p*nr+nr]
				d[0], d[1], d[2], d[3] = s[0], s[1], s[2], s[3]
				d[4], d[5], d[6], d[7] = s[4], s[5], s[6], s[7]
			}
			continue
		}
		cols := nb - jr
		for p := range kb {
			d := dst[p*nr : p*nr+nr : p*nr+nr]
			copy(d, b[p*ldb+jr:p*ldb+jr+cols])
			clear(d[cols:])
		}
	}
}

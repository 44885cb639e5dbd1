package linear

import (
	"math"

	pw "mlmath/internal/pairwise"
)

// pwBlock is numpy's PW_BLOCKSIZE (package internal/pairwise).
const pwBlock = pw.Block

// sum returns Σ s[i] as np.sum(s) computes it: numpy's pairwise order,
// added to the identity +0.
func sum(s []float64) float64 { return pw.NPSlice(s) }

// pairwise is s[0] + ... + s[n-1] in numpy's pairwise order.
func pairwise(s []float64) float64 { return pw.Slice(s) }

// pwSplit is where pairwise splits a vector of n > 128 terms.
func pwSplit(n int) int { return pw.Split(n) }

// leaves appends to dst the start of each leaf of pairwise's recursion over
// [lo, lo+n) cut at nodes of at most max terms (max >= pwBlock), in order.
// Summing each leaf with pairwise and combining the leaf sums with
// combine gives pairwise's result over the whole range, bit for bit.
func leaves(dst []int, lo, n, max int) []int {
	if n <= max {
		return append(dst, lo)
	}
	n2 := pwSplit(n)
	return leaves(leaves(dst, lo, n2, max), lo+n2, n-n2, max)
}

// combine adds the leaf sums part (one per leaf of leaves(nil, 0, n, max),
// in order) in pairwise's order over n terms: the tree above the leaves.
func combine(part []float64, n, max int) float64 {
	i := 0
	var rec func(n int) float64
	rec = func(n int) float64 {
		if n <= max {
			i++
			return part[i-1]
		}
		n2 := pwSplit(n)
		l := rec(n2)
		return l + rec(n-n2)
	}
	return rec(n)
}

// columnSums sets dst[j] to the pairwise sum over the rows i in [lo,
// lo+m) of term(x[i*d+j], j), for every column j < d, in the order of
// pairwise over that column as a contiguous vector: the order of
// np.ascontiguousarray(X.T).sum(axis=1). It reads X row after row. acc
// holds 8·d values of scratch and tmp the per-level buffers of the
// recursion (depth(m) of them, d values each).
func columnSums(dst, x []float64, lo, m, d int, t term, acc []float64, tmp [][]float64) {
	switch {
	case m < 8:
		for j := range dst {
			dst[j] = negZero
		}
		for i := lo; i < lo+m; i++ {
			t.addRow(dst, x[i*d:i*d+d])
		}
	case m <= pwBlock:
		for k := range 8 {
			t.setRow(acc[k*d:k*d+d], x[(lo+k)*d:(lo+k)*d+d])
		}
		i := 8
		for ; i < m-m%8; i += 8 {
			for k := range 8 {
				t.addRow(acc[k*d:k*d+d], x[(lo+i+k)*d:(lo+i+k)*d+d])
			}
		}
		for j := range dst {
			dst[j] = ((acc[j] + acc[d+j]) + (acc[2*d+j] + acc[3*d+j])) +
				((acc[4*d+j] + acc[5*d+j]) + (acc[6*d+j] + acc[7*d+j]))
		}
		for ; i < m; i++ {
			t.addRow(dst, x[(lo+i)*d:(lo+i)*d+d])
		}
	default:
		m2 := pwSplit(m)
		columnSums(dst, x, lo, m2, d, t, acc, tmp)
		right := tmp[0]
		columnSums(right, x, lo+m2, m-m2, d, t, acc, tmp[1:])
		for j := range dst {
			dst[j] += right[j]
		}
	}
}

// depth returns how many right-hand buffers columnSums needs for m rows.
func depth(m int) int {
	k := 0
	for m > pwBlock {
		m -= pwSplit(m) // the right half is the larger
		k++
	}
	return k
}

// term is what columnSums adds: the values themselves (center == nil) or
// their squared deviations (x - center[j])², each square rounded before it
// is added.
type term struct{ center []float64 }

// setRow sets a[j] = term(row[j]).
func (t term) setRow(a, row []float64) {
	row = row[:len(a)]
	if t.center == nil {
		copy(a, row)
		return
	}
	c := t.center[:len(a)]
	for j, v := range row {
		dv := v - c[j]
		a[j] = float64(dv * dv)
	}
}

// addRow adds term(row[j]) to a[j].
func (t term) addRow(a, row []float64) {
	row = row[:len(a)]
	if t.center == nil {
		for j, v := range row {
			a[j] += v
		}
		return
	}
	c := t.center[:len(a)]
	for j, v := range row {
		dv := v - c[j]
		a[j] += float64(dv * dv)
	}
}

// negZero is -0.0 (the constant expression -0.0 is +0 in Go).
var negZero = math.Copysign(0, -1)

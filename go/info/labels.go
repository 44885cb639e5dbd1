package info

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// eps is numpy's float64 machine epsilon, np.finfo(np.float64).eps.
const eps = 0x1p-52

// MutualInformationFromLabels returns the mutual information of two
// labelings x and y of the same n samples, in units of log base:
// sklearn.metrics.mutual_info_score(x, y) / ln(base),
//
//	I(X; Y) = Σ_ij (n_ij/n) log(n·n_ij / (a_i b_j)) / log(base)
//
// where n_ij counts the samples labeled i in x and j in y (the contingency
// table), a_i = Σ_j n_ij and b_j = Σ_i n_ij. The labels are arbitrary
// int64 values; only their equality and order matter.
//
// It follows sklearn's evaluation term for term, over the nonzero cells of
// the contingency table in row-major order of the sorted labels (the order
// of sklearn's sparse contingency matrix):
//
//	nm       = n_ij / n
//	logOuter = (-log(a_i·b_j) + log n) + log n     (a_i·b_j an int64 product)
//	t_ij     = nm·(log(n_ij) - log n) + nm·logOuter
//	t_ij     = 0 where |t_ij| < eps = 2⁻⁵²
//	I        = max(Σ t_ij, 0) / log(base)          (the sum pairwise, as np.sum)
//
// so it is sklearn's value to the bit but for the logarithms, which differ
// from numpy's by an ulp now and then: to a few ulps of the largest term.
// A labeling with a single distinct label gives 0 (sklearn's early
// return).
//
// It takes O(n) time and memory for labels of small ranges: when the
// table indexed by the offsets from the smallest labels, (max x - min x +
// 1)·(max y - min y + 1) cells, has at most max(2¹⁶, 2n), the pairs are
// counted in it in one pass. Otherwise each labeling is first coded by the
// rank of its labels, through a lookup table over [min, max] when that
// range is below min(2²², 4n + 1024) and through a hash table otherwise
// (labels such as -3 and 1e15), and the pairs of ranks are counted in a
// dense table of at most max(2¹⁶, 2n) cells or else in a hash table of
// the nonzero cells. Every path gives the same bits.
//
// It panics with ErrShape if len(x) != len(y), and returns ErrEmpty for
// empty labelings and ErrBase for a base that is not positive, finite and
// different from 1.
func MutualInformationFromLabels(x, y []int64, base float64) (float64, error) {
	return counterFor(len(x)).mutualInformation(x, y, base)
}

// counter holds the limits that choose how labels are coded and counted.
// The tests set them to force each path.
type counter struct {
	// maxSpan: a labeling whose max - min is below it is coded by a lookup
	// table of max - min + 1 entries, else through a hash table. At most
	// 2²² (codes, and products of two spans, must not overflow).
	maxSpan uint64
	// maxCells: a contingency table of at most maxCells cells is counted
	// densely, else as a hash table of its nonzero cells.
	maxCells uint64
}

// counterFor returns the limits for n labels: lookup tables and dense
// counts of O(n) memory, and never more than 2²² entries for the lookup.
func counterFor(n int) counter {
	return counter{
		maxSpan:  min(1<<22, 4*uint64(n)+1024),
		maxCells: max(1<<16, 2*uint64(n)),
	}
}

// code is the integer type of the label codes: int32 unless there are more
// than 2³¹-1 labels.
type code interface{ int32 | int64 }

func (c counter) mutualInformation(x, y []int64, base float64) (float64, error) {
	if len(x) != len(y) {
		panic(ErrShape)
	}
	logb, err := logBase(base)
	if err != nil {
		return 0, err
	}
	if len(x) == 0 {
		return 0, ErrEmpty
	}
	if len(x) <= math.MaxInt32 {
		return labelsMI[int32](c, x, y, logb), nil
	}
	return labelsMI[int64](c, x, y, logb), nil
}

// labelsMI is MutualInformationFromLabels for non-empty x, y of one length,
// in nats divided by logb.
func labelsMI[C code](c counter, x, y []int64, logb float64) float64 {
	cells, counts, rows, cols := count[C](c, x, y)

	// a_i, b_j: the row and column sums; kx, ky: the distinct labels.
	a, b := make([]int64, rows), make([]int64, cols)
	for j, cell := range cells {
		a[cell/int64(cols)] += counts[j]
		b[cell%int64(cols)] += counts[j]
	}
	if nonzero(a) == 1 || nonzero(b) == 1 {
		return 0
	}
	fn := float64(len(x))
	logN := math.Log(fn)
	terms := make([]float64, len(cells))
	for j, cell := range cells {
		nij := counts[j]
		nm := float64(nij) / fn
		logOuter := -math.Log(float64(a[cell/int64(cols)]*b[cell%int64(cols)])) + logN + logN
		t := float64(nm*(math.Log(float64(nij))-logN)) + float64(nm*logOuter)
		if math.Abs(t) < eps {
			t = 0
		}
		terms[j] = t
	}
	mi := npsum(len(terms), func(j int) float64 { return terms[j] })
	if mi < 0 {
		mi = 0
	}
	return mi / logb
}

// nonzero returns the number of nonzero values in v.
func nonzero(v []int64) int {
	k := 0
	for _, m := range v {
		if m != 0 {
			k++
		}
	}
	return k
}

// count returns the contingency table of the labels x and y as a rows×cols
// table whose rows and columns are increasing in the labels of x and y
// (some may be empty): its nonzero cells, as row·cols + column, in
// increasing order, and their counts.
func count[C code](c counter, x, y []int64) (cells, counts []int64, rows, cols int) {
	lox, hix := bounds(x)
	loy, hiy := bounds(y)
	// hi - lo as uint64, without overflow.
	sx, sy := uint64(hix)-uint64(lox), uint64(hiy)-uint64(loy)
	if sx < c.maxSpan && sy < c.maxSpan && (sx+1)*(sy+1) <= c.maxCells {
		// Small labels: one pass, counting in a table indexed by the
		// offsets from the smallest labels.
		rows, cols = int(sx+1), int(sy+1)
		t := make([]int64, rows*cols)
		for i, v := range x {
			t[int(uint64(v)-uint64(lox))*cols+int(uint64(y[i])-uint64(loy))]++
		}
		cells, counts = nonzeroCells(t, len(x))
		return cells, counts, rows, cols
	}
	cx, cy := make([]C, len(x)), make([]C, len(y))
	rows, cols = encode(c, x, cx, lox, sx), encode(c, y, cy, loy, sy)
	cells, counts = contingency(c, cx, cy, rows, cols)
	return cells, counts, rows, cols
}

// bounds returns the smallest and largest of the non-empty v.
func bounds(v []int64) (lo, hi int64) {
	lo, hi = v[0], v[0]
	for _, a := range v {
		lo, hi = min(lo, a), max(hi, a)
	}
	return lo, hi
}

// nonzeroCells returns the indices of the nonzero counts of t, in
// increasing order, and the counts; there are at most n.
func nonzeroCells(t []int64, n int) (cells, counts []int64) {
	n = min(n, len(t))
	cells, counts = make([]int64, 0, n), make([]int64, 0, n)
	for cell, m := range t {
		if m != 0 {
			cells = append(cells, int64(cell))
			counts = append(counts, m)
		}
	}
	return cells, counts
}

// encode writes into codes the rank of each label of v among the distinct
// labels of v (0 for the smallest) and returns how many there are. lo is
// the smallest label and span the largest minus lo.
func encode[C code](c counter, v []int64, codes []C, lo int64, span uint64) int {
	if span >= c.maxSpan {
		return hashEncode(v, codes)
	}
	// A lookup table over [lo, lo+span]: mark the labels present, then
	// number them in increasing order (span < 2²², so the ranks fit a C).
	tab := make([]C, span+1)
	for _, a := range v {
		tab[uint64(a)-uint64(lo)] = 1
	}
	k := 0
	for i, m := range tab {
		if m != 0 {
			tab[i] = C(k)
			k++
		}
	}
	for i, a := range v {
		codes[i] = tab[uint64(a)-uint64(lo)]
	}
	return k
}

// hashEncode is encode through a hash table of the distinct labels.
func hashEncode[C code](v []int64, codes []C) int {
	var s labelSet
	for i, a := range v {
		codes[i] = C(s.add(a))
	}
	rank := make([]C, len(s.keys))
	for r, id := range s.order() {
		rank[id] = C(r)
	}
	for i, id := range codes {
		codes[i] = rank[id]
	}
	return len(rank)
}

// contingency counts the pairs (cx_i, cy_i), codes below kx and ky, and
// returns the nonzero cells of the kx×ky table (as row·ky + column) in
// increasing order, and their counts.
func contingency[C code](c counter, cx, cy []C, kx, ky int) (cells, counts []int64) {
	k := uint64(kx) * uint64(ky) // kx, ky <= n: no overflow
	if k <= c.maxCells {
		t := make([]int64, k)
		for i, x := range cx {
			t[int(x)*ky+int(cy[i])]++
		}
		return nonzeroCells(t, len(cx))
	}
	var s labelSet
	for i, x := range cx {
		s.add(int64(x)*int64(ky) + int64(cy[i]))
	}
	order := s.order()
	cells, counts = make([]int64, len(order)), make([]int64, len(order))
	for r, id := range order {
		cells[r], counts[r] = s.keys[id], s.counts[id]
	}
	return cells, counts
}

// labelSet is a hash set of int64 labels with open addressing (linear
// probing, Fibonacci hashing), numbering the labels in order of first
// appearance and counting their occurrences.
type labelSet struct {
	slots  []int   // 1 + the number of the label in each slot; 0 if free
	shift  uint    // 64 - log2(len(slots))
	keys   []int64 // the labels, by number
	counts []int64 // their occurrences
}

// add records one occurrence of a and returns its number.
func (s *labelSet) add(a int64) int {
	if 2*(len(s.keys)+1) > len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for h := (uint64(a) * 0x9e3779b97f4a7c15) >> s.shift; ; h = (h + 1) & mask {
		id := s.slots[h] - 1
		if id < 0 {
			s.slots[h] = len(s.keys) + 1
			s.keys = append(s.keys, a)
			s.counts = append(s.counts, 1)
			return len(s.keys) - 1
		}
		if s.keys[id] == a {
			s.counts[id]++
			return id
		}
	}
}

// grow doubles the table (to 1024 slots at first) and reinserts the labels.
func (s *labelSet) grow() {
	size := max(1024, 2*len(s.slots))
	s.slots = make([]int, size)
	s.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	for id, a := range s.keys {
		h := (uint64(a) * 0x9e3779b97f4a7c15) >> s.shift
		for s.slots[h] != 0 {
			h = (h + 1) & mask
		}
		s.slots[h] = id + 1
	}
}

// order returns the label numbers sorted by label.
func (s *labelSet) order() []int {
	order := make([]int, len(s.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Compare(s.keys[i], s.keys[j]) })
	return order
}

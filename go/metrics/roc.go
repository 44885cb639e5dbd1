package metrics

import (
	"math"
	"slices"
)

// ROCAUC returns the area under the ROC curve of the scores for the labels
// yTrue (0 or 1), as sklearn.metrics.roc_auc_score: the probability that a
// random positive scores above a random negative, ties counting one half
// (the Mann-Whitney U statistic over P·N, the trapezoidal area of the ROC
// curve with tied scores on one segment):
//
//	U   = Σ_{pos i} Σ_{neg j} ([s_i > s_j] + ½[s_i = s_j])
//	AUC = U/(P·N)
//
// It sorts the scores of each class and merges them, O(n log n), with the
// counts in integers: 2U is exact, and AUC = float64(2U)/float64(2PN) is
// one division (the correctly rounded value while 2U < 2^53). sklearn
// integrates its ROC curve with np.trapz, which can round differently in
// the last bits.
//
// It returns ErrOneClass if yTrue holds a single class (or is empty),
// ErrLabel for a label other than 0 and 1 and ErrNotFinite for a NaN or
// infinite score (sklearn raises ValueError for all three). It panics with
// ErrShape if the lengths differ.
func ROCAUC(yTrue []int64, scores []float64) (float64, error) {
	checkPair(len(yTrue), len(scores))
	var npos int
	for i, y := range yTrue {
		if y != 0 && y != 1 {
			return 0, ErrLabel
		}
		if s := scores[i]; math.IsNaN(s) || math.IsInf(s, 0) {
			return 0, ErrNotFinite
		}
		npos += int(y)
	}
	nneg := len(yTrue) - npos
	if npos == 0 || nneg == 0 {
		return 0, ErrOneClass
	}
	pos, neg := make([]float64, 0, npos), make([]float64, 0, nneg)
	for i, y := range yTrue {
		if y == 1 {
			pos = append(pos, scores[i])
		} else {
			neg = append(neg, scores[i])
		}
	}
	slices.Sort(pos)
	slices.Sort(neg)
	// Walk the distinct scores upwards: each positive counts 2 for every
	// negative below it and 1 for every negative tied with it.
	var u2 int64
	below := 0 // negatives scored below the current value
	for i, j := 0, 0; i < len(pos); {
		v := pos[i]
		for j < len(neg) && neg[j] < v {
			j++
		}
		below = j
		for j < len(neg) && neg[j] == v { // -0 == +0: one tie group
			j++
		}
		ties := j - below
		k := i
		for k < len(pos) && pos[k] == v {
			k++
		}
		u2 += int64(k-i) * int64(2*below+ties)
		i = k
	}
	return float64(u2) / float64(2*int64(npos)*int64(nneg)), nil
}

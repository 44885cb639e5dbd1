package metrics

import "slices"

// Accuracy returns the fraction of the samples whose predicted label
// equals the true one, as sklearn.metrics.accuracy_score:
//
//	Accuracy = #{i : yTrue_i = yPred_i} / n
//
// for labels of any values. It returns 0 for empty slices, and panics with
// ErrShape if the lengths differ.
func Accuracy(yTrue, yPred []int64) float64 {
	checkPair(len(yTrue), len(yPred))
	var hits int64
	for i, t := range yTrue {
		if t == yPred[i] {
			hits++
		}
	}
	return ratio(hits, int64(len(yTrue)))
}

// counts returns the true positives, false positives and false negatives
// of the predictions, the positive label being 1 and every other label
// negative.
func counts(yTrue, yPred []int64) (tp, fp, fn int64) {
	checkPair(len(yTrue), len(yPred))
	for i, t := range yTrue {
		p := yPred[i]
		switch {
		case t == 1 && p == 1:
			tp++
		case p == 1:
			fp++
		case t == 1:
			fn++
		}
	}
	return tp, fp, fn
}

// Precision returns the fraction of the predicted positives that are
// positive, as sklearn.metrics.precision_score (binary, pos_label 1,
// zero_division's default):
//
//	Precision = tp/(tp + fp),   0 when tp + fp = 0
//
// Labels other than 1 count as negative. It panics with ErrShape if the
// lengths differ.
func Precision(yTrue, yPred []int64) float64 {
	tp, fp, _ := counts(yTrue, yPred)
	return ratio(tp, tp+fp)
}

// Recall returns the fraction of the positives predicted positive, as
// sklearn.metrics.recall_score (binary, pos_label 1):
//
//	Recall = tp/(tp + fn),   0 when tp + fn = 0
//
// Labels other than 1 count as negative. It panics with ErrShape if the
// lengths differ.
func Recall(yTrue, yPred []int64) float64 {
	tp, _, fn := counts(yTrue, yPred)
	return ratio(tp, tp+fn)
}

// F1 returns the harmonic mean of precision and recall, computed from the
// counts as sklearn.metrics.f1_score does (binary, pos_label 1):
//
//	F1 = 2tp/(2tp + fp + fn),   0 when the denominator is 0
//
// (0 also when precision and recall are both 0). Labels other than 1
// count as negative. It panics with ErrShape if the lengths differ.
func F1(yTrue, yPred []int64) float64 {
	tp, fp, fn := counts(yTrue, yPred)
	return ratio(2*tp, 2*tp+fp+fn)
}

// ratio returns num/den as float64, or 0 when den = 0.
func ratio(num, den int64) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// ConfusionMatrix counts the samples by true and predicted label, as
// sklearn.metrics.confusion_matrix without its labels argument. The labels
// are the distinct values of yTrue and yPred together, in increasing
// order; with k of them, it writes them to labels[:k] and returns k, and
// if dst holds at least k·k values it writes the k×k row-major matrix to
// dst[:k·k]:
//
//	dst[a·k + b] = #{i : yTrue_i = labels[a], yPred_i = labels[b]}
//
// (rows: true labels, columns: predicted). A dst shorter than k·k, nil in
// particular, is left untouched: a caller may learn k first. labels must
// have room for len(yTrue) + len(yPred) values (it serves as scratch for
// the sort). It panics with ErrShape if the lengths of yTrue and yPred
// differ, or labels is too short. Empty slices give k = 0.
func ConfusionMatrix(dst []int64, labels []int64, yTrue, yPred []int64) int {
	checkPair(len(yTrue), len(yPred))
	n := len(yTrue)
	if len(labels) < 2*n {
		panic(ErrShape)
	}
	all := labels[:2*n]
	copy(all, yTrue)
	copy(all[n:], yPred)
	slices.Sort(all)
	k := len(slices.Compact(all))
	labels = labels[:k]
	if len(dst) < k*k {
		return k
	}
	m := dst[:k*k]
	clear(m)
	for i, t := range yTrue {
		a, _ := slices.BinarySearch(labels, t)
		b, _ := slices.BinarySearch(labels, yPred[i])
		m[a*k+b]++
	}
	return k
}

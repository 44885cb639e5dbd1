package nn

import "math"

// MSE returns the mean squared error (1/n)·Σ_i (yTrue_i - yPred_i)², the
// sum in numpy's pairwise order, as sklearn.metrics.mean_squared_error for
// one output. It is NaN for empty slices (0/0). It panics with ErrShape if
// the lengths differ.
func MSE(yTrue, yPred []float64) float64 {
	checkLen(yPred, len(yTrue))
	s := pairwise(0, len(yTrue), func(i int) float64 {
		d := yTrue[i] - yPred[i]
		return float64(d * d)
	})
	return s / float64(len(yTrue))
}

// BinaryCrossEntropy returns the mean binary cross-entropy of the
// probabilities p for the targets y, with p clipped to [eps, 1-eps] first
// as sklearn.metrics.log_loss does (which uses eps = 2^-52 for float64):
//
//	q_i = min(max(p_i, eps), 1 - eps)
//	ℓ_i = -(y_i·log(q_i) + (1 - y_i)·log(1 - q_i))
//	BinaryCrossEntropy = (Σ_i ℓ_i)/n
//
// (each product rounded before the addition, the sum pairwise). The
// clipping keeps the loss finite for p of exactly 0 or 1; NaN in p or y
// gives NaN. It is NaN for empty slices. It panics with ErrShape if the
// lengths differ.
func BinaryCrossEntropy(y, p []float64, eps float64) float64 {
	checkLen(p, len(y))
	hi := 1 - eps
	s := pairwise(0, len(y), func(i int) float64 {
		q := p[i]
		if q < eps {
			q = eps
		} else if q > hi {
			q = hi
		}
		return -(float64(y[i]*math.Log(q)) + float64((1-y[i])*math.Log(1-q)))
	})
	return s / float64(len(y))
}

// BCEWithLogits returns the mean binary cross-entropy of sigmoid(x) for the
// targets y, computed from the logits x without forming sigmoid(x), as
// torch.nn.BCEWithLogitsLoss (mean reduction):
//
//	logσ(x) = min(x, 0) - log1p(exp(-|x|))
//	ℓ_i = (1 - y_i)·x_i - logσ(x_i)
//	BCEWithLogits = (Σ_i ℓ_i)/n   (pairwise sum)
//
// It is finite for every finite x, however large. It is NaN for empty
// slices. It panics with ErrShape if the lengths differ.
func BCEWithLogits(y, logits []float64) float64 {
	checkLen(logits, len(y))
	s := pairwise(0, len(y), func(i int) float64 {
		x := logits[i]
		logSig := math.Min(x, 0) - math.Log1p(math.Exp(-math.Abs(x)))
		return float64((1-y[i])*x) - logSig
	})
	return s / float64(len(y))
}

// SoftmaxCrossEntropy returns the classification loss of the rows×cols
// logits for the class labels (one per row), as
// torch.nn.functional.cross_entropy with mean reduction: the mean over the
// rows of -log_softmax(row)[label], where, as in LogSoftmax,
//
//	m = max_j x_j (0 if not finite);  s = Σ_j exp(x_j - m)
//	ℓ_r = -((x_label - m) - log(s))    (= logsumexp(row) - x_label)
//	SoftmaxCrossEntropy = (Σ_r ℓ_r)/rows   (pairwise sum)
//
// It is NaN for rows = 0. It returns ErrLabel if a label is outside
// [0, cols) (torch's ignore_index is not supported), and panics with
// ErrShape if len(labels) != rows or len(logits) != rows·cols.
func SoftmaxCrossEntropy(labels []int64, logits []float64, rows, cols int) (float64, error) {
	checkLen(logits, size(rows, cols))
	if len(labels) != rows {
		panic(ErrShape)
	}
	for _, l := range labels {
		if l < 0 || l >= int64(cols) {
			return math.NaN(), ErrLabel
		}
	}
	s := pairwise(0, rows, func(r int) float64 {
		xr := logits[r*cols : (r+1)*cols]
		m := rowMax(xr)
		if math.IsInf(m, 0) || m != m {
			m = 0
		}
		ls := math.Log(pairwise(0, cols, func(j int) float64 { return math.Exp(xr[j] - m) }))
		return -((xr[labels[r]] - m) - ls)
	})
	return s / float64(rows), nil
}

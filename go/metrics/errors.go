package metrics

import "mlmath/internal/errkind"

var (
	// ErrShape is the panic value when two slices that pair up element
	// by element have different lengths, or an output is too short.
	ErrShape = errkind.New(errkind.Shape, "metrics: length mismatch")
	// ErrOneClass is returned by ROCAUC when y_true holds only one class:
	// the ROC curve, and its area, are not defined (sklearn's ValueError).
	ErrOneClass = errkind.New(errkind.Domain, "metrics: only one class is present in y_true; ROC AUC score is not defined in that case")
	// ErrLabel is returned by ROCAUC for a label other than 0 and 1.
	ErrLabel = errkind.New(errkind.Domain, "metrics: y_true must hold the labels 0 and 1")
	// ErrNotFinite is returned by ROCAUC for a NaN or infinite score, which
	// sklearn rejects too.
	ErrNotFinite = errkind.New(errkind.Domain, "metrics: the scores must be finite")
)

// checkPair panics with ErrShape unless the two lengths are equal.
func checkPair(a, b int) {
	if a != b {
		panic(ErrShape)
	}
}

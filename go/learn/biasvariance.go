package learn

// BiasVariance returns the bias-variance decomposition of the squared
// error of an ensemble: predictions is the models×points matrix, row-major,
// of the prediction of model i at point j, and yTrue the points' targets.
// With m_j = (1/models)·Σ_i p_ij the mean prediction at point j,
//
//	biasSquared = (1/points)·Σ_j (m_j - y_j)²
//	variance    = (1/points)·Σ_j (1/models)·Σ_i (p_ij - m_j)²      (population variance, ddof 0)
//	expected    = (1/points)·Σ_j (1/models)·Σ_i (p_ij - y_j)²  =  biasSquared + variance
//
// The identity is exact in real arithmetic (the cross terms cancel
// because m_j is the mean); in floating point it holds to rounding. The
// models are the ensemble's members (say, fits on bootstrap samples), the
// expectation over training sets being their average; noise in y is not
// separated from the bias.
//
// Each sum is in numpy's pairwise order and each mean is the sum divided
// by the count, the inner sums over the models of one point, as the numpy
// reference evaluates them on a contiguous copy of the transposed
// predictions.
//
// It panics with ErrShape if len(predictions) != models*points, len(yTrue)
// != points or a dimension is negative, and returns ErrEmpty if models or
// points is 0.
func BiasVariance(predictions []float64, models, points int, yTrue []float64) (biasSquared, variance, expected float64, err error) {
	if len(predictions) != size(models, points) || len(yTrue) != points {
		panic(ErrShape)
	}
	if models == 0 || points == 0 {
		return 0, 0, 0, ErrEmpty
	}
	p := func(i, j int) float64 { return predictions[i*points+j] }
	fm, fp := float64(models), float64(points)
	m := make([]float64, points)
	for j := range m {
		m[j] = npsum(models, func(i int) float64 { return p(i, j) }) / fm
	}
	biasSquared = npsum(points, func(j int) float64 {
		d := m[j] - yTrue[j]
		return float64(d * d)
	}) / fp
	variance = npsum(points, func(j int) float64 {
		return npsum(models, func(i int) float64 {
			d := p(i, j) - m[j]
			return float64(d * d)
		}) / fm
	}) / fp
	expected = npsum(points, func(j int) float64 {
		return npsum(models, func(i int) float64 {
			d := p(i, j) - yTrue[j]
			return float64(d * d)
		}) / fm
	}) / fp
	return biasSquared, variance, expected, nil
}

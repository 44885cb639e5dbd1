package info

// table checks the table's dimensions (ErrShape panic) and returns ln(base)
// and the sum of its weights.
func table(joint []float64, rows, cols int, base float64) (logb, s float64, err error) {
	if len(joint) != size(rows, cols) {
		panic(ErrShape)
	}
	if logb, err = logBase(base); err != nil {
		return 0, 0, err
	}
	if s, err = total(joint); err != nil {
		return 0, 0, err
	}
	return logb, s, nil
}

// marginals returns the row sums px and column sums py of the normalized
// table P = joint/s, each added in numpy's pairwise order along its row or
// column (np.sum(P, axis=1), and np.sum over the rows of a contiguous copy
// of Pᵀ for the columns).
func marginals(joint []float64, rows, cols int, s float64) (px, py []float64) {
	px, py = make([]float64, rows), make([]float64, cols)
	for x := range px {
		row := joint[x*cols : (x+1)*cols]
		px[x] = npsum(cols, func(y int) float64 { return row[y] / s })
	}
	for y := range py {
		py[y] = npsum(rows, func(x int) float64 { return joint[x*cols+y] / s })
	}
	return px, py
}

// JointEntropy returns the joint entropy of the rows×cols table joint of
// weights of (X, Y), row-major (joint[x*cols+y]), in units of log base,
//
//	H(X, Y) = -Σ_xy p(x, y) log p(x, y) / log(base),  p = joint/Σ joint,
//
// the Entropy of the flattened table: scipy.stats.entropy(joint.ravel(),
// base=base).
//
// It panics with ErrShape if len(joint) != rows*cols or a dimension is
// negative, and returns the errors of Entropy.
func JointEntropy(joint []float64, rows, cols int, base float64) (float64, error) {
	if len(joint) != size(rows, cols) {
		panic(ErrShape)
	}
	return Entropy(joint, base)
}

// ConditionalEntropy returns the entropy of Y given X for the rows×cols
// table joint of weights of (X, Y), row-major, X indexing the rows, in
// units of log base,
//
//	H(Y|X) = H(X, Y) - H(X) = -Σ_xy p(x, y) log(p(x, y)/p(x)) / log(base)
//
// evaluated, with P = joint/Σ joint and p(x) its row sums (not
// renormalized), as
//
//	h = Σ_xy entr(P_xy) - Σ_x entr(p(x));  H(Y|X) = max(h, 0) / log(base)
//
// each sum in numpy's pairwise order (the table's row-major order for the
// first). H(Y|X) ≥ 0 in exact arithmetic; the rounding error that can make
// h slightly negative (Y a function of X) is clipped, in nats, before the
// division.
//
// It panics with ErrShape if len(joint) != rows*cols or a dimension is
// negative, and returns the errors of Entropy.
func ConditionalEntropy(joint []float64, rows, cols int, base float64) (float64, error) {
	logb, s, err := table(joint, rows, cols, base)
	if err != nil {
		return 0, err
	}
	hxy := npsum(len(joint), func(i int) float64 { return entr(joint[i] / s) })
	px, _ := marginals(joint, rows, cols, s)
	hx := npsum(rows, func(x int) float64 { return entr(px[x]) })
	h := hxy - hx
	if h < 0 {
		h = 0
	}
	return h / logb, nil
}

// MutualInformation returns the mutual information of X and Y for the
// rows×cols table joint of weights of (X, Y), row-major, X indexing the
// rows, in units of log base,
//
//	I(X; Y) = Σ_xy p(x, y) log(p(x, y) / (p(x) p(y))) / log(base)
//	        = H(X) + H(Y) - H(X, Y) = H(Y) - H(Y|X),
//
// the marginals computed from the table. With P = joint/Σ joint, p(x) its
// row sums and p(y) its column sums, it is the KL divergence of the
// product of the marginals from P, evaluated as
//
//	i = Σ_xy rel_entr(P_xy, p(x)·p(y));  I = max(i, 0) / log(base)
//
// the sum over every cell in the table's row-major order, pairwise (cells
// with P_xy = 0 add 0). I ≥ 0 in exact arithmetic, with equality for
// independent X and Y; a rounding error below 0 is clipped, in nats,
// before the division, as sklearn clips.
//
// The product p(x)·p(y) is at least P_xy², a normal float64 for any cell
// above about 1e-154 of the table's total; a cell below about 1e-162 of
// it, which adds nothing visible to I, can make the product underflow to
// 0 and its term +Inf, as rel_entr does.
//
// It panics with ErrShape if len(joint) != rows*cols or a dimension is
// negative, and returns the errors of Entropy.
func MutualInformation(joint []float64, rows, cols int, base float64) (float64, error) {
	logb, s, err := table(joint, rows, cols, base)
	if err != nil {
		return 0, err
	}
	px, py := marginals(joint, rows, cols, s)
	i := npsum(len(joint), func(k int) float64 {
		x, y := k/cols, k%cols
		return relEntr(joint[k]/s, float64(px[x]*py[y]))
	})
	if i < 0 {
		i = 0
	}
	return i / logb, nil
}

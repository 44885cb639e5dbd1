package nn

import "mlmath/internal/kernel"

// checkNet panics with ErrShape unless the weights have the shapes of an
// n×d input through h hidden units to o outputs.
func checkNet(x, w1, b1, w2, b2 []float64, n, d, h, o int) {
	checkLen(x, size(n, d))
	checkLen(w1, size(d, h))
	checkLen(b1, h)
	checkLen(w2, size(h, o))
	checkLen(b2, o)
}

// Forward runs the notes' two-layer sigmoid network on the n samples of X
// (n×d), with W1 (d×h), b1 (h), W2 (h×o) and b2 (o):
//
//	z1 = X·W1 + b1    a1 = σ(z1)    (n×h)
//	z2 = a1·W2 + b2   a2 = σ(z2)    (n×o)
//
// where + b adds b to every row (each element of the product, then b_j)
// and σ is Sigmoid. The products are kernel.Gemm's. z1 may be the same
// slice as a1 and z2 as a2 (z is then overwritten by a); no other slices
// may overlap. It panics with ErrShape if a length disagrees with the
// dimensions.
func Forward(a1, a2, z1, z2, x, w1, b1, w2, b2 []float64, n, d, h, o int) {
	checkNet(x, w1, b1, w2, b2, n, d, h, o)
	checkLen(a1, size(n, h))
	checkLen(z1, size(n, h))
	checkLen(a2, size(n, o))
	checkLen(z2, size(n, o))
	layer(a1, z1, x, w1, b1, n, d, h)
	layer(a2, z2, a1, w2, b2, n, h, o)
}

// layer computes z = in·w + b and a = σ(z) for in (n×k), w (k×m), b (m).
func layer(a, z, in, w, b []float64, n, k, m int) {
	if m == 0 {
		return // no units: nothing to compute, however many rows (n may be huge)
	}
	kernel.Gemm(n, m, k, in, k, w, m, z, m, 0)
	for i := range n {
		zi := z[i*m : (i+1)*m]
		for j, bj := range b {
			zi[j] += bj
		}
	}
	Sigmoid(a, z)
}

// Backward computes the gradients of the mean binary cross-entropy over
// all n·o outputs,
//
//	L = (1/(n·o))·Σ_i Σ_k -(y_ik·log(a2_ik) + (1 - y_ik)·log(1 - a2_ik)),
//
// the loss BinaryCrossEntropy and torch's BCELoss take (clipping aside),
// with respect to W1, b1, W2 and b2, from the activations a1 and a2 that
// Forward computed for X and the targets y (n×o). With one output (o = 1)
// this is the notes' mean over the n samples. The notes' backward pass
// (the sigmoid output makes dz2 = a2 - y before the mean), with every step
// in this order:
//
//	dz2 = (a2 - y)/(n·o)              elementwise: (a2_ik - y_ik) / float64(n*o)
//	dW2 = a1ᵀ·dz2                     (h×o, kernel.Gemm)
//	db2 = Σ_i dz2_i                   (o; column sums)
//	da1 = dz2·W2ᵀ                     (n×h, kernel.Gemm)
//	dz1 = da1 ⊙ (a1 ⊙ (1 - a1))       elementwise: da1_ij * (a1_ij * (1 - a1_ij))
//	dW1 = Xᵀ·dz1                      (d×h, kernel.Gemm)
//	db1 = Σ_i dz1_i                   (h; column sums)
//
// The division by n·o happens once, in dz2 (a division, not a product with
// a reciprocal); the column sums add the n values of a column in numpy's
// pairwise order (np.sum of the column as a contiguous vector, as
// np.ascontiguousarray(dz.T).sum(axis=1) gives; dz.sum(axis=0) adds the
// rows one after the other instead, which differs for n > 8). It allocates
// scratch space for the transposes and intermediate matrices; Train does
// not. It panics with ErrShape if a length disagrees with the dimensions.
func Backward(dw1, db1, dw2, db2, x, y, a1, a2, w2 []float64, n, d, h, o int) {
	checkLen(x, size(n, d))
	checkLen(y, size(n, o))
	checkLen(a1, size(n, h))
	checkLen(a2, size(n, o))
	checkLen(w2, size(h, o))
	checkLen(dw1, size(d, h))
	checkLen(db1, h)
	checkLen(dw2, size(h, o))
	checkLen(db2, o)
	ws := newWorkspace(n, d, h, o)
	transpose(ws.xT, x, n, d, n)
	ws.backward(dw1, db1, dw2, db2, ws.xT, n, y, a1, a2, w2, n, d, h, o)
}

// workspace is the scratch space of backward for up to n samples.
type workspace struct {
	dz2 []float64 // n×o
	dz1 []float64 // n×h: da1, then dz1 in place
	a1T []float64 // h×n
	w2T []float64 // o×h
	xT  []float64 // d×n: Xᵀ, filled by the caller
}

func newWorkspace(n, d, h, o int) *workspace {
	return &workspace{
		dz2: make([]float64, size(n, o)),
		dz1: make([]float64, size(n, h)),
		a1T: make([]float64, size(h, n)),
		w2T: make([]float64, size(o, h)),
		xT:  make([]float64, size(d, n)),
	}
}

// backward is Backward for n samples, with Xᵀ given as the d×n matrix xT of
// row stride ldx (>= n): a block of columns of a larger transpose.
func (ws *workspace) backward(dw1, db1, dw2, db2, xT []float64, ldx int, y, a1, a2, w2 []float64, n, d, h, o int) {
	dz2, dz1 := ws.dz2[:n*o], ws.dz1[:n*h]
	no := float64(n * o) // exact: n·o < 2^53
	for i, v := range a2[:n*o] {
		dz2[i] = (v - y[i]) / no
	}
	colSums(db2, dz2, n, o)
	transpose(ws.a1T, a1, n, h, n)
	kernel.Gemm(h, o, n, ws.a1T, n, dz2, o, dw2, o, 0)
	transpose(ws.w2T, w2, h, o, h)
	kernel.Gemm(n, h, o, dz2, o, ws.w2T, h, dz1, h, 0)
	for i, v := range a1[:n*h] {
		dz1[i] *= v * (1 - v)
	}
	colSums(db1, dz1, n, h)
	kernel.Gemm(d, h, n, xT, ldx, dz1, h, dw1, h, 0)
}

// colSums sets dst[j] to the sum of column j of the r×c matrix m, in
// numpy's pairwise order.
func colSums(dst, m []float64, r, c int) {
	for j := range c {
		dst[j] = pairwise(0, r, func(i int) float64 { return m[i*c+j] })
	}
}

// transpose writes the transpose of the r×c matrix m into dst, a c×r
// matrix of row stride ld (>= r).
func transpose(dst, m []float64, r, c, ld int) {
	if c == 0 {
		return // not r empty rows: r may be huge
	}
	for i := range r {
		for j, v := range m[i*c : (i+1)*c] {
			dst[j*ld+i] = v
		}
	}
}

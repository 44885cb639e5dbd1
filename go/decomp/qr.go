package decomp

import (
	"math"
	"sync"

	"mlmath/internal/kernel"
	"mlmath/vec"
)

// qrBlock is the number of reflections gathered into one block reflector
// I - V·T·Vᵀ (LAPACK's compact WY form), applied with matrix products.
const qrBlock = 32

// QR computes the reduced QR factorization A = Q·R of the m×n matrix a,
// with k = min(m, n): q is m×k with orthonormal columns and r is k×n upper
// triangular (upper trapezoidal when m < n). a is not modified.
//
// The algorithm is LAPACK's blocked one. Householder reflections H_j = I -
// τ_j·v_j·v_jᵀ reduce a panel of qrBlock columns one at a time (dgeqr2,
// with dlarfg's choice of signs, so R's diagonal may be negative, as
// numpy's); the panel's reflections are gathered into a block reflector I -
// V·T·Vᵀ (dlarft) and applied to the rest of the matrix with two products
// on the GEMM kernels (dlarfb). Q = H_0·H_1···H_(k-1) is formed as dorgqr
// does: the last block's reflections one at a time, then the block
// reflectors, last first, kept from the factorization. The columns of A are
// kept contiguous (transposed) while it is factored.
//
// NaN or Inf anywhere in a gives q and r of all NaN. It panics with
// ErrShape if a slice length disagrees with the dimensions.
func QR(q, r, a []float64, m, n int) {
	_ = Options{}.QR(q, r, a, m, n) // no hook: no error
}

// QR is the package's QR with the options o: check points between the
// panels of the factorization and the blocks that form Q. It returns
// only the hook's error.
func (o Options) QR(q, r, a []float64, m, n int) error {
	checkSize(a, m, n)
	k := min(m, n)
	checkSize(q, m, k)
	checkSize(r, k, n)
	if !allFinite(a) {
		fillNaN(q)
		fillNaN(r)
		return nil
	}
	if k == 0 {
		return nil
	}
	ws := qrPool.Get().(*qrWork)
	defer qrPool.Put(ws)
	// The columns of A, rows of at, are padded with zeros to a multiple of
	// 8 numbers: the vector kernels then run on whole, aligned vectors.
	lda := roundUp8(m)
	ws.at = grow(ws.at, n*lda)
	ws.tau = grow(ws.tau, k)
	at, tau := ws.at, ws.tau
	transposeTo(at, lda, a, n, m, n)
	for c := range n {
		clear(at[c*lda+m : c*lda+lda])
	}
	w := o.watch()
	if err := qrFactorTo(at, lda, tau, m, n, ws, true, w); err != nil {
		return err
	}
	// R: the upper triangle of the reduced A.
	transposeTo(r, n, at, lda, n, k)
	for i := 1; i < k; i++ {
		clear(r[i*n : i*n+i])
	}
	return formQ(q, at, lda, tau, m, ws, w)
}

// roundUp8 rounds n up to a multiple of 8.
func roundUp8(n int) int { return (n + 7) &^ 7 }

// formQ writes Q (m×k, k = len(tau)) for Q = H_0·H_1···H_(k-1)·I from
// qrFactorTo's output, with the block reflectors it kept in ws: as LAPACK's
// dorgqr, the last block's reflections are applied one at a time to the
// lower right corner of the identity, then each earlier block reflector,
// last first, to the rows and columns j0.. of Q (the others are still rows
// and columns of the identity there): Q = (I - V·T·Vᵀ)·Q. wt's check points
// come first and before each of the block reflector's two products; its
// error is returned.
func formQ(q, at []float64, lda int, tau []float64, m int, ws *qrWork, wt *watch) error {
	if err := wt.check(); err != nil {
		return err
	}
	k := len(tau)
	last := (k - 1) / qrBlock * qrBlock
	// Rows and columns before the last block: the identity's.
	for i := range last {
		row := q[i*k : i*k+k]
		clear(row)
		row[i] = 1
	}
	for i := last; i < m; i++ {
		clear(q[i*k : i*k+last])
	}
	// The corner Q[last:, last:], built transposed, then copied in.
	rows, cols := m-last, k-last
	lds := roundUp8(rows)
	ws.s = grow(ws.s, cols*lds)
	org2r(ws.s, lds, lds, at[last*lda+last:], lda, tau[last:], rows, cols, ws)
	transposeTo(q[last*k+last:], k, ws.s, lds, cols, rows)
	for j0 := last - qrBlock; j0 >= 0; j0 -= qrBlock {
		if err := wt.check(); err != nil {
			return err
		}
		// Q[j0:, j0:] -= (V·T)·W, W = Vᵀ·Q[j0:, j0:], with the padding
		// rows of V left out. The block's own columns of Q are still the
		// identity's and the later columns are zero in the block's rows,
		// so W = [V₁ᵀ, V₂ᵀ·Q[j1:, j1:]] for V = [V₁; V₂] split at row j1.
		j1, n, ncols, nn := j0+qrBlock, m-j0, k-j0, lda-j0
		vt, y := ws.keptBlock(lda, j0)
		ws.w = grow(ws.w, qrBlock*ncols)
		w := ws.w
		for i := range qrBlock {
			copy(w[i*ncols:i*ncols+qrBlock], vt[i*nn:i*nn+qrBlock])
		}
		kernel.Gemm(qrBlock, ncols-qrBlock, n-qrBlock, vt[qrBlock:], nn, q[j1*k+j1:], k, w[qrBlock:], ncols, 0)
		if err := wt.check(); err != nil {
			return err
		}
		kernel.GemmSub(n, ncols, qrBlock, y, qrBlock, w, ncols, q[j0*k+j0:], k, 0)
	}
	return nil
}

// formQt writes Qᵀ (k×m) for Q = H_0·H_1···H_(k-1)·I (the first k columns
// of the product of the reflections), as LAPACK's dorgqr: reflection j is
// stored in row j of at (row stride m) after its diagonal element, with τ_j
// in tau[j]. The last block's reflections are applied one at a time to the
// identity's lower right corner, then the block reflectors I - V·T·Vᵀ, last
// first, each on rows j0.. of the columns j0.. of Q (the others are still
// columns of the identity there): Qᵀ·(I - V·Tᵀ·Vᵀ) in the transposed form.
//
// k may exceed len(tau), the number of reflections: the columns past them
// complete Q to an orthonormal basis of k columns (k <= m). wt's check
// points come first and before each of the block reflector's two products;
// its error is returned.
func formQt(qt, at, tau []float64, m, k int, ws *qrWork, wt *watch) error {
	if err := wt.check(); err != nil {
		return err
	}
	r := min(k, len(tau))
	last := 0
	if r > 0 {
		last = (r - 1) / qrBlock * qrBlock
	}
	for c := range last {
		row := qt[c*m : c*m+m]
		clear(row)
		row[c] = 1
	}
	for c := last; c < k; c++ {
		clear(qt[c*m : c*m+last])
	}
	org2r(qt[last*m+last:], m, m-last, at[last*m+last:], m, tau[last:r], m-last, k-last, ws)
	for j0 := last - qrBlock; j0 >= 0; j0 -= qrBlock {
		if err := wt.check(); err != nil {
			return err
		}
		// Qᵀ[j0:, j0:] -= W·(V·T)ᵀ, W = Qᵀ[j0:, j0:]·V: as in formQ, W =
		// [V₁; Qᵀ[j1:, j1:]·V₂].
		j1, n, ncols := j0+qrBlock, m-j0, k-j0
		ws.vt = grow(ws.vt, qrBlock*n)
		ws.y = grow(ws.y, qrBlock*n)
		ws.v = grow(ws.v, n*qrBlock)
		blockReflector(ws.vt, ws.y, at, m, tau, j0, qrBlock, n)
		transposeTo(ws.v, qrBlock, ws.vt, n, qrBlock, n)
		ws.w = grow(ws.w, ncols*qrBlock)
		w := ws.w
		copy(w[:qrBlock*qrBlock], ws.v[:qrBlock*qrBlock])
		kernel.Gemm(ncols-qrBlock, qrBlock, n-qrBlock, qt[j1*m+j1:], m, ws.v[qrBlock*qrBlock:], qrBlock, w[qrBlock*qrBlock:], qrBlock, 0)
		if err := wt.check(); err != nil {
			return err
		}
		kernel.GemmSub(ncols, n, qrBlock, w, qrBlock, ws.y, n, qt[j0*m+j0:], m, 0)
	}
	return nil
}

// org2r writes Qᵀ (cols×rows, row stride ldq) for Q = H_0···H_(r-1)·I
// (the first cols columns), r = len(tau) <= cols <= rows, one reflection at
// a time, as LAPACK's dorg2r: the vector of reflection i is (1, at[i*lda+i+1
// : i*lda+rows]). The rows of qt are worked on up to end (rows <= end <=
// ldq), the numbers past rows being padding that stays zero.
func org2r(qt []float64, ldq, end int, at []float64, lda int, tau []float64, rows, cols int, ws *qrWork) {
	for c := range cols {
		row := qt[c*ldq : c*ldq+end]
		clear(row)
		row[c] = 1
	}
	ws.v = grow(ws.v, end)
	ws.z = grow(ws.z, cols)
	for i := len(tau) - 1; i >= 0; i-- {
		if tau[i] == 0 {
			continue
		}
		// Column i of Q is e_i so far (the later reflections leave it) and
		// becomes e_i - τ_i·v; the columns after it are zero in rows up to
		// i, where the padded v is zero too.
		i8, v := padReflection(ws.v, at[i*lda+i:i*lda+rows], i, end)
		kernel.Axpy(qt[i*ldq+i8:i*ldq+end], -tau[i], v)
		if i+1 < cols {
			reflectCols(qt[(i+1)*ldq+i8:], ldq, cols-i-1, v, tau[i], ws.z)
		}
	}
}

// padReflection writes into buf the vector (1, x[1:]) of a reflection
// acting on rows i..i+len(x), preceded by zeros from row i8 = i&^7 and
// followed by zeros up to row end: the reflection's vector over rows
// i8..end, for the vector kernels to start on an aligned row.
func padReflection(buf, x []float64, i, end int) (i8 int, v []float64) {
	i8 = i &^ 7
	v = buf[:end-i8]
	clear(v[:i-i8])
	v[i-i8] = 1
	copy(v[i-i8+1:], x[1:])
	clear(v[i-i8+len(x):])
	return i8, v
}

// qrFactor computes the Householder QR factorization of the m×n matrix a
// (LAPACK's blocked dgeqrf) and returns it in LAPACK's compact form,
// transposed: row c of at (n×m) is column c of the factored matrix, R on and
// above the diagonal, the reflections' vectors below it; tau has min(m, n)
// scalars. wt's check points come before each panel; its error is
// returned.
func qrFactor(a []float64, m, n int, wt *watch) (at, tau []float64, err error) {
	at = make([]float64, n*m)
	transposeTo(at, m, a, n, m, n)
	tau = make([]float64, min(m, n))
	ws := qrPool.Get().(*qrWork)
	defer qrPool.Put(ws)
	err = qrFactorTo(at, m, tau, m, n, ws, false, wt)
	return at, tau, err
}

// qrFactorTo factors in place the matrix whose transpose at (n×m, row
// stride lda >= m) holds, as qrFactor, with τ into tau (min(m, n)). The
// numbers past m in the rows of at must be zero; they stay zero. With keep
// set, the block reflectors of all but the last block stay in ws for formQ.
// wt's check points come before each panel and each of its two products;
// its error is returned.
func qrFactorTo(at []float64, lda int, tau []float64, m, n int, ws *qrWork, keep bool, wt *watch) error {
	k := min(m, n)
	if keep {
		ws.kept = grow(ws.kept, keptLen(lda, k))
	}
	for j0 := 0; j0 < k; j0 += qrBlock {
		if err := wt.check(); err != nil {
			return err
		}
		jb := min(qrBlock, k-j0)
		// Factor the panel: columns j0..j0+jb, each reflection applied to
		// the panel's later columns only.
		factorPanel(at, lda, tau, m, j0, jb, j0+jb, ws)
		if j0+jb == n {
			break
		}
		// The rest C (columns j0+jb.., rows j0..) becomes
		// H_(j0+jb-1)···H_j0·C = (I - V·Tᵀ·Vᵀ)·C; its transpose, the rows
		// of at, is Cᵀ·(I - V·T·Vᵀ) = Cᵀ - (Cᵀ·V·T)·Vᵀ.
		nn := lda - j0
		var vt, y []float64
		if keep && j0+jb < k {
			vt, y = ws.keptBlock(lda, j0)
		} else {
			ws.vt = grow(ws.vt, jb*nn)
			ws.y = grow(ws.y, nn*jb)
			vt, y = ws.vt, ws.y
		}
		ws.t = grow(ws.t, jb*nn)
		blockReflector(vt, ws.t, at, lda, tau, j0, jb, nn)
		transposeTo(y, jb, ws.t, nn, jb, nn)
		c, ncols := at[(j0+jb)*lda+j0:], n-j0-jb
		ws.w = grow(ws.w, ncols*jb)
		kernel.Gemm(ncols, jb, nn, c, lda, y, jb, ws.w, jb, 0)
		if err := wt.check(); err != nil {
			return err
		}
		kernel.GemmSub(ncols, nn, jb, ws.w, jb, vt, nn, c, lda, 0)
	}
	return nil
}

// factorPanel computes the reflections j0..j0+jb of the factorization in at
// (see qrFactorTo) one at a time, as dgeqr2, applying each to the columns
// up to end only.
func factorPanel(at []float64, lda int, tau []float64, m, j0, jb, end int, ws *qrWork) {
	ws.v = grow(ws.v, lda)
	ws.z = grow(ws.z, end-j0)
	for j := j0; j < j0+jb; j++ {
		col := at[j*lda+j : j*lda+m]
		tau[j] = householder(col)
		if tau[j] == 0 || j+1 == end {
			continue
		}
		// Rows j8..j of the later columns hold R, which the zeros of the
		// padded v leave as it is.
		j8, v := padReflection(ws.v, col, j, lda)
		reflectCols(at[(j+1)*lda+j8:], lda, end-j-1, v, tau[j], ws.z)
	}
}

// reflectCols applies H = I - τ·v·vᵀ to the ncols vectors y_c = x[c*ldx :
// c*ldx+len(v)]: y_c -= τ·(vᵀy_c)·v (LAPACK's dlarf). All the inner products
// are formed before the updates, so that the calls overlap; w is scratch of
// length ncols or more.
func reflectCols(x []float64, ldx, ncols int, v []float64, tau float64, w []float64) {
	n := len(v)
	w = w[:ncols]
	for c := range w {
		w[c] = -tau * kernel.Dot(v, x[c*ldx:c*ldx+n])
	}
	for c, wc := range w {
		kernel.Axpy(x[c*ldx:c*ldx+n], wc, v)
	}
}

// qrWork is the scratch space of a factorization and of forming Q: QR's
// transposed copy at and tau, the kept block reflectors, the current block
// reflector's Vᵀ (vt) and V·T (y), and smaller scratch.
type qrWork struct {
	at, tau, kept []float64
	vt, y         []float64
	v, t, w, z, s []float64
}

// qrPool recycles the scratch space between calls.
var qrPool = sync.Pool{New: func() any { return new(qrWork) }}

// keptLen is the length of the kept block reflectors of a factorization
// with row stride lda and k reflections: Vᵀ and V·T, 2·qrBlock·(lda-j0)
// numbers, for each block j0 but the last.
func keptLen(lda, k int) int {
	b := (k - 1) / qrBlock // blocks kept
	return 2 * qrBlock * (b*lda - qrBlock*b*(b-1)/2)
}

// keptBlock returns the kept Vᵀ (qrBlock×(lda-j0)) and V·T
// ((lda-j0)×qrBlock) of the block starting at reflection j0.
func (ws *qrWork) keptBlock(lda, j0 int) (vt, y []float64) {
	off := keptLen(lda, j0+1)
	n := qrBlock * (lda - j0)
	return ws.kept[off : off+n], ws.kept[off+n : off+2*n]
}

// blockReflector builds the block reflector I - V·T·Vᵀ of the reflections
// j0..j0+jb stored in at (rows of Aᵀ, row stride lda) and tau, acting on
// the n rows j0..j0+n (lda >= j0+n; rows past the matrix's must be zero
// in at): it writes Vᵀ (jb×n, unit diagonal, zeros before it) into vt and
// (V·T)ᵀ into yt (jb×n). T is LAPACK's (dlarft, forward, columnwise) but
// only ever used multiplied by V, so the columns y_i of V·T are built
// directly: from T[0:i, i] = -τ_i·T[0:i, 0:i]·Vᵀ[0:i]·v_i, y_i = τ_i·(v_i
// - Y[:, 0:i]·(Vᵀ[0:i]·v_i)).
func blockReflector(vt, yt, at []float64, lda int, tau []float64, j0, jb, n int) {
	for i := range jb {
		row := vt[i*n : i*n+n]
		clear(row[:i])
		row[i] = 1
		copy(row[i+1:], at[(j0+i)*lda+j0+i+1:(j0+i)*lda+j0+n])
	}
	var u [qrBlock]float64
	for i := range jb {
		ti := tau[j0+i]
		yi := yt[i*n : i*n+n]
		for r, x := range vt[i*n : i*n+n] {
			yi[r] = ti * x
		}
		if ti == 0 {
			continue
		}
		i8 := i &^ 7 // v_i is zero before row i
		vi := vt[i*n+i8 : i*n+n]
		for p := range i {
			u[p] = kernel.Dot(vt[p*n+i8:p*n+n], vi)
		}
		for p := range i {
			kernel.Axpy(yi, -ti*u[p], yt[p*n:p*n+n])
		}
	}
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// transposeTo writes the transpose of the rows×cols matrix src (row stride
// lds) into dst (cols×rows, row stride ldd), eight rows of src at a time so
// that each row of dst is written in runs of eight.
func transposeTo(dst []float64, ldd int, src []float64, lds, rows, cols int) {
	i := 0
	for ; i+8 <= rows; i += 8 {
		s0 := src[i*lds : i*lds+cols]
		s1 := src[(i+1)*lds : (i+1)*lds+cols]
		s2 := src[(i+2)*lds : (i+2)*lds+cols]
		s3 := src[(i+3)*lds : (i+3)*lds+cols]
		s4 := src[(i+4)*lds : (i+4)*lds+cols]
		s5 := src[(i+5)*lds : (i+5)*lds+cols]
		s6 := src[(i+6)*lds : (i+6)*lds+cols]
		s7 := src[(i+7)*lds : (i+7)*lds+cols]
		for c := range s0 {
			d := dst[c*ldd+i : c*ldd+i+8 : c*ldd+i+8]
			d[0], d[1], d[2], d[3] = s0[c], s1[c], s2[c], s3[c]
			d[4], d[5], d[6], d[7] = s4[c], s5[c], s6[c], s7[c]
		}
	}
	for ; i < rows; i++ {
		for c, x := range src[i*lds : i*lds+cols] {
			dst[c*ldd+i] = x
		}
	}
}

// allFinite reports whether s holds no NaN and no Inf: x·0 is NaN for
// those and ±0 otherwise.
func allFinite(s []float64) bool {
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(s); i += 4 {
		x := s[i : i+4 : i+4]
		s0 += x[0] * 0
		s1 += x[1] * 0
		s2 += x[2] * 0
		s3 += x[3] * 0
	}
	for ; i < len(s); i++ {
		s0 += s[i] * 0
	}
	return s0+s1+s2+s3 == 0
}

// householder turns x into the Householder vector of the reflection H =
// I - τ·v·vᵀ with H·x = (β, 0, ..., 0), as LAPACK's dlarfg: x[0] becomes β,
// x[1:] becomes v[1:] (v[0] = 1 implicitly), and τ is returned. β has the
// sign opposite to x[0], so no cancellation occurs; τ = 0 (H = I) when
// x[1:] is zero. As in dlarfg, an x so small that 1/(α - β) would overflow
// (|β| < householderSafmin: subnormal entries) is scaled up by powers of
// two first, and β scaled back.
func householder(x []float64) (tau float64) {
	if len(x) <= 1 {
		return 0
	}
	alpha, xnorm := x[0], vec.Norm2(x[1:])
	if xnorm == 0 {
		return 0
	}
	beta := -math.Copysign(math.Hypot(alpha, xnorm), alpha)
	knt := 0
	for ; math.Abs(beta) < householderSafmin && knt < 20; knt++ {
		kernel.Scale(x, 1/householderSafmin, x)
		alpha, xnorm = x[0], vec.Norm2(x[1:])
		beta = -math.Copysign(math.Hypot(alpha, xnorm), alpha)
	}
	tau = (beta - alpha) / beta
	s := 1 / (alpha - beta)
	for i := range x[1:] {
		x[i+1] *= s
	}
	for range knt {
		beta *= householderSafmin
	}
	x[0] = beta
	return tau
}

// householderSafmin is dlarfg's threshold, LAPACK's safe minimum over eps,
// 2^-1022/2^-53: 1/(α - β) does not overflow above it.
const householderSafmin = 0x1p-969

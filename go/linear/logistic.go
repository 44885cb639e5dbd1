package linear

import (
	"math"
	"runtime"
	"time"

	"mlmath/internal/kernel"
)

// Options are the settings of Fit.
type Options struct {
	// LearningRate is the step size lr: a positive finite number.
	LearningRate float64
	// L1 and L2 are the penalty weights on w (never on the intercept):
	// finite and non-negative.
	L1, L2 float64
	// Tol stops the iteration when the gradient-mapping norm
	// ‖(w'-w, b'-b)‖₂/lr falls below it: finite and non-negative, 0 runs
	// all MaxIter iterations.
	Tol float64
	// MaxIter is the most iterations to run (>= 0).
	MaxIter int
	// Progress, if not nil, is called with the number of iterations done
	// and the last one's loss; it returns stop = true to end the fit, or
	// an error, which Fit returns unchanged.
	Progress func(iter int, loss float64) (stop bool, err error)
	// Every is the least time between two Progress calls; 0 (or less)
	// calls it after every iteration.
	Every time.Duration
}

// check returns the error for invalid options, or nil.
func (o *Options) check() error {
	switch {
	case !(o.LearningRate > 0) || math.IsInf(o.LearningRate, 1):
		return ErrLearningRate
	case !(o.L1 >= 0) || !(o.L2 >= 0) || math.IsInf(o.L1, 1) || math.IsInf(o.L2, 1):
		return ErrPenalty
	case !(o.Tol >= 0) || math.IsInf(o.Tol, 1):
		return ErrTol
	case o.MaxIter < 0:
		return ErrMaxIter
	}
	return nil
}

// clockWork is about how many multiply-adds of the gradient pass between
// two looks at the clock when Fit reports progress every so often: reading
// the clock costs about as much as a few hundred of them.
const clockWork = 1 << 16

// Fit fits a logistic regression of the targets y (n values in [0, 1],
// normally 0 or 1) on the n×d matrix X by full-batch proximal gradient
// descent on the penalized mean log-loss
//
//	L(w, b) = (1/n) Σ_i [log(1 + exp(z_i)) - y_i·z_i] + (l2/2)‖w‖² + l1‖w‖₁,   z = X·w + b,
//
// starting from w (d values, updated in place) and *b. The intercept b is
// never penalized. Iteration k, for k = 0, 1, ..., MaxIter-1:
//
//	z_i     = x_i·w + b
//	t_i     = (max(z_i, 0) + log1p(exp(-|z_i|))) - y_i·z_i    (log(1+exp(z)) without overflow)
//	loss_k  = Σt/n + (l2/2)·Σ_j w_j² + l1·Σ_j |w_j|          (losses[k])
//	r_i     = (σ(z_i) - y_i)/n
//	g_w     = Xᵀ·r + l2·w,    g_b = Σ_i r_i
//	w'      = w - lr·g_w,     b' = b - lr·g_b
//	w'_j    = sign(w'_j)·max(|w'_j| - lr·l1, 0)              (if l1 > 0: soft threshold)
//	(w, b)  = (w', b')
//
// with σ the two-branch stable sigmoid of PredictProba and every Σ in
// numpy's pairwise order (the terms t_i and r_i pairwise over i, the
// penalties over j; see the package documentation). The sum Xᵀ·r is
// formed in blocks of rows whose partial sums are added in block order:
// it does not depend on the number of CPUs. A numpy reference that
// agrees to rounding:
//
//	z = X @ w + b
//	t = (np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))) - y * z
//	loss = np.mean(t) + l2 / 2 * np.sum(w * w) + l1 * np.sum(np.abs(w))
//	r = (sigmoid(z) - y) / n
//	gw = X.T @ r + l2 * w;  gb = np.sum(r)
//
// After each iteration, Progress is called if set (after every iteration
// when Every <= 0, else after the first iteration that ends at least Every
// after the previous call, or after the start; the clock is read only
// every so many iterations of a small problem), then the iteration stops
// if
//
//	sqrt(Σ_j (w'_j - w_j)² + (b' - b)²)/lr < Tol
//
// (the norm of the gradient mapping, which is the gradient itself when
// l1 = 0; the sum pairwise over j, then (b'-b)² added). Fit returns the
// number of iterations run, k, whose losses are losses[:k].
//
// Fit returns ErrLearningRate, ErrPenalty, ErrTol or ErrMaxIter for
// invalid options, and ErrEmpty for n < 1, before iterating. It returns
// ErrNotFinite, with w and *b at the last iterate, when the loss at the
// current point is NaN or infinite (that iteration's loss is not counted)
// or the new coefficients are (that iteration's is). An error from
// Progress is returned unchanged; the iteration it was called after
// counts either way.
//
// Fit allocates its scratch space once: a copy of X in column blocks
// (n·d values), per-block partial sums and per-goroutine buffers; an
// iteration allocates nothing. It computes on up to GOMAXPROCS goroutines
// when the problem is large enough. It panics with ErrShape if a length
// disagrees with n and d, or len(losses) < MaxIter.
func Fit(w []float64, b *float64, x, y []float64, n, d int, opt Options, losses []float64) (int, error) {
	nd := size(n, d)
	checkLen(x, nd)
	checkLen(y, n)
	checkLen(w, d)
	if err := opt.check(); err != nil {
		return 0, err
	}
	if len(losses) < opt.MaxIter {
		panic(ErrShape)
	}
	if n < 1 {
		return 0, ErrEmpty
	}
	if opt.MaxIter == 0 {
		return 0, nil
	}

	p := newProblem(x, y, n, d)
	run := p.run
	if h := helpersFor(n, d, len(p.starts)-1); h > 0 {
		p.scratch(h + 1)
		t := newTeam(h, len(p.starts)-1, p.block)
		defer t.stop()
		run = t.run
	} else {
		p.scratch(1)
	}

	lr, l1, l2 := opt.LearningRate, opt.L1, opt.L2
	fn := float64(n)
	sq := make([]float64, d) // (w'_j - w_j)², then |w_j| for the penalty
	stride := 1              // iterations between two looks at the clock
	if nd < clockWork {
		stride = clockWork / max(nd, 1)
	}
	last := time.Now()
	for k := range opt.MaxIter {
		p.w, p.b = w, *b
		run()

		loss := penalized(p.sum(p.tPart)/fn, w, l1, l2, sq)
		losses[k] = loss
		if !finite(loss) {
			return k, ErrNotFinite
		}
		gb := p.sum(p.rPart)
		bn := *b - float64(lr*gb)
		for j, wj := range w {
			g := 0.0
			for c := j; c < len(p.gPart); c += d {
				g += p.gPart[c]
			}
			g += float64(l2 * wj)
			wn := wj - float64(lr*g)
			if l1 > 0 {
				wn = math.Copysign(math.Max(math.Abs(wn)-float64(lr*l1), 0), wn)
			}
			dw := wn - wj
			sq[j] = float64(dw * dw)
			w[j] = wn
		}
		db := bn - *b
		step := math.Sqrt(sum(sq)+float64(db*db)) / lr
		*b = bn
		if !finite(step) && (!finite(bn) || !allFinite(w)) {
			return k + 1, ErrNotFinite
		}

		if opt.Progress != nil && (opt.Every <= 0 || (k+1)%stride == 0 && time.Since(last) >= opt.Every) {
			if opt.Every > 0 {
				last = time.Now()
			}
			if stop, err := opt.Progress(k+1, loss); err != nil || stop {
				return k + 1, err
			}
		}
		if step < opt.Tol {
			return k + 1, nil
		}
	}
	return opt.MaxIter, nil
}

// penalized returns (mean + (l2/2)·Σ w_j²) + l1·Σ |w_j|, added in that
// order (each sum pairwise; a term whose weight is 0 is left out), using
// buf (len(w)) as scratch.
func penalized(mean float64, w []float64, l1, l2 float64, buf []float64) float64 {
	loss := mean
	if l2 > 0 {
		for j, v := range w {
			buf[j] = float64(v * v)
		}
		loss += float64(l2 / 2 * sum(buf))
	}
	if l1 > 0 {
		for j, v := range w {
			buf[j] = math.Abs(v)
		}
		loss += float64(l1 * sum(buf))
	}
	return loss
}

func allFinite(s []float64) bool {
	for _, v := range s {
		if !finite(v) {
			return false
		}
	}
	return true
}

// helpersFor returns how many helper goroutines Fit uses for an n×d
// problem cut into chunks blocks: none below minParallelWork values, where
// waking them costs more than they save.
func helpersFor(n, d, chunks int) int {
	if n*max(d, 1) < minParallelWork {
		return 0
	}
	return min(runtime.GOMAXPROCS(0), chunks) - 1
}

// minParallelWork is the least n·d for which Fit computes on several
// goroutines: an iteration then takes tens of microseconds.
const minParallelWork = 1 << 15

// blockBytes is about the size of one block of X in its column-block copy:
// the block is read twice per iteration (for X·w, then for Xᵀ·r), the
// second time from the core's L2 cache.
const blockBytes = 128 << 10

// problem is Fit's data and scratch space. X is copied into blocks of
// consecutive rows [starts[c], starts[c+1]), the leaves of numpy's
// pairwise recursion over n cut at blockRows rows, each block stored
// transposed: the m×d block of rows lo..lo+m-1 becomes the d×m matrix at
// xt[lo*d:], its row j holding feature j of those samples, contiguous.
type problem struct {
	x, y      []float64
	n, d      int
	blockRows int
	starts    []int     // block c is rows [starts[c], starts[c+1])
	xt        []float64 // the transposed blocks
	w         []float64 // the current point, read by block
	b         float64
	tPart     []float64   // the pairwise sum of block c's loss terms t_i
	rPart     []float64   // the pairwise sum of block c's r_i
	gPart     []float64   // block c's part of Xᵀ·r at gPart[c*d:(c+1)*d]
	zs, rs    [][]float64 // per worker: z (then t) and r of a block
}

func newProblem(x, y []float64, n, d int) *problem {
	rows := max(pwBlock, blockBytes/8/max(d, 1))
	starts := append(leaves(nil, 0, n, rows), n)
	chunks := len(starts) - 1
	p := &problem{
		x: x, y: y, n: n, d: d, blockRows: rows, starts: starts,
		xt:    make([]float64, n*d),
		tPart: make([]float64, chunks),
		rPart: make([]float64, chunks),
		gPart: make([]float64, chunks*d),
	}
	for c := range chunks {
		lo, hi := starts[c], starts[c+1]
		m := hi - lo
		blk := p.xt[lo*d : hi*d]
		for i := lo; i < hi; i++ {
			for j, v := range x[i*d : i*d+d] {
				blk[j*m+i-lo] = v
			}
		}
	}
	return p
}

// scratch allocates the block buffers of workers goroutines.
func (p *problem) scratch(workers int) {
	m := 0
	for c := range len(p.starts) - 1 {
		m = max(m, p.starts[c+1]-p.starts[c])
	}
	p.zs, p.rs = make([][]float64, workers), make([][]float64, workers)
	for k := range workers {
		p.zs[k], p.rs[k] = make([]float64, m), make([]float64, m)
	}
}

// run computes every block on the calling goroutine.
func (p *problem) run() {
	for c := range len(p.starts) - 1 {
		p.block(0, c)
	}
}

// sum adds per-block pairwise sums in pairwise's order over n terms.
func (p *problem) sum(part []float64) float64 {
	return 0 + combine(part, p.n, p.blockRows)
}

// block computes block c's share of an iteration at (p.w, p.b), with the
// buffers of the given worker: z = X·w + b, the loss terms t and the
// residuals r of its rows, their pairwise sums, and its part of Xᵀ·r.
func (p *problem) block(worker, c int) {
	lo, hi := p.starts[c], p.starts[c+1]
	m, d := hi-lo, p.d
	xt := p.xt[lo*d : hi*d]
	z, r, y := p.zs[worker][:m], p.rs[worker][:m], p.y[lo:hi]
	clear(z)
	for j, wj := range p.w {
		kernel.Axpy(z, wj, xt[j*m:(j+1)*m])
	}
	b, fn := p.b, float64(p.n)
	// Three passes rather than one: the exponentials of a block, then
	// the rest, keep more independent work in flight than a chain of
	// exp, log1p and divisions per sample (13 ns a sample against 20).
	for i, v := range z {
		zi := v + b
		z[i], r[i] = zi, math.Exp(-math.Abs(zi))
	}
	for i, zi := range z {
		t, s := lossTerms(zi, r[i], y[i])
		z[i] = t
		r[i] = (s - y[i]) / fn
	}
	p.tPart[c] = pairwise(z)
	p.rPart[c] = pairwise(r)
	g := p.gPart[c*d : (c+1)*d]
	for j := range g {
		g[j] = kernel.Dot(xt[j*m:(j+1)*m], r)
	}
}

// PredictProba computes dst_i = σ(x_i·w + b) for the n rows of the n×d
// matrix X, with the two-branch stable sigmoid (scipy.special.expit up to
// an ulp for z < 0):
//
//	σ(z) = 1/(1 + exp(-z))        z >= 0
//	σ(z) = e/(1 + e), e = exp(z)  z < 0
//
// which neither overflows nor loses the small probabilities: σ(-800) is
// 0 only because exp(-800) underflows, and σ(z) = 1 exactly from z ≈ 37.
// It panics with ErrShape if a length disagrees with n and d.
func PredictProba(dst, x, w []float64, b float64, n, d int) {
	checkLen(x, size(n, d))
	checkLen(w, d)
	checkLen(dst, n)
	for i := range dst {
		dst[i] = sigmoid(kernel.Dot(x[i*d:i*d+d], w) + b)
	}
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z) // also NaN, which fails z >= 0
	return e / (1 + e)
}

package decomp

import (
	"time"

	"mlmath/internal/kernel"
)

// Interrupt is a caller's hook that a long decomposition calls now and
// then while it works (see Options). It returns nil to go on, or an error
// that stops the decomposition, which returns that error unchanged. It is
// called on the goroutine that called the decomposition, never
// concurrently with itself, and never after the decomposition returned.
type Interrupt func() error

// Options are the optional settings of the decompositions. Each
// decomposition of the package is also a method of Options, which runs it
// with those settings; the package-level function is the method of the
// zero Options, which is never interrupted:
//
//	opt := decomp.Options{Interrupt: stopRequested, Every: 50 * time.Millisecond}
//	err := opt.SVD(u, s, vt, a, m, n, false)
//
// Options change nothing in the arithmetic: a decomposition that is not
// stopped gives bit for bit the result of the package-level function.
type Options struct {
	// Interrupt, if not nil, is called at the algorithm's check points:
	// between the panels or steps of the reductions (QR, Cholesky,
	// bidiagonal, tridiagonal and Hessenberg), between the sweeps and
	// deflations of the QR iterations, between the steps of the back
	// substitution, between the blocks that form the orthogonal factors,
	// and between the row blocks of a large matrix product (one split
	// only when Interrupt is set). For matrices of a few thousand rows,
	// check points are a few to some tens of milliseconds of work apart.
	// If it returns an error, the decomposition stops and returns it; the
	// outputs are then unspecified (partly written), the inputs untouched.
	Interrupt Interrupt
	// Every is the least time between two calls of Interrupt: a check
	// point reads the clock and calls Interrupt when Every has passed
	// since the previous call (or the start). 0 (or less) calls it at
	// every check point.
	Every time.Duration
}

// watch is the running state of Options.Interrupt; a nil *watch (no
// Interrupt) never calls anything and costs one comparison per check.
type watch struct {
	hook  Interrupt
	every time.Duration
	last  time.Time
}

// watch returns the watch of o, nil when o.Interrupt is nil.
func (o Options) watch() *watch {
	if o.Interrupt == nil {
		return nil
	}
	return &watch{hook: o.Interrupt, every: o.Every, last: time.Now()}
}

// check is a check point: it calls the hook when its time has come and
// returns the hook's error.
func (w *watch) check() error {
	if w == nil {
		return nil
	}
	if w.every > 0 {
		now := time.Now()
		if now.Sub(w.last) < w.every {
			return nil
		}
		w.last = now
	}
	return w.hook()
}

// gemmChunk is about the most multiply-adds of one matrix product between
// two check points (some tens of milliseconds on one core): a larger
// product is split into blocks of rows of C when a hook is set. A
// variable, so that tests can force the split on small matrices.
var gemmChunk = 1 << 28

// gemmRowAlign is a multiple of the register tile height (mr) of every
// kernel set: blocks of rows that start at its multiples keep every
// element of C in the same tile of the GEMM kernel, with the same
// arithmetic, as one product over all rows does.
const gemmRowAlign = 24

// gemm is kernel.Gemm, C = A·B for A m×k and B k×n (row strides lda, ldb,
// ldc), on all CPUs; with a hook set and a product larger than gemmChunk
// it runs in blocks of rows with a check point before each. The split
// does not change a bit of C (see gemmRowAlign), and every block but the
// last has at least gemmRowAlign rows, the last at least as many as the
// others, so none falls to the kernel's unblocked path for tiny products.
func (w *watch) gemm(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) error {
	nk := n * k
	if w == nil || nk == 0 || m*nk <= gemmChunk {
		kernel.Gemm(m, n, k, a, lda, b, ldb, c, ldc, 0)
		return nil
	}
	rows := (max(gemmChunk/nk, 1) + gemmRowAlign - 1) / gemmRowAlign * gemmRowAlign
	for i := 0; i < m; {
		if err := w.check(); err != nil {
			return err
		}
		r := rows
		if m-i < 2*rows {
			r = m - i // the remainder, merged into the last block
		}
		kernel.Gemm(r, n, k, a[i*lda:], lda, b, ldb, c[i*ldc:], ldc, 0)
		i += r
	}
	return nil
}

package calculus

import (
	"math"
	"time"

	"mlmath/vec"
)

// Descent holds the parameters of GradientDescent.
type Descent struct {
	// LearningRate is the step size η > 0: x_{k+1} = x_k - η·∇f(x_k).
	LearningRate float64
	// MaxIter is the most steps taken (>= 0).
	MaxIter int
	// Tol stops the iteration before step k when ||∇f(x_k)||₂ < Tol (>= 0).
	Tol float64
	// Progress, if not nil, is called with the number of steps taken so far
	// and the current point (which it must not modify or keep): after every
	// step when Every is 0, otherwise after the first step that ends at
	// least Every after the previous call (or after the start). It returns
	// stop = true to end the iteration early (not an error), or an error,
	// which GradientDescent returns unchanged. Through it a caller keeps
	// control of a long native loop: a user callback, Ctrl-C.
	Progress func(steps int, x []float64) (stop bool, err error)
	Every    time.Duration
}

// clockStride is how many steps pass between two looks at the clock when
// Every > 0: reading it costs about as much as a cheap gradient.
const clockStride = 64

// GradientDescent minimizes f by fixed-step gradient descent from x0 (len
// n), given its gradient grad (a Func from Rⁿ to Rⁿ):
//
//	for k = 0, 1, ..., MaxIter-1:
//	    g = ∇f(x_k); stop if ||g||₂ < Tol
//	    x_{k+1} = x_k - η·g
//
// The path is written into history, which must hold (MaxIter+1)·n values:
// row k (history[k*n : k*n+n]) is x_k, row 0 is x0. It returns the number
// of steps taken, s: rows 0..s are the path and row s the final point.
//
// It returns ErrDescent for invalid parameters, ErrGradientNotFinite (with
// the steps taken so far) when a gradient holds NaN or Inf, and any error
// of grad or Progress unchanged.
func GradientDescent(history []float64, grad Func, x0 []float64, d Descent) (steps int, err error) {
	n := len(x0)
	if d.MaxIter < 0 || !(d.LearningRate > 0) || math.IsInf(d.LearningRate, 0) || !(d.Tol >= 0) || math.IsInf(d.Tol, 0) {
		return 0, ErrDescent
	}
	if d.MaxIter > (math.MaxInt/max(n, 1))-1 || len(history) != (d.MaxIter+1)*n {
		panic(ErrShape)
	}
	copy(history, x0)
	g := make([]float64, n)
	last := time.Now()
	for k := 0; k < d.MaxIter; k++ {
		x := history[k*n : k*n+n]
		if err := grad(g, x); err != nil {
			return k, err
		}
		norm := vec.Norm2(g)
		if math.IsNaN(norm) || math.IsInf(norm, 0) {
			return k, ErrGradientNotFinite
		}
		if norm < d.Tol {
			return k, nil
		}
		next := history[(k+1)*n : (k+2)*n]
		for i, xi := range x {
			next[i] = xi - d.LearningRate*g[i]
		}
		if d.Progress == nil {
			continue
		}
		if d.Every > 0 {
			if (k+1)%clockStride != 0 {
				continue
			}
			if now := time.Now(); now.Sub(last) < d.Every {
				continue
			} else {
				last = now
			}
		}
		stop, err := d.Progress(k+1, next)
		if err != nil || stop {
			return k + 1, err
		}
	}
	return d.MaxIter, nil
}

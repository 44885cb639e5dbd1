package main

/*
#include "mlmath.h"

// Go cannot call a C function pointer itself: these shims do.
static int mlm_call_func(mlm_func f, void *ctx, double *x, int64_t n, double *out, int64_t m) {
	return f(ctx, x, n, out, m);
}
static int mlm_call_progress(mlm_progress p, void *ctx, int64_t steps, double *x, int64_t n) {
	return p(ctx, steps, x, n);
}
*/
import "C"

import (
	"math"
	"time"
	"unsafe"

	"mlmath/calculus"
	"mlmath/internal/status"
)

// callback wraps the caller's function pointer as a calculus.Func. A
// non-zero return becomes status.ErrCallback, which stops the computation
// and is returned as MLM_ERR_CALLBACK; the caller knows why it failed.
func callback(f C.mlm_func, ctx unsafe.Pointer) calculus.Func {
	return func(out, x []float64) error {
		if C.mlm_call_func(f, ctx, doubles(x), C.int64_t(len(x)), doubles(out), C.int64_t(len(out))) != 0 {
			return status.ErrCallback
		}
		return nil
	}
}

// reporter wraps the caller's progress callback (non-NULL) as a Go
// function of the steps done and the current point: 0 goes on, 1 stops
// early, anything else is status.ErrCallback. Every long loop (gradient
// descent, training, logistic regression) reports through it.
func reporter(progress C.mlm_progress, pctx unsafe.Pointer) func(steps int, x []float64) (bool, error) {
	return func(steps int, x []float64) (bool, error) {
		switch C.mlm_call_progress(progress, pctx, C.int64_t(steps), doubles(x), C.int64_t(len(x))) {
		case 0:
			return false, nil
		case 1:
			return true, nil
		default:
			return false, status.ErrCallback
		}
	}
}

// lossReporter is reporter for loops that report a loss: x = [loss].
func lossReporter(progress C.mlm_progress, pctx unsafe.Pointer) func(iter int, loss float64) (bool, error) {
	report := reporter(progress, pctx)
	return func(iter int, loss float64) (bool, error) { return report(iter, []float64{loss}) }
}

// every converts the caller's reporting interval in seconds (<= 0: after
// every step) to a Duration, at most an hour.
func every(seconds C.double) time.Duration {
	if e := float64(seconds); e > 0 {
		return time.Duration(math.Min(e, 3600) * float64(time.Second))
	}
	return 0
}

// doubles is the C pointer to s's first element, NULL for an empty s. s
// lives in Go memory only for the duration of the C call (cgo's rules
// allow that: it holds no Go pointers).
func doubles(s []float64) *C.double {
	if len(s) == 0 {
		return nil
	}
	return (*C.double)(unsafe.Pointer(&s[0]))
}

// step converts the caller's h: <= 0 means the default (0 for calculus),
// NaN stays NaN so that calculus rejects it.
func step(h C.double) float64 {
	if v := float64(h); v > 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	return 0
}

//export mlm_derivative
func mlm_derivative(f C.mlm_func, ctx unsafe.Pointer, x, h C.double, out *C.double) C.int {
	return guard("mlm_derivative", func() error {
		if f == nil || out == nil {
			return status.ErrArgument
		}
		d, err := calculus.Derivative(callback(f, ctx), float64(x), step(h))
		if err != nil {
			return err
		}
		return setDouble(out, d)
	})
}

//export mlm_gradient
func mlm_gradient(f C.mlm_func, ctx unsafe.Pointer, x *C.double, n C.int64_t, h C.double, dst *C.double) C.int {
	return guard("mlm_gradient", func() error {
		var sx, sd []float64
		if err := views(argOf(&sx, x, n), argOf(&sd, dst, n)); err != nil {
			return err
		}
		if f == nil {
			return status.ErrArgument
		}
		return calculus.Gradient(sd, callback(f, ctx), sx, step(h))
	})
}

//export mlm_jacobian
func mlm_jacobian(f C.mlm_func, ctx unsafe.Pointer, x *C.double, n, m C.int64_t, h C.double, dst *C.double) C.int {
	return guard("mlm_jacobian", func() error {
		var sx, sd []float64
		if err := views(argOf(&sx, x, n), argOf(&sd, dst, m, n)); err != nil {
			return err
		}
		if f == nil {
			return status.ErrArgument
		}
		return calculus.Jacobian(sd, callback(f, ctx), sx, int(m), step(h))
	})
}

//export mlm_hessian
func mlm_hessian(f C.mlm_func, ctx unsafe.Pointer, x *C.double, n C.int64_t, h C.double, dst *C.double) C.int {
	return guard("mlm_hessian", func() error {
		var sx, sd []float64
		if err := views(argOf(&sx, x, n), argOf(&sd, dst, n, n)); err != nil {
			return err
		}
		if f == nil {
			return status.ErrArgument
		}
		return calculus.Hessian(sd, callback(f, ctx), sx, step(h))
	})
}

//export mlm_check_gradient
func mlm_check_gradient(f C.mlm_func, fctx unsafe.Pointer, grad C.mlm_func, gctx unsafe.Pointer, x *C.double, n C.int64_t, out *C.double) C.int {
	return guard("mlm_check_gradient", func() error {
		var sx []float64
		if err := views(argOf(&sx, x, n)); err != nil {
			return err
		}
		if f == nil || grad == nil {
			return status.ErrArgument
		}
		r, err := calculus.CheckGradient(callback(f, fctx), callback(grad, gctx), sx)
		if err != nil {
			return err
		}
		return setDouble(out, r)
	})
}

//export mlm_gradient_descent
func mlm_gradient_descent(objective *C.char, f C.mlm_func, fctx unsafe.Pointer, grad C.mlm_func, gctx unsafe.Pointer,
	x0 *C.double, n C.int64_t, rate C.double, maxIter C.int64_t, tol C.double,
	progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double, history *C.double, steps *C.int64_t) C.int {
	return guard("mlm_gradient_descent", func() error {
		if steps == nil || maxIter < 0 {
			return status.ErrArgument
		}
		*steps = 0
		var sx, sh []float64
		if err := views(argOf(&sx, x0, n), argOf(&sh, history, maxIter+1, n)); err != nil {
			return err
		}
		var g calculus.Func
		switch {
		case objective != nil:
			o, err := calculus.Lookup(C.GoString(objective))
			if err != nil {
				return err
			}
			if err := o.Check(int(n)); err != nil {
				return err
			}
			g = o.GradFunc()
		case grad != nil:
			g = callback(grad, gctx)
		case f != nil:
			fn := callback(f, fctx)
			g = func(out, x []float64) error { return calculus.Gradient(out, fn, x, 0) }
		default:
			return status.ErrArgument
		}
		d := calculus.Descent{LearningRate: float64(rate), MaxIter: int(maxIter), Tol: float64(tol)}
		if progress != nil {
			d.Every = every(seconds)
			d.Progress = reporter(progress, pctx)
		}
		k, err := calculus.GradientDescent(sh, g, sx, d)
		*steps = C.int64_t(k)
		return err
	})
}

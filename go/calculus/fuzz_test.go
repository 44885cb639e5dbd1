package calculus_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/calculus"
	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
)

// errStop is what the fuzz targets' callbacks return to fail on purpose.
var errStop = errors.New("the callback failed")

// fuzzStep decodes a step h: mostly 0 (the default) or a usable positive
// step, sometimes hostile (negative, NaN, ±Inf, subnormal, huge).
func fuzzStep(r *fuzzdata.Reader) float64 {
	if b := r.Byte(); b < 0x80 {
		return [...]float64{0, 1e-3, 1e-5, 0x1p-20}[b%4]
	}
	return r.Float()
}

// validStep reports whether h is a step the functions accept.
func validStep(h float64) bool { return h == 0 || h > 0 && !math.IsInf(h, 1) }

// quadratic is f(x) = Σ c_i·x_i + Σ d_i·x_i², whose central differences
// are exact up to rounding: its gradient is c + 2d·x, its Hessian diag(2d).
type quadratic struct {
	c, d  []float64
	calls int
	fail  int // the call that fails (errStop), 0 for none
}

func (q *quadratic) f(out, x []float64) error {
	q.calls++
	if q.calls == q.fail {
		return errStop
	}
	var s float64
	for i, v := range x {
		s += q.c[i]*v + q.d[i]*v*v
	}
	out[0] = s
	return nil
}

// FuzzDerivatives calls Derivative, Gradient, Jacobian, Hessian and
// CheckGradient with a quadratic (and, for the Jacobian, linear) Go
// callback, decoded points and steps, hostile ones included. It checks the
// shape panics (Jacobian's row count may be negative or huge), ErrStep for
// a bad step, that a callback's error comes back unchanged, the number of
// calls documented, and, for moderate input, agreement with the exact
// derivatives. The seed corpus is in testdata/fuzz/FuzzDerivatives.
func FuzzDerivatives(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(9)
		h := fuzzStep(r)
		fail := r.Intn(2*n*n + 4)
		q := &quadratic{c: r.Floats(n), d: r.Floats(n), fail: fail}
		x := r.Floats(n)
		x0 := append([]float64(nil), x...)
		// Accuracy is checked for moderate values and steps (a step of
		// 1e16 or 1e-300 is valid, but x ± h rounds to another step or to x).
		moderate := fuzzdata.Moderate(1e-3, 1e3, x...) && fuzzdata.Moderate(1e-3, 1e3, q.c...) &&
			fuzzdata.Moderate(1e-3, 1e3, q.d...) && (h == 0 || h >= 1e-6 && h <= 1e-2)
		// The error of a central difference of a quadratic is rounding
		// only: about eps·fscale/h (eps·fscale/h² for a second one).
		fscale := 0.0
		for i := range n {
			fscale += math.Abs(q.c[i])*(math.Abs(x[i])+1) + math.Abs(q.d[i])*(x[i]*x[i]+1)
		}
		tolFor := func(hi float64) float64 {
			return 64 * float64(n+1) * 0x1p-52 * fscale / hi
		}
		checkErr := func(what string, err error, calls, want int) {
			t.Helper()
			switch {
			case !validStep(h):
				if !errors.Is(err, calculus.ErrStep) {
					t.Fatalf("%s with h=%v: error %v, want ErrStep", what, h, err)
				}
			case fail >= 1 && fail <= want:
				if err != errStop || calls != fail {
					t.Fatalf("%s: callback failing at call %d of %d: error %v after %d calls", what, fail, want, err, calls)
				}
			case err != nil || calls != want:
				t.Fatalf("%s: error %v after %d calls, want %d", what, err, calls, want)
			}
		}

		// Derivative: n = 1, x[0] if any.
		if n >= 1 {
			q1 := &quadratic{c: q.c[:1], d: q.d[:1], fail: fail}
			d, err := calculus.Derivative(q1.f, x[0], h)
			checkErr("Derivative", err, q1.calls, 2)
			if err == nil && moderate {
				hi := calculus.Step(x[0], h)
				if want := q.c[0] + 2*q.d[0]*x[0]; math.Abs(d-want) > tolFor(hi) {
					t.Fatalf("Derivative at %v of %v·x + %v·x², h=%v: %v, want %v", x[0], q.c[0], q.d[0], hi, d, want)
				}
			}
		}

		// Gradient, into a dst that may have the wrong length.
		g := make([]float64, r.Length(8, n))
		q.calls = 0
		var err error
		p := testdata.Panics(func() { err = calculus.Gradient(g, q.f, x, h) })
		if (p != nil) != (len(g) != n) || p != nil && !fuzzdata.IsErr(p, calculus.ErrShape) {
			t.Fatalf("Gradient: len(dst) %d, n %d: panic %v", len(g), n, p)
		}
		if p == nil {
			checkErr("Gradient", err, q.calls, 2*n)
			if err == nil && moderate {
				for i := range n {
					hi := calculus.Step(x[i], h)
					if want := q.c[i] + 2*q.d[i]*x[i]; math.Abs(g[i]-want) > tolFor(hi) {
						t.Fatalf("Gradient[%d] at %v, h=%v: %v, want %v", i, x, hi, g[i], want)
					}
				}
			}
		}

		// Jacobian of the linear map x -> M·x, M m×n, with a hostile m.
		m := r.Dim(4)
		jac := make([]float64, r.Length(32, m, n))
		mm := r.Floats(4 * n)
		calls := 0
		lin := func(out, x []float64) error {
			calls++
			if calls == fail {
				return errStop
			}
			for i := range out {
				var s float64
				for j, v := range x {
					s += mm[(i%4)*n+j] * v
				}
				out[i] = s
			}
			return nil
		}
		p = testdata.Panics(func() { err = calculus.Jacobian(jac, lin, x, m, h) })
		size, ok := fuzzdata.Product(m, n)
		valid := ok && size == len(jac)
		if (p != nil) == valid || p != nil && !fuzzdata.IsErr(p, calculus.ErrShape) {
			t.Fatalf("Jacobian: m %d, n %d, len(dst) %d: panic %v", m, n, len(jac), p)
		}
		if valid && m <= 4 {
			checkErr("Jacobian", err, calls, 2*n)
			if err == nil && moderate && fuzzdata.Moderate(1e-3, 1e3, mm...) {
				for i := range m {
					for j := range n {
						hj := calculus.Step(x[j], h)
						scale := 0.0
						for k := range n {
							scale += math.Abs(mm[(i%4)*n+k]) * (math.Abs(x[k]) + hj)
						}
						tol := 64 * float64(n+1) * 0x1p-52 * scale / hj
						if got, want := jac[i*n+j], mm[(i%4)*n+j]; math.Abs(got-want) > tol {
							t.Fatalf("Jacobian[%d][%d] at %v, h=%v: %v, want %v within %v", i, j, x, hj, got, want, tol)
						}
					}
				}
			}
		}

		// Hessian: the constant diag(2d).
		hess := make([]float64, r.Length(64, n, n))
		q.calls = 0
		p = testdata.Panics(func() { err = calculus.Hessian(hess, q.f, x, h) })
		if (p != nil) != (len(hess) != n*n) || p != nil && !fuzzdata.IsErr(p, calculus.ErrShape) {
			t.Fatalf("Hessian: len(dst) %d, n %d: panic %v", len(hess), n, p)
		}
		if p == nil {
			checkErr("Hessian", err, q.calls, 1+2*n*n)
			if err == nil && moderate && h == 0 {
				for i := range n {
					hi := 0x1p-13 * math.Max(1, math.Abs(x[i]))
					for j := range n {
						want := 0.0
						if i == j {
							want = 2 * q.d[i]
						}
						hj := 0x1p-13 * math.Max(1, math.Abs(x[j]))
						tol := 64 * float64(n+1) * 0x1p-52 * fscale * 4 / (hi * hj)
						if got := hess[i*n+j]; math.Abs(got-want) > tol || hess[i*n+j] != hess[j*n+i] {
							t.Fatalf("Hessian[%d][%d] at %v: %v, want %v within %v", i, j, x, got, want, tol)
						}
					}
				}
			}
		}

		// CheckGradient with the true gradient and a wrong one.
		q.calls, q.fail = 0, 0
		grad := func(out, x []float64) error {
			for i, v := range x {
				out[i] = q.c[i] + 2*q.d[i]*v
			}
			return nil
		}
		rel, err := calculus.CheckGradient(q.f, grad, x)
		if err != nil || q.calls != 2*n {
			t.Fatalf("CheckGradient: error %v after %d calls", err, q.calls)
		}
		gnorm := 0.0
		for i, v := range x {
			gnorm += math.Abs(q.c[i] + 2*q.d[i]*v)
		}
		if moderate && gnorm >= 1e-2*fscale && !(rel <= 1e-6) {
			t.Fatalf("CheckGradient of the true gradient at %v: %v", x, rel)
		}
		if !fuzzdata.SameSlices(x0, x) {
			t.Fatal("x was modified")
		}
	})
}

// FuzzGradientDescent runs GradientDescent on the built-in objectives (by
// a decoded name, unknown ones included) and on a Go callback, with decoded
// starting points, learning rates, iteration budgets and tolerances,
// hostile ones included. It checks Lookup's and Check's errors, ErrDescent
// for invalid parameters, the shape panic for a history of the wrong
// length, that row 0 of the history is x0 and each row follows from the
// one before, that the steps stay within the budget, a Progress that stops
// or fails, ErrGradientNotFinite, and for the quadratic with a rate below 1
// a decreasing distance to the minimum. It also runs CheckGradient on each
// objective's analytic gradient. The seed corpus is in
// testdata/fuzz/FuzzGradientDescent.
func FuzzGradientDescent(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		name := [...]string{"quadratic", "rosenbrock", "Quadratic", "", "rosen", "callback"}[r.Intn(6)]
		n := r.Intn(7)
		x0 := r.Floats(n)
		d := calculus.Descent{
			LearningRate: [...]float64{0.1, 0.25, 1e-3, 0.5}[r.Intn(4)],
			MaxIter:      r.Intn(40),
			Tol:          [...]float64{0, 1e-8, 1e-3}[r.Intn(3)],
		}
		if r.Byte() >= 0xE0 { // a hostile parameter
			switch r.Intn(3) {
			case 0:
				d.LearningRate = r.Float()
			case 1:
				d.MaxIter = [...]int{-1, -2, math.MinInt}[r.Intn(3)]
			default:
				d.Tol = r.Float()
			}
		}
		stopAt := r.Intn(50)
		failProgress := r.Bool()
		progressCalls := 0
		if r.Bool() {
			d.Progress = func(steps int, x []float64) (bool, error) {
				progressCalls++
				if progressCalls != steps || len(x) != n {
					t.Fatalf("Progress(%d, len %d) at call %d", steps, len(x), progressCalls)
				}
				if steps == stopAt {
					if failProgress {
						return false, errStop
					}
					return true, nil
				}
				return false, nil
			}
		}

		var grad calculus.Func
		if name == "callback" {
			grad = func(out, x []float64) error { // the gradient of Σ x_i⁴/4
				for i, v := range x {
					out[i] = v * v * v
				}
				return nil
			}
		} else {
			o, err := calculus.Lookup(name)
			if name != "quadratic" && name != "rosenbrock" {
				if !errors.Is(err, calculus.ErrUnknownObjective) {
					t.Fatalf("Lookup(%q): error %v", name, err)
				}
				return
			}
			if err != nil || o.Name != name {
				t.Fatalf("Lookup(%q) = %v, %v", name, o.Name, err)
			}
			if err := o.Check(n); (err != nil) != (n < o.MinDim) || err != nil && !errors.Is(err, calculus.ErrObjectiveSize) {
				t.Fatalf("%s.Check(%d): %v", name, n, err)
			}
			if n < o.MinDim {
				return
			}
			grad = o.GradFunc()
			if fuzzdata.Moderate(1e-2, 1e2, x0...) {
				rel, err := calculus.CheckGradient(o.ValueFunc(), grad, x0)
				g := make([]float64, n)
				_ = grad(g, x0)
				var gnorm float64
				for _, v := range g {
					gnorm += v * v
				}
				// The relative error is about eps·|f|/(h·||g||): check it
				// away from the minimum, where ||g|| is not rounding noise.
				if err != nil || math.Sqrt(gnorm) >= 1e-4*(1+math.Abs(o.Value(x0))) && !(rel <= 1e-5) {
					t.Fatalf("CheckGradient of %s at %v: %v, %v", name, x0, rel, err)
				}
			}
		}

		validParams := d.MaxIter >= 0 && d.LearningRate > 0 && !math.IsInf(d.LearningRate, 1) && d.Tol >= 0 && !math.IsInf(d.Tol, 1)
		rows := max(d.MaxIter, 0) + 1
		history := make([]float64, r.Length(41*6, rows, n))
		var steps int
		var err error
		p := testdata.Panics(func() { steps, err = calculus.GradientDescent(history, grad, x0, d) })
		if !validParams {
			if p != nil || !errors.Is(err, calculus.ErrDescent) || steps != 0 {
				t.Fatalf("GradientDescent(%+v): %d, %v, panic %v, want ErrDescent", d, steps, err, p)
			}
			return
		}
		if (p != nil) != (len(history) != rows*n) || p != nil && !fuzzdata.IsErr(p, calculus.ErrShape) {
			t.Fatalf("GradientDescent: history of %d for %d×%d: panic %v", len(history), rows, n, p)
		}
		if p != nil {
			return
		}
		switch {
		case err == errStop:
			if d.Progress == nil || !failProgress || steps != stopAt {
				t.Fatalf("GradientDescent: the Progress error after %d steps (stop at %d)", steps, stopAt)
			}
		case errors.Is(err, calculus.ErrGradientNotFinite):
		case err != nil:
			t.Fatalf("GradientDescent: %v", err)
		}
		if steps < 0 || steps > d.MaxIter || d.Progress != nil && steps > stopAt && stopAt >= 1 {
			t.Fatalf("GradientDescent: %d steps of %d (Progress stops at %d)", steps, d.MaxIter, stopAt)
		}
		for i := range n {
			if !fuzzdata.Same(history[i], x0[i]) {
				t.Fatalf("GradientDescent: history row 0 %v, x0 %v", history[:n], x0)
			}
		}
		g := make([]float64, n)
		for k := 0; k < steps; k++ {
			x, next := history[k*n:k*n+n], history[(k+1)*n:(k+2)*n]
			_ = grad(g, x)
			for i := range n {
				if want := x[i] - d.LearningRate*g[i]; !fuzzdata.Same(next[i], want) {
					t.Fatalf("GradientDescent: step %d: x[%d] %v, want %v", k+1, i, next[i], want)
				}
			}
		}
		if name == "quadratic" && d.LearningRate < 0.5 && fuzzdata.Finite(x0...) && fuzzdata.MaxAbs(x0) < 1e150 {
			// x_{k+1} = (1 - 2η)·x_k: |x| shrinks.
			last := history[steps*n : steps*n+n]
			if err != nil && err != errStop || fuzzdata.MaxAbs(last) > fuzzdata.MaxAbs(x0) {
				t.Fatalf("GradientDescent on the quadratic from %v: %v after %d steps, %v", x0, last, steps, err)
			}
		}
	})
}

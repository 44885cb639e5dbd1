package calculus

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"mlmath/internal/errkind"
)

// scalar adapts a Go function of x to a Func with one output.
func scalar(f func(x []float64) float64) Func {
	return func(out, x []float64) error {
		out[0] = f(x)
		return nil
	}
}

// close reports |got - want| <= tol·max(1, |want|).
func close(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func TestDerivativeKnown(t *testing.T) {
	const eps = 0x1p-52
	sigmoid := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	for _, tc := range []struct {
		name  string
		f, df func(float64) float64
		m3    func(float64) float64 // a bound on the third derivative near x
	}{
		{"x^3", func(x float64) float64 { return x * x * x }, func(x float64) float64 { return 3 * x * x }, func(float64) float64 { return 6 }},
		{"exp", math.Exp, math.Exp, func(x float64) float64 { return math.Exp(x + 1) }},
		{"sin", math.Sin, math.Cos, func(float64) float64 { return 1 }},
		{"sigmoid", sigmoid, func(x float64) float64 { s := sigmoid(x); return s * (1 - s) }, func(float64) float64 { return 0.125 }},
	} {
		for _, x := range []float64{0, 1e-8, -0.5, 1, 3, 20, -1e3, 1e3} {
			if tc.name == "exp" && x > 100 {
				continue
			}
			f := scalar(func(v []float64) float64 { return tc.f(v[0]) })
			got, err := Derivative(f, x, 0)
			if err != nil {
				t.Fatal(err)
			}
			// Truncation h²·|f'''|/6 plus rounding, about eps·|f|/h, with
			// room for the rounding of x ± h itself (eps·|x·f'|/h).
			h := Step(x, 0)
			bound := h*h*tc.m3(x)/6 + 4*eps*(math.Abs(tc.f(x))+math.Abs(x*tc.df(x))+1)/h
			if math.Abs(got-tc.df(x)) > 2*bound {
				t.Errorf("%s'(%g) = %.17g, want %.17g (bound %.2g)", tc.name, x, got, tc.df(x), bound)
			}
		}
	}
}

func TestGradientJacobianHessian(t *testing.T) {
	// f(x, y, z) = x²y + sin(z)·y³ + exp(x·z)
	f := scalar(func(v []float64) float64 {
		x, y, z := v[0], v[1], v[2]
		return x*x*y + math.Sin(z)*y*y*y + math.Exp(x*z)
	})
	x := []float64{0.7, -1.3, 0.4}
	X, Y, Z := x[0], x[1], x[2]
	wantG := []float64{2*X*Y + Z*math.Exp(X*Z), X*X + 3*math.Sin(Z)*Y*Y, math.Cos(Z)*Y*Y*Y + X*math.Exp(X*Z)}
	g := make([]float64, 3)
	if err := Gradient(g, f, x, 0); err != nil {
		t.Fatal(err)
	}
	for i := range g {
		if !close(g[i], wantG[i], 1e-9) {
			t.Errorf("gradient[%d] = %v, want %v", i, g[i], wantG[i])
		}
	}
	exz := math.Exp(X * Z)
	wantH := []float64{
		2*Y + Z*Z*exz, 2 * X, exz + X*Z*exz,
		2 * X, 6 * math.Sin(Z) * Y, 3 * math.Cos(Z) * Y * Y,
		exz + X*Z*exz, 3 * math.Cos(Z) * Y * Y, -math.Sin(Z)*Y*Y*Y + X*X*exz,
	}
	h := make([]float64, 9)
	if err := Hessian(h, f, x, 0); err != nil {
		t.Fatal(err)
	}
	for i := range h {
		if !close(h[i], wantH[i], 1e-6) {
			t.Errorf("hessian[%d] = %v, want %v", i, h[i], wantH[i])
		}
		if r, c := i/3, i%3; h[i] != h[c*3+r] {
			t.Errorf("hessian not symmetric at (%d, %d)", r, c)
		}
	}
	// A 2 -> 3 function: its Jacobian is 3×2.
	F := func(out, v []float64) error {
		out[0], out[1], out[2] = v[0]*v[1], math.Sin(v[0]), v[1]*v[1]
		return nil
	}
	p := []float64{1.5, -2}
	wantJ := []float64{p[1], p[0], math.Cos(p[0]), 0, 0, 2 * p[1]}
	j := make([]float64, 6)
	if err := Jacobian(j, F, p, 3, 0); err != nil {
		t.Fatal(err)
	}
	for i := range j {
		if !close(j[i], wantJ[i], 1e-9) {
			t.Errorf("jacobian[%d] = %v, want %v", i, j[i], wantJ[i])
		}
	}
}

func TestEvaluationOrder(t *testing.T) {
	// The documented call sequence, which the Python reference repeats.
	var calls [][]float64
	f := func(out, x []float64) error {
		calls = append(calls, append([]float64(nil), x...))
		out[0] = 0
		return nil
	}
	g := make([]float64, 2)
	if err := Gradient(g, f, []float64{1, 2}, 0.5); err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1.5, 2}, {0.5, 2}, {1, 2.5}, {1, 1.5}}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("gradient calls %v, want %v", calls, want)
	}
	calls = nil
	if err := Hessian(make([]float64, 4), f, []float64{1, 2}, 0.5); err != nil {
		t.Fatal(err)
	}
	want = [][]float64{{1, 2}, {1.5, 2}, {0.5, 2}, {1.5, 2.5}, {1.5, 1.5}, {0.5, 2.5}, {0.5, 1.5}, {1, 2.5}, {1, 1.5}}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("hessian calls %v, want %v", calls, want)
	}
}

func TestCallbackErrorStops(t *testing.T) {
	boom := errors.New("boom")
	n := 0
	f := func(out, x []float64) error {
		if n++; n == 3 {
			return boom
		}
		out[0] = x[0]
		return nil
	}
	if err := Gradient(make([]float64, 4), f, make([]float64, 4), 0); err != boom {
		t.Errorf("error %v, want the callback's own", err)
	}
	if n != 3 {
		t.Errorf("f called %d times after failing on call 3", n)
	}
}

func TestBadStep(t *testing.T) {
	f := scalar(func(x []float64) float64 { return x[0] })
	for _, h := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := Derivative(f, 1, h); !errors.Is(err, ErrStep) {
			t.Errorf("h=%v: error %v, want ErrStep", h, err)
		}
	}
	if k, _ := errkind.Of(ErrStep); k != errkind.Domain {
		t.Errorf("ErrStep kind %v, want Domain", k)
	}
}

func TestCheckGradient(t *testing.T) {
	x := []float64{-1.2, 1, 0.5}
	good, err := CheckGradient(Rosenbrock.ValueFunc(), Rosenbrock.GradFunc(), x)
	if err != nil || good > 1e-8 {
		t.Errorf("correct gradient: relative error %v (%v), want < 1e-8", good, err)
	}
	wrong := func(out, x []float64) error {
		Rosenbrock.Grad(out, x)
		out[1] *= 2
		return nil
	}
	if bad, _ := CheckGradient(Rosenbrock.ValueFunc(), wrong, x); bad < 0.1 {
		t.Errorf("wrong gradient: relative error %v, want > 0.1", bad)
	}
}

func TestObjectivesGradients(t *testing.T) {
	for _, o := range Objectives {
		x := []float64{-1.2, 1, 0.3, 2}
		g, num := make([]float64, 4), make([]float64, 4)
		o.Grad(g, x)
		if err := Gradient(num, o.ValueFunc(), x, 0); err != nil {
			t.Fatal(err)
		}
		for i := range g {
			if !close(num[i], g[i], 1e-7) {
				t.Errorf("%s: ∂f/∂x%d = %v, numerically %v", o.Name, i, g[i], num[i])
			}
		}
		min := make([]float64, 4)
		if o.Name == "rosenbrock" {
			min = []float64{1, 1, 1, 1}
		}
		if v := o.Value(min); v != 0 {
			t.Errorf("%s at its minimum = %v, want 0", o.Name, v)
		}
		if o2, err := Lookup(o.Name); err != nil || o2.Name != o.Name {
			t.Errorf("Lookup(%q) = %v, %v", o.Name, o2.Name, err)
		}
	}
	if _, err := Lookup("nope"); !errors.Is(err, ErrUnknownObjective) {
		t.Errorf("Lookup(nope): %v", err)
	}
	if err := Rosenbrock.Check(1); !errors.Is(err, ErrObjectiveSize) {
		t.Errorf("rosenbrock in 1-D: %v", err)
	}
}

func TestGradientDescentQuadratic(t *testing.T) {
	// On Σx² each step multiplies x by 1 - 2η exactly when 2η is a power of
	// two: x_k = x0·(1 - 2η)^k.
	d := Descent{LearningRate: 0.25, MaxIter: 100, Tol: 1e-6}
	hist := make([]float64, (d.MaxIter+1)*2)
	steps, err := GradientDescent(hist, Quadratic.GradFunc(), []float64{3, 4}, d)
	if err != nil {
		t.Fatal(err)
	}
	for k := 0; k <= steps; k++ {
		f := math.Pow(0.5, float64(k))
		if hist[2*k] != 3*f || hist[2*k+1] != 4*f {
			t.Fatalf("x_%d = %v, want %v", k, hist[2*k:2*k+2], []float64{3 * f, 4 * f})
		}
	}
	// It stops before step k when ||∇f(x_k)|| = 10·2^-k < 1e-6: k = 24.
	if steps != 24 {
		t.Errorf("steps = %d, want 24", steps)
	}
}

func TestGradientDescentRosenbrock(t *testing.T) {
	d := Descent{LearningRate: 1e-3, MaxIter: 50000, Tol: 1e-8}
	hist := make([]float64, (d.MaxIter+1)*2)
	steps, err := GradientDescent(hist, Rosenbrock.GradFunc(), []float64{-1.2, 1}, d)
	if err != nil {
		t.Fatal(err)
	}
	x := hist[2*steps : 2*steps+2]
	if math.Abs(x[0]-1) > 1e-4 || math.Abs(x[1]-1) > 1e-4 {
		t.Errorf("after %d steps x = %v, want near (1, 1)", steps, x)
	}
}

func TestGradientDescentDiverges(t *testing.T) {
	d := Descent{LearningRate: 1, MaxIter: 2000, Tol: 0}
	hist := make([]float64, (d.MaxIter+1)*2)
	steps, err := GradientDescent(hist, Rosenbrock.GradFunc(), []float64{-1.2, 1}, d)
	if !errors.Is(err, ErrGradientNotFinite) || steps == 0 || steps == d.MaxIter {
		t.Errorf("steps %d, error %v: want ErrGradientNotFinite partway", steps, err)
	}
}

func TestGradientDescentProgress(t *testing.T) {
	var seen []int
	d := Descent{LearningRate: 0.1, MaxIter: 10, Progress: func(steps int, x []float64) (bool, error) {
		seen = append(seen, steps)
		return steps == 4, nil
	}}
	hist := make([]float64, 11)
	steps, err := GradientDescent(hist, Quadratic.GradFunc(), []float64{1}, d)
	if err != nil || steps != 4 || fmt.Sprint(seen) != "[1 2 3 4]" {
		t.Errorf("steps %d, err %v, progress at %v; want 4, nil, [1 2 3 4]", steps, err, seen)
	}
	// With Every > 0 a long loop still reports, and an error stops it.
	stop := errors.New("interrupted")
	calls := 0
	d = Descent{LearningRate: 1e-9, Every: time.Millisecond, Progress: func(int, []float64) (bool, error) {
		calls++
		return false, stop
	}}
	d.MaxIter = 2_000_000
	hist = make([]float64, d.MaxIter+1)
	start := time.Now()
	steps, err = GradientDescent(hist, Quadratic.GradFunc(), []float64{1}, d)
	if err != stop || calls != 1 || steps == d.MaxIter {
		t.Errorf("steps %d, err %v, calls %d: want the progress error after one call", steps, err, calls)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("stopping took %v", el)
	}
}

func TestGradientDescentBadParameters(t *testing.T) {
	for _, d := range []Descent{{LearningRate: 0, MaxIter: 1}, {LearningRate: math.NaN(), MaxIter: 1}, {LearningRate: 1, MaxIter: -1}, {LearningRate: 1, MaxIter: 1, Tol: -1}, {LearningRate: 1, MaxIter: 1, Tol: math.Inf(1)}} {
		hist := make([]float64, max(d.MaxIter+1, 0))
		if _, err := GradientDescent(hist, Quadratic.GradFunc(), []float64{1}, d); !errors.Is(err, ErrDescent) {
			t.Errorf("%+v: error %v, want ErrDescent", d, err)
		}
	}
}

func ExampleGradientDescent() {
	// The notes' example: minimize x0² + x1² from (3, 4). Each step
	// multiplies x by 1 - 2·0.1 = 0.8, so ||∇f(x_k)|| = 10·0.8^k drops
	// below 1e-6 at k = 73.
	d := Descent{LearningRate: 0.1, MaxIter: 1000, Tol: 1e-6}
	history := make([]float64, (d.MaxIter+1)*2)
	steps, err := GradientDescent(history, Quadratic.GradFunc(), []float64{3, 4}, d)
	if err != nil {
		fmt.Println(err)
		return
	}
	x := history[2*steps : 2*steps+2]
	fmt.Printf("%d steps, x = (%.1e, %.1e)\n", steps, x[0], x[1])
	// Output:
	// 73 steps, x = (2.5e-07, 3.4e-07)
}

func ExampleGradient() {
	f := func(out, x []float64) error {
		out[0] = x[0]*x[0] + 3*x[1] // ∇f = (2x0, 3)
		return nil
	}
	g := make([]float64, 2)
	if err := Gradient(g, f, []float64{2, 5}, 0); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.6f %.6f\n", g[0], g[1])
	// Output:
	// 4.000000 3.000000
}

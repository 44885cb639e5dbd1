package calculus

// Objective is a built-in test function with its analytic gradient, so
// that GradientDescent can run without calling back into another language.
type Objective struct {
	// Name is how the C boundary and Python name it.
	Name string
	// MinDim is the smallest dimension n it is defined for.
	MinDim int
	// Value returns f(x).
	Value func(x []float64) float64
	// Grad writes ∇f(x) into g (len(g) == len(x)).
	Grad func(g, x []float64)
}

// Check returns ErrObjectiveSize unless o is defined in dimension n.
func (o Objective) Check(n int) error {
	if n < o.MinDim {
		return ErrObjectiveSize
	}
	return nil
}

// ValueFunc is o's value as a Func (out has length 1).
func (o Objective) ValueFunc() Func {
	return func(out, x []float64) error {
		out[0] = o.Value(x)
		return nil
	}
}

// GradFunc is o's gradient as a Func (out has length n).
func (o Objective) GradFunc() Func {
	return func(out, x []float64) error {
		o.Grad(out, x)
		return nil
	}
}

// Quadratic is f(x) = Σ x_i², the notes' x0² + x1² in any dimension n >= 1;
// ∇f = 2x. Its minimum is 0, at the origin.
var Quadratic = Objective{
	Name:   "quadratic",
	MinDim: 1,
	Value: func(x []float64) float64 {
		var s float64
		for _, v := range x {
			s += v * v
		}
		return s
	},
	Grad: func(g, x []float64) {
		for i, v := range x {
			g[i] = 2 * v
		}
	},
}

// Rosenbrock is Rosenbrock's banana function in n >= 2 dimensions, as
// scipy.optimize.rosen:
//
//	f(x) = Σ_{i<n-1} 100·(x_{i+1} - x_i²)² + (1 - x_i)²
//
// Its minimum is 0, at (1, ..., 1), at the end of a long curved valley
// that makes fixed-step gradient descent slow.
var Rosenbrock = Objective{
	Name:   "rosenbrock",
	MinDim: 2,
	Value: func(x []float64) float64 {
		var s float64
		for i := 0; i+1 < len(x); i++ {
			a, b := x[i+1]-x[i]*x[i], 1-x[i]
			s += 100*(a*a) + b*b
		}
		return s
	},
	Grad: func(g, x []float64) {
		clear(g)
		for i := 0; i+1 < len(x); i++ {
			a := x[i+1] - x[i]*x[i]
			g[i] += -400*x[i]*a - 2*(1-x[i])
			g[i+1] += 200 * a
		}
	},
}

// Objectives lists the built-in objectives.
var Objectives = []Objective{Quadratic, Rosenbrock}

// Lookup returns the built-in objective called name, or
// ErrUnknownObjective.
func Lookup(name string) (Objective, error) {
	for _, o := range Objectives {
		if o.Name == name {
			return o, nil
		}
	}
	return Objective{}, ErrUnknownObjective
}

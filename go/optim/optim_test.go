package optim

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"

	"mlmath/internal/errkind"
)

const eps = 0x1p-52

// near reports |got - want| <= ulps·eps·max(1, |want|).
func near(got, want, ulps float64) bool {
	return math.Abs(got-want) <= ulps*eps*math.Max(1, math.Abs(want))
}

// exactPow returns b^t rounded to the nearest float64 by math/big: the
// value Python's b**t (C pow) gives.
func exactPow(b float64, t int) float64 {
	prec := uint(53*t + 64) // enough for the exact power
	x := new(big.Float).SetPrec(prec).SetFloat64(b)
	r := new(big.Float).SetPrec(prec).SetFloat64(1)
	for range t {
		r.Mul(r, x) // exact: the product of t 53-bit values fits in prec bits
	}
	f, _ := r.Float64()
	return f
}

func TestPowIntCorrectlyRounded(t *testing.T) {
	for _, b := range []float64{0.9, 0.99, 0.999, 0.9999, 0.5, 0.95, 0.8, 0.1, 1 - 1e-8, 1.1, -0.9} {
		for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 10, 17, 64, 100, 333, 1000, 1001, 4096} {
			if got, want := powInt(b, n), exactPow(b, n); got != want {
				t.Errorf("powInt(%v, %d) = %v, want %v (math.Pow: %v)", b, n, got, want, math.Pow(b, float64(n)))
			}
		}
	}
	for _, tc := range []struct{ b, want float64 }{{0, 0}, {1, 1}, {math.NaN(), math.NaN()}, {1e-300, 0}, {1e300, math.Inf(1)}} {
		if got := powInt(tc.b, 3); got != tc.want && !(math.IsNaN(got) && math.IsNaN(tc.want)) {
			t.Errorf("powInt(%v, 3) = %v, want %v", tc.b, got, tc.want)
		}
	}
}

func TestLerp(t *testing.T) {
	for _, tc := range []struct{ a, b, w, want float64 }{
		{1, 3, 0, 1}, {1, 3, 1, 3}, {1, 3, 0.25, 1.5}, {1, 3, 0.5, 2}, {1, 3, 0.75, 2.5},
		{0.1, 0.7, 1, 0.7}, // exact at w = 1 (the second form)
	} {
		if got := lerp(tc.a, tc.b, tc.w); got != tc.want {
			t.Errorf("lerp(%v, %v, %v) = %v, want %v", tc.a, tc.b, tc.w, got, tc.want)
		}
	}
}

// The SEMANTICS.md reference: p0 = [1, -2, .5], the gradient p + [.3, -.1, .2]
// recomputed from the current p at every step.
var (
	p0    = []float64{1, -2, 0.5}
	shift = []float64{0.3, -0.1, 0.2}
)

func refGrad(g, p []float64) {
	for i := range p {
		g[i] = p[i] + shift[i]
	}
}

func TestReferenceValues(t *testing.T) {
	p, g := append([]float64(nil), p0...), make([]float64, 3)
	refGrad(g, p)
	SGD{LR: 0.1}.Step(p, g, nil, true)
	for i, want := range []float64{0.87, -1.79, 0.43} {
		if !near(p[i], want, 2) {
			t.Errorf("SGD: p[%d] = %.17g, want %v", i, p[i], want)
		}
	}

	p = append([]float64(nil), p0...)
	m, v := make([]float64, 3), make([]float64, 3)
	a := Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
	for step := 1; step <= 3; step++ {
		refGrad(g, p)
		a.Step(p, g, m, v, nil, step)
	}
	for i, want := range []float64{0.70109478507, -1.700586602115, 0.202743484194} {
		if math.Abs(p[i]-want) > 1e-11 {
			t.Errorf("Adam: p[%d] = %.15g, want %v", i, p[i], want)
		}
	}
}

// The independent implementations: the formulas of SEMANTICS.md written
// plainly, with math.Pow and β·m + (1-β)·g instead of lerp. They agree with
// the package to a few ulps, not to the bit.

type naiveSGD struct{ buf []float64 }

func (s *naiveSGD) step(o SGD, p, g []float64, t int) {
	for i := range p {
		d := g[i] + o.WeightDecay*p[i]
		if o.Momentum != 0 {
			if t == 1 {
				s.buf[i] = d
			} else {
				s.buf[i] = o.Momentum*s.buf[i] + (1-o.Dampening)*d
			}
			if o.Nesterov {
				d += o.Momentum * s.buf[i]
			} else {
				d = s.buf[i]
			}
		}
		p[i] -= o.LR * d
	}
}

type naiveAdam struct{ m, v, vmax []float64 }

func (s *naiveAdam) step(o Adam, p, g []float64, t int) {
	for i := range p {
		d := g[i]
		if o.Decoupled {
			p[i] *= 1 - o.LR*o.WeightDecay
		} else {
			d += o.WeightDecay * p[i]
		}
		s.m[i] = o.Beta1*s.m[i] + (1-o.Beta1)*d
		s.v[i] = o.Beta2*s.v[i] + (1-o.Beta2)*d*d
		v := s.v[i]
		if o.AMSGrad {
			s.vmax[i] = math.Max(s.vmax[i], v)
			v = s.vmax[i]
		}
		bc1, bc2 := 1-math.Pow(o.Beta1, float64(t)), 1-math.Pow(o.Beta2, float64(t))
		p[i] -= o.LR / bc1 * s.m[i] / (math.Sqrt(v)/math.Sqrt(bc2) + o.Eps)
	}
}

type naiveRMSprop struct{ sq, buf, gavg []float64 }

func (s *naiveRMSprop) step(o RMSprop, p, g []float64, _ int) {
	for i := range p {
		d := g[i] + o.WeightDecay*p[i]
		s.sq[i] = o.Alpha*s.sq[i] + (1-o.Alpha)*d*d
		var avg float64
		if o.Centered {
			s.gavg[i] = o.Alpha*s.gavg[i] + (1-o.Alpha)*d
			avg = math.Sqrt(s.sq[i]-s.gavg[i]*s.gavg[i]) + o.Eps
		} else {
			avg = math.Sqrt(s.sq[i]) + o.Eps
		}
		if o.Momentum > 0 {
			s.buf[i] = o.Momentum*s.buf[i] + d/avg
			p[i] -= o.LR * s.buf[i]
		} else {
			p[i] -= o.LR * d / avg
		}
	}
}

type naiveAdagrad struct{ sum []float64 }

func (s *naiveAdagrad) step(o Adagrad, p, g []float64, t int) {
	clr := o.LR / (1 + float64(t-1)*o.LRDecay)
	for i := range p {
		d := g[i] + o.WeightDecay*p[i]
		s.sum[i] += d * d
		p[i] -= clr * d / (math.Sqrt(s.sum[i]) + o.Eps)
	}
}

// stepper is one optimizer configuration run both ways: the package's
// Step and the naive formulas, each with its own state.
type stepper struct {
	name  string
	step  func(p, g []float64, t int) // the package
	naive func(p, g []float64, t int) // the plain formulas
}

func zeros(n int) []float64 { return make([]float64, n) }

func sgdCase(name string, o SGD, n int) stepper {
	buf, nv := zeros(n), &naiveSGD{zeros(n)}
	return stepper{name, func(p, g []float64, t int) { o.Step(p, g, buf, t == 1) }, func(p, g []float64, t int) { nv.step(o, p, g, t) }}
}

func adamCase(name string, o Adam, n int) stepper {
	m, v, vmax := zeros(n), zeros(n), zeros(n)
	nv := &naiveAdam{zeros(n), zeros(n), zeros(n)}
	if !o.AMSGrad {
		vmax = nil // must not be touched
	}
	return stepper{name, func(p, g []float64, t int) { o.Step(p, g, m, v, vmax, t) }, func(p, g []float64, t int) { nv.step(o, p, g, t) }}
}

func rmspropCase(name string, o RMSprop, n int) stepper {
	sq, buf, gavg := zeros(n), zeros(n), zeros(n)
	if o.Momentum <= 0 {
		buf = nil
	}
	if !o.Centered {
		gavg = nil
	}
	nv := &naiveRMSprop{zeros(n), zeros(n), zeros(n)}
	return stepper{name, func(p, g []float64, _ int) { o.Step(p, g, sq, buf, gavg) }, func(p, g []float64, t int) { nv.step(o, p, g, t) }}
}

func adagradCase(name string, o Adagrad, init float64, n int) stepper {
	sum, nv := zeros(n), &naiveAdagrad{zeros(n)}
	for i := range sum {
		sum[i], nv.sum[i] = init, init
	}
	return stepper{name, func(p, g []float64, t int) { o.Step(p, g, sum, t) }, func(p, g []float64, t int) { nv.step(o, p, g, t) }}
}

// gradOf is the test objective's gradient, f(p) = Σ p_i⁴/4 + c_i·p_i:
// steep far from the minimum and flat near it, so that the gradient shrinks
// along the path (which AMSGrad's running maximum needs to matter).
func gradOf(g, p []float64) {
	for i := range p {
		g[i] = p[i]*p[i]*p[i] + shift[i]
	}
}

// run takes steps steps of one side of s from p0, returning the path.
func run(step func(p, g []float64, t int), steps int) [][]float64 {
	p, g := append([]float64(nil), p0...), make([]float64, len(p0))
	var path [][]float64
	for t := 1; t <= steps; t++ {
		gradOf(g, p)
		before := append([]float64(nil), g...)
		step(p, g, t)
		for i := range g {
			if math.Float64bits(g[i]) != math.Float64bits(before[i]) {
				panic(fmt.Sprintf("step %d modified the gradient: g[%d] %v -> %v", t, i, before[i], g[i]))
			}
		}
		path = append(path, append([]float64(nil), p...))
	}
	return path
}

func optimizerCases() []func() stepper {
	const n = 3
	return []func() stepper{
		func() stepper { return sgdCase("sgd", SGD{LR: 0.1}, n) },
		func() stepper { return sgdCase("sgd wd", SGD{LR: 0.1, WeightDecay: 0.05}, n) },
		func() stepper { return sgdCase("sgd momentum", SGD{LR: 0.1, Momentum: 0.9}, n) },
		func() stepper { return sgdCase("sgd dampening", SGD{LR: 0.1, Momentum: 0.9, Dampening: 0.3}, n) },
		func() stepper { return sgdCase("sgd nesterov", SGD{LR: 0.1, Momentum: 0.9, Nesterov: true}, n) },
		func() stepper {
			return sgdCase("sgd all", SGD{LR: 0.05, Momentum: 0.8, Dampening: 0.1, WeightDecay: 0.01, Nesterov: true}, n)
		},
		func() stepper { return adamCase("adam", Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, n) },
		func() stepper {
			return adamCase("adam wd", Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.1}, n)
		},
		func() stepper {
			return adamCase("adamw", Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.1, Decoupled: true}, n)
		},
		func() stepper {
			return adamCase("adam amsgrad", Adam{LR: 0.1, Beta1: 0.6, Beta2: 0.5, Eps: 1e-8, AMSGrad: true}, n)
		},
		func() stepper {
			return adamCase("adamw amsgrad", Adam{LR: 0.05, Beta1: 0.3, Beta2: 0.5, Eps: 1e-3, WeightDecay: 0.02, AMSGrad: true, Decoupled: true}, n)
		},
		func() stepper { return rmspropCase("rmsprop", RMSprop{LR: 0.01, Alpha: 0.99, Eps: 1e-8}, n) },
		func() stepper {
			return rmspropCase("rmsprop wd", RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, WeightDecay: 0.1}, n)
		},
		func() stepper {
			return rmspropCase("rmsprop centered", RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, Centered: true}, n)
		},
		func() stepper {
			return rmspropCase("rmsprop momentum", RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, Momentum: 0.9}, n)
		},
		func() stepper {
			return rmspropCase("rmsprop all", RMSprop{LR: 0.01, Alpha: 0.8, Eps: 1e-6, WeightDecay: 0.05, Momentum: 0.5, Centered: true}, n)
		},
		func() stepper { return adagradCase("adagrad", Adagrad{LR: 0.1, Eps: 1e-10}, 0, n) },
		func() stepper {
			return adagradCase("adagrad lr_decay", Adagrad{LR: 0.1, LRDecay: 0.5, Eps: 1e-10}, 0, n)
		},
		func() stepper {
			return adagradCase("adagrad all", Adagrad{LR: 0.1, LRDecay: 0.1, WeightDecay: 0.1, Eps: 1e-10}, 0.25, n)
		},
	}
}

// TestAgainstNaive runs every optimizer and option for several steps, both
// ways, and compares the paths; it also checks that each option changes the
// path (so an ignored option would be caught) and that g is left alone.
// The two differ by rounding only, which the cubic gradient amplifies over
// the steps: up to about 6 ulps here, hence a bound of 16.
func TestAgainstNaive(t *testing.T) {
	const steps = 8
	paths := map[string][][]float64{}
	for _, mk := range optimizerCases() {
		s := mk()
		got, want := run(s.step, steps), run(s.naive, steps)
		paths[s.name] = got
		for k := range got {
			for i := range got[k] {
				if !near(got[k][i], want[k][i], 16) {
					t.Errorf("%s: step %d: p[%d] = %.17g, the formulas give %.17g", s.name, k+1, i, got[k][i], want[k][i])
				}
			}
		}
	}
	for _, pair := range [][2]string{
		{"sgd", "sgd wd"}, {"sgd", "sgd momentum"}, {"sgd momentum", "sgd dampening"}, {"sgd momentum", "sgd nesterov"},
		{"adam", "adam wd"}, {"adam wd", "adamw"},
		{"rmsprop", "rmsprop centered"}, {"rmsprop", "rmsprop momentum"},
		{"adagrad", "adagrad lr_decay"},
	} {
		a, b := paths[pair[0]], paths[pair[1]]
		if a[len(a)-1][0] == b[len(b)-1][0] {
			t.Errorf("%s and %s end at the same point: the option had no effect", pair[0], pair[1])
		}
	}
	// AMSGrad must make a difference on this path (β2 = 0.5 forgets fast
	// while the gradient shrinks).
	o := Adam{LR: 0.1, Beta1: 0.6, Beta2: 0.5, Eps: 1e-8}
	plain := run(adamCase("", o, 3).step, steps)
	if ams := paths["adam amsgrad"]; ams[steps-1][0] == plain[steps-1][0] {
		t.Error("AMSGrad had no effect on a path where v decreases")
	}
}

// Torch's operations one at a time, on whole slices, each result rounded
// and stored as torch stores it: the package's fused loops must give these
// bit for bit.
func addAlpha(x []float64, a float64, y []float64) []float64 { // x + a·y
	r := make([]float64, len(x))
	for i := range x {
		r[i] = x[i] + float64(a*y[i])
	}
	return r
}

func mulS(x []float64, a float64) []float64 {
	r := make([]float64, len(x))
	for i := range x {
		r[i] = x[i] * a
	}
	return r
}

func addcmul(x []float64, c float64, y, z []float64) []float64 { // x + (c·y)·z
	r := make([]float64, len(x))
	for i := range x {
		r[i] = x[i] + float64(float64(c*y[i])*z[i])
	}
	return r
}

func addcdiv(x []float64, c float64, y, z []float64) []float64 { // x + (c·y)/z
	r := make([]float64, len(x))
	for i := range x {
		r[i] = x[i] + float64(c*y[i])/z[i]
	}
	return r
}

func lerpS(a, b []float64, w float64) []float64 {
	r := make([]float64, len(a))
	for i := range a {
		if math.Abs(w) < 0.5 {
			r[i] = a[i] + float64(w*(b[i]-a[i]))
		} else {
			r[i] = b[i] - float64((b[i]-a[i])*(1-w))
		}
	}
	return r
}

func mapS(x []float64, f func(float64) float64) []float64 {
	r := make([]float64, len(x))
	for i := range x {
		r[i] = f(x[i])
	}
	return r
}

func TestTorchOrderBitExact(t *testing.T) {
	const steps = 6
	check := func(name string, got, want []float64) {
		t.Helper()
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Errorf("%s: p[%d] = %.17g, torch's operation order gives %.17g", name, i, got[i], want[i])
			}
		}
	}
	// Adam / AdamW / AMSGrad.
	for _, o := range []Adam{
		{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8},
		{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.1},
		{LR: 0.1, Beta1: 0.3, Beta2: 0.5, Eps: 1e-8, WeightDecay: 0.1, Decoupled: true, AMSGrad: true},
	} {
		p, g := append([]float64(nil), p0...), zeros(3)
		m, v, vmax := zeros(3), zeros(3), zeros(3)
		q := append([]float64(nil), p0...)
		tm, tv, tvmax := zeros(3), zeros(3), zeros(3)
		for k := 1; k <= steps; k++ {
			gradOf(g, p)
			o.Step(p, g, m, v, vmax, k)

			gradOf(g, q)
			d := g
			if o.Decoupled {
				q = mulS(q, 1-o.LR*o.WeightDecay)
			} else if o.WeightDecay != 0 {
				d = addAlpha(g, o.WeightDecay, q)
			}
			tm = lerpS(tm, d, 1-o.Beta1)
			tv = addcmul(mulS(tv, o.Beta2), 1-o.Beta2, d, d)
			stepSize := o.LR / (1 - exactPow(o.Beta1, k))
			bc2sqrt := math.Sqrt(1 - exactPow(o.Beta2, k))
			den := tv
			if o.AMSGrad {
				for i := range tvmax {
					tvmax[i] = math.Max(tvmax[i], tv[i])
				}
				den = tvmax
			}
			den = mapS(den, func(x float64) float64 { return math.Sqrt(x)/bc2sqrt + o.Eps })
			q = addcdiv(q, -stepSize, tm, den)
		}
		check(fmt.Sprintf("%+v", o), p, q)
	}
	// SGD with everything.
	{
		o := SGD{LR: 0.05, Momentum: 0.8, Dampening: 0.1, WeightDecay: 0.01, Nesterov: true}
		p, g, buf := append([]float64(nil), p0...), zeros(3), zeros(3)
		q, tbuf := append([]float64(nil), p0...), []float64(nil)
		for k := 1; k <= steps; k++ {
			gradOf(g, p)
			o.Step(p, g, buf, k == 1)
			gradOf(g, q)
			d := addAlpha(g, o.WeightDecay, q)
			if k == 1 {
				tbuf = append([]float64(nil), d...)
			} else {
				tbuf = addAlpha(mulS(tbuf, o.Momentum), 1-o.Dampening, d)
			}
			d = addAlpha(d, o.Momentum, tbuf)
			q = addAlpha(q, -o.LR, d)
		}
		check("sgd", p, q)
	}
	// RMSprop, centered and with momentum, then plain.
	for _, o := range []RMSprop{
		{LR: 0.01, Alpha: 0.8, Eps: 1e-6, WeightDecay: 0.05, Momentum: 0.5, Centered: true},
		{LR: 0.01, Alpha: 0.99, Eps: 1e-8},
	} {
		p, g, sq, buf, gavg := append([]float64(nil), p0...), zeros(3), zeros(3), zeros(3), zeros(3)
		q, tsq, tbuf, tgavg := append([]float64(nil), p0...), zeros(3), zeros(3), zeros(3)
		for k := 1; k <= steps; k++ {
			gradOf(g, p)
			o.Step(p, g, sq, buf, gavg)
			gradOf(g, q)
			d := g
			if o.WeightDecay != 0 {
				d = addAlpha(g, o.WeightDecay, q)
			}
			tsq = addcmul(mulS(tsq, o.Alpha), 1-o.Alpha, d, d)
			var avg []float64
			if o.Centered {
				tgavg = lerpS(tgavg, d, 1-o.Alpha)
				avg = mapS(addcmul(tsq, -1, tgavg, tgavg), math.Sqrt)
			} else {
				avg = mapS(tsq, math.Sqrt)
			}
			avg = mapS(avg, func(x float64) float64 { return x + o.Eps })
			if o.Momentum > 0 {
				tbuf = addcdiv(mulS(tbuf, o.Momentum), 1, d, avg)
				q = addAlpha(q, -o.LR, tbuf)
			} else {
				q = addcdiv(q, -o.LR, d, avg)
			}
		}
		check(fmt.Sprintf("%+v", o), p, q)
	}
	// Adagrad.
	{
		o := Adagrad{LR: 0.1, LRDecay: 0.1, WeightDecay: 0.1, Eps: 1e-10}
		p, g, sum := append([]float64(nil), p0...), zeros(3), []float64{0.1, 0.1, 0.1}
		q, tsum := append([]float64(nil), p0...), []float64{0.1, 0.1, 0.1}
		for k := 1; k <= steps; k++ {
			gradOf(g, p)
			o.Step(p, g, sum, k)
			gradOf(g, q)
			d := addAlpha(g, o.WeightDecay, q)
			clr := o.LR / (1 + float64(k-1)*o.LRDecay)
			tsum = addcmul(tsum, 1, d, d)
			std := mapS(tsum, func(x float64) float64 { return math.Sqrt(x) + o.Eps })
			q = addcdiv(q, -clr, d, std)
		}
		check("adagrad", p, q)
	}
}

func TestShapePanics(t *testing.T) {
	p, g3, g2 := zeros(3), zeros(3), zeros(2)
	for _, tc := range []struct {
		name string
		f    func()
		want error // nil: must not panic
	}{
		{"sgd g", func() { SGD{LR: 1}.Step(p, g2, nil, true) }, ErrShape},
		{"sgd buf unused", func() { SGD{LR: 1}.Step(p, g3, nil, false) }, nil},
		{"sgd buf", func() { SGD{LR: 1, Momentum: 0.9}.Step(p, g3, g2, false) }, ErrShape},
		{"sgd buf nil", func() { SGD{LR: 1, Momentum: 0.9}.Step(p, g3, nil, true) }, ErrShape},
		{"adam g", func() { Adam{}.Step(p, g2, zeros(3), zeros(3), nil, 1) }, ErrShape},
		{"adam m", func() { Adam{}.Step(p, g3, zeros(2), zeros(3), nil, 1) }, ErrShape},
		{"adam v", func() { Adam{}.Step(p, g3, zeros(3), nil, nil, 1) }, ErrShape},
		{"adam vmax", func() { Adam{AMSGrad: true}.Step(p, g3, zeros(3), zeros(3), zeros(4), 1) }, ErrShape},
		{"adam vmax unused", func() { Adam{LR: 1, Beta1: .9, Beta2: .9, Eps: 1}.Step(p, g3, zeros(3), zeros(3), nil, 1) }, nil},
		{"adam t", func() { Adam{}.Step(p, g3, zeros(3), zeros(3), nil, 0) }, ErrStep},
		{"rmsprop sq", func() { RMSprop{}.Step(p, g3, zeros(2), nil, nil) }, ErrShape},
		{"rmsprop buf", func() { RMSprop{Momentum: 0.5}.Step(p, g3, zeros(3), nil, nil) }, ErrShape},
		{"rmsprop gavg", func() { RMSprop{Centered: true}.Step(p, g3, zeros(3), nil, zeros(1)) }, ErrShape},
		{"rmsprop optional nil", func() { RMSprop{LR: 1, Alpha: .9, Eps: 1}.Step(p, g3, zeros(3), nil, nil) }, nil},
		{"adagrad sum", func() { Adagrad{}.Step(p, g3, zeros(4), 1) }, ErrShape},
		{"adagrad g", func() { Adagrad{}.Step(p, g2, zeros(3), 1) }, ErrShape},
		{"adagrad t", func() { Adagrad{}.Step(p, g3, zeros(3), 0) }, ErrStep},
	} {
		func() {
			defer func() {
				r := recover()
				if tc.want == nil {
					if r != nil {
						t.Errorf("%s: unexpected panic %v", tc.name, r)
					}
					return
				}
				if err, ok := r.(error); !ok || !errors.Is(err, tc.want) {
					t.Errorf("%s: panic %v, want %v", tc.name, r, tc.want)
				}
			}()
			tc.f()
		}()
	}
	if k, _ := errkind.Of(ErrShape); k != errkind.Shape {
		t.Errorf("ErrShape has kind %v", k)
	}
}

func TestEmptyParameter(t *testing.T) {
	// Nothing to do, and nothing to check but that it does not panic.
	SGD{LR: 1, Momentum: 0.9}.Step(nil, nil, nil, true)
	Adam{AMSGrad: true}.Step(nil, nil, nil, nil, nil, 1)
	RMSprop{Momentum: 1, Centered: true}.Step(nil, nil, nil, nil, nil)
	Adagrad{}.Step(nil, nil, nil, 1)
}

func TestNoAllocation(t *testing.T) {
	p, g, a, b, c := zeros(100), zeros(100), zeros(100), zeros(100), zeros(100)
	o := Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, AMSGrad: true}
	if n := testing.AllocsPerRun(10, func() { o.Step(p, g, a, b, c, 7) }); n != 0 {
		t.Errorf("Adam.Step allocates %v times", n)
	}
}

func ExampleAdam_Step() {
	// Three Adam steps on f(p) = Σ (p_i + c_i)²/2, whose gradient is
	// p + c: the reference of mlmath's SEMANTICS.md.
	p := []float64{1, -2, 0.5}
	c := []float64{0.3, -0.1, 0.2}
	g, m, v := make([]float64, 3), make([]float64, 3), make([]float64, 3)
	adam := Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
	for t := 1; t <= 3; t++ {
		for i := range p {
			g[i] = p[i] + c[i]
		}
		adam.Step(p, g, m, v, nil, t) // vmax is only needed with AMSGrad
	}
	fmt.Printf("%.12f\n", p)
	// Output:
	// [0.701094785070 -1.700586602115 0.202743484194]
}

func ExampleSGD_Step() {
	// SGD with momentum: the buffer starts as the first gradient.
	p, g, buf := []float64{1}, []float64{0}, []float64{0}
	sgd := SGD{LR: 0.1, Momentum: 0.9}
	for t := 1; t <= 3; t++ {
		g[0] = 2 * p[0] // f(p) = p²
		sgd.Step(p, g, buf, t == 1)
		fmt.Printf("step %d: p = %.4f, buf = %.4f\n", t, p[0], buf[0])
	}
	// Output:
	// step 1: p = 0.8000, buf = 2.0000
	// step 2: p = 0.4600, buf = 3.4000
	// step 3: p = 0.0620, buf = 3.9800
}

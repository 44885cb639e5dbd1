package optim_test

import (
	"math"
	"math/big"
	"testing"

	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
	"mlmath/optim"
)

// fuzzHyper decodes a hyperparameter: one of typical (a few values
// torch's users pass), or now and then any decoded float (0, negative,
// NaN, ±Inf, huge): the optimizers do not check them.
func fuzzHyper(r *fuzzdata.Reader, typical ...float64) float64 {
	if b := r.Byte(); b < 0xE0 {
		return typical[int(b)%len(typical)]
	}
	return r.Float()
}

// refLerp is torch.lerp as the package documentation writes it.
func refLerp(a, b, w float64) float64 {
	if math.Abs(w) < 0.5 {
		return a + float64(w*(b-a))
	}
	return b - float64((b-a)*(1-w))
}

// refPow returns b^t correctly rounded, from the exact power in big.Float
// (t <= 100, so 53·t bits hold it).
func refPow(b float64, t int) float64 {
	if b != b || math.IsInf(b, 0) || b == 0 {
		return math.Pow(b, float64(t))
	}
	prec := uint(53*t + 64)
	x := new(big.Float).SetPrec(prec).SetFloat64(b)
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	for range t {
		r.Mul(r, x)
	}
	v, _ := r.Float64()
	return v
}

// FuzzOptimizers runs one Step of SGD, Adam (AdamW, AMSGrad), RMSprop
// (centered, momentum) or Adagrad on decoded parameters, gradients and
// state (NaN, ±Inf, subnormals, -0, lengths that disagree, nil state)
// with decoded hyperparameters and step numbers (hostile ones included).
// It checks that a panic is ErrShape for a used slice of the wrong length,
// else ErrStep for t < 1; that g and unused state are not modified; and
// that p and the state are, bit for bit, the documented formulas evaluated
// one rounded operation at a time in a plain loop, with β^t correctly
// rounded (from big.Float). The seed corpus is in
// testdata/fuzz/FuzzOptimizers.
func FuzzOptimizers(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		kind := r.Intn(4)
		n := r.Intn(17)
		vec := func() []float64 {
			if r.Byte() >= 0xF8 {
				return nil // no state
			}
			return r.Floats(r.Length(17, n))
		}
		p, g, s1, s2, s3 := r.Floats(n), r.Floats(r.Length(17, n)), vec(), vec(), vec()
		step := 1 + r.Intn(100)
		if r.Byte() >= 0xF0 {
			step = r.Dim(100) // 0, negative, huge
		}
		lr := fuzzHyper(r, 1e-3, 0.1, 1, 0.01)
		wd := fuzzHyper(r, 0, 0, 1e-2, 0.5)
		eps := fuzzHyper(r, 1e-8, 1e-10, 0)
		flag1, flag2 := r.Bool(), r.Bool()
		g0 := append([]float64(nil), g...)
		cp := func(s []float64) []float64 { return append([]float64(nil), s...) }
		wantP, w1, w2, w3 := cp(p), cp(s1), cp(s2), cp(s3)
		bad := len(g) != n

		var name string
		var call func()
		var ref func() // the reference, on wantP, w1, w2, w3
		var needStep bool
		switch kind {
		case 0:
			o := optim.SGD{LR: lr, Momentum: fuzzHyper(r, 0, 0.9, 0.5), Dampening: fuzzHyper(r, 0, 0.1), WeightDecay: wd, Nesterov: flag1}
			name = "SGD"
			bad = bad || o.Momentum != 0 && len(s1) != n
			call = func() { o.Step(p, g, s1, flag2) }
			ref = func() {
				for i := range wantP {
					gi := g[i]
					if o.WeightDecay != 0 {
						gi = gi + float64(o.WeightDecay*wantP[i])
					}
					if o.Momentum != 0 {
						if flag2 {
							w1[i] = gi
						} else {
							w1[i] = float64(w1[i]*o.Momentum) + float64((1-o.Dampening)*gi)
						}
						if o.Nesterov {
							gi = gi + float64(o.Momentum*w1[i])
						} else {
							gi = w1[i]
						}
					}
					wantP[i] = wantP[i] + float64((-o.LR)*gi)
				}
			}
		case 1:
			o := optim.Adam{LR: lr, Beta1: fuzzHyper(r, 0.9, 0.5, 0), Beta2: fuzzHyper(r, 0.999, 0.99, 0.5), Eps: eps,
				WeightDecay: wd, AMSGrad: flag1, Decoupled: flag2}
			name = "Adam"
			needStep = true
			bad = bad || len(s1) != n || len(s2) != n || o.AMSGrad && len(s3) != n
			call = func() { o.Step(p, g, s1, s2, s3, step) }
			ref = func() {
				if step > 100 {
					return
				}
				bc1, bc2 := 1-refPow(o.Beta1, step), math.Sqrt(1-refPow(o.Beta2, step))
				for i := range wantP {
					pi, gi := wantP[i], g[i]
					if o.Decoupled {
						pi = float64(pi * (1 - float64(o.LR*o.WeightDecay)))
					} else if o.WeightDecay != 0 {
						gi = gi + float64(o.WeightDecay*pi)
					}
					w1[i] = refLerp(w1[i], gi, 1-o.Beta1)
					w2[i] = float64(w2[i]*o.Beta2) + float64(float64((1-o.Beta2)*gi)*gi)
					v := w2[i]
					if o.AMSGrad {
						if w3[i] != w3[i] || v != v {
							w3[i] = math.NaN()
						} else {
							w3[i] = math.Max(w3[i], v)
						}
						v = w3[i]
					}
					denom := math.Sqrt(v)/bc2 + o.Eps
					wantP[i] = pi + float64(-(o.LR/bc1)*w1[i])/denom
				}
			}
		case 2:
			o := optim.RMSprop{LR: lr, Alpha: fuzzHyper(r, 0.99, 0.9, 0), Eps: eps, WeightDecay: wd,
				Momentum: fuzzHyper(r, 0, 0.9), Centered: flag1}
			name = "RMSprop"
			bad = bad || len(s1) != n || o.Momentum > 0 && len(s2) != n || o.Centered && len(s3) != n
			call = func() { o.Step(p, g, s1, s2, s3) }
			ref = func() {
				for i := range wantP {
					gi := g[i]
					if o.WeightDecay != 0 {
						gi = gi + float64(o.WeightDecay*wantP[i])
					}
					w1[i] = float64(w1[i]*o.Alpha) + float64(float64((1-o.Alpha)*gi)*gi)
					var avg float64
					if o.Centered {
						w3[i] = refLerp(w3[i], gi, 1-o.Alpha)
						avg = math.Sqrt(w1[i]+float64((-1*w3[i])*w3[i])) + o.Eps
					} else {
						avg = math.Sqrt(w1[i]) + o.Eps
					}
					if o.Momentum > 0 {
						w2[i] = float64(w2[i]*o.Momentum) + gi/avg
						wantP[i] = wantP[i] + float64((-o.LR)*w2[i])
					} else {
						wantP[i] = wantP[i] + float64((-o.LR)*gi)/avg
					}
				}
			}
		default:
			o := optim.Adagrad{LR: lr, LRDecay: fuzzHyper(r, 0, 0.01), WeightDecay: wd, Eps: eps}
			name = "Adagrad"
			needStep = true
			bad = bad || len(s1) != n
			call = func() { o.Step(p, g, s1, step) }
			ref = func() {
				clr := o.LR / (1 + float64(float64(step-1)*o.LRDecay))
				for i := range wantP {
					gi := g[i]
					if o.WeightDecay != 0 {
						gi = gi + float64(o.WeightDecay*wantP[i])
					}
					w1[i] = w1[i] + float64((1*gi)*gi)
					wantP[i] = wantP[i] + float64((-clr)*gi)/(math.Sqrt(w1[i])+o.Eps)
				}
			}
		}

		pn := testdata.Panics(call)
		switch {
		case bad:
			if !fuzzdata.IsErr(pn, optim.ErrShape) {
				t.Fatalf("%s with a slice of the wrong length: panic %v, want ErrShape", name, pn)
			}
			return
		case needStep && step < 1:
			if !fuzzdata.IsErr(pn, optim.ErrStep) {
				t.Fatalf("%s at step %d: panic %v, want ErrStep", name, step, pn)
			}
			return
		case pn != nil:
			t.Fatalf("%s: panic %v", name, pn)
		}
		if !fuzzdata.SameSlices(g0, g) {
			t.Fatalf("%s modified g", name)
		}
		if needStep && step > 100 {
			return // β^t's reference would take too many bits
		}
		ref()
		for _, c := range []struct {
			what      string
			got, want []float64
		}{{"p", p, wantP}, {"state 1", s1, w1}, {"state 2", s2, w2}, {"state 3", s3, w3}} {
			for i := range c.got {
				if i < len(c.want) && !fuzzdata.Same(c.got[i], c.want[i]) {
					t.Fatalf("%s step %d: %s[%d] = %v, want %v\np %v\ng %v", name, step, c.what, i, c.got[i], c.want[i], p, g)
				}
			}
		}
	})
}

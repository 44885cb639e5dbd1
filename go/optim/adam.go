package optim

import "math"

// Adam is the Adam optimizer, with optional AMSGrad and, when Decoupled is
// set, AdamW's decoupled weight decay: torch.optim.Adam and AdamW.
type Adam struct {
	LR          float64 // learning rate
	Beta1       float64 // decay rate β1 of the first moment
	Beta2       float64 // decay rate β2 of the second moment
	Eps         float64 // added to the denominator, after the bias correction
	WeightDecay float64 // wd: an L2 penalty, or AdamW's decay when Decoupled
	AMSGrad     bool    // use the running maximum of the second moment
	Decoupled   bool    // AdamW: decay p itself instead of adding wd·p to g
}

// Step updates the parameter p in place from its gradient g, at the 1-based
// step number t (the number of updates of p so far, this one included),
// with the first and second moment estimates m and v and, with AMSGrad,
// vmax, the running maximum of v (otherwise vmax may be nil). For each
// element:
//
//	p ← p·(1 - lr·wd)                (AdamW: Decoupled)
//	g ← g + wd·p                     (Adam: not Decoupled, wd != 0)
//	m ← lerp(m, g, 1 - β1)           (= β1·m + (1-β1)·g)
//	v ← v·β2 + ((1 - β2)·g)·g
//	vmax ← max(vmax, v)              (AMSGrad; NaN propagates)
//	denom ← sqrt(v or vmax)/sqrt(1 - β2^t) + eps
//	p ← p + ((-lr/(1 - β1^t))·m)/denom
//
// β^t is correctly rounded (see the package documentation). g is not
// modified. Step panics with ErrShape if a slice it uses does not have the
// length of p, and with ErrStep if t < 1.
func (o Adam) Step(p, g, m, v, vmax []float64, t int) {
	checkLen(len(p), g, m, v)
	if o.AMSGrad {
		checkLen(len(p), vmax)
	}
	if t < 1 {
		panic(ErrStep)
	}
	lr, wd, b1, b2, eps := o.LR, o.WeightDecay, o.Beta1, o.Beta2, o.Eps
	decay := 1 - float64(lr*wd) // AdamW's factor, used only when Decoupled
	l2 := !o.Decoupled && wd != 0
	w1, w2 := 1-b1, 1-b2
	negStep := -(lr / (1 - powInt(b1, t)))
	bc2sqrt := math.Sqrt(1 - powInt(b2, t))
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	for i, pi := range p {
		gi := g[i]
		if o.Decoupled {
			pi = float64(pi * decay) // rounded before the add below
		} else if l2 {
			gi += float64(wd * pi)
		}
		mi := lerp(m[i], gi, w1)
		m[i] = mi
		vi := float64(v[i]*b2) + float64(float64(w2*gi)*gi)
		v[i] = vi
		if o.AMSGrad {
			if vm := vmax[i]; vm != vm || vi != vi {
				vi = math.NaN() // math.Max(+Inf, NaN) is +Inf; torch.maximum's is NaN
			} else {
				vi = math.Max(vm, vi)
			}
			vmax[i] = vi
		}
		denom := math.Sqrt(vi)/bc2sqrt + eps
		p[i] = pi + float64(negStep*mi)/denom
	}
}

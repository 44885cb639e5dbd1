package optim

import "math"

// Adagrad is torch.optim.Adagrad: gradient steps divided by the root of
// the running sum of squared gradients, with a learning rate that may decay
// with the step number.
type Adagrad struct {
	LR          float64 // learning rate
	LRDecay     float64 // learning-rate decay
	WeightDecay float64 // L2 penalty wd, added to the gradient
	Eps         float64 // added to the root of the sum
}

// Step updates the parameter p in place from its gradient g, at the 1-based
// step number t, with the accumulator sum (which the caller initializes to
// torch's initial_accumulator_value). For each element:
//
//	clr ← lr / (1 + (t - 1)·lr_decay)
//	g ← g + wd·p                     (if wd != 0)
//	sum ← sum + (1·g)·g
//	p ← p + ((-clr)·g)/(sqrt(sum) + eps)
//
// g is not modified. Step panics with ErrShape if g or sum does not have
// the length of p, and with ErrStep if t < 1.
func (o Adagrad) Step(p, g, sum []float64, t int) {
	checkLen(len(p), g, sum)
	if t < 1 {
		panic(ErrStep)
	}
	wd, eps := o.WeightDecay, o.Eps
	negclr := -(o.LR / (1 + float64(float64(t-1)*o.LRDecay)))
	g, sum = g[:len(p)], sum[:len(p)]
	for i, pi := range p {
		gi := g[i]
		if wd != 0 {
			gi += float64(wd * pi)
		}
		s := sum[i] + float64(gi*gi)
		sum[i] = s
		p[i] = pi + float64(negclr*gi)/(math.Sqrt(s)+eps)
	}
}

package optim

// SGD is stochastic gradient descent with optional momentum, dampening,
// Nesterov momentum and L2 weight decay: torch.optim.SGD.
type SGD struct {
	LR          float64 // learning rate
	Momentum    float64 // momentum factor μ; 0 for plain SGD
	Dampening   float64 // dampening of the momentum's gradient term
	WeightDecay float64 // L2 penalty wd, added to the gradient
	Nesterov    bool    // Nesterov momentum (with Momentum != 0)
}

// Step updates the parameter p in place from its gradient g, with the
// momentum buffer buf (len(p); used only when Momentum != 0, else it may be
// nil). first says that this is the buffer's first step: buf is then set to
// the gradient instead of being decayed. For each element, with μ the
// momentum and d the dampening:
//
//	g ← g + wd·p                              (if wd != 0)
//	buf ← g   (first step)   or   buf ← buf·μ + (1 - d)·g     (if μ != 0)
//	g ← g + μ·buf (Nesterov)   or   g ← buf                  (if μ != 0)
//	p ← p + (-lr)·g
//
// g itself is not modified. Step panics with ErrShape if g, or buf when it
// is used, does not have the length of p.
func (o SGD) Step(p, g, buf []float64, first bool) {
	checkLen(len(p), g)
	mu := o.Momentum
	if mu != 0 {
		checkLen(len(p), buf)
	}
	wd, neglr, keep := o.WeightDecay, -o.LR, 1-o.Dampening
	g = g[:len(p)]
	for i, pi := range p {
		gi := g[i]
		if wd != 0 {
			gi += float64(wd * pi)
		}
		if mu != 0 {
			b := gi
			if !first {
				b = float64(buf[i]*mu) + float64(keep*gi)
			}
			buf[i] = b
			if o.Nesterov {
				gi += float64(mu * b)
			} else {
				gi = b
			}
		}
		p[i] = pi + float64(neglr*gi)
	}
}

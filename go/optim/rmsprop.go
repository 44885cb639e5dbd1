package optim

import "math"

// RMSprop is torch.optim.RMSprop: gradient steps scaled by a running root
// mean square of the gradient, optionally centered (the running mean of
// the gradient subtracted) and with momentum. It has no bias correction.
type RMSprop struct {
	LR          float64 // learning rate
	Alpha       float64 // smoothing constant α of the running averages
	Eps         float64 // added to the root mean square
	WeightDecay float64 // L2 penalty wd, added to the gradient
	Momentum    float64 // momentum factor μ; momentum is used when μ > 0
	Centered    bool    // divide by an estimate of the gradient's variance
}

// Step updates the parameter p in place from its gradient g, with the
// square average sq, the momentum buffer buf (used when Momentum > 0, else
// it may be nil) and the gradient average gavg (used when Centered, else it
// may be nil). For each element:
//
//	g ← g + wd·p                            (if wd != 0)
//	sq ← sq·α + ((1 - α)·g)·g
//	gavg ← lerp(gavg, g, 1 - α)             (centered)
//	avg ← sqrt(sq + (-1·gavg)·gavg) + eps   (centered)
//	avg ← sqrt(sq) + eps                    (otherwise)
//	buf ← buf·μ + g/avg;  p ← p + (-lr)·buf (if μ > 0)
//	p ← p + ((-lr)·g)/avg                   (otherwise)
//
// g is not modified. Step panics with ErrShape if a slice it uses does not
// have the length of p.
func (o RMSprop) Step(p, g, sq, buf, gavg []float64) {
	checkLen(len(p), g, sq)
	mu := o.Momentum
	if mu > 0 {
		checkLen(len(p), buf)
	}
	if o.Centered {
		checkLen(len(p), gavg)
	}
	wd, alpha, eps, neglr := o.WeightDecay, o.Alpha, o.Eps, -o.LR
	w := 1 - alpha
	g, sq = g[:len(p)], sq[:len(p)]
	for i, pi := range p {
		gi := g[i]
		if wd != 0 {
			gi += float64(wd * pi)
		}
		s := float64(sq[i]*alpha) + float64(float64(w*gi)*gi)
		sq[i] = s
		var avg float64
		if o.Centered {
			ga := lerp(gavg[i], gi, w)
			gavg[i] = ga
			avg = math.Sqrt(s + float64(-ga*ga))
		} else {
			avg = math.Sqrt(s)
		}
		avg += eps
		if mu > 0 {
			b := float64(buf[i]*mu) + gi/avg
			buf[i] = b
			p[i] = pi + float64(neglr*b)
		} else {
			p[i] = pi + float64(neglr*gi)/avg
		}
	}
}

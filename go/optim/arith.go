package optim

import "math"

// lerp returns torch.lerp(start, end, w) in torch's order of operations:
//
//	start + w·(end - start)          if |w| < 0.5
//	end - (end - start)·(1 - w)      otherwise
//
// The second form keeps the result exact at w = 1.
func lerp(start, end, w float64) float64 {
	if math.Abs(w) < 0.5 {
		return start + float64(w*(end-start))
	}
	return end - float64((end-start)*(1-w))
}

// powInt returns b^t for t >= 0, correctly rounded except in cases too rare
// to meet (the exact power lying within about 2^-90, relatively, of a
// rounding boundary; or a result so small that its low part underflows,
// where 1 - β^t is 1 anyway): exponentiation by squaring in double-double arithmetic, each
// partial product carried as an unevaluated sum hi + lo with the error of
// hi·hi recovered exactly by an FMA. Python's b**t (C pow) is correctly
// rounded in practice, and math.Pow, which rounds at every squaring, is
// not: Adam's bias corrections 1 - β^t are computed with this so that they
// agree with torch's to the bit.
func powInt(b float64, t int) float64 {
	rh, rl := 1.0, 0.0
	xh, xl := b, 0.0
	for t > 0 {
		if t&1 == 1 {
			rh, rl = ddMul(rh, rl, xh, xl)
		}
		t >>= 1
		if t > 0 {
			xh, xl = ddMul(xh, xl, xh, xl)
		}
	}
	return rh
}

// ddMul returns the double-double product (ah + al)·(bh + bl), normalized
// so that hi is the float64 nearest to hi + lo.
func ddMul(ah, al, bh, bl float64) (hi, lo float64) {
	p := float64(ah * bh) // rounded: no FMA may absorb it into hi below
	if p == 0 || math.IsInf(p, 0) || math.IsNaN(p) {
		return p, 0
	}
	e := math.FMA(ah, bh, -p) + (float64(ah*bl) + float64(al*bh))
	hi = p + e
	lo = e - (hi - p)
	return hi, lo
}

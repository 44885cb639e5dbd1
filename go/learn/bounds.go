package learn

import "math"

// checkDelta returns ErrDelta unless 0 < δ < 1 (NaN included).
func checkDelta(delta float64) error {
	if !(delta > 0 && delta < 1) {
		return ErrDelta
	}
	return nil
}

// checkHypotheses returns ErrHypotheses unless h is finite and >= 1.
func checkHypotheses(h float64) error {
	if !(h >= 1) || math.IsInf(h, 1) {
		return ErrHypotheses
	}
	return nil
}

// logOver returns ln(c/δ) for c > 0 and δ in (0, 1): the logarithm of the
// quotient, as the formulas read, unless the quotient overflows (δ
// subnormal), where it is ln c - ln δ.
func logOver(c, delta float64) float64 {
	if q := c / delta; !math.IsInf(q, 1) {
		return math.Log(q)
	}
	return math.Log(c) - ln(delta)
}

// HoeffdingBound returns the two-sided Hoeffding bound for one hypothesis
// on n samples at confidence 1 - δ,
//
//	ε = sqrt(ln(2/δ) / (2n))
//
// For a hypothesis h fixed before n i.i.d. samples are drawn, with a loss
// in [0, 1], Hoeffding's inequality P(|R_n(h) - R(h)| > ε) <= 2·exp(-2nε²)
// gives |R(h) - R_n(h)| <= ε with probability at least 1 - δ. ε decreases
// as n or δ grows.
//
// It returns ErrSampleSize for n < 1 and ErrDelta for δ outside (0, 1).
func HoeffdingBound(n int, delta float64) (float64, error) {
	if n < 1 {
		return 0, ErrSampleSize
	}
	if err := checkDelta(delta); err != nil {
		return 0, err
	}
	return math.Sqrt(logOver(2, delta) / (2 * float64(n))), nil
}

// FiniteClassBound returns the uniform bound over a finite class of
// hypotheses (|H| of them) on n samples at confidence 1 - δ,
//
//	ε = sqrt((ln|H| + ln(2/δ)) / (2n))
//
// Hoeffding's inequality for each hypothesis and the union bound over the
// class give, with probability at least 1 - δ over n i.i.d. samples of a
// loss in [0, 1], |R(h) - R_n(h)| <= ε for every h in H at once, so for
// the empirical risk minimizer too (agnostic: no hypothesis needs zero
// risk). For |H| = 1 it is HoeffdingBound. hypotheses is a float64 so that
// counts such as 2¹⁰⁰ (the Boolean functions of a few bits) fit; a
// non-integer count is taken as given.
//
// It returns ErrSampleSize for n < 1, ErrHypotheses for a count below 1,
// NaN or infinite, and ErrDelta for δ outside (0, 1).
func FiniteClassBound(n int, hypotheses float64, delta float64) (float64, error) {
	if n < 1 {
		return 0, ErrSampleSize
	}
	if err := checkHypotheses(hypotheses); err != nil {
		return 0, err
	}
	if err := checkDelta(delta); err != nil {
		return 0, err
	}
	return finiteClass(float64(n), complexity(hypotheses, delta)), nil
}

// complexity returns ln|H| + ln(2/δ).
func complexity(hypotheses, delta float64) float64 {
	return math.Log(hypotheses) + logOver(2, delta)
}

// finiteClass returns sqrt(c/(2n)), FiniteClassBound for c = ln|H| + ln(2/δ).
func finiteClass(n, c float64) float64 {
	return math.Sqrt(c / (2 * n))
}

// SampleComplexity returns the number of samples that a finite class of
// hypotheses (|H| of them) needs for FiniteClassBound to be at most ε at
// confidence 1 - δ,
//
//	n = max(1, ⌈(ln|H| + ln(2/δ)) / (2ε²)⌉)
//
// under the assumptions of FiniteClassBound (agnostic, i.i.d. samples, a
// loss in [0, 1]). The formula is evaluated in floating point, 2ε² as
// (2ε)·ε; below 2⁵³ its result is then moved by one sample where rounding
// put it on the wrong side, so that n is exactly the smallest n >= 1 with
// FiniteClassBound(n, hypotheses, δ) <= ε: the bound at n is at most ε and
// the bound at n - 1 (n > 1) exceeds it.
//
// It returns ErrEpsilon for an ε that is not positive and finite,
// ErrDelta for δ outside (0, 1), ErrHypotheses for a count below 1, NaN
// or infinite, and ErrTooManySamples when n is 2⁶³ or more.
func SampleComplexity(epsilon, delta, hypotheses float64) (int64, error) {
	if !(epsilon > 0) || math.IsInf(epsilon, 1) {
		return 0, ErrEpsilon
	}
	if err := checkDelta(delta); err != nil {
		return 0, err
	}
	if err := checkHypotheses(hypotheses); err != nil {
		return 0, err
	}
	c := complexity(hypotheses, delta)
	v := c / (2 * epsilon * epsilon)
	if !(v < 0x1p63) {
		return 0, ErrTooManySamples
	}
	n := max(1, int64(math.Ceil(v)))
	if v < 0x1p53 {
		for n > 1 && finiteClass(float64(n-1), c) <= epsilon {
			n--
		}
		for finiteClass(float64(n), c) > epsilon {
			n++
		}
	}
	return n, nil
}

// VCBound returns Vapnik's bound for a class of VC dimension d on n >= d
// samples at confidence 1 - δ,
//
//	ε = sqrt((d·(ln(2n/d) + 1) + ln(4/δ)) / n)
//
// With probability at least 1 - δ over n i.i.d. samples, every
// classifier h of a class of VC dimension d, under the 0-1 loss (or any
// loss in [0, 1] of a class whose loss functions have VC dimension d),
// has R(h) <= R_n(h) + ε: an agnostic bound, uniform over the class,
// through the growth function Π(2n) <= (2en/d)^d of Sauer's lemma.
//
// It returns ErrSampleSize for n < 1, ErrVCDimension for d < 1 or d > n,
// and ErrDelta for δ outside (0, 1).
func VCBound(n int, vcDim int, delta float64) (float64, error) {
	if n < 1 {
		return 0, ErrSampleSize
	}
	if vcDim < 1 || vcDim > n {
		return 0, ErrVCDimension
	}
	if err := checkDelta(delta); err != nil {
		return 0, err
	}
	fn, d := float64(n), float64(vcDim)
	return math.Sqrt((float64(d*(math.Log(2*fn/d)+1)) + logOver(4, delta)) / fn), nil
}

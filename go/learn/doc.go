// Package learn holds results of statistical learning theory for mlmath:
// generalization bounds (Hoeffding's inequality for one hypothesis, the
// union bound over a finite class, Vapnik's bound for a class of finite VC
// dimension), the sample complexity of a finite class, and the
// bias-variance decomposition of the squared error of an ensemble.
//
// # The bounds
//
// The bounds are agnostic uniform-convergence bounds. They assume n i.i.d.
// samples from a fixed distribution and a loss bounded in [0, 1] (the 0-1
// loss of a classifier, for VCBound), and say that with probability at
// least 1 - δ over the draw of the samples the true risk R(h) and the
// empirical risk R_n(h) on the samples are within ε:
//
//	|R(h) - R_n(h)| <= ε   (HoeffdingBound: one hypothesis h fixed before the samples are drawn;
//	                        FiniteClassBound: every h of a finite class at once)
//	R(h) <= R_n(h) + ε     (VCBound: every h of a class of VC dimension d)
//
// Agnostic means that no hypothesis needs zero risk; in the realizable
// case (some h has R(h) = 0) tighter bounds in 1/n instead of 1/√n hold,
// which these functions do not compute. The ε returned are exact
// evaluations of the formulas, correctly bounded only as the theorems
// are: they can exceed 1, where they say nothing.
//
// # Errors
//
// A sample size n below 1, a δ outside (0, 1), an ε that is not positive
// and finite, a hypothesis count that is not a finite number >= 1, or a VC
// dimension outside [1, n] is an error of kind Domain (a ValueError in
// Python); no function returns NaN or an infinite ε. The logarithms
// ln(2/δ) and ln(4/δ) are taken of the quotient, as written, except for a
// subnormal δ, where the quotient would overflow: there they are
// ln 2 - ln δ and ln 4 - ln δ.
//
// # The bias-variance decomposition
//
// BiasVariance follows mlmath's numpy reference: every mean is numpy's
// sum in pairwise order divided by the count, taken over the models for
// each point (along the rows of a contiguous copy of the transposed
// predictions) and then over the points. Products are rounded before they
// are added (explicit float64 conversions keep the Go compiler from fusing
// them into FMA instructions), so results match that reference to the bit.
//
// Conventions, as in the other core packages: slices whose lengths
// disagree with the dimensions they come with are programmer errors and
// panic with ErrShape; data-dependent failures are returned as errors.
package learn

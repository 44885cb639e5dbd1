// Package calculus computes numerical derivatives of functions given as Go
// callbacks, and runs gradient descent, for mlmath's calculus functions.
//
// A function from Rⁿ to Rᵐ is a Func: it writes f(x) into out. The callers
// of this package (the C adapter, whose Funcs call back into Python) may
// fail inside f; such an error stops the computation at once and is
// returned unchanged, so the caller sees its own error.
//
// Derivatives are central differences with the step
//
//	h_i = eps^(1/3)·max(1, |x_i|)      (first derivatives)
//	h_i = eps^(1/4)·max(1, |x_i|)      (second derivatives, Hessian)
//
// unless the caller gives one h for every coordinate. eps^(1/3) balances
// the O(h²) truncation error of a central difference against the
// O(eps/h) rounding error of f, for an error of about eps^(2/3) ≈ 4e-11
// relative to the scale of f; eps^(1/4) does the same for the second
// difference, whose rounding error is O(eps/h²).
//
// Conventions, as in the other core packages: slices whose lengths
// disagree with the dimensions are programmer errors and panic with
// ErrShape; data-dependent failures are returned as errors.
package calculus

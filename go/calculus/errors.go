package calculus

import "mlmath/internal/errkind"

var (
	// ErrShape is the panic value when a slice length disagrees with the
	// dimensions it is given with.
	ErrShape = errkind.New(errkind.Shape, "calculus: dimension mismatch")
	// ErrStep is returned for a step h that is negative, NaN or infinite.
	ErrStep = errkind.New(errkind.Domain, "calculus: the step h must be a positive finite number")
	// ErrDescent is returned for a learning rate that is not positive and
	// finite, a negative iteration budget or a negative or non-finite
	// tolerance.
	ErrDescent = errkind.New(errkind.Domain, "calculus: invalid gradient descent parameters")
	// ErrGradientNotFinite is returned by GradientDescent when the gradient
	// at the current point holds NaN or Inf: the iteration diverged (a
	// learning rate too large) or left f's domain.
	ErrGradientNotFinite = errkind.New(errkind.Domain, "calculus: the gradient is not finite")
	// ErrUnknownObjective is returned by Lookup for a name it does not know.
	ErrUnknownObjective = errkind.New(errkind.Domain, "calculus: unknown objective")
	// ErrObjectiveSize is returned by Objective.Check for a point of a
	// dimension the objective is not defined for.
	ErrObjectiveSize = errkind.New(errkind.Shape, "calculus: the objective is not defined for this dimension")
)

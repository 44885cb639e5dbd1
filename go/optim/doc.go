// Package optim holds the update rules of torch.optim (SGD, Adam and
// AdamW, RMSprop, Adagrad), applied to one parameter slice at a time, for
// mlmath's optimizers.
//
// The caller owns everything: the parameter p, which Step updates in place;
// the gradient g, which Step only reads; and the optimizer's state for that
// parameter (momentum buffers, moment estimates), slices of len(p) that
// Step reads and updates. The Python objects of mlmath keep these arrays,
// one set per parameter and per optimizer instance, so the state survives
// between calls and nothing allocated in Go is kept. An optimizer value is
// only its hyperparameters: it is safe to copy and to use concurrently on
// different parameters.
//
// # Agreement with torch
//
// Each Step is the per-parameter body of torch 2.x's _single_tensor_*
// implementation, the one torch.optim runs on CPU tensors, written as one
// loop over the elements with torch's order of floating-point operations:
// add(x, y, alpha=a) is x + a·y; addcmul(x, y, z, value=c) is x + (c·y)·z;
// addcdiv(x, y, z, value=c) is x + (c·y)/z; lerp(a, b, w) is
// a + w·(b - a) when |w| < 0.5 and b - (b - a)·(1 - w) otherwise; weight
// decay forms g + wd·p on the fly (g itself is never written). Every
// product is rounded before it is added: explicit float64 conversions stop
// the Go compiler from fusing them into FMA instructions, which it may do
// on arm64 or with GOAMD64=v3. The bias corrections 1 - β^t use a
// correctly rounded power, as Python's float power (C pow) is in practice,
// rather than math.Pow, which rounds at every squaring and so errs by more
// ulps the larger t (it misses the correctly rounded β^t for most t).
//
// So each result is exactly that of the same formulas evaluated one
// rounded operation at a time, in this order, as numpy evaluates them
// (mlmath's reference implementation), with no dependence on the CPU or
// the build. torch itself evaluates some of these operations (add with
// alpha, lerp) with fused multiply-adds in its vectorized CPU kernels:
// against torch, expect agreement to about an ulp per step, not always to
// the bit.
//
// Conventions, as in the other core packages: a state slice or gradient
// whose length differs from len(p) is a programmer error and panics with
// ErrShape, as does a step number t below 1 (ErrStep). Hyperparameters are
// not checked here: the Python layer checks them as torch does.
package optim

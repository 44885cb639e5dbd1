// Package nn holds the neural-network pieces of mlmath: activations and
// their derivatives, softmax and its relatives, losses, and the notes'
// two-layer sigmoid network with its gradients and a mini-batch training
// loop.
//
// Matrices are dense, row-major float64 slices: an r×c matrix stores
// element (i, j) at index i*c+j. The row-wise functions (Softmax,
// LogSoftmax, LogSumExp, SoftmaxCrossEntropy) work along the last axis; the
// Python layer moves any other axis there first. A slice that is modified
// is named dst (or after what it receives: a1, dw1, ...); elementwise
// functions allow dst to be x itself.
//
// # What each function agrees with
//
// The oracles are scipy.special (sigmoid = expit, softmax, log_softmax,
// logsumexp), sklearn.metrics.log_loss (BinaryCrossEntropy) and torch
// (BCEWithLogits, SoftmaxCrossEntropy = torch.nn.functional.cross_entropy,
// mean reduction). Each function follows its oracle's algorithm: the same
// shift by the row maximum, the same treatment of ±Inf and NaN, and every
// sum of a vector in numpy's pairwise order (np.sum: blocks of up to 128
// summed with 8 interleaved accumulators, longer vectors split in halves).
// Products are rounded before they are added (explicit float64
// conversions keep the Go compiler from fusing them into FMA
// instructions). What remains is the elementary functions: Go's math.Exp,
// Log, Log1p and Tanh, numpy's SIMD loops and the C library may each round
// differently, by an ulp, so results agree with numpy's to a few ulps, not
// always to the bit. Sigmoid uses the two-branch form e/(1+e) for x < 0,
// where expit computes 1/(1+exp(-x)): the two differ by up to 3 ulps
// there.
//
// Matrix products use the kernels of mlmath/internal/kernel, whose
// summation order differs from a BLAS's: Forward and Backward agree with a
// numpy implementation to a few ulps times the length of the inner
// products, not bit for bit.
//
// Conventions, as in the other core packages: slices whose lengths
// disagree with the dimensions they come with are programmer errors and
// panic with ErrShape; data-dependent failures (a class label out of
// range) are returned as errors.
package nn

package kernel

import "mlmath/internal/parallel"

const (
	// dotChunk bounds the chunk length of a long Dot: n elements are cut
	// into parallel.Chunks(n, dotChunk) chunks of nearly equal length (a
	// multiple of 64, parallel.Even), a function of n alone. Partial sums
	// are formed per chunk and added in chunk order, so the result does not
	// depend on how many goroutines computed the chunks, nor on which.
	dotChunk = 1 << 15
	// dotAlign keeps every chunk but the last a multiple of the widest
	// kernel's 32-element step.
	dotAlign = 64
	// dotParallelMin is the length from which Dot goes chunked and parallel.
	dotParallelMin = 1 << 16
)

// Dot returns sum_i x[i]*y[i]. It panics if len(x) != len(y); empty vectors
// give 0. The result is deterministic: it does not depend on GOMAXPROCS.
func Dot(x, y []float64) float64 {
	if len(x) != len(y) {
		panic("kernel: Dot: len(x) != len(y)")
	}
	if len(x) < 8 {
		return dotGeneric(x, y) // not worth an assembly call
	}
	if len(x) < dotParallelMin {
		return dotSerial(x, y)
	}
	return dotChunked(x, y)
}

// dotChunked computes a long inner product as chunks of one size, on the
// caller and the helpers of package parallel, and adds the chunk sums in
// chunk order: the result is the same whichever goroutine computed which
// chunk.
func dotChunked(x, y []float64) float64 {
	chunk := parallel.Even(len(x), dotChunk, dotAlign)
	partial := make([]float64, parallel.Chunks(len(x), chunk))
	parallel.For(len(x), chunk, func(c, lo, hi int) {
		partial[c] = dotSerial(x[lo:hi], y[lo:hi])
	})
	var s float64
	for _, v := range partial {
		s += v
	}
	return s
}

// dotGeneric is the pure-Go inner product with four independent
// accumulators (len(y) >= len(x)).
func dotGeneric(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		xs := x[i : i+4 : i+4]
		ys := y[i : i+4 : i+4]
		s0 += xs[0] * ys[0]
		s1 += xs[1] * ys[1]
		s2 += xs[2] * ys[2]
		s3 += xs[3] * ys[3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// dotSerial returns the inner product of x and y[:len(x)] on the calling
// goroutine, with the kernel set in use.
func dotSerial(x, y []float64) float64 { return active.dot(x, y) }

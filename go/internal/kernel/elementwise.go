package kernel

import "mlmath/internal/parallel"

// The pure-Go elementwise kernels: dst[i] = x[i] op y[i] over len(dst)
// elements (x and y are at least that long). One IEEE operation per
// element, so every kernel set gives bitwise the same result.

func addGeneric(dst, x, y []float64) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = x[i] + y[i]
	}
}

func subGeneric(dst, x, y []float64) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = x[i] - y[i]
	}
}

func scaleGeneric(dst []float64, c float64, x []float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] = c * x[i]
	}
}

// elemChunk bounds how many elements one goroutine handles at a time in
// long elementwise loops: 1<<15 float64s (256 KiB per operand), in chunks
// of nearly equal length (elemChunkOf).
const elemChunk = 1 << 15

// elemChunkOf is the chunk length for n elements: parallel.Even's (64 keeps
// chunks a multiple of every kernel's step). Elementwise results do not
// depend on it; only the balance between threads does.
func elemChunkOf(n int) int { return parallel.Even(n, elemChunk, 64) }

// Add computes dst[i] = x[i] + y[i]. It panics unless the three lengths
// are equal.
func Add(dst, x, y []float64) {
	checkElementwise("Add", dst, x, y)
	parallel.For(len(dst), elemChunkOf(len(dst)), func(_, lo, hi int) { active.add(dst[lo:hi], x[lo:hi], y[lo:hi]) })
}

// Sub computes dst[i] = x[i] - y[i]. It panics unless the three lengths
// are equal.
func Sub(dst, x, y []float64) {
	checkElementwise("Sub", dst, x, y)
	parallel.For(len(dst), elemChunkOf(len(dst)), func(_, lo, hi int) { active.sub(dst[lo:hi], x[lo:hi], y[lo:hi]) })
}

// Scale computes dst[i] = c * x[i]. It panics unless the lengths are
// equal.
func Scale(dst []float64, c float64, x []float64) {
	checkElementwise("Scale", dst, x, x)
	parallel.For(len(dst), elemChunkOf(len(dst)), func(_, lo, hi int) { active.scale(dst[lo:hi], c, x[lo:hi]) })
}

func checkElementwise(name string, dst, x, y []float64) {
	if len(x) != len(dst) || len(y) != len(dst) {
		panic("kernel: " + name + ": slice lengths differ")
	}
}

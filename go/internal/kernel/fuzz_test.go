package kernel

import (
	"math"
	"strings"
	"testing"

	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
)

// fuzzKernelPanic checks that p is nil when ok, and otherwise a panic with
// a message starting with "kernel: " (the documented form).
func fuzzKernelPanic(t *testing.T, what string, p any, ok bool) {
	t.Helper()
	s, isString := p.(string)
	if ok && p != nil || !ok && !(isString && strings.HasPrefix(s, "kernel: ")) {
		t.Fatalf("%s: valid %v, panic %v", what, ok, p)
	}
}

// FuzzGemm calls Gemm and GemmSub on decoded shapes, strides (padding
// included; too small ones and negative dimensions now and then), slices
// (too short now and then), values and worker counts, on the kernel set in
// use. It checks that a panic is the documented "kernel: " one and only
// for bad arguments; that C's old contents (NaN) do not leak into Gemm's
// result; that the padding of C and the inputs are not touched; and that
// each entry agrees with a triple loop within k·eps·Σ|a_il·b_lj| (exactly
// for NaN and Inf, where the finite products do not overflow). The seed
// corpus is in testdata/fuzz/FuzzGemm.
func FuzzGemm(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		m, n, k := r.Intn(26), r.Intn(26), r.Intn(26)
		if r.Byte() >= 0xF8 {
			m = -1 - r.Intn(3)
		}
		lda, ldb, ldc := max(k, 0)+r.Intn(3), n+r.Intn(3), n+r.Intn(3)
		if r.Byte() >= 0xF0 {
			lda-- // now and then too small
		}
		short := r.Byte() >= 0xF0
		size := func(rows, ld, cols int) int {
			if rows <= 0 || cols <= 0 {
				return 0
			}
			return (rows-1)*ld + cols
		}
		la, lb, lc := size(m, lda, k), size(k, ldb, n), size(m, ldc, n)
		short = short && lc > 0
		if short {
			lc--
		}
		a, b := r.Floats(la), r.Floats(lb)
		sub := r.Bool()
		c := make([]float64, lc)
		c0 := make([]float64, lc)
		for i := range c {
			c0[i] = r.Float()
			if !sub {
				c0[i] = math.NaN() // must not leak into Gemm's result
			}
		}
		copy(c, c0)
		a0, b0 := append([]float64(nil), a...), append([]float64(nil), b...)
		workers := [...]int{0, 1, 3, -2}[r.Intn(4)]
		valid := m >= 0 && lda >= k && ldb >= n && ldc >= n && !short
		var p any
		if sub {
			p = testdata.Panics(func() { GemmSub(m, n, k, a, lda, b, ldb, c, ldc, workers) })
		} else {
			p = testdata.Panics(func() { Gemm(m, n, k, a, lda, b, ldb, c, ldc, workers) })
		}
		fuzzKernelPanic(t, "Gemm", p, valid)
		if !fuzzdata.SameSlices(a0, a) {
			t.Fatal("Gemm modified a")
		}
		if !fuzzdata.SameSlices(b0, b) {
			t.Fatal("Gemm modified b")
		}
		if !valid {
			return
		}
		for i := range m {
			for j := range ldc {
				idx := i*ldc + j
				if idx >= lc {
					break
				}
				if j >= n {
					if !fuzzdata.Same(c[idx], c0[idx]) {
						t.Fatalf("Gemm wrote into the padding of C at (%d, %d)", i, j)
					}
					continue
				}
				start := 0.0
				if sub {
					start = c0[idx]
				}
				var ai []float64 // row i of A, none when k = 0
				if k > 0 {
					ai = a[i*lda : i*lda+k]
				}
				checkGemmEntry(t, c[idx], start, sub, ai, b, j, ldb)
			}
		}
	})
}

// checkGemmEntry compares got with start ± Σ_l ai[l]·b[l*ldb+j].
func checkGemmEntry(t *testing.T, got, start float64, sub bool, ai, b []float64, j, ldb int) {
	t.Helper()
	sign := 1.0
	if sub {
		sign = -1
	}
	col := make([]float64, len(ai))
	for l := range col {
		col[l] = b[l*ldb+j]
	}
	if want, ok := fuzzdata.ProductSum(got, start, sign, ai, col); !ok {
		t.Fatalf("Gemm entry %v, want %v (row %v, column %d, start %v)", got, want, ai, j, start)
	}
}

// FuzzVectorKernels calls Dot, Add, Sub, Scale, Axpy and Rot on decoded
// vectors (lengths that differ now and then; NaN, ±Inf, -0, subnormals,
// huge values). It checks the "kernel: " panics for lengths that differ;
// Add, Sub and Scale bit for bit against one IEEE operation per element;
// Axpy against y + α·x rounded once or twice (FMA or not); Rot within two
// roundings of each product; and Dot against a plain loop within
// n·eps·Σ|x_i·y_i|. The seed corpus is in testdata/fuzz/FuzzVectorKernels.
func FuzzVectorKernels(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(70)
		x := r.Floats(n)
		y := r.Floats(r.Length(70, n))
		alpha, c, s := r.Float(), r.Float(), r.Float()
		same := len(y) == n

		var dot float64
		p := testdata.Panics(func() { dot = Dot(x, y) })
		fuzzKernelPanic(t, "Dot", p, same)
		if !same {
			fuzzKernelPanic(t, "Add", testdata.Panics(func() { Add(make([]float64, n), x, y) }), false)
			fuzzKernelPanic(t, "Axpy", testdata.Panics(func() { Axpy(y, alpha, x) }), false)
			fuzzKernelPanic(t, "Rot", testdata.Panics(func() { Rot(x, y, c, s) }), false)
			fuzzKernelPanic(t, "Scale", testdata.Panics(func() { Scale(y, alpha, x) }), false)
			return
		}
		var want, abs float64
		for i := range x {
			want += x[i] * y[i]
			abs += math.Abs(x[i] * y[i])
		}
		if fuzzdata.Finite(x...) && fuzzdata.Finite(y...) && !math.IsInf(abs, 0) {
			if tol := 2*float64(n)*0x1p-52*abs + float64(n)*math.SmallestNonzeroFloat64; math.Abs(dot-want) > tol {
				t.Fatalf("Dot(%v, %v) = %v, want %v within %v", x, y, dot, want, tol)
			}
		}

		dst := make([]float64, n)
		for _, e := range []struct {
			name string
			f    func()
			want func(i int) float64
		}{
			{"Add", func() { Add(dst, x, y) }, func(i int) float64 { return x[i] + y[i] }},
			{"Sub", func() { Sub(dst, x, y) }, func(i int) float64 { return x[i] - y[i] }},
			{"Scale", func() { Scale(dst, alpha, x) }, func(i int) float64 { return alpha * x[i] }},
		} {
			e.f()
			for i := range dst {
				if !fuzzdata.Same(dst[i], e.want(i)) {
					t.Fatalf("%s[%d] = %v, want %v", e.name, i, dst[i], e.want(i))
				}
			}
		}

		ax := append([]float64(nil), y...)
		Axpy(ax, alpha, x)
		for i := range ax {
			if !fuzzdata.Same(ax[i], y[i]+alpha*x[i]) && !fuzzdata.Same(ax[i], math.FMA(alpha, x[i], y[i])) {
				t.Fatalf("Axpy: y[%d] = %v, want %v + %v·%v", i, ax[i], y[i], alpha, x[i])
			}
		}

		rx, ry := append([]float64(nil), x...), append([]float64(nil), y...)
		Rot(rx, ry, c, s)
		for i := range rx {
			wx, wy := c*x[i]-s*y[i], s*x[i]+c*y[i]
			tx := 2 * 0x1p-52 * (math.Abs(c*x[i]) + math.Abs(s*y[i]))
			ty := 2 * 0x1p-52 * (math.Abs(s*x[i]) + math.Abs(c*y[i]))
			if !rotClose(rx[i], wx, tx) || !rotClose(ry[i], wy, ty) {
				t.Fatalf("Rot(%v, %v, c=%v, s=%v) = %v, %v; want %v, %v", x[i], y[i], c, s, rx[i], ry[i], wx, wy)
			}
		}
	})
}

// rotClose reports whether got is want within tol where both are finite
// and tol is, or the same NaN or infinity otherwise (an FMA may keep an
// intermediate product from overflowing: then anything goes).
func rotClose(got, want, tol float64) bool {
	switch {
	case math.IsInf(tol, 0) || math.IsNaN(tol):
		return true
	case !fuzzdata.Finite(want) || !fuzzdata.Finite(got):
		return fuzzdata.Same(got, want)
	}
	return math.Abs(got-want) <= tol+math.SmallestNonzeroFloat64
}

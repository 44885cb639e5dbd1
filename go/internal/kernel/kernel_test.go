package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
)

const eps = 0x1p-52

// mat is a row-major matrix with a row stride that may exceed its width.
type mat struct {
	r, c, ld int
	d        []float64
}

func newMat(rng *rand.Rand, r, c, pad int) mat {
	ld := c + pad
	n := 0
	if r > 0 {
		n = (r-1)*ld + c
	}
	d := make([]float64, n)
	for i := range d {
		d[i] = rng.NormFloat64()
	}
	return mat{r, c, ld, d}
}

// naiveGemm returns A·B and the elementwise bound sum_p |a_ip*b_pj|.
func naiveGemm(a, b mat) (ref, abs []float64) {
	m, n, k := a.r, b.c, a.c
	ref = make([]float64, m*n)
	abs = make([]float64, m*n)
	for i := range m {
		for j := range n {
			var s, t float64
			for p := range k {
				v := a.d[i*a.ld+p] * b.d[p*b.ld+j]
				s += v
				t += math.Abs(v)
			}
			ref[i*n+j], abs[i*n+j] = s, t
		}
	}
	return ref, abs
}

// checkGemmResult compares c (row stride ldc) against the naive result.
func checkGemmResult(t *testing.T, m, n, k int, c []float64, ldc int, ref, abs []float64) {
	t.Helper()
	bad := 0
	for i := range m {
		for j := range n {
			got, want := c[i*ldc+j], ref[i*n+j]
			if sameSpecial(got, want) {
				continue
			}
			tol := float64(k+2) * eps * abs[i*n+j]
			if !(math.Abs(got-want) <= tol) {
				if bad++; bad <= 5 {
					t.Errorf("C[%d][%d] = %v, want %v (tol %g)", i, j, got, want, tol)
				}
			}
		}
	}
	if bad > 5 {
		t.Errorf("... %d mismatches in total", bad)
	}
}

func sameSpecial(got, want float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return got == want
	}
	return false
}

type gemmCase struct {
	m, n, k          int
	padA, padB, padC int
}

var gemmCases = []gemmCase{
	{0, 0, 0, 0, 0, 0}, {0, 5, 3, 0, 0, 0}, {5, 0, 3, 0, 0, 0}, {5, 4, 0, 0, 0, 0},
	{0, 5, 3, 2, 1, 1}, {4, 3, 0, 1, 2, 3},
	{1, 1, 1, 0, 0, 0}, {1, 1, 1, 3, 3, 3},
	{7, 13, 5, 0, 0, 0}, {13, 7, 5, 2, 3, 4},
	{1, 100, 50, 0, 0, 0}, {100, 1, 50, 0, 0, 0}, {50, 60, 1, 0, 0, 0},
	{6, 8, 40, 0, 0, 0}, {12, 16, 300, 0, 0, 0},
	{31, 33, 37, 0, 0, 0}, {32, 32, 32, 0, 0, 0}, {33, 32, 32, 0, 0, 0},
	{64, 64, 64, 0, 0, 0}, {65, 67, 63, 5, 7, 9},
	{97, 101, 257, 0, 0, 0}, {193, 9, 513, 1, 0, 2},
	{300, 200, 129, 0, 0, 0}, {300, 200, 129, 11, 13, 17},
	{200, 300, 129, 0, 0, 0},
	{131, 517, 67, 3, 5, 7}, // parallel, split along N, ragged edges
	{5, 4100, 20, 0, 0, 0},  // more than one NC panel
	{101, 4105, 3, 3, 0, 0}, // NC edge with a ragged last sliver
}

// TestGemm checks Gemm against the naive product for every case and several
// worker counts, with C pre-filled with NaN.
func TestGemm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range gemmCases {
		a := newMat(rng, tc.m, tc.k, tc.padA)
		b := newMat(rng, tc.k, tc.n, tc.padB)
		ref, abs := naiveGemm(a, b)
		for _, ar := range supported() {
			for _, workers := range []int{0, 1, 2, 3, 8} {
				name := fmt.Sprintf("%s/%dx%dx%d/pad=%d,%d,%d/w=%d", ar.name, tc.m, tc.n, tc.k, tc.padA, tc.padB, tc.padC, workers)
				t.Run(name, func(t *testing.T) {
					ldc := tc.n + tc.padC
					c := make([]float64, max(0, (tc.m-1)*ldc+tc.n)+tc.padC)
					for i := range c {
						c[i] = math.NaN() // must be overwritten, not read
					}
					gemm(ar, overwrite, tc.m, tc.n, tc.k, a.d, a.ld, b.d, b.ld, c, ldc, workers)
					checkGemmResult(t, tc.m, tc.n, tc.k, c, ldc, ref, abs)
					// The padding between rows of C is untouched.
					for i := range tc.m {
						for j := tc.n; j < ldc && i*ldc+j < len(c); j++ {
							if !math.IsNaN(c[i*ldc+j]) {
								t.Fatalf("padding C[%d][%d] overwritten", i, j)
							}
						}
					}
				})
			}
		}
	}
}

// TestGemmPackedPath runs the blocked algorithm of every kernel set on
// shapes below the small threshold as well, so every edge-tile combination
// goes through packing, for both modes.
func TestGemmPackedPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, ar := range supported() {
		for m := 1; m <= 2*ar.mr+2; m++ {
			for n := 1; n <= 2*ar.nr+2; n += 1 + n/6 {
				for _, k := range []int{1, 2, 3, 5, 8} {
					a := newMat(rng, m, k, 1)
					b := newMat(rng, k, n, 2)
					ref, abs := naiveGemm(a, b)
					ldc := n + 3
					c := make([]float64, (m-1)*ldc+n)
					gemmSerial(ar, overwrite, m, n, k, a.d, a.ld, b.d, b.ld, c, ldc)
					checkGemmResult(t, m, n, k, c, ldc, ref, abs)
					// C - A·B from C = A·B is zero up to rounding.
					gemmSerial(ar, subtract, m, n, k, a.d, a.ld, b.d, b.ld, c, ldc)
					zero := make([]float64, m*n)
					checkGemmResult(t, m, n, k, c, ldc, zero, abs)
				}
			}
		}
	}
}

// TestMicroKernel compares each kernel set's micro-kernel with a naive
// product of the packed slivers, overwriting and accumulating.
func TestMicroKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, ar := range supported() {
		mr, nr := ar.mr, ar.nr
		for _, k := range []int{1, 2, 3, 4, 5, 7, 8, 127, 128, 255, 256} {
			ap := make([]float64, k*mr)
			bp := make([]float64, k*nr)
			for i := range ap {
				ap[i] = rng.NormFloat64()
			}
			for i := range bp {
				bp[i] = rng.NormFloat64()
			}
			for _, accum := range []bool{false, true} {
				ldc := nr + 3
				c := make([]float64, mr*ldc)
				for i := range c {
					c[i] = float64(i)
				}
				ar.micro(k, ap, bp, c, ldc, accum)
				for i := range mr {
					for j := range ldc {
						want, bound := float64(i*ldc+j), 0.0
						if j < nr {
							if !accum {
								want = 0
							}
							for p := range k {
								want += ap[p*mr+i] * bp[p*nr+j]
								bound += math.Abs(ap[p*mr+i] * bp[p*nr+j])
							}
						}
						if got := c[i*ldc+j]; !(math.Abs(got-want) <= float64(k+2)*eps*(bound+math.Abs(want))) {
							t.Fatalf("%s k=%d accum=%v: c[%d][%d] = %v, want %v", ar.name, k, accum, i, j, got, want)
						}
					}
				}
			}
		}
	}
}

func TestGemmNaNInf(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, size := range []int{3, 20, 70} { // small path and packed path
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			m, n, k := size, size+1, size+2
			a := make([]float64, m*k) // all zeros
			b := make([]float64, k*n)
			for i := range b {
				b[i] = 1
			}
			a[0*k+1] = inf // row 0: Inf * 1 = Inf
			a[1*k+2] = nan // row 1: NaN
			b[3*n+2] = inf // column 2: 0 * Inf = NaN in every row
			b[4*n+2] = 0
			ref, abs := naiveGemm(mat{m, k, k, a}, mat{k, n, n, b})
			for _, ar := range supported() {
				c := make([]float64, m*n)
				gemm(ar, overwrite, m, n, k, a, k, b, n, c, n, 2)
				checkGemmResult(t, m, n, k, c, n, ref, abs)
				if !math.IsNaN(c[0*n+2]) || !math.IsNaN(c[(m-1)*n+2]) {
					t.Errorf("0*Inf did not give NaN: %v %v", c[0*n+2], c[(m-1)*n+2])
				}
				if !math.IsInf(c[0*n+0], 1) {
					t.Errorf("Inf*1 = %v, want +Inf", c[0])
				}
				if !math.IsNaN(c[1*n+0]) {
					t.Errorf("NaN did not propagate: %v", c[n])
				}
				if c[(m-1)*n+0] != 0 {
					t.Errorf("zero row gave %v", c[(m-1)*n])
				}
			}
		})
	}
}

func TestGemmConcurrent(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	shapes := [][3]int{{70, 50, 40}, {9, 130, 66}, {128, 96, 300}, {5, 5, 5}}
	type job struct {
		a, b     mat
		ref, abs []float64
	}
	jobs := make([]job, len(shapes))
	for i, s := range shapes {
		a, b := newMat(rng, s[0], s[2], 1), newMat(rng, s[2], s[1], 0)
		ref, abs := naiveGemm(a, b)
		jobs[i] = job{a, b, ref, abs}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for rep := range 3 {
				j := jobs[(g+rep)%len(jobs)]
				m, n, k := j.a.r, j.b.c, j.a.c
				c := make([]float64, m*n)
				Gemm(m, n, k, j.a.d, j.a.ld, j.b.d, j.b.ld, c, n, 1+g%3)
				checkGemmResult(t, m, n, k, c, n, j.ref, j.abs)
			}
		})
	}
	wg.Wait()
}

func TestGemmPanics(t *testing.T) {
	ok := make([]float64, 12)
	cases := []struct {
		name string
		f    func()
	}{
		{"short a", func() { Gemm(3, 4, 3, ok[:8], 3, ok, 4, ok, 4, 1) }},
		{"short b", func() { Gemm(3, 4, 3, ok, 3, ok[:11], 4, ok, 4, 1) }},
		{"short c", func() { Gemm(3, 4, 3, ok, 3, ok, 4, ok[:11], 4, 1) }},
		{"lda", func() { Gemm(3, 4, 3, ok, 2, ok, 4, ok, 4, 1) }},
		{"ldb", func() { Gemm(3, 4, 3, ok, 3, ok, 3, ok, 4, 1) }},
		{"ldc", func() { Gemm(3, 4, 3, ok, 3, ok, 4, ok, 3, 1) }},
		{"negative", func() { Gemm(-1, 4, 3, ok, 3, ok, 4, ok, 4, 1) }},
		{"dot length", func() { Dot(ok[:3], ok[:4]) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "kernel: ") {
					t.Fatalf("panic value %v, want a \"kernel: \" message", r)
				}
			}()
			tc.f()
		})
	}
}

// dotRef returns a compensated (exact-product, Neumaier-summed) reference
// and sum |x_i*y_i|.
func dotRef(x, y []float64) (s, abs float64) {
	var comp float64
	for i := range x {
		p := x[i] * y[i]
		pe := math.FMA(x[i], y[i], -p) // exact error of the product
		abs += math.Abs(p)
		for _, v := range [2]float64{p, pe} {
			t := s + v
			if math.Abs(s) >= math.Abs(v) {
				comp += (s - t) + v
			} else {
				comp += (v - t) + s
			}
			s = t
		}
	}
	return s + comp, abs
}

func TestDot(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	sizes := []int{0, 1, 2, 3, 4, 5, 7, 15, 16, 17, 31, 33, 63, 64, 65, 100, 1000, 1023,
		dotChunk - 1, dotChunk, dotParallelMin - 1, dotParallelMin, dotParallelMin + 5, 3*dotChunk + 17, 1_000_000}
	for _, n := range sizes {
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = rng.NormFloat64(), rng.NormFloat64()
		}
		got := Dot(x, y)
		want, abs := dotRef(x, y)
		if tol := float64(n+1) * eps * abs; !(math.Abs(got-want) <= tol) {
			t.Errorf("n=%d: Dot = %v, want %v (tol %g)", n, got, want, tol)
		}
		for _, ar := range supported() {
			if g := ar.dot(x, y); !(math.Abs(g-want) <= float64(n+1)*eps*abs) {
				t.Errorf("n=%d: %s dot = %v, want %v", n, ar.name, g, want)
			}
		}
	}
}

func TestDotSpecial(t *testing.T) {
	for _, n := range []int{3, 40, dotParallelMin + 3} {
		x, y := make([]float64, n), make([]float64, n)
		x[n-1] = math.Inf(1) // Inf * 0 in the tail or the last chunk
		if v := Dot(x, y); !math.IsNaN(v) {
			t.Errorf("n=%d: Inf*0 gave %v, want NaN", n, v)
		}
		x[n-1], y[n-1] = 2, math.Inf(-1)
		if v := Dot(x, y); !math.IsInf(v, -1) {
			t.Errorf("n=%d: 2*-Inf gave %v, want -Inf", n, v)
		}
	}
}

// TestDotDeterministic checks that the result does not depend on GOMAXPROCS.
func TestDotDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n := 10*dotChunk + 123
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i] = rng.NormFloat64()*1e3, rng.NormFloat64()
	}
	old := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(old)
	want := Dot(x, y)
	for _, p := range []int{2, 3, 7} {
		runtime.GOMAXPROCS(p)
		for range 5 {
			if got := Dot(x, y); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("GOMAXPROCS=%d: %v, want bit-identical %v", p, got, want)
			}
		}
	}
}

func TestDotConcurrent(t *testing.T) {
	n := 3*dotChunk + 7
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i] = float64(i%7), float64(i%5)
	}
	want := Dot(x, y)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				if got := Dot(x, y); got != want {
					t.Errorf("concurrent Dot = %v, want %v", got, want)
				}
			}
		})
	}
	wg.Wait()
}

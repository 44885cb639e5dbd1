package vec_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
	"mlmath/vec"
)

// fuzzMaxLen bounds the vectors of FuzzVec: enough for the SIMD kernels'
// main loops and tails, small enough for many execs/s.
const fuzzMaxLen = 40

// fuzzLen returns n, or now and then another length in [0, fuzzMaxLen],
// so that a mismatch is tried too.
func fuzzLen(r *fuzzdata.Reader, n int) int {
	if r.Byte() < 0xF0 {
		return n
	}
	return r.Intn(fuzzMaxLen + 1)
}

// FuzzVec calls every function of package vec on decoded vectors (NaN,
// ±Inf, ±MaxFloat64, subnormals, -0, lengths that disagree). It checks
// that a panic is only ErrLength and only for lengths that differ, that
// the elementwise results are those of one IEEE operation per element
// (aliasing dst with an input included), that Dot, the norms and the cosine
// agree with plain loops within their error bounds, and the errors of Norm.
// The seed corpus is in testdata/fuzz/FuzzVec.
func FuzzVec(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		r := fuzzdata.New(data)
		n := r.Intn(fuzzMaxLen + 1)
		ns, nt, nd := n, fuzzLen(r, n), fuzzLen(r, n)
		c := r.Float()
		ord := [...]float64{2, 1, 0, math.Inf(1), math.Inf(-1), 3, -1, math.NaN()}[r.Intn(8)]
		s, u := r.Floats(ns), r.Floats(nt)
		s0, u0 := append([]float64(nil), s...), append([]float64(nil), u...)

		elementwise := []struct {
			name string
			call func(dst []float64) []float64
			want func(i int) float64
			lens []int
		}{
			{"AddTo", func(d []float64) []float64 { return vec.AddTo(d, s, u) }, func(i int) float64 { return s[i] + u[i] }, []int{ns, nt}},
			{"SubTo", func(d []float64) []float64 { return vec.SubTo(d, s, u) }, func(i int) float64 { return s[i] - u[i] }, []int{ns, nt}},
			{"ScaleTo", func(d []float64) []float64 { return vec.ScaleTo(d, c, s) }, func(i int) float64 { return c * s[i] }, []int{ns}},
		}
		for _, e := range elementwise {
			dst := make([]float64, nd)
			var got []float64
			mismatch := nd != ns || (len(e.lens) == 2 && nt != ns)
			if p := testdata.Panics(func() { got = e.call(dst) }); p != nil || mismatch {
				if !mismatch || !fuzzdata.IsErr(p, vec.ErrLength) {
					t.Fatalf("%s: lengths dst %d, inputs %v: panic %v", e.name, nd, e.lens, p)
				}
				continue
			}
			if len(got) != nd || (nd > 0 && &got[0] != &dst[0]) {
				t.Fatalf("%s does not return dst", e.name)
			}
			for i := range dst {
				if w := e.want(i); !fuzzdata.Same(dst[i], w) {
					t.Fatalf("%s[%d] = %v, want %v (inputs %v, %v, c=%v)", e.name, i, dst[i], w, s, u, c)
				}
			}
			// dst may alias the first input.
			alias := append([]float64(nil), s...)
			s, alias = alias, s
			e.call(s)
			s, alias = alias, s
			for i := range dst {
				if !fuzzdata.Same(alias[i], dst[i]) {
					t.Fatalf("%s into its input: [%d] = %v, want %v", e.name, i, alias[i], dst[i])
				}
			}
		}

		dot, cos := 0.0, 0.0
		pd := testdata.Panics(func() { dot = vec.Dot(s, u) })
		pc := testdata.Panics(func() { cos = vec.CosineSimilarity(s, u) })
		for _, p := range []any{pd, pc} {
			if (p != nil) != (ns != nt) || p != nil && !fuzzdata.IsErr(p, vec.ErrLength) {
				t.Fatalf("Dot/CosineSimilarity of lengths %d, %d: panic %v", ns, nt, p)
			}
		}
		if ns == nt {
			checkDot(t, dot, s, u)
			checkCosine(t, cos, s, u)
		}
		checkNorm2(t, s)
		checkNorm(t, s, ord)
		if !fuzzdata.SameSlices(s0, s) {
			t.Fatalf("an input was modified")
		}
		if !fuzzdata.SameSlices(u0, u) {
			t.Fatalf("an input was modified")
		}
	})
}

// checkDot compares Dot with a plain loop: within the documented bound
// n·eps·Σ|s_i·u_i| (twice, plus the underflow of n products) for finite
// input whose products and sums do not overflow, and exactly for NaN or
// Inf in the input (NaN, or the infinity of the products).
func checkDot(t *testing.T, got float64, s, u []float64) {
	t.Helper()
	var want, abs, absFinite float64
	for i := range s {
		want += s[i] * u[i]
		abs += math.Abs(s[i] * u[i])
		if fuzzdata.Finite(s[i], u[i]) {
			absFinite += math.Abs(s[i] * u[i])
		}
	}
	if !fuzzdata.Finite(s...) || !fuzzdata.Finite(u...) {
		// Some product is NaN or infinite: where the finite ones do not
		// overflow (with or without FMA), the sum is that in any order.
		if !math.IsInf(absFinite, 0) && !fuzzdata.Same(got, want) {
			t.Fatalf("Dot(%v, %v) = %v, want %v", s, u, got, want)
		}
		return
	}
	if math.IsInf(abs, 0) {
		return // overflow: the bound says nothing (and FMA may not overflow)
	}
	n := float64(len(s))
	if tol := 2*n*0x1p-52*abs + n*math.SmallestNonzeroFloat64; math.Abs(got-want) > tol {
		t.Fatalf("Dot(%v, %v) = %v, want %v within %v", s, u, got, want, tol)
	}
}

// refNorm2 is the 2-norm computed with the vector scaled by its largest
// |entry|, which neither overflows nor underflows.
func refNorm2(s []float64) float64 {
	m := fuzzdata.MaxAbs(s)
	if m == 0 || math.IsNaN(m) || math.IsInf(m, 0) {
		return m
	}
	return m * scaledNorm(s, m)
}

func checkNorm2(t *testing.T, s []float64) {
	t.Helper()
	got, want := vec.Norm2(s), refNorm2(s)
	if math.IsNaN(want) || math.IsInf(want, 0) || want == 0 {
		if !fuzzdata.Same(math.Abs(got), want) {
			t.Fatalf("Norm2(%v) = %v, want %v", s, got, want)
		}
		return
	}
	// Scaling by m loses the bits of entries below m·2^-1074 at most.
	tol := 4*float64(len(s)+2)*0x1p-52*want + math.SmallestNonzeroFloat64
	if math.Abs(got-want) > tol {
		t.Fatalf("Norm2(%v) = %v, want %v within %v", s, got, want, tol)
	}
}

func checkNorm(t *testing.T, s []float64, ord float64) {
	t.Helper()
	got, err := vec.Norm(s, ord)
	if ord != 2 && ord != 1 && ord != 0 && !math.IsInf(ord, 0) {
		if !errors.Is(err, vec.ErrOrder) {
			t.Fatalf("Norm(%v, %v): error %v, want ErrOrder", s, ord, err)
		}
		return
	}
	if math.IsInf(ord, -1) && len(s) == 0 {
		if !errors.Is(err, vec.ErrEmpty) {
			t.Fatalf("Norm(empty, -Inf): error %v, want ErrEmpty", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Norm(%v, %v): %v", s, ord, err)
	}
	var want float64
	hasNaN := false
	for _, v := range s {
		hasNaN = hasNaN || math.IsNaN(v)
	}
	switch {
	case ord == 2:
		if !fuzzdata.Same(got, vec.Norm2(s)) {
			t.Fatalf("Norm(%v, 2) = %v, Norm2 %v", s, got, vec.Norm2(s))
		}
		return
	case ord == 0:
		for _, v := range s {
			if v != 0 {
				want++
			}
		}
	case ord == 1:
		for _, v := range s {
			want += math.Abs(v)
		}
	case math.IsInf(ord, 1):
		want = fuzzdata.MaxAbs(s)
	default:
		want = math.Inf(1)
		for _, v := range s {
			want = math.Min(want, math.Abs(v))
		}
	}
	if hasNaN && ord != 0 {
		want = math.NaN()
	}
	if !fuzzdata.Same(got, want) {
		t.Fatalf("Norm(%v, %v) = %v, want %v", s, ord, got, want)
	}
}

// checkCosine: 0 when a vector is all zeros, NaN when an entry is NaN or
// Inf, otherwise within [-1, 1] (to rounding) and the normalized dot
// product of a plain loop.
// scaledNorm is ||s/m||₂, computed on the scaled entries.
func scaledNorm(s []float64, m float64) float64 {
	var sum float64
	for _, v := range s {
		sum += (v / m) * (v / m)
	}
	return math.Sqrt(sum)
}

func checkCosine(t *testing.T, got float64, s, u []float64) {
	t.Helper()
	zero := func(v []float64) bool { return fuzzdata.MaxAbs(v) == 0 }
	switch {
	case zero(s) || zero(u):
		if got != 0 {
			t.Fatalf("CosineSimilarity(%v, %v) = %v, want 0", s, u, got)
		}
		return
	case !fuzzdata.Finite(s...) || !fuzzdata.Finite(u...):
		if !math.IsNaN(got) {
			t.Fatalf("CosineSimilarity(%v, %v) = %v, want NaN", s, u, got)
		}
		return
	}
	ms, mu := fuzzdata.MaxAbs(s), fuzzdata.MaxAbs(u)
	ns, nu := scaledNorm(s, ms), scaledNorm(u, mu)
	var want float64
	for i := range s {
		want += (s[i] / ms / ns) * (u[i] / mu / nu)
	}
	n := float64(len(s))
	if tol := 8 * (n + 2) * 0x1p-52; math.Abs(got-want) > tol || math.Abs(got) > 1+tol {
		t.Fatalf("CosineSimilarity(%v, %v) = %v, want %v within %v", s, u, got, want, tol)
	}
}

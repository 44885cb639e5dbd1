package vec_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"mlmath/internal/testdata"
	"mlmath/vec"
)

const eps = testdata.Eps

var (
	nan  = math.NaN()
	inf  = math.Inf(1)
	ninf = math.Inf(-1)
)

func sameFloat(got, want float64) bool {
	return got == want || math.IsNaN(got) && math.IsNaN(want)
}

// close reports |got - want| <= tol, with NaN and infinities matched exactly.
func close(got, want, tol float64) bool {
	if math.IsNaN(want) || math.IsInf(want, 0) || math.IsNaN(got) || math.IsInf(got, 0) {
		return sameFloat(got, want)
	}
	return math.Abs(got-want) <= tol
}

func randVec(rng *rand.Rand, n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = rng.NormFloat64()
	}
	return s
}

// exactDot returns a compensated (error-free products, Neumaier-summed)
// reference for sum s[i]*t[i] and sum |s[i]*t[i]|.
func exactDot(s, t []float64) (sum, abs float64) {
	var comp float64
	add := func(v float64) {
		x := sum + v
		if math.Abs(sum) >= math.Abs(v) {
			comp += (sum - x) + v
		} else {
			comp += (v - x) + sum
		}
		sum = x
	}
	for i := range s {
		p := s[i] * t[i]
		add(p)
		add(math.FMA(s[i], t[i], -p))
		abs += math.Abs(p)
	}
	return sum + comp, abs
}

// checkPanicLength fails unless f panics with vec.ErrLength.
func checkPanicLength(t *testing.T, name string, f func()) {
	t.Helper()
	r := testdata.Panics(f)
	if err, ok := r.(error); !ok || !errors.Is(err, vec.ErrLength) {
		t.Errorf("%s: panic value %v, want vec.ErrLength", name, r)
	}
}

func TestLengthMismatchPanics(t *testing.T) {
	a, b := make([]float64, 3), make([]float64, 2)
	cases := []struct {
		name string
		f    func()
	}{
		{"AddTo short dst", func() { vec.AddTo(b, a, a) }},
		{"AddTo short s", func() { vec.AddTo(a, b, a) }},
		{"AddTo short t", func() { vec.AddTo(a, a, b) }},
		{"AddTo nil dst", func() { vec.AddTo(nil, a, a) }},
		{"SubTo short dst", func() { vec.SubTo(b, a, a) }},
		{"SubTo short t", func() { vec.SubTo(a, a, b) }},
		{"ScaleTo short dst", func() { vec.ScaleTo(b, 2, a) }},
		{"ScaleTo short s", func() { vec.ScaleTo(a, 2, b) }},
		{"Dot", func() { vec.Dot(a, b) }},
		{"Dot empty", func() { vec.Dot(nil, b) }},
		{"CosineSimilarity", func() { vec.CosineSimilarity(b, a) }},
	}
	for _, tc := range cases {
		checkPanicLength(t, tc.name, tc.f)
	}
}

func TestElementwise(t *testing.T) {
	// Expected values are exact sums, differences and products of the
	// inputs (IEEE 754 rounds each elementwise operation correctly).
	tests := []struct {
		name      string
		s, t      []float64
		add, sub  []float64
		c         float64
		scaledByC []float64 // c * s
	}{
		{"notes", []float64{1, 2, 3}, []float64{4, 5, 6}, []float64{5, 7, 9}, []float64{-3, -3, -3}, 2, []float64{2, 4, 6}},
		{"empty", []float64{}, []float64{}, []float64{}, []float64{}, 3, []float64{}},
		{"one", []float64{-2.5}, []float64{4}, []float64{1.5}, []float64{-6.5}, -1, []float64{2.5}},
		{"nan", []float64{nan, 1}, []float64{1, nan}, []float64{nan, nan}, []float64{nan, nan}, 2, []float64{nan, 2}},
		{"inf", []float64{inf, inf, 1}, []float64{inf, ninf, ninf}, []float64{inf, nan, ninf}, []float64{nan, inf, inf}, 0, []float64{nan, nan, 0}},
		{"overflow", []float64{1e308, -1e308}, []float64{1e308, 1e308}, []float64{inf, 0}, []float64{0, ninf}, 1e10, []float64{inf, ninf}},
		{"rounding", []float64{1, 1e16}, []float64{eps / 2, 1}, []float64{1, 1e16}, []float64{1 - eps/2, 1e16}, 1, []float64{1, 1e16}},
	}
	for _, tc := range tests {
		n := len(tc.s)
		dst := make([]float64, n)
		if got := vec.AddTo(dst, tc.s, tc.t); !testdata.Same(got, tc.add) || !testdata.Same(dst, tc.add) {
			t.Errorf("%s: AddTo = %v, dst %v, want %v", tc.name, got, dst, tc.add)
		}
		dst = make([]float64, n)
		if got := vec.SubTo(dst, tc.s, tc.t); !testdata.Same(got, tc.sub) || !testdata.Same(dst, tc.sub) {
			t.Errorf("%s: SubTo = %v, dst %v, want %v", tc.name, got, dst, tc.sub)
		}
		dst = make([]float64, n)
		if got := vec.ScaleTo(dst, tc.c, tc.s); !testdata.Same(got, tc.scaledByC) || !testdata.Same(dst, tc.scaledByC) {
			t.Errorf("%s: ScaleTo(%v) = %v, dst %v, want %v", tc.name, tc.c, got, dst, tc.scaledByC)
		}
	}
}

// TestElementwiseLong covers the chunked, parallel path (lengths above one
// chunk of 1<<15) against a plain loop: each entry must be bit-identical.
func TestElementwiseLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1<<15 - 1, 1 << 15, 1<<15 + 1, 3<<15 + 17, 200_000} {
		s, u := randVec(rng, n), randVec(rng, n)
		add, sub, scl := make([]float64, n), make([]float64, n), make([]float64, n)
		vec.AddTo(add, s, u)
		vec.SubTo(sub, s, u)
		vec.ScaleTo(scl, -1.75, s)
		for i := range n {
			if add[i] != s[i]+u[i] || sub[i] != s[i]-u[i] || scl[i] != -1.75*s[i] {
				t.Fatalf("n=%d: entry %d: add %v sub %v scale %v, want %v %v %v",
					n, i, add[i], sub[i], scl[i], s[i]+u[i], s[i]-u[i], -1.75*s[i])
			}
		}
	}
}

// TestAliasing: dst may be one of the inputs (package doc).
func TestAliasing(t *testing.T) {
	for _, n := range []int{5, 3<<15 + 1} {
		rng := rand.New(rand.NewPCG(3, uint64(n)))
		s, u := randVec(rng, n), randVec(rng, n)
		want := make([]float64, n)
		for i := range want {
			want[i] = s[i] + u[i]
		}
		x := append([]float64(nil), s...)
		if got := vec.AddTo(x, x, u); !testdata.Same(x, want) || &got[0] != &x[0] {
			t.Errorf("n=%d: AddTo(dst=s) wrong or did not return dst", n)
		}
		y := append([]float64(nil), u...)
		if vec.AddTo(y, s, y); !testdata.Same(y, want) {
			t.Errorf("n=%d: AddTo(dst=t) wrong", n)
		}
		z := append([]float64(nil), s...)
		vec.AddTo(z, z, z)
		for i := range z {
			if z[i] != 2*s[i] {
				t.Fatalf("n=%d: AddTo(dst=s=t)[%d] = %v, want %v", n, i, z[i], 2*s[i])
			}
		}
		z = append(z[:0], s...)
		vec.SubTo(z, z, z)
		for i := range z {
			if z[i] != 0 {
				t.Fatalf("n=%d: SubTo(dst=s=t)[%d] = %v, want 0", n, i, z[i])
			}
		}
		z = append(z[:0], s...)
		vec.SubTo(z, u, z)
		for i := range z {
			if z[i] != u[i]-s[i] {
				t.Fatalf("n=%d: SubTo(dst=t)[%d] = %v, want %v", n, i, z[i], u[i]-s[i])
			}
		}
		z = append(z[:0], s...)
		vec.ScaleTo(z, 3, z)
		for i := range z {
			if z[i] != 3*s[i] {
				t.Fatalf("n=%d: ScaleTo(dst=s)[%d] = %v, want %v", n, i, z[i], 3*s[i])
			}
		}
	}
}

func TestInputsNotModified(t *testing.T) {
	s, u := []float64{1, -2, nan}, []float64{4, inf, 6}
	s0, u0 := append([]float64(nil), s...), append([]float64(nil), u...)
	dst := make([]float64, 3)
	vec.AddTo(dst, s, u)
	vec.SubTo(dst, s, u)
	vec.ScaleTo(dst, 2, s)
	vec.Dot(s, u)
	vec.Norm2(s)
	vec.Norm(u, 1)
	vec.CosineSimilarity(s, u)
	if !testdata.Same(s, s0) || !testdata.Same(u, u0) {
		t.Errorf("inputs modified: %v %v", s, u)
	}
}

func TestDot(t *testing.T) {
	tests := []struct {
		name string
		s, t []float64
		want float64 // exact (small integers, or IEEE special values)
	}{
		{"notes", []float64{1, 2, 3}, []float64{4, 5, 6}, 32}, // 4 + 10 + 18
		{"empty", nil, nil, 0},
		{"one", []float64{-2.5}, []float64{4}, -10},
		{"nan", []float64{1, nan, 3}, []float64{4, 5, 6}, nan},
		{"nan times zero", []float64{nan}, []float64{0}, nan},
		{"inf times zero", []float64{inf, 1}, []float64{0, 1}, nan},
		{"inf", []float64{inf, 1}, []float64{2, 1}, inf},
		{"-inf", []float64{inf, 1}, []float64{-2, 1}, ninf},
		{"inf minus inf", []float64{inf, inf}, []float64{1, -1}, nan},
		{"overflow", []float64{1e200, 1e200}, []float64{1e200, 1e200}, inf},
		{"underflow", []float64{1e-200}, []float64{1e-200}, 0},
		{"zeros", make([]float64, 17), make([]float64, 17), 0},
	}
	for _, tc := range tests {
		if got := vec.Dot(tc.s, tc.t); !sameFloat(got, tc.want) {
			t.Errorf("%s: Dot = %v, want %v", tc.name, got, tc.want)
		}
		if got := vec.Dot(tc.t, tc.s); !sameFloat(got, tc.want) {
			t.Errorf("%s: Dot (swapped) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestDotRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100, 1000, 1<<16 - 1, 1 << 16, 1<<16 + 3, 1_000_000} {
		s, u := randVec(rng, n), randVec(rng, n)
		want, abs := exactDot(s, u)
		// The bound of the doc comment: n*eps*sum|s[i]*t[i]|.
		if got, tol := vec.Dot(s, u), testdata.Safety*float64(n)*eps*abs; !(math.Abs(got-want) <= tol) {
			t.Errorf("n=%d: Dot = %v, want %v (tol %.3g)", n, got, want, tol)
		}
	}
}

// TestDotDeterministic: reductions do not depend on the number of cores.
func TestDotDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	n := 5<<15 + 11
	s, u := randVec(rng, n), randVec(rng, n)
	for i := range s {
		s[i] *= math.Exp(4 * rng.NormFloat64()) // wide magnitudes: rounding depends on order
	}
	old := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(old)
	want, wantNorm := vec.Dot(s, u), vec.Norm2(s)
	for _, p := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(p)
		if got := vec.Dot(s, u); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("GOMAXPROCS=%d: Dot = %v, want bit-identical %v", p, got, want)
		}
		if got := vec.Norm2(s); math.Float64bits(got) != math.Float64bits(wantNorm) {
			t.Errorf("GOMAXPROCS=%d: Norm2 = %v, want bit-identical %v", p, got, wantNorm)
		}
	}
}

func TestNorm(t *testing.T) {
	sqrt2 := math.Sqrt2
	tests := []struct {
		name string
		s    []float64
		ord  float64
		want float64
		tol  float64 // relative, in units of eps
	}{
		// 3-4-5: every norm of (3, -4) is an exact small number.
		{"3,-4 ord 2", []float64{3, -4}, 2, 5, 0},
		{"3,-4 ord 1", []float64{3, -4}, 1, 7, 0},
		{"3,-4 ord 0", []float64{3, -4}, 0, 2, 0},
		{"3,-4 ord inf", []float64{3, -4}, inf, 4, 0},
		{"3,-4 ord -inf", []float64{3, -4}, ninf, 3, 0},
		{"zeros ord 0", []float64{0, 3, 0, -4, math.Copysign(0, -1)}, 0, 2, 0},
		{"zeros ord -inf", []float64{0, 3, 0, -4}, ninf, 0, 0},
		{"notes ord 2", []float64{1, 2, 3}, 2, math.Sqrt(14), 1},
		{"empty ord 2", nil, 2, 0, 0},
		{"empty ord 1", nil, 1, 0, 0},
		{"empty ord 0", nil, 0, 0, 0},
		{"negative zero ord 2", []float64{math.Copysign(0, -1)}, 2, 0, 0},
		// NaN propagates, except that ord=0 counts it as non-zero (numpy: nan != 0).
		{"nan ord 2", []float64{1, nan, 3}, 2, nan, 0},
		{"nan ord 1", []float64{1, nan, 3}, 1, nan, 0},
		{"nan ord 0", []float64{1, nan, 0}, 0, 2, 0},
		{"nan ord inf", []float64{1, nan, 3}, inf, nan, 0},
		{"nan first ord inf", []float64{nan, 5}, inf, nan, 0},
		{"nan ord -inf", []float64{1, nan, 3}, ninf, nan, 0},
		{"nan after zero ord -inf", []float64{0, nan}, ninf, nan, 0},
		{"inf and nan ord 2", []float64{inf, nan}, 2, nan, 0},
		{"nan and inf ord 2", []float64{nan, inf}, 2, nan, 0},
		{"inf and nan ord inf", []float64{inf, nan}, inf, nan, 0},
		// Inf: the norm is Inf, except min|s| for ord=-inf.
		{"inf ord 2", []float64{1, ninf, 3}, 2, inf, 0},
		{"inf ord 1", []float64{1, ninf, 3}, 1, inf, 0},
		{"inf ord inf", []float64{1, ninf, 3}, inf, inf, 0},
		{"inf ord -inf", []float64{1, ninf, 3}, ninf, 1, 0},
		{"inf ord 0", []float64{ninf, 0}, 0, 1, 0},
		// The rescaled 2-norm: squares would overflow or underflow, the norm does not.
		{"huge", []float64{1e200, 1e200}, 2, 1e200 * sqrt2, 2},
		{"huge and tiny", []float64{1e-300, 1e300}, 2, 1e300, 1},
		{"tiny", []float64{1e-200, 1e-200}, 2, 1e-200 * sqrt2, 2},
		{"tiny 3-4-5", []float64{3e-200, -4e-200}, 2, 5e-200, 2},
		{"near MaxFloat64", []float64{1e308, 1e308}, 2, 1e308 * sqrt2, 2},
		{"MaxFloat64", []float64{math.MaxFloat64}, 2, math.MaxFloat64, 0},
		{"overflowing norm", []float64{1e308, 1e308, 1e308, 1e308}, 2, inf, 0}, // 2e308 > MaxFloat64
		{"smallest subnormal", []float64{5e-324, 0}, 2, 5e-324, 0},
		{"subnormal sum of squares", []float64{1e-160, 1e-160}, 2, 1e-160 * sqrt2, 2},
		{"ord 1 overflow", []float64{1e308, 1e308}, 1, inf, 0},
	}
	for _, tc := range tests {
		got, err := vec.Norm(tc.s, tc.ord)
		if err != nil {
			t.Errorf("%s: Norm error %v", tc.name, err)
			continue
		}
		if !close(got, tc.want, tc.tol*eps*math.Abs(tc.want)) {
			t.Errorf("%s: Norm(%v, %v) = %v, want %v", tc.name, tc.s, tc.ord, got, tc.want)
		}
		if tc.ord == 2 {
			if n2 := vec.Norm2(tc.s); math.Float64bits(n2) != math.Float64bits(got) && !(math.IsNaN(n2) && math.IsNaN(got)) {
				t.Errorf("%s: Norm2 = %v, Norm(s, 2) = %v", tc.name, n2, got)
			}
		}
	}
}

func TestNormErrors(t *testing.T) {
	tests := []struct {
		s   []float64
		ord float64
		err error
	}{
		{[]float64{1, 2}, 3, vec.ErrOrder},
		{[]float64{1, 2}, -1, vec.ErrOrder},
		{[]float64{1, 2}, 0.5, vec.ErrOrder},
		{[]float64{1, 2}, nan, vec.ErrOrder},
		{nil, 3, vec.ErrOrder},
		{nil, ninf, vec.ErrEmpty},
		{[]float64{}, ninf, vec.ErrEmpty},
	}
	for _, tc := range tests {
		if _, err := vec.Norm(tc.s, tc.ord); !errors.Is(err, tc.err) {
			t.Errorf("Norm(%v, %v) error %v, want %v", tc.s, tc.ord, err, tc.err)
		}
	}
	// The max of nothing is 0, as in numpy; only the min is undefined.
	for _, s := range [][]float64{nil, {}} {
		if got, err := vec.Norm(s, inf); got != 0 || err != nil {
			t.Errorf("Norm(%v, +Inf) = %v, %v; want 0, nil", s, got, err)
		}
	}
}

// TestNorm2Random compares with a compensated sum of squares, at scales
// where the squares are fine, overflow, and underflow.
func TestNorm2Random(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{1, 3, 7, 100, 1000, 1<<16 + 5} {
		s := randVec(rng, n)
		ss, _ := exactDot(s, s)
		base := math.Sqrt(ss)
		for _, scale := range []float64{1, 0x1p600, 0x1p-600, 0x1p-1000} {
			x := make([]float64, n)
			vec.ScaleTo(x, scale, s) // a power of two: exact, but for subnormals far below tol
			got, want := vec.Norm2(x), base*scale
			if tol := testdata.Safety * float64(n+2) * eps * want; !(math.Abs(got-want) <= tol) {
				t.Errorf("n=%d scale=%g: Norm2 = %v, want %v (tol %.3g)", n, scale, got, want, tol)
			}
		}
	}
}

func TestCosineSimilarity(t *testing.T) {
	tests := []struct {
		name string
		s, t []float64
		want float64
		tol  float64 // absolute, in units of eps
	}{
		// 32 / (sqrt(14) sqrt(77)) = 32 / sqrt(1078).
		{"notes", []float64{1, 2, 3}, []float64{4, 5, 6}, 32 / math.Sqrt(1078), 8},
		{"parallel", []float64{1, 2, 3}, []float64{2, 4, 6}, 1, 8},
		{"antiparallel", []float64{1, -2, 4}, []float64{-0.5, 1, -2}, -1, 8},
		{"orthogonal", []float64{1, 2, 0, -3}, []float64{2, -1, 5, 0}, 0, 8},
		{"axes", []float64{1, 0}, []float64{0, 1}, 0, 0},
		{"zero vector", []float64{0, 0, 0}, []float64{1, 2, 3}, 0, 0},
		{"zero vector second", []float64{1, 2, 3}, []float64{0, 0, 0}, 0, 0},
		{"both zero", []float64{0, 0}, []float64{0, 0}, 0, 0},
		{"empty", nil, nil, 0, 0}, // the Go doc: 0 when a norm is 0, including empty
		{"one", []float64{-2.5}, []float64{4}, -1, 2},
		{"huge parallel", []float64{1e200, 2e200}, []float64{3e200, 6e200}, 1, 8},
		{"tiny parallel", []float64{1e-200, 2e-200}, []float64{3e-200, 6e-200}, 1, 8},
		{"huge and tiny", []float64{1e200, 0}, []float64{1e-200, 0}, 1, 2},
		{"near max", []float64{1e308, -1e308}, []float64{-1e308, 1e308}, -1, 8},
		{"nan", []float64{1, nan}, []float64{1, 2}, nan, 0},
		{"inf", []float64{1, inf}, []float64{1, 2}, nan, 0},
	}
	for _, tc := range tests {
		got := vec.CosineSimilarity(tc.s, tc.t)
		if !close(got, tc.want, tc.tol*eps) {
			t.Errorf("%s: CosineSimilarity = %v, want %v", tc.name, got, tc.want)
		}
		if back := vec.CosineSimilarity(tc.t, tc.s); !close(back, got, 4*eps) {
			t.Errorf("%s: not symmetric: %v and %v", tc.name, got, back)
		}
	}
}

// TestCosineSimilarityProperties: |cos| <= 1 (up to rounding), invariance
// under positive scaling, and agreement with <s,t>/(|s||t|) from exact sums.
func TestCosineSimilarityProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{2, 7, 100, 1<<16 + 1} {
		s, u := randVec(rng, n), randVec(rng, n)
		got := vec.CosineSimilarity(s, u)
		d, _ := exactDot(s, u)
		ss, _ := exactDot(s, s)
		uu, _ := exactDot(u, u)
		want := d / math.Sqrt(ss) / math.Sqrt(uu)
		tol := testdata.Safety * float64(n+4) * eps // sum|terms| <= 1
		if !(math.Abs(got-want) <= tol) {
			t.Errorf("n=%d: CosineSimilarity = %v, want %v", n, got, want)
		}
		if math.Abs(got) > 1+4*eps {
			t.Errorf("n=%d: |cos| = %v > 1", n, got)
		}
		for _, c := range []float64{3, 0x1p700, 0x1p-700} {
			x := make([]float64, n)
			vec.ScaleTo(x, c, s)
			if g := vec.CosineSimilarity(x, u); !(math.Abs(g-got) <= tol) {
				t.Errorf("n=%d: cos(%g s, t) = %v, cos(s, t) = %v", n, c, g, got)
			}
		}
		if self := vec.CosineSimilarity(s, s); !(math.Abs(self-1) <= tol) {
			t.Errorf("n=%d: cos(s, s) = %v, want 1", n, self)
		}
	}
}

// TestCosineOverflowingNorm: the cosine of two parallel vectors is 1 even
// when their norms exceed MaxFloat64 (a naive s[i]/||s|| with ||s|| = +Inf
// gives 0).
func TestCosineOverflowingNorm(t *testing.T) {
	s := []float64{1e308, 1e308, 1e308, 1e308} // ||s|| = 2e308 > MaxFloat64
	if got := vec.CosineSimilarity(s, s); !(math.Abs(got-1) <= 8*eps) {
		t.Errorf("CosineSimilarity(s, s) = %v, want 1", got)
	}
}

func ExampleDot() {
	// 1*4 + 2*5 + 3*6 = 32
	fmt.Printf("%.1f\n", vec.Dot([]float64{1, 2, 3}, []float64{4, 5, 6}))
	// Output: 32.0
}

func ExampleNorm() {
	s := []float64{3, -4}
	for _, ord := range []float64{2, 1, 0, math.Inf(1), math.Inf(-1)} {
		n, _ := vec.Norm(s, ord)
		fmt.Printf("ord=%v: %.1f\n", ord, n)
	}
	// The 2-norm is rescaled: sqrt(2)*1e200, where the squares overflow.
	huge, _ := vec.Norm([]float64{1e200, 1e200}, 2)
	fmt.Printf("%.6e\n", huge)
	_, err := vec.Norm(s, 3)
	fmt.Println(err)
	// Output:
	// ord=2: 5.0
	// ord=1: 7.0
	// ord=0: 2.0
	// ord=+Inf: 4.0
	// ord=-Inf: 3.0
	// 1.414214e+200
	// vec: invalid norm order for vectors
}

func ExampleCosineSimilarity() {
	// 32 / (sqrt(14) * sqrt(77)) = 0.974631846...
	fmt.Printf("%.6f\n", vec.CosineSimilarity([]float64{1, 2, 3}, []float64{4, 5, 6}))
	// 0 by definition when a norm is 0.
	fmt.Printf("%.6f\n", vec.CosineSimilarity([]float64{0, 0}, []float64{1, 2}))
	// Output:
	// 0.974632
	// 0.000000
}

func ExampleAddTo() {
	s := []float64{1, 2, 3}
	vec.AddTo(s, s, []float64{4, 5, 6}) // dst may alias an input
	fmt.Println(s)
	// Output: [5 7 9]
}

// TestCosineNoSubnormalIntermediate: dot/||s||/||t|| must not pass through
// a subnormal quotient. Here <s,t> = 1e-270 and ||s|| = 1e50, so dot/||s||
// = 1e-320 would keep only ~14 bits; the cosine is 1e-200.
func TestCosineNoSubnormalIntermediate(t *testing.T) {
	s, u := []float64{1e50, 1e-150}, []float64{0, 1e-120}
	for _, pair := range [][2][]float64{{s, u}, {u, s}} {
		got := vec.CosineSimilarity(pair[0], pair[1])
		if math.Abs(got-1e-200) > 8*eps*1e-200 {
			t.Errorf("CosineSimilarity(%v, %v) = %v, want 1e-200", pair[0], pair[1], got)
		}
	}
}

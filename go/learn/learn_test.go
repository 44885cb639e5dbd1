package learn

import (
	"math"
	"math/rand/v2"
	"testing"

	"mlmath/internal/errkind"
)

const eps64 = 0x1p-52

// near reports |got - want| <= tol·max(1, |want|).
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func must(v float64, err error) float64 {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBoundFormulas(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		// ln(2/0.05) / 200 = ln 40 / 200.
		{"Hoeffding n=100 δ=0.05", must(HoeffdingBound(100, 0.05)), math.Sqrt(math.Log(40) / 200)},
		{"Hoeffding n=1 δ=0.5", must(HoeffdingBound(1, 0.5)), math.Sqrt(math.Log(4) / 2)},
		// A class of one hypothesis is Hoeffding.
		{"finite |H|=1", must(FiniteClassBound(100, 1, 0.05)), must(HoeffdingBound(100, 0.05))},
		{"finite |H|=1000", must(FiniteClassBound(5000, 1000, 0.01)), math.Sqrt((math.Log(1000) + math.Log(200)) / 10000)},
		// 2¹⁰⁰ hypotheses: ln|H| = 100 ln 2.
		{"finite |H|=2^100", must(FiniteClassBound(1e6, 0x1p100, 0.1)), math.Sqrt((100*math.Ln2 + math.Log(20)) / 2e6)},
		// d = 10, n = 1000: (10 (ln 200 + 1) + ln 80) / 1000.
		{"VC d=10 n=1000", must(VCBound(1000, 10, 0.05)), math.Sqrt((10*(math.Log(200)+1) + math.Log(80)) / 1000)},
		{"VC d=n", must(VCBound(7, 7, 0.5)), math.Sqrt((7*(math.Ln2+1) + math.Log(8)) / 7)},
	} {
		if !near(tc.got, tc.want, 4*eps64) {
			t.Errorf("%s = %.17g, want %.17g", tc.name, tc.got, tc.want)
		}
	}
	// Hoeffding's ε makes the tail bound 2·exp(-2nε²) equal δ.
	for _, n := range []int{1, 10, 12345} {
		for _, delta := range []float64{1e-9, 0.05, 0.5, 0.999} {
			e := must(HoeffdingBound(n, delta))
			if got := 2 * math.Exp(-2*float64(n)*e*e); !near(got, delta, 16*eps64) {
				t.Errorf("n=%d δ=%g: 2exp(-2nε²) = %v", n, delta, got)
			}
		}
	}
}

// TestBoundsMonotonic: every ε decreases as n grows (more data) and as δ
// grows (less confidence); the finite-class ε grows with |H|.
func TestBoundsMonotonic(t *testing.T) {
	deltas := []float64{1e-12, 1e-6, 0.01, 0.05, 0.1, 0.5, 0.9, 0.999999}
	ns := []int{10, 11, 20, 100, 1000, 1e5, 1e9, 1 << 62}
	bounds := map[string]func(n int, delta float64) float64{
		"Hoeffding": func(n int, d float64) float64 { return must(HoeffdingBound(n, d)) },
		"finite":    func(n int, d float64) float64 { return must(FiniteClassBound(n, 1e6, d)) },
		"VC":        func(n int, d float64) float64 { return must(VCBound(n, 10, d)) },
	}
	for name, f := range bounds {
		for _, d := range deltas {
			for k := 1; k < len(ns); k++ {
				if a, b := f(ns[k-1], d), f(ns[k], d); !(b < a) {
					t.Errorf("%s δ=%g: ε(n=%d) = %v, ε(n=%d) = %v: not decreasing in n", name, d, ns[k-1], a, ns[k], b)
				}
			}
		}
		for _, n := range ns {
			for k := 1; k < len(deltas); k++ {
				if a, b := f(n, deltas[k-1]), f(n, deltas[k]); !(b < a) {
					t.Errorf("%s n=%d: ε(δ=%g) = %v, ε(δ=%g) = %v: not decreasing in δ", name, n, deltas[k-1], a, deltas[k], b)
				}
			}
		}
	}
	prev := 0.0
	for _, h := range []float64{1, 2, 1e3, 1e100, 1e300} {
		e := must(FiniteClassBound(100, h, 0.05))
		if !(e > prev) {
			t.Errorf("finite: ε(|H|=%g) = %v, not above %v", h, e, prev)
		}
		prev = e
	}
}

// TestSampleComplexityInverse checks that SampleComplexity is the smallest
// n whose FiniteClassBound is at most ε, and agrees with the closed form.
func TestSampleComplexityInverse(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	check := func(eps, delta, h float64) {
		t.Helper()
		n, err := SampleComplexity(eps, delta, h)
		if err != nil {
			t.Fatalf("ε=%g δ=%g |H|=%g: %v", eps, delta, h, err)
		}
		if b := must(FiniteClassBound(int(n), h, delta)); b > eps {
			t.Fatalf("ε=%g δ=%g |H|=%g: n=%d has bound %v > ε", eps, delta, h, n, b)
		}
		if n > 1 {
			if b := must(FiniteClassBound(int(n-1), h, delta)); b <= eps {
				t.Fatalf("ε=%g δ=%g |H|=%g: n-1=%d already has bound %v <= ε", eps, delta, h, n-1, b)
			}
		}
		closed := max(1, math.Ceil((math.Log(h)+math.Log(2/delta))/(2*eps*eps)))
		if math.Abs(float64(n)-closed) > 1 {
			t.Fatalf("ε=%g δ=%g |H|=%g: n=%d, closed form %v", eps, delta, h, n, closed)
		}
	}
	for range 2000 {
		check(math.Pow(10, -4*r.Float64()), r.Float64()*0.999+1e-6, math.Pow(2, float64(r.IntN(300))))
	}
	// ε exactly a bound's value: the n that gives it is the answer.
	for _, n := range []int{1, 2, 3, 10, 1000, 123457} {
		for _, h := range []float64{1, 10, 0x1p100} {
			e := must(FiniteClassBound(n, h, 0.05))
			check(e, 0.05, h)
			if got, _ := SampleComplexity(e, 0.05, h); got > int64(n) {
				t.Errorf("ε = bound(n=%d): n = %d", n, got)
			}
		}
	}
	// A large ε needs one sample.
	if n, _ := SampleComplexity(10, 0.5, 1); n != 1 {
		t.Errorf("ε=10: n = %d, want 1", n)
	}
	// Textbook: |H| = 1000, ε = 0.1, δ = 0.05: (ln 1000 + ln 40)/0.02 = 529.8.
	if n, _ := SampleComplexity(0.1, 0.05, 1000); n != 530 {
		t.Errorf("n = %d, want 530", n)
	}
	// Beyond 2⁵³ the closed form is returned as is.
	e := 1e-8
	if n, err := SampleComplexity(e, 0.05, 1e10); err != nil || float64(n) != math.Ceil((math.Log(1e10)+math.Log(40))/(2*e*e)) {
		t.Errorf("ε=1e-8: %d, %v", n, err)
	}
}

func TestErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	type call struct {
		name string
		err  error
		want error
	}
	var calls []call
	add := func(name string, err, want error) { calls = append(calls, call{name, err, want}) }
	for _, n := range []int{0, -1, math.MinInt} {
		_, err := HoeffdingBound(n, 0.05)
		add("Hoeffding n", err, ErrSampleSize)
		_, err = FiniteClassBound(n, 10, 0.05)
		add("finite n", err, ErrSampleSize)
		_, err = VCBound(n, 1, 0.05)
		add("VC n", err, ErrSampleSize)
	}
	for _, d := range []float64{0, 1, -0.5, 1.5, nan, inf, -inf} {
		_, err := HoeffdingBound(10, d)
		add("Hoeffding δ", err, ErrDelta)
		_, err = FiniteClassBound(10, 10, d)
		add("finite δ", err, ErrDelta)
		_, err = VCBound(10, 2, d)
		add("VC δ", err, ErrDelta)
		_, err = SampleComplexity(0.1, d, 10)
		add("samples δ", err, ErrDelta)
	}
	for _, h := range []float64{0, 0.5, -3, nan, inf} {
		_, err := FiniteClassBound(10, h, 0.05)
		add("finite |H|", err, ErrHypotheses)
		_, err = SampleComplexity(0.1, 0.05, h)
		add("samples |H|", err, ErrHypotheses)
	}
	for _, e := range []float64{0, -0.1, nan, inf} {
		_, err := SampleComplexity(e, 0.05, 10)
		add("samples ε", err, ErrEpsilon)
	}
	for _, d := range []int{0, -2, 11} {
		_, err := VCBound(10, d, 0.05)
		add("VC d", err, ErrVCDimension)
	}
	for _, e := range []float64{1e-10, 1e-200, 5e-324} {
		_, err := SampleComplexity(e, 0.05, 1e300)
		add("samples too many", err, ErrTooManySamples)
	}
	for _, c := range calls {
		if c.err != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
		}
	}
	for _, tc := range []struct {
		err  error
		kind errkind.Kind
	}{
		{ErrShape, errkind.Shape}, {ErrEmpty, errkind.Shape}, {ErrSampleSize, errkind.Domain}, {ErrDelta, errkind.Domain},
		{ErrEpsilon, errkind.Domain}, {ErrHypotheses, errkind.Domain}, {ErrVCDimension, errkind.Domain}, {ErrTooManySamples, errkind.Domain},
	} {
		if k, ok := errkind.Of(tc.err); !ok || k != tc.kind {
			t.Errorf("kind of %v = %v, want %v", tc.err, k, tc.kind)
		}
	}
	// Never NaN or infinite on the edges of the domain; a subnormal δ
	// costs ln(1/δ) <= 745.
	if got, want := must(HoeffdingBound(1, 0x1p-1074)), math.Sqrt((math.Ln2+1074*math.Ln2)/2); !near(got, want, 4*eps64) {
		t.Errorf("Hoeffding δ = 2^-1074: %v, want %v", got, want)
	}
	for _, v := range []float64{
		must(HoeffdingBound(math.MaxInt, 0x1p-1074)), must(HoeffdingBound(1, 1-0x1p-53)),
		must(FiniteClassBound(1, math.MaxFloat64, 0x1p-1074)), must(VCBound(math.MaxInt, 1, 0.5)),
		must(VCBound(math.MaxInt, math.MaxInt, 1-0x1p-53)),
	} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Errorf("bound %v on the domain's edge", v)
		}
	}
}

func TestBiasVarianceIdentity(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		models, points := 1+r.IntN(50), 1+r.IntN(50)
		scale := math.Pow(10, float64(r.IntN(7)-3))
		p, y := make([]float64, models*points), make([]float64, points)
		for j := range y {
			y[j] = r.NormFloat64() * scale
		}
		for i := range p {
			p[i] = y[i%points] + r.NormFloat64()*scale + 0.3*scale
		}
		b2, v, e, err := BiasVariance(p, models, points, y)
		if err != nil {
			t.Fatal(err)
		}
		if b2 < 0 || v < 0 || !near(e, b2+v, 16*eps64*e) {
			t.Fatalf("%dx%d: bias² %v + variance %v = %v, expected %v", models, points, b2, v, b2+v, e)
		}
	}
}

func TestBiasVarianceExact(t *testing.T) {
	for _, tc := range []struct {
		name          string
		p             []float64
		models, point int
		y             []float64
		b2, v, e      float64
	}{
		// Every model predicts the truth.
		{"perfect", []float64{1, 2, 3, 1, 2, 3}, 2, 3, []float64{1, 2, 3}, 0, 0, 0},
		// One model, off by 2 everywhere: all bias.
		{"one model", []float64{3, 4}, 1, 2, []float64{1, 2}, 4, 0, 4},
		// Models at y ± 1: all variance.
		{"unbiased", []float64{0, 1, 2, 3}, 2, 2, []float64{1, 2}, 0, 1, 1},
		// Predictions 1 and 3 at y = 0: mean 2, bias² 4, variance 1, expected 5.
		{"both", []float64{1, 3}, 2, 1, []float64{0}, 4, 1, 5},
		// The notes' shape: 3 models, 2 points.
		{"3x2", []float64{1, 0, 2, 0, 3, 0}, 3, 2, []float64{2, 1}, 0.5, 1.0 / 3, 0.5 + 1.0/3},
	} {
		b2, v, e, err := BiasVariance(tc.p, tc.models, tc.point, tc.y)
		if err != nil || b2 != tc.b2 || !near(v, tc.v, eps64) || !near(e, tc.e, eps64) {
			t.Errorf("%s: %v, %v, %v, %v; want %v, %v, %v", tc.name, b2, v, e, err, tc.b2, tc.v, tc.e)
		}
	}
}

func TestBiasVarianceShapes(t *testing.T) {
	for _, tc := range []struct {
		p, y          []float64
		models, point int
	}{
		{[]float64{1, 2, 3}, []float64{1, 2}, 2, 2},
		{[]float64{1, 2, 3, 4}, []float64{1}, 2, 2},
		{nil, nil, -1, 0},
		{nil, nil, math.MaxInt, 2},
	} {
		func() {
			defer func() {
				if r := recover(); r != ErrShape {
					t.Errorf("%d models × %d points, len %d, %d: panic %v", tc.models, tc.point, len(tc.p), len(tc.y), r)
				}
			}()
			BiasVariance(tc.p, tc.models, tc.point, tc.y)
		}()
	}
	for _, tc := range []struct {
		models, points int
	}{{0, 3}, {3, 0}, {0, 0}} {
		if _, _, _, err := BiasVariance(nil, tc.models, tc.points, make([]float64, tc.points)); err != ErrEmpty {
			t.Errorf("%dx%d: %v, want ErrEmpty", tc.models, tc.points, err)
		}
	}
}

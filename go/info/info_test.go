package info

import (
	"errors"
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

// mustPanic checks that f panics with want.
func mustPanic(t *testing.T, name string, want error, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != want {
			t.Errorf("%s: panic %v, want %v", name, r, want)
		}
	}()
	f()
}

// measure is a function of one or two distributions, for the shared tests.
type measure struct {
	name string
	f    func(p, q []float64, base float64) (float64, error)
	two  bool // q is used
}

var measures = []measure{
	{"Entropy", func(p, _ []float64, b float64) (float64, error) { return Entropy(p, b) }, false},
	{"CrossEntropy", CrossEntropy, true},
	{"KLDivergence", KLDivergence, true},
	{"JSDivergence", JSDivergence, true},
	{"JointEntropy", func(p, _ []float64, b float64) (float64, error) { return JointEntropy(p, 1, len(p), b) }, false},
	{"ConditionalEntropy", func(p, _ []float64, b float64) (float64, error) { return ConditionalEntropy(p, len(p), 1, b) }, false},
	{"MutualInformation", func(p, _ []float64, b float64) (float64, error) { return MutualInformation(p, 1, len(p), b) }, false},
}

// TestNotesExample checks the notes' p = [0.5, 0.3, 0.2], q = [0.4, 0.4,
// 0.2] against the formulas evaluated here term by term, in bits and nats.
func TestNotesExample(t *testing.T) {
	p, q := []float64{0.5, 0.3, 0.2}, []float64{0.4, 0.4, 0.2}
	var h, ce, kl, js float64
	for i := range p {
		m := (p[i] + q[i]) / 2
		h -= p[i] * math.Log(p[i])
		ce -= p[i] * math.Log(q[i])
		kl += p[i] * math.Log(p[i]/q[i])
		js += (p[i]*math.Log(p[i]/m) + q[i]*math.Log(q[i]/m)) / 2
	}
	for _, base := range []float64{2, math.E, 10} {
		lb := math.Log(base)
		for _, tc := range []struct {
			name      string
			got, want float64
		}{
			{"Entropy", must(Entropy(p, base)), h / lb},
			{"CrossEntropy", must(CrossEntropy(p, q, base)), ce / lb},
			{"KLDivergence", must(KLDivergence(p, q, base)), kl / lb},
			{"JSDivergence", must(JSDivergence(p, q, base)), js / lb},
			{"H(p)+KL = CE", must(Entropy(p, base)) + must(KLDivergence(p, q, base)), ce / lb},
		} {
			if !near(tc.got, tc.want, 8*eps64) {
				t.Errorf("base %g: %s = %.17g, want %.17g", base, tc.name, tc.got, tc.want)
			}
		}
	}
	// Known values in bits: H(p) = 1.4854752972273344, KL = 0.036550...
	if got := must(Entropy(p, 2)); !near(got, 1.4854752972273344, 4*eps64) {
		t.Errorf("H(p) = %.17g bits", got)
	}
}

func must(v float64, err error) float64 {
	if err != nil {
		panic(err)
	}
	return v
}

func TestEntropyClosedForms(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 8, 100, 129, 1000, 4096} {
		u := make([]float64, n)
		for i := range u {
			u[i] = 3.5 // unnormalized: divided by the sum
		}
		if got, want := must(Entropy(u, 2)), math.Log2(float64(n)); !near(got, want, 4*eps64*math.Log2(float64(n)+1)) {
			t.Errorf("uniform n=%d: H = %.17g bits, want log2(n) = %.17g", n, got, want)
		}
		if got, want := must(Entropy(u, math.E)), math.Log(float64(n)); !near(got, want, 4*eps64*math.Log2(float64(n)+1)) {
			t.Errorf("uniform n=%d: H = %.17g nats, want ln(n) = %.17g", n, got, want)
		}
		oneHot := make([]float64, n)
		oneHot[n/2] = 7
		if got := must(Entropy(oneHot, 2)); got != 0 || math.Signbit(got) {
			t.Errorf("one-hot n=%d: H = %v, want +0 (scipy's 0.0)", n, got)
		}
	}
	// SEMANTICS.md: the counts [2, 0, 2] have entropy ln 2 nats, 1 bit.
	if got := must(Entropy([]float64{2, 0, 2}, math.E)); got != math.Ln2 {
		t.Errorf("H([2,0,2]) = %v nats, want ln 2", got)
	}
	if got := must(Entropy([]float64{2, 0, 2}, 2)); got != 1 {
		t.Errorf("H([2,0,2]) = %v bits, want 1", got)
	}
	// A base below 1 flips the sign: log_{1/2} = -log_2.
	p := []float64{0.1, 0.2, 0.7}
	if a, b := must(Entropy(p, 0.5)), must(Entropy(p, 2)); a != -b {
		t.Errorf("H base 1/2 = %v, base 2 = %v", a, b)
	}
}

func TestDivergenceClosedForms(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		name    string
		p, q    []float64
		kl, ce  float64 // bits; NaN: not checked
		js      float64
		jsExact bool
	}{
		{"identical", []float64{0.2, 0.3, 0.5}, []float64{0.2, 0.3, 0.5}, 0, math.NaN(), 0, true},
		{"identical up to scale", []float64{1, 2, 0, 5}, []float64{1, 2, 0, 5}, 0, math.NaN(), 0, true},
		// The seed's masking gave a negative "KL" here; q does not cover p.
		// m = [3/4, 1/4]: JS = (KL(p‖m) + KL(q‖m))/2 = (1/2 + log2(2/3)/2 +
		// log2(4/3))/2 = 3/2 - (3/4)·log2(3).
		{"q=0<p", []float64{0.5, 0.5}, []float64{1, 0}, inf, inf, 1 - math.Log2(3)*0.75 + 0.5, false},
		{"p=0 terms", []float64{0, 1}, []float64{0.5, 0.5}, 1, 1, math.NaN(), false},
		{"p=0=q", []float64{0, 1, 1}, []float64{0, 1, 3}, 0.5 + 0.5*math.Log2(2.0/3), 1 + 0.5*math.Log2(4.0/3), math.NaN(), false},
		{"disjoint", []float64{1, 0}, []float64{0, 1}, inf, inf, 1, true},
	} {
		if kl := must(KLDivergence(tc.p, tc.q, 2)); !(kl == tc.kl || near(kl, tc.kl, 4*eps64)) {
			t.Errorf("%s: KL = %v, want %v", tc.name, kl, tc.kl)
		}
		if ce := must(CrossEntropy(tc.p, tc.q, 2)); !math.IsNaN(tc.ce) && !(ce == tc.ce || near(ce, tc.ce, 4*eps64)) {
			t.Errorf("%s: CE = %v, want %v", tc.name, ce, tc.ce)
		}
		js := must(JSDivergence(tc.p, tc.q, 2))
		if !math.IsNaN(tc.js) && (js != tc.js && (tc.jsExact || !near(js, tc.js, 4*eps64))) {
			t.Errorf("%s: JS = %v, want %v", tc.name, js, tc.js)
		}
	}
}

func TestJSProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := range 200 {
		n := 1 + r.IntN(300)
		p, q := randomDist(r, n), randomDist(r, n)
		base := []float64{2, math.E, 10}[trial%3]
		a, b := must(JSDivergence(p, q, base)), must(JSDivergence(q, p, base))
		if a != b {
			t.Fatalf("JS not symmetric: %v, %v", a, b)
		}
		bits := must(JSDivergence(p, q, 2))
		if !(bits >= -4*eps64 && bits <= 1) {
			t.Fatalf("JS = %v bits, outside [0, 1]", bits)
		}
		// JS = H(m) - (H(p) + H(q))/2.
		m := make([]float64, n)
		sp, sq := sum(p), sum(q)
		for i := range m {
			m[i] = (p[i]/sp + q[i]/sq) / 2
		}
		want := must(Entropy(m, 2)) - (must(Entropy(p, 2))+must(Entropy(q, 2)))/2
		if !near(bits, want, 64*eps64) {
			t.Fatalf("JS = %.17g, H(m) - mean H = %.17g", bits, want)
		}
		if kl := must(KLDivergence(p, q, 2)); kl < 0 {
			t.Fatalf("KL = %v < 0", kl)
		}
		// CE = H + KL.
		ce, h, kl := must(CrossEntropy(p, q, base)), must(Entropy(p, base)), must(KLDivergence(p, q, base))
		if !(math.IsInf(ce, 1) && math.IsInf(kl, 1)) && !near(ce, h+kl, 64*eps64) {
			t.Fatalf("CE = %.17g, H + KL = %.17g", ce, h+kl)
		}
	}
}

// randomDist returns n non-negative weights with a positive sum, some 0.
func randomDist(r *rand.Rand, n int) []float64 {
	p := make([]float64, n)
	for i := range p {
		if r.IntN(5) > 0 {
			p[i] = r.Float64() * 10
		}
	}
	p[r.IntN(n)] = 1 + r.Float64()
	return p
}

func sum(p []float64) float64 {
	return pairwise(0, len(p), func(i int) float64 { return p[i] })
}

// TestNormalizationInvariance: scaling by a power of 2 changes no bit (the
// normalized distribution is the same), by any other factor only the
// rounding.
func TestNormalizationInvariance(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	scale := func(p []float64, c float64) []float64 {
		s := make([]float64, len(p))
		for i, v := range p {
			s[i] = c * v
		}
		return s
	}
	for range 50 {
		n := 1 + r.IntN(200)
		p, q := randomDist(r, n), randomDist(r, n)
		for _, m := range measures {
			v := must(m.f(p, q, 2))
			for _, c := range []float64{0x1p-600, 0.25, 8, 0x1p700} {
				if w := must(m.f(scale(p, c), scale(q, 1/c), 2)); w != v && !(math.IsInf(v, 1) && math.IsInf(w, 1)) {
					t.Errorf("%s: scaled by %g: %v, want %v", m.name, c, w, v)
				}
			}
			if w := must(m.f(scale(p, 3.7), scale(q, 1e-3), 2)); !(near(w, v, 64*eps64) || math.IsInf(v, 1) && math.IsInf(w, 1)) {
				t.Errorf("%s: scaled by 3.7: %v, want %v", m.name, w, v)
			}
		}
	}
}

// table returns a random rows×cols table of weights, some 0.
func randomTable(r *rand.Rand, rows, cols int) []float64 {
	return randomDist(r, rows*cols)
}

// sums returns the row and column sums of a table.
func sums(joint []float64, rows, cols int) (px, py []float64) {
	px, py = make([]float64, rows), make([]float64, cols)
	for i, v := range joint {
		px[i/cols] += v
		py[i%cols] += v
	}
	return px, py
}

func TestTableIdentities(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 300 {
		rows, cols := 1+r.IntN(20), 1+r.IntN(20)
		joint := randomTable(r, rows, cols)
		base := []float64{2, math.E, 10, 0.5}[trial%4]
		px, py := sums(joint, rows, cols)
		hxy := must(JointEntropy(joint, rows, cols, base))
		hx, hy := must(Entropy(px, base)), must(Entropy(py, base))
		hyx := must(ConditionalEntropy(joint, rows, cols, base))
		mi := must(MutualInformation(joint, rows, cols, base))
		tol := 64 * eps64 * math.Log2(float64(rows*cols)+1) / math.Abs(math.Log(base))
		if !near(mi, hx+hy-hxy, tol) {
			t.Fatalf("%dx%d: I = %.17g, H(X)+H(Y)-H(X,Y) = %.17g", rows, cols, mi, hx+hy-hxy)
		}
		if !near(mi, hy-hyx, tol) {
			t.Fatalf("%dx%d: I = %.17g, H(Y)-H(Y|X) = %.17g", rows, cols, mi, hy-hyx)
		}
		if !near(hyx, hxy-hx, tol) {
			t.Fatalf("%dx%d: H(Y|X) = %.17g, H(X,Y)-H(X) = %.17g", rows, cols, hyx, hxy-hx)
		}
		if base > 1 && (mi < 0 || hyx < 0 || mi > math.Min(hx, hy)+tol) {
			t.Fatalf("%dx%d: I = %v, H(Y|X) = %v, H(X) = %v, H(Y) = %v", rows, cols, mi, hyx, hx, hy)
		}
		// Swapping X and Y (transposing) keeps I; H(X|Y) = H(X,Y) - H(Y).
		tr := make([]float64, len(joint))
		for i, v := range joint {
			tr[(i%cols)*rows+i/cols] = v
		}
		if got := must(MutualInformation(tr, cols, rows, base)); !near(got, mi, tol) {
			t.Fatalf("I(Y;X) = %v, I(X;Y) = %v", got, mi)
		}
		if got := must(ConditionalEntropy(tr, cols, rows, base)); !near(got, hxy-hy, tol) {
			t.Fatalf("H(X|Y) = %v, H(X,Y)-H(Y) = %v", got, hxy-hy)
		}
	}
}

func TestTableClosedForms(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for range 100 {
		rows, cols := 1+r.IntN(15), 1+r.IntN(15)
		// Independent: the outer product of two marginals.
		px, py := randomDist(r, rows), randomDist(r, cols)
		ind := make([]float64, rows*cols)
		for i := range ind {
			ind[i] = px[i/cols] * py[i%cols]
		}
		if mi := must(MutualInformation(ind, rows, cols, 2)); mi > 16*eps64 {
			t.Fatalf("independent %dx%d: I = %v, want ~0", rows, cols, mi)
		}
		// H(Y|X) of an independent table is H(Y).
		if got, want := must(ConditionalEntropy(ind, rows, cols, 2)), must(Entropy(py, 2)); !near(got, want, 64*eps64) {
			t.Fatalf("independent: H(Y|X) = %v, H(Y) = %v", got, want)
		}
		// Diagonal: Y = X, so I = H(X) and H(Y|X) = 0.
		n := rows
		diag := make([]float64, n*n)
		for i := range n {
			diag[i*n+i] = px[i]
		}
		hx := must(Entropy(px, 2))
		if mi := must(MutualInformation(diag, n, n, 2)); !near(mi, hx, 16*eps64) {
			t.Fatalf("diagonal: I = %.17g, H(X) = %.17g", mi, hx)
		}
		if h := must(ConditionalEntropy(diag, n, n, 2)); h > 16*eps64 || h < 0 {
			t.Fatalf("diagonal: H(Y|X) = %v, want 0", h)
		}
		if h := must(JointEntropy(diag, n, n, 2)); !near(h, hx, 16*eps64) {
			t.Fatalf("diagonal: H(X,Y) = %v, want H(X) = %v", h, hx)
		}
	}
	// A 2x2 table by hand: p = [[0.4, 0.1], [0.1, 0.4]].
	j := []float64{0.4, 0.1, 0.1, 0.4}
	want := 2*0.4*math.Log2(0.4/0.25) + 2*0.1*math.Log2(0.1/0.25)
	if mi := must(MutualInformation(j, 2, 2, 2)); !near(mi, want, 8*eps64) {
		t.Errorf("2x2: I = %.17g, want %.17g", mi, want)
	}
	hb := -(0.8*math.Log2(0.8) + 0.2*math.Log2(0.2))
	if h := must(ConditionalEntropy(j, 2, 2, 2)); !near(h, hb, 8*eps64) {
		t.Errorf("2x2: H(Y|X) = %.17g, want %.17g", h, hb)
	}
}

func TestErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	good := []float64{1, 2, 3}
	for _, m := range measures {
		for _, tc := range []struct {
			p, q []float64
			base float64
			want error
		}{
			{good, good, 0, ErrBase},
			{good, good, -2, ErrBase},
			{good, good, 1, ErrBase},
			{good, good, inf, ErrBase},
			{good, good, nan, ErrBase},
			{nil, nil, 2, ErrEmpty},
			{[]float64{}, []float64{}, 2, ErrEmpty},
			{[]float64{1, nan, 1}, good, 2, ErrNotFinite},
			{[]float64{1, inf, 1}, good, 2, ErrNotFinite},
			{[]float64{1, -inf, 1}, good, 2, ErrNotFinite},
			{[]float64{1, -1, 3}, good, 2, ErrNegative},
			{[]float64{-0.0, 0, 0}, good, 2, ErrZeroSum},
			{[]float64{1e308, 1e308, 0}, good, 2, ErrNotFinite}, // the sum overflows
		} {
			if _, err := m.f(tc.p, tc.q, tc.base); err != tc.want {
				t.Errorf("%s(%v, base %v) = %v, want %v", m.name, tc.p, tc.base, err, tc.want)
			}
			if m.two && len(tc.p) > 0 && tc.base == 2 {
				if _, err := m.f(good, tc.p, 2); err != tc.want {
					t.Errorf("%s(q = %v) = %v, want %v", m.name, tc.p, err, tc.want)
				}
			}
		}
		if m.two {
			mustPanic(t, m.name+" lengths", ErrShape, func() { m.f(good, good[:2], 2) })
		}
	}
	for name, f := range map[string]func([]float64, int, int, float64) (float64, error){
		"JointEntropy": JointEntropy, "ConditionalEntropy": ConditionalEntropy, "MutualInformation": MutualInformation,
	} {
		mustPanic(t, name+" len", ErrShape, func() { f(good, 2, 2, 2) })
		mustPanic(t, name+" negative", ErrShape, func() { f(nil, -1, 0, 2) })
		mustPanic(t, name+" overflow", ErrShape, func() { f(nil, math.MaxInt, 2, 2) })
		if _, err := f(nil, 0, 5, 2); err != ErrEmpty {
			t.Errorf("%s 0x5: %v, want ErrEmpty", name, err)
		}
		if _, err := f(good, 3, 1, 1); err != ErrBase {
			t.Errorf("%s base 1: %v, want ErrBase", name, err)
		}
	}
	for _, tc := range []struct {
		err  error
		kind errkind.Kind
	}{
		{ErrShape, errkind.Shape}, {ErrEmpty, errkind.Shape}, {ErrBase, errkind.Domain},
		{ErrNegative, errkind.Domain}, {ErrNotFinite, errkind.Domain}, {ErrZeroSum, errkind.Domain},
	} {
		if k, ok := errkind.Of(tc.err); !ok || k != tc.kind {
			t.Errorf("kind of %v = %v, want %v", tc.err, k, tc.kind)
		}
	}
	if !errors.Is(ErrEmpty, ErrEmpty) {
		t.Error("errors.Is")
	}
}

package info_test

import (
	"errors"
	"math"
	"sort"
	"testing"

	"mlmath/info"
	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
)

const fuzzEps = 0x1p-52

// fuzzBase decodes a logarithm base: mostly 2, e or 10, sometimes
// hostile (1, 0, negative, NaN, ±Inf, subnormal, in (0, 1)).
func fuzzBase(r *fuzzdata.Reader) float64 {
	if b := r.Byte(); b < 0xC0 {
		return [...]float64{2, math.E, 10}[b%3]
	}
	return r.Float()
}

func validBase(b float64) bool { return b > 0 && !math.IsInf(b, 1) && b != 1 }

// logOf is ln(b), exact to an ulp for a subnormal b too (where math.Log is
// not, on amd64).
func logOf(b float64) float64 {
	if b > 0 && b < 0x1p-1022 {
		return math.Log(b*0x1p52) - 52*math.Ln2
	}
	return math.Log(b)
}

// distErrs returns the errors a distribution may give, nil if it is a
// valid one; nearOverflow reports a sum so close to MaxFloat64 that
// summing in another order may or may not overflow.
func distErrs(p []float64) (errs []error, nearOverflow bool) {
	if len(p) == 0 {
		return []error{info.ErrEmpty}, false
	}
	var sum float64
	for _, v := range p {
		switch {
		case v != v || math.IsInf(v, 0):
			errs = append(errs, info.ErrNotFinite)
		case v < 0:
			errs = append(errs, info.ErrNegative)
		}
		sum += math.Abs(v)
	}
	if errs != nil {
		return errs, false
	}
	if math.IsInf(sum, 1) || sum > math.MaxFloat64/2 {
		return []error{info.ErrNotFinite}, true
	}
	if sum == 0 {
		return []error{info.ErrZeroSum}, false
	}
	return nil, false
}

// checkErr checks err against the documented order: the base first, then
// each distribution. It returns whether the measure succeeded.
func checkErr(t *testing.T, what string, err error, base float64, dists ...[]float64) bool {
	t.Helper()
	if !validBase(base) {
		if !errors.Is(err, info.ErrBase) {
			t.Fatalf("%s with base %v: error %v, want ErrBase", what, base, err)
		}
		return false
	}
	for _, p := range dists {
		errs, near := distErrs(p)
		if errs == nil {
			continue
		}
		for _, e := range errs {
			if errors.Is(err, e) {
				return false
			}
		}
		if near {
			continue // the sum did not overflow in this order: a valid p
		}
		t.Fatalf("%s of %v: error %v, want one of %v", what, p, err, errs)
	}
	if err != nil {
		t.Fatalf("%s: unexpected error %v", what, err)
	}
	return true
}

// refEntropy is Σ -p_i·ln p_i over p normalized by its sum, in nats, with
// the sum of |terms| that bounds its rounding error.
func refEntropy(p []float64) (h, abs float64) {
	var s float64
	for _, v := range p {
		s += v
	}
	for _, v := range p {
		if x := v / s; x > 0 {
			h -= x * logOf(x)
			abs += x * (math.Abs(logOf(x)) + 1) // ln(x) errs by eps·(|ln x| + 1)
		}
	}
	return h, abs
}

// FuzzInfo calls every measure of package info on decoded distributions
// and tables (NaN, ±Inf, negative entries, zeros, sums that overflow,
// subnormals, lengths that disagree, hostile shapes) and bases. It checks
// the shape panics, the errors in their documented order, and for valid
// input: entropy in [0, log n] against a plain loop, the joint entropy
// equal to the entropy of the flattened table bit for bit, JS symmetric
// bit for bit and in [0, ln 2], KL >= 0 and +Inf exactly where q misses p,
// cross-entropy = H + KL, and H(Y|X), I(X;Y) >= 0 with I + H(Y|X) = H(Y)
// and I <= min(H(X), H(Y)). The seed corpus is in testdata/fuzz/FuzzInfo.
func FuzzInfo(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(24)
		base := fuzzBase(r)
		p, q := r.Floats(n), r.Floats(r.Length(24, n))
		if r.Bool() { // distributions, as they mostly are: |x|, now and then 0
			for _, s := range [][]float64{p, q} {
				for i, v := range s {
					if s[i] = math.Abs(v); r.Byte() < 0x20 {
						s[i] = 0
					}
				}
			}
		}
		lnb := logOf(base)

		h, err := info.Entropy(p, base)
		if checkErr(t, "Entropy", err, base, p) && fuzzdata.Finite(h) {
			want, abs := refEntropy(p)
			if tol := 8 * float64(n+1) * fuzzEps * (abs + 1e-300) / math.Abs(lnb); math.Abs(h-want/lnb) > tol {
				t.Fatalf("Entropy(%v, %v) = %v, want %v within %v", p, base, h, want/lnb, tol)
			}
			if base > 1 && !(h >= 0 && h <= math.Log(float64(n))/lnb*(1+1e-12)+1e-15) {
				t.Fatalf("Entropy(%v, %v) = %v outside [0, log n]", p, base, h)
			}
		}

		var ce, kl, js, js2 float64
		var errCE, errKL, errJS, errJS2 error
		for _, c := range []struct {
			name string
			f    func()
		}{
			{"CrossEntropy", func() { ce, errCE = info.CrossEntropy(p, q, base) }},
			{"KLDivergence", func() { kl, errKL = info.KLDivergence(p, q, base) }},
			{"JSDivergence", func() { js, errJS = info.JSDivergence(p, q, base) }},
			{"JSDivergence(q, p)", func() { js2, errJS2 = info.JSDivergence(q, p, base) }},
		} {
			pn := testdata.Panics(c.f)
			if (pn != nil) != (len(q) != n) || pn != nil && !fuzzdata.IsErr(pn, info.ErrShape) {
				t.Fatalf("%s of lengths %d, %d: panic %v", c.name, n, len(q), pn)
			}
		}
		if len(q) == n {
			okCE := checkErr(t, "CrossEntropy", errCE, base, p, q)
			okKL := checkErr(t, "KLDivergence", errKL, base, p, q)
			okJS := checkErr(t, "JSDivergence", errJS, base, p, q)
			if (errJS == nil) != (errJS2 == nil) || !fuzzdata.Same(js, js2) {
				t.Fatalf("JSDivergence(p, q) = %v, %v; (q, p) = %v, %v", js, errJS, js2, errJS2)
			}
			if okKL && okCE && okJS && err == nil && base > 1 {
				checkPair(t, p, q, base, h, ce, kl, js)
			}
		}

		rows, cols := r.Dim(6), r.Dim(6)
		joint := r.Floats(r.Length(36, rows, cols))
		for i, v := range joint {
			joint[i] = math.Abs(v)
		}
		checkTable(t, joint, rows, cols, base)
	})
}

// checkPair checks the two-distribution measures of valid p, q (base > 1).
func checkPair(t *testing.T, p, q []float64, base, h, ce, kl, js float64) {
	t.Helper()
	var sp, sq float64
	for i := range p {
		sp, sq = sp+p[i], sq+q[i]
	}
	misses, overflows := false, false
	for i := range p {
		x, y := p[i]/sp, q[i]/sq
		misses = misses || x > 0 && y == 0
		overflows = overflows || x > 0 && y > 0 && math.IsInf(x/y, 1) // rel_entr's x/y, as scipy's
	}
	if misses && !math.IsInf(kl, 1) || math.IsInf(kl, 1) && !misses && !overflows || misses != math.IsInf(ce, 1) || !(kl >= 0) {
		t.Fatalf("p %v, q %v: KL %v, cross-entropy %v (q misses p: %v)", p, q, kl, ce, misses)
	}
	if !(js >= 0 && js <= math.Ln2/logOf(base)*(1+1e-12)) { // not 1/Log2(base): Log2 cancels near 1
		t.Fatalf("JSDivergence(%v, %v, %v) = %v outside [0, ln 2/ln base]", p, q, base, js)
	}
	if misses || overflows || !fuzzdata.Moderate(1e-100, 1e100, p...) || !fuzzdata.Moderate(1e-100, 1e100, q...) {
		return
	}
	// H(p, q) = H(p) + KL(p‖q), both sides' terms bounded by Σ p_i·|ln(q_i)|.
	var abs float64
	for i := range p {
		if x := p[i] / sp; x > 0 {
			abs += x * (math.Abs(logOf(q[i]/sq)) + math.Abs(logOf(x)) + 1) // ln(v) errs by eps·(|ln v| + 1)
		}
	}
	if tol := 16 * float64(len(p)+1) * fuzzEps * abs / logOf(base); math.Abs(ce-(h+kl)) > tol {
		t.Fatalf("p %v, q %v: cross-entropy %v, H + KL = %v + %v", p, q, ce, h, kl)
	}
}

// checkTable calls the table measures and checks them.
func checkTable(t *testing.T, joint []float64, rows, cols int, base float64) {
	t.Helper()
	var hxy, hyx, mi float64
	var e1, e2, e3 error
	size, ok := fuzzdata.Product(rows, cols)
	valid := ok && size == len(joint)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"JointEntropy", func() { hxy, e1 = info.JointEntropy(joint, rows, cols, base) }},
		{"ConditionalEntropy", func() { hyx, e2 = info.ConditionalEntropy(joint, rows, cols, base) }},
		{"MutualInformation", func() { mi, e3 = info.MutualInformation(joint, rows, cols, base) }},
	} {
		pn := testdata.Panics(c.f)
		if (pn != nil) == valid || pn != nil && !fuzzdata.IsErr(pn, info.ErrShape) {
			t.Fatalf("%s of %d×%d with %d values: panic %v", c.name, rows, cols, len(joint), pn)
		}
	}
	if !valid {
		return
	}
	h, err := info.Entropy(joint, base)
	if !fuzzdata.Same(h, hxy) || (err == nil) != (e1 == nil) {
		t.Fatalf("JointEntropy %v, %v; Entropy of the flattened table %v, %v", hxy, e1, h, err)
	}
	ok1 := checkErr(t, "ConditionalEntropy", e2, base, joint)
	ok2 := checkErr(t, "MutualInformation", e3, base, joint)
	if !ok1 || !ok2 || e1 != nil || !(base > 1) {
		return
	}
	if !(hyx >= 0) || !(mi >= 0) {
		t.Fatalf("table %v (%d×%d): H(Y|X) = %v, I = %v", joint, rows, cols, hyx, mi)
	}
	if !fuzzdata.Moderate(1e-100, 1e100, joint...) {
		return
	}
	px, py := make([]float64, rows), make([]float64, cols)
	for i := range rows {
		for j := range cols {
			px[i] += joint[i*cols+j]
			py[j] += joint[i*cols+j]
		}
	}
	hx, _ := info.Entropy(px, base)
	hy, _ := info.Entropy(py, base)
	tol := 64 * float64(rows*cols+1) * fuzzEps * (hxy + hx + hy + 1)
	if math.Abs(mi+hyx-hy) > tol || mi > math.Min(hx, hy)+tol || hyx > hy+tol {
		t.Fatalf("table %v (%d×%d): I = %v, H(Y|X) = %v, H(X) = %v, H(Y) = %v", joint, rows, cols, mi, hyx, hx, hy)
	}
}

// FuzzMutualInformationFromLabels calls MutualInformationFromLabels on
// decoded label vectors (small ranges, and hostile values such as
// math.MinInt64 and 1e15 that take the hash-table paths; lengths that
// disagree) and bases. It checks the shape panic, ErrEmpty and ErrBase,
// 0 for a single label, I >= 0, agreement with the contingency table
// counted in a map, and I(X; X) = H(X). The seed corpus is in
// testdata/fuzz/FuzzMutualInformationFromLabels.
func FuzzMutualInformationFromLabels(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(64)
		k := 1 + r.Intn(8)
		x := r.Labels(n, k)
		y := r.Labels(r.Length(64, n), 1+r.Intn(8))
		base := fuzzBase(r)
		var mi float64
		var err error
		pn := testdata.Panics(func() { mi, err = info.MutualInformationFromLabels(x, y, base) })
		if (pn != nil) != (len(y) != n) || pn != nil && !fuzzdata.IsErr(pn, info.ErrShape) {
			t.Fatalf("lengths %d, %d: panic %v", n, len(y), pn)
		}
		if pn != nil {
			return
		}
		switch {
		case !validBase(base):
			if !errors.Is(err, info.ErrBase) && !(n == 0 && errors.Is(err, info.ErrEmpty)) {
				t.Fatalf("base %v: error %v", base, err)
			}
			return
		case n == 0:
			if !errors.Is(err, info.ErrEmpty) {
				t.Fatalf("empty labels: error %v", err)
			}
			return
		case err != nil:
			t.Fatalf("MutualInformationFromLabels(%v, %v, %v): %v", x, y, base, err)
		}
		want := refLabelsMI(x, y)
		lnb := logOf(base)
		tol := 64 * float64(n+1) * fuzzEps * (1 + math.Log(float64(n)))
		if math.Abs(mi*lnb-want) > tol || base > 1 && !(mi >= 0) {
			t.Fatalf("MutualInformationFromLabels(%v, %v, %v) = %v (%v nats), want %v nats", x, y, base, mi, mi*lnb, want)
		}
		self, err := info.MutualInformationFromLabels(x, x, base)
		hx := refLabelsMI(x, x) // H(X) in nats
		if err != nil || math.Abs(self*lnb-hx) > tol {
			t.Fatalf("I(X; X) of %v = %v, %v; H(X) = %v nats", x, self, err, hx)
		}
	})
}

// refLabelsMI is the mutual information in nats of two labelings, from
// their contingency table counted in a map: Σ (n_ij/n)·ln(n·n_ij/(a_i·b_j)),
// 0 when either labeling has a single label.
func refLabelsMI(x, y []int64) float64 {
	n := float64(len(x))
	type pair struct{ a, b int64 }
	cells, a, b := map[pair]float64{}, map[int64]float64{}, map[int64]float64{}
	for i := range x {
		cells[pair{x[i], y[i]}]++
		a[x[i]]++
		b[y[i]]++
	}
	if len(a) == 1 || len(b) == 1 {
		return 0
	}
	keys := make([]pair, 0, len(cells))
	for c := range cells {
		keys = append(keys, c)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].a < keys[j].a || keys[i].a == keys[j].a && keys[i].b < keys[j].b })
	var mi float64
	for _, c := range keys {
		nij := cells[c]
		mi += nij / n * math.Log(n*nij/(a[c.a]*b[c.b]))
	}
	return math.Max(mi, 0)
}

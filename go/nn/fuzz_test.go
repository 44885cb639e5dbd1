package nn_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/fuzzdata"
	pw "mlmath/internal/pairwise"
	"mlmath/internal/testdata"
	"mlmath/nn"
)

const fuzzEps = 0x1p-52

// fuzzShape checks that p is nil for valid shapes and ErrShape otherwise.
func fuzzShape(t *testing.T, what string, p any, valid bool) {
	t.Helper()
	if valid && p != nil || !valid && !fuzzdata.IsErr(p, nn.ErrShape) {
		t.Fatalf("%s: valid shape %v, panic %v", what, valid, p)
	}
}

// fuzzFits reports whether len(s) is the product of dims, without overflow.
func fuzzFits(s []float64, dims ...int) bool {
	p, ok := fuzzdata.Product(dims...)
	return ok && p == len(s)
}

// refSigmoid is the documented two-branch sigmoid.
func refSigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// FuzzActivations calls the activations and their derivatives on decoded
// vectors, into a dst of a possibly wrong length and into x itself. It
// checks the shape panics and every value against the documented formula,
// bit for bit (NaN, ±Inf, -0 and subnormals included), and the ranges:
// σ in [0, 1], tanh in [-1, 1], the derivatives in [0, 1/4] and [0, 1].
// The seed corpus is in testdata/fuzz/FuzzActivations.
func FuzzActivations(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(33)
		x := r.Floats(n)
		dst := make([]float64, r.Length(33, n))
		acts := []struct {
			name   string
			f      func(dst, x []float64)
			want   func(v float64) float64
			lo, hi float64
		}{
			{"Sigmoid", nn.Sigmoid, refSigmoid, 0, 1},
			{"SigmoidDerivative", nn.SigmoidDerivative, func(v float64) float64 { s := refSigmoid(v); return s * (1 - s) }, 0, 0.25},
			{"ReLU", nn.ReLU, func(v float64) float64 {
				if v > 0 || v != v {
					return v
				}
				return 0
			}, 0, math.Inf(1)},
			{"ReLUDerivative", nn.ReLUDerivative, func(v float64) float64 {
				if v > 0 {
					return 1
				}
				return 0
			}, 0, 1},
			{"Tanh", nn.Tanh, math.Tanh, -1, 1},
			{"TanhDerivative", nn.TanhDerivative, func(v float64) float64 { t := math.Tanh(v); return 1 - float64(t*t) }, 0, 1},
		}
		for _, a := range acts {
			clear(dst)
			p := testdata.Panics(func() { a.f(dst, x) })
			fuzzShape(t, a.name, p, len(dst) == n)
			if p != nil {
				continue
			}
			in := append([]float64(nil), x...)
			a.f(in, in) // dst may be x
			for i, v := range x {
				w := a.want(v)
				if !fuzzdata.Same(dst[i], w) || !fuzzdata.Same(in[i], w) {
					t.Fatalf("%s(%v) = %v (in place %v), want %v", a.name, v, dst[i], in[i], w)
				}
				if !math.IsNaN(v) && !(w >= a.lo && w <= a.hi) {
					t.Fatalf("%s(%v) = %v outside [%v, %v]", a.name, v, w, a.lo, a.hi)
				}
			}
		}
	})
}

// FuzzSoftmax calls Softmax, LogSoftmax, LogSumExp and SoftmaxCrossEntropy
// on decoded matrices (hostile shapes, NaN, ±Inf, rows of -Inf, huge
// values) and labels (out of range ones included). It checks the shape
// panics, ErrLabel, the documented results for rows with NaN or
// infinities, and for finite rows: softmax in [0, 1] summing to 1,
// log-softmax <= 0 and its exponential the softmax, LogSumExp against a
// plain shifted sum, and the cross-entropy as the mean of LogSumExp minus
// the label's logit, nonnegative. The seed corpus is in
// testdata/fuzz/FuzzSoftmax.
func FuzzSoftmax(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		rows, cols := r.Dim(6), r.Dim(8)
		x := r.Floats(r.Length(48, rows, cols))
		sm, ls := make([]float64, r.Length(48, rows, cols)), make([]float64, r.Length(48, rows, cols))
		lse := make([]float64, r.Length(48, rows))
		nl, k := rows, max(cols, 1)
		if r.Byte() >= 0xF0 || rows < 0 || rows > 6 {
			nl = r.Intn(7) // a label count that may disagree with rows
		}
		if r.Byte() >= 0xF0 {
			k++ // now and then the label cols, just out of range
		}
		labels := r.Labels(nl, k)
		x0 := append([]float64(nil), x...)
		isX := fuzzFits(x, rows, cols)
		fuzzShape(t, "Softmax", testdata.Panics(func() { nn.Softmax(sm, x, rows, cols) }), isX && fuzzFits(sm, rows, cols))
		fuzzShape(t, "LogSoftmax", testdata.Panics(func() { nn.LogSoftmax(ls, x, rows, cols) }), isX && fuzzFits(ls, rows, cols))
		fuzzShape(t, "LogSumExp", testdata.Panics(func() { nn.LogSumExp(lse, x, rows, cols) }), isX && fuzzFits(lse, rows))
		var ce float64
		var err error
		validCE := isX && len(labels) == rows
		fuzzShape(t, "SoftmaxCrossEntropy", testdata.Panics(func() { ce, err = nn.SoftmaxCrossEntropy(labels, x, rows, cols) }), validCE)
		if !fuzzdata.SameSlices(x0, x) {
			t.Fatal("an input was modified")
		}
		if !isX || rows > 6 || cols > 8 {
			return // a bad shape, or one valid only because the other dimension is 0
		}
		ok := fuzzFits(sm, rows, cols) && fuzzFits(ls, rows, cols) && fuzzFits(lse, rows)
		for i := range rows {
			row := x[i*cols : i*cols+cols]
			m, hasNaN, hasPosInf := math.Inf(-1), false, false
			for _, v := range row {
				hasNaN = hasNaN || v != v
				hasPosInf = hasPosInf || math.IsInf(v, 1)
				m = math.Max(m, v)
			}
			if !ok {
				break
			}
			smr, lsr := sm[i*cols:i*cols+cols], ls[i*cols:i*cols+cols]
			switch {
			case cols == 0:
				if !math.IsInf(lse[i], -1) {
					t.Fatalf("LogSumExp of an empty row: %v", lse[i])
				}
			case hasNaN:
				checkAll(t, "NaN row", row, func(j int) bool {
					return math.IsNaN(smr[j]) && math.IsNaN(lsr[j])
				}, math.IsNaN(lse[i]))
			case hasPosInf:
				checkAll(t, "+Inf row", row, func(j int) bool {
					wantLS := math.Inf(-1)
					if math.IsInf(row[j], 1) {
						wantLS = math.NaN()
					}
					return math.IsNaN(smr[j]) && fuzzdata.Same(lsr[j], wantLS)
				}, math.IsInf(lse[i], 1))
			case math.IsInf(m, -1):
				checkAll(t, "-Inf row", row, func(j int) bool {
					return math.IsNaN(smr[j]) && math.IsNaN(lsr[j])
				}, math.IsInf(lse[i], -1))
			default:
				checkFiniteRow(t, row, smr, lsr, lse[i], m)
			}
		}
		if !validCE {
			return
		}
		for _, l := range labels {
			if l < 0 || l >= int64(cols) {
				if !errors.Is(err, nn.ErrLabel) {
					t.Fatalf("SoftmaxCrossEntropy with label %d of %d classes: %v", l, cols, err)
				}
				return
			}
		}
		if err != nil {
			t.Fatalf("SoftmaxCrossEntropy: %v", err)
		}
		if rows == 0 {
			if !math.IsNaN(ce) {
				t.Fatalf("SoftmaxCrossEntropy of no rows: %v, want NaN", ce)
			}
			return
		}
		if !fuzzdata.Finite(x...) || !fuzzdata.Moderate(0, 1e100, x...) {
			return
		}
		var want, abs float64
		for i, l := range labels {
			v := make([]float64, 1)
			nn.LogSumExp(v, x[i*cols:i*cols+cols], 1, cols)
			want += v[0] - x[i*cols+int(l)]
			// The terms, and log(Σ exp(x_j - m)), of at least log 1 = 0.
			abs += math.Abs(v[0]) + math.Abs(x[i*cols+int(l)]) + 1 + math.Log(float64(cols))
		}
		want /= float64(rows)
		if tol := 8 * float64(rows+cols) * fuzzEps * abs; !(ce >= 0) || math.Abs(ce-want) > tol {
			t.Fatalf("SoftmaxCrossEntropy(%v, %v) = %v, want %v within %v", labels, x, ce, want, tol)
		}
	})
}

// checkAll fails unless ok holds for every column of the row and lseOK.
func checkAll(t *testing.T, what string, row []float64, ok func(j int) bool, lseOK bool) {
	t.Helper()
	for j := range row {
		if !ok(j) {
			t.Fatalf("%s %v: column %d wrong", what, row, j)
		}
	}
	if !lseOK {
		t.Fatalf("%s %v: LogSumExp wrong", what, row)
	}
}

// checkFiniteRow checks the softmax, log-softmax and LogSumExp of a row
// holding finite values and -Inf (not only), m its maximum.
func checkFiniteRow(t *testing.T, row, sm, ls []float64, lse, m float64) {
	t.Helper()
	cols := float64(len(row))
	var sum, ref float64
	for j, v := range row {
		if !(sm[j] >= 0 && sm[j] <= 1) || !(ls[j] <= 0) {
			t.Fatalf("softmax of %v: %v, log-softmax %v", row, sm, ls)
		}
		if e := math.Exp(ls[j]); math.Abs(e-sm[j]) > 8*cols*fuzzEps*(1+math.Abs(ls[j])) {
			t.Fatalf("softmax of %v: %v, exp(log-softmax) %v", row, sm, e)
		}
		if math.IsInf(v, -1) && (sm[j] != 0 || !math.IsInf(ls[j], -1)) {
			t.Fatalf("softmax of %v: %v at -Inf, log-softmax %v", row, sm[j], ls[j])
		}
		sum += sm[j]
		ref += math.Exp(v - m)
	}
	if math.Abs(sum-1) > 4*cols*fuzzEps {
		t.Fatalf("softmax of %v sums to %v", row, sum)
	}
	want := m + math.Log(ref)
	if tol := 8 * cols * fuzzEps * (math.Abs(m) + math.Log(cols) + 1); !(lse >= m) || math.Abs(lse-want) > tol {
		t.Fatalf("LogSumExp(%v) = %v, want %v", row, lse, want)
	}
}

// FuzzLosses calls MSE, BinaryCrossEntropy (with decoded clipping eps) and
// BCEWithLogits on decoded targets and predictions of possibly different
// lengths. It checks the shape panics, NaN for empty input, each value
// against the documented formula summed in numpy's pairwise order, bit for
// bit, and for finite input: MSE >= 0, BCEWithLogits finite and >= 0 for
// targets in [0, 1], and BinaryCrossEntropy finite for eps in (0, 1/2).
// The seed corpus is in testdata/fuzz/FuzzLosses.
func FuzzLosses(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Intn(40)
		y := r.Floats(n)
		p := r.Floats(r.Length(40, n))
		eps := [...]float64{0x1p-52, 1e-7, 0, 0.5, math.NaN(), -1}[r.Intn(6)]
		if r.Bool() { // targets in [0, 1], as a classifier's
			for i, v := range y {
				y[i] = math.Abs(math.Mod(v, 1))
			}
		}
		losses := []struct {
			name string
			f    func(y, p []float64) float64
			term func(y, p float64) float64
		}{
			{"MSE", nn.MSE, func(y, p float64) float64 { d := y - p; return float64(d * d) }},
			{"BinaryCrossEntropy", func(y, p []float64) float64 { return nn.BinaryCrossEntropy(y, p, eps) }, func(y, p float64) float64 {
				q := p
				if q < eps {
					q = eps
				} else if q > 1-eps {
					q = 1 - eps
				}
				return -(float64(y*math.Log(q)) + float64((1-y)*math.Log(1-q)))
			}},
			{"BCEWithLogits", nn.BCEWithLogits, func(y, x float64) float64 {
				logSig := math.Min(x, 0) - math.Log1p(math.Exp(-math.Abs(x)))
				return float64((1-y)*x) - logSig
			}},
		}
		for _, l := range losses {
			var got float64
			pn := testdata.Panics(func() { got = l.f(y, p) })
			fuzzShape(t, l.name, pn, len(p) == n)
			if pn != nil {
				continue
			}
			want := pw.Sum(0, n, func(i int) float64 { return l.term(y[i], p[i]) }) / float64(n)
			if !fuzzdata.Same(got, want) {
				t.Fatalf("%s(%v, %v) = %v, want %v", l.name, y, p, got, want)
			}
			if n == 0 || !fuzzdata.Finite(y...) || !fuzzdata.Finite(p...) || fuzzdata.MaxAbs(y) > 1e150 || fuzzdata.MaxAbs(p) > 1e150 {
				continue
			}
			inUnit := fuzzdata.MaxAbs(y) <= 1 && !math.Signbit(minOf(y))
			switch {
			case l.name == "MSE" && !(got >= 0),
				l.name == "BCEWithLogits" && inUnit && !(got >= 0 && !math.IsInf(got, 0)),
				l.name == "BinaryCrossEntropy" && inUnit && eps > 0 && eps < 0.5 && !(got >= 0 && !math.IsInf(got, 0)):
				t.Fatalf("%s(%v, %v) = %v", l.name, y, p, got)
			}
		}
	})
}

// minOf returns the smallest element of a non-empty s.
func minOf(s []float64) float64 {
	m := s[0]
	for _, v := range s {
		m = math.Min(m, v)
	}
	return m
}

// FuzzNetwork runs Forward, Backward and Train on decoded shapes (hostile
// ones included), weights, data and training settings. It checks the shape
// panics and Train's errors; Forward against a layer-by-layer triple loop
// and sigmoid, and Backward against the documented steps in plain loops
// (the column sums in numpy's pairwise order), both within the products'
// rounding bounds; and that Train runs the documented epochs, calls the
// optimizer once per batch, stops where Progress says and, for finite
// moderate input, records finite nonnegative losses. The seed corpus is in
// testdata/fuzz/FuzzNetwork.
func FuzzNetwork(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n, d, h, o := r.Dim(5), r.Dim(4), r.Dim(4), r.Dim(3)
		x := r.Floats(r.Length(20, n, d))
		w1, b1 := r.Floats(r.Length(16, d, h)), r.Floats(r.Length(4, h))
		w2, b2 := r.Floats(r.Length(12, h, o)), r.Floats(r.Length(3, o))
		y := r.Floats(r.Length(15, n, o))
		for i, v := range y {
			y[i] = math.Abs(math.Mod(v, 1))
		}
		a1, a2 := make([]float64, r.Length(20, n, h)), make([]float64, r.Length(15, n, o))
		z1, z2 := make([]float64, len(a1)), make([]float64, len(a2))
		net := fuzzFits(x, n, d) && fuzzFits(w1, d, h) && fuzzFits(b1, h) && fuzzFits(w2, h, o) && fuzzFits(b2, o)
		valid := net && fuzzFits(a1, n, h) && fuzzFits(a2, n, o)
		p := testdata.Panics(func() { nn.Forward(a1, a2, z1, z2, x, w1, b1, w2, b2, n, d, h, o) })
		fuzzShape(t, "Forward", p, valid)
		huge := n > 5 || d > 4 || h > 4 || o > 3 // valid only because another dimension is 0
		moderate := fuzzdata.Moderate(1e-3, 1e3, x...) && fuzzdata.Moderate(1e-3, 1e3, w1...) && fuzzdata.Moderate(1e-3, 1e3, b1...) &&
			fuzzdata.Moderate(1e-3, 1e3, w2...) && fuzzdata.Moderate(1e-3, 1e3, b2...)
		if valid && !huge && moderate {
			checkLayer(t, "layer 1", a1, z1, x, w1, b1, n, d, h)
			checkLayer(t, "layer 2", a2, z2, a1, w2, b2, n, h, o)
		}

		dw1, db1 := make([]float64, r.Length(16, d, h)), make([]float64, r.Length(4, h))
		dw2, db2 := make([]float64, r.Length(12, h, o)), make([]float64, r.Length(3, o))
		validB := fuzzFits(x, n, d) && fuzzFits(y, n, o) && fuzzFits(a1, n, h) && fuzzFits(a2, n, o) && fuzzFits(w2, h, o) &&
			fuzzFits(dw1, d, h) && fuzzFits(db1, h) && fuzzFits(dw2, h, o) && fuzzFits(db2, o)
		p = testdata.Panics(func() { nn.Backward(dw1, db1, dw2, db2, x, y, a1, a2, w2, n, d, h, o) })
		fuzzShape(t, "Backward", p, validB)
		if validB && valid && !huge && moderate && n > 0 {
			checkBackward(t, dw1, db1, dw2, db2, x, y, a1, a2, w2, n, d, h, o)
		}

		// Train, with an SGD step on copies of the weights.
		epochs, batch := r.Dim(3), [...]int{0, 1, 2, -1, 100, math.MinInt}[r.Intn(6)]
		losses := make([]float64, r.Length(3, epochs))
		stopAt, fail := r.Intn(4), r.Bool()
		useProgress := r.Bool()
		if huge || n > 5 || epochs > 3 {
			return // Train's work is n·epochs: real, not to be fuzzed huge
		}
		cp := func(s []float64) []float64 { return append([]float64(nil), s...) }
		netw := nn.Network{W1: cp(w1), B1: cp(b1), W2: cp(w2), B2: cp(b2), D: d, H: h, O: o}
		steps := 0
		step := func(g [4][]float64) {
			steps++
			for k, w := range [][]float64{netw.W1, netw.B1, netw.W2, netw.B2} {
				for i := range w {
					w[i] -= 0.1 * g[k][i]
				}
			}
		}
		calls := 0
		progress := func(epoch int, loss float64) (bool, error) {
			calls++
			if epoch != calls || !fuzzdata.Same(loss, losses[epoch-1]) {
				t.Fatalf("Train: progress(%d, %v) at call %d", epoch, loss, calls)
			}
			if epoch == stopAt {
				if fail {
					return false, errStop
				}
				return true, nil
			}
			return false, nil
		}
		if !useProgress {
			progress = nil
		}
		var done int
		var err error
		p = testdata.Panics(func() { done, err = nn.Train(x, y, n, netw, step, epochs, batch, losses, progress, 0) })
		switch {
		case n < 1:
			if p != nil || !errors.Is(err, nn.ErrEmpty) {
				t.Fatalf("Train with n=%d: %v, panic %v", n, err, p)
			}
			return
		case epochs < 0:
			if p != nil || !errors.Is(err, nn.ErrEpochs) {
				t.Fatalf("Train with %d epochs: %v, panic %v", epochs, err, p)
			}
			return
		}
		fuzzShape(t, "Train", p, net && fuzzFits(y, n, o) && len(losses) == epochs)
		if p != nil {
			return
		}
		wantDone := epochs
		if useProgress && stopAt >= 1 && stopAt <= epochs {
			wantDone = stopAt
		}
		b := batch
		if b <= 0 || b > n {
			b = n
		}
		if done != wantDone || (err != nil) != (useProgress && fail && stopAt >= 1 && stopAt <= epochs) || steps != done*((n+b-1)/b) {
			t.Fatalf("Train(n=%d, epochs=%d, batch=%d, stop at %d): %d epochs, %d steps, %v", n, epochs, batch, stopAt, done, steps, err)
		}
		if moderate && fuzzdata.Finite(y...) && done > 0 && o > 0 { // no outputs: the mean of no losses is NaN
			for _, l := range losses[:done] {
				if !(l >= 0) || math.IsInf(l, 0) {
					t.Fatalf("Train(x %v, y %v, w1 %v, b1 %v, w2 %v, b2 %v, n=%d, d=%d, h=%d, o=%d, batch %d): losses %v",
						x, y, w1, b1, w2, b2, n, d, h, o, batch, losses[:done])
				}
			}
		}
	})
}

var errStop = errors.New("progress failed")

// checkLayer checks a = σ(in·w + b) for in n×k, w k×m, against a triple
// loop, within the product's rounding bound.
func checkLayer(t *testing.T, what string, a, z, in, w, b []float64, n, k, m int) {
	t.Helper()
	for i := range n {
		for j := range m {
			var s, abs float64
			for l := range k {
				s += in[i*k+l] * w[l*m+j]
				abs += math.Abs(in[i*k+l] * w[l*m+j])
			}
			s += b[j]
			tol := 4*float64(k+1)*fuzzEps*(abs+math.Abs(b[j])) + 1e-300
			if math.Abs(z[i*m+j]-s) > tol || math.Abs(a[i*m+j]-refSigmoid(s)) > tol/4+4*fuzzEps {
				t.Fatalf("Forward %s: z %v a %v, want z %v a %v within %v", what, z[i*m+j], a[i*m+j], s, refSigmoid(s), tol)
			}
		}
	}
}

// checkBackward computes the documented gradients in plain loops, with the
// sums of absolute values that bound their rounding errors.
func checkBackward(t *testing.T, dw1, db1, dw2, db2, x, y, a1, a2, w2 []float64, n, d, h, o int) {
	t.Helper()
	dz2 := make([]float64, n*o)
	for i := range dz2 {
		dz2[i] = (a2[i] - y[i]) / float64(n*o)
	}
	for k := range o {
		if want := pw.Sum(0, n, func(i int) float64 { return dz2[i*o+k] }); !fuzzdata.Same(db2[k], want) {
			t.Fatalf("Backward: db2[%d] = %v, want %v", k, db2[k], want)
		}
	}
	dz1, dz1abs := make([]float64, n*h), make([]float64, n*h)
	for i := range n {
		for j := range h {
			var s, abs float64
			for k := range o {
				s += dz2[i*o+k] * w2[j*o+k]
				abs += math.Abs(dz2[i*o+k] * w2[j*o+k])
			}
			g := a1[i*h+j] * (1 - a1[i*h+j])
			dz1[i*h+j], dz1abs[i*h+j] = s*g, abs*math.Abs(g)
		}
	}
	tol := 8 * float64(n+o+h+2) * fuzzEps
	for j := range h {
		for k := range o {
			var s, abs float64
			for i := range n {
				s += a1[i*h+j] * dz2[i*o+k]
				abs += math.Abs(a1[i*h+j] * dz2[i*o+k])
			}
			if math.Abs(dw2[j*o+k]-s) > tol*abs+1e-300 {
				t.Fatalf("Backward: dw2[%d][%d] = %v, want %v", j, k, dw2[j*o+k], s)
			}
		}
		var s, abs float64
		for i := range n {
			s += dz1[i*h+j]
			abs += dz1abs[i*h+j]
		}
		if math.Abs(db1[j]-s) > tol*abs+1e-300 {
			t.Fatalf("Backward: db1[%d] = %v, want %v", j, db1[j], s)
		}
	}
	for l := range d {
		for j := range h {
			var s, abs float64
			for i := range n {
				s += x[i*d+l] * dz1[i*h+j]
				abs += math.Abs(x[i*d+l]) * dz1abs[i*h+j]
			}
			if math.Abs(dw1[l*h+j]-s) > tol*abs+1e-300 {
				t.Fatalf("Backward: dw1[%d][%d] = %v, want %v", l, j, dw1[l*h+j], s)
			}
		}
	}
}

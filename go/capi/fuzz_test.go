package main

import (
	"bytes"
	"errors"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"mlmath/decomp"
	"mlmath/info"
	"mlmath/internal/fuzzdata"
	"mlmath/internal/status"
	"mlmath/mat"
	"mlmath/metrics"
	"mlmath/nn"
	"mlmath/optim"
	"mlmath/vec"
)

// The fuzz tests call the exports as Go functions, with C memory from
// fuzzargs.go: arrays of the sizes the size arguments give, NULL pointers,
// and size arguments that are negative, overflow int64 when multiplied, or
// exceed what a slice can hold. The rule they check is the boundary's:
//
//   - a size argument that is negative, or whose products with the sizes
//     before it exceed maxElems, or a NULL pointer with elements behind it,
//     or an argument an export documents as invalid (a NULL out pointer, a
//     step number below 1, ...) gives a status other than MLM_OK (and never
//     MLM_ERR_PANIC);
//   - otherwise the status is MLM_OK or one of the export's data-dependent
//     errors (a singular matrix, a callback that failed, ...), never
//     MLM_ERR_PANIC;
//   - an export writes nothing past the end of a caller's buffer (guard
//     bytes after each block) and does not modify its inputs;
//   - no panic escapes (the test would crash) and no call crashes.
//
// A non-NULL pointer always points to as many elements as the sizes say
// (more would be the caller's error, which no check can catch), or to one
// element when the sizes are invalid (the export must not read it).

// fuzzMaxArray is the most elements an array of a fuzz call gets; a valid
// size above it is passed as NULL (and must then be rejected).
const fuzzMaxArray = 256

// fuzzCall builds the arguments of one call of an export from fuzz input.
type fuzzCall struct {
	t    *testing.T
	r    *fuzzdata.Reader
	c    *cArgs
	d    [6]int64 // the size arguments, usually small, sometimes hostile
	bad  bool     // an argument the export must reject
	ins  []fuzzInput
	lens map[*_Ctype_double]int // the elements behind each array given
}

// read copies the elements behind an array given to the export.
func (x *fuzzCall) read(p *_Ctype_double) []float64 { return goDoubles(p, x.lens[p]) }

// doubles is c.doubles, remembering the length.
func (x *fuzzCall) doubles(s []float64) *_Ctype_double {
	p := x.c.doubles(s)
	if p != nil {
		x.lens[p] = len(s)
	}
	return p
}

// fuzzInput is an input array, to check that it is not modified.
type fuzzInput struct {
	p    func() []float64
	want []float64
}

// count returns the number of elements of an array of the given sizes
// and whether the sizes are valid, as the boundary defines them: no
// negative size, and no product of a size with those before it above
// maxElems.
func count(dims ...int64) (int, bool) {
	n := int64(1)
	for _, d := range dims {
		if d < 0 {
			return 0, false
		}
		if d != 0 && n > maxElems/d {
			return 0, false
		}
		n *= d
	}
	return int(n), true
}

// nullByte reports, from the next byte, whether an array is passed as NULL.
func (x *fuzzCall) nullByte() bool { return x.r.Byte() >= 0xF4 }

// arrayPass is how the fuzzer passes an array to an export.
type arrayPass int

const (
	passNull arrayPass = iota // NULL
	passOne                   // one element, standing in for invalid sizes
	passAll                   // every element
)

// pass decides, from the sizes and the next byte, how an array is passed,
// and returns its element count for passAll; it marks the call bad where
// the export must reject it.
func (x *fuzzCall) pass(dims ...int64) (int, arrayPass) {
	n, ok := count(dims...)
	null := x.nullByte()
	switch {
	case !ok:
		x.bad = true
		if null {
			return 0, passNull
		}
		return 1, passOne
	case n > fuzzMaxArray || null:
		x.bad = x.bad || n > 0
		return 0, passNull
	}
	return n, passAll
}

// arr returns an array of the given sizes as pass decides: NULL, one
// decoded element, or all of them (decoded values, or NaN for an output).
func (x *fuzzCall) arr(input bool, dims ...int64) []float64 {
	n, how := x.pass(dims...)
	switch {
	case how == passNull:
		return nil
	case how == passOne:
		return []float64{x.r.Float()}
	case !input:
		s := make([]float64, n)
		for i := range s {
			s[i] = math.NaN()
		}
		return s
	}
	return x.r.Floats(n)
}

// in is an input array of doubles, checked afterwards to be unchanged.
func (x *fuzzCall) in(dims ...int64) *_Ctype_double {
	s := x.arr(true, dims...)
	p := x.doubles(s)
	if s != nil {
		want := append([]float64(nil), s...)
		x.ins = append(x.ins, fuzzInput{func() []float64 { return goDoubles(p, len(want)) }, want})
	}
	return p
}

// inout is an array of doubles the export updates in place (optimizer
// steps, weights).
func (x *fuzzCall) inout(dims ...int64) *_Ctype_double { return x.doubles(x.arr(true, dims...)) }

// out is an output array of doubles.
func (x *fuzzCall) out(dims ...int64) *_Ctype_double { return x.doubles(x.arr(false, dims...)) }

// opt is an optional state array (NULL allowed: the export decides).
func (x *fuzzCall) opt(dims ...int64) *_Ctype_double {
	n, ok := count(dims...)
	if !ok || n > fuzzMaxArray || x.nullByte() {
		return nil
	}
	return x.doubles(x.r.Floats(n))
}

// labels is an input array of n int64 labels (in [0, k), sometimes hostile).
func (x *fuzzCall) labels(k int, dims ...int64) *_Ctype_int64_t {
	switch n, how := x.pass(dims...); how {
	case passNull:
		return nil
	case passOne:
		return x.c.int64s([]int64{0})
	default:
		return x.c.int64s(x.r.Labels(n, k))
	}
}

// scalar is an out pointer to one double, NULL now and then (bad).
func (x *fuzzCall) scalar() *_Ctype_double {
	if x.nullByte() {
		x.bad = true
		return nil
	}
	return x.doubles([]float64{math.NaN()})
}

// scalarInt is an out pointer to one int64, NULL now and then (bad).
func (x *fuzzCall) scalarInt() *_Ctype_int64_t {
	if x.nullByte() {
		x.bad = true
		return nil
	}
	return x.c.int64s([]int64{-7})
}

// n returns size argument i as a C int64.
func (x *fuzzCall) n(i int) _Ctype_int64_t { return cInt64(x.d[i]) }

// f returns a decoded double (hostile or moderate).
func (x *fuzzCall) f() _Ctype_double { return cDouble(x.r.Float()) }

// flag returns 0 or 1.
func (x *fuzzCall) flag() _Ctype_int { return cInt(x.r.Intn(2)) }

// progress returns a progress callback: NULL, or one that goes on, stops
// or fails; the codes it may cause are added to allowed.
func (x *fuzzCall) progress(allowed *[]status.Code) (_Ctype_mlm_progress, _Ctype_double) {
	k := x.r.Intn(4) - 1
	if k > 0 {
		*allowed = append(*allowed, status.Callback)
	}
	return cProgress(k), cDouble([...]float64{0, 0, 1e-9, -1}[x.r.Intn(4)])
}

// stringOut returns a buffer for a string result: (buf, cap, len), with
// a NULL len, a negative cap or NULL with a positive cap now and then
// (bad), and a cap that may be too small.
func (x *fuzzCall) stringOut() (*_Ctype_char, _Ctype_int64_t, *_Ctype_int64_t) {
	capacity := int64(x.r.Intn(48))
	buf := x.c.buffer(int(capacity))
	switch x.r.Intn(16) {
	case 0:
		x.bad = true
		return buf, cInt64(capacity), nil
	case 1:
		x.bad = true
		return buf, cInt64(-1 - int64(x.r.Intn(3))), x.scalarInt()
	case 2:
		if capacity > 0 {
			x.bad = true
		}
		return nil, cInt64(capacity), x.c.int64s([]int64{-7})
	}
	return buf, cInt64(capacity), x.c.int64s([]int64{-7})
}

// bytesIn returns len bytes (decoded) for a string argument, or NULL, or
// with a hostile length (negative, above MaxInt32: bad).
func (x *fuzzCall) bytesIn(s string) (*_Ctype_char, _Ctype_int64_t) {
	switch x.r.Intn(12) {
	case 0:
		x.bad = x.bad || len(s) > 0
		return nil, cInt64(int64(len(s)))
	case 1:
		x.bad = true
		return x.c.chars(s, false), cInt64([...]int64{-1, math.MinInt64, 1 << 31, math.MaxInt64}[x.r.Intn(4)])
	}
	return x.c.chars(s, false), cInt64(int64(len(s)))
}

// exportCase is one export's fuzz call: it builds the arguments, calls the
// export and returns the status and the data-dependent codes allowed
// besides MLM_OK for valid arguments.
type exportCase func(x *fuzzCall) (_Ctype_int, []status.Code)

// Codes the exports may return for valid arguments, by the data.
var (
	shapeDomain = []status.Code{status.Shape, status.Domain}
	linalg      = []status.Code{status.NotFinite, status.NoConvergence}
)

// exportCases holds a fuzz call of every export in bindings/mlmath.h, by
// name (TestFuzzCoversEveryExport checks the list).
var exportCases = map[string]exportCase{
	// ---- library information
	"mlm_go_version":        stringCase(mlm_go_version),
	"mlm_kernel":            stringCase(mlm_kernel),
	"mlm_kernels_supported": stringCase(mlm_kernels_supported),
	"mlm_kernel_note":       stringCase(mlm_kernel_note),
	"mlm_cpu_features":      stringCase(mlm_cpu_features),
	"mlm_gomaxprocs": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_gomaxprocs(x.scalarInt()), nil
	},

	// ---- vectors
	"mlm_add": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		v, w, dst := x.in(x.d[0]), x.in(x.d[0]), x.out(x.d[0])
		code := mlm_add(v, w, x.n(0), dst)
		if codeOf(code) == status.OK && dst != nil { // the adapter passes v, w in order
			got, sv, sw := x.read(dst), x.read(v), x.read(w)
			want := vec.AddTo(make([]float64, len(sv)), sv, sw)
			x.same("mlm_add", got, want)
		}
		return code, nil
	},
	"mlm_subtract": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_subtract(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.out(x.d[0])), nil
	},
	"mlm_scale": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_scale(x.f(), x.in(x.d[0]), x.n(0), x.out(x.d[0])), nil
	},
	"mlm_dot": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_dot(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.scalar()), nil
	},
	"mlm_norm": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_norm(x.in(x.d[0]), x.n(0), cDouble([...]float64{2, 1, 0, math.Inf(1), math.Inf(-1), 3}[x.r.Intn(6)]), x.scalar()), shapeDomain
	},
	"mlm_cosine_similarity": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_cosine_similarity(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.scalar()), nil
	},

	// ---- matrices
	"mlm_matmul": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		m, k, n := x.d[0], x.d[1], x.d[2]
		a, b, dst := x.in(m, k), x.in(k, n), x.out(m, n)
		code := mlm_matmul(a, b, x.n(0), x.n(1), x.n(2), dst)
		if codeOf(code) == status.OK && !x.bad {
			sa, sb := x.read(a), x.read(b)
			want := make([]float64, m*n)
			mat.Mul(want, sa, sb, int(m), int(k), int(n))
			x.same("mlm_matmul", x.read(dst), want)
		}
		return code, nil
	},
	"mlm_transpose": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_transpose(x.in(x.d[0], x.d[1]), x.n(0), x.n(1), x.out(x.d[1], x.d[0])), nil
	},
	"mlm_det": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_det(x.in(x.d[0], x.d[0]), x.n(0), x.scalar()), nil
	},
	"mlm_inv": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_inv(x.in(x.d[0], x.d[0]), x.n(0), x.out(x.d[0], x.d[0])), []status.Code{status.Singular}
	},
	"mlm_solve": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_solve(x.in(x.d[0], x.d[0]), x.in(x.d[0], x.d[1]), x.n(0), x.n(1), x.out(x.d[0], x.d[1])), []status.Code{status.Singular}
	},

	// ---- decompositions
	"mlm_cholesky": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := []status.Code{status.NotPosDef}
		a, dst := x.in(x.d[0], x.d[0]), x.out(x.d[0], x.d[0])
		p, every := x.progress(&allowed)
		return mlm_cholesky(a, x.n(0), dst, p, nil, every), allowed
	},
	"mlm_qr": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		var allowed []status.Code
		m, n := x.d[0], x.d[1]
		k := min(m, n)
		a, q, r := x.in(m, n), x.out(m, k), x.out(k, n)
		p, every := x.progress(&allowed)
		return mlm_qr(a, x.n(0), x.n(1), q, r, p, nil, every), allowed
	},
	"mlm_eigh": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := slices.Clone(linalg)
		a, w, v := x.in(x.d[0], x.d[0]), x.out(x.d[0]), x.out(x.d[0], x.d[0])
		p, every := x.progress(&allowed)
		return mlm_eigh(a, x.n(0), w, v, p, nil, every), allowed
	},
	"mlm_svd": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := slices.Clone(linalg)
		m, n, full := x.d[0], x.d[1], x.r.Intn(2)
		k := min(m, n)
		ucols, vrows := k, k
		if full == 1 {
			ucols, vrows = m, n
		}
		a, u, s, vt := x.in(m, n), x.out(m, ucols), x.out(k), x.out(vrows, n)
		p, every := x.progress(&allowed)
		code := mlm_svd(a, x.n(0), x.n(1), cInt(full), u, s, vt, p, nil, every)
		if codeOf(code) == status.OK && !x.bad { // the adapter passes m, n in order
			want := make([]float64, k)
			if err := decomp.SVD(make([]float64, m*ucols), want, make([]float64, vrows*n), x.read(a), int(m), int(n), full == 1); err == nil {
				x.same("mlm_svd", x.read(s), want)
			}
		}
		return code, allowed
	},
	"mlm_eig": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := slices.Clone(linalg)
		n := x.d[0]
		a, wr, wi, v := x.in(n, n), x.out(n), x.out(n), x.out(n, n)
		p, every := x.progress(&allowed)
		return mlm_eig(a, x.n(0), wr, wi, v, p, nil, every), allowed
	},
	"mlm_pinv": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := slices.Clone(linalg)
		a, dst := x.in(x.d[0], x.d[1]), x.out(x.d[1], x.d[0])
		p, every := x.progress(&allowed)
		return mlm_pinv(a, x.n(0), x.n(1), x.f(), dst, p, nil, every), allowed
	},
	"mlm_matrix_rank": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := slices.Clone(linalg)
		a := x.in(x.d[0], x.d[1])
		tol, out := x.f(), x.scalarInt()
		p, every := x.progress(&allowed)
		return mlm_matrix_rank(a, x.n(0), x.n(1), tol, out, p, nil, every), allowed
	},
	"mlm_cond": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := append(slices.Clone(linalg), status.Shape) // an empty matrix
		a, out := x.in(x.d[0], x.d[1]), x.scalar()
		p, every := x.progress(&allowed)
		return mlm_cond(a, x.n(0), x.n(1), out, p, nil, every), allowed
	},
	"mlm_low_rank_approx": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := append(slices.Clone(linalg), status.Shape) // k outside [1, min(m, n)]
		m, n, k := x.d[0], x.d[1], x.d[2]
		a, uk, sk, vtk, ak := x.in(m, n), x.out(m, k), x.out(k), x.out(k, n), x.out(m, n)
		p, every := x.progress(&allowed)
		return mlm_low_rank_approx(a, x.n(0), x.n(1), x.n(2), uk, sk, vtk, ak, p, nil, every), allowed
	},
	"mlm_pca": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := append(slices.Clone(linalg), status.Shape) // samples < 2, c out of range
		s, f, c := x.d[0], x.d[1], x.d[2]
		xx, comp, variance, ratio, mean, tr := x.in(s, f), x.out(c, f), x.out(c), x.out(c), x.out(f), x.out(s, c)
		p, every := x.progress(&allowed)
		return mlm_pca(xx, x.n(0), x.n(1), x.n(2), comp, variance, ratio, mean, tr, p, nil, every), allowed
	},

	// ---- calculus
	"mlm_derivative": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		f := x.fn()
		return mlm_derivative(f, nil, x.f(), x.f(), x.scalar()), []status.Code{status.Callback, status.Domain}
	},
	"mlm_gradient": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		f := x.fn()
		return mlm_gradient(f, nil, x.in(x.d[0]), x.n(0), x.f(), x.out(x.d[0])), []status.Code{status.Callback, status.Domain}
	},
	"mlm_jacobian": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		f := x.fn()
		return mlm_jacobian(f, nil, x.in(x.d[0]), x.n(0), x.n(1), x.f(), x.out(x.d[1], x.d[0])), []status.Code{status.Callback, status.Domain}
	},
	"mlm_hessian": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		f := x.fn()
		return mlm_hessian(f, nil, x.in(x.d[0]), x.n(0), x.f(), x.out(x.d[0], x.d[0])), []status.Code{status.Callback, status.Domain}
	},
	"mlm_check_gradient": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		f, g := x.fn(), x.fn()
		return mlm_check_gradient(f, nil, g, nil, x.in(x.d[0]), x.n(0), x.scalar()), []status.Code{status.Callback}
	},
	"mlm_gradient_descent": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := []status.Code{status.Domain, status.Shape, status.Callback}
		n, maxIter := x.d[0], x.d[1]
		if n == 0 && maxIter > 5 {
			maxIter = 5 // an empty point takes max_iter steps of nothing: not to be fuzzed huge
		}
		var objective *_Ctype_char
		switch x.r.Intn(4) {
		case 0:
			objective = x.c.chars("quadratic", true)
		case 1:
			objective = x.c.chars("rosenbrock", true)
		case 2:
			objective = x.c.chars("no such objective", true)
		}
		f, g := cFunc(x.r.Intn(4)-1), cFunc(x.r.Intn(4)-1)
		if objective == nil && f == nil && g == nil {
			x.bad = true
		}
		x0, rate, tol := x.in(n), cDouble([...]float64{0.1, 1e-3, 0, -1, math.NaN()}[x.r.Intn(5)]), x.f()
		if maxIter < 0 {
			x.bad = true
		}
		history := x.out(maxIter+1, n)
		if maxIter == math.MaxInt64 {
			x.bad = true // max_iter+1 wraps to a negative size
		}
		p, every := x.progress(&allowed)
		steps := x.scalarInt()
		return mlm_gradient_descent(objective, f, nil, g, nil, x0, cInt64(n), rate, cInt64(maxIter), tol, p, nil, every, history, steps), allowed
	},

	// ---- symbolic
	"mlm_symbolic_derivative": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		exprs := []string{"x^2 + sin(x)", "(x", "foo(x)", "", "2*y", "x^x^x"}
		e, el := x.bytesIn(exprs[x.r.Intn(len(exprs))])
		v, vl := x.bytesIn([...]string{"x", "", "2x", "y"}[x.r.Intn(4)])
		buf, capacity, length := x.stringOut()
		return mlm_symbolic_derivative(e, el, v, vl, buf, capacity, length), []status.Code{status.Domain, status.BufferTooSmall}
	},

	// ---- neural networks
	"mlm_sigmoid":            activationCase(mlm_sigmoid),
	"mlm_sigmoid_derivative": activationCase(mlm_sigmoid_derivative),
	"mlm_relu":               activationCase(mlm_relu),
	"mlm_relu_derivative":    activationCase(mlm_relu_derivative),
	"mlm_tanh":               activationCase(mlm_tanh),
	"mlm_tanh_derivative":    activationCase(mlm_tanh_derivative),
	"mlm_softmax": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		rows, cols := x.d[0], x.d[1]
		xx, dst := x.in(rows, cols), x.out(rows, cols)
		code := mlm_softmax(xx, x.n(0), x.n(1), dst)
		if codeOf(code) == status.OK && !x.bad { // rows, cols in order
			want := make([]float64, rows*cols)
			nn.Softmax(want, x.read(xx), int(rows), int(cols))
			x.same("mlm_softmax", x.read(dst), want)
		}
		return code, nil
	},
	"mlm_log_softmax": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_log_softmax(x.in(x.d[0], x.d[1]), x.n(0), x.n(1), x.out(x.d[0], x.d[1])), nil
	},
	"mlm_logsumexp": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_logsumexp(x.in(x.d[0], x.d[1]), x.n(0), x.n(1), x.out(x.d[0], 1)), nil
	},
	"mlm_mse": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_mse(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.scalar()), nil
	},
	"mlm_binary_cross_entropy": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_binary_cross_entropy(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.f(), x.scalar()), nil
	},
	"mlm_bce_with_logits": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_bce_with_logits(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.scalar()), nil
	},
	"mlm_softmax_cross_entropy": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		rows, cols := x.d[0], x.d[1]
		logits := x.in(rows, cols)
		labels := x.labels(int(max(min(cols, 8), 1)), rows)
		return mlm_softmax_cross_entropy(labels, logits, x.n(0), x.n(1), x.scalar()), []status.Code{status.Domain}
	},
	"mlm_mlp_forward": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n, d, h, o := x.d[0], x.d[1], x.d[2], x.d[3]
		xx, w1, b1, w2, b2 := x.in(n, d), x.in(d, h), x.in(h), x.in(h, o), x.in(o)
		a1, a2, z1, z2 := x.out(n, h), x.out(n, o), x.out(n, h), x.out(n, o)
		return mlm_mlp_forward(xx, w1, b1, w2, b2, x.n(0), x.n(1), x.n(2), x.n(3), a1, a2, z1, z2), nil
	},
	"mlm_mlp_backward": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n, d, h, o := x.d[0], x.d[1], x.d[2], x.d[3]
		xx, y, a1, a2, w2 := x.in(n, d), x.in(n, o), x.in(n, h), x.in(n, o), x.in(h, o)
		dw1, db1, dw2, db2 := x.out(d, h), x.out(h), x.out(h, o), x.out(o)
		return mlm_mlp_backward(xx, y, a1, a2, w2, x.n(0), x.n(1), x.n(2), x.n(3), dw1, db1, dw2, db2), nil
	},
	"mlm_train_mlp": trainCase,

	// ---- optimizers
	"mlm_sgd_step": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n := x.d[0]
		p, g, buf := x.inout(n), x.in(n), x.opt(n)
		lr, momentum := x.f(), cDouble([...]float64{0, 0.9, math.NaN()}[x.r.Intn(3)])
		if momentum != 0 && buf == nil && n > 0 {
			x.bad = true
		}
		p0 := x.read(p)
		code := mlm_sgd_step(p, g, x.n(0), buf, x.flag(), lr, momentum, 0.1, 0, 0)
		if codeOf(code) == status.OK && !x.bad && momentum == 0 { // p, g in order
			want := slices.Clone(p0)
			optim.SGD{LR: float64(lr), Dampening: 0.1}.Step(want, x.read(g), nil, false)
			x.same("mlm_sgd_step", x.read(p), want)
		}
		return code, nil
	},
	"mlm_adam_step": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n := x.d[0]
		p, g, m, v, vmax := x.inout(n), x.in(n), x.inout(n), x.inout(n), x.opt(n)
		t, amsgrad := int64(x.r.Dim(5)), x.flag()
		if t < 1 || amsgrad != 0 && vmax == nil && n > 0 {
			x.bad = true
		}
		return mlm_adam_step(p, g, x.n(0), m, v, vmax, cInt64(t), x.f(), 0.9, 0.999, 1e-8, x.f(), amsgrad, x.flag()), nil
	},
	"mlm_rmsprop_step": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n := x.d[0]
		p, g, sq, buf, gavg := x.inout(n), x.in(n), x.inout(n), x.opt(n), x.opt(n)
		momentum, centered := x.f(), x.flag()
		if n > 0 && (momentum > 0 && buf == nil || centered != 0 && gavg == nil) {
			x.bad = true
		}
		return mlm_rmsprop_step(p, g, x.n(0), sq, buf, gavg, x.f(), 0.99, 1e-8, x.f(), momentum, centered), nil
	},
	"mlm_adagrad_step": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n := x.d[0]
		p, g, sum := x.inout(n), x.in(n), x.inout(n)
		t := int64(x.r.Dim(5))
		x.bad = x.bad || t < 1
		return mlm_adagrad_step(p, g, x.n(0), sum, cInt64(t), x.f(), x.f(), x.f(), x.f()), nil
	},

	// ---- information theory
	"mlm_entropy": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		p, base, out := x.in(x.d[0]), x.f(), x.scalar()
		code := mlm_entropy(p, x.n(0), base, out)
		if !x.bad { // the adapter passes p, base in order
			want, err := info.Entropy(x.read(p), float64(base))
			if (err == nil) != (codeOf(code) == status.OK) || err == nil && !fuzzdata.Same(want, x.read(out)[0]) {
				x.t.Fatalf("mlm_entropy: %v, %v; info.Entropy %v, %v", x.read(out), codeOf(code), want, err)
			}
		}
		return code, shapeDomain
	},
	"mlm_cross_entropy":       pairCase(mlm_cross_entropy),
	"mlm_kl_divergence":       pairCase(mlm_kl_divergence),
	"mlm_js_divergence":       pairCase(mlm_js_divergence),
	"mlm_joint_entropy":       tableCase(mlm_joint_entropy),
	"mlm_conditional_entropy": tableCase(mlm_conditional_entropy),
	"mlm_mutual_information":  tableCase(mlm_mutual_information),
	"mlm_mutual_information_from_labels": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_mutual_information_from_labels(x.labels(4, x.d[0]), x.labels(4, x.d[0]), x.n(0), x.f(), x.scalar()), shapeDomain
	},

	// ---- learning theory
	"mlm_hoeffding_bound": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_hoeffding_bound(x.n(0), x.f(), x.scalar()), []status.Code{status.Domain}
	},
	"mlm_finite_class_bound": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_finite_class_bound(x.n(0), x.f(), x.f(), x.scalar()), []status.Code{status.Domain}
	},
	"mlm_sample_complexity": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_sample_complexity(x.f(), x.f(), x.f(), x.scalarInt()), []status.Code{status.Domain}
	},
	"mlm_vc_bound": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_vc_bound(x.n(0), x.n(1), x.f(), x.scalar()), []status.Code{status.Domain}
	},
	"mlm_bias_variance": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		pred, y := x.in(x.d[0], x.d[1]), x.in(x.d[1])
		return mlm_bias_variance(pred, x.n(0), x.n(1), y, x.scalar(), x.scalar(), x.scalar()), []status.Code{status.Shape}
	},

	// ---- linear models
	"mlm_standardize": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n, d := x.d[0], x.d[1]
		xx, dst, mean, std := x.in(n, d), x.out(n, d), x.out(d), x.out(d)
		if n < 1 {
			x.bad = true
		}
		return mlm_standardize(xx, x.n(0), x.n(1), dst, mean, std), nil
	},
	"mlm_apply_standardize": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n, d := x.d[0], x.d[1]
		return mlm_apply_standardize(x.in(n, d), x.n(0), x.n(1), x.in(d), x.in(d), x.out(n, d)), nil
	},
	"mlm_logistic_regression": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		allowed := []status.Code{status.Domain, status.Shape}
		n, d, maxIter := x.d[0], x.d[1], x.d[2]
		xx, y, w := x.in(n, d), x.in(n), x.inout(d)
		b := x.c.doubles([]float64{x.r.Float()})
		if x.nullByte() {
			b, x.bad = nil, true
		}
		x.bad = x.bad || maxIter < 0
		losses := x.out(maxIter)
		p, every := x.progress(&allowed)
		iterations := x.scalarInt()
		return mlm_logistic_regression(xx, y, x.n(0), x.n(1), cDouble([...]float64{0.1, 0, math.NaN()}[x.r.Intn(3)]), x.n(2),
			x.f(), 0, 0, w, b, losses, p, nil, every, iterations), allowed
	},
	"mlm_predict_proba": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n, d := x.d[0], x.d[1]
		return mlm_predict_proba(x.in(n, d), x.n(0), x.n(1), x.in(d), x.f(), x.out(n)), nil
	},

	// ---- metrics
	"mlm_accuracy": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n := x.d[0]
		t, p, out := x.labels(3, n), x.labels(3, n), x.scalar()
		code := mlm_accuracy(t, p, x.n(0), out)
		if codeOf(code) == status.OK && !x.bad {
			want := metrics.Accuracy(goInt64s(t, int(n)), goInt64s(p, int(n)))
			x.same("mlm_accuracy", x.read(out), []float64{want})
		}
		return code, nil
	},
	"mlm_precision": labelsCase(mlm_precision),
	"mlm_recall":    labelsCase(mlm_recall),
	"mlm_f1_score":  labelsCase(mlm_f1_score),
	"mlm_confusion_matrix": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		n := x.d[0]
		t, p := x.labels(4, n), x.labels(4, n)
		labels := x.labels(1, 2*max(n, 0))
		capacity := int64(x.r.Intn(20))
		dst := x.c.int64s(make([]int64, capacity))
		if x.nullByte() {
			dst = nil
			x.bad = x.bad || capacity > 0
		}
		k := x.scalarInt()
		return mlm_confusion_matrix(t, p, x.n(0), labels, dst, cInt64(capacity), k), []status.Code{status.BufferTooSmall}
	},
	"mlm_log_loss": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_log_loss(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.f(), x.scalar()), nil
	},
	"mlm_roc_auc": func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return mlm_roc_auc(x.labels(2, x.d[0]), x.in(x.d[0]), x.n(0), x.scalar()), []status.Code{status.Domain}
	},
}

// fn returns a callback for the calculus exports: NULL (bad), f, 2x, or
// one that fails.
func (x *fuzzCall) fn() _Ctype_mlm_func {
	f := cFunc(x.r.Intn(4) - 1)
	if f == nil {
		x.bad = true
	}
	return f
}

// same fails unless got and want hold the same values (NaN matching NaN).
func (x *fuzzCall) same(name string, got, want []float64) {
	x.t.Helper()
	if len(got) != len(want) {
		x.t.Fatalf("%s: %d values, want %d", name, len(got), len(want))
	}
	for i := range got {
		if !fuzzdata.Same(got[i], want[i]) {
			x.t.Fatalf("%s: [%d] = %v, the core package's %v", name, i, got[i], want[i])
		}
	}
}

func stringCase(export func(*_Ctype_char, _Ctype_int64_t, *_Ctype_int64_t) _Ctype_int) exportCase {
	return func(x *fuzzCall) (_Ctype_int, []status.Code) {
		buf, capacity, length := x.stringOut()
		return export(buf, capacity, length), []status.Code{status.BufferTooSmall}
	}
}

func activationCase(export func(*_Ctype_double, _Ctype_int64_t, *_Ctype_double) _Ctype_int) exportCase {
	return func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return export(x.in(x.d[0]), x.n(0), x.out(x.d[0])), nil
	}
}

func pairCase(export func(p, q *_Ctype_double, n _Ctype_int64_t, base _Ctype_double, out *_Ctype_double) _Ctype_int) exportCase {
	return func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return export(x.in(x.d[0]), x.in(x.d[0]), x.n(0), x.f(), x.scalar()), shapeDomain
	}
}

func tableCase(export func(joint *_Ctype_double, rows, cols _Ctype_int64_t, base _Ctype_double, out *_Ctype_double) _Ctype_int) exportCase {
	return func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return export(x.in(x.d[0], x.d[1]), x.n(0), x.n(1), x.f(), x.scalar()), shapeDomain
	}
}

func labelsCase(export func(t, p *_Ctype_int64_t, n _Ctype_int64_t, out *_Ctype_double) _Ctype_int) exportCase {
	return func(x *fuzzCall) (_Ctype_int, []status.Code) {
		return export(x.labels(3, x.d[0]), x.labels(3, x.d[0]), x.n(0), x.scalar()), nil
	}
}

// trainCase calls mlm_train_mlp with decoded shapes, optimizer kind,
// hyperparameters (of the right count or not) and state arrays (each NULL
// or of its parameter's length).
func trainCase(x *fuzzCall) (_Ctype_int, []status.Code) {
	allowed := []status.Code{status.Argument, status.Domain, status.Shape} // optimizer, hyperparameters or state that do not fit
	n, d, h, o := x.d[0], x.d[1], x.d[2], x.d[3]
	if n > 5 {
		// Valid only with d = o = 0 (x and y empty), but Train then still
		// allocates n·h activations: real memory for n samples, which a
		// huge n exhausts (a fatal error in Go). Not to be fuzzed.
		x.d[2], h = 0, 0
	}
	xx, y := x.in(n, d), x.in(n, o)
	w1, b1, w2, b2 := x.inout(d, h), x.inout(h), x.inout(h, o), x.inout(o)
	kind := []int{optSGD, optAdam, optRMSprop, optAdagrad, 0, 99}[x.r.Intn(6)]
	want := map[int]int{optSGD: 5, optAdam: 7, optRMSprop: 6, optAdagrad: 4}[kind]
	nh := int64(want)
	if x.r.Byte() >= 0xF0 {
		nh = int64(x.r.Intn(9))
	}
	hyper := x.c.doubles([]float64{0.1, 0.9, 0.99, 1e-8, 0, 1, 0, 0, 0}[:nh])
	var state [12]*_Ctype_double
	for i := range state {
		state[i] = x.opt([][]int64{{d, h}, {h}, {h, o}, {o}}[i/3]...)
	}
	st := x.c.pointers(state[:]...)
	if x.nullByte() {
		st = nil
	}
	t0, epochs, batch := int64(x.r.Intn(3)), x.d[4], int64(x.r.Dim(6))
	if x.r.Byte() >= 0xF0 {
		t0 = -1
	}
	if n > 5 {
		batch = 0 // n/batch batches: real work, not to be fuzzed huge
	}
	losses := x.out(epochs)
	p, every := x.progress(&allowed)
	done := x.scalarInt()
	if done == nil || st == nil || t0 < 0 || n < 1 {
		x.bad = true
	}
	return mlm_train_mlp(xx, y, x.n(0), x.n(1), x.n(2), x.n(3), w1, b1, w2, b2, cInt(kind), hyper, cInt64(nh), st,
		cInt64(t0), cInt64(epochs), cInt64(batch), losses, p, nil, every, done), allowed
}

// exportNames are the keys of exportCases, sorted: the fuzz input picks one
// by index.
var exportNames = func() []string {
	names := make([]string, 0, len(exportCases))
	for name := range exportCases {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}()

// FuzzExports calls one export, chosen by the first byte, with arguments
// decoded from the rest (see the rule at the top of this file): sizes
// small, negative, overflowing or huge; NULL pointers; hostile doubles
// and int64 labels; callbacks that fail and progress callbacks that stop.
// It checks the status against the rule, the guard bytes after every
// buffer, that inputs are not modified, that no recovered panic was
// logged, and, for a few exports, the results against the core package
// called directly (the adapter passes the arguments in order). The seed
// corpus is in testdata/fuzz/FuzzExports.
func FuzzExports(f *testing.F) {
	// Two seeds per export, so that plain go test calls every one: sizes 2
	// with moderate values (mostly MLM_OK), and hostile sizes.
	moderate := bytes.Repeat([]byte{0x81, 0x93, 0x72, 0xA5, 0x88, 0x9B, 0x77}, 12)
	for i := range exportNames {
		f.Add(append([]byte{byte(i), 2, 2, 2, 2, 2, 2}, moderate...))
		f.Add(append([]byte{byte(i), 0xF5, 0xF5, 0xF0, 0xF3, 0xF8, 0xF2}, moderate...))
	}
	var log bytes.Buffer
	status.Log = &log
	f.Cleanup(func() { status.Log = os.Stderr })
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		name := exportNames[r.Intn(len(exportNames))]
		x := &fuzzCall{t: t, r: r, c: &cArgs{}, lens: map[*_Ctype_double]int{}}
		defer x.c.free()
		for i := range x.d {
			x.d[i] = int64(r.Dim(5))
		}
		log.Reset()
		code, allowed := exportCases[name](x)
		got := codeOf(code)
		switch {
		case got == status.Panic:
			t.Fatalf("%s (sizes %v): MLM_ERR_PANIC: %s", name, x.d, log.String())
		case x.bad && got == status.OK:
			t.Fatalf("%s (sizes %v): MLM_OK for an invalid argument", name, x.d)
		case !x.bad && got != status.OK && !slices.Contains(allowed, got):
			t.Fatalf("%s (sizes %v): status %d, want MLM_OK or one of %v", name, x.d, got, allowed)
		}
		if err := x.c.overrun(); err != nil {
			t.Fatalf("%s (sizes %v, status %d) wrote past a buffer: %v", name, x.d, got, err)
		}
		for i, in := range x.ins {
			if now := in.p(); !slices.EqualFunc(now, in.want, fuzzdata.Same) {
				t.Fatalf("%s (sizes %v) modified input %d: %v, was %v", name, x.d, i, now, in.want)
			}
		}
	})
}

// TestFuzzCoversEveryExport checks that exportCases has a call of every
// export declared in bindings/mlmath.h, and of nothing else.
func TestFuzzCoversEveryExport(t *testing.T) {
	header, err := os.ReadFile("../../bindings/mlmath.h")
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	for _, m := range regexp.MustCompile(`(?m)^int (mlm_\w+)\(`).FindAllStringSubmatch(string(header), -1) {
		declared = append(declared, m[1])
	}
	sort.Strings(declared)
	if len(declared) == 0 || !slices.Equal(declared, exportNames) {
		t.Fatalf("bindings/mlmath.h declares %d exports, exportCases has %d:\nonly declared: %v\nonly in exportCases: %v",
			len(declared), len(exportNames), minus(declared, exportNames), minus(exportNames, declared))
	}
}

// minus returns the elements of a not in b.
func minus(a, b []string) []string {
	var d []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			d = append(d, s)
		}
	}
	return d
}

// FuzzSlices calls the guard helpers directly: size, array and views
// (with argOf) on decoded dimensions (negative, overflowing, huge) with
// NULL or a real pointer, int64s, optional, setDouble, goString,
// writeString with every kind of buffer, and guard with bodies that return
// errors or panic with errors, strings and runtime errors. It checks their
// results against the boundary's rules: ErrArgument exactly for invalid
// sizes or NULL with elements, a slice of the right length over the
// caller's memory, ErrBufferTooSmall with the length set when the buffer
// is too small, no byte written past the buffer, and guard's status codes
// (a plain panic is MLM_ERR_PANIC, logged; a panic with a core error gets
// its code). The seed corpus is in testdata/fuzz/FuzzSlices.
func FuzzSlices(f *testing.F) {
	var log bytes.Buffer
	status.Log = &log
	f.Cleanup(func() { status.Log = os.Stderr })
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		c := &cArgs{}
		defer c.free()

		// size and array
		dims := make([]int64, r.Intn(4))
		cdims := make([]_Ctype_int64_t, len(dims))
		for i := range dims {
			dims[i] = int64(r.Dim(6))
			cdims[i] = cInt64(dims[i])
		}
		n, ok := count(dims...)
		got, err := size(cdims...)
		if ok != (err == nil) || ok && got != n || err != nil && !errors.Is(err, status.ErrArgument) {
			t.Fatalf("size(%v) = %d, %v; want %d, valid %v", dims, got, err, n, ok)
		}
		real := c.doubles(make([]float64, 1))
		for _, p := range []*_Ctype_double{nil, real} {
			s, err := array(p, cdims...)
			switch {
			case !ok || p == nil && n > 0:
				if !errors.Is(err, status.ErrArgument) {
					t.Fatalf("array(%v, %v): error %v, want ErrArgument", p, dims, err)
				}
			case err != nil || len(s) != n || n > 0 && unsafe.Pointer(&s[0]) != unsafe.Pointer(p):
				t.Fatalf("array(%v, %v): %d elements, %v", p, dims, len(s), err)
			}
			if len(dims) == 1 {
				if s, err := optional(p, cdims[0]); p == nil && (s != nil || err != nil) || p != nil && (err == nil) != ok {
					t.Fatalf("optional(%v, %d): %d elements, %v", p, dims[0], len(s), err)
				}
			}
		}
		if len(dims) == 1 {
			realInts := c.int64s(make([]int64, 1))
			for _, p := range []*_Ctype_int64_t{nil, realInts} {
				s, err := int64s(p, cdims[0])
				if (err == nil) != (ok && (p != nil || n == 0)) || err == nil && len(s) != n {
					t.Fatalf("int64s(%v, %d): %d elements, %v", p, dims[0], len(s), err)
				}
			}
		}
		// views: the arrays in order, the first error returned; the slices
		// before it set, those after it untouched.
		var s1, s2 []float64
		two := c.doubles(make([]float64, 2))
		err = views(argOf(&s1, two, 2), argOf(&s2, real, cdims...))
		switch {
		case len(s1) != 2:
			t.Fatalf("views: first array of %d elements", len(s1))
		case ok && n <= 1 && (err != nil || len(s2) != n):
			t.Fatalf("views(2, %v): %v, second array of %d elements", dims, err, len(s2))
		case !ok && (!errors.Is(err, status.ErrArgument) || s2 != nil):
			t.Fatalf("views(2, %v): %v, second array of %d elements", dims, err, len(s2))
		}
		if err := setDouble(nil, 1); !errors.Is(err, status.ErrArgument) {
			t.Fatalf("setDouble(NULL): %v", err)
		}

		// goString and writeString
		text := [...]string{"", "x", "sin(x)*cos(x)", strings.Repeat("ab", 20)}[r.Intn(4)]
		src := c.chars(text, false)
		length := int64(len(text))
		if r.Bool() {
			length = int64(r.Dim(len(text))) // shorter, negative or hostile
		}
		var gs string
		if length <= int64(len(text)) || length < 0 || length > math.MaxInt32 {
			gs, err = goString(src, cInt64(length))
			switch {
			case length < 0 || length > math.MaxInt32:
				if !errors.Is(err, status.ErrArgument) {
					t.Fatalf("goString(%d): %v", length, err)
				}
			case err != nil || gs != text[:length]:
				t.Fatalf("goString(%q, %d) = %q, %v", text, length, gs, err)
			}
		}
		if _, err := goString(nil, cInt64(int64(r.Intn(3)))); err != nil && !errors.Is(err, status.ErrArgument) {
			t.Fatalf("goString(NULL): %v", err)
		}
		capacity := r.Intn(48)
		buf := c.buffer(capacity)
		var lenOut *_Ctype_int64_t
		if r.Byte() < 0xF0 {
			lenOut = c.int64s([]int64{-7})
		}
		capArg := int64(capacity)
		switch r.Intn(8) {
		case 0:
			capArg = -1
		case 1:
			buf = nil
		}
		err = writeString(text, buf, cInt64(capArg), lenOut)
		switch {
		case lenOut == nil || capArg < 0 || buf == nil && capArg > 0:
			if !errors.Is(err, status.ErrArgument) {
				t.Fatalf("writeString(cap %d, len %v, buf %v): %v", capArg, lenOut, buf, err)
			}
		case capArg <= int64(len(text)):
			if !errors.Is(err, status.ErrBufferTooSmall) || goInt64s(lenOut, 1)[0] != int64(len(text)) {
				t.Fatalf("writeString(%q, cap %d): %v, length %v", text, capArg, err, goInt64s(lenOut, 1))
			}
		default:
			if err != nil || goInt64s(lenOut, 1)[0] != int64(len(text)) || goBytes(buf, len(text)+1) != text+"\x00" {
				t.Fatalf("writeString(%q, cap %d): %v, %q", text, capArg, err, goBytes(buf, capacity))
			}
		}
		if err := c.overrun(); err != nil {
			t.Fatalf("writeString(%q, cap %d) wrote past the buffer: %v", text, capArg, err)
		}

		// guard
		log.Reset()
		var body func() error
		var want status.Code
		logged := false // a recovered panic that is not a core error: a bug, logged
		switch r.Intn(6) {
		case 0:
			body, want = func() error { return nil }, status.OK
		case 1:
			body, want = func() error { return status.ErrArgument }, status.Argument
		case 2:
			body, want = func() error { panic(mat.ErrShape) }, status.Shape
		case 3:
			body, want, logged = func() error { panic("a bug") }, status.Panic, true
		case 4:
			body, want, logged = func() error { var s []float64; _ = s[len(dims)+1]; return nil }, status.Panic, true
		default:
			body, want = func() error { return errors.New("not a core error") }, status.Panic
		}
		if code := codeOf(guard("fuzz", body)); code != want || logged != strings.Contains(log.String(), "recovered panic in fuzz") {
			t.Fatalf("guard: status %d, want %d (log %q)", code, want, log.String())
		}
	})
}

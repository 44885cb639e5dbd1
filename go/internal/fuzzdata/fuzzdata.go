// Package fuzzdata decodes the bytes of a native Go fuzz input (go test
// -fuzz) into the shapes, float64 values and labels that the fuzz targets
// of mlmath's packages pass to their entry points, and holds the checks
// those targets share.
//
// The decoding is total: every byte string is a valid input, and a Reader
// that runs out of bytes reads zeros. Each value takes one selector byte,
// followed by a few more bytes for some selectors:
//
//	Dim(max)    b < 0xF0: b mod (max+1), a usable dimension;
//	            b >= 0xF0: a hostile one (negative, math.MinInt/MaxInt,
//	            values whose products overflow or wrap to 0, 2^32+1, ...,
//	            max+1, or the next 8 bytes as an int).
//	Float()     b < 0x20: a special value (NaN, ±Inf, ±MaxFloat64, ±1e308,
//	            subnormals, -0, 1e±300, ...);
//	            b < 0xC0: a moderate value, (b - 0x70)/16 in [-5, 5);
//	            b < 0xFF: a scaled one, m·2^e with m the next 2 bytes as an
//	            int16/2^15 and e = (b - 0xC0) - 32;
//	            b = 0xFF: the next 8 bytes as float64 bits.
//	Label(k)    b < 0xF8: b mod k; b >= 0xF8: a hostile int64
//	            (math.MinInt64, math.MaxInt64, -1, ±2^40, 1e15, or the
//	            next 8 bytes).
//
// Builder writes the same encoding, for seed corpora written by hand.
package fuzzdata

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"time"
)

// Reader decodes a fuzz input.
type Reader struct {
	b []byte
}

// New returns a Reader of b.
func New(b []byte) *Reader { return &Reader{b: b} }

// Len returns the number of bytes left.
func (r *Reader) Len() int { return len(r.b) }

// Byte returns the next byte, 0 when the input is exhausted.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// Uint64 returns the next 8 bytes, little-endian, padded with zeros.
func (r *Reader) Uint64() uint64 {
	var buf [8]byte
	n := copy(buf[:], r.b)
	r.b = r.b[n:]
	return binary.LittleEndian.Uint64(buf[:])
}

// Bool returns the low bit of the next byte.
func (r *Reader) Bool() bool { return r.Byte()&1 == 1 }

// Intn returns a value in [0, n) (0 for n <= 0).
func (r *Reader) Intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.Byte()) % n
}

// hostileDims are the dimensions Dim returns for selectors 0xF0..0xFD;
// 0xFE is max+1 and 0xFF the next 8 bytes.
var hostileDims = [...]int{
	-1, -2, math.MinInt, math.MaxInt,
	1 << 31, 1 << 32, 1<<32 + 1, 1 << 62,
	3037000500, // the square exceeds math.MaxInt
	3037000499, // the square does not
	1 << 61, math.MaxInt/2 + 1, 1<<60 + 1, -(1 << 32),
}

// Dim returns a dimension: usually in [0, max], sometimes hostile.
func (r *Reader) Dim(max int) int {
	b := r.Byte()
	switch {
	case b < 0xF0:
		return int(b) % (max + 1)
	case b == 0xFE:
		return max + 1
	case b == 0xFF:
		return int(r.Uint64())
	}
	return hostileDims[b-0xF0]
}

// specials are the values Float returns for selectors 0x00..0x1F.
var specials = [0x20]float64{
	math.NaN(), math.Inf(1), math.Inf(-1), 0,
	math.Copysign(0, -1), 1, -1, 2,
	0.5, -0.5, math.MaxFloat64, -math.MaxFloat64,
	1e308, -1e308, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64,
	0x1p-1022, -0x1p-1022, 1e-300, -1e-300,
	1e300, -1e300, 1e-8, 1e8,
	3, -3, 0.1, math.Pi,
	-1e-16, 1e16, 1 + 0x1p-52, math.Float64frombits(0xfff8000000000001),
}

// Float returns a float64, hostile or moderate (see the package
// documentation).
func (r *Reader) Float() float64 {
	b := r.Byte()
	switch {
	case b < 0x20:
		return specials[b]
	case b < 0xC0:
		return float64(int(b)-0x70) / 16
	case b < 0xFF:
		m := int16(uint16(r.Byte()) | uint16(r.Byte())<<8)
		return math.Ldexp(float64(m)/(1<<15), int(b)-0xC0-32)
	}
	return math.Float64frombits(r.Uint64())
}

// Floats returns n values of Float.
func (r *Reader) Floats(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = r.Float()
	}
	return s
}

// hostileLabels are the labels Label returns for selectors 0xF8..0xFE;
// 0xFF is the next 8 bytes.
var hostileLabels = [...]int64{math.MinInt64, math.MaxInt64, -1, 1 << 40, -(1 << 40), 1e15, math.MaxInt64 - 1}

// Label returns a label: usually in [0, k), sometimes a hostile int64.
func (r *Reader) Label(k int) int64 {
	b := r.Byte()
	switch {
	case b < 0xF8:
		return int64(int(b) % max(k, 1))
	case b == 0xFF:
		return int64(r.Uint64())
	}
	return hostileLabels[b-0xF8]
}

// Labels returns n values of Label(k).
func (r *Reader) Labels(n, k int) []int64 {
	s := make([]int64, n)
	for i := range s {
		s[i] = r.Label(k)
	}
	return s
}

// Builder writes fuzz inputs in Reader's encoding.
type Builder struct {
	b []byte
}

// Bytes returns the input built so far.
func (w *Builder) Bytes() []byte { return w.b }

// Byte appends a raw byte (a Bool, an Intn or a selector).
func (w *Builder) Byte(c byte) *Builder { w.b = append(w.b, c); return w }

// Dim appends the dimension d: one byte for 0 <= d < 0xF0 (read back as
// d when d <= max), otherwise the selector 0xFF and d's 8 bytes.
func (w *Builder) Dim(d int) *Builder {
	if d >= 0 && d < 0xF0 {
		return w.Byte(byte(d))
	}
	w.Byte(0xFF)
	w.b = binary.LittleEndian.AppendUint64(w.b, uint64(d))
	return w
}

// Float appends v: a special value or moderate one by its selector when
// there is one, otherwise its 8 bytes.
func (w *Builder) Float(v float64) *Builder {
	for i, s := range specials {
		if math.Float64bits(s) == math.Float64bits(v) {
			return w.Byte(byte(i))
		}
	}
	if q := v * 16; q == math.Trunc(q) && q >= -0x50 && q < 0x50 {
		return w.Byte(byte(int(q) + 0x70))
	}
	w.Byte(0xFF)
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
	return w
}

// Floats appends each value with Float.
func (w *Builder) Floats(vs ...float64) *Builder {
	for _, v := range vs {
		w.Float(v)
	}
	return w
}

// Label appends the label v (read back as v when 0 <= v < min(k, 0xF8)).
func (w *Builder) Label(v int64) *Builder {
	if v >= 0 && v < 0xF8 {
		return w.Byte(byte(v))
	}
	w.Byte(0xFF)
	w.b = binary.LittleEndian.AppendUint64(w.b, uint64(v))
	return w
}

// Finite reports whether every value is neither NaN nor ±Inf.
func Finite(s ...float64) bool {
	for _, v := range s {
		if v-v != 0 {
			return false
		}
	}
	return true
}

// Moderate reports whether every value is 0 or has a magnitude in [lo,
// hi]: the inputs on which a target checks accuracy.
func Moderate(lo, hi float64, s ...float64) bool {
	for _, v := range s {
		if a := math.Abs(v); v != 0 && !(a >= lo && a <= hi) {
			return false
		}
	}
	return true
}

// MaxAbs returns max |s[i]| (0 for an empty s; NaN if s holds NaN).
func MaxAbs(s []float64) float64 {
	m := 0.0
	for _, v := range s {
		if a := math.Abs(v); a > m || a != a {
			m = a
		}
	}
	return m
}

// Same reports whether a and b are the same value: equal with the same
// sign for zeros, or both NaN.
func Same(a, b float64) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}

// SameSlices reports whether a and b are as long and hold the same values
// (Same): an input checked unchanged after a call, say.
func SameSlices(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Same(a[i], b[i]) {
			return false
		}
	}
	return true
}

// ProductSum checks got against start + sign·Σ x[l]·y[l] summed in any
// order, with or without FMA (a GEMM entry, a dot product). Where a product
// or start is NaN or infinite and the finite terms do not overflow, got
// must be the plain sum's NaN or infinity; where every term is finite and
// Σ|terms| does not overflow, |got - want| must be within
// 2k·eps·Σ|terms| + k·(the smallest subnormal), k = len(x)+1 terms.
// Otherwise anything goes. It returns the plain sum and whether got passes.
func ProductSum(got, start, sign float64, x, y []float64) (want float64, ok bool) {
	want = start
	abs, absFinite := math.Abs(start), math.Abs(start)
	finite := Finite(start)
	for l, xl := range x {
		p := xl * y[l]
		want += sign * p
		abs += math.Abs(p)
		if Finite(xl, y[l]) {
			absFinite += math.Abs(p)
		} else {
			finite = false
		}
	}
	switch {
	case !finite:
		return want, math.IsInf(absFinite, 0) || Same(got, want) || (got == 0 && want == 0)
	case !math.IsInf(abs, 0):
		k := float64(len(x) + 1)
		return want, math.Abs(got-want) <= 2*k*0x1p-52*abs+k*math.SmallestNonzeroFloat64
	}
	return want, true
}

// IsErr reports whether the panic value r is an error that wraps target.
func IsErr(r any, target error) bool {
	err, ok := r.(error)
	return ok && errors.Is(err, target)
}

// Product returns the product of dims and true, or false if a dimension
// is negative or the product overflows an int.
func Product(dims ...int) (int, bool) {
	p := 1
	for _, d := range dims {
		if d < 0 || (d != 0 && p > math.MaxInt/d) {
			return 0, false
		}
		p *= d
	}
	return p, true
}

// Length returns the length to give a slice that should hold the product
// of dims, at most max: the product when it is valid and at most max
// (now and then one more or one less, a mismatch), and for hostile dims
// the product wrapped to an int when that lands in [0, max] (what a check
// that multiplies without looking for overflow would accept), else 0.
func (r *Reader) Length(max int, dims ...int) int {
	if p, ok := Product(dims...); ok && p <= max {
		switch b := r.Byte(); {
		case b == 0xFE && p < max:
			return p + 1
		case b == 0xFF && p > 0:
			return p - 1
		}
		return p
	}
	w := 1
	for _, d := range dims {
		w *= d
	}
	if w >= 0 && w <= max {
		return w
	}
	return 0
}

// Timeout is the Watchdog of the fuzz targets: their inputs take well
// under a millisecond, so this only catches an endless loop.
const Timeout = 10 * time.Second

// Watchdog crashes the process, printing every goroutine's stack, if
// stop is not called within d: a fuzz input that hangs then becomes a
// crasher with the place where it loops, instead of a stalled worker.
func Watchdog(d time.Duration) (stop func()) {
	timer := time.AfterFunc(d, func() {
		debug.SetTraceback("all")
		panic(fmt.Sprintf("fuzzdata: the input did not finish within %v", d))
	})
	return func() { timer.Stop() }
}

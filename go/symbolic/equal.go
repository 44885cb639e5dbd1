package symbolic

import "math"

// Tags distinguish the kinds of node in a hash.
const (
	tagNumber = iota + 1
	tagConstant
	tagVariable
	tagNeg
	tagSum
	tagProduct
	tagPower
	tagCall
)

// mix combines the hash h with the word x (FNV-1a over 64-bit words, with
// a final avalanche so that sums of similar trees spread).
func mix(h, x uint64) uint64 {
	h = (h ^ x) * 0x100000001b3
	h ^= h >> 29
	return h * 0xbf58476d1ce4e5b9
}

func flag(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func hashString(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 0x100000001b3
	}
	return mix(tagVariable, h)
}

func (e *number) hash() uint64   { return mix(tagNumber, math.Float64bits(e.v)) }
func (e *constant) hash() uint64 { return mix(tagConstant, hashString(e.name)) }
func (e *variable) hash() uint64 { return e.h }
func (e *neg) hash() uint64      { return e.h }
func (e *sum) hash() uint64      { return e.h }
func (e *product) hash() uint64  { return e.h }
func (e *power) hash() uint64    { return e.h }
func (e *call) hash() uint64     { return e.h }

// equal reports whether a and b are the same tree: the same nodes with the
// same numbers and names, so that they have the same value everywhere.
// Trees with different hashes differ, so most comparisons stop at once.
func equal(a, b Expr) bool {
	if a == b {
		return true
	}
	if a.hash() != b.hash() {
		return false
	}
	switch a := a.(type) {
	case *number:
		b, ok := b.(*number)
		return ok && a.v == b.v
	case *constant:
		return a == b
	case *variable:
		b, ok := b.(*variable)
		return ok && a.name == b.name
	case *neg:
		b, ok := b.(*neg)
		return ok && equal(a.x, b.x)
	case *sum:
		b, ok := b.(*sum)
		if !ok || len(a.terms) != len(b.terms) {
			return false
		}
		for i, t := range a.terms {
			if t.neg != b.terms[i].neg || !equal(t.x, b.terms[i].x) {
				return false
			}
		}
		return true
	case *product:
		b, ok := b.(*product)
		if !ok || len(a.factors) != len(b.factors) {
			return false
		}
		for i, f := range a.factors {
			if f.inv != b.factors[i].inv || !equal(f.x, b.factors[i].x) {
				return false
			}
		}
		return true
	case *power:
		b, ok := b.(*power)
		return ok && equal(a.base, b.base) && equal(a.exp, b.exp)
	case *call:
		b, ok := b.(*call)
		return ok && a.fn == b.fn && equal(a.arg, b.arg)
	}
	return false
}

package fuzzdata

import (
	"math"
	"testing"
)

// TestRoundTrip checks that what Builder writes, Reader reads back.
func TestRoundTrip(t *testing.T) {
	dims := []int{0, 1, 7, 0xEF, 0xF0, -1, math.MinInt, math.MaxInt, 1 << 40}
	floats := []float64{math.NaN(), math.Inf(-1), math.Copysign(0, -1), 0, 1, -4.9375, 4.9375, 5, -5, 0.1, 1e-310, math.MaxFloat64, 3}
	labels := []int64{0, 5, 0xF7, 0xF8, -1, math.MinInt64, math.MaxInt64}
	var b Builder
	for _, d := range dims {
		b.Dim(d)
	}
	b.Floats(floats...)
	for _, l := range labels {
		b.Label(l)
	}
	r := New(b.Bytes())
	for _, d := range dims {
		if got := r.Dim(1000); got != d && !(d >= 0 && d < 0xF0 && got == d%1001) {
			t.Errorf("Dim: wrote %d, read %d", d, got)
		}
	}
	for _, v := range floats {
		if got := r.Float(); !Same(got, v) {
			t.Errorf("Float: wrote %v, read %v", v, got)
		}
	}
	for _, l := range labels {
		if got := r.Label(1000); got != l {
			t.Errorf("Label: wrote %d, read %d", l, got)
		}
	}
	if r.Len() != 0 || r.Byte() != 0 || r.Float() == r.Float() {
		t.Errorf("an exhausted Reader should read zero bytes (Float: NaN)")
	}
}

// TestProductAndLength checks the overflow rules of Product and the
// lengths Length gives.
func TestProductAndLength(t *testing.T) {
	for _, c := range []struct {
		dims []int
		p    int
		ok   bool
	}{
		{nil, 1, true}, {[]int{3, 4}, 12, true}, {[]int{1 << 32, 1 << 32}, 0, false},
		{[]int{math.MaxInt, 0}, 0, true}, {[]int{0, -1}, 0, false}, {[]int{3037000500, 3037000500}, 0, false},
	} {
		if p, ok := Product(c.dims...); p != c.p || ok != c.ok {
			t.Errorf("Product(%v) = %d, %v; want %d, %v", c.dims, p, ok, c.p, c.ok)
		}
	}
	for _, c := range []struct {
		data []byte
		dims []int
		want int
	}{
		{[]byte{0}, []int{2, 3}, 6}, {[]byte{0xFE}, []int{2, 3}, 7}, {[]byte{0xFF}, []int{2, 3}, 5},
		{nil, []int{1 << 32, 1 << 32}, 0}, {nil, []int{100, 100}, 0}, {[]byte{0}, []int{-2, 3}, 0},
	} {
		if got := New(c.data).Length(64, c.dims...); got != c.want {
			t.Errorf("Length(64, %v) with %x = %d, want %d", c.dims, c.data, got, c.want)
		}
	}
}

func TestProductSum(t *testing.T) {
	x, y := []float64{1, 2, 3}, []float64{4, 5, 6}
	if want, ok := ProductSum(32, 0, 1, x, y); !ok || want != 32 {
		t.Errorf("ProductSum(32) = %v, %v; want 32, true", want, ok)
	}
	if _, ok := ProductSum(32.0001, 0, 1, x, y); ok {
		t.Error("a wrong sum passed")
	}
	if _, ok := ProductSum(-31, 1, -1, x, y); !ok {
		t.Error("1 - 32 did not pass")
	}
	inf := math.Inf(1)
	if _, ok := ProductSum(inf, 0, 1, []float64{inf, 1}, []float64{1, 1}); !ok {
		t.Error("+Inf did not pass")
	}
	if _, ok := ProductSum(0, 0, 1, []float64{inf, 1}, []float64{1, 1}); ok {
		t.Error("a finite result passed where a product is infinite")
	}
}

func TestSameSlices(t *testing.T) {
	nan, negZero := math.NaN(), math.Copysign(0, -1)
	for _, c := range []struct {
		a, b []float64
		want bool
	}{
		{nil, []float64{}, true},
		{[]float64{1, nan, 0}, []float64{1, nan, 0}, true},
		{[]float64{1, 2}, []float64{1}, false},
		{[]float64{0}, []float64{negZero}, false},
		{[]float64{nan}, []float64{1}, false},
	} {
		if got := SameSlices(c.a, c.b); got != c.want {
			t.Errorf("SameSlices(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

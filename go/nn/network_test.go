package nn

import (
	"fmt"
	"math"
	"mlmath/internal/testdata"
	"testing"
)

// netCase is a network and a data set of fixed, varied values.
type netCase struct {
	n, d, h, o         int
	x, y               []float64
	w1, b1, w2, b2     []float64
	a1, a2, z1, z2     []float64
	dw1, db1, dw2, db2 []float64
}

func vals(k int, seed, scale float64) []float64 {
	v := make([]float64, k)
	for i := range v {
		v[i] = scale * math.Sin(seed+1.3*float64(i)+0.17*float64(i*i%7))
	}
	return v
}

func newNetCase(n, d, h, o int) *netCase {
	c := &netCase{n: n, d: d, h: h, o: o,
		x: vals(n*d, 0.1, 2), y: make([]float64, n*o),
		w1: vals(d*h, 1.1, 0.8), b1: vals(h, 2.3, 0.3), w2: vals(h*o, 3.7, 1.2), b2: vals(o, 4.1, 0.2),
		a1: make([]float64, n*h), a2: make([]float64, n*o), z1: make([]float64, n*h), z2: make([]float64, n*o),
		dw1: make([]float64, d*h), db1: make([]float64, h), dw2: make([]float64, h*o), db2: make([]float64, o),
	}
	for i, v := range vals(n*o, 5.9, 1) {
		c.y[i] = (v + 1) / 2 // soft targets in [0, 1]
		if i%3 == 0 {
			c.y[i] = math.Round(c.y[i]) // and some hard ones
		}
	}
	return c
}

func (c *netCase) forward() {
	Forward(c.a1, c.a2, c.z1, c.z2, c.x, c.w1, c.b1, c.w2, c.b2, c.n, c.d, c.h, c.o)
}

func (c *netCase) backward() {
	Backward(c.dw1, c.db1, c.dw2, c.db2, c.x, c.y, c.a1, c.a2, c.w2, c.n, c.d, c.h, c.o)
}

// loss is Backward's objective, the mean of BCE(y_ik, a2_ik) over all n·o
// outputs, unclipped, from a fresh forward pass.
func (c *netCase) loss() float64 {
	c.forward()
	s := 0.0
	for i, a := range c.a2 {
		s -= c.y[i]*math.Log(a) + (1-c.y[i])*math.Log(1-a)
	}
	return s / float64(c.n*c.o)
}

// naiveForward computes the network with plain loops.
func naiveForward(c *netCase) (a1, a2 []float64) {
	sig := func(v float64) float64 { return 1 / (1 + math.Exp(-v)) }
	a1, a2 = make([]float64, c.n*c.h), make([]float64, c.n*c.o)
	for i := range c.n {
		for j := range c.h {
			s := c.b1[j]
			for p := range c.d {
				s += c.x[i*c.d+p] * c.w1[p*c.h+j]
			}
			a1[i*c.h+j] = sig(s)
		}
		for k := range c.o {
			s := c.b2[k]
			for j := range c.h {
				s += a1[i*c.h+j] * c.w2[j*c.o+k]
			}
			a2[i*c.o+k] = sig(s)
		}
	}
	return a1, a2
}

func TestForwardNaive(t *testing.T) {
	for _, dims := range [][4]int{{4, 2, 4, 1}, {7, 3, 5, 2}, {33, 10, 40, 3}, {1, 1, 1, 1}, {3, 0, 2, 1}, {3, 2, 0, 2}} {
		c := newNetCase(dims[0], dims[1], dims[2], dims[3])
		c.forward()
		a1, a2 := naiveForward(c)
		for i := range a1 {
			if !near(c.a1[i], a1[i], float64(4*c.d+4)*eps) || c.a1[i] != apply(Sigmoid, c.z1[i]) {
				t.Errorf("%v: a1[%d] = %v (z1 %v), naive %v", dims, i, c.a1[i], c.z1[i], a1[i])
			}
		}
		for i := range a2 {
			if !near(c.a2[i], a2[i], float64(4*c.h+4*c.d+8)*eps) || c.a2[i] != apply(Sigmoid, c.z2[i]) {
				t.Errorf("%v: a2[%d] = %v (z2 %v), naive %v", dims, i, c.a2[i], c.z2[i], a2[i])
			}
		}
		// z may be the same slice as a.
		a1s, a2s := make([]float64, len(c.a1)), make([]float64, len(c.a2))
		Forward(a1s, a2s, a1s, a2s, c.x, c.w1, c.b1, c.w2, c.b2, c.n, c.d, c.h, c.o)
		for i := range a1s {
			if a1s[i] != c.a1[i] {
				t.Errorf("%v: aliased a1[%d] = %v, want %v", dims, i, a1s[i], c.a1[i])
			}
		}
		for i := range a2s {
			if a2s[i] != c.a2[i] {
				t.Errorf("%v: aliased a2[%d] = %v, want %v", dims, i, a2s[i], c.a2[i])
			}
		}
	}
}

// TestBackwardFiniteDifference checks every gradient against a central
// difference of the loss, one weight at a time.
func TestBackwardFiniteDifference(t *testing.T) {
	for _, dims := range [][4]int{{4, 2, 4, 1}, {5, 3, 4, 2}, {20, 3, 6, 1}, {9, 2, 3, 3}} {
		c := newNetCase(dims[0], dims[1], dims[2], dims[3])
		c.forward()
		c.backward()
		for _, p := range []struct {
			name    string
			w, grad []float64
		}{{"W1", c.w1, c.dw1}, {"b1", c.b1, c.db1}, {"W2", c.w2, c.dw2}, {"b2", c.b2, c.db2}} {
			for i := range p.w {
				const h = 1e-5
				w := p.w[i]
				p.w[i] = w + h
				up := c.loss()
				p.w[i] = w - h
				down := c.loss()
				p.w[i] = w
				fd := (up - down) / (2 * h)
				// Truncation h²·|f'''|/6 and rounding eps·|f|/h: about 1e-10.
				if math.Abs(fd-p.grad[i]) > 1e-8*math.Max(1, math.Abs(fd)) {
					t.Errorf("%v: d%s[%d] = %.12g, central difference %.12g", dims, p.name, i, p.grad[i], fd)
				}
			}
		}
	}
}

// TestBackwardOrder checks the documented order of operations: dz2 and the
// bias gradients exactly (no matrix product involved), the weight
// gradients against plain loops within rounding.
func TestBackwardOrder(t *testing.T) {
	for _, dims := range [][4]int{{4, 2, 4, 1}, {150, 3, 5, 2}, {300, 2, 3, 1}} {
		n, d, h, o := dims[0], dims[1], dims[2], dims[3]
		c := newNetCase(n, d, h, o)
		c.forward()
		c.backward()
		dz2 := make([]float64, n*o)
		for i := range dz2 {
			dz2[i] = (c.a2[i] - c.y[i]) / float64(n*o)
		}
		for k := range o {
			col := make([]float64, n)
			for i := range n {
				col[i] = dz2[i*o+k]
			}
			if want := pairwise(0, n, func(i int) float64 { return col[i] }); c.db2[k] != want {
				t.Errorf("%v: db2[%d] = %v, want %v", dims, k, c.db2[k], want)
			}
		}
		dw2 := make([]float64, h*o)
		da1 := make([]float64, n*h)
		for i := range n {
			for j := range h {
				for k := range o {
					dw2[j*o+k] += c.a1[i*h+j] * dz2[i*o+k]
					da1[i*h+j] += dz2[i*o+k] * c.w2[j*o+k]
				}
			}
		}
		for i := range dw2 {
			if !near(c.dw2[i], dw2[i], float64(2*n)*eps) {
				t.Errorf("%v: dW2[%d] = %v, plain loops %v", dims, i, c.dw2[i], dw2[i])
			}
		}
		dz1 := make([]float64, n*h)
		for i := range dz1 {
			a := c.a1[i]
			dz1[i] = da1[i] * (a * (1 - a))
		}
		dw1 := make([]float64, d*h)
		for i := range n {
			for p := range d {
				for j := range h {
					dw1[p*h+j] += c.x[i*d+p] * dz1[i*h+j]
				}
			}
		}
		for i := range dw1 {
			if !near(c.dw1[i], dw1[i], float64(4*n*o)*eps) {
				t.Errorf("%v: dW1[%d] = %v, plain loops %v", dims, i, c.dw1[i], dw1[i])
			}
		}
		for j := range h {
			want := 0.0
			for i := range n {
				want += dz1[i*h+j]
			}
			if !near(c.db1[j], want, float64(4*n*o)*eps) {
				t.Errorf("%v: db1[%d] = %v, plain sum %v", dims, j, c.db1[j], want)
			}
		}
	}
}

func TestNetworkShapes(t *testing.T) {
	c := newNetCase(4, 2, 3, 1)
	z := func(k int) []float64 { return make([]float64, k) }
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Forward x", func() { Forward(c.a1, c.a2, c.z1, c.z2, z(7), c.w1, c.b1, c.w2, c.b2, 4, 2, 3, 1) }},
		{"Forward w1", func() { Forward(c.a1, c.a2, c.z1, c.z2, c.x, z(5), c.b1, c.w2, c.b2, 4, 2, 3, 1) }},
		{"Forward b1", func() { Forward(c.a1, c.a2, c.z1, c.z2, c.x, c.w1, z(2), c.w2, c.b2, 4, 2, 3, 1) }},
		{"Forward w2", func() { Forward(c.a1, c.a2, c.z1, c.z2, c.x, c.w1, c.b1, z(2), c.b2, 4, 2, 3, 1) }},
		{"Forward b2", func() { Forward(c.a1, c.a2, c.z1, c.z2, c.x, c.w1, c.b1, c.w2, z(2), 4, 2, 3, 1) }},
		{"Forward a1", func() { Forward(z(11), c.a2, c.z1, c.z2, c.x, c.w1, c.b1, c.w2, c.b2, 4, 2, 3, 1) }},
		{"Forward z2", func() { Forward(c.a1, c.a2, c.z1, z(3), c.x, c.w1, c.b1, c.w2, c.b2, 4, 2, 3, 1) }},
		{"Forward negative", func() { Forward(nil, nil, nil, nil, nil, nil, nil, nil, nil, -1, 2, 3, 1) }},
		{"Backward y", func() { Backward(c.dw1, c.db1, c.dw2, c.db2, c.x, z(3), c.a1, c.a2, c.w2, 4, 2, 3, 1) }},
		{"Backward a1", func() { Backward(c.dw1, c.db1, c.dw2, c.db2, c.x, c.y, z(3), c.a2, c.w2, 4, 2, 3, 1) }},
		{"Backward dw1", func() { Backward(z(5), c.db1, c.dw2, c.db2, c.x, c.y, c.a1, c.a2, c.w2, 4, 2, 3, 1) }},
		{"Backward db2", func() { Backward(c.dw1, c.db1, c.dw2, z(2), c.x, c.y, c.a1, c.a2, c.w2, 4, 2, 3, 1) }},
	} {
		testdata.MustPanic(t, tc.name, ErrShape, tc.f)
	}
}

func ExampleForward() {
	// A 2-2-1 network that computes XOR, with hand-set weights: the hidden
	// units are OR and NAND, the output their AND.
	x := []float64{0, 0, 0, 1, 1, 0, 1, 1}
	w1 := []float64{20, -20, 20, -20} // column 0: OR, column 1: NAND
	b1 := []float64{-10, 30}
	w2 := []float64{20, 20}
	b2 := []float64{-30}
	a1, a2 := make([]float64, 8), make([]float64, 4)
	Forward(a1, a2, a1, a2, x, w1, b1, w2, b2, 4, 2, 2, 1)
	for i, p := range a2 {
		fmt.Printf("%v -> %.4f\n", x[2*i:2*i+2], p)
	}
	// Output:
	// [0 0] -> 0.0000
	// [0 1] -> 1.0000
	// [1 0] -> 1.0000
	// [1 1] -> 0.0000
}

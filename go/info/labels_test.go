package info

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// ulps returns the distance between a and b in units in the last place.
func ulps(a, b float64) uint64 {
	x, y := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	if x > y {
		return uint64(x - y)
	}
	return uint64(y - x)
}

// TestLabelsSklearn checks values of sklearn.metrics.mutual_info_score
// (scikit-learn 1.9.1, float.hex() of the result, nats). The logarithms of
// Go and of numpy/libm differ by an ulp now and then, so the comparison
// allows a few ulps of the largest term.
func TestLabelsSklearn(t *testing.T) {
	gen := func(n int, f func(i int) int64) []int64 {
		v := make([]int64, n)
		for i := range v {
			v[i] = f(i)
		}
		return v
	}
	// x_i = (i*7919) % 13 for i in range(1000), and two y.
	x := gen(1000, func(i int) int64 { return int64(i*7919) % 13 })
	for _, tc := range []struct {
		name string
		x, y []int64
		hex  string
	}{
		// SEMANTICS.md's example: 0.636514168294813.
		{"notes", []int64{0, 0, 1, 1, 2, 2}, []int64{0, 0, 1, 1, 1, 1}, "0x1.45e52f6088a22p-1"},
		// y = (i*104729 + i//3) % 7: nearly independent of x.
		{"independent", x, gen(1000, func(i int) int64 { return int64(i*104729+i/3) % 7 }), "0x1.61a69012c4c00p-13"},
		// y = (3*x + (i*31) % 5) % 11.
		{"dependent", x, gen(1000, func(i int) int64 { return (3*x[i] + int64(i*31)%5) % 11 }), "0x1.90e076a361c19p-1"},
	} {
		want, err := strconv.ParseFloat(tc.hex, 64)
		if err != nil {
			t.Fatal(err)
		}
		got := must(MutualInformationFromLabels(tc.x, tc.y, math.E))
		if math.Abs(got-want) > 8*eps64 {
			t.Errorf("%s: I = %x (%.17g), sklearn %x", tc.name, got, got, want)
		}
		if bits := must(MutualInformationFromLabels(tc.x, tc.y, 2)); bits != got/math.Ln2 {
			t.Errorf("%s: %v bits, want %v nats / ln 2", tc.name, bits, got)
		}
	}
}

// contingencyTable counts the label pairs by hand, rows and columns in
// increasing label order.
func contingencyTable(x, y []int64) (joint []float64, rows, cols int) {
	rank := func(v []int64) (map[int64]int, int) {
		seen := map[int64]bool{}
		var u []int64
		for _, a := range v {
			if !seen[a] {
				seen[a] = true
				u = append(u, a)
			}
		}
		r := map[int64]int{}
		for _, a := range u {
			k := 0
			for _, b := range u {
				if b < a {
					k++
				}
			}
			r[a] = k
		}
		return r, len(u)
	}
	rx, rows := rank(x)
	ry, cols := rank(y)
	joint = make([]float64, rows*cols)
	for i := range x {
		joint[rx[x[i]]*cols+ry[y[i]]]++
	}
	return joint, rows, cols
}

func TestLabelsMatchTable(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 200 {
		n := 1 + r.IntN(2000)
		kx, ky := 1+r.IntN(12), 1+r.IntN(12)
		x, y := make([]int64, n), make([]int64, n)
		for i := range x {
			x[i] = int64(r.IntN(kx))
			if trial%2 == 0 {
				y[i] = (x[i]*5 + int64(r.IntN(ky))) % int64(ky) // dependent
			} else {
				y[i] = int64(r.IntN(ky))
			}
		}
		joint, rows, cols := contingencyTable(x, y)
		got := must(MutualInformationFromLabels(x, y, 2))
		want := must(MutualInformation(joint, rows, cols, 2))
		if rows == 1 || cols == 1 {
			want = 0
		}
		if !near(got, want, 64*eps64) || got < 0 {
			t.Fatalf("n=%d %dx%d: from labels %.17g, from the table %.17g", n, rows, cols, got, want)
		}
		// Symmetric, to rounding (the cells are added in another order).
		if yx := must(MutualInformationFromLabels(y, x, 2)); !near(yx, got, 64*eps64) {
			t.Fatalf("I(y;x) = %v, I(x;y) = %v", yx, got)
		}
		// I(x; x) = H(x).
		px, _ := sums(joint, rows, cols)
		if xx, hx := must(MutualInformationFromLabels(x, x, 2)), must(Entropy(px, 2)); !near(xx, hx, 64*eps64) {
			t.Fatalf("I(x;x) = %v, H(x) = %v", xx, hx)
		}
	}
}

// TestLabelsPaths checks that every way of coding and counting the labels
// gives the same bits, and that only the order of the labels matters: an
// increasing relabeling, to values as large as ±1e15 or to the extremes of
// int64, changes nothing.
func TestLabelsPaths(t *testing.T) {
	// maxCells = 1 rules out the direct table (two labels at least need
	// two cells) but leaves a dense kx×ky table when kx or ky is 1. The
	// tables of these tests have at most 40×3000 cells.
	const span, cells = 1 << 22, math.MaxInt64
	paths := map[string]counter{
		"direct":       {maxSpan: span, maxCells: cells},
		"lookup+dense": {maxSpan: span, maxCells: 1},
		"lookup+pairs": {maxSpan: span, maxCells: 0},
		"hash+dense":   {maxSpan: 0, maxCells: cells},
		"hash+pairs":   {maxSpan: 0, maxCells: 0},
	}
	// Increasing relabelings of 0, 1, ..., top.
	relabel := map[string]func(v, top int64) int64{
		"identity": func(v, _ int64) int64 { return v },
		"1e15":     func(v, _ int64) int64 { return v*1e15 - 3e15 },
		"extremes": func(v, top int64) int64 {
			switch v {
			case 0:
				return math.MinInt64
			case 1:
				return math.MinInt64 + 1
			case top:
				return math.MaxInt64
			}
			return v * 1e12
		},
	}
	r := rand.New(rand.NewPCG(13, 14))
	for trial := range 30 {
		n := 1 + r.IntN(3000)
		kx, ky := 1+r.IntN(40), 1+r.IntN(3000)
		x, y := make([]int64, n), make([]int64, n)
		for i := range x {
			x[i] = int64(r.IntN(kx))
			y[i] = (x[i]*int64(1+trial) + int64(r.IntN(ky))) % int64(ky)
		}
		want := must(MutualInformationFromLabels(x, y, 2))
		for rname, f := range relabel {
			fx, fy := make([]int64, n), make([]int64, n)
			for i := range x {
				fx[i], fy[i] = f(x[i], int64(kx-1)), f(y[i], int64(ky-1))
			}
			if got := must(MutualInformationFromLabels(fx, fy, 2)); got != want {
				t.Fatalf("%s: %v, want %v", rname, got, want)
			}
			for pname, c := range paths {
				logb := math.Log(2)
				if got := labelsMI[int32](c, fx, fy, logb); got != want {
					t.Fatalf("%s %s (n=%d, kx=%d, ky=%d): %v, want %v", rname, pname, n, kx, ky, got, want)
				}
				if got := labelsMI[int64](c, fx, fy, logb); got != want {
					t.Fatalf("%s %s int64 codes: %v, want %v", rname, pname, got, want)
				}
			}
		}
	}
}

func TestLabelsEdgeCases(t *testing.T) {
	// One distinct label in x or y: 0, as sklearn.
	for _, tc := range [][2][]int64{
		{{5}, {7}},
		{{3, 3, 3}, {1, 2, 3}},
		{{1, 2, 3}, {-9, -9, -9}},
	} {
		if got := must(MutualInformationFromLabels(tc[0], tc[1], 2)); got != 0 || math.Signbit(got) {
			t.Errorf("%v, %v: %v, want +0", tc[0], tc[1], got)
		}
	}
	// Independent labels, n_ij = u_i·v_j for u = [3, 1, 5], v = [4, 1]: the
	// terms add to ±2⁻⁵² or so, depending on the logarithm's last bits
	// (on amd64, Go's add to -2⁻⁵², which is clipped to 0).
	var ix, iy []int64
	for i, u := range []int{3, 1, 5} {
		for j, v := range []int{4, 1} {
			for range u * v {
				ix, iy = append(ix, int64(i)), append(iy, int64(j))
			}
		}
	}
	if got := must(MutualInformationFromLabels(ix, iy, 2)); got < 0 || got > 4*eps64 {
		t.Errorf("independent: %v, want ~0", got)
	}
	// Identical labelings of k equally frequent values: log2(k) bits.
	for _, k := range []int{2, 3, 16, 100} {
		x := make([]int64, 10*k)
		for i := range x {
			x[i] = int64(i % k)
		}
		if got := must(MutualInformationFromLabels(x, x, 2)); !near(got, math.Log2(float64(k)), 16*eps64) {
			t.Errorf("k=%d: I(x;x) = %v, want log2(k)", k, got)
		}
	}
	// Many distinct labels: the hash table grows.
	r := rand.New(rand.NewPCG(15, 16))
	x, y := make([]int64, 20000), make([]int64, 20000)
	for i := range x {
		x[i] = int64(r.Uint64())
		y[i] = x[i] % 7
	}
	if got, want := must(MutualInformationFromLabels(x, y, 2)), must(MutualInformationFromLabels(y, y, 2)); !near(got, want, 64*eps64) {
		t.Errorf("distinct x: I(x;y) = %v, want H(y) = %v", got, want)
	}
	if _, err := MutualInformationFromLabels(nil, nil, 2); err != ErrEmpty {
		t.Errorf("empty: %v", err)
	}
	if _, err := MutualInformationFromLabels([]int64{1, 2}, []int64{1, 2}, 1); err != ErrBase {
		t.Errorf("base 1: %v", err)
	}
	if _, err := MutualInformationFromLabels(nil, nil, 0); err != ErrBase {
		t.Errorf("base 0, empty: %v, want ErrBase first", err)
	}
	mustPanic(t, "lengths", ErrShape, func() { MutualInformationFromLabels([]int64{1, 2}, []int64{1}, 2) })
}

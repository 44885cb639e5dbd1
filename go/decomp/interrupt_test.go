package decomp

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var errStop = errors.New("stop, please")

// interruptCase is one decomposition run with options: run writes its
// outputs (all returned, scalars as one-element slices) and reads in,
// which must come out unchanged.
type interruptCase struct {
	name string
	in   []float64
	run  func(o Options) ([][]float64, error)
}

// interruptCases are the decompositions on n×n inputs (and tall and wide
// ones for the SVD, which takes other paths for them).
func interruptCases(n int) []interruptCase {
	rng := rand.New(rand.NewPCG(uint64(n), 99))
	sq, sym, pd := randMat(rng, n, n), symmetric(rng, n), spd(rng, n)
	tall, wide := randMat(rng, 2*n, n/2), randMat(rng, n/2, n)
	svdOf := func(a []float64, m, n int, full bool) func(Options) ([][]float64, error) {
		return func(o Options) ([][]float64, error) {
			k := min(m, n)
			uc, vr := k, k
			if full {
				uc, vr = m, n
			}
			u, s, vt := make([]float64, m*uc), make([]float64, k), make([]float64, vr*n)
			return [][]float64{u, s, vt}, o.SVD(u, s, vt, a, m, n, full)
		}
	}
	return []interruptCase{
		{"SVD", sq, svdOf(sq, n, n, false)},
		{"SVD full", sq, svdOf(sq, n, n, true)},
		{"SVD tall", tall, svdOf(tall, 2*n, n/2, false)},
		{"SVD tall full", tall, svdOf(tall, 2*n, n/2, true)},
		{"SVD wide", wide, svdOf(wide, n/2, n, false)},
		{"Eigh", sym, func(o Options) ([][]float64, error) {
			w, v := make([]float64, n), make([]float64, n*n)
			return [][]float64{w, v}, o.Eigh(w, v, sym, n)
		}},
		{"Eig", sq, func(o Options) ([][]float64, error) {
			wr, wi, v := make([]float64, n), make([]float64, n), make([]float64, n*n)
			return [][]float64{wr, wi, v}, o.Eig(wr, wi, v, sq, n)
		}},
		{"QR", sq, func(o Options) ([][]float64, error) {
			q, r := make([]float64, n*n), make([]float64, n*n)
			return [][]float64{q, r}, o.QR(q, r, sq, n, n)
		}},
		{"Cholesky", pd, func(o Options) ([][]float64, error) {
			l := make([]float64, n*n)
			return [][]float64{l}, o.Cholesky(l, pd, n)
		}},
		{"Pinv", tall, func(o Options) ([][]float64, error) {
			d := make([]float64, n/2*2*n)
			return [][]float64{d}, o.Pinv(d, tall, 2*n, n/2, DefaultPinvRcond)
		}},
		{"Rank", sq, func(o Options) ([][]float64, error) {
			r, err := o.Rank(sq, n, n, -1)
			return [][]float64{{float64(r)}}, err
		}},
		{"Cond", sq, func(o Options) ([][]float64, error) {
			c, err := o.Cond(sq, n, n)
			return [][]float64{{c}}, err
		}},
		{"LowRank", sq, func(o Options) ([][]float64, error) {
			r := n / 3
			uk, sk, vtk, ak := make([]float64, n*r), make([]float64, r), make([]float64, r*n), make([]float64, n*n)
			return [][]float64{uk, sk, vtk, ak}, o.LowRank(uk, sk, vtk, ak, sq, n, n, r)
		}},
		{"PCA", tall, func(o Options) ([][]float64, error) {
			s, f, c := 2*n, n/2, 5
			comp, vr, ratio, mean, tr := make([]float64, c*f), make([]float64, c), make([]float64, c), make([]float64, f), make([]float64, s*c)
			return [][]float64{comp, vr, ratio, mean, tr}, o.PCA(comp, vr, ratio, mean, tr, tall, s, f, c)
		}},
	}
}

// counter returns a hook that counts its calls and returns errStop from
// call stopAt on (never when stopAt is 0).
func counter(calls *int, stopAt int) Interrupt {
	return func() error {
		*calls++
		if stopAt > 0 && *calls >= stopAt {
			return errStop
		}
		return nil
	}
}

func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

// A hook that returns an error after k calls stops the decomposition
// there, with that error, for k from the first check point to the last,
// and the input is untouched.
func TestInterruptStopsWithTheHooksError(t *testing.T) {
	const n = 300
	for _, tc := range interruptCases(n) {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.in)
			total := 0
			if _, err := tc.run(Options{Interrupt: counter(&total, 0)}); err != nil {
				t.Fatalf("never-stopping hook: %v", err)
			}
			if total < 2 {
				t.Fatalf("only %d check points", total)
			}
			for _, k := range []int{1, 2, total / 2, total} {
				calls := 0
				_, err := tc.run(Options{Interrupt: counter(&calls, k)})
				if err != errStop {
					t.Fatalf("stop at check %d of %d: got error %v, want errStop", k, total, err)
				}
				if calls != k {
					t.Fatalf("stop at check %d of %d: the hook was called %d times", k, total, calls)
				}
			}
			if !sameBits(in, tc.in) {
				t.Fatal("the input was modified")
			}
		})
	}
}

// A hook that never stops changes no bit of any result, also when the
// large products are split (gemmChunk lowered so that they are at n=200).
func TestInterruptNeverStoppingChangesNothing(t *testing.T) {
	const n = 200
	saved := gemmChunk
	t.Cleanup(func() { gemmChunk = saved })
	for _, chunk := range []int{saved, 1 << 16} {
		gemmChunk = chunk
		for _, tc := range interruptCases(n) {
			want, err := tc.run(Options{})
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			calls := 0
			got, err := tc.run(Options{Interrupt: counter(&calls, 0)})
			if err != nil {
				t.Fatalf("%s, gemmChunk %d: %v", tc.name, chunk, err)
			}
			for i := range want {
				if !sameBits(got[i], want[i]) {
					t.Fatalf("%s, gemmChunk %d: output %d differs from the run without a hook", tc.name, chunk, i)
				}
			}
		}
	}
}

// The split product itself, on shapes around the block boundaries, is
// bit for bit the one product.
func TestWatchGemmSplitIsExact(t *testing.T) {
	saved := gemmChunk
	t.Cleanup(func() { gemmChunk = saved })
	gemmChunk = 1 << 12
	rng := rand.New(rand.NewPCG(5, 6))
	for _, sh := range [][3]int{{1, 70, 70}, {23, 50, 300}, {49, 64, 300}, {100, 37, 301}, {311, 200, 260}} {
		m, n, k := sh[0], sh[1], sh[2]
		a, b := randMat(rng, m, k), randMat(rng, k, n)
		want, got := make([]float64, m*n), make([]float64, m*n)
		if err := (*watch)(nil).gemm(m, n, k, a, k, b, n, want, n); err != nil {
			t.Fatal(err)
		}
		calls := 0
		if err := (Options{Interrupt: counter(&calls, 0)}).watch().gemm(m, n, k, a, k, b, n, got, n); err != nil {
			t.Fatal(err)
		}
		if !sameBits(got, want) {
			t.Fatalf("%d×%d×%d: the split product differs", m, n, k)
		}
		if m*n*k > 2*gemmChunk && m >= 2*gemmRowAlign && calls < 2 {
			t.Fatalf("%d×%d×%d: %d check points, want a split", m, n, k, calls)
		}
	}
}

// Every throttles the hook: not called within Every of the start, called
// at every check point with Every <= 0.
func TestInterruptEvery(t *testing.T) {
	const n = 120
	tc := interruptCases(n)[0] // SVD
	calls := 0
	if _, err := tc.run(Options{Interrupt: counter(&calls, 1), Every: time.Hour}); err != nil || calls != 0 {
		t.Fatalf("Every = 1h: %d calls, error %v", calls, err)
	}
	every := 0
	if _, err := tc.run(Options{Interrupt: counter(&every, 0), Every: -time.Second}); err != nil {
		t.Fatal(err)
	}
	if every < n {
		t.Fatalf("Every < 0: %d calls for n = %d, want one per check point", every, n)
	}
}

// The package-level functions are the zero Options' methods: nothing
// changes for callers without a hook.
func TestZeroOptionsIsThePackageFunction(t *testing.T) {
	const n = 40
	rng := rand.New(rand.NewPCG(1, 2))
	a := randMat(rng, n, n)
	u1, s1, v1 := make([]float64, n*n), make([]float64, n), make([]float64, n*n)
	u2, s2, v2 := make([]float64, n*n), make([]float64, n), make([]float64, n*n)
	if err := SVD(u1, s1, v1, a, n, n, false); err != nil {
		t.Fatal(err)
	}
	if err := (Options{}).SVD(u2, s2, v2, a, n, n, false); err != nil {
		t.Fatal(err)
	}
	if !sameBits(u1, u2) || !sameBits(s1, s2) || !sameBits(v1, v2) {
		t.Fatal("SVD and Options{}.SVD differ")
	}
}

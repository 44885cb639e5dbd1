package nn

import (
	"errors"
	"fmt"
	"math"
	"mlmath/internal/testdata"
	"testing"
	"time"

	"mlmath/optim"
)

var (
	xorX = []float64{0, 0, 0, 1, 1, 0, 1, 1}
	xorY = []float64{0, 1, 1, 0}
)

// xorNet returns fixed, asymmetric initial weights for a 2-4-1 network.
func xorNet() Network {
	return Network{
		W1: []float64{0.5, -0.4, 0.3, -0.2, -0.3, 0.6, -0.5, 0.4},
		B1: []float64{0.1, -0.1, 0.2, -0.2},
		W2: []float64{0.7, -0.6, 0.5, -0.4},
		B2: []float64{0.05},
		D:  2, H: 4, O: 1,
	}
}

// sgdStep returns Train's step function for plain SGD on net.
func sgdStep(net Network, lr float64) func([4][]float64) {
	o := optim.SGD{LR: lr}
	return func(g [4][]float64) {
		o.Step(net.W1, g[0], nil, false)
		o.Step(net.B1, g[1], nil, false)
		o.Step(net.W2, g[2], nil, false)
		o.Step(net.B2, g[3], nil, false)
	}
}

func TestTrainXOR(t *testing.T) {
	for _, tc := range []struct {
		name          string
		batch, epochs int
		step          func(Network) func([4][]float64)
	}{
		{"sgd full batch", 0, 2000, func(n Network) func([4][]float64) { return sgdStep(n, 2) }},
		{"sgd batch 1", 1, 1000, func(n Network) func([4][]float64) { return sgdStep(n, 1) }},
		{"adam batch 2", 2, 500, func(net Network) func([4][]float64) {
			o := optim.Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
			params := [4][]float64{net.W1, net.B1, net.W2, net.B2}
			var m, v [4][]float64
			for k, p := range params {
				m[k], v[k] = make([]float64, len(p)), make([]float64, len(p))
			}
			t := 0
			return func(g [4][]float64) {
				t++
				for k, p := range params {
					o.Step(p, g[k], m[k], v[k], nil, t)
				}
			}
		}},
	} {
		net := xorNet()
		losses := make([]float64, tc.epochs)
		done, err := Train(xorX, xorY, 4, net, tc.step(net), tc.epochs, tc.batch, losses, nil, 0)
		if err != nil || done != tc.epochs {
			t.Fatalf("%s: Train = %d, %v; want %d, nil", tc.name, done, err, tc.epochs)
		}
		a1, a2 := make([]float64, 16), make([]float64, 4)
		Forward(a1, a2, a1, a2, xorX, net.W1, net.B1, net.W2, net.B2, 4, 2, 4, 1)
		for i, p := range a2 {
			if (p > 0.5) != (xorY[i] == 1) {
				t.Errorf("%s: XOR%v = %v, want class %v", tc.name, xorX[2*i:2*i+2], p, xorY[i])
			}
		}
		first, last := losses[0], losses[tc.epochs-1]
		if !(last < 0.05 && last < first/10) {
			t.Errorf("%s: loss %v -> %v, want below 0.05", tc.name, first, last)
		}
		// Decreasing: every tenth of the run ends lower than it started.
		for k := 1; k <= 10; k++ {
			a, b := losses[(k-1)*tc.epochs/10], losses[k*tc.epochs/10-1]
			if !(b < a) {
				t.Errorf("%s: loss went from %v to %v in tenth %d", tc.name, a, b, k)
			}
		}
		// The last loss is the one measured before the last update: the loss
		// at the final weights is lower still.
		if final := BinaryCrossEntropy(xorY, a2, bceEps); tc.batch == 0 && !(final < last) {
			t.Errorf("%s: loss at the final weights %v, last epoch's %v", tc.name, final, last)
		}
	}
}

// TestTrainBatches checks the batching: the batches and gradients step
// receives, and the weighting of the epoch loss.
func TestTrainBatches(t *testing.T) {
	n, d, h, o := 7, 3, 4, 2
	c := newNetCase(n, d, h, o)
	net := Network{W1: c.w1, B1: c.b1, W2: c.w2, B2: c.b2, D: d, H: h, O: o}
	for _, batch := range []int{0, -1, 1, 3, 6, 7, 100} {
		var got [][4][]float64
		step := func(g [4][]float64) { // records, does not update
			var cp [4][]float64
			for k := range g {
				cp[k] = append([]float64(nil), g[k]...)
			}
			got = append(got, cp)
		}
		losses := make([]float64, 2)
		if _, err := Train(c.x, c.y, n, net, step, 2, batch, losses, nil, 0); err != nil {
			t.Fatal(err)
		}
		b := batch
		if b <= 0 || b > n {
			b = n
		}
		nb := (n + b - 1) / b
		if len(got) != 2*nb {
			t.Fatalf("batch %d: step called %d times, want %d", batch, len(got), 2*nb)
		}
		acc := 0.0
		for k := range nb {
			lo, hi := k*b, min((k+1)*b, n)
			m := hi - lo
			s := newNetCase(m, d, h, o)
			s.x, s.y = c.x[lo*d:hi*d], c.y[lo*o:hi*o]
			s.w1, s.b1, s.w2, s.b2 = c.w1, c.b1, c.w2, c.b2
			s.forward()
			s.backward()
			for q, want := range [][]float64{s.dw1, s.db1, s.dw2, s.db2} {
				for i := range want {
					if got[k][q][i] != want[i] || got[nb+k][q][i] != want[i] {
						t.Errorf("batch %d: gradient %d of batch %d: [%d] = %v, Backward on rows [%d, %d) gives %v", batch, q, k, i, got[k][q][i], lo, hi, want[i])
					}
				}
			}
			acc += BinaryCrossEntropy(s.y, s.a2, bceEps) * float64(m)
		}
		if want := acc / float64(n); losses[0] != want || losses[1] != want {
			t.Errorf("batch %d: losses %v, want %v twice", batch, losses, want)
		}
		// The weighted mean of batch means is the mean over all rows.
		full := newNetCase(n, d, h, o)
		full.w1, full.b1, full.w2, full.b2 = c.w1, c.b1, c.w2, c.b2
		full.forward()
		if all := BinaryCrossEntropy(c.y, full.a2, bceEps); !near(losses[0], all, 16*eps) {
			t.Errorf("batch %d: epoch loss %v, loss over all rows %v", batch, losses[0], all)
		}
	}
}

func TestTrainProgress(t *testing.T) {
	noop := func([4][]float64) {}
	net := xorNet()
	losses := make([]float64, 10)

	// Every epoch, in order, with the epoch's loss.
	var calls []int
	done, err := Train(xorX, xorY, 4, net, noop, 10, 0, losses, func(e int, l float64) (bool, error) {
		calls = append(calls, e)
		if l != losses[e-1] {
			t.Errorf("progress(%d, %v): losses[%d] = %v", e, l, e-1, losses[e-1])
		}
		return false, nil
	}, 0)
	if err != nil || done != 10 || fmt.Sprint(calls) != "[1 2 3 4 5 6 7 8 9 10]" {
		t.Errorf("Train = %d, %v, calls %v", done, err, calls)
	}

	// Stop after the third epoch: not an error, three epochs done.
	for i := range losses {
		losses[i] = -1
	}
	done, err = Train(xorX, xorY, 4, net, noop, 10, 0, losses, func(e int, _ float64) (bool, error) { return e == 3, nil }, 0)
	if err != nil || done != 3 || losses[2] == -1 || losses[3] != -1 {
		t.Errorf("stop at 3: Train = %d, %v, losses %v", done, err, losses)
	}

	// An error is returned unchanged, with the epochs done.
	boom := errors.New("interrupted")
	done, err = Train(xorX, xorY, 4, net, noop, 10, 0, losses, func(e int, _ float64) (bool, error) {
		if e == 2 {
			return false, boom
		}
		return false, nil
	}, 0)
	if err != boom || done != 2 {
		t.Errorf("error at 2: Train = %d, %v; want 2, %v", done, err, boom)
	}

	// With every > 0, calls are at least every apart.
	const every = 20 * time.Millisecond
	var times []time.Time
	start := time.Now()
	slow := func([4][]float64) { // 50 µs an epoch: 4000 epochs in 0.2 s
		for t0 := time.Now(); time.Since(t0) < 50*time.Microsecond; {
		}
	}
	many := make([]float64, 4000)
	done, err = Train(xorX, xorY, 4, net, slow, len(many), 0, many, func(int, float64) (bool, error) {
		times = append(times, time.Now())
		return false, nil
	}, every)
	if err != nil || done != len(many) {
		t.Fatalf("every: Train = %d, %v", done, err)
	}
	if len(times) == 0 || len(times) >= len(many)/10 {
		t.Errorf("every %v: %d calls in %v for %d epochs", every, len(times), time.Since(start), len(many))
	}
	prev := start
	for _, tm := range times {
		if tm.Sub(prev) < every {
			t.Errorf("two progress calls %v apart, want at least %v", tm.Sub(prev), every)
		}
		prev = tm
	}
}

func TestTrainErrorsAndShapes(t *testing.T) {
	net := xorNet()
	noop := func([4][]float64) {}
	if done, err := Train(nil, nil, 0, net, noop, 1, 0, make([]float64, 1), nil, 0); !errors.Is(err, ErrEmpty) || done != 0 {
		t.Errorf("n = 0: %d, %v; want ErrEmpty", done, err)
	}
	if _, err := Train(xorX, xorY, 4, net, noop, -1, 0, nil, nil, 0); !errors.Is(err, ErrEpochs) {
		t.Errorf("epochs = -1: %v; want ErrEpochs", err)
	}
	if done, err := Train(xorX, xorY, 4, net, noop, 0, 0, nil, nil, 0); err != nil || done != 0 {
		t.Errorf("epochs = 0: %d, %v", done, err)
	}
	testdata.MustPanic(t, "losses", ErrShape, func() { _, _ = Train(xorX, xorY, 4, net, noop, 3, 0, make([]float64, 2), nil, 0) })
	testdata.MustPanic(t, "x", ErrShape, func() { _, _ = Train(xorX[:6], xorY, 4, net, noop, 1, 0, make([]float64, 1), nil, 0) })
	testdata.MustPanic(t, "y", ErrShape, func() { _, _ = Train(xorX, xorY[:3], 4, net, noop, 1, 0, make([]float64, 1), nil, 0) })
	bad := xorNet()
	bad.W2 = bad.W2[:3]
	testdata.MustPanic(t, "W2", ErrShape, func() { _, _ = Train(xorX, xorY, 4, bad, noop, 1, 0, make([]float64, 1), nil, 0) })
	// d = 0 (only biases) trains without trouble, in batches too: each
	// batch of two rows has the mean target 1/2, the best loss is log 2.
	b := Network{B1: []float64{0.1, 0.2}, W2: []float64{0.3, -0.3}, B2: []float64{0.4}, H: 2, O: 1}
	losses := make([]float64, 50)
	if _, err := Train(nil, xorY, 4, b, sgdStep(b, 1), 50, 2, losses, nil, 0); err != nil || !(losses[49] < losses[0]) || !near(losses[49], math.Ln2, 1e-3) {
		t.Errorf("d = 0: %v, losses %v -> %v", err, losses[0], losses[49])
	}
}

// TestTrainAllocatesOnce checks that the allocations do not grow with the
// number of epochs.
func TestTrainAllocatesOnce(t *testing.T) {
	net := xorNet()
	step := sgdStep(net, 0.1)
	progress := func(int, float64) (bool, error) { return false, nil }
	allocs := func(epochs int) float64 {
		losses := make([]float64, epochs)
		return testing.AllocsPerRun(5, func() {
			_, _ = Train(xorX, xorY, 4, net, step, epochs, 3, losses, progress, 0)
		})
	}
	if one, many := allocs(1), allocs(200); many != one {
		t.Errorf("Train allocates %v times for 1 epoch, %v for 200", one, many)
	}
}

func ExampleTrain() {
	// Learn XOR with a 2-4-1 sigmoid network and full-batch SGD.
	x := []float64{0, 0, 0, 1, 1, 0, 1, 1}
	y := []float64{0, 1, 1, 0}
	net := Network{
		W1: []float64{0.5, -0.4, 0.3, -0.2, -0.3, 0.6, -0.5, 0.4},
		B1: []float64{0.1, -0.1, 0.2, -0.2},
		W2: []float64{0.7, -0.6, 0.5, -0.4},
		B2: []float64{0.05},
		D:  2, H: 4, O: 1,
	}
	sgd := optim.SGD{LR: 2}
	step := func(g [4][]float64) { // the optimizer: one Step per parameter
		sgd.Step(net.W1, g[0], nil, false)
		sgd.Step(net.B1, g[1], nil, false)
		sgd.Step(net.W2, g[2], nil, false)
		sgd.Step(net.B2, g[3], nil, false)
	}
	losses := make([]float64, 2000)
	report := func(epoch int, loss float64) (bool, error) {
		if epoch%500 == 0 {
			fmt.Printf("epoch %4d: loss %.4f\n", epoch, loss)
		}
		return false, nil
	}
	if _, err := Train(x, y, 4, net, step, len(losses), 0, losses, report, 0); err != nil {
		fmt.Println(err)
		return
	}
	a1, a2 := make([]float64, 4*4), make([]float64, 4)
	Forward(a1, a2, a1, a2, x, net.W1, net.B1, net.W2, net.B2, 4, 2, 4, 1)
	fmt.Printf("predictions %.2f\n", a2)
	// Output:
	// epoch  500: loss 0.0533
	// epoch 1000: loss 0.0065
	// epoch 1500: loss 0.0034
	// epoch 2000: loss 0.0023
	// predictions [0.00 1.00 1.00 0.00]
}

package nn

import "time"

// Network is the notes' two-layer sigmoid network: D inputs, H hidden
// units, O outputs, with the row-major weights W1 (D×H), B1 (H), W2 (H×O)
// and B2 (O).
type Network struct {
	W1, B1, W2, B2 []float64
	D, H, O        int
}

// bceEps is the clipping of Train's loss: sklearn's log_loss eps for
// float64, the machine epsilon 2^-52.
const bceEps = 0x1p-52

// clockWork is about how many multiply-adds of Forward and Backward pass
// between two looks at the clock when Train reports progress every so
// often: reading the clock costs about as much as a few hundred of them.
const clockWork = 1 << 16

// Train trains net on the n samples of X (n×D) with the targets y (n×O)
// by mini-batch gradient descent, for the given number of epochs, and
// returns the number of epochs completed.
//
// An epoch goes through the batches in order: the consecutive row ranges
// [0, b), [b, 2b), ... of X, the last one possibly shorter, without
// shuffling; batch <= 0 or batch >= n means one batch of all n rows. For
// each batch of m rows:
//
//	Forward(a1, a2, ...) on the batch's rows, with the current weights
//	ℓ = BinaryCrossEntropy(y_batch, a2, 2^-52)    (mean over m·O values)
//	Backward(dW1, db1, dW2, db2, ...) on the batch: the gradient of ℓ
//	step([4][]float64{dW1, db1, dW2, db2})
//
// step is the optimizer: it updates net.W1, net.B1, net.W2 and net.B2 in
// place from the gradients, which it must not modify or keep (Train reuses
// them). It must not be nil. The epoch's loss, written to losses[e], is
// the mean of the batch losses weighted by their rows, each measured before
// its batch's update:
//
//	acc = 0; for each batch: acc += ℓ·m;  losses[e] = acc/n
//
// After each epoch, if progress is not nil, Train calls it with the number
// of epochs done and that epoch's loss: after every epoch when every <= 0,
// otherwise after the first epoch that ends at least every after the
// previous call (or after the start), the clock being read only every so
// many epochs of small networks. It returns stop = true to end training
// early, or an error, which Train returns unchanged; the epoch it was
// called after counts as completed either way.
//
// Train allocates its scratch space once, whatever the number of epochs.
// It returns ErrEmpty if n < 1 and ErrEpochs if epochs < 0, and panics
// with ErrShape if a length disagrees with the dimensions or len(losses)
// != epochs.
func Train(x, y []float64, n int, net Network, step func(grads [4][]float64), epochs, batch int, losses []float64,
	progress func(epoch int, loss float64) (stop bool, err error), every time.Duration) (int, error) {
	d, h, o := net.D, net.H, net.O
	if n < 1 {
		return 0, ErrEmpty
	}
	if epochs < 0 {
		return 0, ErrEpochs
	}
	checkNet(x, net.W1, net.B1, net.W2, net.B2, n, d, h, o)
	checkLen(y, size(n, o))
	checkLen(losses, epochs)
	if batch <= 0 || batch > n {
		batch = n
	}

	// Scratch, for batches of up to batch rows: the activations (which
	// also hold z), the gradients, and Xᵀ once for all (a batch's Xᵀ is a
	// block of its columns).
	a1, a2 := make([]float64, size(batch, h)), make([]float64, size(batch, o))
	grads := [4][]float64{make([]float64, d*h), make([]float64, h), make([]float64, h*o), make([]float64, o)}
	ws := newWorkspace(batch, 0, h, o)
	ws.xT = make([]float64, size(d, n))
	transpose(ws.xT, x, n, d, n)

	stride := 1 // epochs between two looks at the clock
	if work := n * (d*h + h*o); work < clockWork {
		stride = clockWork / max(work, 1)
	}
	last := time.Now()
	for e := range epochs {
		acc := 0.0
		for lo := 0; lo < n; lo += batch {
			m := min(batch, n-lo)
			xb, yb := x[lo*d:(lo+m)*d], y[lo*o:(lo+m)*o]
			a1b, a2b := a1[:m*h], a2[:m*o]
			Forward(a1b, a2b, a1b, a2b, xb, net.W1, net.B1, net.W2, net.B2, m, d, h, o)
			acc += float64(BinaryCrossEntropy(yb, a2b, bceEps) * float64(m))
			xTb := ws.xT // Xᵀ's columns lo..lo+m-1 (none when d = 0)
			if d > 0 {
				xTb = xTb[lo:]
			}
			ws.backward(grads[0], grads[1], grads[2], grads[3], xTb, n, yb, a1b, a2b, net.W2, m, d, h, o)
			step(grads)
		}
		losses[e] = acc / float64(n)
		if progress == nil {
			continue
		}
		if every > 0 {
			if (e+1)%stride != 0 {
				continue
			}
			if now := time.Now(); now.Sub(last) < every {
				continue
			} else {
				last = now
			}
		}
		if stop, err := progress(e+1, losses[e]); err != nil || stop {
			return e + 1, err
		}
	}
	return epochs, nil
}

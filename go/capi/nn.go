package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"unsafe"

	"mlmath/internal/status"
	"mlmath/nn"
)

// activation runs dst = f(x) for an activation export.
func activation(name string, f func(dst, x []float64), x *C.double, n C.int64_t, dst *C.double) C.int {
	return guard(name, func() error {
		var sx, sd []float64
		if err := views(argOf(&sx, x, n), argOf(&sd, dst, n)); err != nil {
			return err
		}
		f(sd, sx)
		return nil
	})
}

//export mlm_sigmoid
func mlm_sigmoid(x *C.double, n C.int64_t, dst *C.double) C.int {
	return activation("mlm_sigmoid", nn.Sigmoid, x, n, dst)
}

//export mlm_sigmoid_derivative
func mlm_sigmoid_derivative(x *C.double, n C.int64_t, dst *C.double) C.int {
	return activation("mlm_sigmoid_derivative", nn.SigmoidDerivative, x, n, dst)
}

//export mlm_relu
func mlm_relu(x *C.double, n C.int64_t, dst *C.double) C.int {
	return activation("mlm_relu", nn.ReLU, x, n, dst)
}

//export mlm_relu_derivative
func mlm_relu_derivative(x *C.double, n C.int64_t, dst *C.double) C.int {
	return activation("mlm_relu_derivative", nn.ReLUDerivative, x, n, dst)
}

//export mlm_tanh
func mlm_tanh(x *C.double, n C.int64_t, dst *C.double) C.int {
	return activation("mlm_tanh", nn.Tanh, x, n, dst)
}

//export mlm_tanh_derivative
func mlm_tanh_derivative(x *C.double, n C.int64_t, dst *C.double) C.int {
	return activation("mlm_tanh_derivative", nn.TanhDerivative, x, n, dst)
}

// rowwise runs f on the rows of x (rows×cols) into dst (rows×dstCols).
func rowwise(name string, f func(dst, x []float64, rows, cols int), x *C.double, rows, cols C.int64_t, dst *C.double, dstCols C.int64_t) C.int {
	return guard(name, func() error {
		var sx, sd []float64
		if err := views(argOf(&sx, x, rows, cols), argOf(&sd, dst, rows, dstCols)); err != nil {
			return err
		}
		f(sd, sx, int(rows), int(cols))
		return nil
	})
}

//export mlm_softmax
func mlm_softmax(x *C.double, rows, cols C.int64_t, dst *C.double) C.int {
	return rowwise("mlm_softmax", nn.Softmax, x, rows, cols, dst, cols)
}

//export mlm_log_softmax
func mlm_log_softmax(x *C.double, rows, cols C.int64_t, dst *C.double) C.int {
	return rowwise("mlm_log_softmax", nn.LogSoftmax, x, rows, cols, dst, cols)
}

//export mlm_logsumexp
func mlm_logsumexp(x *C.double, rows, cols C.int64_t, dst *C.double) C.int {
	return rowwise("mlm_logsumexp", nn.LogSumExp, x, rows, cols, dst, 1)
}

// loss runs a two-array mean loss into out.
func loss(name string, f func(a, b []float64) float64, a, b *C.double, n C.int64_t, out *C.double) C.int {
	return guard(name, func() error {
		var sa, sb []float64
		if err := views(argOf(&sa, a, n), argOf(&sb, b, n)); err != nil {
			return err
		}
		return setDouble(out, f(sa, sb))
	})
}

//export mlm_mse
func mlm_mse(yTrue, yPred *C.double, n C.int64_t, out *C.double) C.int {
	return loss("mlm_mse", nn.MSE, yTrue, yPred, n, out)
}

//export mlm_binary_cross_entropy
func mlm_binary_cross_entropy(yTrue, p *C.double, n C.int64_t, eps C.double, out *C.double) C.int {
	bce := func(y, q []float64) float64 { return nn.BinaryCrossEntropy(y, q, float64(eps)) }
	return loss("mlm_binary_cross_entropy", bce, yTrue, p, n, out)
}

//export mlm_bce_with_logits
func mlm_bce_with_logits(yTrue, logits *C.double, n C.int64_t, out *C.double) C.int {
	return loss("mlm_bce_with_logits", nn.BCEWithLogits, yTrue, logits, n, out)
}

//export mlm_softmax_cross_entropy
func mlm_softmax_cross_entropy(labels *C.int64_t, logits *C.double, rows, cols C.int64_t, out *C.double) C.int {
	return guard("mlm_softmax_cross_entropy", func() error {
		var sl []float64
		if err := views(argOf(&sl, logits, rows, cols)); err != nil {
			return err
		}
		if rows > 0 && labels == nil {
			return status.ErrArgument
		}
		var lab []int64
		if rows > 0 {
			lab = unsafe.Slice((*int64)(unsafe.Pointer(labels)), int(rows))
		}
		v, err := nn.SoftmaxCrossEntropy(lab, sl, int(rows), int(cols))
		if err != nil {
			return err
		}
		return setDouble(out, v)
	})
}

//export mlm_mlp_forward
func mlm_mlp_forward(x, w1, b1, w2, b2 *C.double, n, d, h, o C.int64_t, a1, a2, z1, z2 *C.double) C.int {
	return guard("mlm_mlp_forward", func() error {
		var sx, sw1, sb1, sw2, sb2, sa1, sa2, sz1, sz2 []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sw1, w1, d, h), argOf(&sb1, b1, h), argOf(&sw2, w2, h, o), argOf(&sb2, b2, o),
			argOf(&sa1, a1, n, h), argOf(&sa2, a2, n, o), argOf(&sz1, z1, n, h), argOf(&sz2, z2, n, o)); err != nil {
			return err
		}
		nn.Forward(sa1, sa2, sz1, sz2, sx, sw1, sb1, sw2, sb2, int(n), int(d), int(h), int(o))
		return nil
	})
}

//export mlm_mlp_backward
func mlm_mlp_backward(x, y, a1, a2, w2 *C.double, n, d, h, o C.int64_t, dw1, db1, dw2, db2 *C.double) C.int {
	return guard("mlm_mlp_backward", func() error {
		var sx, sy, sa1, sa2, sw2, sdw1, sdb1, sdw2, sdb2 []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sy, y, n, o), argOf(&sa1, a1, n, h), argOf(&sa2, a2, n, o), argOf(&sw2, w2, h, o),
			argOf(&sdw1, dw1, d, h), argOf(&sdb1, db1, h), argOf(&sdw2, dw2, h, o), argOf(&sdb2, db2, o)); err != nil {
			return err
		}
		nn.Backward(sdw1, sdb1, sdw2, sdb2, sx, sy, sa1, sa2, sw2, int(n), int(d), int(h), int(o))
		return nil
	})
}

//export mlm_train_mlp
func mlm_train_mlp(x, y *C.double, n, d, h, o C.int64_t, w1, b1, w2, b2 *C.double,
	optimizer C.int, hyper *C.double, nhyper C.int64_t, state **C.double, t0, epochs, batch C.int64_t, losses *C.double,
	progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double, epochsDone *C.int64_t) C.int {
	return guard("mlm_train_mlp", func() error {
		if epochsDone == nil || state == nil || t0 < 0 || n < 1 {
			return status.ErrArgument
		}
		*epochsDone = 0
		var sx, sy, sw1, sb1, sw2, sb2, sl, sh []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sy, y, n, o), argOf(&sw1, w1, d, h), argOf(&sb1, b1, h), argOf(&sw2, w2, h, o),
			argOf(&sb2, b2, o), argOf(&sl, losses, epochs), argOf(&sh, hyper, nhyper)); err != nil {
			return err
		}
		params := [4][]float64{sw1, sb1, sw2, sb2}
		ptrs := unsafe.Slice(state, 12)
		var st [12][]float64
		for k, p := range ptrs {
			s, err := optional(p, C.int64_t(len(params[k/3])))
			if err != nil {
				return err
			}
			st[k] = s
		}
		step, err := stepper(optimizer, sh, st, params, int(t0))
		if err != nil {
			return err
		}
		net := nn.Network{W1: sw1, B1: sb1, W2: sw2, B2: sb2, D: int(d), H: int(h), O: int(o)}
		var report func(epoch int, loss float64) (bool, error)
		if progress != nil {
			report = lossReporter(progress, pctx)
		}
		done, err := nn.Train(sx, sy, int(n), net, step, int(epochs), int(batch), sl, report, every(seconds))
		*epochsDone = C.int64_t(done)
		return err
	})
}

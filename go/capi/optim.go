package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"mlmath/internal/status"
	"mlmath/optim"
)

// optional views p as n doubles, or nil for a NULL p (a state array whose
// option is off).
func optional(p *C.double, n C.int64_t) ([]float64, error) {
	if p == nil {
		return nil, nil
	}
	return array(p, n)
}

// stepViews views the parameter and its gradient (n each).
func stepViews(p, g *C.double, n C.int64_t) (sp, sg []float64, err error) {
	err = views(argOf(&sp, p, n), argOf(&sg, g, n))
	return sp, sg, err
}

//export mlm_sgd_step
func mlm_sgd_step(p, g *C.double, n C.int64_t, buf *C.double, first C.int, lr, momentum, dampening, weightDecay C.double, nesterov C.int) C.int {
	return guard("mlm_sgd_step", func() error {
		sp, sg, err := stepViews(p, g, n)
		if err != nil {
			return err
		}
		sb, err := optional(buf, n)
		if err != nil {
			return err
		}
		o := optim.SGD{LR: float64(lr), Momentum: float64(momentum), Dampening: float64(dampening), WeightDecay: float64(weightDecay), Nesterov: nesterov != 0}
		if o.Momentum != 0 && sb == nil && n > 0 {
			return status.ErrArgument
		}
		o.Step(sp, sg, sb, first != 0)
		return nil
	})
}

//export mlm_adam_step
func mlm_adam_step(p, g *C.double, n C.int64_t, m, v, vmax *C.double, t C.int64_t, lr, beta1, beta2, eps, weightDecay C.double, amsgrad, decoupled C.int) C.int {
	return guard("mlm_adam_step", func() error {
		sp, sg, err := stepViews(p, g, n)
		if err != nil {
			return err
		}
		var sm, sv []float64
		if err := views(argOf(&sm, m, n), argOf(&sv, v, n)); err != nil {
			return err
		}
		svmax, err := optional(vmax, n)
		if err != nil {
			return err
		}
		if t < 1 || (amsgrad != 0 && svmax == nil && n > 0) {
			return status.ErrArgument
		}
		o := optim.Adam{LR: float64(lr), Beta1: float64(beta1), Beta2: float64(beta2), Eps: float64(eps),
			WeightDecay: float64(weightDecay), AMSGrad: amsgrad != 0, Decoupled: decoupled != 0}
		o.Step(sp, sg, sm, sv, svmax, int(t))
		return nil
	})
}

//export mlm_rmsprop_step
func mlm_rmsprop_step(p, g *C.double, n C.int64_t, sq, buf, gavg *C.double, lr, alpha, eps, weightDecay, momentum C.double, centered C.int) C.int {
	return guard("mlm_rmsprop_step", func() error {
		sp, sg, err := stepViews(p, g, n)
		if err != nil {
			return err
		}
		var ssq []float64
		if err := views(argOf(&ssq, sq, n)); err != nil {
			return err
		}
		sb, err := optional(buf, n)
		if err != nil {
			return err
		}
		sga, err := optional(gavg, n)
		if err != nil {
			return err
		}
		o := optim.RMSprop{LR: float64(lr), Alpha: float64(alpha), Eps: float64(eps), WeightDecay: float64(weightDecay),
			Momentum: float64(momentum), Centered: centered != 0}
		if n > 0 && ((o.Momentum > 0 && sb == nil) || (o.Centered && sga == nil)) {
			return status.ErrArgument
		}
		o.Step(sp, sg, ssq, sb, sga)
		return nil
	})
}

//export mlm_adagrad_step
func mlm_adagrad_step(p, g *C.double, n C.int64_t, sum *C.double, t C.int64_t, lr, lrDecay, weightDecay, eps C.double) C.int {
	return guard("mlm_adagrad_step", func() error {
		sp, sg, err := stepViews(p, g, n)
		if err != nil {
			return err
		}
		var ss []float64
		if err := views(argOf(&ss, sum, n)); err != nil {
			return err
		}
		if t < 1 {
			return status.ErrArgument
		}
		o := optim.Adagrad{LR: float64(lr), LRDecay: float64(lrDecay), WeightDecay: float64(weightDecay), Eps: float64(eps)}
		o.Step(sp, sg, ss, int(t))
		return nil
	})
}

// stepper returns the update of the four network parameters for the
// optimizer kind with hyperparameters hyper and state (12 arrays, 3 per
// parameter, nil where unused), starting after t0 steps: what mlm_train_mlp
// calls after each batch.
func stepper(kind C.int, hyper []float64, state [12][]float64, params [4][]float64, t0 int) (func(grads [4][]float64), error) {
	want := map[C.int]int{C.MLM_OPT_SGD: 5, C.MLM_OPT_ADAM: 7, C.MLM_OPT_RMSPROP: 6, C.MLM_OPT_ADAGRAD: 4}
	if n, ok := want[kind]; !ok || len(hyper) != n {
		return nil, status.ErrArgument
	}
	slot := func(i, j int) []float64 { return state[3*i+j] }
	need := func(js ...int) error { // the state arrays this optimizer uses must be there
		for i, p := range params {
			for _, j := range js {
				if len(p) > 0 && slot(i, j) == nil {
					return status.ErrArgument
				}
			}
		}
		return nil
	}
	t := t0
	h := hyper
	switch kind {
	case C.MLM_OPT_SGD:
		o := optim.SGD{LR: h[0], Momentum: h[1], Dampening: h[2], WeightDecay: h[3], Nesterov: h[4] != 0}
		if o.Momentum != 0 {
			if err := need(0); err != nil {
				return nil, err
			}
		}
		return func(grads [4][]float64) {
			t++
			for i, p := range params {
				o.Step(p, grads[i], slot(i, 0), t == 1)
			}
		}, nil
	case C.MLM_OPT_ADAM:
		o := optim.Adam{LR: h[0], Beta1: h[1], Beta2: h[2], Eps: h[3], WeightDecay: h[4], AMSGrad: h[5] != 0, Decoupled: h[6] != 0}
		js := []int{0, 1}
		if o.AMSGrad {
			js = append(js, 2)
		}
		if err := need(js...); err != nil {
			return nil, err
		}
		return func(grads [4][]float64) {
			t++
			for i, p := range params {
				o.Step(p, grads[i], slot(i, 0), slot(i, 1), slot(i, 2), t)
			}
		}, nil
	case C.MLM_OPT_RMSPROP:
		o := optim.RMSprop{LR: h[0], Alpha: h[1], Eps: h[2], WeightDecay: h[3], Momentum: h[4], Centered: h[5] != 0}
		js := []int{0}
		if o.Momentum > 0 {
			js = append(js, 1)
		}
		if o.Centered {
			js = append(js, 2)
		}
		if err := need(js...); err != nil {
			return nil, err
		}
		return func(grads [4][]float64) {
			for i, p := range params {
				o.Step(p, grads[i], slot(i, 0), slot(i, 1), slot(i, 2))
			}
		}, nil
	default: // Adagrad
		o := optim.Adagrad{LR: h[0], LRDecay: h[1], WeightDecay: h[2], Eps: h[3]}
		if err := need(0); err != nil {
			return nil, err
		}
		return func(grads [4][]float64) {
			t++
			for i, p := range params {
				o.Step(p, grads[i], slot(i, 0), t)
			}
		}, nil
	}
}

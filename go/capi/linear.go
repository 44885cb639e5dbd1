package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"unsafe"

	"mlmath/internal/status"
	"mlmath/linear"
)

//export mlm_standardize
func mlm_standardize(x *C.double, n, d C.int64_t, dst, mean, std *C.double) C.int {
	return guard("mlm_standardize", func() error {
		var sx, sd, sm, ss []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sd, dst, n, d), argOf(&sm, mean, d), argOf(&ss, std, d)); err != nil {
			return err
		}
		if n < 1 {
			return status.ErrArgument
		}
		linear.Standardize(sd, sm, ss, sx, int(n), int(d))
		return nil
	})
}

//export mlm_apply_standardize
func mlm_apply_standardize(x *C.double, n, d C.int64_t, mean, std, dst *C.double) C.int {
	return guard("mlm_apply_standardize", func() error {
		var sx, sd, sm, ss []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sd, dst, n, d), argOf(&sm, mean, d), argOf(&ss, std, d)); err != nil {
			return err
		}
		linear.ApplyStandardize(sd, sx, sm, ss, int(n), int(d))
		return nil
	})
}

//export mlm_logistic_regression
func mlm_logistic_regression(x, y *C.double, n, d C.int64_t, rate C.double, maxIter C.int64_t, l1, l2, tol C.double,
	w, b, losses *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double, iterations *C.int64_t) C.int {
	return guard("mlm_logistic_regression", func() error {
		if iterations == nil || b == nil || maxIter < 0 {
			return status.ErrArgument
		}
		*iterations = 0
		var sx, sy, sw, sl []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sy, y, n), argOf(&sw, w, d), argOf(&sl, losses, maxIter)); err != nil {
			return err
		}
		opt := linear.Options{LearningRate: float64(rate), L1: float64(l1), L2: float64(l2), Tol: float64(tol), MaxIter: int(maxIter)}
		if progress != nil {
			opt.Every = every(seconds)
			opt.Progress = lossReporter(progress, pctx)
		}
		bias := float64(*b)
		k, err := linear.Fit(sw, &bias, sx, sy, int(n), int(d), opt, sl)
		*b = C.double(bias)
		*iterations = C.int64_t(k)
		return err
	})
}

//export mlm_predict_proba
func mlm_predict_proba(x *C.double, n, d C.int64_t, w *C.double, b C.double, dst *C.double) C.int {
	return guard("mlm_predict_proba", func() error {
		var sx, sw, sd []float64
		if err := views(argOf(&sx, x, n, d), argOf(&sw, w, d), argOf(&sd, dst, n)); err != nil {
			return err
		}
		linear.PredictProba(sd, sx, sw, float64(b), int(n), int(d))
		return nil
	})
}

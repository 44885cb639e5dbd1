package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"mlmath/internal/status"
	"mlmath/learn"
)

// bound stores a bound's value, or returns its error.
func bound(v float64, err error, out *C.double) error {
	if err != nil {
		return err
	}
	return setDouble(out, v)
}

//export mlm_hoeffding_bound
func mlm_hoeffding_bound(n C.int64_t, delta C.double, out *C.double) C.int {
	return guard("mlm_hoeffding_bound", func() error {
		v, err := learn.HoeffdingBound(int(n), float64(delta))
		return bound(v, err, out)
	})
}

//export mlm_finite_class_bound
func mlm_finite_class_bound(n C.int64_t, hypotheses, delta C.double, out *C.double) C.int {
	return guard("mlm_finite_class_bound", func() error {
		v, err := learn.FiniteClassBound(int(n), float64(hypotheses), float64(delta))
		return bound(v, err, out)
	})
}

//export mlm_sample_complexity
func mlm_sample_complexity(epsilon, delta, hypotheses C.double, out *C.int64_t) C.int {
	return guard("mlm_sample_complexity", func() error {
		if out == nil {
			return status.ErrArgument
		}
		v, err := learn.SampleComplexity(float64(epsilon), float64(delta), float64(hypotheses))
		if err != nil {
			return err
		}
		*out = C.int64_t(v)
		return nil
	})
}

//export mlm_vc_bound
func mlm_vc_bound(n, vcDim C.int64_t, delta C.double, out *C.double) C.int {
	return guard("mlm_vc_bound", func() error {
		v, err := learn.VCBound(int(n), int(vcDim), float64(delta))
		return bound(v, err, out)
	})
}

//export mlm_bias_variance
func mlm_bias_variance(predictions *C.double, models, points C.int64_t, yTrue, biasSquared, variance, expected *C.double) C.int {
	return guard("mlm_bias_variance", func() error {
		var sp, sy []float64
		if err := views(argOf(&sp, predictions, models, points), argOf(&sy, yTrue, points)); err != nil {
			return err
		}
		if biasSquared == nil || variance == nil || expected == nil {
			return status.ErrArgument
		}
		b, v, e, err := learn.BiasVariance(sp, int(models), int(points), sy)
		if err != nil {
			return err
		}
		*biasSquared, *variance, *expected = C.double(b), C.double(v), C.double(e)
		return nil
	})
}

package main

/*
#include "mlmath.h"
*/
import "C"

import "mlmath/vec"

// pair views two vectors of length n.
func pair(v, w *C.double, n C.int64_t) (s, t []float64, err error) {
	if s, err = array(v, n); err != nil {
		return nil, nil, err
	}
	t, err = array(w, n)
	return s, t, err
}

// elementwise adapts dst = op(v, w) for vectors of length n.
func elementwise(name string, v, w *C.double, n C.int64_t, dst *C.double, op func(dst, s, t []float64) []float64) C.int {
	return guard(name, func() error {
		s, t, err := pair(v, w, n)
		if err != nil {
			return err
		}
		d, err := array(dst, n)
		if err != nil {
			return err
		}
		op(d, s, t)
		return nil
	})
}

// reduce adapts out = op(v, w) for vectors of length n.
func reduce(name string, v, w *C.double, n C.int64_t, out *C.double, op func(s, t []float64) float64) C.int {
	return guard(name, func() error {
		s, t, err := pair(v, w, n)
		if err != nil {
			return err
		}
		return setDouble(out, op(s, t))
	})
}

//export mlm_add
func mlm_add(v, w *C.double, n C.int64_t, dst *C.double) C.int {
	return elementwise("mlm_add", v, w, n, dst, vec.AddTo)
}

//export mlm_subtract
func mlm_subtract(v, w *C.double, n C.int64_t, dst *C.double) C.int {
	return elementwise("mlm_subtract", v, w, n, dst, vec.SubTo)
}

//export mlm_scale
func mlm_scale(c C.double, v *C.double, n C.int64_t, dst *C.double) C.int {
	return guard("mlm_scale", func() error {
		s, d, err := pair(v, dst, n)
		if err != nil {
			return err
		}
		vec.ScaleTo(d, float64(c), s)
		return nil
	})
}

//export mlm_dot
func mlm_dot(v, w *C.double, n C.int64_t, out *C.double) C.int {
	return reduce("mlm_dot", v, w, n, out, vec.Dot)
}

//export mlm_cosine_similarity
func mlm_cosine_similarity(v, w *C.double, n C.int64_t, out *C.double) C.int {
	return reduce("mlm_cosine_similarity", v, w, n, out, vec.CosineSimilarity)
}

//export mlm_norm
func mlm_norm(v *C.double, n C.int64_t, ord C.double, out *C.double) C.int {
	return guard("mlm_norm", func() error {
		s, err := array(v, n)
		if err != nil {
			return err
		}
		r, err := vec.Norm(s, float64(ord))
		if err != nil {
			return err
		}
		return setDouble(out, r)
	})
}

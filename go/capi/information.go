package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"unsafe"

	"mlmath/info"
	"mlmath/internal/status"
)

// measure1 runs a measure of one distribution p (n) into out.
func measure1(name string, f func(p []float64, base float64) (float64, error), p *C.double, n C.int64_t, base C.double, out *C.double) C.int {
	return guard(name, func() error {
		var sp []float64
		if err := views(argOf(&sp, p, n)); err != nil {
			return err
		}
		v, err := f(sp, float64(base))
		if err != nil {
			return err
		}
		return setDouble(out, v)
	})
}

// measure2 runs a measure of two distributions p, q (n each) into out.
func measure2(name string, f func(p, q []float64, base float64) (float64, error), p, q *C.double, n C.int64_t, base C.double, out *C.double) C.int {
	return guard(name, func() error {
		var sp, sq []float64
		if err := views(argOf(&sp, p, n), argOf(&sq, q, n)); err != nil {
			return err
		}
		v, err := f(sp, sq, float64(base))
		if err != nil {
			return err
		}
		return setDouble(out, v)
	})
}

// measureTable runs a measure of the table joint (rows×cols) into out.
func measureTable(name string, f func(joint []float64, rows, cols int, base float64) (float64, error), joint *C.double, rows, cols C.int64_t, base C.double, out *C.double) C.int {
	return guard(name, func() error {
		var sj []float64
		if err := views(argOf(&sj, joint, rows, cols)); err != nil {
			return err
		}
		v, err := f(sj, int(rows), int(cols), float64(base))
		if err != nil {
			return err
		}
		return setDouble(out, v)
	})
}

//export mlm_entropy
func mlm_entropy(p *C.double, n C.int64_t, base C.double, out *C.double) C.int {
	return measure1("mlm_entropy", info.Entropy, p, n, base, out)
}

//export mlm_cross_entropy
func mlm_cross_entropy(p, q *C.double, n C.int64_t, base C.double, out *C.double) C.int {
	return measure2("mlm_cross_entropy", info.CrossEntropy, p, q, n, base, out)
}

//export mlm_kl_divergence
func mlm_kl_divergence(p, q *C.double, n C.int64_t, base C.double, out *C.double) C.int {
	return measure2("mlm_kl_divergence", info.KLDivergence, p, q, n, base, out)
}

//export mlm_js_divergence
func mlm_js_divergence(p, q *C.double, n C.int64_t, base C.double, out *C.double) C.int {
	return measure2("mlm_js_divergence", info.JSDivergence, p, q, n, base, out)
}

//export mlm_joint_entropy
func mlm_joint_entropy(joint *C.double, rows, cols C.int64_t, base C.double, out *C.double) C.int {
	return measureTable("mlm_joint_entropy", info.JointEntropy, joint, rows, cols, base, out)
}

//export mlm_conditional_entropy
func mlm_conditional_entropy(joint *C.double, rows, cols C.int64_t, base C.double, out *C.double) C.int {
	return measureTable("mlm_conditional_entropy", info.ConditionalEntropy, joint, rows, cols, base, out)
}

//export mlm_mutual_information
func mlm_mutual_information(joint *C.double, rows, cols C.int64_t, base C.double, out *C.double) C.int {
	return measureTable("mlm_mutual_information", info.MutualInformation, joint, rows, cols, base, out)
}

// int64s views the n int64 values at p (NULL only when n == 0).
func int64s(p *C.int64_t, n C.int64_t) ([]int64, error) {
	if _, err := size(n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	if p == nil {
		return nil, status.ErrArgument
	}
	return unsafe.Slice((*int64)(unsafe.Pointer(p)), int(n)), nil
}

//export mlm_mutual_information_from_labels
func mlm_mutual_information_from_labels(x, y *C.int64_t, n C.int64_t, base C.double, out *C.double) C.int {
	return guard("mlm_mutual_information_from_labels", func() error {
		sx, err := int64s(x, n)
		if err != nil {
			return err
		}
		sy, err := int64s(y, n)
		if err != nil {
			return err
		}
		v, err := info.MutualInformationFromLabels(sx, sy, float64(base))
		if err != nil {
			return err
		}
		return setDouble(out, v)
	})
}

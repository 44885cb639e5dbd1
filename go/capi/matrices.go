package main

/*
#include "mlmath.h"
*/
import "C"

import "mlmath/mat"

//export mlm_matmul
func mlm_matmul(a, b *C.double, m, k, n C.int64_t, dst *C.double) C.int {
	return guard("mlm_matmul", func() error {
		sa, err := array(a, m, k)
		if err != nil {
			return err
		}
		sb, err := array(b, k, n)
		if err != nil {
			return err
		}
		sd, err := array(dst, m, n)
		if err != nil {
			return err
		}
		mat.Mul(sd, sa, sb, int(m), int(k), int(n))
		return nil
	})
}

//export mlm_transpose
func mlm_transpose(a *C.double, m, n C.int64_t, dst *C.double) C.int {
	return guard("mlm_transpose", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		sd, err := array(dst, n, m)
		if err != nil {
			return err
		}
		mat.Transpose(sd, sa, int(m), int(n))
		return nil
	})
}

//export mlm_det
func mlm_det(a *C.double, n C.int64_t, out *C.double) C.int {
	return guard("mlm_det", func() error {
		sa, err := array(a, n, n)
		if err != nil {
			return err
		}
		return setDouble(out, mat.Det(sa, int(n)))
	})
}

//export mlm_inv
func mlm_inv(a *C.double, n C.int64_t, dst *C.double) C.int {
	return guard("mlm_inv", func() error {
		sa, err := array(a, n, n)
		if err != nil {
			return err
		}
		sd, err := array(dst, n, n)
		if err != nil {
			return err
		}
		return mat.Inv(sd, sa, int(n))
	})
}

//export mlm_solve
func mlm_solve(a, b *C.double, n, k C.int64_t, dst *C.double) C.int {
	return guard("mlm_solve", func() error {
		sa, err := array(a, n, n)
		if err != nil {
			return err
		}
		sb, err := array(b, n, k)
		if err != nil {
			return err
		}
		sd, err := array(dst, n, k)
		if err != nil {
			return err
		}
		return mat.Solve(sd, sa, sb, int(n), int(k))
	})
}

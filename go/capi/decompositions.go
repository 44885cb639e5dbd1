package main

/*
#include "mlmath.h"
*/
import "C"

import "mlmath/decomp"

//export mlm_cholesky
func mlm_cholesky(a *C.double, n C.int64_t, dst *C.double) C.int {
	return guard("mlm_cholesky", func() error {
		sa, err := array(a, n, n)
		if err != nil {
			return err
		}
		sd, err := array(dst, n, n)
		if err != nil {
			return err
		}
		return decomp.Cholesky(sd, sa, int(n))
	})
}

//export mlm_qr
func mlm_qr(a *C.double, m, n C.int64_t, q, r *C.double) C.int {
	return guard("mlm_qr", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		k := min(m, n)
		sq, err := array(q, m, k)
		if err != nil {
			return err
		}
		sr, err := array(r, k, n)
		if err != nil {
			return err
		}
		decomp.QR(sq, sr, sa, int(m), int(n))
		return nil
	})
}

//export mlm_eigh
func mlm_eigh(a *C.double, n C.int64_t, w, v *C.double) C.int {
	return guard("mlm_eigh", func() error {
		sa, err := array(a, n, n)
		if err != nil {
			return err
		}
		sw, err := array(w, n)
		if err != nil {
			return err
		}
		sv, err := array(v, n, n)
		if err != nil {
			return err
		}
		return decomp.Eigh(sw, sv, sa, int(n))
	})
}

//export mlm_svd
func mlm_svd(a *C.double, m, n C.int64_t, full C.int, u, s, vt *C.double) C.int {
	return guard("mlm_svd", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		k := min(m, n)
		ucols, vrows := k, k
		if full != 0 {
			ucols, vrows = m, n
		}
		su, err := array(u, m, ucols)
		if err != nil {
			return err
		}
		ss, err := array(s, k)
		if err != nil {
			return err
		}
		svt, err := array(vt, vrows, n)
		if err != nil {
			return err
		}
		return decomp.SVD(su, ss, svt, sa, int(m), int(n), full != 0)
	})
}

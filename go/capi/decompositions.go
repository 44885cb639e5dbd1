package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"mlmath/decomp"
	"mlmath/internal/status"
)

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

//export mlm_pinv
func mlm_pinv(a *C.double, m, n C.int64_t, rcond C.double, dst *C.double) C.int {
	return guard("mlm_pinv", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		sd, err := array(dst, n, m)
		if err != nil {
			return err
		}
		return decomp.Pinv(sd, sa, int(m), int(n), float64(rcond))
	})
}

//export mlm_matrix_rank
func mlm_matrix_rank(a *C.double, m, n C.int64_t, tol C.double, out *C.int64_t) C.int {
	return guard("mlm_matrix_rank", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		if out == nil {
			return status.ErrArgument
		}
		r, err := decomp.Rank(sa, int(m), int(n), float64(tol))
		*out = C.int64_t(r)
		return err
	})
}

//export mlm_cond
func mlm_cond(a *C.double, m, n C.int64_t, out *C.double) C.int {
	return guard("mlm_cond", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		c, err := decomp.Cond(sa, int(m), int(n))
		if err != nil {
			return err
		}
		return setDouble(out, c)
	})
}

//export mlm_low_rank_approx
func mlm_low_rank_approx(a *C.double, m, n, k C.int64_t, uk, sk, vtk, ak *C.double) C.int {
	return guard("mlm_low_rank_approx", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		su, err := array(uk, m, k)
		if err != nil {
			return err
		}
		ss, err := array(sk, k)
		if err != nil {
			return err
		}
		sv, err := array(vtk, k, n)
		if err != nil {
			return err
		}
		sak, err := array(ak, m, n)
		if err != nil {
			return err
		}
		return decomp.LowRank(su, ss, sv, sak, sa, int(m), int(n), int(k))
	})
}

//export mlm_pca
func mlm_pca(x *C.double, samples, features, c C.int64_t, components, variance, ratio, mean, transformed *C.double) C.int {
	return guard("mlm_pca", func() error {
		sx, err := array(x, samples, features)
		if err != nil {
			return err
		}
		sc, err := array(components, c, features)
		if err != nil {
			return err
		}
		sv, err := array(variance, c)
		if err != nil {
			return err
		}
		sr, err := array(ratio, c)
		if err != nil {
			return err
		}
		sm, err := array(mean, features)
		if err != nil {
			return err
		}
		st, err := array(transformed, samples, c)
		if err != nil {
			return err
		}
		return decomp.PCA(sc, sv, sr, sm, st, sx, int(samples), int(features), int(c))
	})
}

//export mlm_eig
func mlm_eig(a *C.double, n C.int64_t, wr, wi, v *C.double) C.int {
	return guard("mlm_eig", func() error {
		sa, err := array(a, n, n)
		if err != nil {
			return err
		}
		swr, err := array(wr, n)
		if err != nil {
			return err
		}
		swi, err := array(wi, n)
		if err != nil {
			return err
		}
		sv, err := array(v, n, n)
		if err != nil {
			return err
		}
		return decomp.Eig(swr, swi, sv, sa, int(n))
	})
}

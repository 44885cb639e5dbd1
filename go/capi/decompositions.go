package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"unsafe"

	"mlmath/decomp"
	"mlmath/internal/status"
)

// Every decomposition takes the progress callback of the long loops
// (mlm_progress progress, void *progress_ctx, double every): NULL never
// reports. Otherwise the decomposition calls it at its check points (see
// decomp.Options), about every `every` seconds (at every check point when
// every <= 0), with the number of calls so far and no point (x NULL, n 0);
// any non-zero return stops the decomposition with MLM_ERR_CALLBACK. It is
// what lets Ctrl-C interrupt a decomposition that takes seconds.

// decompOptions are the decomp.Options of an export's progress arguments.
func decompOptions(progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) decomp.Options {
	if progress == nil {
		return decomp.Options{}
	}
	report := reporter(progress, pctx)
	calls := 0
	return decomp.Options{Every: every(seconds), Interrupt: func() error {
		calls++
		if stop, err := report(calls, nil); err != nil || stop {
			return status.ErrCallback // a decomposition cannot stop early with a result
		}
		return nil
	}}
}

//export mlm_cholesky
func mlm_cholesky(a *C.double, n C.int64_t, dst *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_cholesky", func() error {
		var sa, sd []float64
		if err := views(argOf(&sa, a, n, n), argOf(&sd, dst, n, n)); err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).Cholesky(sd, sa, int(n))
	})
}

//export mlm_qr
func mlm_qr(a *C.double, m, n C.int64_t, q, r *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_qr", func() error {
		k := min(m, n)
		var sa, sq, sr []float64
		if err := views(argOf(&sa, a, m, n), argOf(&sq, q, m, k), argOf(&sr, r, k, n)); err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).QR(sq, sr, sa, int(m), int(n))
	})
}

//export mlm_eigh
func mlm_eigh(a *C.double, n C.int64_t, w, v *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_eigh", func() error {
		var sa, sw, sv []float64
		if err := views(argOf(&sa, a, n, n), argOf(&sw, w, n), argOf(&sv, v, n, n)); err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).Eigh(sw, sv, sa, int(n))
	})
}

//export mlm_svd
func mlm_svd(a *C.double, m, n C.int64_t, full C.int, u, s, vt *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_svd", func() error {
		k := min(m, n)
		ucols, vrows := k, k
		if full != 0 {
			ucols, vrows = m, n
		}
		var sa, su, ss, svt []float64
		if err := views(argOf(&sa, a, m, n), argOf(&su, u, m, ucols), argOf(&ss, s, k), argOf(&svt, vt, vrows, n)); err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).SVD(su, ss, svt, sa, int(m), int(n), full != 0)
	})
}

//export mlm_eig
func mlm_eig(a *C.double, n C.int64_t, wr, wi, v *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_eig", func() error {
		var sa, swr, swi, sv []float64
		if err := views(argOf(&sa, a, n, n), argOf(&swr, wr, n), argOf(&swi, wi, n), argOf(&sv, v, n, n)); err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).Eig(swr, swi, sv, sa, int(n))
	})
}

//export mlm_pinv
func mlm_pinv(a *C.double, m, n C.int64_t, rcond C.double, dst *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_pinv", func() error {
		var sa, sd []float64
		if err := views(argOf(&sa, a, m, n), argOf(&sd, dst, n, m)); err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).Pinv(sd, sa, int(m), int(n), float64(rcond))
	})
}

//export mlm_matrix_rank
func mlm_matrix_rank(a *C.double, m, n C.int64_t, tol C.double, out *C.int64_t, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_matrix_rank", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		if out == nil {
			return status.ErrArgument
		}
		r, err := decompOptions(progress, pctx, seconds).Rank(sa, int(m), int(n), float64(tol))
		*out = C.int64_t(r)
		return err
	})
}

//export mlm_cond
func mlm_cond(a *C.double, m, n C.int64_t, out *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_cond", func() error {
		sa, err := array(a, m, n)
		if err != nil {
			return err
		}
		c, err := decompOptions(progress, pctx, seconds).Cond(sa, int(m), int(n))
		if err != nil {
			return err
		}
		return setDouble(out, c)
	})
}

//export mlm_low_rank_approx
func mlm_low_rank_approx(a *C.double, m, n, k C.int64_t, uk, sk, vtk, ak *C.double, progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_low_rank_approx", func() error {
		var sa, su, ss, sv, sak []float64
		err := views(argOf(&sa, a, m, n), argOf(&su, uk, m, k), argOf(&ss, sk, k), argOf(&sv, vtk, k, n), argOf(&sak, ak, m, n))
		if err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).LowRank(su, ss, sv, sak, sa, int(m), int(n), int(k))
	})
}

//export mlm_pca
func mlm_pca(x *C.double, samples, features, c C.int64_t, components, variance, ratio, mean, transformed *C.double,
	progress C.mlm_progress, pctx unsafe.Pointer, seconds C.double) C.int {
	return guard("mlm_pca", func() error {
		var sx, sc, sv, sr, sm, st []float64
		err := views(argOf(&sx, x, samples, features), argOf(&sc, components, c, features), argOf(&sv, variance, c),
			argOf(&sr, ratio, c), argOf(&sm, mean, features), argOf(&st, transformed, samples, c))
		if err != nil {
			return err
		}
		return decompOptions(progress, pctx, seconds).PCA(sc, sv, sr, sm, st, sx, int(samples), int(features), int(c))
	})
}

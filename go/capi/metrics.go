package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"mlmath/internal/status"
	"mlmath/metrics"
)

// labelPair views two label vectors of n int64 each.
func labelPair(t, p *C.int64_t, n C.int64_t) (st, sp []int64, err error) {
	if st, err = int64s(t, n); err != nil {
		return nil, nil, err
	}
	sp, err = int64s(p, n)
	return st, sp, err
}

// countMetric runs a metric of two label vectors into out.
func countMetric(name string, f func(t, p []int64) float64, t, p *C.int64_t, n C.int64_t, out *C.double) C.int {
	return guard(name, func() error {
		st, sp, err := labelPair(t, p, n)
		if err != nil {
			return err
		}
		return setDouble(out, f(st, sp))
	})
}

//export mlm_accuracy
func mlm_accuracy(t, p *C.int64_t, n C.int64_t, out *C.double) C.int {
	return countMetric("mlm_accuracy", metrics.Accuracy, t, p, n, out)
}

//export mlm_precision
func mlm_precision(t, p *C.int64_t, n C.int64_t, out *C.double) C.int {
	return countMetric("mlm_precision", metrics.Precision, t, p, n, out)
}

//export mlm_recall
func mlm_recall(t, p *C.int64_t, n C.int64_t, out *C.double) C.int {
	return countMetric("mlm_recall", metrics.Recall, t, p, n, out)
}

//export mlm_f1_score
func mlm_f1_score(t, p *C.int64_t, n C.int64_t, out *C.double) C.int {
	return countMetric("mlm_f1_score", metrics.F1, t, p, n, out)
}

//export mlm_confusion_matrix
func mlm_confusion_matrix(t, p *C.int64_t, n C.int64_t, labels, dst *C.int64_t, capacity C.int64_t, k *C.int64_t) C.int {
	return guard("mlm_confusion_matrix", func() error {
		st, sp, err := labelPair(t, p, n)
		if err != nil {
			return err
		}
		if k == nil || capacity < 0 {
			return status.ErrArgument
		}
		sl, err := int64s(labels, 2*n)
		if err != nil {
			return err
		}
		sd, err := int64s(dst, capacity)
		if err != nil {
			return err
		}
		// Count into scratch first: the caller learns k even when dst is too small.
		scratchLabels := make([]int64, 2*len(st))
		kk := metrics.ConfusionMatrix(nil, scratchLabels, st, sp)
		*k = C.int64_t(kk)
		if kk*kk > len(sd) {
			return status.ErrBufferTooSmall
		}
		metrics.ConfusionMatrix(sd[:kk*kk], sl, st, sp)
		return nil
	})
}

//export mlm_log_loss
func mlm_log_loss(t, p *C.double, n C.int64_t, eps C.double, out *C.double) C.int {
	return guard("mlm_log_loss", func() error {
		var st, sp []float64
		if err := views(argOf(&st, t, n), argOf(&sp, p, n)); err != nil {
			return err
		}
		return setDouble(out, metrics.LogLoss(st, sp, float64(eps)))
	})
}

//export mlm_roc_auc
func mlm_roc_auc(t *C.int64_t, scores *C.double, n C.int64_t, out *C.double) C.int {
	return guard("mlm_roc_auc", func() error {
		st, err := int64s(t, n)
		if err != nil {
			return err
		}
		var ss []float64
		if err := views(argOf(&ss, scores, n)); err != nil {
			return err
		}
		v, err := metrics.ROCAUC(st, ss)
		if err != nil {
			return err
		}
		return setDouble(out, v)
	})
}

package info

import (
	"math"
	"testing"
)

func TestLnSubnormal(t *testing.T) {
	for _, tc := range []struct{ x, want float64 }{
		{0x1p-1074, -1074 * math.Ln2},
		{0x1p-1060, -1060 * math.Ln2},
		{0x1.8p-1030, math.Log(1.5) - 1030*math.Ln2},
		{0x1p-1022, -1022 * math.Ln2},
		{0.5, -math.Ln2},
		{1, 0},
	} {
		if got := ln(tc.x); !near(got, tc.want, 2*eps64) {
			t.Errorf("ln(%x) = %.17g, want %.17g", tc.x, got, tc.want)
		}
	}
	if !math.IsInf(ln(0), -1) || !math.IsNaN(ln(-1)) {
		t.Error("ln(0), ln(-1)")
	}
	// Cross-entropy against a subnormal q_i: -log(1e-310) nats, not -log of
	// the smallest normal.
	if got, want := must(CrossEntropy([]float64{1, 0}, []float64{1e-310, 1}, math.E)), -ln(1e-310); !near(got, want, 4*eps64) || want < 713 {
		t.Errorf("CE = %v, want %v", got, want)
	}
}

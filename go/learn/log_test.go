package learn

import (
	"math"
	"testing"
)

func TestLnSubnormal(t *testing.T) {
	for _, tc := range []struct{ x, want float64 }{
		{0x1p-1074, -1074 * math.Ln2},
		{0x1.8p-1030, math.Log(1.5) - 1030*math.Ln2},
		{0x1p-1022, -1022 * math.Ln2},
		{0.25, -2 * math.Ln2},
	} {
		if got := ln(tc.x); !near(got, tc.want, 2*eps64) {
			t.Errorf("ln(%x) = %.17g, want %.17g", tc.x, got, tc.want)
		}
	}
}

package info

import "math"

// ln is math.Log, with subnormal arguments scaled into the normal range
// first: math.Log on amd64 and s390x ignores the missing leading bit of a
// subnormal and returns about -709 for every one of them (golang/go#56600;
// log(2⁻¹⁰⁷⁴) is -744.44). The scaling is exact; subtracting 52·ln 2 adds
// half an ulp at most.
func ln(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p52) - 52*math.Ln2
	}
	return math.Log(x)
}

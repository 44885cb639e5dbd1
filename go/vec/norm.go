package vec

import "math"

// Thresholds for the 2-norm: a sum of squares in [tiny, Inf) is exact
// enough; outside it, squares overflowed or lost bits to underflow, and
// the norm is recomputed with the vector scaled by its largest |entry|.
const tiny = 0x1p-900

// Norm returns the ord-norm of s, for ord in {2, 1, 0, +Inf, -Inf}:
//
//	ord=2     sqrt(sum s[i]^2)   (0 for an empty vector)
//	ord=1     sum |s[i]|         (0 for an empty vector)
//	ord=0     number of s[i] != 0, as a float64 (NaN counts)
//	ord=+Inf  max |s[i]|         (0 for an empty vector, as numpy)
//	ord=-Inf  min |s[i]|         (ErrEmpty for an empty vector)
//
// Any other ord returns ErrOrder. NaN entries give NaN (except ord=0).
//
// Unlike numpy, the 2-norm does not overflow or underflow in intermediate
// squares: Norm([1e200, 1e200], 2) is 1.414e200 where numpy gives Inf.
func Norm(s []float64, ord float64) (float64, error) {
	switch {
	case ord == 2:
		return Norm2(s), nil
	case ord == 1:
		var sum float64
		for _, x := range s {
			sum += math.Abs(x)
		}
		return sum, nil
	case ord == 0:
		var count float64
		for _, x := range s {
			if x != 0 {
				count++
			}
		}
		return count, nil
	case math.IsInf(ord, 1):
		return maxAbs(s), nil
	case math.IsInf(ord, -1):
		if len(s) == 0 {
			return 0, ErrEmpty
		}
		return minAbs(s), nil
	}
	return 0, ErrOrder
}

// Norm2 returns the Euclidean norm of s without intermediate overflow or
// underflow. NaN entries give NaN; otherwise Inf entries give Inf.
func Norm2(s []float64) float64 {
	ss := Dot(s, s)
	if (ss >= tiny && ss < math.Inf(1)) || ss == 0 && allZero(s) || math.IsNaN(ss) {
		return math.Sqrt(ss)
	}
	amax := maxAbs(s)
	if amax == 0 || math.IsInf(amax, 1) || math.IsNaN(amax) {
		return amax
	}
	var scaled float64
	for _, x := range s {
		y := x / amax
		scaled += y * y
	}
	return amax * math.Sqrt(scaled)
}

func allZero(s []float64) bool {
	for _, x := range s {
		if x != 0 {
			return false
		}
	}
	return true
}

// maxAbs returns max |s[i]|, NaN if any entry is NaN; 0 for empty s.
func maxAbs(s []float64) float64 {
	var m float64
	for _, x := range s {
		a := math.Abs(x)
		if a > m || a != a {
			m = a
			if a != a {
				return a
			}
		}
	}
	return m
}

// minAbs returns min |s[i]|, NaN if any entry is NaN; s must not be empty.
func minAbs(s []float64) float64 {
	m := math.Inf(1)
	for _, x := range s {
		a := math.Abs(x)
		if a < m || a != a {
			m = a
			if a != a {
				return a
			}
		}
	}
	return m
}

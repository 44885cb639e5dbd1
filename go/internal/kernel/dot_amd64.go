//go:build amd64 && !noasm

package kernel

// dotAVX2 returns sum_i x[i]*y[i] for i < n (dot_amd64.s).
//
//go:noescape
func dotAVX2(x, y *float64, n int) float64

// dotSerial returns the inner product of x and y[:len(x)] on the calling
// goroutine.
func dotSerial(x, y []float64) float64 {
	if len(x) < 8 || !useAsm {
		return dotGeneric(x, y)
	}
	_ = y[len(x)-1]
	return dotAVX2(&x[0], &y[0], len(x))
}

//go:build !amd64 || noasm

package kernel

// dotSerial returns the inner product of x and y[:len(x)] on the calling
// goroutine.
func dotSerial(x, y []float64) float64 {
	return dotGeneric(x, y)
}

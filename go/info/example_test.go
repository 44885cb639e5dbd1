package info_test

import (
	"fmt"
	"math"

	"mlmath/info"
)

func ExampleEntropy() {
	// A fair coin carries 1 bit; counts are normalized first.
	h, _ := info.Entropy([]float64{5, 5}, 2)
	fmt.Println(h)
	// The uniform distribution on 8 outcomes: 3 bits, ln 8 nats.
	u := []float64{1, 1, 1, 1, 1, 1, 1, 1}
	bits, _ := info.Entropy(u, 2)
	nats, _ := info.Entropy(u, math.E)
	fmt.Printf("%.4f bits, %.4f nats\n", bits, nats)
	_, err := info.Entropy([]float64{0.5, -0.5}, 2)
	fmt.Println(err)
	// Output:
	// 1
	// 3.0000 bits, 2.0794 nats
	// info: a distribution must not have negative entries
}

func ExampleMutualInformationFromLabels() {
	x := []int64{0, 0, 1, 1, 2, 2}
	y := []int64{0, 0, 1, 1, 1, 1}
	nats, _ := info.MutualInformationFromLabels(x, y, math.E) // sklearn's mutual_info_score
	bits, _ := info.MutualInformationFromLabels(x, y, 2)
	fmt.Printf("%.6f nats = %.6f bits\n", nats, bits)
	// Only the labels' identity matters: any int64 values will do.
	wide := []int64{-1e15, -1e15, 7, 7, 1e18, 1e18}
	same, _ := info.MutualInformationFromLabels(wide, y, math.E)
	fmt.Println(same == nats)
	// Output:
	// 0.636514 nats = 0.918296 bits
	// true
}

package learn_test

import (
	"fmt"

	"mlmath/learn"
)

func ExampleHoeffdingBound() {
	// With 1000 test samples, the test error of a fixed classifier is
	// within ε of its true error with probability 95%.
	eps, _ := learn.HoeffdingBound(1000, 0.05)
	fmt.Printf("ε = %.4f\n", eps)
	// Choosing the best of 1000 classifiers on the same samples costs
	// ln(1000) in the numerator.
	eps, _ = learn.FiniteClassBound(1000, 1000, 0.05)
	fmt.Printf("ε = %.4f\n", eps)
	// The samples needed for ε = 0.05 then.
	n, _ := learn.SampleComplexity(0.05, 0.05, 1000)
	fmt.Println(n)
	// Output:
	// ε = 0.0429
	// ε = 0.0728
	// 2120
}

func ExampleBiasVariance() {
	// Three models (rows) predicting two points whose targets are 2 and 1.
	predictions := []float64{
		1, 0,
		2, 0,
		3, 0,
	}
	b2, v, e, _ := learn.BiasVariance(predictions, 3, 2, []float64{2, 1})
	fmt.Printf("bias² %.4f + variance %.4f = expected %.4f\n", b2, v, e)
	// Output:
	// bias² 0.5000 + variance 0.3333 = expected 0.8333
}

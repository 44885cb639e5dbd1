// Package vec implements the vector operations of mlmath on []float64:
// elementwise add, subtract and scale, the dot product, norms and cosine
// similarity.
//
// Conventions, as in gonum's floats package: a slice that is written is
// named dst and comes first; it may alias an input. Slices whose lengths
// disagree are a programmer error and cause a panic with ErrLength;
// data-dependent failures (an unsupported norm order, the max of an empty
// vector) are returned as errors. NaN and Inf propagate as they do in numpy.
//
// Long vectors are processed in fixed-size chunks on up to GOMAXPROCS
// goroutines; reductions sum the chunks in order, so results do not depend
// on the number of cores.
package vec

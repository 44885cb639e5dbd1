// Package mat implements the dense matrix operations of mlmath on
// row-major []float64: matrix product, transpose, and the LU factorization
// with partial pivoting behind Det, Inv and Solve.
//
// Conventions: an m×n matrix is a slice of length m*n holding row i at
// [i*n, (i+1)*n). The slice that is written is named dst and comes first;
// unlike in package vec it must not alias an input. Slices whose lengths
// disagree with the given dimensions are a programmer error and cause a
// panic with ErrShape; a data-dependent failure (an exactly singular
// matrix) is returned as ErrSingular, the way numpy.linalg raises
// LinAlgError("Singular matrix"). Ill-conditioned matrices are not an error.
// NaN and Inf propagate as they do through LAPACK.
package mat

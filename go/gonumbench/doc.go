// Package gonumbench times gonum beside mlmath; it is not part of mlmath.
//
// It holds only benchmarks (bench_test.go) with the names, sizes and input
// matrices of go/decomp/bench_test.go, Benchmark<Op>/n=<size>, computed by
// gonum (gonum.org/v1/gonum/mat and stat) instead of mlmath's decomp, so
// that `make bench` (tests/bench/gonative.py) can put a "gonum" column next
// to the "go-native" one. It is a module of its own, mlmath/gonumbench: the
// mlmath module neither imports it nor requires gonum, and `go test ./...`
// in go/ does not enter this directory. Run it by hand with
//
//	cd go/gonumbench && go test -run '^$' -bench . -benchtime 0.2s
package gonumbench

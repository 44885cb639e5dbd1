package kernel

import (
	"runtime"
	"sync"

	"mlmath/internal/parallel"
)

// The block sizes of the Goto/BLIS algorithm belong to each kernel set
// (arch.go); these thresholds decide when to use it at all.
const (
	// smallWork is the m*n*k below which Gemm uses a plain loop: no packing,
	// no goroutines. Packing pays from about 6x6x6 on: Go-native, Intel
	// Xeon (avx512f yes), the packed path takes 230 ns at n=8 and 520 ns at
	// n=16 on the AVX-512 kernels, the plain loop 480 ns and 2.9 us (AVX2
	// alike; the pure-Go kernels break even at 8 and win from 16 on), while
	// at n=5 the loop is faster (120 ns against 180).
	smallWork = 6 * 6 * 6
	// minWorkPerWorker is the least m*n*k handed to one goroutine. Starting
	// a helper goroutine on an idle core takes tens of microseconds on a
	// virtual machine, the time of a 100³ product on one core.
	minWorkPerWorker = 128 * 128 * 128
	// maxTile bounds mr*nr over the kernel sets (the edge-tile buffer).
	maxTile = 8 * 24
)

// mode says what a product does with C.
type mode int

const (
	overwrite mode = iota // C = A·B
	subtract              // C = C - A·B
)

// Gemm computes C = A·B, overwriting C. A is m×k with row stride lda, B is
// k×n with row stride ldb, C is m×n with row stride ldc. Any of m, n, k may be
// 0 (k == 0 sets C to zero). It is safe for concurrent use. It uses up to
// workers goroutines (workers <= 0 means runtime.GOMAXPROCS(0)).
func Gemm(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, workers int) {
	gemm(active, overwrite, m, n, k, a, lda, b, ldb, c, ldc, workers)
}

// GemmSub computes C = C - A·B (BLAS dgemm with alpha = -1, beta = 1), with
// the arguments of Gemm; k == 0 leaves C unchanged. It is the update step of
// blocked factorizations and triangular solves.
func GemmSub(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, workers int) {
	gemm(active, subtract, m, n, k, a, lda, b, ldb, c, ldc, workers)
}

func gemm(ar *arch, md mode, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, workers int) {
	checkGemm(m, n, k, a, lda, b, ldb, c, ldc)
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		if md == overwrite {
			for i := 0; i < m; i++ {
				clear(c[i*ldc : i*ldc+n])
			}
		}
		return
	}
	work := float64(m) * float64(n) * float64(k)
	if work < smallWork {
		gemmSmall(md, m, n, k, a, lda, b, ldb, c, ldc)
		return
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if w := int(work / minWorkPerWorker); w < workers {
		workers = max(w, 1)
	}
	if workers == 1 {
		gemmSerial(ar, md, m, n, k, a, lda, b, ldb, c, ldc)
		return
	}
	gemmParallel(ar, md, m, n, k, a, lda, b, ldb, c, ldc, workers)
}

// checkGemm panics unless the dimensions, strides and slice lengths describe
// valid matrices.
func checkGemm(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	switch {
	case m < 0 || n < 0 || k < 0:
		panic("kernel: Gemm: negative dimension")
	case lda < k:
		panic("kernel: Gemm: lda < k")
	case ldb < n:
		panic("kernel: Gemm: ldb < n")
	case ldc < n:
		panic("kernel: Gemm: ldc < n")
	}
	if m > 0 && k > 0 && len(a) < (m-1)*lda+k {
		panic("kernel: Gemm: a is too short for an m×k matrix with row stride lda")
	}
	if k > 0 && n > 0 && len(b) < (k-1)*ldb+n {
		panic("kernel: Gemm: b is too short for a k×n matrix with row stride ldb")
	}
	if m > 0 && n > 0 && len(c) < (m-1)*ldc+n {
		panic("kernel: Gemm: c is too short for an m×n matrix with row stride ldc")
	}
}

// gemmSmall is the unpacked i-p-j loop for tiny products.
func gemmSmall(md mode, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	for i := 0; i < m; i++ {
		ci := c[i*ldc : i*ldc+n : i*ldc+n]
		if md == overwrite {
			clear(ci)
		}
		for p, aip := range a[i*lda : i*lda+k] {
			if md == subtract {
				aip = -aip
			}
			bp := b[p*ldb : p*ldb+n : p*ldb+n]
			for j, bv := range bp {
				ci[j] += aip * bv
			}
		}
	}
}

// gemmParallel splits the larger of the M and N dimensions into contiguous,
// tile-aligned shares, one per goroutine, run by package parallel (which
// keeps helpers off the caller's core, see there). The shares write
// disjoint parts of C and each goroutine packs into its own buffers, so no
// synchronisation is needed besides the final wait. (Packing B once, shared by the workers
// behind a barrier, as BLIS does, measured no faster on 2 cores.)
func gemmParallel(ar *arch, md mode, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, workers int) {
	splitRows := m >= n
	dim, tile := n, ar.nr
	if splitRows {
		dim, tile = m, ar.mr
	}
	units := (dim + tile - 1) / tile
	workers = min(workers, units)
	per := (units + workers - 1) / workers * tile
	parallel.For(dim, per, func(_, lo, hi int) {
		if splitRows {
			gemmSerial(ar, md, hi-lo, n, k, a[lo*lda:], lda, b, ldb, c[lo*ldc:], ldc)
		} else {
			gemmSerial(ar, md, m, hi-lo, k, a, lda, b[lo:], ldb, c[lo:], ldc)
		}
	})
}

// packBufs holds one goroutine's packing scratch space, and the edge tile
// of macroKernel (a local array there would escape to the heap through the
// micro-kernel's function value: one allocation per block).
type packBufs struct {
	a, b []float64
	tile [maxTile]float64
}

var packPool = sync.Pool{New: func() any { return new(packBufs) }}

// gemmSerial computes C = A·B (or C -= A·B) on the calling goroutine with
// the blocked, packed algorithm (k >= 1) and the kernel set ar. Subtracting
// packs -A (negation is exact) and accumulates into C from the first block
// on.
func gemmSerial(ar *arch, md mode, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	bufs := packPool.Get().(*packBufs)
	defer packPool.Put(bufs)
	mr, nr, kc, mc, nc := ar.mr, ar.nr, ar.kc, ar.mc, ar.nc
	needA := roundUp(min(m, mc), mr) * min(k, kc)
	needB := roundUp(min(n, nc), nr) * min(k, kc)
	if cap(bufs.a) < needA {
		bufs.a = make([]float64, needA)
	}
	if cap(bufs.b) < needB {
		bufs.b = make([]float64, needB)
	}
	ap, bp := bufs.a[:needA], bufs.b[:needB]

	for jc := 0; jc < n; jc += nc {
		nb := min(nc, n-jc)
		for pc := 0; pc < k; pc += kc {
			kb := min(kc, k-pc)
			packB(nr, kb, nb, b[pc*ldb+jc:], ldb, bp)
			for ic := 0; ic < m; ic += mc {
				mb := min(mc, m-ic)
				packA(mr, mb, kb, a[ic*lda+pc:], lda, ap, md == subtract)
				macroKernel(ar, mb, nb, kb, ap, bp, c[ic*ldc+jc:], ldc, pc > 0 || md == subtract, &bufs.tile)
			}
		}
	}
}

// macroKernel multiplies a packed mb×kb block of A by a packed kb×nb panel of
// B into C (row stride ldc), adding to C when accum is set.
func macroKernel(ar *arch, mb, nb, kb int, ap, bp, c []float64, ldc int, accum bool, tmp *[maxTile]float64) {
	mr, nr := ar.mr, ar.nr
	for jr := 0; jr < nb; jr += nr {
		cols := min(nr, nb-jr)
		bs := bp[jr*kb : (jr+nr)*kb]
		for ir := 0; ir < mb; ir += mr {
			rows := min(mr, mb-ir)
			as := ap[ir*kb : (ir+mr)*kb]
			if rows == mr && cols == nr {
				ar.micro(kb, as, bs, c[ir*ldc+jr:], ldc, accum)
				continue
			}
			// Edge tile: compute the full padded tile, write back the valid part.
			ar.micro(kb, as, bs, tmp[:mr*nr], nr, false)
			for i := 0; i < rows; i++ {
				row := c[(ir+i)*ldc+jr : (ir+i)*ldc+jr+cols]
				src := tmp[i*nr : i*nr+cols]
				if accum {
					for j, v := range src {
						row[j] += v
					}
				} else {
					copy(row, src)
				}
			}
		}
	}
}

func roundUp(x, to int) int { return (x + to - 1) / to * to }

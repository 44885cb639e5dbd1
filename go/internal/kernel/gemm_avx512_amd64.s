//go:build amd64 && !noasm

#include "textflag.h"

// One rank-1 update of the 8x24 tile of C held in Z8..Z31 (row i in
// Z(8+3i), Z(9+3i), Z(10+3i)): C[i][0:24] += a[i] * b[0:24] for i = 0..7,
// with the packed A sliver at ao(SI) (8 doubles) and the packed B sliver at
// bo(DI) (24 doubles). Three loads of B and eight broadcasts of A feed 24
// FMAs; Z3..Z6 take turns holding the broadcasts.
#define KSTEP(ao, bo) \
	VMOVUPD      bo(DI), Z0;       \
	VMOVUPD      bo+64(DI), Z1;    \
	VMOVUPD      bo+128(DI), Z2;   \
	VBROADCASTSD ao(SI), Z3;       \
	VBROADCASTSD ao+8(SI), Z4;     \
	VFMADD231PD  Z0, Z3, Z8;       \
	VFMADD231PD  Z1, Z3, Z9;       \
	VFMADD231PD  Z2, Z3, Z10;      \
	VFMADD231PD  Z0, Z4, Z11;      \
	VFMADD231PD  Z1, Z4, Z12;      \
	VFMADD231PD  Z2, Z4, Z13;      \
	VBROADCASTSD ao+16(SI), Z5;    \
	VBROADCASTSD ao+24(SI), Z6;    \
	VFMADD231PD  Z0, Z5, Z14;      \
	VFMADD231PD  Z1, Z5, Z15;      \
	VFMADD231PD  Z2, Z5, Z16;      \
	VFMADD231PD  Z0, Z6, Z17;      \
	VFMADD231PD  Z1, Z6, Z18;      \
	VFMADD231PD  Z2, Z6, Z19;      \
	VBROADCASTSD ao+32(SI), Z3;    \
	VBROADCASTSD ao+40(SI), Z4;    \
	VFMADD231PD  Z0, Z3, Z20;      \
	VFMADD231PD  Z1, Z3, Z21;      \
	VFMADD231PD  Z2, Z3, Z22;      \
	VFMADD231PD  Z0, Z4, Z23;      \
	VFMADD231PD  Z1, Z4, Z24;      \
	VFMADD231PD  Z2, Z4, Z25;      \
	VBROADCASTSD ao+48(SI), Z5;    \
	VBROADCASTSD ao+56(SI), Z6;    \
	VFMADD231PD  Z0, Z5, Z26;      \
	VFMADD231PD  Z1, Z5, Z27;      \
	VFMADD231PD  Z2, Z5, Z28;      \
	VFMADD231PD  Z0, Z6, Z29;      \
	VFMADD231PD  Z1, Z6, Z30;      \
	VFMADD231PD  Z2, Z6, Z31

// Store (or add into C, then store) one row of the tile and advance DX.
#define STOREROW(r0, r1, r2) \
	VMOVUPD r0, (DX);     \
	VMOVUPD r1, 64(DX);   \
	VMOVUPD r2, 128(DX);  \
	ADDQ    R8, DX

#define ADDROW(r0, r1, r2) \
	VADDPD  (DX), r0, r0;    \
	VADDPD  64(DX), r1, r1;  \
	VADDPD  128(DX), r2, r2; \
	VMOVUPD r0, (DX);        \
	VMOVUPD r1, 64(DX);      \
	VMOVUPD r2, 128(DX);     \
	ADDQ    R8, DX

// Touch a row of the C tile (192 bytes: up to four cache lines).
#define PREFETCHROW \
	PREFETCHT0 (R10);    \
	PREFETCHT0 64(R10);  \
	PREFETCHT0 128(R10); \
	PREFETCHT0 184(R10); \
	ADDQ       R8, R10

// func gemmKernel8x24(k int, a, b, c *float64, ldc int, accum int)
//
// C[0:8][0:24] (row stride ldc elements) = (accum != 0 ? C : 0) + Ap·Bp,
// where Ap is a packed 8×k sliver (a[p*8+i]) and Bp a packed k×24 sliver
// (b[p*24+j]).
TEXT ·gemmKernel8x24(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), CX
	MOVQ a+8(FP), SI
	MOVQ b+16(FP), DI
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R8
	SHLQ $3, R8
	MOVQ accum+40(FP), R9

	VPXORQ Z8, Z8, Z8
	VPXORQ Z9, Z9, Z9
	VPXORQ Z10, Z10, Z10
	VPXORQ Z11, Z11, Z11
	VPXORQ Z12, Z12, Z12
	VPXORQ Z13, Z13, Z13
	VPXORQ Z14, Z14, Z14
	VPXORQ Z15, Z15, Z15
	VPXORQ Z16, Z16, Z16
	VPXORQ Z17, Z17, Z17
	VPXORQ Z18, Z18, Z18
	VPXORQ Z19, Z19, Z19
	VPXORQ Z20, Z20, Z20
	VPXORQ Z21, Z21, Z21
	VPXORQ Z22, Z22, Z22
	VPXORQ Z23, Z23, Z23
	VPXORQ Z24, Z24, Z24
	VPXORQ Z25, Z25, Z25
	VPXORQ Z26, Z26, Z26
	VPXORQ Z27, Z27, Z27
	VPXORQ Z28, Z28, Z28
	VPXORQ Z29, Z29, Z29
	VPXORQ Z30, Z30, Z30
	VPXORQ Z31, Z31, Z31

	// Touch the C tile early so its lines are on their way by the store.
	MOVQ DX, R10
	PREFETCHROW
	PREFETCHROW
	PREFETCHROW
	PREFETCHROW
	PREFETCHROW
	PREFETCHROW
	PREFETCHROW
	PREFETCHROW

loop4:
	CMPQ CX, $4
	JLT  loop1
	KSTEP(0, 0)
	KSTEP(64, 192)
	KSTEP(128, 384)
	KSTEP(192, 576)
	ADDQ $256, SI
	ADDQ $768, DI
	SUBQ $4, CX
	JMP  loop4

loop1:
	TESTQ CX, CX
	JEQ   store
	KSTEP(0, 0)
	ADDQ  $64, SI
	ADDQ  $192, DI
	DECQ  CX
	JMP   loop1

store:
	TESTQ R9, R9
	JEQ   overwrite
	ADDROW(Z8, Z9, Z10)
	ADDROW(Z11, Z12, Z13)
	ADDROW(Z14, Z15, Z16)
	ADDROW(Z17, Z18, Z19)
	ADDROW(Z20, Z21, Z22)
	ADDROW(Z23, Z24, Z25)
	ADDROW(Z26, Z27, Z28)
	ADDROW(Z29, Z30, Z31)
	VZEROUPPER
	RET

overwrite:
	STOREROW(Z8, Z9, Z10)
	STOREROW(Z11, Z12, Z13)
	STOREROW(Z14, Z15, Z16)
	STOREROW(Z17, Z18, Z19)
	STOREROW(Z20, Z21, Z22)
	STOREROW(Z23, Z24, Z25)
	STOREROW(Z26, Z27, Z28)
	STOREROW(Z29, Z30, Z31)
	VZEROUPPER
	RET

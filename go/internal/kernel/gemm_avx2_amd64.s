//go:build amd64 && !noasm

#include "textflag.h"

// One rank-1 update of the 6x8 tile of C held in Y4..Y15:
// C[i][0:8] += a[i] * b[0:8] for i = 0..5, with the packed A sliver at
// ao(SI) (6 doubles) and the packed B sliver at bo(DI) (8 doubles).
#define KSTEP(ao, bo) \
	VMOVUPD      bo(DI), Y0;       \
	VMOVUPD      bo+32(DI), Y1;    \
	VBROADCASTSD ao(SI), Y2;       \
	VBROADCASTSD ao+8(SI), Y3;     \
	VFMADD231PD  Y0, Y2, Y4;       \
	VFMADD231PD  Y1, Y2, Y5;       \
	VFMADD231PD  Y0, Y3, Y6;       \
	VFMADD231PD  Y1, Y3, Y7;       \
	VBROADCASTSD ao+16(SI), Y2;    \
	VBROADCASTSD ao+24(SI), Y3;    \
	VFMADD231PD  Y0, Y2, Y8;       \
	VFMADD231PD  Y1, Y2, Y9;       \
	VFMADD231PD  Y0, Y3, Y10;      \
	VFMADD231PD  Y1, Y3, Y11;      \
	VBROADCASTSD ao+32(SI), Y2;    \
	VBROADCASTSD ao+40(SI), Y3;    \
	VFMADD231PD  Y0, Y2, Y12;      \
	VFMADD231PD  Y1, Y2, Y13;      \
	VFMADD231PD  Y0, Y3, Y14;      \
	VFMADD231PD  Y1, Y3, Y15

// Store (or add into C, then store) one row of the tile and advance DX.
#define STOREROW(lo, hi) \
	VMOVUPD lo, (DX);    \
	VMOVUPD hi, 32(DX);  \
	ADDQ    R8, DX

#define ADDROW(lo, hi) \
	VADDPD  (DX), lo, lo;   \
	VADDPD  32(DX), hi, hi; \
	VMOVUPD lo, (DX);       \
	VMOVUPD hi, 32(DX);     \
	ADDQ    R8, DX

// func gemmKernel6x8(k int, a, b, c *float64, ldc int, accum int)
//
// C[0:6][0:8] (row stride ldc elements) = (accum != 0 ? C : 0) + Ap·Bp, where
// Ap is a packed 6×k sliver (a[p*6+i]) and Bp a packed k×8 sliver (b[p*8+j]).
TEXT ·gemmKernel6x8(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), CX
	MOVQ a+8(FP), SI
	MOVQ b+16(FP), DI
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R8
	SHLQ $3, R8
	MOVQ accum+40(FP), R9

	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	VXORPD Y8, Y8, Y8
	VXORPD Y9, Y9, Y9
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
	VXORPD Y12, Y12, Y12
	VXORPD Y13, Y13, Y13
	VXORPD Y14, Y14, Y14
	VXORPD Y15, Y15, Y15

	// Touch the C tile early so its lines are on their way by the store.
	MOVQ     DX, R10
	PREFETCHT0 (R10)
	PREFETCHT0 56(R10)
	ADDQ     R8, R10
	PREFETCHT0 (R10)
	PREFETCHT0 56(R10)
	ADDQ     R8, R10
	PREFETCHT0 (R10)
	PREFETCHT0 56(R10)
	ADDQ     R8, R10
	PREFETCHT0 (R10)
	PREFETCHT0 56(R10)
	ADDQ     R8, R10
	PREFETCHT0 (R10)
	PREFETCHT0 56(R10)
	ADDQ     R8, R10
	PREFETCHT0 (R10)
	PREFETCHT0 56(R10)

loop4:
	CMPQ CX, $4
	JLT  loop1
	KSTEP(0, 0)
	KSTEP(48, 64)
	KSTEP(96, 128)
	KSTEP(144, 192)
	ADDQ $192, SI
	ADDQ $256, DI
	SUBQ $4, CX
	JMP  loop4

loop1:
	TESTQ CX, CX
	JEQ   store
	KSTEP(0, 0)
	ADDQ  $48, SI
	ADDQ  $64, DI
	DECQ  CX
	JMP   loop1

store:
	TESTQ R9, R9
	JEQ   overwrite
	ADDROW(Y4, Y5)
	ADDROW(Y6, Y7)
	ADDROW(Y8, Y9)
	ADDROW(Y10, Y11)
	ADDROW(Y12, Y13)
	ADDROW(Y14, Y15)
	VZEROUPPER
	RET

overwrite:
	STOREROW(Y4, Y5)
	STOREROW(Y6, Y7)
	STOREROW(Y8, Y9)
	STOREROW(Y10, Y11)
	STOREROW(Y12, Y13)
	STOREROW(Y14, Y15)
	VZEROUPPER
	RET

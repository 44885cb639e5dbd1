//go:build amd64 && !noasm

#include "textflag.h"

// Plane rotations and axpy, with FMA: each element is rounded once per
// fused operation, so results may differ from the generic kernels' in the
// last bit.

// func rotAVX512(x, y *float64, n int, c, s float64)
// x[i], y[i] = c*x[i] - s*y[i], s*x[i] + c*y[i]
TEXT ·rotAVX512(SB), NOSPLIT, $0-40
	MOVQ         x+0(FP), SI
	MOVQ         y+8(FP), DI
	MOVQ         n+16(FP), CX
	VBROADCASTSD c+24(FP), Z6
	VBROADCASTSD s+32(FP), Z7

rloop8:
	CMPQ         CX, $8
	JLT          rtail
	VMOVUPD      (SI), Z0
	VMOVUPD      (DI), Z1
	VMULPD       Z6, Z0, Z2
	VMULPD       Z7, Z0, Z3
	VFNMADD231PD Z7, Z1, Z2
	VFMADD231PD  Z6, Z1, Z3
	VMOVUPD      Z2, (SI)
	VMOVUPD      Z3, (DI)
	ADDQ         $64, SI
	ADDQ         $64, DI
	SUBQ         $8, CX
	JMP          rloop8

rtail:
	TESTQ        CX, CX
	JEQ          rdone
	VMOVSD       (SI), X0
	VMOVSD       (DI), X1
	VMULSD       X6, X0, X2
	VMULSD       X7, X0, X3
	VFNMADD231SD X7, X1, X2
	VFMADD231SD  X6, X1, X3
	VMOVSD       X2, (SI)
	VMOVSD       X3, (DI)
	ADDQ         $8, SI
	ADDQ         $8, DI
	DECQ         CX
	JMP          rtail

rdone:
	VZEROUPPER
	RET

// func rotAVX2(x, y *float64, n int, c, s float64)
TEXT ·rotAVX2(SB), NOSPLIT, $0-40
	MOVQ         x+0(FP), SI
	MOVQ         y+8(FP), DI
	MOVQ         n+16(FP), CX
	VBROADCASTSD c+24(FP), Y6
	VBROADCASTSD s+32(FP), Y7

rloop4:
	CMPQ         CX, $4
	JLT          rtail
	VMOVUPD      (SI), Y0
	VMOVUPD      (DI), Y1
	VMULPD       Y6, Y0, Y2
	VMULPD       Y7, Y0, Y3
	VFNMADD231PD Y7, Y1, Y2
	VFMADD231PD  Y6, Y1, Y3
	VMOVUPD      Y2, (SI)
	VMOVUPD      Y3, (DI)
	ADDQ         $32, SI
	ADDQ         $32, DI
	SUBQ         $4, CX
	JMP          rloop4

rtail:
	TESTQ        CX, CX
	JEQ          rdone
	VMOVSD       (SI), X0
	VMOVSD       (DI), X1
	VMULSD       X6, X0, X2
	VMULSD       X7, X0, X3
	VFNMADD231SD X7, X1, X2
	VFMADD231SD  X6, X1, X3
	VMOVSD       X2, (SI)
	VMOVSD       X3, (DI)
	ADDQ         $8, SI
	ADDQ         $8, DI
	DECQ         CX
	JMP          rtail

rdone:
	VZEROUPPER
	RET

// func axpyAVX512(y, x *float64, n int, alpha float64): y[i] += alpha*x[i]
TEXT ·axpyAVX512(SB), NOSPLIT, $0-32
	MOVQ         y+0(FP), DI
	MOVQ         x+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSD alpha+24(FP), Z7

aloop16:
	CMPQ        CX, $16
	JLT         aloop8
	VMOVUPD     (DI), Z0
	VMOVUPD     64(DI), Z1
	VFMADD231PD (SI), Z7, Z0
	VFMADD231PD 64(SI), Z7, Z1
	VMOVUPD     Z0, (DI)
	VMOVUPD     Z1, 64(DI)
	ADDQ        $128, SI
	ADDQ        $128, DI
	SUBQ        $16, CX
	JMP         aloop16

aloop8:
	CMPQ        CX, $8
	JLT         atail
	VMOVUPD     (DI), Z0
	VFMADD231PD (SI), Z7, Z0
	VMOVUPD     Z0, (DI)
	ADDQ        $64, SI
	ADDQ        $64, DI
	SUBQ        $8, CX

atail:
	TESTQ       CX, CX
	JEQ         adone
	VMOVSD      (DI), X0
	VFMADD231SD (SI), X7, X0
	VMOVSD      X0, (DI)
	ADDQ        $8, SI
	ADDQ        $8, DI
	DECQ        CX
	JMP         atail

adone:
	VZEROUPPER
	RET

// func axpyAVX2(y, x *float64, n int, alpha float64): y[i] += alpha*x[i]
TEXT ·axpyAVX2(SB), NOSPLIT, $0-32
	MOVQ         y+0(FP), DI
	MOVQ         x+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSD alpha+24(FP), Y7

aloop8:
	CMPQ        CX, $8
	JLT         aloop4
	VMOVUPD     (DI), Y0
	VMOVUPD     32(DI), Y1
	VFMADD231PD (SI), Y7, Y0
	VFMADD231PD 32(SI), Y7, Y1
	VMOVUPD     Y0, (DI)
	VMOVUPD     Y1, 32(DI)
	ADDQ        $64, SI
	ADDQ        $64, DI
	SUBQ        $8, CX
	JMP         aloop8

aloop4:
	CMPQ        CX, $4
	JLT         atail
	VMOVUPD     (DI), Y0
	VFMADD231PD (SI), Y7, Y0
	VMOVUPD     Y0, (DI)
	ADDQ        $32, SI
	ADDQ        $32, DI
	SUBQ        $4, CX

atail:
	TESTQ       CX, CX
	JEQ         adone
	VMOVSD      (DI), X0
	VFMADD231SD (SI), X7, X0
	VMOVSD      X0, (DI)
	ADDQ        $8, SI
	ADDQ        $8, DI
	DECQ        CX
	JMP         atail

adone:
	VZEROUPPER
	RET

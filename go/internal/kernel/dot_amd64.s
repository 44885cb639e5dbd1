//go:build amd64 && !noasm

#include "textflag.h"

// func dotAVX2(x, y *float64, n int) float64
//
// Four YMM accumulators, 32 doubles per iteration of the main loop (16 in the
// second), then a 4-wide loop and a scalar tail. The accumulators are
// combined in a fixed order, so the result depends on n and the data only.
TEXT ·dotAVX2(SB), NOSPLIT, $0-32
	MOVQ x+0(FP), SI
	MOVQ y+8(FP), DI
	MOVQ n+16(FP), CX

	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3

loop32:
	CMPQ        CX, $32
	JLT         loop16
	VMOVUPD     (SI), Y4
	VMOVUPD     32(SI), Y5
	VMOVUPD     64(SI), Y6
	VMOVUPD     96(SI), Y7
	VFMADD231PD (DI), Y4, Y0
	VFMADD231PD 32(DI), Y5, Y1
	VFMADD231PD 64(DI), Y6, Y2
	VFMADD231PD 96(DI), Y7, Y3
	VMOVUPD     128(SI), Y8
	VMOVUPD     160(SI), Y9
	VMOVUPD     192(SI), Y10
	VMOVUPD     224(SI), Y11
	VFMADD231PD 128(DI), Y8, Y0
	VFMADD231PD 160(DI), Y9, Y1
	VFMADD231PD 192(DI), Y10, Y2
	VFMADD231PD 224(DI), Y11, Y3
	ADDQ        $256, SI
	ADDQ        $256, DI
	SUBQ        $32, CX
	JMP         loop32

loop16:
	CMPQ        CX, $16
	JLT         loop4
	VMOVUPD     (SI), Y4
	VMOVUPD     32(SI), Y5
	VMOVUPD     64(SI), Y6
	VMOVUPD     96(SI), Y7
	VFMADD231PD (DI), Y4, Y0
	VFMADD231PD 32(DI), Y5, Y1
	VFMADD231PD 64(DI), Y6, Y2
	VFMADD231PD 96(DI), Y7, Y3
	ADDQ        $128, SI
	ADDQ        $128, DI
	SUBQ        $16, CX

loop4:
	CMPQ        CX, $4
	JLT         reduce
	VMOVUPD     (SI), Y4
	VFMADD231PD (DI), Y4, Y0
	ADDQ        $32, SI
	ADDQ        $32, DI
	SUBQ        $4, CX
	JMP         loop4

reduce:
	VADDPD       Y1, Y0, Y0
	VADDPD       Y3, Y2, Y2
	VADDPD       Y2, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD       X1, X0, X0
	VHADDPD      X0, X0, X0

	// Scalar tail into X2, added last.
	VXORPD X2, X2, X2

tail:
	TESTQ       CX, CX
	JEQ         done
	VMOVSD      (SI), X3
	VFMADD231SD (DI), X3, X2
	ADDQ        $8, SI
	ADDQ        $8, DI
	DECQ        CX
	JMP         tail

done:
	VADDSD     X2, X0, X0
	VMOVSD     X0, ret+24(FP)
	VZEROUPPER
	RET

// func dotAVX512(x, y *float64, n int) float64
//
// Four ZMM accumulators, 32 doubles per iteration of the main loop, then an
// 8-wide loop and a scalar tail; the accumulators are combined in a fixed
// order, so the result depends on n and the data only.
TEXT ·dotAVX512(SB), NOSPLIT, $0-32
	MOVQ x+0(FP), SI
	MOVQ y+8(FP), DI
	MOVQ n+16(FP), CX

	VPXORQ Z0, Z0, Z0
	VPXORQ Z1, Z1, Z1
	VPXORQ Z2, Z2, Z2
	VPXORQ Z3, Z3, Z3

zloop32:
	CMPQ        CX, $32
	JLT         zloop8
	VMOVUPD     (SI), Z4
	VMOVUPD     64(SI), Z5
	VMOVUPD     128(SI), Z6
	VMOVUPD     192(SI), Z7
	VFMADD231PD (DI), Z4, Z0
	VFMADD231PD 64(DI), Z5, Z1
	VFMADD231PD 128(DI), Z6, Z2
	VFMADD231PD 192(DI), Z7, Z3
	ADDQ        $256, SI
	ADDQ        $256, DI
	SUBQ        $32, CX
	JMP         zloop32

zloop8:
	CMPQ        CX, $8
	JLT         zreduce
	VMOVUPD     (SI), Z4
	VFMADD231PD (DI), Z4, Z0
	ADDQ        $64, SI
	ADDQ        $64, DI
	SUBQ        $8, CX
	JMP         zloop8

zreduce:
	VADDPD        Z1, Z0, Z0
	VADDPD        Z3, Z2, Z2
	VADDPD        Z2, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VADDPD        Y1, Y0, Y0
	VEXTRACTF128  $1, Y0, X1
	VADDPD        X1, X0, X0
	VHADDPD       X0, X0, X0

	// Scalar tail into X2, added last.
	VXORPD X2, X2, X2

ztail:
	TESTQ       CX, CX
	JEQ         zdone
	VMOVSD      (SI), X3
	VFMADD231SD (DI), X3, X2
	ADDQ        $8, SI
	ADDQ        $8, DI
	DECQ        CX
	JMP         ztail

zdone:
	VADDSD     X2, X0, X0
	VMOVSD     X0, ret+24(FP)
	VZEROUPPER
	RET

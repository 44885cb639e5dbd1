//go:build amd64 && !noasm

#include "textflag.h"

// Elementwise kernels: dst[i] = x[i] OP y[i] (or c * x[i]) for i < n, one
// IEEE operation per element, so the result is bitwise the generic
// kernel's. 32 elements per iteration of the main loop (4 ZMM or 8 YMM
// registers), then one register at a time, then a scalar tail. Arguments:
// dst in DI, x in SI, y in DX, n in CX.

#define LOADARGS \
	MOVQ dst+0(FP), DI \
	MOVQ x+8(FP), SI   \
	MOVQ y+16(FP), DX  \
	MOVQ n+24(FP), CX

// BINARY512(vop, sop): the loop body for the AVX-512 binary ops.
#define BINARY512(vop, sop) \
loop32:                      \
	CMPQ    CX, $32          \
	JLT     loop8            \
	VMOVUPD (SI), Z0         \
	VMOVUPD 64(SI), Z1       \
	VMOVUPD 128(SI), Z2      \
	VMOVUPD 192(SI), Z3      \
	vop     (DX), Z0, Z0     \
	vop     64(DX), Z1, Z1   \
	vop     128(DX), Z2, Z2  \
	vop     192(DX), Z3, Z3  \
	VMOVUPD Z0, (DI)         \
	VMOVUPD Z1, 64(DI)       \
	VMOVUPD Z2, 128(DI)      \
	VMOVUPD Z3, 192(DI)      \
	ADDQ    $256, SI         \
	ADDQ    $256, DX         \
	ADDQ    $256, DI         \
	SUBQ    $32, CX          \
	JMP     loop32           \
loop8:                       \
	CMPQ    CX, $8           \
	JLT     tail             \
	VMOVUPD (SI), Z0         \
	vop     (DX), Z0, Z0     \
	VMOVUPD Z0, (DI)         \
	ADDQ    $64, SI          \
	ADDQ    $64, DX          \
	ADDQ    $64, DI          \
	SUBQ    $8, CX           \
	JMP     loop8            \
tail:                        \
	TESTQ   CX, CX           \
	JEQ     done             \
	VMOVSD  (SI), X0         \
	sop     (DX), X0, X0     \
	VMOVSD  X0, (DI)         \
	ADDQ    $8, SI           \
	ADDQ    $8, DX           \
	ADDQ    $8, DI           \
	DECQ    CX               \
	JMP     tail             \
done:                        \
	VZEROUPPER               \
	RET

// BINARY256(vop, sop): the same with YMM registers, for AVX2.
#define BINARY256(vop, sop) \
loop16:                      \
	CMPQ    CX, $16          \
	JLT     loop4            \
	VMOVUPD (SI), Y0         \
	VMOVUPD 32(SI), Y1       \
	VMOVUPD 64(SI), Y2       \
	VMOVUPD 96(SI), Y3       \
	vop     (DX), Y0, Y0     \
	vop     32(DX), Y1, Y1   \
	vop     64(DX), Y2, Y2   \
	vop     96(DX), Y3, Y3   \
	VMOVUPD Y0, (DI)         \
	VMOVUPD Y1, 32(DI)       \
	VMOVUPD Y2, 64(DI)       \
	VMOVUPD Y3, 96(DI)       \
	ADDQ    $128, SI         \
	ADDQ    $128, DX         \
	ADDQ    $128, DI         \
	SUBQ    $16, CX          \
	JMP     loop16           \
loop4:                       \
	CMPQ    CX, $4           \
	JLT     tail             \
	VMOVUPD (SI), Y0         \
	vop     (DX), Y0, Y0     \
	VMOVUPD Y0, (DI)         \
	ADDQ    $32, SI          \
	ADDQ    $32, DX          \
	ADDQ    $32, DI          \
	SUBQ    $4, CX           \
	JMP     loop4            \
tail:                        \
	TESTQ   CX, CX           \
	JEQ     done             \
	VMOVSD  (SI), X0         \
	sop     (DX), X0, X0     \
	VMOVSD  X0, (DI)         \
	ADDQ    $8, SI           \
	ADDQ    $8, DX           \
	ADDQ    $8, DI           \
	DECQ    CX               \
	JMP     tail             \
done:                        \
	VZEROUPPER               \
	RET

// func addAVX512(dst, x, y *float64, n int)
TEXT ·addAVX512(SB), NOSPLIT, $0-32
	LOADARGS
	BINARY512(VADDPD, VADDSD)

// func subAVX512(dst, x, y *float64, n int): dst = x - y.
TEXT ·subAVX512(SB), NOSPLIT, $0-32
	LOADARGS
	BINARY512(VSUBPD, VSUBSD)

// func addAVX2(dst, x, y *float64, n int)
TEXT ·addAVX2(SB), NOSPLIT, $0-32
	LOADARGS
	BINARY256(VADDPD, VADDSD)

// func subAVX2(dst, x, y *float64, n int): dst = x - y.
TEXT ·subAVX2(SB), NOSPLIT, $0-32
	LOADARGS
	BINARY256(VSUBPD, VSUBSD)

// func scaleAVX512(dst *float64, c float64, x *float64, n int): dst = c * x.
TEXT ·scaleAVX512(SB), NOSPLIT, $0-32
	MOVQ         dst+0(FP), DI
	VBROADCASTSD c+8(FP), Z7
	MOVQ         x+16(FP), SI
	MOVQ         n+24(FP), CX

sloop32:
	CMPQ    CX, $32
	JLT     sloop8
	VMULPD  (SI), Z7, Z0
	VMULPD  64(SI), Z7, Z1
	VMULPD  128(SI), Z7, Z2
	VMULPD  192(SI), Z7, Z3
	VMOVUPD Z0, (DI)
	VMOVUPD Z1, 64(DI)
	VMOVUPD Z2, 128(DI)
	VMOVUPD Z3, 192(DI)
	ADDQ    $256, SI
	ADDQ    $256, DI
	SUBQ    $32, CX
	JMP     sloop32

sloop8:
	CMPQ    CX, $8
	JLT     stail
	VMULPD  (SI), Z7, Z0
	VMOVUPD Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, CX
	JMP     sloop8

stail:
	TESTQ  CX, CX
	JEQ    sdone
	VMULSD (SI), X7, X0
	VMOVSD X0, (DI)
	ADDQ   $8, SI
	ADDQ   $8, DI
	DECQ   CX
	JMP    stail

sdone:
	VZEROUPPER
	RET

// func scaleAVX2(dst *float64, c float64, x *float64, n int): dst = c * x.
TEXT ·scaleAVX2(SB), NOSPLIT, $0-32
	MOVQ         dst+0(FP), DI
	VBROADCASTSD c+8(FP), Y7
	MOVQ         x+16(FP), SI
	MOVQ         n+24(FP), CX

sloop16:
	CMPQ    CX, $16
	JLT     sloop4
	VMULPD  (SI), Y7, Y0
	VMULPD  32(SI), Y7, Y1
	VMULPD  64(SI), Y7, Y2
	VMULPD  96(SI), Y7, Y3
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	ADDQ    $128, SI
	ADDQ    $128, DI
	SUBQ    $16, CX
	JMP     sloop16

sloop4:
	CMPQ    CX, $4
	JLT     stail
	VMULPD  (SI), Y7, Y0
	VMOVUPD Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, CX
	JMP     sloop4

stail:
	TESTQ  CX, CX
	JEQ    sdone
	VMULSD (SI), X7, X0
	VMOVSD X0, (DI)
	ADDQ   $8, SI
	ADDQ   $8, DI
	DECQ   CX
	JMP    stail

sdone:
	VZEROUPPER
	RET

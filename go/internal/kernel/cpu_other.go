//go:build !amd64 || noasm

package kernel

// useAsm is false: this build uses the pure-Go kernels only.
const useAsm = false

/*
 * mlmath._fastpath: the small-call path of mlmath.go, written against
 * CPython's and numpy's C API.
 *
 * Why it exists: a cffi call cannot take an ndarray as it is. Each array
 * first becomes a cdata pointer (ffi.from_buffer, about 0.15 us), and the
 * Python wrapper costs about as much again, so go.dot on two length-3 vectors
 * took about 2x np.dot's 0.45 us (issue #5). Here the checks read the array
 * structs directly (a few ns), and the export is called as plain C.
 *
 * The same holds, to a lesser degree, for every small call: go.add on two
 * length-3 vectors took 6x np.add's time, go.matmul of two 3x3 matrices 3x
 * np.matmul's. So the vector and matrix functions whose arguments are
 * arrays (and one float) have a fast path here too: dot, add, subtract,
 * scale and matmul.
 *
 * What it is not: a second boundary. The functions call the exports declared
 * in mlmath.h, from the same libmlmath.so the cffi extension loads (both find
 * it through an rpath of $ORIGIN: one library per process). They take only
 * the plain case: exact ndarrays, float64 in native byte order, C-contiguous,
 * of the dimensions and shapes the function needs (and, for scale, an exact
 * Python float). Results are new arrays from numpy (PyArray_SimpleNew, as
 * np.empty). For anything else they return None, and the
 * Python wrapper runs the general path, which validates, converts and raises
 * numpy's exceptions; so does an error status from Go, which the general path
 * then reports. The GIL is released around the Go call, as cffi does.
 *
 * After fork(), the Go runtime is unusable in the child; the functions then
 * return None too, so the general path raises mlmath's clear RuntimeError
 * (mlmath/go/_fork.py).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>

#include "mlmath.h"

static volatile int forked = 0;

static void after_fork_in_child(void) { forked = 1; }

/* o as a plain array of nd dimensions (exact ndarray, native float64,
 * C-contiguous), or NULL. */
static inline PyArrayObject *plain(PyObject *o, int nd) {
    if (Py_TYPE(o) != &PyArray_Type) {
        return NULL;
    }
    PyArrayObject *a = (PyArrayObject *)o;
    if (PyArray_NDIM(a) != nd || PyArray_TYPE(a) != NPY_DOUBLE || !PyArray_ISNOTSWAPPED(a) ||
        !PyArray_IS_C_CONTIGUOUS(a)) {
        return NULL;
    }
    return a;
}

/* Whether o is a plain vector; on success *data and *n describe it. */
static inline int plain_vector(PyObject *o, double **data, npy_intp *n) {
    PyArrayObject *a = plain(o, 1);
    if (a == NULL) {
        return 0;
    }
    *data = (double *)PyArray_DATA(a);
    *n = PyArray_DIM(a, 0);
    return 1;
}

/* Whether o is a plain matrix; on success *data, *m and *n describe it. */
static inline int plain_matrix(PyObject *o, double **data, npy_intp *m, npy_intp *n) {
    PyArrayObject *a = plain(o, 2);
    if (a == NULL) {
        return 0;
    }
    *data = (double *)PyArray_DATA(a);
    *m = PyArray_DIM(a, 0);
    *n = PyArray_DIM(a, 1);
    return 1;
}

/* One export call that writes into dst, with its arguments in call. */
typedef int (*into_fn)(const void *call, double *dst);

/* Runs fn into a new float64 array of shape dims (nd is 1 or 2) with the
 * GIL released: the array, None when Go returned an error status, or NULL
 * with numpy's exception set when the array cannot be made (as np.empty). */
static PyObject *into_new_array(int nd, npy_intp *dims, into_fn fn, const void *call) {
    PyObject *dst = PyArray_SimpleNew(nd, dims, NPY_DOUBLE);
    if (dst == NULL) {
        return NULL;
    }
    double *out = (double *)PyArray_DATA((PyArrayObject *)dst);
    int status;
    Py_BEGIN_ALLOW_THREADS
    status = fn(call, out);
    Py_END_ALLOW_THREADS
    if (status != MLM_OK) {
        Py_DECREF(dst);
        Py_RETURN_NONE;
    }
    return dst;
}

PyDoc_STRVAR(dot_doc,
             "dot(v, w, /) -> float | None\n\n"
             "mlm_dot on two plain float64 vectors of one length; None for any other\n"
             "input, an error status, or a forked child (the caller then takes the\n"
             "general path).");

static PyObject *fast_dot(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    double *v, *w, out = 0.0;
    npy_intp n, m;
    if (nargs != 2 || forked || !plain_vector(args[0], &v, &n) || !plain_vector(args[1], &w, &m) || n != m) {
        Py_RETURN_NONE;
    }
    int status;
    Py_BEGIN_ALLOW_THREADS
    status = mlm_dot(v, w, (int64_t)n, &out);
    Py_END_ALLOW_THREADS
    if (status != MLM_OK) {
        Py_RETURN_NONE;
    }
    return PyFloat_FromDouble(out);
}

typedef int (*binary_export)(double *, double *, int64_t, double *);

struct binary_call {
    binary_export export;
    double *v, *w;
    int64_t n;
};

static int run_binary(const void *call, double *dst) {
    const struct binary_call *c = call;
    return c->export(c->v, c->w, c->n, dst);
}

/* dst = op(v, w) for two plain vectors of one length, or None. */
static PyObject *elementwise(PyObject *const *args, Py_ssize_t nargs, binary_export export) {
    double *v, *w;
    npy_intp n, m;
    if (nargs != 2 || forked || !plain_vector(args[0], &v, &n) || !plain_vector(args[1], &w, &m) || n != m) {
        Py_RETURN_NONE;
    }
    struct binary_call call = {export, v, w, (int64_t)n};
    return into_new_array(1, &n, run_binary, &call);
}

PyDoc_STRVAR(add_doc, "add(v, w, /) -> ndarray | None\n\nmlm_add into a new array; None as for dot.");

static PyObject *fast_add(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    return elementwise(args, nargs, mlm_add);
}

PyDoc_STRVAR(subtract_doc, "subtract(v, w, /) -> ndarray | None\n\nmlm_subtract into a new array; None as for dot.");

static PyObject *fast_subtract(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    return elementwise(args, nargs, mlm_subtract);
}

PyDoc_STRVAR(scale_doc,
             "scale(c, v, /) -> ndarray | None\n\n"
             "mlm_scale into a new array when c is an exact Python float and v a plain\n"
             "vector; None as for dot (an int or a numpy scalar c takes the general path).");

struct scale_call {
    double c, *v;
    int64_t n;
};

static int run_scale(const void *call, double *dst) {
    const struct scale_call *c = call;
    return mlm_scale(c->c, c->v, c->n, dst);
}

static PyObject *fast_scale(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    double *v;
    npy_intp n;
    if (nargs != 2 || forked || !PyFloat_CheckExact(args[0]) || !plain_vector(args[1], &v, &n)) {
        Py_RETURN_NONE;
    }
    struct scale_call call = {PyFloat_AS_DOUBLE(args[0]), v, (int64_t)n};
    return into_new_array(1, &n, run_scale, &call);
}

PyDoc_STRVAR(matmul_doc,
             "matmul(A, B, /) -> ndarray | None\n\n"
             "mlm_matmul into a new array for a plain matrix A (m, k) and a plain matrix\n"
             "B (k, n) or vector B (k,); None as for dot.");

struct matmul_call {
    double *a, *b;
    int64_t m, k, n;
};

static int run_matmul(const void *call, double *dst) {
    const struct matmul_call *c = call;
    return mlm_matmul(c->a, c->b, c->m, c->k, c->n, dst);
}

static PyObject *fast_matmul(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    double *a, *b;
    npy_intp m, k, kb, n = 1;
    if (nargs != 2 || forked || !plain_matrix(args[0], &a, &m, &k)) {
        Py_RETURN_NONE;
    }
    int nd = 2;
    if (!plain_matrix(args[1], &b, &kb, &n)) {
        if (!plain_vector(args[1], &b, &kb)) {
            Py_RETURN_NONE;
        }
        nd = 1;
        n = 1;
    }
    if (kb != k) {
        Py_RETURN_NONE;
    }
    npy_intp dims[2] = {m, n};
    struct matmul_call call = {a, b, (int64_t)m, (int64_t)k, (int64_t)n};
    return into_new_array(nd, dims, run_matmul, &call);
}

static PyMethodDef methods[] = {
    {"dot", (PyCFunction)(void (*)(void))fast_dot, METH_FASTCALL, dot_doc},
    {"add", (PyCFunction)(void (*)(void))fast_add, METH_FASTCALL, add_doc},
    {"subtract", (PyCFunction)(void (*)(void))fast_subtract, METH_FASTCALL, subtract_doc},
    {"scale", (PyCFunction)(void (*)(void))fast_scale, METH_FASTCALL, scale_doc},
    {"matmul", (PyCFunction)(void (*)(void))fast_matmul, METH_FASTCALL, matmul_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "mlmath._fastpath",
    "Small-call fast paths of mlmath.go (see bindings/fastpath.c).",
    -1,
    methods,
};

PyMODINIT_FUNC PyInit__fastpath(void) {
    import_array();
    if (pthread_atfork(NULL, NULL, after_fork_in_child) != 0) {
        PyErr_SetString(PyExc_OSError, "mlmath._fastpath: pthread_atfork failed");
        return NULL;
    }
    return PyModule_Create(&module);
}

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
 * What it is not: a second boundary. The functions call the exports declared
 * in mlmath.h, from the same libmlmath.so the cffi extension loads (both find
 * it through an rpath of $ORIGIN: one library per process). They take only
 * the plain case: exact ndarrays, float64 in native byte order, 1-d,
 * C-contiguous, equal lengths. For anything else they return None, and the
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

/* Whether o is a plain vector: exact ndarray, 1-d, native float64,
 * C-contiguous. On success *data and *n describe it. */
static inline int plain_vector(PyObject *o, double **data, npy_intp *n) {
    if (Py_TYPE(o) != &PyArray_Type) {
        return 0;
    }
    PyArrayObject *a = (PyArrayObject *)o;
    if (PyArray_NDIM(a) != 1 || PyArray_TYPE(a) != NPY_DOUBLE || !PyArray_ISNOTSWAPPED(a) ||
        !PyArray_IS_C_CONTIGUOUS(a)) {
        return 0;
    }
    *data = (double *)PyArray_DATA(a);
    *n = PyArray_DIM(a, 0);
    return 1;
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

static PyMethodDef methods[] = {
    {"dot", (PyCFunction)(void (*)(void))fast_dot, METH_FASTCALL, dot_doc},
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

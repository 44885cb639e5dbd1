/*
 * mlmath.h: the C boundary of libmlmath.so, the Go backend of mlmath.
 *
 * This file is the single source of truth for the boundary. The Go adapter
 * (go/capi) includes it, so the C compiler rejects an export whose signature
 * disagrees; the cffi build script (bindings/build_ffi.py) reads it from disk;
 * tests/test_boundary.py checks it against `nm -D` of the built library.
 *
 * Conventions (see bindings/README.md for the whole story):
 *   - Every function returns an int status code, MLM_OK on success.
 *   - Arrays are float64, C-contiguous (row-major), passed as double* with
 *     int64_t sizes. Inputs are double* that Go never writes (cgo cannot export
 *     const-qualified parameters, and the header must match the exports).
 *   - Outputs go into buffers the caller allocated: arrays via double* dst,
 *     scalars via double* out. Go keeps no pointer after it returns and
 *     never hands Go memory to C.
 *   - Strings out: char *buf, int64_t cap, int64_t *len (len excludes the
 *     NUL); MLM_ERR_BUFFER_TOO_SMALL with *len set when cap <= *len.
 *   - A panic inside Go is recovered and returned as MLM_ERR_PANIC.
 *
 * This file is parsed by cffi's cdef after lines starting with '#' are
 * dropped: keep declarations plain C, one per line group, no macros in them.
 */
#ifndef MLMATH_H
#define MLMATH_H

#include <stdint.h>

/* ---- status codes --------------------------------------------------- */
/* One enum, mirrored in go/capi/status.go and python/mlmath/go/_status.py. */
enum mlm_status {
    MLM_OK = 0,
    MLM_ERR_SHAPE = 1,            /* sizes disagree                      -> ValueError */
    MLM_ERR_DOMAIN = 2,           /* a value outside its domain (ord)    -> ValueError */
    MLM_ERR_ARGUMENT = 3,         /* negative size, NULL with size > 0   -> ValueError */
    MLM_ERR_SINGULAR = 4,         /* exactly singular matrix             -> LinAlgError */
    MLM_ERR_NOT_FINITE = 5,       /* NaN/Inf where the algorithm cannot  -> LinAlgError */
    MLM_ERR_NO_CONVERGENCE = 6,   /* iteration did not converge          -> LinAlgError */
    MLM_ERR_CALLBACK = 7,         /* a caller's callback asked to stop   -> its exception */
    MLM_ERR_BUFFER_TOO_SMALL = 8, /* output buffer too small, size in *len */
    MLM_ERR_NOT_POSITIVE_DEFINITE = 9, /* a Cholesky pivot <= 0            -> LinAlgError */
    MLM_ERR_PANIC = 99            /* recovered Go panic: a bug           -> RuntimeError */
};

/* ---- library information (info.go) ---------------------------------- */
/* Version of the Go toolchain that built the library, e.g. "go1.26.8". */
int mlm_go_version(char *buf, int64_t cap, int64_t *len);
/* runtime.GOMAXPROCS(0): how many OS threads run Go code at once. */
int mlm_gomaxprocs(int64_t *out);
/* The kernel set in use: "avx512", "avx2" or "generic". Chosen at load from
 * the CPU features; MLMATH_KERNEL=avx512|avx2|generic pins one. */
int mlm_kernel(char *buf, int64_t cap, int64_t *len);
/* The kernel sets this CPU supports, best first, space-separated. */
int mlm_kernels_supported(char *buf, int64_t cap, int64_t *len);
/* Why the kernel in use is not the one MLMATH_KERNEL named ("" if it is). */
int mlm_kernel_note(char *buf, int64_t cap, int64_t *len);
/* The CPU features the kernels use, space-separated (e.g. "avx2 fma avx512f"). */
int mlm_cpu_features(char *buf, int64_t cap, int64_t *len);

/* ---- vectors (vectors.go): all of length n ----------------------------- */
int mlm_add(double *v, double *w, int64_t n, double *dst);
int mlm_subtract(double *v, double *w, int64_t n, double *dst);
int mlm_scale(double c, double *v, int64_t n, double *dst);
int mlm_dot(double *v, double *w, int64_t n, double *out);
/* ord is 2, 1, 0, +inf or -inf (as a double); others -> MLM_ERR_DOMAIN. */
int mlm_norm(double *v, int64_t n, double ord, double *out);
int mlm_cosine_similarity(double *v, double *w, int64_t n, double *out);

/* ---- matrices (matrices.go): row-major -------------------------------- */
/* dst (m, n) = a (m, k) @ b (k, n). */
int mlm_matmul(double *a, double *b, int64_t m, int64_t k, int64_t n, double *dst);
/* dst (n, m) = a (m, n) transposed. */
int mlm_transpose(double *a, int64_t m, int64_t n, double *dst);
/* out = det(a), a (n, n). Exactly singular -> 0.0 and MLM_OK. */
int mlm_det(double *a, int64_t n, double *out);
/* dst (n, n) = inverse of a (n, n). */
int mlm_inv(double *a, int64_t n, double *dst);
/* dst (n, k) solves a (n, n) @ dst = b (n, k). */
int mlm_solve(double *a, double *b, int64_t n, int64_t k, double *dst);

/* ---- decompositions (decompositions.go): row-major -------------------- */
/* The progress of a long loop (gradient descent, training, logistic
 * regression, a decomposition): steps taken so far and the current point x
 * (n). It returns 0 to go on, 1 to stop early (not an error), anything else
 * to abort with MLM_ERR_CALLBACK. Go calls it on the thread that called the
 * export, never after the export has returned. */
typedef int (*mlm_progress)(void *ctx, int64_t steps, double *x, int64_t n);
/* Every decomposition ends with a long loop's progress arguments:
 * progress NULL never reports. Otherwise the decomposition calls it at its
 * check points (between the steps of the reductions, the sweeps of the QR
 * iterations, the blocks that form the orthogonal factors and those of
 * large products), at every one when every <= 0, else about every `every`
 * seconds, with steps = the calls so far and no point (x NULL, n 0). Any
 * non-zero return stops the decomposition with MLM_ERR_CALLBACK (the
 * outputs are then partly written, the inputs never). Running Python code
 * there is what lets Ctrl-C interrupt a decomposition that takes seconds. */
/* dst (n, n) = the lower Cholesky factor L of a (n, n), a = L L^T, reading
 * only the lower triangle of a; zeros above the diagonal. A pivot <= 0 ->
 * MLM_ERR_NOT_POSITIVE_DEFINITE. NaN/Inf in the lower triangle -> all NaN. */
int mlm_cholesky(double *a, int64_t n, double *dst, mlm_progress progress, void *progress_ctx, double every);
/* Reduced QR of a (m, n), k = min(m, n): q (m, k) with orthonormal columns,
 * r (k, n) upper triangular, a = q r (LAPACK's signs). NaN/Inf -> all NaN. */
int mlm_qr(double *a, int64_t m, int64_t n, double *q, double *r, mlm_progress progress, void *progress_ctx, double every);
/* Eigendecomposition of the symmetric a (n, n), reading its lower triangle:
 * w (n) the eigenvalues ascending, v (n, n) orthonormal eigenvectors in its
 * columns. NaN/Inf in the lower triangle -> MLM_ERR_NOT_FINITE; an
 * iteration over budget -> MLM_ERR_NO_CONVERGENCE. */
int mlm_eigh(double *a, int64_t n, double *w, double *v, mlm_progress progress, void *progress_ctx, double every);
/* Singular value decomposition a (m, n) = u diag(s) vt, k = min(m, n), s (k)
 * descending. full == 0: u (m, k), vt (k, n); full != 0: u (m, m), vt (n, n).
 * NaN/Inf -> MLM_ERR_NOT_FINITE; no convergence -> MLM_ERR_NO_CONVERGENCE. */
int mlm_svd(double *a, int64_t m, int64_t n, int full, double *u, double *s, double *vt, mlm_progress progress, void *progress_ctx, double every);
/* Eigenvalues wr + i wi (n each) and right eigenvectors v (n, n) of the
 * general a (n, n), as LAPACK's dgeev: complex pairs adjacent, positive
 * imaginary part first, their vector as (real, imaginary) column pairs;
 * unit norm. NaN/Inf -> MLM_ERR_NOT_FINITE; no convergence ->
 * MLM_ERR_NO_CONVERGENCE. */
int mlm_eig(double *a, int64_t n, double *wr, double *wi, double *v, mlm_progress progress, void *progress_ctx, double every);
/* dst (n, m) = the pseudo-inverse of a (m, n), singular values <= rcond * s_max dropped. */
int mlm_pinv(double *a, int64_t m, int64_t n, double rcond, double *dst, mlm_progress progress, void *progress_ctx, double every);
/* out = the number of singular values of a (m, n) above tol; tol < 0: s_max * max(m, n) * eps. */
int mlm_matrix_rank(double *a, int64_t m, int64_t n, double tol, int64_t *out, mlm_progress progress, void *progress_ctx, double every);
/* out = s_max / s_min of a (m, n), m, n >= 1 (+inf when s_min is 0 < s_max; NaN for the zero matrix, as numpy). */
int mlm_cond(double *a, int64_t m, int64_t n, double *out, mlm_progress progress, void *progress_ctx, double every);
/* The best rank-k approximation of a (m, n), 0 < k <= min(m, n): uk (m, k),
 * sk (k), vtk (k, n), ak (m, n) = uk diag(sk) vtk. */
int mlm_low_rank_approx(double *a, int64_t m, int64_t n, int64_t k, double *uk, double *sk, double *vtk, double *ak, mlm_progress progress, void *progress_ctx, double every);
/* PCA of x (samples, features), samples >= 2, 1 <= c <= min(samples, features):
 * components (c, features), variance (c), ratio (c), mean (features),
 * transformed (samples, c); scikit-learn's conventions. */
int mlm_pca(double *x, int64_t samples, int64_t features, int64_t c, double *components, double *variance, double *ratio, double *mean, double *transformed, mlm_progress progress, void *progress_ctx, double every);

/* ---- calculus (calculus.go) ------------------------------------------- */
/* A function from R^n to R^m supplied by the caller: it writes f(x) into
 * out (m) and returns 0, or returns non-zero to stop the computation, which
 * then returns MLM_ERR_CALLBACK (the caller keeps the reason: a Python
 * exception, say). x and out are valid during the call only; ctx is the
 * caller's pointer, passed back unchanged. Go calls it on the thread that
 * called the export, and never after the export has returned. */
typedef int (*mlm_func)(void *ctx, double *x, int64_t n, double *out, int64_t m);
/* (mlm_progress, the progress of a long loop, is declared with the
 * decompositions above.) */
/* Central differences; h <= 0 asks for the default step eps^(1/3) max(1, |x_i|)
 * (eps^(1/4) for the Hessian); NaN or infinite h -> MLM_ERR_DOMAIN. */
/* out = (f(x+h) - f(x-h)) / 2h for f: R -> R (n = m = 1). */
int mlm_derivative(mlm_func f, void *ctx, double x, double h, double *out);
/* dst (n) = the gradient of f: R^n -> R at x (n). */
int mlm_gradient(mlm_func f, void *ctx, double *x, int64_t n, double h, double *dst);
/* dst (m, n) = the Jacobian of f: R^n -> R^m at x (n). */
int mlm_jacobian(mlm_func f, void *ctx, double *x, int64_t n, int64_t m, double h, double *dst);
/* dst (n, n) = the symmetric Hessian of f: R^n -> R at x (n). */
int mlm_hessian(mlm_func f, void *ctx, double *x, int64_t n, double h, double *dst);
/* out = ||g - g_num|| / max(||g||, ||g_num||) for g = grad(x) (n) and the
 * central-difference gradient g_num of f at x (0 when both are zero). */
int mlm_check_gradient(mlm_func f, void *f_ctx, mlm_func grad, void *grad_ctx, double *x, int64_t n, double *out);
/* Gradient descent x_{k+1} = x_k - learning_rate grad(x_k) from x0 (n),
 * stopping before step k when ||grad(x_k)|| < tol, for at most max_iter
 * steps. The gradient is the built-in objective's when objective names one
 * ("quadratic", "rosenbrock"; unknown -> MLM_ERR_DOMAIN, a dimension it
 * does not take -> MLM_ERR_SHAPE), else grad's, else (grad NULL) the
 * central-difference gradient of f. history ((max_iter + 1), n) gets the
 * path, row 0 = x0; *steps the number of steps taken, also on error. A
 * non-finite gradient -> MLM_ERR_DOMAIN. progress (may be NULL) is called
 * after every step when every <= 0, else about every `every` seconds. */
int mlm_gradient_descent(char *objective, mlm_func f, void *f_ctx, mlm_func grad, void *grad_ctx, double *x0, int64_t n, double learning_rate, int64_t max_iter, double tol, mlm_progress progress, void *progress_ctx, double every, double *history, int64_t *steps);

/* ---- symbolic derivatives (symbolic.go) ------------------------------- */
/* The derivative of the expression (expr_len bytes of UTF-8, no NUL needed)
 * with respect to the variable (var_len bytes), simplified and printed in a
 * form sympy parses: a string result as above. An expression outside the
 * grammar, an unknown function or an invalid variable name ->
 * MLM_ERR_DOMAIN, and buf then holds the error message instead (naming the
 * position), with the same size rules (MLM_ERR_BUFFER_TOO_SMALL first if it
 * does not fit). */
int mlm_symbolic_derivative(char *expr, int64_t expr_len, char *var, int64_t var_len, char *buf, int64_t cap, int64_t *len);

/* ---- neural-network pieces (nn.go) ------------------------------------ */
/* Elementwise, dst (n) = f(x (n)); dst may be x. sigmoid is scipy's expit
 * (two branches, no overflow); the derivatives are taken at x. */
int mlm_sigmoid(double *x, int64_t n, double *dst);
int mlm_sigmoid_derivative(double *x, int64_t n, double *dst);
int mlm_relu(double *x, int64_t n, double *dst);
int mlm_relu_derivative(double *x, int64_t n, double *dst);
int mlm_tanh(double *x, int64_t n, double *dst);
int mlm_tanh_derivative(double *x, int64_t n, double *dst);
/* Along the rows of x (rows, cols), the maximum subtracted first: dst (rows,
 * cols) for softmax and log_softmax, dst (rows) for logsumexp. */
int mlm_softmax(double *x, int64_t rows, int64_t cols, double *dst);
int mlm_log_softmax(double *x, int64_t rows, int64_t cols, double *dst);
int mlm_logsumexp(double *x, int64_t rows, int64_t cols, double *dst);
/* Mean losses over n elements into out. binary_cross_entropy clips p to
 * [eps, 1 - eps]; softmax_cross_entropy takes labels (rows) in [0, cols)
 * (MLM_ERR_DOMAIN otherwise) and logits (rows, cols). */
int mlm_mse(double *y_true, double *y_pred, int64_t n, double *out);
int mlm_binary_cross_entropy(double *y_true, double *p, int64_t n, double eps, double *out);
int mlm_bce_with_logits(double *y_true, double *logits, int64_t n, double *out);
int mlm_softmax_cross_entropy(int64_t *labels, double *logits, int64_t rows, int64_t cols, double *out);
/* The notes' 2-layer sigmoid network: x (n, d), w1 (d, h), b1 (h), w2 (h, o),
 * b2 (o). Forward: a1, z1 (n, h), a2, z2 (n, o). Backward, for targets y
 * (n, o): the gradients of the mean binary cross-entropy, dw1 (d, h), db1 (h),
 * dw2 (h, o), db2 (o). */
int mlm_mlp_forward(double *x, double *w1, double *b1, double *w2, double *b2, int64_t n, int64_t d, int64_t h, int64_t o, double *a1, double *a2, double *z1, double *z2);
int mlm_mlp_backward(double *x, double *y, double *a1, double *a2, double *w2, int64_t n, int64_t d, int64_t h, int64_t o, double *dw1, double *db1, double *dw2, double *db2);
/* Train the network in Go for `epochs` epochs of batches of `batch` rows
 * (consecutive, the last shorter), updating w1, b1, w2, b2 in place with the
 * optimizer `optimizer` (MLM_OPT_*) of hyperparameters hyper (nhyper, in the
 * order of the mlm_*_step arguments after the state: SGD lr, momentum,
 * dampening, weight_decay, nesterov; Adam lr, beta1, beta2, eps,
 * weight_decay, amsgrad, decoupled; RMSprop lr, alpha, eps, weight_decay,
 * momentum, centered; Adagrad lr, lr_decay, weight_decay, eps; flags as 0/1)
 * and state: 12 pointers, 3 per parameter in the order w1, b1, w2, b2 (SGD:
 * momentum buffer; Adam: m, v, vmax; RMSprop: square avg, momentum buffer,
 * grad avg; Adagrad: sum; NULL where unused), each the size of its
 * parameter, updated in place. t0: the optimizer's steps before. losses
 * (epochs) gets each epoch's loss; *epochs_done the epochs run, also on
 * error. progress (may be NULL) gets (epochs done, &loss, 1) after every
 * epoch when every <= 0, else about every `every` seconds. */
enum mlm_optimizer { MLM_OPT_SGD = 1, MLM_OPT_ADAM = 2, MLM_OPT_RMSPROP = 3, MLM_OPT_ADAGRAD = 4 };
int mlm_train_mlp(double *x, double *y, int64_t n, int64_t d, int64_t h, int64_t o, double *w1, double *b1, double *w2, double *b2, int optimizer, double *hyper, int64_t nhyper, double **state, int64_t t0, int64_t epochs, int64_t batch, double *losses, mlm_progress progress, void *progress_ctx, double every, int64_t *epochs_done);

/* ---- optimizers (optim.go): torch.optim's formulas, one parameter ----- */
/* p (n) is updated in place from gradient g (n, not modified); the state
 * arrays (n each) too. t is the 1-based step number; first: the SGD momentum
 * buffer's first step (buf = g). vmax, buf, gavg may be NULL when their
 * option is off. */
int mlm_sgd_step(double *p, double *g, int64_t n, double *buf, int first, double lr, double momentum, double dampening, double weight_decay, int nesterov);
int mlm_adam_step(double *p, double *g, int64_t n, double *m, double *v, double *vmax, int64_t t, double lr, double beta1, double beta2, double eps, double weight_decay, int amsgrad, int decoupled);
int mlm_rmsprop_step(double *p, double *g, int64_t n, double *sq, double *buf, double *gavg, double lr, double alpha, double eps, double weight_decay, double momentum, int centered);
int mlm_adagrad_step(double *p, double *g, int64_t n, double *sum, int64_t t, double lr, double lr_decay, double weight_decay, double eps);

/* ---- information theory (information.go) ----------------------------- */
/* Distributions are normalized by their sum first; base is the logarithm's
 * (> 0, != 1). Negative, NaN or infinite entries, an empty input or a zero
 * sum -> MLM_ERR_DOMAIN (empty: MLM_ERR_SHAPE). out = the measure. */
int mlm_entropy(double *p, int64_t n, double base, double *out);
int mlm_cross_entropy(double *p, double *q, int64_t n, double base, double *out);
int mlm_kl_divergence(double *p, double *q, int64_t n, double base, double *out);
int mlm_js_divergence(double *p, double *q, int64_t n, double base, double *out);
/* Of the table joint (rows = x, cols = y), normalized. */
int mlm_joint_entropy(double *joint, int64_t rows, int64_t cols, double base, double *out);
int mlm_conditional_entropy(double *joint, int64_t rows, int64_t cols, double base, double *out);
int mlm_mutual_information(double *joint, int64_t rows, int64_t cols, double base, double *out);
/* From two label vectors x, y (n each, any int64 values): sklearn's
 * mutual_info_score / log(base). */
int mlm_mutual_information_from_labels(int64_t *x, int64_t *y, int64_t n, double base, double *out);

/* ---- statistical learning theory (learning.go) ------------------------ */
/* n >= 1, delta in (0, 1), hypotheses >= 1, epsilon > 0, 1 <= vc_dim <= n;
 * otherwise MLM_ERR_DOMAIN. */
int mlm_hoeffding_bound(int64_t n, double delta, double *out);
int mlm_finite_class_bound(int64_t n, double hypotheses, double delta, double *out);
int mlm_sample_complexity(double epsilon, double delta, double hypotheses, int64_t *out);
int mlm_vc_bound(int64_t n, int64_t vc_dim, double delta, double *out);
/* predictions (models, points), y_true (points): the decomposition of the
 * mean squared error into bias^2 and variance. */
int mlm_bias_variance(double *predictions, int64_t models, int64_t points, double *y_true, double *bias_squared, double *variance, double *expected);

/* ---- the ML pipeline: standardization, logistic regression (linear.go) - */
/* x (n, d), n >= 1: mean, std (d) (population, 1 where 0), dst (n, d) = (x - mean) / std. */
int mlm_standardize(double *x, int64_t n, int64_t d, double *dst, double *mean, double *std);
int mlm_apply_standardize(double *x, int64_t n, int64_t d, double *mean, double *std, double *dst);
/* Logistic regression by proximal gradient descent on x (n, d), y (n) of 0/1,
 * from w (d, updated in place) and *b: at most max_iter iterations, losses
 * (max_iter) gets the objective at the start of each, *iterations how many
 * ran (also on error). progress (may be NULL) gets (iterations, &loss, 1)
 * after every iteration when every <= 0, else about every `every` seconds.
 * A non-finite loss -> MLM_ERR_DOMAIN. */
int mlm_logistic_regression(double *x, double *y, int64_t n, int64_t d, double learning_rate, int64_t max_iter, double l1, double l2, double tol, double *w, double *b, double *losses, mlm_progress progress, void *progress_ctx, double every, int64_t *iterations);
/* dst (n) = sigmoid(x w + b). */
int mlm_predict_proba(double *x, int64_t n, int64_t d, double *w, double b, double *dst);

/* ---- classification metrics (metrics.go): int64 labels, positive class 1 */
int mlm_accuracy(int64_t *y_true, int64_t *y_pred, int64_t n, double *out);
int mlm_precision(int64_t *y_true, int64_t *y_pred, int64_t n, double *out);
int mlm_recall(int64_t *y_true, int64_t *y_pred, int64_t n, double *out);
int mlm_f1_score(int64_t *y_true, int64_t *y_pred, int64_t n, double *out);
/* labels (room for 2n): the sorted distinct labels, k of them in *k; dst
 * (room for cap entries): the k x k counts, row = true, column = predicted;
 * MLM_ERR_BUFFER_TOO_SMALL (with *k set) when k * k > cap. */
int mlm_confusion_matrix(int64_t *y_true, int64_t *y_pred, int64_t n, int64_t *labels, int64_t *dst, int64_t cap, int64_t *k);
int mlm_log_loss(double *y_true, double *p, int64_t n, double eps, double *out);
/* One class only -> MLM_ERR_DOMAIN. */
int mlm_roc_auc(int64_t *y_true, double *scores, int64_t n, double *out);

/* The Python callbacks of mlmath.go, of types mlm_func and mlm_progress:
 * cffi reads the lines below (it drops the '#' lines), C compilers skip them. */
#if 0
extern "Python" int mlm_py_func(void *ctx, double *x, int64_t n, double *out, int64_t m);
extern "Python" int mlm_py_progress(void *ctx, int64_t steps, double *x, int64_t n);
#endif

#endif /* MLMATH_H */

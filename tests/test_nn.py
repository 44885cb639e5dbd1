"""Activations, losses and the notes' network on both backends.

Oracles: scipy.special (expit, softmax, log_softmax, logsumexp),
sklearn.metrics (log_loss, mean_squared_error), closed forms written here, and
central-difference gradients of the loss for the backward pass.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest
from scipy import special
from sklearn import metrics
from same_errors import assert_same_error

ULP = np.finfo(np.float64).eps
RNG = np.random.default_rng(2026_11_30)
X_SPECIAL = np.array([0.0, -0.0, 1e-300, -1e-300, 0.5, -0.5, 20.0, -20.0, 36.0, 37.0, 38.0, -37.0, 709.0, -709.0, 745.0, -745.0, 800.0, -800.0, np.inf, -np.inf])


def test_sigmoid_matches_expit(backend):
    x = np.concatenate([X_SPECIAL, RNG.standard_normal(500) * 30])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warning anywhere
        s = backend.sigmoid(x)
    want = special.expit(x)
    # atol: at x = -745 the two-branch form gives the subnormal 5e-324 (the
    # true value, 4.9e-324, rounded), scipy's 1/(1 + exp(745)) gives 0.
    np.testing.assert_allclose(s, want, rtol=4 * ULP, atol=1e-320)
    assert backend.sigmoid([37.0])[0] == 1.0
    assert backend.sigmoid([-800.0])[0] == 0.0
    assert np.isnan(backend.sigmoid([np.nan])[0])
    assert backend.sigmoid([[0.0, 1.0]]).shape == (1, 2)
    assert backend.sigmoid(0.0).shape == ()


@pytest.mark.parametrize(
    "name,f,df",
    [
        ("sigmoid_derivative", special.expit, lambda x: special.expit(x) * (1 - special.expit(x))),
        ("tanh_derivative", np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    ],
)
def test_derivatives_agree_with_closed_forms_and_differences(backend, name, f, df):
    x = np.concatenate([X_SPECIAL[np.isfinite(X_SPECIAL)], RNG.standard_normal(200) * 5])
    got = getattr(backend, name)(x)
    # 1 - t^2 and s (1 - s) cancel where t or s is near 1: an absolute error of a few eps.
    np.testing.assert_allclose(got, df(x), rtol=8 * ULP, atol=4 * ULP)
    for xi in RNG.standard_normal(10) * 3:
        num = (f(xi + 1e-6) - f(xi - 1e-6)) / 2e-6
        assert abs(getattr(backend, name)([xi])[0] - num) < 1e-8


def test_relu_and_its_derivative(backend):
    x = np.array([-2.0, -0.0, 0.0, 1e-300, 3.5, np.inf, -np.inf, np.nan])
    r = backend.relu(x)
    np.testing.assert_array_equal(r[:-1], [0.0, 0.0, 0.0, 1e-300, 3.5, np.inf, 0.0])
    assert np.isnan(r[-1])
    np.testing.assert_array_equal(backend.relu_derivative(x), [0, 0, 0, 1, 1, 1, 0, 0])


def test_tanh(backend):
    x = np.concatenate([X_SPECIAL, RNG.standard_normal(100)])
    np.testing.assert_allclose(backend.tanh(x), np.tanh(x), rtol=4 * ULP, atol=0)


def test_softmax_of_large_logits_is_finite_and_right(backend):
    s = backend.softmax([1000.0, 1001.0, 1002.0])
    e = np.exp([-2.0, -1.0, 0.0])
    np.testing.assert_allclose(s, e / e.sum(), rtol=4 * ULP)
    assert backend.log_softmax([1000.0, 1001.0, 1002.0])[2] == pytest.approx(-np.log(e.sum()), rel=4 * ULP)
    assert backend.logsumexp([1000.0, 1001.0, 1002.0]) == pytest.approx(1002 + np.log(e.sum()), rel=4 * ULP)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2])
def test_softmax_family_against_scipy_on_every_axis(backend, axis):
    x = RNG.standard_normal((3, 4, 5)) * 10
    for name, oracle in (("softmax", special.softmax), ("log_softmax", special.log_softmax), ("logsumexp", special.logsumexp)):
        got = getattr(backend, name)(x, axis=axis)
        want = oracle(x, axis=axis)
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=64 * ULP, atol=64 * ULP * np.max(np.abs(x)))
    np.testing.assert_allclose(backend.softmax(x, axis=axis).sum(axis=axis), 1.0, rtol=16 * ULP)


def test_softmax_family_with_infinities(backend):
    x = np.array([[-np.inf, 0.0, 1.0], [-np.inf, -np.inf, -np.inf], [np.inf, 0.0, 1.0], [np.nan, 0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, oracle in (("softmax", special.softmax), ("log_softmax", special.log_softmax), ("logsumexp", special.logsumexp)):
            np.testing.assert_allclose(getattr(backend, name)(x), oracle(x, axis=-1), rtol=16 * ULP, err_msg=name)


def test_logsumexp_of_a_vector_is_a_float(backend):
    v = backend.logsumexp([1.0, 2.0, 3.0])
    assert type(v) is float and v == pytest.approx(special.logsumexp([1.0, 2.0, 3.0]), rel=4 * ULP)


def test_bad_axis_is_numpys_axis_error(backend):
    with pytest.raises(np.exceptions.AxisError):
        backend.softmax(np.ones((2, 3)), axis=2)
    with pytest.raises(ValueError, match="at least one dimension"):
        backend.logsumexp(3.0)


def test_losses_against_sklearn_and_torch_formulas(backend):
    y = RNG.integers(0, 2, 50).astype(float)
    p = RNG.uniform(0, 1, 50)
    p[:3] = [0.0, 1.0, 0.5]
    assert backend.mse(y, p) == pytest.approx(metrics.mean_squared_error(y, p), rel=16 * ULP)
    assert backend.binary_cross_entropy(y, p) == pytest.approx(metrics.log_loss(y, p, labels=[0, 1]), rel=1e-13)
    z = RNG.standard_normal(50) * 20
    z[:2] = [800.0, -800.0]
    want = np.mean(np.logaddexp(0, z) - y * z)  # log(1 + e^z) - y z: the same loss, another formula
    assert backend.binary_cross_entropy_with_logits(y, z) == pytest.approx(want, rel=1e-13)
    assert np.isfinite(backend.binary_cross_entropy([1.0, 0.0], [0.0, 1.0]))  # clipped, not inf


def test_softmax_cross_entropy(backend):
    logits = RNG.standard_normal((6, 4)) * 5
    labels = np.array([0, 3, 1, 1, 2, 3])
    want = -np.mean(special.log_softmax(logits, axis=1)[np.arange(6), labels])
    assert backend.softmax_cross_entropy(labels, logits) == pytest.approx(want, rel=1e-14)
    assert np.isfinite(backend.softmax_cross_entropy([0], [[1000.0, -1000.0]]))
    with pytest.raises(ValueError, match="label 4 is out of range for 4 classes"):
        backend.softmax_cross_entropy([0, 4, 1, 1, 2, 3], logits)
    with pytest.raises(TypeError, match="labels must be integer class indices"):
        backend.softmax_cross_entropy([0.0, 1.0, 1.0, 1.0, 2.0, 3.0], logits)


@pytest.mark.parametrize(
    "call,exc,fragment",
    [
        (lambda b: b.mse([1.0, 2.0], [1.0]), ValueError, "same shape"),
        (lambda b: b.mse([], []), ValueError, "empty"),
        (lambda b: b.binary_cross_entropy([[1.0]], [1.0]), ValueError, "same shape"),
        (lambda b: b.softmax_cross_entropy([0, 1], [[1.0, 2.0]]), ValueError, "labels must have shape (1,)"),
        (lambda b: b.mlp_forward(np.ones((4, 2)), np.ones((3, 5)), np.ones(5), np.ones((5, 1)), np.ones(1)), ValueError, "W1 must have 2 rows"),
        (lambda b: b.mlp_forward(np.ones((4, 2)), np.ones((2, 5)), np.ones(4), np.ones((5, 1)), np.ones(1)), ValueError, "b1 must have shape (5,) or (1, 5)"),
        (lambda b: b.sigmoid("x"), TypeError, "real numbers"),
    ],
)
def test_bad_inputs_same_errors(go_backend, call, exc, fragment):
    assert_same_error(go_backend, call, exc, fragment)


# ---- the notes' network ---------------------------------------------------

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def network(d=2, h=4, o=1, seed=1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((d, h)), rng.standard_normal(h) * 0.1, rng.standard_normal((h, o)), rng.standard_normal(o) * 0.1


def mean_bce(backend, X, y, W1, b1, W2, b2):
    a2 = backend.mlp_forward(X, W1, b1, W2, b2).a2
    return -np.mean(y * np.log(a2) + (1 - y) * np.log(1 - a2))


def test_forward_is_the_notes_formula(backend):
    X = RNG.standard_normal((7, 3))
    W1, b1, W2, b2 = network(3, 5, 2)
    a1, a2, z1, z2 = backend.mlp_forward(X, W1, b1, W2, b2)
    np.testing.assert_allclose(z1, X @ W1 + b1, rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(a1, special.expit(z1), rtol=1e-14)
    np.testing.assert_allclose(z2, a1 @ W2 + b2, rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(a2, special.expit(z2), rtol=1e-14)
    out = backend.mlp_forward(X, W1, b1.reshape(1, -1), W2, b2.reshape(1, -1))  # the notes' (1, h) biases
    np.testing.assert_allclose(out.a2, a2, rtol=1e-15)


def test_backward_matches_a_numerical_gradient_of_the_loss(backend):
    X = RNG.standard_normal((9, 3))
    y = RNG.integers(0, 2, (9, 2)).astype(float)
    params = list(network(3, 4, 2, seed=5))
    fwd = backend.mlp_forward(X, *params)
    grads = backend.mlp_backward(X, y, fwd.a1, fwd.a2, fwd.z1, fwd.z2, params[0], params[2])
    for k, (p, g) in enumerate(zip(params, grads)):
        assert g.shape == p.shape

        def loss_of(flat, k=k, p=p):
            trial = [q.copy() for q in params]
            trial[k] = flat.reshape(p.shape)
            return mean_bce(backend, X, y, *trial)

        num = backend.gradient(loss_of, p.ravel()).reshape(p.shape)
        np.testing.assert_allclose(g, num, rtol=1e-6, atol=1e-8)


def test_backward_accepts_a_1d_target_for_one_output(backend):
    W1, b1, W2, b2 = network()
    f = backend.mlp_forward(XOR_X, W1, b1, W2, b2)
    g1 = backend.mlp_backward(XOR_X, XOR_Y[:, 0], f.a1, f.a2, f.z1, f.z2, W1, W2)
    g2 = backend.mlp_backward(XOR_X, XOR_Y, f.a1, f.a2, f.z1, f.z2, W1, W2)
    for a, b in zip(g1, g2):
        np.testing.assert_array_equal(a, b)


def test_xor_trains_to_full_accuracy(backend):
    W1, b1, W2, b2 = network(seed=3)
    opt = backend.SGD([W1, b1, W2, b2], lr=2.0)
    res = backend.train_mlp(XOR_X, XOR_Y, W1, b1, W2, b2, opt, epochs=5000)
    assert res.W1 is W1 and res.b2 is b2
    assert res.losses.shape == (5000,) and res.losses[-1] < 0.05 < res.losses[0]
    pred = backend.mlp_forward(XOR_X, W1, b1, W2, b2).a2 > 0.5
    np.testing.assert_array_equal(pred, XOR_Y > 0.5)
    assert opt.steps == 5000


@pytest.mark.parametrize(
    "make,batch",
    [
        (lambda b, ps: b.SGD(ps, lr=0.5, momentum=0.9, nesterov=True), None),
        (lambda b, ps: b.Adam(ps, lr=0.05, amsgrad=True), 3),
        (lambda b, ps: b.AdamW(ps, lr=0.05), None),
        (lambda b, ps: b.RMSprop(ps, lr=0.01, centered=True, momentum=0.5), 2),
        (lambda b, ps: b.Adagrad(ps, lr=0.3, lr_decay=1e-3), None),
    ],
)
def test_training_loss_curves_agree_between_backends(go_backend, make, batch):
    from mlmath import reference

    X = RNG.standard_normal((10, 3))
    y = (X[:, :1] * X[:, 1:2] > 0).astype(float)
    init = network(3, 6, 1, seed=11)
    out = []
    for backend in (reference, go_backend):
        params = [p.copy() for p in init]
        opt = make(backend, params)
        res = backend.train_mlp(X, y, *params, opt, epochs=300, batch_size=batch)
        out.append((res, opt))
    (r, ro), (g, go_) = out
    np.testing.assert_allclose(g.losses, r.losses, rtol=1e-9)
    for a, b in zip(r[:4], g[:4]):
        np.testing.assert_allclose(b, a, rtol=1e-8, atol=1e-10)
    assert ro.steps == go_.steps == 300 * (1 if batch is None else -(-10 // batch))


def test_reference_and_go_optimizers_are_interchangeable(go_backend):
    # A Go optimizer inside the reference loop and a reference one inside the Go loop.
    from mlmath import reference

    curves = []
    for trainer, opt_backend in ((reference, go_backend), (go_backend, reference), (reference, reference)):
        params = list(network(seed=4))
        opt = opt_backend.Adam(params, lr=0.05)
        curves.append(trainer.train_mlp(XOR_X, XOR_Y, *params, opt, epochs=200).losses)
    np.testing.assert_allclose(curves[0], curves[2], rtol=1e-10)
    np.testing.assert_allclose(curves[1], curves[2], rtol=1e-10)


def test_training_callback_sees_each_epoch_and_can_stop(backend):
    params = list(network(seed=6))
    seen = []
    res = backend.train_mlp(XOR_X, XOR_Y, *params, backend.SGD(params, lr=1.0), epochs=100,
                            callback=lambda e, loss: seen.append((e, loss)) or e == 7)
    assert [e for e, _ in seen] == list(range(1, 8))
    np.testing.assert_array_equal([loss for _, loss in seen], res.losses)


def test_training_needs_the_optimizer_over_these_parameters(backend):
    W1, b1, W2, b2 = network()
    other = backend.SGD([W1.copy(), b1, W2, b2], lr=0.1)
    with pytest.raises(ValueError, match=r"built over \[W1, b1, W2, b2\]"):
        backend.train_mlp(XOR_X, XOR_Y, W1, b1, W2, b2, other, epochs=1)
    with pytest.raises(TypeError, match="optimizer must be an mlmath optimizer"):
        backend.train_mlp(XOR_X, XOR_Y, W1, b1, W2, b2, "sgd", epochs=1)


def test_training_exceptions_in_the_callback_propagate(backend):
    params = list(network())
    err = RuntimeError("stop here")

    def cb(epoch, loss):
        if epoch == 3:
            raise err

    opt = backend.SGD(params, lr=0.1)
    with pytest.raises(RuntimeError) as info:
        backend.train_mlp(XOR_X, XOR_Y, *params, opt, epochs=10, callback=cb)
    assert info.value is err
    assert opt.steps == 3


CTRL_C_CHILD = textwrap.dedent(
    """
    import os, signal, sys, threading, time
    import numpy as np
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from mlmath import go
    X = np.random.default_rng(0).standard_normal((256, 8)); y = (X[:, :1] > 0).astype(float)
    rng = np.random.default_rng(1)
    W1, b1, W2, b2 = rng.standard_normal((8, 16)), np.zeros(16), rng.standard_normal((16, 1)), np.zeros(1)
    opt = go.Adam([W1, b1, W2, b2], lr=1e-3)
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
    t = time.perf_counter()
    try:
        go.train_mlp(X, y, W1, b1, W2, b2, opt, epochs=10**7)
    except KeyboardInterrupt:
        print(f"interrupted after {time.perf_counter() - t:.3f} s, {opt.steps} steps", flush=True)
        sys.exit(0)
    sys.exit(1)
    """
)


def test_ctrl_c_stops_go_training(go_backend):
    r = subprocess.run([sys.executable, "-c", CTRL_C_CHILD], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("interrupted after"), r.stdout + r.stderr
    assert int(r.stdout.split(",")[1].split()[0]) > 0  # it counted the epochs Go ran

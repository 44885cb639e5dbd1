package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"mlmath/internal/testdata"
	"testing"
)

func TestCounts(t *testing.T) {
	for _, tc := range []struct {
		name               string
		yTrue, yPred       []int64
		acc, prec, rec, f1 float64
	}{
		// tp 2, fp 1, fn 1, tn 2
		{"mixed", []int64{1, 1, 1, 0, 0, 0}, []int64{1, 1, 0, 1, 0, 0}, 4.0 / 6, 2.0 / 3, 2.0 / 3, 4.0 / 6},
		// tp 1, fp 0, fn 2, tn 1
		{"cautious", []int64{1, 1, 1, 0}, []int64{1, 0, 0, 0}, 2.0 / 4, 1, 1.0 / 3, 2.0 / 4},
		{"perfect", []int64{0, 1, 1, 0}, []int64{0, 1, 1, 0}, 1, 1, 1, 1},
		// No positive predicted: precision 0 (zero_division), recall 0.
		{"no predicted positive", []int64{1, 0, 1}, []int64{0, 0, 0}, 1.0 / 3, 0, 0, 0},
		// No positive at all: precision, recall and F1 are 0/0 -> 0.
		{"no positive", []int64{0, 0}, []int64{0, 0}, 1, 0, 0, 0},
		// Other labels are negatives for the binary metrics.
		{"labels 2", []int64{2, 1, 1}, []int64{1, 2, 1}, 1.0 / 3, 1.0 / 2, 1.0 / 2, 1.0 / 2},
		{"empty", nil, nil, 0, 0, 0, 0},
	} {
		for _, m := range []struct {
			name string
			f    func(a, b []int64) float64
			want float64
		}{
			{"Accuracy", Accuracy, tc.acc}, {"Precision", Precision, tc.prec},
			{"Recall", Recall, tc.rec}, {"F1", F1, tc.f1},
		} {
			if got := m.f(tc.yTrue, tc.yPred); got != m.want {
				t.Errorf("%s: %s = %v, want %v", tc.name, m.name, got, m.want)
			}
		}
	}
	for _, f := range []func(a, b []int64) float64{Accuracy, Precision, Recall, F1} {
		testdata.MustPanic(t, "lengths", ErrShape, func() { f([]int64{1}, []int64{1, 0}) })
	}
}

func TestConfusionMatrix(t *testing.T) {
	for _, tc := range []struct {
		name         string
		yTrue, yPred []int64
		labels, want []int64
	}{
		{"binary", []int64{0, 1, 1, 0, 1}, []int64{0, 1, 0, 1, 1}, []int64{0, 1}, []int64{1, 1, 1, 2}},
		// sklearn's docstring example: labels 0, 1, 2.
		{"three", []int64{2, 0, 2, 2, 0, 1}, []int64{0, 0, 2, 2, 0, 2}, []int64{0, 1, 2}, []int64{2, 0, 0, 0, 0, 1, 1, 0, 2}},
		// A label only predicted, negative labels, sorted.
		{"union", []int64{5, -3, 5}, []int64{5, 7, -3}, []int64{-3, 5, 7}, []int64{0, 0, 1, 1, 1, 0, 0, 0, 0}},
		{"one label", []int64{4, 4}, []int64{4, 4}, []int64{4}, []int64{2}},
		{"empty", nil, nil, []int64{}, []int64{}},
	} {
		n := len(tc.yTrue)
		labels := make([]int64, 2*n)
		dst := make([]int64, 4*n*n)
		for i := range dst {
			dst[i] = -99 // overwritten where counted, kept beyond k·k
		}
		k := ConfusionMatrix(dst, labels, tc.yTrue, tc.yPred)
		if k != len(tc.labels) || fmt.Sprint(labels[:k]) != fmt.Sprint(tc.labels) || fmt.Sprint(dst[:k*k]) != fmt.Sprint(tc.want) {
			t.Errorf("%s: k %d labels %v matrix %v, want %v %v", tc.name, k, labels[:k], dst[:k*k], tc.labels, tc.want)
		}
		if k*k < len(dst) && dst[k*k] != -99 {
			t.Errorf("%s: wrote past k·k", tc.name)
		}
		// nil dst: only k and the labels.
		if k2 := ConfusionMatrix(nil, labels, tc.yTrue, tc.yPred); k2 != k {
			t.Errorf("%s: k = %d without dst, %d with", tc.name, k2, k)
		}
		short := []int64{-7}
		if ConfusionMatrix(short, labels, tc.yTrue, tc.yPred); k > 1 && short[0] != -7 {
			t.Errorf("%s: a too short dst was written", tc.name)
		}
	}
	testdata.MustPanic(t, "lengths", ErrShape, func() { ConfusionMatrix(nil, make([]int64, 4), []int64{1}, []int64{1, 0}) })
	testdata.MustPanic(t, "labels room", ErrShape, func() { ConfusionMatrix(nil, make([]int64, 3), []int64{1, 0}, []int64{1, 0}) })
}

// TestConfusionMatrixRandom: the matrix sums to n, its diagonal to the
// number of hits (Accuracy), and the binary cells are the counts of
// Precision and Recall.
func TestConfusionMatrixRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 1000
	yTrue, yPred := make([]int64, n), make([]int64, n)
	for i := range n {
		yTrue[i], yPred[i] = rng.Int64N(2), rng.Int64N(2)
	}
	labels, dst := make([]int64, 2*n), make([]int64, 4)
	if k := ConfusionMatrix(dst, labels, yTrue, yPred); k != 2 {
		t.Fatalf("k = %d", k)
	}
	tn, fp, fn, tp := dst[0], dst[1], dst[2], dst[3]
	if tn+fp+fn+tp != int64(n) || Accuracy(yTrue, yPred) != float64(tn+tp)/float64(n) ||
		Precision(yTrue, yPred) != float64(tp)/float64(tp+fp) || Recall(yTrue, yPred) != float64(tp)/float64(tp+fn) ||
		F1(yTrue, yPred) != float64(2*tp)/float64(2*tp+fp+fn) {
		t.Errorf("matrix %v disagrees with the metrics", dst)
	}
}

func TestLogLoss(t *testing.T) {
	const eps = 0x1p-52
	clip := func(q float64) float64 { return math.Min(math.Max(q, eps), 1-eps) }
	for _, tc := range []struct {
		name string
		y, p []float64
		want float64
	}{
		{"simple", []float64{1, 0}, []float64{0.8, 0.4}, -(math.Log(0.8) + math.Log(0.6)) / 2},
		// Exact 0 and 1 are clipped: a confident mistake costs -log(eps).
		{"clipped", []float64{1, 0, 1, 0}, []float64{0, 1, 1, 0},
			(-math.Log(eps) - math.Log(eps) - math.Log(clip(1)) - math.Log(clip(1-0))) / 4},
		// sklearn: log_loss([0, 1, 1, 0], [0, 1, .3, .999], labels=[0, 1])
		{"sklearn", []float64{0, 1, 1, 0}, []float64{0, 1, 0.3, 0.999}, 2.027932020827018},
		{"empty", nil, nil, 0},
	} {
		if got := LogLoss(tc.y, tc.p, eps); math.Abs(got-tc.want) > 4*eps*math.Max(1, tc.want) {
			t.Errorf("%s: LogLoss = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := LogLoss([]float64{1}, []float64{math.NaN()}, eps); !math.IsNaN(got) {
		t.Errorf("NaN probability: %v", got)
	}
	// A larger eps clips more.
	if got, want := LogLoss([]float64{1}, []float64{0}, 1e-3), -math.Log(1e-3); math.Abs(got-want) > 1e-15 {
		t.Errorf("eps 1e-3: %v, want %v", got, want)
	}
	// Long input: the pairwise sum against a compensated one.
	rng := rand.New(rand.NewPCG(3, 4))
	n := 100003
	y, p := make([]float64, n), make([]float64, n)
	var sum, comp float64
	for i := range n {
		p[i] = rng.Float64()
		y[i] = float64(rng.IntN(2))
		l := -math.Log(clip(1 - p[i]))
		if y[i] == 1 {
			l = -math.Log(clip(p[i]))
		}
		// Kahan-Babuška summation.
		s := sum + l
		if math.Abs(sum) >= math.Abs(l) {
			comp += (sum - s) + l
		} else {
			comp += (l - s) + sum
		}
		sum = s
	}
	if got, want := LogLoss(y, p, eps), (sum+comp)/float64(n); math.Abs(got-want) > 16*eps*want {
		t.Errorf("n=%d: LogLoss = %v, want %v", n, got, want)
	}
	testdata.MustPanic(t, "lengths", ErrShape, func() { LogLoss([]float64{1}, nil, eps) })
}

// aucPairs is the definition: the fraction of (positive, negative) pairs
// ordered correctly, ties counting one half, O(n²).
func aucPairs(y []int64, s []float64) float64 {
	var u, pairs float64
	for i := range y {
		for j := range y {
			if y[i] == 1 && y[j] == 0 {
				pairs++
				switch {
				case s[i] > s[j]:
					u++
				case s[i] == s[j]:
					u += 0.5
				}
			}
		}
	}
	return u / pairs
}

func TestROCAUC(t *testing.T) {
	for _, tc := range []struct {
		name string
		y    []int64
		s    []float64
		want float64
	}{
		// sklearn's docstring example.
		{"sklearn", []int64{0, 0, 1, 1}, []float64{0.1, 0.4, 0.35, 0.8}, 0.75},
		{"perfect", []int64{0, 1}, []float64{-1, 1}, 1},
		{"reversed", []int64{1, 0}, []float64{-1, 1}, 0},
		{"all tied", []int64{1, 0, 1, 0, 0}, []float64{3, 3, 3, 3, 3}, 0.5},
		{"signed zeros tie", []int64{1, 0}, []float64{0, math.Copysign(0, -1)}, 0.5},
	} {
		got, err := ROCAUC(tc.y, tc.s)
		if err != nil || got != tc.want {
			t.Errorf("%s: ROCAUC = %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{2, 3, 10, 100, 1000} {
		for _, levels := range []int{2, 5, 1 << 30} { // many ties, some, almost none
			y, s := make([]int64, n), make([]float64, n)
			for i := range n {
				y[i] = rng.Int64N(2)
				s[i] = float64(rng.IntN(levels)) + 0.3*float64(y[i])*rng.Float64()
			}
			y[0], y[n-1] = 0, 1
			got, err := ROCAUC(y, s)
			if want := aucPairs(y, s); err != nil || math.Abs(got-want) > 1e-15 {
				t.Errorf("n=%d levels=%d: ROCAUC = %v, %v; want %v", n, levels, got, err, want)
			}
		}
	}
	for _, tc := range []struct {
		name string
		y    []int64
		s    []float64
		want error
	}{
		{"one class", []int64{1, 1}, []float64{0.2, 0.4}, ErrOneClass},
		{"only negatives", []int64{0}, []float64{0.2}, ErrOneClass},
		{"empty", nil, nil, ErrOneClass},
		{"label 2", []int64{0, 2}, []float64{0.2, 0.4}, ErrLabel},
		{"label -1", []int64{-1, 1}, []float64{0.2, 0.4}, ErrLabel},
		{"NaN", []int64{0, 1}, []float64{math.NaN(), 0.4}, ErrNotFinite},
		{"Inf", []int64{0, 1}, []float64{0.1, math.Inf(1)}, ErrNotFinite},
	} {
		if _, err := ROCAUC(tc.y, tc.s); err != tc.want {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
	testdata.MustPanic(t, "lengths", ErrShape, func() { ROCAUC([]int64{0, 1}, []float64{1}) })
}

func ExampleROCAUC() {
	y := []int64{0, 0, 1, 1}
	scores := []float64{0.1, 0.4, 0.35, 0.8}
	auc, err := ROCAUC(y, scores)
	fmt.Println(auc, err)
	// Ties count one half: the positive at 0.4 ties the negative at 0.4.
	auc, _ = ROCAUC(y, []float64{0.1, 0.4, 0.4, 0.8})
	fmt.Println(auc)
	_, err = ROCAUC([]int64{1, 1}, []float64{0.3, 0.6})
	fmt.Println(err)
	// Output:
	// 0.75 <nil>
	// 0.875
	// metrics: only one class is present in y_true; ROC AUC score is not defined in that case
}

func ExampleConfusionMatrix() {
	yTrue := []int64{2, 0, 2, 2, 0, 1}
	yPred := []int64{0, 0, 2, 2, 0, 2}
	labels := make([]int64, len(yTrue)+len(yPred))
	k := ConfusionMatrix(nil, labels, yTrue, yPred) // k first, then the matrix
	m := make([]int64, k*k)
	ConfusionMatrix(m, labels, yTrue, yPred)
	fmt.Println("labels", labels[:k])
	for a := range k {
		fmt.Println(m[a*k : a*k+k])
	}
	// Output:
	// labels [0 1 2]
	// [2 0 0]
	// [0 0 1]
	// [1 0 2]
}

func ExampleF1() {
	yTrue := []int64{1, 1, 1, 0, 0, 0}
	yPred := []int64{1, 1, 0, 1, 0, 0}
	fmt.Printf("accuracy %.4f precision %.4f recall %.4f F1 %.4f\n",
		Accuracy(yTrue, yPred), Precision(yTrue, yPred), Recall(yTrue, yPred), F1(yTrue, yPred))
	// Output:
	// accuracy 0.6667 precision 0.6667 recall 0.6667 F1 0.6667
}

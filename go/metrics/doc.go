// Package metrics holds the classification metrics of mlmath with
// sklearn.metrics semantics: accuracy, precision, recall, F1, the
// confusion matrix, the log-loss and the area under the ROC curve.
//
// Labels are int64. The binary metrics (Precision, Recall, F1, ROCAUC)
// take 1 as the positive class (sklearn's pos_label = 1) and are meant for
// labels 0 and 1; Accuracy and ConfusionMatrix take any labels.
//
// Counts are int64, and a ratio of counts is one float64 division of the
// two counts converted to float64: exactly what sklearn computes from its
// integer counts (to the last bit while the counts are below 2^53).
//
// Conventions, as in the other core packages: slices whose lengths
// disagree are programmer errors and panic with ErrShape; data-dependent
// failures (a single class for ROCAUC) are returned as errors. The
// metrics are defined for n >= 1 samples, which the Python layer checks;
// on empty input the ratios return 0 rather than NaN.
package metrics

package status

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"mlmath/internal/errkind"
)

// Errors like the core packages declare theirs (status imports no topic
// package; capi's tests check the real ones).
var (
	errLength   = errkind.New(errkind.Shape, "vec: slice lengths do not match")
	errOrder    = errkind.New(errkind.Domain, "vec: invalid norm order")
	errSingular = errkind.New(errkind.Singular, "mat: singular matrix")
)

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want Code
	}{
		{nil, OK},
		{ErrArgument, Argument},
		{errLength, Shape},
		{errOrder, Domain},
		{errSingular, Singular},
		{errkind.New(errkind.NotFinite, "x: nan"), NotFinite},
		{errkind.New(errkind.NoConvergence, "x: slow"), NoConvergence},
		{errkind.New(errkind.Kind(0), "x: unkinded"), Panic},
		{ErrBufferTooSmall, BufferTooSmall},
		{ErrCallback, Callback},
		{fmt.Errorf("wrapped: %w", errSingular), Singular},
		{errors.New("something else"), Panic},
	} {
		if got := Of(tc.err); got != tc.want {
			t.Errorf("Of(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestGuardRecoversPanics(t *testing.T) {
	var log bytes.Buffer
	old := Log
	Log = &log
	defer func() { Log = old }()
	for _, tc := range []struct {
		name    string
		fn      func() error
		want    Code
		logged  bool
		message string
	}{
		{"ok", func() error { return nil }, OK, false, ""},
		{"error", func() error { return errSingular }, Singular, false, ""},
		{"shape panic", func() error { panic(errLength) }, Shape, false, ""},
		{"index panic", func() error {
			var s []float64
			i := 3
			return fmt.Errorf("%v", s[i])
		}, Panic, true, "index out of range"},
		{"string panic", func() error { panic("boom") }, Panic, true, "boom"},
		{"nil map write", func() error {
			var m map[int]int
			m[1] = 2
			return nil
		}, Panic, true, "nil map"},
	} {
		log.Reset()
		if got := Guard("mlm_test", tc.fn); got != tc.want {
			t.Errorf("%s: Guard = %d, want %d", tc.name, got, tc.want)
		}
		if logged := log.Len() > 0; logged != tc.logged {
			t.Errorf("%s: logged %q, want logged=%v", tc.name, log.String(), tc.logged)
		}
		if tc.logged && (!strings.Contains(log.String(), "mlm_test") || !strings.Contains(log.String(), tc.message)) {
			t.Errorf("%s: log %q lacks the export name or %q", tc.name, log.String(), tc.message)
		}
	}
}

package errkind

import (
	"errors"
	"fmt"
	"testing"
)

func TestOf(t *testing.T) {
	errShape := New(Shape, "x: shape")
	for _, tc := range []struct {
		err  error
		kind Kind
		ok   bool
	}{
		{nil, 0, false},
		{errors.New("plain"), 0, false},
		{errShape, Shape, true},
		{fmt.Errorf("context: %w", New(Singular, "x: singular")), Singular, true},
	} {
		if k, ok := Of(tc.err); k != tc.kind || ok != tc.ok {
			t.Errorf("Of(%v) = %v, %v; want %v, %v", tc.err, k, ok, tc.kind, tc.ok)
		}
	}
	if !errors.Is(fmt.Errorf("w: %w", errShape), errShape) || errors.Is(New(Shape, "x: shape"), errShape) {
		t.Error("errors.Is must match the sentinel itself, not another error of the same kind and text")
	}
	if errShape.Error() != "x: shape" {
		t.Errorf("Error() = %q", errShape.Error())
	}
}

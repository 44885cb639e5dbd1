package status

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestInternalIsTheFloor checks the module's layering: packages under
// internal/ import no topic package (vec, mat, ...), so the floor stays a
// leaf however many topics are added; and no core package declares an
// error with errors.New, which Of could only map to Panic (they use
// errkind.New).
func TestInternalIsTheFloor(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if src, err := os.ReadFile(path); err != nil {
			return err
		} else if !strings.HasPrefix(rel, "internal/") && !strings.HasPrefix(rel, "capi/") && strings.Contains(string(src), "errors.New(") {
			t.Errorf("%s declares an error with errors.New: use errkind.New so the boundary knows its kind", rel)
		}
		if strings.HasPrefix(rel, "internal/") {
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if strings.HasPrefix(p, "mlmath/") && !strings.HasPrefix(p, "mlmath/internal/") {
					t.Errorf("%s imports the topic package %s: internal/ must stay below the topics", rel, p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

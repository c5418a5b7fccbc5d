// Package shared finds the project's shared test material: ../shared/testdata
// beside the repository root (CI lays shared/ there too). It imports nothing
// of ours, so tests of the pure packages can use it.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Testdata returns the path of ../shared/testdata beside the directory
// holding go.mod, wherever the repository is cloned.
func Testdata(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// Read reads a file under ../shared/testdata.
func Read(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Testdata(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

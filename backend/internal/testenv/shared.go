package testenv

import (
	"path/filepath"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/shared"
)

// Shared returns the path of a file under ../shared/testdata.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	return filepath.Join(shared.Testdata(t), rel)
}

// ReadShared reads a file under ../shared/testdata.
func ReadShared(t testing.TB, rel string) []byte {
	t.Helper()
	return shared.Read(t, rel)
}

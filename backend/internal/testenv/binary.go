package testenv

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
)

// BuildTollgate compiles the tollgate binary into the test's temporary
// directory, for tests that run real api and worker processes (and kill
// them).
func BuildTollgate(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tollgate")
	cmd := exec.Command("go", "build", "-o", bin, "./backend/cmd/tollgate")
	cmd.Dir = fixtures.RepoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build tollgate: %v\n%s", err, out)
	}
	return bin
}

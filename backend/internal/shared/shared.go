// Package shared finds the conformance samples kept outside the repository,
// in ../shared/testdata beside its root. They are an extra check on top of
// the repository's own fixtures (backend/internal/fixtures), never the only
// proof: a clone without that folder skips the check, unless it was asked
// for (make conformance sets TOLLGATE_CONFORMANCE=1), when a missing folder
// fails the test. It imports only fixtures.
package shared

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
)

// Testdata returns the path of ../shared/testdata beside the repository
// root, skipping the test when the folder is not there.
func Testdata(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(filepath.Dir(fixtures.RepoRoot(t)), "shared", "testdata")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if os.Getenv("TOLLGATE_CONFORMANCE") != "" {
			t.Fatalf("the conformance samples are not at %s: put the shared test data beside the repository", dir)
		}
		t.Skipf("no conformance samples at %s: this extra check runs only where they are (make conformance)", dir)
	}
	return dir
}

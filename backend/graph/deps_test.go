package graph_test

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/tollgate/tollgate/"

// The GraphQL layer reaches work queues and events only through the
// domain services: it must not depend, even indirectly, on the task
// handlers (backend/jobs) or on the runtime plumbing (backend/platform).
func TestGraphImportsNeitherJobsNorPlatform(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	forbidden := []string{module + "backend/jobs", module + "backend/platform"}
	// via records how each of our packages was reached, to name the path.
	via := map[string]string{module + "backend/graph": ""}
	queue := []string{module + "backend/graph"}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		for _, f := range forbidden {
			if path == f || strings.HasPrefix(path, f+"/") {
				chain := path
				for p := via[path]; p != ""; p = via[p] {
					chain = p + " → " + chain
				}
				t.Errorf("backend/graph depends on %s: %s", f, chain)
			}
		}
		pkg, err := build.ImportDir(filepath.Join(root, strings.TrimPrefix(path, module)), 0)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			if _, seen := via[imp]; seen || !strings.HasPrefix(imp, module) {
				continue
			}
			via[imp] = path
			queue = append(queue, imp)
		}
	}
	if len(via) < 10 {
		t.Fatalf("only %d packages reached from backend/graph; the walk is broken", len(via))
	}
}

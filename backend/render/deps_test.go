package render

import (
	"go/build"
	"strings"
	"testing"
)

// render stays a leaf: billing and the worker hand it plain documents, so it
// needs neither the database, the queue nor HTTP, and of our own packages at
// most settings and the CSV cell rule.
func TestRenderImportsNoDatabaseQueueOrHTTP(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Imports) < 5 {
		t.Fatalf("only %d imports read; the check is broken", len(pkg.Imports))
	}
	for _, imp := range pkg.Imports {
		switch {
		case strings.HasPrefix(imp, "github.com/tollgate/tollgate/") && imp != "github.com/tollgate/tollgate/backend/settings" && imp != "github.com/tollgate/tollgate/backend/internal/csvcell",
			imp == "database/sql", strings.HasPrefix(imp, "net/http"),
			strings.HasPrefix(imp, "entgo.io/"), strings.HasPrefix(imp, "github.com/hibiken/asynq"),
			strings.HasPrefix(imp, "github.com/redis/"):
			t.Errorf("backend/render imports %s", imp)
		}
	}
}

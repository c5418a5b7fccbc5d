package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/graph"
)

// The query cache holds at most its budget of query text, whatever the
// number of entries, and keeps the most recently used.
func TestQueryCacheIsBoundedBySize(t *testing.T) {
	ctx := context.Background()
	c := newSizedCache[int](1000)
	c.Add(ctx, strings.Repeat("q", 500), 1) // over a tenth of the budget: not kept
	if _, ok := c.Get(ctx, strings.Repeat("q", 500)); ok || c.bytes() != 0 {
		t.Fatalf("a large query was cached (%d bytes)", c.bytes())
	}
	for i := range 50 {
		c.Add(ctx, strings.Repeat(string(rune('a'+i%26)), 90)+string(rune('A'+i/26)), i)
		if _, ok := c.Get(ctx, strings.Repeat("a", 90)+"A"); !ok {
			t.Fatalf("the most used entry was evicted after %d adds", i)
		}
	}
	if c.bytes() > 1000 {
		t.Fatalf("the cache holds %d bytes, over its budget of 1000", c.bytes())
	}
}

// /readyz says what is not ready without driver errors or addresses.
func TestReadyzHidesDriverErrors(t *testing.T) {
	h := Handler(Options{
		Resolver: &graph.Resolver{},
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Ready: func(context.Context) error {
			return errors.New("queue: dial tcp 10.1.2.3:6379: connect: connection refused")
		},
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusServiceUnavailable || strings.Contains(body, "10.1.2.3") || strings.Contains(body, "dial tcp") || !strings.Contains(body, "reference") {
		t.Fatalf("HTTP %d %q", rec.Code, body)
	}
}

package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

// With the SPA, /graphiql is the built GraphiQL page and its assets come
// from the same files; nothing points at a CDN.
func TestGraphiQLIsServedFromTheBuiltSPA(t *testing.T) {
	dist := fstest.MapFS{
		"index.html":           {Data: []byte(`<!doctype html><div id="root"></div>`)},
		"graphiql.html":        {Data: []byte(`<!doctype html><div id="graphiql"></div><script type="module" src="/assets/graphiql-x.js"></script>`)},
		"assets/graphiql-x.js": {Data: []byte(`console.log("graphiql")`)},
	}
	r := http.NewServeMux()
	r.Handle("/graphiql", graphiqlHandler(dist))
	r.Handle("/", spaHandler(dist))
	if code, body := get(t, r, "/graphiql"); code != 200 || !strings.Contains(body, `id="graphiql"`) {
		t.Fatalf("/graphiql: %d %s", code, body)
	}
	if code, body := get(t, r, "/assets/graphiql-x.js"); code != 200 || !strings.Contains(body, "graphiql") {
		t.Fatalf("asset: %d %s", code, body)
	}
}

// Without the SPA (plain go build and go test) the page says how to get it.
func TestGraphiQLWithoutTheSPASaysHowToBuildIt(t *testing.T) {
	for name, dist := range map[string]fs.FS{"no SPA": nil, "an SPA without GraphiQL": fstest.MapFS{"index.html": {Data: []byte("x")}}} {
		t.Run(name, func(t *testing.T) {
			code, body := get(t, graphiqlHandler(dist), "/graphiql")
			if code != 200 || !strings.Contains(body, "built without it") || !strings.Contains(body, "make build") {
				t.Fatalf("%d %s", code, body)
			}
		})
	}
}

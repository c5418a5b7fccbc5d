package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"

	"github.com/tollgate/tollgate/backend/graph"
	"github.com/tollgate/tollgate/backend/graph/generated"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/backend/web"
)

func startEmbedded(t *testing.T, tune func(*platform.Config)) *testenv.Env {
	t.Helper()
	return startIn(t, testenv.Embedded, tune)
}

// startIn starts a Tollgate in mode with its configuration tuned.
func startIn(t *testing.T, mode testenv.Mode, tune func(*platform.Config)) *testenv.Env {
	t.Helper()
	cfg := testenv.Config(t, mode)
	if tune != nil {
		tune(&cfg)
	}
	return testenv.Start(t, cfg)
}

func wantCode(t *testing.T, r testenv.Response, code, say string) {
	t.Helper()
	if len(r.Errors) == 0 {
		t.Fatalf("accepted, want %s saying %q; data %s", code, say, r.Data)
	}
	if e := r.Errors[0]; e.Code() != code || !strings.Contains(e.Message, say) {
		t.Fatalf("got %s %q, want %s saying %q", e.Code(), e.Message, code, say)
	}
}

// Cheap-looking queries that make the database read without bound are
// refused before they run: aliased totals over every call, and lists
// nested back into themselves.
func TestAmplifyingQueriesAreRefused(t *testing.T) {
	env := startEmbedded(t, nil)
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 900 {
		fmt.Fprintf(&aliases, " t%d: callTotals { calls price }", i)
	}
	aliases.WriteString(" }")
	wantCode(t, env.Do(t, aliases.String(), nil), "COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit")

	// Under the complexity limit, but more totals than one query may ask.
	wantCode(t, env.Do(t, `{ a: callTotals { calls } b: callTotals { calls } c: callTotals { calls } d: callTotals { calls } e: callTotals { calls } }`, nil),
		"INVALID", "at most 4 are allowed")
	env.MustDo(t, `{ a: callTotals { calls } b: callTotals { calls } }`, nil, nil)

	nested := `query($id: ID!) { customer(id: $id) { clis { customer { clis { customer { clis { value } } } } } } }`
	wantCode(t, env.Do(t, nested, map[string]any{"id": "1"}), "COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit")

	deep := `query($id: ID!) { customer(id: $id) { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`
	wantCode(t, env.Do(t, deep, map[string]any{"id": "1"}), "INVALID", "levels deep")
}

// A query that runs past the query timeout is stopped and told so.
func TestQueriesRunUnderATimeout(t *testing.T) {
	env := startEmbedded(t, func(c *platform.Config) { c.QueryTimeout = time.Nanosecond })
	wantCode(t, env.Do(t, `{ callTotals { calls } }`, nil), "INVALID", "was stopped")
	// Mutations are not bounded by it.
	env.MustDo(t, `mutation { createCustomer(input: {reference: "T1", name: "Timeless"}) { id } }`, nil, nil)
}

// Every operation the SPA sends stays within the limits.
func TestSPAOperationsFitTheLimits(t *testing.T) {
	src, err := os.ReadFile("../../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	// The documents are the keys of gql.ts's Documents map, as JSON strings.
	var docs []string
	for _, m := range regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"): typeof types\.`).FindAllStringSubmatch(string(src), -1) {
		var d string
		if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if len(docs) < 20 {
		t.Fatalf("found only %d SPA documents in gql.ts", len(docs))
	}
	es := generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{}, Complexity: graph.Complexity(100)})
	doc, errs := gqlparser.LoadQuery(es.Schema(), strings.Join(docs, "\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	limits := graph.OperationLimits{MaxDepth: web.MaxQueryDepth, MaxAggregates: web.MaxAggregates}
	for _, op := range doc.Operations {
		// The SPA asks for pages of up to 100.
		vars := map[string]any{"first": 100}
		if c := complexity.Calculate(context.Background(), es, op, vars); c > 10000 {
			t.Errorf("%s has complexity %d, over the default limit 10000", op.Name, c)
		}
		if err := limits.MutateOperationContext(context.Background(), &graphql.OperationContext{Operation: op}); err != nil {
			t.Errorf("%s: %v", op.Name, err)
		}
	}
}

// A JSON body over the cap is refused without being read whole.
func TestLargeJSONBodiesAreRefused(t *testing.T) {
	env := startEmbedded(t, nil)
	pad := strings.Repeat(" ", 2<<20)
	body := `{"query": "{ viewer { name } }` + pad + `"}`
	res, err := http.Post(env.Server.URL+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r testenv.Response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	wantCode(t, r, "INVALID", "too large")
}

const uploadCdr = `mutation($f: Upload!, $p: ID!) { uploadCdr(input: {providerID: $p, file: $f}) { id } }`

func provider(t *testing.T, env *testenv.Env) string {
	t.Helper()
	var out struct{ CreateProvider struct{ ID string } }
	env.MustDo(t, `mutation { createProvider(input: {name: "Gamma", cdrFormat: ASTERISK}) { id } }`, nil, &out)
	return out.CreateProvider.ID
}

func countUploads(t *testing.T, env *testenv.Env) int {
	t.Helper()
	var out struct{ CdrUploads struct{ TotalCount int } }
	env.MustDo(t, `{ cdrUploads { totalCount } }`, nil, &out)
	return out.CdrUploads.TotalCount
}

// multipartBody is a whole GraphQL multipart request uploading content.
func multipartBody(t *testing.T, providerID string, content []byte) (string, []byte) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": uploadCdr, "variables": map[string]any{"f": nil, "p": providerID}})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0": ["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", "calls.csv")
	_, _ = fw.Write(content)
	_ = mw.Close()
	return mw.FormDataContentType(), body.Bytes()
}

// rawPost sends body with the given Content-Length over a bare connection
// and keeps the connection open, as a client that stalls would; it returns
// the response and how long it took.
func rawPost(t *testing.T, env *testenv.Env, contentType string, body []byte, length int) (testenv.Response, int, time.Duration) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(env.Server.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, length)
	_, _ = conn.Write(body)
	_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response after %s: %v", time.Since(start), err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var r testenv.Response
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("HTTP %d %q: %v", res.StatusCode, b, err)
	}
	return r, res.StatusCode, time.Since(start)
}

// A short body announced with a long Content-Length ends with an error once
// the body stops arriving; it never hangs and never creates an upload.
func TestStalledUploadsEndWithAnError(t *testing.T) {
	env := startEmbedded(t, func(c *platform.Config) { c.BodyTimeout = time.Second })
	p := provider(t, env)
	ct, body := multipartBody(t, p, []byte("some,calls\n"))

	// The whole multipart message, but the length announces more.
	r, _, took := rawPost(t, env, ct, body, len(body)+1<<20)
	wantCode(t, r, "INVALID", "nothing was stored")
	if took > 10*time.Second {
		t.Fatalf("the stalled request took %s", took)
	}
	// Half of it, and then nothing.
	r, _, _ = rawPost(t, env, ct, body[:len(body)/2], len(body))
	wantCode(t, r, "INVALID", "stopped arriving")
	if n := countUploads(t, env); n != 0 {
		t.Fatalf("a cut-off request created %d uploads", n)
	}
}

// A multipart request without its closing boundary, or over the upload
// cap, is answered with extensions.code.
func TestBrokenAndOversizedUploadsAreRefusedWithACode(t *testing.T) {
	env := startEmbedded(t, func(c *platform.Config) { c.MaxUploadBytes = 64 << 10 })
	p := provider(t, env)
	ct, body := multipartBody(t, p, []byte("some,calls\n"))
	cut := body[:bytes.LastIndex(body, []byte("--"+strings.TrimPrefix(ct, "multipart/form-data; boundary=")))]
	r, _, _ := rawPost(t, env, ct, cut, len(cut))
	wantCode(t, r, "INVALID", "closing boundary")

	ct, body = multipartBody(t, p, bytes.Repeat([]byte("x"), 100<<10))
	r, status, _ := rawPost(t, env, ct, body, len(body))
	wantCode(t, r, "INVALID", "larger than")
	if status != http.StatusRequestEntityTooLarge {
		t.Fatalf("HTTP %d", status)
	}
	// Without a length, the cap trips while reading.
	res, err := http.Post(env.Server.URL+"/graphql", ct, io.MultiReader(bytes.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var rr testenv.Response
	_ = json.NewDecoder(res.Body).Decode(&rr)
	wantCode(t, rr, "INVALID", "larger than")
	if n := countUploads(t, env); n != 0 {
		t.Fatalf("refused requests created %d uploads", n)
	}
}

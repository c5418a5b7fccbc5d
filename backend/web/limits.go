package web

import (
	"bytes"
	"container/list"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/graph"
)

// uploads is the multipart transport under the limits.
func uploads(l Limits) multipartForm {
	// gqlgen's own cap sits above ours, so that ours, which explains
	// itself, is the one that trips.
	return multipartForm{inner: transport.MultipartForm{MaxUploadSize: l.MaxUploadBytes + 1<<20, MaxMemory: 8 << 20}, limits: l}
}

// useLimits adds the cost limits of an operation: complexity (with
// graph.Complexity's weights), depth and aggregates, run time, and caches
// bounded by size.
func useLimits(srv *handler.Server, maxComplexity int, l Limits) {
	if maxComplexity <= 0 {
		maxComplexity = 10000
	}
	srv.SetQueryCache(newSizedCache[*ast.QueryDocument](l.QueryCacheBytes))
	srv.Use(extension.AutomaticPersistedQuery{Cache: newSizedCache[string](l.QueryCacheBytes / 4)})
	srv.Use(extension.FixedComplexityLimit(maxComplexity))
	srv.Use(graph.OperationLimits{MaxDepth: MaxQueryDepth, MaxAggregates: MaxAggregates})
	srv.Use(graph.QueryTimeout(l.QueryTimeout))
}

// MaxQueryDepth and MaxAggregates bound an operation's shape (see
// graph.OperationLimits): the SPA's deepest query nests 6 levels.
const (
	MaxQueryDepth = 10
	MaxAggregates = 4
)

// Limits bound what one request may cost the server.
type Limits struct {
	// MaxRequestBytes caps a request body that is not a file upload
	// (a GraphQL operation in JSON).
	MaxRequestBytes int64
	// MaxUploadBytes caps a multipart upload (CDR files can be large).
	MaxUploadBytes int64
	// BodyTimeout is how long a small body may take to arrive, and how long
	// an upload may send nothing before it is given up.
	BodyTimeout time.Duration
	// QueryTimeout bounds how long a GraphQL query runs.
	QueryTimeout time.Duration
	// QueryCacheBytes bounds the parsed queries kept for reuse, by the size
	// of their text.
	QueryCacheBytes int
}

// DefaultLimits are the limits when Options gives none.
var DefaultLimits = Limits{
	MaxRequestBytes: 1 << 20,
	MaxUploadBytes:  2 << 30,
	BodyTimeout:     60 * time.Second,
	QueryTimeout:    30 * time.Second,
	QueryCacheBytes: 8 << 20,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxRequestBytes > 0 {
		d.MaxRequestBytes = l.MaxRequestBytes
	}
	if l.MaxUploadBytes > 0 {
		d.MaxUploadBytes = l.MaxUploadBytes
	}
	if l.BodyTimeout > 0 {
		d.BodyTimeout = l.BodyTimeout
	}
	if l.QueryTimeout > 0 {
		d.QueryTimeout = l.QueryTimeout
	}
	if l.QueryCacheBytes > 0 {
		d.QueryCacheBytes = l.QueryCacheBytes
	}
	return d
}

// ServerTimeouts sets the timeouts that hold for every connection. A whole
// request's read and write cannot be bounded here (an upload of a large
// CDR file takes minutes, a subscription lives for hours): the handlers
// set their own deadlines through http.ResponseController.
func ServerTimeouts(srv *http.Server) {
	srv.ReadHeaderTimeout = 10 * time.Second
	srv.IdleTimeout = 2 * time.Minute
	srv.MaxHeaderBytes = 1 << 20
}

func isMultipart(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "multipart/form-data"
}

// limitBodies caps and times the body of every request but WebSocket
// upgrades (a hijacked connection keeps any deadline set on it). A small
// body must arrive whole within BodyTimeout; an upload may take as long as
// it needs but must not stall for longer than that.
func limitBodies(l Limits) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Upgrade") != "" {
				next.ServeHTTP(w, r)
				return
			}
			rc := http.NewResponseController(w)
			var over func() bool
			if isMultipart(r) {
				sr := &stallReader{r: r.Body, rc: rc, idle: l.BodyTimeout, max: l.MaxUploadBytes}
				r.Body, over = sr, func() bool { return r.ContentLength > l.MaxUploadBytes || errors.Is(sr.err, errTooLarge) }
			} else {
				_ = rc.SetReadDeadline(time.Now().Add(l.BodyTimeout))
				lb := &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, l.MaxRequestBytes)}
				r.Body, over = lb, func() bool { return lb.over }
			}
			next.ServeHTTP(w, r)
			if over() {
				_ = audit.Record(r.Context(), audit.Entry{Action: "refused:too-large", Outcome: string(apperr.Invalid),
					Message: fmt.Sprintf("a %s %s request of %d bytes, over the limit", r.Method, r.URL.Path, r.ContentLength)})
			}
		})
	}
}

// stallReader moves the connection's read deadline on before every read,
// so an upload that keeps sending is never cut off and one that stops is.
// It remembers why reading ended early, for the error message.
// Past max bytes it fails with errTooLarge.
type stallReader struct {
	r    io.ReadCloser
	rc   *http.ResponseController
	idle time.Duration
	max  int64
	read int64
	err  error
}

var errTooLarge = errors.New("the upload is too large")

// limitedBody notes when a request body ran past its limit, for the audit log.
type limitedBody struct {
	io.ReadCloser
	over bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		b.over = true
	}
	return n, err
}

func (s *stallReader) Read(p []byte) (int, error) {
	if s.read > s.max {
		return 0, errTooLarge
	}
	_ = s.rc.SetReadDeadline(time.Now().Add(s.idle))
	n, err := s.r.Read(p)
	s.read += int64(n)
	if err == nil && s.read > s.max {
		err = errTooLarge
	}
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

func (s *stallReader) Close() error { return s.r.Close() }

// multipartForm is gqlgen's multipart transport with Tollgate's limits and
// error codes: its own refusals carry no extensions.code, and it runs the
// operation as soon as the last file part ends, before the body has been
// read to the length the client announced.
type multipartForm struct {
	inner  transport.MultipartForm
	limits Limits
}

func (f multipartForm) Supports(r *http.Request) bool { return f.inner.Supports(r) }

func (f multipartForm) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if r.ContentLength > f.limits.MaxUploadBytes {
		writeRefusal(w, http.StatusRequestEntityTooLarge, f.tooLarge())
		return
	}
	sr, _ := r.Body.(*stallReader)
	if r.ContentLength < 0 {
		// gqlgen keeps a file of a request shorter than MaxMemory in
		// memory, and takes an unknown length (chunked) for a short one:
		// have such a file spooled to disk like any large one.
		r.ContentLength = min(f.inner.MaxMemory, f.inner.MaxUploadSize)
	}
	cw := &codedErrors{ResponseWriter: w, explain: func() string { return f.explain(sr) }}
	f.inner.Do(cw, r, wholeBody{GraphExecutor: exec, r: r, explain: func() string { return f.explain(sr) }})
	cw.flush()
}

func (f multipartForm) tooLarge() string {
	return fmt.Sprintf("the upload is larger than the %d MiB this server accepts (TOLLGATE_MAX_UPLOAD_BYTES); nothing was stored", f.limits.MaxUploadBytes>>20)
}

// explain turns why the body ended early into a sentence for the clerk.
func (f multipartForm) explain(sr *stallReader) string {
	switch {
	case sr == nil || sr.err == nil:
		return "the upload is not a complete multipart request (a part or the closing boundary is missing); send the file again; nothing was stored"
	case errors.Is(sr.err, errTooLarge):
		return f.tooLarge()
	case errors.Is(sr.err, os.ErrDeadlineExceeded):
		return fmt.Sprintf("the upload stopped arriving for %s and was given up; send the file again; nothing was stored", f.limits.BodyTimeout)
	default:
		return "the upload was cut off before it was complete; send the file again; nothing was stored"
	}
}

// wholeBody checks, before the operation runs, that the request's body
// ends where the multipart message ends: bytes still announced but never
// sent mean the request was cut short, and nothing is stored.
type wholeBody struct {
	graphql.GraphExecutor
	r       *http.Request
	explain func() string
}

func (e wholeBody) CreateOperationContext(ctx context.Context, p *graphql.RawParams) (*graphql.OperationContext, gqlerror.List) {
	// An epilogue after the closing boundary is allowed, if short.
	n, err := io.Copy(io.Discard, io.LimitReader(e.r.Body, 4<<10+1))
	if err != nil || n > 4<<10 {
		msg := e.explain()
		if err == nil {
			msg = "the request goes on after its last part; send the file again; nothing was stored"
		}
		return nil, gqlerror.List{{Message: msg, Extensions: map[string]any{"code": string(apperr.Invalid)}}}
	}
	return e.GraphExecutor.CreateOperationContext(ctx, p)
}

// codedErrors holds back an error response the transport writes itself
// (status 400 and above, bypassing the error presenter) and writes it again
// with extensions.code and a message saying what to do.
type codedErrors struct {
	http.ResponseWriter
	explain func() string
	status  int
	held    bytes.Buffer
}

func (c *codedErrors) WriteHeader(status int) {
	if status >= 400 && c.status == 0 {
		c.status = status
		return
	}
	c.ResponseWriter.WriteHeader(status)
}

func (c *codedErrors) Write(b []byte) (int, error) {
	if c.status != 0 {
		return c.held.Write(b)
	}
	return c.ResponseWriter.Write(b)
}

func (c *codedErrors) Unwrap() http.ResponseWriter { return c.ResponseWriter }

func (c *codedErrors) flush() {
	if c.status == 0 {
		return
	}
	var resp graphql.Response
	if err := json.Unmarshal(c.held.Bytes(), &resp); err != nil || len(resp.Errors) == 0 {
		writeRefusal(c.ResponseWriter, c.status, c.explain())
		return
	}
	for _, e := range resp.Errors {
		if e.Extensions == nil || e.Extensions["code"] == nil {
			e.Message = c.explain() + " (" + e.Message + ")"
			e.Extensions = map[string]any{"code": string(apperr.Invalid)}
		}
	}
	b, _ := json.Marshal(resp)
	c.ResponseWriter.WriteHeader(c.status)
	_, _ = c.ResponseWriter.Write(b)
}

// writeRefusal answers a request refused before GraphQL ran.
func writeRefusal(w http.ResponseWriter, status int, msg string) {
	writeCoded(w, status, string(apperr.Invalid), msg)
}

// sizedCache is an LRU cache bounded by the bytes of its keys (query
// texts), not by a count: a thousand entries of megabyte-sized queries
// would otherwise stay pinned. A key larger than a tenth of the budget is
// not kept at all.
type sizedCache[T any] struct {
	mu     sync.Mutex
	budget int
	used   int
	order  *list.List // front: most recently used
	items  map[string]*list.Element
}

type cacheEntry[T any] struct {
	key   string
	value T
}

func newSizedCache[T any](budget int) *sizedCache[T] {
	return &sizedCache[T]{budget: budget, order: list.New(), items: map[string]*list.Element{}}
}

func (c *sizedCache[T]) Get(_ context.Context, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.order.MoveToFront(el)
		return el.Value.(*cacheEntry[T]).value, true
	}
	var zero T
	return zero, false
}

func (c *sizedCache[T]) Add(_ context.Context, key string, value T) {
	if len(key) > c.budget/10 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*cacheEntry[T]).value = value
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry[T]{key: key, value: value})
	c.used += len(key)
	for c.used > c.budget {
		el := c.order.Back()
		e := el.Value.(*cacheEntry[T])
		c.order.Remove(el)
		delete(c.items, e.key)
		c.used -= len(e.key)
	}
}

// bytes reports the size of what the cache holds, for tests.
func (c *sizedCache[T]) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

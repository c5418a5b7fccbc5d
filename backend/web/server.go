// Package web assembles Tollgate's HTTP server: the GraphQL endpoint (HTTP
// and WebSocket), GraphiQL, health checks and the embedded SPA.
package web

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/tokens"
	"github.com/tollgate/tollgate/backend/graph"
	"github.com/tollgate/tollgate/backend/graph/generated"
	"github.com/tollgate/tollgate/ent"
)

// Options configures the server.
type Options struct {
	Resolver      *graph.Resolver
	Client        *ent.Client
	Log           *slog.Logger
	MaxComplexity int
	// DevViewer gives every request the development-only staff viewer until
	// sign-in exists (but never one that presents an API token).
	DevViewer bool
	// Tokens checks API tokens sent as Authorization: Bearer.
	Tokens *tokens.Service
	// Sessions signs people in with a session cookie; nil when the server
	// does not (TOLLGATE_AUTH dev or none).
	Sessions *session.Service
	// PublicURL is where people reach the server; https makes the session
	// cookie Secure.
	PublicURL string
	// RecheckEvery is how often an open WebSocket's session or token is
	// checked again, so that its subscriptions end with it (default 10 s).
	RecheckEvery time.Duration
	// ForgotPassword emails a reset link to the account of an email, if
	// any (POST /auth/forgot).
	ForgotPassword func(ctx context.Context, email string) error
	// RegisterPortalUser emails a portal activation link when reference
	// and number are a customer's reference and one of its invoices' numbers
	// (POST /auth/register); nil when customers may not register themselves.
	RegisterPortalUser func(ctx context.Context, reference string, number int64, email string, o session.Origin) error
	// Audit records mutations, sign-ins and refusals.
	Audit *audit.Log
	// RateLimits bound requests per IP and per token; a zero rate is no
	// limit.
	RateLimits RateLimits
	// SPA is the built front end; nil serves a page saying how to build it.
	SPA fs.FS
	// Ready reports whether the database and queue answer.
	Ready func(context.Context) error
	// Downloads mounts file downloads (rate sheets, statements) on the router.
	Downloads func(chi.Router)
	// Limits bound request bodies, uploads and query run time; zero
	// fields take DefaultLimits.
	Limits Limits
}

// Handler returns the HTTP handler of the whole server.
func Handler(o Options) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, requestLog(o.Log), middleware.Recoverer)
	g := newGuard(o)
	r.Use(securityHeaders, g.middleware)
	g.authRoutes(r)

	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	r.Get("/readyz", readyHandler(o))

	gql := GraphQL(o)
	r.Handle("/graphql", limitBodies(o.Limits.withDefaults())(gql))
	r.Get("/graphiql", graphiqlHandler(o.SPA))
	if o.Downloads != nil {
		o.Downloads(r)
	}
	r.NotFound(spaHandler(o.SPA))
	return r
}

// GraphQL returns the GraphQL handler: POST, GET, multipart uploads and
// graphql-transport-ws subscriptions. Mutations open their own transactions
// (a file upload must not hold one while it streams).
func GraphQL(o Options) http.Handler {
	limits := o.Limits.withDefaults()
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: o.Resolver, Complexity: graph.Complexity(o.Resolver.MaxPageSize)}))
	srv.AddTransport(transport.Websocket{KeepAlivePingInterval: 10 * time.Second})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.AddTransport(uploads(limits))
	useLimits(srv, o.MaxComplexity, limits)
	srv.Use(graph.Authorize{})
	srv.Use(graph.AuditMutations{Log: o.Audit})
	srv.Use(graph.CallRates{})
	srv.Use(extension.Introspection{})
	srv.SetErrorPresenter(graph.ErrorPresenter(o.Log))
	return srv
}

// readyHandler answers /readyz. What failed is logged with a reference;
// the answer names only the reference, not addresses or driver errors.
func readyHandler(o Options) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), 3*time.Second)
		defer cancel()
		if o.Ready != nil {
			if err := o.Ready(ctx); err != nil {
				ref := apperr.Reference()
				o.Log.ErrorContext(ctx, "not ready", "ref", ref, "err", err)
				http.Error(w, "not ready: the database or the queue does not answer (reference "+ref+" in the log)", http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	}
}

func requestLog(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
			next.ServeHTTP(ww, r)
			if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
				return
			}
			log.Info("http", "method", r.Method, "path", r.URL.Path, "status", ww.Status(),
				"bytes", ww.BytesWritten(), "took", time.Since(start), "request_id", middleware.GetReqID(r.Context()))
		})
	}
}

// graphiqlHandler serves GraphiQL, which is built with the SPA (its second
// page, graphiql.html) so that every asset comes from this binary and the
// page opens with no internet. Without the SPA it says how to get it.
func graphiqlHandler(dist fs.FS) http.HandlerFunc {
	var page []byte
	if dist != nil {
		page, _ = fs.ReadFile(dist, "graphiql.html")
	}
	if page == nil {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(`<!doctype html><title>Tollgate GraphiQL</title><p>GraphiQL is built with the SPA, and this binary was built without it. Run <code>make build</code>, or send queries to <code>/graphql</code> (POST or GET, WebSocket for subscriptions).</p>`))
		}
	}
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(page)
	}
}

// spaHandler serves the built SPA: real files as they are (hashed assets
// cached for a year), any other path gets index.html so client-side routes
// survive a reload.
func spaHandler(dist fs.FS) http.HandlerFunc {
	if dist == nil {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(`<!doctype html><title>Tollgate</title><p>This binary was built without the SPA. Run <code>make build</code>, or use the API at <code>/graphql</code>.</p>`))
		}
	}
	files := http.FileServer(http.FS(dist))
	return func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p != "" {
			if st, err := fs.Stat(dist, p); err == nil && !st.IsDir() {
				if strings.HasPrefix(p, "assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				files.ServeHTTP(w, r)
				return
			}
			if strings.HasPrefix(p, "assets/") || path.Ext(p) != "" {
				http.NotFound(w, r)
				return
			}
		}
		index, err := fs.ReadFile(dist, "index.html")
		if err != nil {
			http.Error(w, "the SPA has no index.html", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(index)
	}
}

package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/tokens"
	"github.com/tollgate/tollgate/backend/auth/viewer"
)

// guard works out who a request is and whether it may go on: it puts the
// audit log and the request's origin in the context, applies the per-IP
// limit, reads a Bearer token (a request that presents one is that token
// or is refused, and never falls back to the development viewer), gives the
// development viewer when the server runs with it, and applies the
// per-token limit. Tokens are not ambient credentials (a browser never
// sends one by itself), so a request with a token needs no CSRF check.
type guard struct {
	tokens   *tokens.Service
	sessions *session.Service
	secure   bool // the session cookie is Secure (the public URL is https)
	audit    *audit.Log
	log      *slog.Logger
	dev      bool
	perIP    *keyedLimiter
	perTok   *keyedLimiter
	limited  func(path string) bool
	// recheckEvery is how often an open WebSocket's credential is checked.
	recheckEvery time.Duration
	forgot       func(ctx context.Context, email string) error
	register     func(ctx context.Context, reference string, number int64, email string, o session.Origin) error
}

func newGuard(o Options) *guard {
	rl := o.RateLimits
	g := &guard{tokens: o.Tokens, sessions: o.Sessions, audit: o.Audit, log: o.Log, dev: o.DevViewer, limited: limitedPath,
		secure: strings.HasPrefix(o.PublicURL, "https://"), recheckEvery: o.RecheckEvery, forgot: o.ForgotPassword,
		register: o.RegisterPortalUser}
	if g.recheckEvery <= 0 {
		g.recheckEvery = 10 * time.Second
	}
	if rl.PerIP.PerSecond > 0 {
		g.perIP = newKeyedLimiter(rl.PerIP, rl.MaxKeys, rl.Idle)
	}
	if rl.PerToken.PerSecond > 0 {
		g.perTok = newKeyedLimiter(rl.PerToken, rl.MaxKeys, rl.Idle)
	}
	return g
}

// limitedPath says which requests count against the rate limits: the API,
// GraphiQL and downloads, not the SPA's static files (a page load fetches
// dozens) nor the health checks.
func limitedPath(p string) bool {
	return p == "/graphql" || p == "/graphiql" || strings.HasPrefix(p, "/download/") || strings.HasPrefix(p, "/auth/")
}

// needsViewer says which paths answer nobody who has not signed in: the
// API and the downloads (the SPA's files and the sign-in routes are for
// everyone).
func needsViewer(p string) bool {
	return p == "/graphql" || strings.HasPrefix(p, "/download/")
}

// HasBearer reports whether a request authenticates with an API token.
func HasBearer(r *http.Request) bool { return r.Header.Get("Authorization") != "" }

func (g *guard) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		ip := clientIP(r)
		if g.audit != nil {
			ctx = audit.NewContext(ctx, g.audit, audit.Origin{IP: ip, UserAgent: r.UserAgent()})
			r = r.WithContext(ctx)
		}
		limited := g.limited(r.URL.Path)
		if limited && g.perIP != nil {
			if ok, wait, report := g.perIP.allow(ip); !ok {
				if report {
					_ = audit.Record(ctx, audit.Entry{Action: "refused:rate-limit", Outcome: codeRateLimited,
						Message: "too many requests from address " + ip + " (further refusals in the next minute are not recorded)"})
				}
				tooMany(w, wait, "your address")
				return
			}
		}
		// recheck says whether the credential still holds; a WebSocket
		// asks it every so often, so that a subscription ends with its
		// session or token.
		var recheck func(context.Context) error
		if auth := r.Header.Get("Authorization"); auth != "" {
			v, ok := g.bearer(w, r, auth)
			if !ok {
				return
			}
			recheck = func(ctx context.Context) error {
				_, secret, _ := strings.Cut(auth, " ")
				_, err := g.tokens.Authenticate(ctx, strings.TrimSpace(secret))
				return err
			}
			ctx = viewer.NewContext(ctx, v)
			r = r.WithContext(ctx)
			if limited && g.perTok != nil {
				if ok, wait, report := g.perTok.allow(tokenKey(v)); !ok {
					if report {
						_ = audit.Record(ctx, audit.Entry{Action: "refused:rate-limit", Outcome: codeRateLimited,
							Message: "too many requests with this token (further refusals in the next minute are not recorded)"})
					}
					tooMany(w, wait, "this API token")
					return
				}
			}
		} else if c, err := r.Cookie(SessionCookie); err == nil && g.sessions != nil && c.Value != "" && limited {
			// Only where a viewer counts (the API, downloads, /auth): the
			// SPA's files go out without a database read per asset.
			var ok bool
			if r, ok = g.fromCookie(w, r, c); !ok {
				return
			}
			if _, signed := viewer.FromContext(r.Context()); signed {
				recheck = func(ctx context.Context) error {
					_, err := g.sessions.Authenticate(ctx, c.Value)
					return err
				}
			}
		} else if g.dev {
			r = r.WithContext(viewer.NewContext(ctx, viewer.DevStaff()))
		}
		if _, ok := viewer.FromContext(r.Context()); !ok && g.sessions != nil && needsViewer(r.URL.Path) {
			writeCoded(w, http.StatusUnauthorized, string(apperr.Unauthenticated),
				"sign in first: open Tollgate's page and sign in, or send an API token as 'Authorization: Bearer tg_…'")
			return
		}
		if recheck != nil && r.Header.Get("Upgrade") != "" {
			ctx, cancel := context.WithCancel(r.Context())
			defer cancel()
			ctx = transport.AppendCloseReason(ctx, "your session or API token has ended (signed out, revoked or expired); sign in again")
			r = r.WithContext(ctx)
			go g.watch(ctx, cancel, recheck)
		}
		next.ServeHTTP(w, r)
	})
}

// watch re-checks an open WebSocket's credential every recheckEvery and
// ends the connection (cancel) once it is refused: a revoked token or an
// ended session stops its subscriptions within that time.
func (g *guard) watch(ctx context.Context, cancel context.CancelFunc, recheck func(context.Context) error) {
	t := time.NewTicker(g.recheckEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := recheck(ctx)
		if ctx.Err() != nil {
			return
		}
		_, sessionOver := session.IsRefused(err)
		_, tokenOver := tokens.IsRefusal(err)
		if sessionOver || tokenOver {
			_ = audit.Record(ctx, audit.Entry{Action: "refused:subscription", Outcome: string(apperr.Unauthenticated),
				Message: "a subscription ended with its credential: " + err.Error()})
			cancel()
			return
		}
	}
}

func tokenKey(v viewer.Viewer) string { return "token:" + strconv.Itoa(v.TokenID) }

// clientIP is the request's address without its port (middleware.RealIP
// has already put a proxy's X-Forwarded-For or X-Real-IP there).
func clientIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// bearer checks the Authorization header; on refusal it has answered 401.
func (g *guard) bearer(w http.ResponseWriter, r *http.Request, auth string) (viewer.Viewer, bool) {
	ctx := r.Context()
	scheme, secret, _ := strings.Cut(auth, " ")
	refuse := func(reason, msg string) (viewer.Viewer, bool) {
		_ = audit.Record(ctx, audit.Entry{Action: "refused:token-" + reason, Outcome: string(apperr.Unauthenticated), Message: msg})
		w.Header().Set("WWW-Authenticate", `Bearer realm="tollgate", error="invalid_token"`)
		writeCoded(w, http.StatusUnauthorized, string(apperr.Unauthenticated), msg)
		return viewer.Viewer{}, false
	}
	if !strings.EqualFold(scheme, "Bearer") {
		return refuse("malformed", "send the API token as 'Authorization: Bearer tg_…'; other kinds of Authorization are not accepted")
	}
	if g.tokens == nil {
		return refuse("unavailable", "this server does not accept API tokens")
	}
	v, err := g.tokens.Authenticate(ctx, strings.TrimSpace(secret))
	if rf, ok := tokens.IsRefusal(err); ok {
		if rf.TokenID != 0 {
			ctx = viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindToken, TokenID: rf.TokenID, Name: "token " + rf.Name})
		}
		return refuse(rf.Reason, rf.Message)
	}
	if err != nil {
		ref := apperr.Reference()
		g.log.ErrorContext(ctx, "check an API token", "ref", ref, "err", err)
		writeCoded(w, http.StatusInternalServerError, string(apperr.Internal), "the API token could not be checked (reference "+ref+" in the log); try again")
		return viewer.Viewer{}, false
	}
	return v, true
}

// writeCoded answers a request refused before GraphQL ran, in GraphQL's
// error shape with extensions.code.
func writeCoded(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	b, _ := json.Marshal(graphql.Response{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}})
	_, _ = w.Write(b)
}

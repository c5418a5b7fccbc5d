package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/viewer"
)

// The session cookie: HTTP-only (no script reads it), SameSite=Lax (no
// other site's form or fetch carries it on a POST), Secure when the
// public URL is https. The page proves it is ours on every state-changing
// request with the CSRF header, whose value only GET /auth/session tells.
const (
	SessionCookie = "tollgate_session"
	CSRFHeader    = "X-CSRF-Token"
)

// unsafeMethod reports whether a request may change something, and so
// needs the CSRF header when a cookie signs it in.
func unsafeMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// sameOrigin reports whether a browser's request comes from a page of
// this server: its Origin (or, failing that, Referer) names this host. A
// request with neither (curl, a server-side client) carries no cookie a
// browser was tricked into sending, and passes.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		o = r.Header.Get("Referer")
	}
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

// fromCookie signs a request in with its session cookie. It answers (and
// returns false) only to refuse a cross-site or CSRF-less change; a
// session that is over leaves the request anonymous and clears the cookie.
func (g *guard) fromCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) (*http.Request, bool) {
	ctx := r.Context()
	v, err := g.sessions.Authenticate(ctx, c.Value)
	if rf, ok := session.IsRefused(err); ok {
		// Over: the request goes on as nobody, and the browser forgets it
		// (so this is recorded once per browser, not per request).
		_ = audit.Record(ctx, audit.Entry{Action: "refused:session", Outcome: string(apperr.Unauthenticated), Message: rf.Message})
		g.clearCookie(w)
		return r, true
	}
	if err != nil {
		ref := apperr.Reference()
		g.log.ErrorContext(ctx, "check a session", "ref", ref, "err", err)
		writeCoded(w, http.StatusInternalServerError, string(apperr.Internal), "your session could not be checked (reference "+ref+" in the log); try again")
		return r, false
	}
	ctx = viewer.NewContext(ctx, v)
	r = r.WithContext(ctx)
	if r.Header.Get("Upgrade") != "" && !sameOrigin(r) {
		_ = audit.Record(ctx, audit.Entry{Action: "refused:cross-origin", Outcome: string(apperr.Forbidden),
			Message: "a WebSocket opened from " + r.Header.Get("Origin") + " with this server's session cookie"})
		writeCoded(w, http.StatusForbidden, string(apperr.Forbidden), "subscriptions open only from Tollgate's own pages")
		return r, false
	}
	if unsafeMethod(r.Method) && r.Header.Get(CSRFHeader) != session.CSRFToken(c.Value) {
		_ = audit.Record(ctx, audit.Entry{Action: "refused:csrf", Outcome: string(apperr.Forbidden),
			Message: r.Method + " " + r.URL.Path + " without this session's " + CSRFHeader + " header (origin " + r.Header.Get("Origin") + ")"})
		writeCoded(w, http.StatusForbidden, string(apperr.Forbidden),
			"this change did not come with the page's "+CSRFHeader+" header, so it was refused in case another site sent it; reload Tollgate's page and try again (API clients send an API token instead of a cookie)")
		return r, false
	}
	return r, true
}

func (g *guard) setCookie(w http.ResponseWriter, secret string, exp time.Time) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: secret, Path: "/", Expires: exp,
		HttpOnly: true, Secure: g.secure, SameSite: http.SameSiteLaxMode})
}

func (g *guard) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: g.secure, SameSite: http.SameSiteLaxMode})
}

// sessionState is GET /auth/session's answer: who is signed in, the CSRF
// token their page must send, and how this server signs people in.
type sessionState struct {
	// Mode is "session" (sign-in), "dev" (everyone is a development
	// admin) or "none".
	Mode      string       `json:"mode"`
	SignedIn  bool         `json:"signedIn"`
	User      *sessionUser `json:"user,omitempty"`
	CSRFToken string       `json:"csrfToken,omitempty"`
	// PortalRegistration says customers may sign themselves up to the
	// portal with a reference and an invoice number.
	PortalRegistration bool `json:"portalRegistration,omitempty"`
	// NoUsersYet says the first admin is still to be set up (with the
	// link `tollgate serve` printed).
	NoUsersYet bool `json:"noUsersYet,omitempty"`
}

type sessionUser struct {
	Email       string `json:"email"`
	Kind        string `json:"kind"`
	Role        string `json:"role,omitempty"`
	Development bool   `json:"development,omitempty"`
}

func (g *guard) mode() string {
	switch {
	case g.sessions != nil:
		return "session"
	case g.dev:
		return "dev"
	}
	return "none"
}

func userOf(v viewer.Viewer) *sessionUser {
	k := "STAFF"
	if v.Kind == viewer.KindPortal {
		k = "PORTAL"
	}
	return &sessionUser{Email: v.Name, Kind: k, Role: string(v.Role), Development: v.Dev}
}

// authRoutes mounts sign-in, sign-out, the session's state and the
// one-time links under /auth.
func (g *guard) authRoutes(r chi.Router) {
	r.Get("/auth/session", g.handleState)
	r.Post("/auth/sign-in", g.handleSignIn)
	r.Post("/auth/sign-out", g.handleSignOut)
	r.Get("/auth/link", g.handleDescribeLink)
	r.Post("/auth/link", g.handleUseLink)
	r.Post("/auth/forgot", g.handleForgot)
	r.Post("/auth/register", g.handleRegister)
}

// handleRegister signs a customer's person up to its portal: when the
// reference and invoice number are a customer's, an activation link goes
// to the email. The answer is the same whether they matched or not; only
// repeated misses are told to wait.
func (g *guard) handleRegister(w http.ResponseWriter, r *http.Request) {
	var in struct{ Email, Reference, InvoiceNumber string }
	if !g.pageForm(w, r, g.register != nil, "customers cannot register themselves here: ask your provider for an invitation", &in) {
		return
	}
	e, err := session.NormalizeEmail(in.Email)
	if err != nil {
		g.refuse(w, r, err)
		return
	}
	number, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(in.InvoiceNumber), "#"), 10, 64)
	if err != nil || number < 1 {
		g.refuse(w, r, apperr.Field(apperr.Invalid, "invoiceNumber", "an invoice number is a whole number, as printed on the invoice"))
		return
	}
	if strings.TrimSpace(in.Reference) == "" {
		g.refuse(w, r, apperr.Field(apperr.Invalid, "reference", "enter your customer reference, as printed on your invoices"))
		return
	}
	err = g.register(r.Context(), in.Reference, number, e, originOf(r))
	_ = audit.Record(r.Context(), audit.Entry{Action: "portalRegistrationRequested", Outcome: outcomeOf(err), Who: e,
		Message: "reference " + strings.TrimSpace(in.Reference) + ", invoice " + strconv.FormatInt(number, 10)})
	if rf, ok := session.IsRefused(err); ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(rf.RetryAfter.Seconds()+0.999)))
		writeCoded(w, http.StatusTooManyRequests, string(rf.Code), rf.Message)
		return
	}
	if err != nil {
		g.refuse(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"message": "If the reference and invoice number are your company's, an email with an activation link (valid for 7 days) is on its way to " + e + ". Check your spam folder if it does not arrive."})
}

// pageForm reads the JSON form of one of Tollgate's own signed-out pages
// into dst; a form that is switched off or posted from another site is
// refused with refusal.
func (g *guard) pageForm(w http.ResponseWriter, r *http.Request, enabled bool, refusal string, dst any) bool {
	if !g.needSessions(w) {
		return false
	}
	if !sameOrigin(r) || !enabled {
		writeCoded(w, http.StatusForbidden, string(apperr.Forbidden), refusal)
		return false
	}
	return readForm(w, r, dst)
}

func outcomeOf(err error) string {
	if rf, ok := session.IsRefused(err); ok {
		return string(rf.Code)
	}
	if err != nil {
		return "ERROR"
	}
	return "OK"
}

// handleForgot emails a reset link to the account of an email, if there
// is one; the answer is the same whether or not there is.
func (g *guard) handleForgot(w http.ResponseWriter, r *http.Request) {
	var in struct{ Email string }
	if !g.pageForm(w, r, g.forgot != nil, "ask for a reset link on Tollgate's own sign-in page", &in) {
		return
	}
	e, err := session.NormalizeEmail(in.Email)
	if err != nil {
		g.refuse(w, r, err)
		return
	}
	_ = audit.Record(r.Context(), audit.Entry{Action: "passwordResetRequested", Outcome: "OK", Who: e})
	// Sent after the answer, so that it takes as long whether or not the
	// account exists; a failure is in the log.
	ctx := context.WithoutCancel(r.Context())
	go func() {
		if err := g.forgot(ctx, e); err != nil {
			ref := apperr.Reference()
			g.log.ErrorContext(ctx, "send a password reset email", "ref", ref, "err", err)
		}
	}()
	writeJSON(w, http.StatusOK, map[string]string{"message": "If " + e + " has an account, an email with a reset link (valid for an hour) is on its way. Check your spam folder if it does not arrive."})
}

func (g *guard) handleState(w http.ResponseWriter, r *http.Request) {
	st := sessionState{Mode: g.mode(), PortalRegistration: g.register != nil && g.sessions != nil}
	if v, ok := viewer.FromContext(r.Context()); ok && (v.Kind == viewer.KindStaff || v.Kind == viewer.KindPortal) {
		st.SignedIn, st.User = true, userOf(v)
		if c, err := r.Cookie(SessionCookie); err == nil && g.sessions != nil && !v.Dev {
			st.CSRFToken = session.CSRFToken(c.Value)
		}
	}
	if g.sessions != nil && !st.SignedIn {
		if has, err := g.sessions.HasUsers(r.Context()); err == nil && !has {
			st.NoUsersYet = true
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, st)
}

// readForm decodes a JSON body into dst; sign-in takes JSON only, which a
// cross-site form cannot send without the browser asking first.
func readForm(w http.ResponseWriter, r *http.Request, dst any) bool {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		writeCoded(w, http.StatusUnsupportedMediaType, string(apperr.Invalid), "send the form as JSON (Content-Type: application/json)")
		return false
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10)).Decode(dst); err != nil {
		writeCoded(w, http.StatusBadRequest, string(apperr.Invalid), "the form could not be read as JSON: "+err.Error())
		return false
	}
	return true
}

func (g *guard) needSessions(w http.ResponseWriter) bool {
	if g.sessions == nil {
		writeCoded(w, http.StatusNotFound, string(apperr.NotFound), "this server does not sign people in (TOLLGATE_AUTH is "+g.mode()+"); run it with TOLLGATE_AUTH=session")
		return false
	}
	return true
}

func originOf(r *http.Request) session.Origin {
	return session.Origin{IP: clientIP(r), UserAgent: r.UserAgent()}
}

func (g *guard) handleSignIn(w http.ResponseWriter, r *http.Request) {
	if !g.needSessions(w) {
		return
	}
	ctx := r.Context()
	if !sameOrigin(r) {
		_ = audit.Record(ctx, audit.Entry{Action: "refused:cross-origin", Outcome: string(apperr.Forbidden), Message: "a sign-in posted from " + r.Header.Get("Origin")})
		writeCoded(w, http.StatusForbidden, string(apperr.Forbidden), "sign in on Tollgate's own sign-in page")
		return
	}
	var in struct{ Email, Password string }
	if !readForm(w, r, &in) {
		return
	}
	signed, err := g.sessions.SignIn(ctx, in.Email, in.Password, originOf(r))
	if rf, ok := session.IsRefused(err); ok {
		_ = audit.Record(ctx, audit.Entry{Action: "refused:signIn", Outcome: string(rf.Code), Message: rf.Message, Who: rf.Email})
		status := http.StatusUnauthorized
		if rf.RetryAfter > 0 {
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(int(rf.RetryAfter.Seconds()+0.999)))
		}
		writeCoded(w, status, string(rf.Code), rf.Message)
		return
	}
	if err != nil {
		g.refuse(w, r, err)
		return
	}
	g.signedIn(w, r, signed, "signIn")
}

func (g *guard) signedIn(w http.ResponseWriter, r *http.Request, signed session.Signed, action string) {
	ctx := viewer.NewContext(r.Context(), signed.Viewer)
	_ = audit.Record(ctx, audit.Entry{Action: action, Outcome: "OK"})
	g.setCookie(w, signed.Secret, signed.ExpiresAt)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, sessionState{Mode: g.mode(), SignedIn: true, User: userOf(signed.Viewer), CSRFToken: session.CSRFToken(signed.Secret)})
}

func (g *guard) handleSignOut(w http.ResponseWriter, r *http.Request) {
	if !g.needSessions(w) {
		return
	}
	if c, err := r.Cookie(SessionCookie); err == nil {
		if err := g.sessions.SignOut(r.Context(), c.Value); err != nil {
			g.refuse(w, r, err)
			return
		}
		if _, ok := viewer.FromContext(r.Context()); ok {
			_ = audit.Record(r.Context(), audit.Entry{Action: "signOut", Outcome: "OK"})
		}
	}
	g.clearCookie(w)
	writeJSON(w, http.StatusOK, sessionState{Mode: g.mode()})
}

func (g *guard) handleDescribeLink(w http.ResponseWriter, r *http.Request) {
	if !g.needSessions(w) {
		return
	}
	l, err := g.sessions.Describe(r.Context(), r.URL.Query().Get("secret"))
	if err != nil {
		g.refuse(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"purpose": string(l.Purpose), "email": l.Email, "expiresAt": l.Expires})
}

func (g *guard) handleUseLink(w http.ResponseWriter, r *http.Request) {
	if !g.needSessions(w) {
		return
	}
	if !sameOrigin(r) {
		writeCoded(w, http.StatusForbidden, string(apperr.Forbidden), "open the link in Tollgate's own page")
		return
	}
	var in struct{ Secret, Email, Password string }
	if !readForm(w, r, &in) {
		return
	}
	signed, err := g.sessions.UseLink(r.Context(), in.Secret, in.Email, in.Password, originOf(r))
	if err != nil {
		g.refuse(w, r, err)
		return
	}
	g.signedIn(w, r, signed, "useLink")
}

// refuse answers err as the API would: its code and field in GraphQL's
// error shape, with the status apperr gives the code; anything else is
// logged with a reference and answered as internal.
func (g *guard) refuse(w http.ResponseWriter, r *http.Request, err error) {
	c := apperr.Report(r.Context(), g.log, err, "path", r.URL.Path)
	ext := map[string]any{"code": string(c.Code)}
	if c.Field != "" {
		ext["field"] = c.Field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(c.Status())
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{"message": c.Message, "extensions": ext}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

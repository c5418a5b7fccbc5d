// Package audit writes and reads the audit log: every mutation, every
// sign-in attempt and every refused request, with who, when, what and from
// where. Entries are only added; the Ent schema refuses any change or
// deletion. Nothing secret is written: the ids a request names, never its
// passwords, tokens or files.
package audit

import (
	"context"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/auditentry"
)

// OK is the outcome of what succeeded; anything else is an error code.
const OK = "OK"

// Entry is one thing to record. Who and from where come from the context
// (the viewer, and the Origin the HTTP layer put there).
type Entry struct {
	// Action is what was done: the mutation's fields ("createCustomer"),
	// "signIn", "signOut", or "refused:<why>" for a refused request.
	Action string
	// Operation is the GraphQL operation's name, if any.
	Operation string
	// IDs are the ids the request names.
	IDs []string
	// Outcome is OK or an error code (FORBIDDEN, RATE_LIMITED...).
	Outcome string
	// Message says what went wrong; empty when nothing did.
	Message string
	// Who overrides the viewer's name (a sign-in attempt names the email
	// tried, before anyone is signed in).
	Who string
}

// Origin is where a request came from.
type Origin struct {
	IP        string
	UserAgent string
}

// Log writes entries to the database.
type Log struct {
	Client *ent.Client
	Log    *slog.Logger
}

type ctxKey struct{}

type bound struct {
	log    *Log
	origin Origin
}

// NewContext returns ctx with the log to write to and the request's origin,
// so that audit.Record works anywhere below the HTTP layer.
func NewContext(ctx context.Context, l *Log, o Origin) context.Context {
	return context.WithValue(ctx, ctxKey{}, bound{log: l, origin: o})
}

// OriginFrom returns the request's origin NewContext stored, if any.
func OriginFrom(ctx context.Context) Origin {
	b, _ := ctx.Value(ctxKey{}).(bound)
	return b.origin
}

// Record writes e through the log the context carries; without one (a
// test, a command-line tool) it does nothing and says so in the result.
func Record(ctx context.Context, e Entry) error {
	b, ok := ctx.Value(ctxKey{}).(bound)
	if !ok || b.log == nil {
		return errNoLog
	}
	return b.log.Record(ctx, b.origin, e)
}

var errNoLog = apperr.New(apperr.Internal, "no audit log in this context")

// Record writes one entry, acting as the system: the viewer's own rights
// do not matter (an anonymous refusal is recorded too). It outlives a
// cancelled request. A failure is logged and returned; callers decide
// whether it stops them.
func (l *Log) Record(ctx context.Context, o Origin, e Entry) error {
	v, signedIn := viewer.FromContext(ctx)
	c := l.Client.AuditEntry.Create().
		SetAt(time.Now().UTC()).
		SetViewerKind(kindOf(v, signedIn)).
		SetWho(clip(firstOf(e.Who, v.Name), 255)).
		SetAction(clip(e.Action, 255)).
		SetOperation(clip(e.Operation, 255)).
		SetIds(clip(strings.Join(e.IDs, ","), 1024)).
		SetIP(clip(o.IP, 64)).
		SetUserAgent(clip(o.UserAgent, 512)).
		SetOutcome(clip(firstOf(e.Outcome, OK), 64)).
		SetMessage(clip(e.Message, 1024))
	if v.UserID != 0 {
		c.SetUserID(v.UserID)
	}
	if v.TokenID != 0 {
		c.SetTokenID(v.TokenID)
	}
	sys := viewer.System(context.WithoutCancel(ctx))
	sys, cancel := context.WithTimeout(sys, 5*time.Second)
	defer cancel()
	if err := c.Exec(sys); err != nil {
		if l.Log != nil {
			l.Log.ErrorContext(ctx, "audit entry not written", "action", e.Action, "who", v.Name, "err", err)
		}
		return err
	}
	return nil
}

func kindOf(v viewer.Viewer, signedIn bool) auditentry.ViewerKind {
	if !signedIn {
		return auditentry.ViewerKindAnonymous
	}
	switch v.Kind {
	case viewer.KindStaff:
		return auditentry.ViewerKindStaff
	case viewer.KindPortal:
		if v.TokenID != 0 {
			return auditentry.ViewerKindToken
		}
		return auditentry.ViewerKindPortal
	case viewer.KindToken:
		return auditentry.ViewerKindToken
	case viewer.KindSystem:
		return auditentry.ViewerKindSystem
	}
	return auditentry.ViewerKindAnonymous
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

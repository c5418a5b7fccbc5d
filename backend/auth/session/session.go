// Package session signs people in: staff (and, later, portal users) with
// an email and a password, kept in a browser by a session cookie.
//
// A session's secret is 256 random bits; the cookie holds it and the
// database only its SHA-256, so a copy of the database signs no one in.
// Failed sign-ins are counted per email and per address: five lock that
// key for a minute, and each further failure doubles the wait up to an
// hour. One-time links (the first admin's set-up, an invitation, a
// password reset) are used with one guarded update, so a link works once
// however many tabs submit it.
package session

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/secret"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/authlink"
	"github.com/tollgate/tollgate/ent/customer"
	entsession "github.com/tollgate/tollgate/ent/session"
	"github.com/tollgate/tollgate/ent/signinthrottle"
	"github.com/tollgate/tollgate/ent/user"
)

// Defaults of a Service's limits.
const (
	DefaultIdle    = 12 * time.Hour     // a session unused this long ends
	DefaultMaxAge  = 7 * 24 * time.Hour // a session ends this long after sign-in whatever
	DefaultLinkTTL = 24 * time.Hour     // an invitation or set-up link's life
	ResetLinkTTL   = time.Hour          // a password reset link's life
	// TouchEvery is how stale last_seen_at may be before a request
	// updates it: one write a minute per session, not one per request.
	TouchEvery = time.Minute
	// FreeFailures is how many failed sign-ins a key has before it is
	// locked; LockFirst the first lock, doubled for each further failure
	// up to LockMax.
	FreeFailures = 5
	LockFirst    = time.Minute
	LockMax      = time.Hour
)

// Service signs people in and out and checks sessions.
type Service struct {
	Client *ent.Client
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Idle, MaxAge and LinkTTL default to the constants above.
	Idle, MaxAge, LinkTTL time.Duration
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Origin is where a sign-in comes from, for the lock-out and the record.
type Origin struct {
	IP        string
	UserAgent string
}

// Signed is a new session: the secret goes in the cookie, once.
type Signed struct {
	Secret    string
	Viewer    viewer.Viewer
	ExpiresAt time.Time
}

// Hash is the stored form of a secret.
func Hash(s string) string { return secret.Hash(s) }

func newSecret() (string, error) { return secret.New("") }

// CSRFToken is the token a page must send back with every state-changing
// request of this session: derived from the session's secret, so only a
// page that was told it (by GET /auth/session, same-origin) knows it, and
// it dies with the session.
func CSRFToken(secret string) string {
	h := sha256.Sum256([]byte("csrf\x00" + secret))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

// NormalizeEmail trims and lower-cases an address and says what is wrong
// with it, if anything.
func NormalizeEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	if e == "" {
		return "", apperr.Field(apperr.Invalid, "email", "give an email address")
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || !strings.Contains(e, "@") || len(e) > 255 {
		return "", apperr.Field(apperr.Invalid, "email", "%q is not an email address such as clerk@example.com", strings.TrimSpace(email))
	}
	return e, nil
}

// Refused is a sign-in or session that was not accepted; Message is for
// the person at the sign-in page. Email is the address tried, for the
// audit log.
type Refused struct {
	Code       apperr.Code
	Message    string
	RetryAfter time.Duration // set when locked out
	Email      string
}

func (r *Refused) Error() string { return r.Message }

// IsRefused reports whether err is a *Refused.
func IsRefused(err error) (*Refused, bool) {
	var r *Refused
	ok := errors.As(err, &r)
	return r, ok
}

// wrongCredentials is the one answer for an unknown email, a wrong
// password, a disabled account or one with no password yet: a guesser
// learns nothing about which accounts exist.
const wrongCredentials = "the email address or the password is not right; check both, or ask an admin to send you a password reset link"

// SignIn checks an email and password and opens a session.
func (s *Service) SignIn(ctx context.Context, email, password string, o Origin) (Signed, error) {
	sys := viewer.System(ctx)
	e := strings.ToLower(strings.TrimSpace(email))
	keys := []string{"email:" + e}
	if o.IP != "" {
		keys = append(keys, "ip:"+o.IP)
	}
	if wait, err := s.lockedFor(sys, keys); err != nil {
		return Signed{}, err
	} else if wait > 0 {
		return Signed{}, &Refused{Code: "RATE_LIMITED", RetryAfter: wait, Email: e,
			Message: fmt.Sprintf("too many failed sign-ins for this account or from this address: try again in %s, or ask an admin for a password reset link", roundWait(wait))}
	}
	u, err := family(s.Client.User.Query().Where(user.Email(e))).Only(sys)
	if err != nil && !ent.IsNotFound(err) {
		return Signed{}, err
	}
	hash := dummyHash()
	if u != nil && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	ok := VerifyPassword(hash, password)
	if u == nil || u.Disabled || u.PasswordHash == "" || !ok {
		if err := s.fail(sys, keys); err != nil {
			return Signed{}, err
		}
		return Signed{}, &Refused{Code: apperr.Unauthenticated, Message: wrongCredentials, Email: e}
	}
	if _, err := s.Client.SignInThrottle.Delete().Where(signinthrottle.KeyIn(keys...)).Exec(sys); err != nil {
		return Signed{}, err
	}
	if err := s.Client.User.UpdateOneID(u.ID).SetLastSignInAt(s.now()).Exec(sys); err != nil {
		return Signed{}, err
	}
	return s.open(sys, s.Client, u, o)
}

func roundWait(d time.Duration) string {
	if d <= time.Minute {
		return "a minute"
	}
	return fmt.Sprintf("%d minutes", int((d+time.Minute-1)/time.Minute))
}

// lockedFor returns how long the longest lock among keys still runs.
func (s *Service) lockedFor(ctx context.Context, keys []string) (time.Duration, error) {
	ts, err := s.Client.SignInThrottle.Query().Where(signinthrottle.KeyIn(keys...), signinthrottle.LockedUntilGT(s.now())).All(ctx)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	for _, t := range ts {
		wait = max(wait, t.LockedUntil.Sub(s.now()))
	}
	return wait, nil
}

// fail counts a failed sign-in against every key (one atomic upsert
// each) and locks the keys that have used up their free failures.
func (s *Service) fail(ctx context.Context, keys []string) error {
	for _, k := range keys {
		err := s.Client.SignInThrottle.Create().SetKey(k).SetFailures(1).
			OnConflictColumns(signinthrottle.FieldKey).AddFailures(1).UpdateUpdatedAt().Exec(ctx)
		if err != nil {
			return err
		}
		t, err := s.Client.SignInThrottle.Query().Where(signinthrottle.Key(k)).Only(ctx)
		if err != nil {
			return err
		}
		if t.Failures < FreeFailures {
			continue
		}
		lock := LockFirst << min(t.Failures-FreeFailures, 10)
		if lock > LockMax {
			lock = LockMax
		}
		if err := s.Client.SignInThrottle.UpdateOneID(t.ID).SetLockedUntil(s.now().Add(lock)).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// open makes a session for u.
func (s *Service) open(ctx context.Context, c *ent.Client, u *ent.User, o Origin) (Signed, error) {
	secret, err := newSecret()
	if err != nil {
		return Signed{}, err
	}
	now := s.now()
	exp := now.Add(orDefault(s.MaxAge, DefaultMaxAge))
	ua := o.UserAgent
	if len(ua) > 255 {
		ua = ua[:255]
	}
	if err := c.Session.Create().SetUserID(u.ID).SetSecretHash(Hash(secret)).SetLastSeenAt(now).
		SetExpiresAt(exp).SetIP(o.IP).SetUserAgent(ua).Exec(ctx); err != nil {
		return Signed{}, err
	}
	return Signed{Secret: secret, Viewer: viewerOf(u), ExpiresAt: exp}, nil
}

// family loads a portal user's customer and its children's ids with q,
// which viewerOf makes the viewer's customer set.
func family(q *ent.UserQuery) *ent.UserQuery {
	return q.WithCustomer(func(c *ent.CustomerQuery) {
		c.WithChildren(func(ch *ent.CustomerQuery) { ch.Select(customer.FieldID) })
	})
}

func viewerOf(u *ent.User) viewer.Viewer {
	v := viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.Role(u.Role), UserID: u.ID, Name: u.Email}
	if u.Kind == user.KindPortal {
		v.Kind = viewer.KindPortal
		v.Role = ""
		if c, err := u.Edges.CustomerOrErr(); err == nil {
			v.CustomerID = c.ID
			children := make([]int, 0, len(c.Edges.Children))
			for _, ch := range c.Edges.Children {
				children = append(children, ch.ID)
			}
			v.Customers = viewer.Family(c.ID, children)
		}
	}
	return v
}

// Authenticate returns the viewer of a session cookie's secret, or a
// *Refused saying why the session is over.
func (s *Service) Authenticate(ctx context.Context, secret string) (viewer.Viewer, error) {
	sys := viewer.System(ctx)
	over := func(why string) (viewer.Viewer, error) {
		return viewer.Viewer{}, &Refused{Code: apperr.Unauthenticated, Message: "your session " + why + "; sign in again"}
	}
	if secret == "" || len(secret) > 64 {
		return over("is not known")
	}
	se, err := s.Client.Session.Query().Where(entsession.SecretHash(Hash(secret))).
		WithUser(func(q *ent.UserQuery) { family(q) }).Only(sys)
	if ent.IsNotFound(err) {
		return over("is not known (it may have ended on another server's restart of the database)")
	}
	if err != nil {
		return viewer.Viewer{}, err
	}
	now := s.now()
	switch u := se.Edges.User; {
	case se.RevokedAt != nil:
		return over("was ended (signed out, or an admin changed the account)")
	case !now.Before(se.ExpiresAt):
		return over("has reached its limit of " + orDefault(s.MaxAge, DefaultMaxAge).String())
	case now.Sub(se.LastSeenAt) >= orDefault(s.Idle, DefaultIdle):
		return over("ended after " + orDefault(s.Idle, DefaultIdle).String() + " unused")
	case u == nil || u.Disabled:
		return over("belongs to an account that is disabled")
	}
	if now.Sub(se.LastSeenAt) >= TouchEvery {
		if err := s.Client.Session.UpdateOneID(se.ID).SetLastSeenAt(now).Exec(sys); err != nil {
			return viewer.Viewer{}, err
		}
	}
	return viewerOf(se.Edges.User), nil
}

// SignOut ends the session of secret; ending one already over is no
// error (signing out twice is what a second tab does).
func (s *Service) SignOut(ctx context.Context, secret string) error {
	_, err := s.Client.Session.Update().
		Where(entsession.SecretHash(Hash(secret)), entsession.RevokedAtIsNil()).
		SetRevokedAt(s.now()).Save(viewer.System(ctx))
	return err
}

// EndSessionsOf ends every open session of a user (disabled, role or
// password changed).
func (s *Service) EndSessionsOf(ctx context.Context, userID int) error {
	_, err := s.Client.Session.Update().
		Where(entsession.HasUserWith(user.ID(userID)), entsession.RevokedAtIsNil()).
		SetRevokedAt(s.now()).Save(viewer.System(ctx))
	return err
}

// HasUsers reports whether anyone can sign in yet.
func (s *Service) HasUsers(ctx context.Context) (bool, error) {
	return s.Client.User.Query().Where(user.KindEQ(user.KindStaff)).Exist(viewer.System(ctx))
}

// SetupLink makes the one-time link with which the first admin chooses an
// email and a password; it is refused once any staff user exists.
func (s *Service) SetupLink(ctx context.Context) (secret string, expires time.Time, err error) {
	sys := viewer.System(ctx)
	if ok, err := s.HasUsers(ctx); err != nil {
		return "", time.Time{}, err
	} else if ok {
		return "", time.Time{}, apperr.New(apperr.Conflict, "Tollgate has users already; an admin invites more from Users, or run `tollgate user create`")
	}
	return s.link(sys, authlink.PurposeSetup, nil, orDefault(s.LinkTTL, DefaultLinkTTL))
}

func (s *Service) link(ctx context.Context, p authlink.Purpose, userID *int, ttl time.Duration) (string, time.Time, error) {
	secret, err := newSecret()
	if err != nil {
		return "", time.Time{}, err
	}
	exp := s.now().Add(ttl)
	c := s.Client.AuthLink.Create().SetPurpose(p).SetSecretHash(Hash(secret)).SetExpiresAt(exp)
	if userID != nil {
		c.SetUserID(*userID)
	}
	if err := c.Exec(ctx); err != nil {
		return "", time.Time{}, err
	}
	return secret, exp, nil
}

// CreateStaff makes a staff user with no password yet and returns the
// one-time link with which they choose one. An email in use is refused.
func (s *Service) CreateStaff(ctx context.Context, email string, role viewer.Role) (*ent.User, string, time.Time, error) {
	if _, err := requireAdmin(ctx, "create users"); err != nil {
		return nil, "", time.Time{}, err
	}
	e, err := NormalizeEmail(email)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	if err := user.RoleValidator(user.Role(role)); err != nil {
		return nil, "", time.Time{}, apperr.Field(apperr.Invalid, "role", "the role %q is not ADMIN, BILLING or READONLY", role)
	}
	return s.invite(ctx, s.Client.User.Create().SetEmail(e).SetKind(user.KindStaff).SetRole(user.Role(role)),
		orDefault(s.LinkTTL, DefaultLinkTTL), "send them a password reset link instead")
}

// invite saves a new user with no password yet, refusing an email in use
// (and saying what to do instead), and makes its one-time invitation link.
func (s *Service) invite(ctx context.Context, c *ent.UserCreate, ttl time.Duration, instead string) (*ent.User, string, time.Time, error) {
	sys := viewer.System(ctx)
	e, _ := c.Mutation().Email()
	if taken, err := s.Client.User.Query().Where(user.Email(e)).Exist(sys); err != nil {
		return nil, "", time.Time{}, err
	} else if taken {
		return nil, "", time.Time{}, apperr.Field(apperr.Conflict, "email", "%s has an account already; %s", e, instead)
	}
	u, err := c.Save(sys)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	secret, exp, err := s.link(sys, authlink.PurposeInvite, &u.ID, ttl)
	return u, secret, exp, err
}

// ResetLink makes a password reset link for the account of email; the
// user is nil (and no link made) when there is no such account.
func (s *Service) ResetLink(ctx context.Context, email string) (*ent.User, string, time.Time, error) {
	sys := viewer.System(ctx)
	e := strings.ToLower(strings.TrimSpace(email))
	u, err := s.Client.User.Query().Where(user.Email(e), user.Disabled(false)).Only(sys)
	if ent.IsNotFound(err) {
		return nil, "", time.Time{}, nil
	}
	if err != nil {
		return nil, "", time.Time{}, err
	}
	secret, exp, err := s.link(sys, authlink.PurposeReset, &u.ID, ResetLinkTTL)
	return u, secret, exp, err
}

// Link is what the page behind a one-time link shows before it is used.
type Link struct {
	Purpose authlink.Purpose
	Email   string // empty for the set-up link: the first admin gives one
	Expires time.Time
}

func linkGone(why string) error {
	return apperr.New(apperr.NotFound, "this link %s; ask an admin for a new one (or, for the first admin, restart `tollgate serve`, which prints a new set-up link while Tollgate has no users)", why)
}

// Describe says what a link is for, or why it no longer works.
func (s *Service) Describe(ctx context.Context, secret string) (Link, error) {
	l, err := s.find(viewer.System(ctx), secret)
	if err != nil {
		return Link{}, err
	}
	out := Link{Purpose: l.Purpose, Expires: l.ExpiresAt}
	if u := l.Edges.User; u != nil {
		out.Email = u.Email
	}
	return out, nil
}

func (s *Service) find(ctx context.Context, secret string) (*ent.AuthLink, error) {
	if secret == "" || len(secret) > 64 {
		return nil, linkGone("is not complete: copy the whole link")
	}
	l, err := s.Client.AuthLink.Query().Where(authlink.SecretHash(Hash(secret))).WithUser().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, linkGone("is not known: copy the whole link")
	}
	if err != nil {
		return nil, err
	}
	switch {
	case l.UsedAt != nil:
		return nil, linkGone("was used already, on " + l.UsedAt.UTC().Format("2 Jan 2006 15:04 UTC"))
	case !s.now().Before(l.ExpiresAt):
		return nil, linkGone("expired on " + l.ExpiresAt.UTC().Format("2 Jan 2006 15:04 UTC"))
	}
	return l, nil
}

// UseLink sets the password (and, for the set-up link, the first admin's
// email) and signs the person in. The link is spent by one guarded
// update inside the same transaction as the password, so two tabs
// submitting one link give one account and one error, never half of each.
func (s *Service) UseLink(ctx context.Context, secret, email, password string, o Origin) (Signed, error) {
	sys := viewer.System(ctx)
	l, err := s.find(sys, secret)
	if err != nil {
		return Signed{}, err
	}
	if err := CheckPassword(password); err != nil {
		return Signed{}, err
	}
	var e string
	if l.Purpose == authlink.PurposeSetup {
		if e, err = NormalizeEmail(email); err != nil {
			return Signed{}, err
		}
	}
	hash, err := HashPassword(password)
	if err != nil {
		return Signed{}, err
	}
	tx, err := s.Client.Tx(sys)
	if err != nil {
		return Signed{}, err
	}
	defer func() { _ = tx.Rollback() }()
	n, err := tx.AuthLink.Update().Where(authlink.ID(l.ID), authlink.UsedAtIsNil(), authlink.ExpiresAtGT(s.now())).
		SetUsedAt(s.now()).Save(sys)
	if err != nil {
		return Signed{}, err
	}
	if n == 0 {
		return Signed{}, linkGone("was used already, a moment ago")
	}
	var u *ent.User
	if l.Purpose == authlink.PurposeSetup {
		if ok, err := tx.User.Query().Where(user.KindEQ(user.KindStaff)).Exist(sys); err != nil {
			return Signed{}, err
		} else if ok {
			return Signed{}, linkGone("is spent: Tollgate has its first admin already")
		}
		u, err = tx.User.Create().SetEmail(e).SetKind(user.KindStaff).SetRole(user.RoleAdmin).
			SetPasswordHash(hash).SetLastSignInAt(s.now()).Save(sys)
		if err != nil {
			return Signed{}, err
		}
	} else {
		if l.Edges.User == nil {
			return Signed{}, linkGone("belongs to no account")
		}
		u, err = tx.User.UpdateOneID(l.Edges.User.ID).SetPasswordHash(hash).SetLastSignInAt(s.now()).Save(sys)
		if err != nil {
			return Signed{}, err
		}
		// A new password ends every session the old one opened.
		if _, err := tx.Session.Update().Where(entsession.HasUserWith(user.ID(u.ID)), entsession.RevokedAtIsNil()).
			SetRevokedAt(s.now()).Save(sys); err != nil {
			return Signed{}, err
		}
		if u.Kind == user.KindPortal {
			if u, err = family(tx.User.Query().Where(user.ID(u.ID))).Only(sys); err != nil {
				return Signed{}, err
			}
		}
	}
	signed, err := s.open(sys, tx.Client(), u, o)
	if err != nil {
		return Signed{}, err
	}
	if err := tx.Commit(); err != nil {
		return Signed{}, err
	}
	return signed, nil
}

func requireAdmin(ctx context.Context, what string) (viewer.Viewer, error) {
	v, ok := viewer.FromContext(ctx)
	if !ok || !v.CanAdminister() {
		return v, apperr.New(apperr.Forbidden, "only an admin may %s", what)
	}
	return v, nil
}

// ResetLinkFor makes a password reset link for user id (admins only).
func (s *Service) ResetLinkFor(ctx context.Context, id int) (*ent.User, string, time.Time, error) {
	if _, err := requireAdmin(ctx, "send password reset links"); err != nil {
		return nil, "", time.Time{}, err
	}
	sys := viewer.System(ctx)
	u, err := s.Client.User.Get(sys, id)
	if err != nil {
		return nil, "", time.Time{}, apperr.NotFoundAs(err, "user", id)
	}
	if u.Disabled {
		return nil, "", time.Time{}, apperr.New(apperr.Conflict, "%s is disabled; enable the account first", u.Email)
	}
	secret, exp, err := s.link(sys, authlink.PurposeReset, &u.ID, ResetLinkTTL)
	return u, secret, exp, err
}

// UpdateStaff changes a user's role or disables (or enables) them;
// any change ends their sessions, so it takes effect at once. An admin
// cannot disable or demote themselves (the last admin could lock
// everyone out).
func (s *Service) UpdateStaff(ctx context.Context, id int, role *viewer.Role, disabled *bool) (*ent.User, error) {
	v, err := requireAdmin(ctx, "change users")
	if err != nil {
		return nil, err
	}
	sys := viewer.System(ctx)
	u, err := s.Client.User.Get(sys, id)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "user", id)
	}
	if u.ID == v.UserID && ((disabled != nil && *disabled) || (role != nil && *role != viewer.RoleAdmin)) {
		return nil, apperr.New(apperr.Conflict, "you cannot disable yourself or take away your own admin role; another admin can")
	}
	up := s.Client.User.UpdateOneID(id)
	if role != nil {
		if err := user.RoleValidator(user.Role(*role)); err != nil {
			return nil, apperr.Field(apperr.Invalid, "role", "the role %q is not ADMIN, BILLING or READONLY", *role)
		}
		up.SetRole(user.Role(*role))
	}
	if disabled != nil {
		up.SetDisabled(*disabled)
	}
	u, err = up.Save(sys)
	if err != nil {
		return nil, err
	}
	if err := s.EndSessionsOf(ctx, id); err != nil {
		return nil, err
	}
	return u, nil
}

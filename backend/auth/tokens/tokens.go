// Package tokens makes, lists, revokes and checks API tokens. A token's
// secret is "tg_" and 43 characters of base64url (256 random bits); only
// its SHA-256 is stored, so a leaked database reveals no usable token, and
// a presented token is found by its hash (an index lookup, not a
// comparison of secrets). The secret is shown once, when the token is made.
package tokens

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/secret"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/apitoken"
	"github.com/tollgate/tollgate/ent/customer"
)

// Prefix starts every secret, so that a token is recognisable in a
// configuration file or a secret scanner.
const Prefix = "tg_"

// shownChars is how much of a secret the token list shows.
const shownChars = 10

// TouchEvery is how stale last_used_at may be before a request updates it:
// a busy integration costs one write a minute, not one per request.
const TouchEvery = time.Minute

// Service keeps API tokens.
type Service struct {
	Client *ent.Client
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Input is what an admin gives for a new token: a name and either a staff
// role or one customer.
type Input struct {
	Name       string
	Role       viewer.Role // ADMIN, BILLING or READONLY; empty with CustomerID
	CustomerID *int
	ExpiresAt  *time.Time // nil: never expires
}

// Created is a new token with its secret, which is never shown again.
type Created struct {
	Token  *ent.ApiToken
	Secret string
}

// Hash is the stored form of a secret.
func Hash(s string) string { return secret.Hash(s) }

func newSecret() (string, error) { return secret.New(Prefix) }

func requireAdmin(ctx context.Context) error {
	if v, ok := viewer.FromContext(ctx); ok && v.CanAdminister() {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only an admin may create, list or revoke API tokens")
}

// Create makes a token and returns its secret.
func (s *Service) Create(ctx context.Context, in Input) (Created, error) {
	if err := requireAdmin(ctx); err != nil {
		return Created{}, err
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return Created{}, apperr.Field(apperr.Invalid, "name", "give the token a name that says which integration uses it")
	}
	if len(name) > 128 {
		return Created{}, apperr.Field(apperr.Invalid, "name", "the name may be at most 128 characters")
	}
	if in.ExpiresAt != nil && !in.ExpiresAt.After(s.now()) {
		return Created{}, apperr.Field(apperr.Invalid, "expiresAt", "the expiry %s is already past; choose a later date or none", in.ExpiresAt.UTC().Format(time.RFC3339))
	}
	scope, role := apitoken.ScopeRole, apitoken.RoleReadOnly
	switch {
	case in.CustomerID != nil && in.Role != "":
		return Created{}, apperr.Field(apperr.Invalid, "role", "a token has either a role or a customer, not both: a customer's token sees only that customer")
	case in.CustomerID != nil:
		scope = apitoken.ScopeCustomer
		if _, err := s.Client.Customer.Get(ctx, *in.CustomerID); err != nil {
			return Created{}, apperr.NotFoundAs(err, "customer", *in.CustomerID)
		}
	case in.Role == "":
		return Created{}, apperr.Field(apperr.Invalid, "role", "choose a role (ADMIN, BILLING or READONLY) or a customer for the token")
	default:
		role = apitoken.Role(in.Role)
		if err := apitoken.RoleValidator(role); err != nil {
			return Created{}, apperr.Field(apperr.Invalid, "role", "the role %q is not ADMIN, BILLING or READONLY", in.Role)
		}
	}
	secret, err := newSecret()
	if err != nil {
		return Created{}, err
	}
	v, _ := viewer.FromContext(ctx)
	c := s.Client.ApiToken.Create().
		SetName(name).SetTokenHash(Hash(secret)).SetPrefix(secret[:shownChars]).
		SetScope(scope).SetRole(role).SetNillableCustomerID(in.CustomerID).
		SetNillableExpiresAt(utc(in.ExpiresAt)).SetCreatedBy(v.Name)
	if v.Kind == viewer.KindStaff && v.UserID != 0 {
		c.SetUserID(v.UserID)
	}
	t, err := c.Save(ctx)
	if err != nil {
		return Created{}, err
	}
	return Created{Token: t, Secret: secret}, nil
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// List returns every token, newest first, revoked ones included.
func (s *Service) List(ctx context.Context) ([]*ent.ApiToken, error) {
	if err := requireAdmin(ctx); err != nil {
		return nil, err
	}
	return s.Client.ApiToken.Query().Order(ent.Desc(apitoken.FieldID)).All(ctx)
}

// Revoke ends a token at once: the next request with it is refused. It is
// one guarded update (revoked_at set only where it is still empty); a
// token revoked already says since when.
func (s *Service) Revoke(ctx context.Context, id int) (*ent.ApiToken, error) {
	if err := requireAdmin(ctx); err != nil {
		return nil, err
	}
	n, err := s.Client.ApiToken.Update().
		Where(apitoken.ID(id), apitoken.RevokedAtIsNil()).
		SetRevokedAt(s.now()).Save(ctx)
	if err != nil {
		return nil, err
	}
	t, err := s.Client.ApiToken.Get(ctx, id)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "API token", id)
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "the token %q was already revoked on %s", t.Name, t.RevokedAt.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return t, nil
}

// Refusal is why a presented token was not accepted; its message is for
// the integrator reading the 401.
type Refusal struct {
	Reason  string // unknown, malformed, revoked, expired, customer_gone
	Message string
	TokenID int
	Name    string
}

func (r *Refusal) Error() string { return r.Message }

// Authenticate returns the viewer of a presented secret, or a *Refusal.
// A role token acts as a staff user of that role (Kind token); a customer
// token acts as that customer's portal.
func (s *Service) Authenticate(ctx context.Context, secret string) (viewer.Viewer, error) {
	sys := viewer.System(ctx)
	if !strings.HasPrefix(secret, Prefix) || len(secret) != len(Prefix)+43 {
		return viewer.Viewer{}, &Refusal{Reason: "malformed", Message: "the Authorization header does not hold a Tollgate API token (Bearer tg_ followed by 43 characters); copy the whole token an admin created under Settings → API tokens"}
	}
	hash := Hash(secret)
	t, err := s.Client.ApiToken.Query().Where(apitoken.TokenHash(hash)).Only(sys)
	if ent.IsNotFound(err) {
		return viewer.Viewer{}, &Refusal{Reason: "unknown", Message: "this API token is not known: it may have been mistyped or deleted; ask an admin for a new one"}
	}
	if err != nil {
		return viewer.Viewer{}, err
	}
	now := s.now()
	switch {
	case t.RevokedAt != nil:
		return viewer.Viewer{}, &Refusal{Reason: "revoked", TokenID: t.ID, Name: t.Name,
			Message: fmt.Sprintf("the API token %q (%s…) was revoked on %s; ask an admin for a new one", t.Name, t.Prefix, t.RevokedAt.UTC().Format("2006-01-02 15:04 UTC"))}
	case t.ExpiresAt != nil && !now.Before(*t.ExpiresAt):
		return viewer.Viewer{}, &Refusal{Reason: "expired", TokenID: t.ID, Name: t.Name,
			Message: fmt.Sprintf("the API token %q (%s…) expired on %s; ask an admin for a new one", t.Name, t.Prefix, t.ExpiresAt.UTC().Format("2006-01-02 15:04 UTC"))}
	case t.Scope == apitoken.ScopeCustomer && t.CustomerID == nil:
		return viewer.Viewer{}, &Refusal{Reason: "customer_gone", TokenID: t.ID, Name: t.Name,
			Message: fmt.Sprintf("the API token %q belonged to a customer that has been deleted; it no longer works", t.Name)}
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) >= TouchEvery {
		// Guarded so that concurrent requests write once; a failure
		// to record use does not refuse the request.
		_ = s.Client.ApiToken.Update().
			Where(apitoken.ID(t.ID), apitoken.Or(apitoken.LastUsedAtIsNil(), apitoken.LastUsedAtLT(now.Add(-TouchEvery)))).
			SetLastUsedAt(now).Exec(sys)
	}
	v := viewer.Viewer{Kind: viewer.KindToken, Role: viewer.Role(t.Role), TokenID: t.ID, Name: "token " + t.Name}
	if t.Scope == apitoken.ScopeCustomer {
		children, err := s.Client.Customer.Query().Where(customer.HasParentWith(customer.ID(*t.CustomerID))).IDs(sys)
		if err != nil {
			return viewer.Viewer{}, err
		}
		v = viewer.Viewer{Kind: viewer.KindPortal, CustomerID: *t.CustomerID, Customers: viewer.Family(*t.CustomerID, children),
			TokenID: t.ID, Name: "token " + t.Name}
	}
	return v, nil
}

// IsRefusal reports whether err is a refused token, and which.
func IsRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}

package session

import (
	"context"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/user"
)

// PortalLinkTTL is how long a portal invitation or registration link works:
// a customer may read its email days later.
const PortalLinkTTL = 7 * 24 * time.Hour

// InvitePortalUser makes a portal user of a customer, with no password
// yet, and returns the one-time activation link with which they choose
// one. Admin and billing staff invite; an email in use is refused.
func (s *Service) InvitePortalUser(ctx context.Context, customerID int, email, name string) (*ent.User, string, time.Time, error) {
	if v, ok := viewer.FromContext(ctx); !ok || !v.CanWrite() {
		return nil, "", time.Time{}, apperr.New(apperr.Forbidden, "only admin and billing staff may invite customers to their portal")
	}
	// Read as the caller: a customer it may not see is not found.
	c, err := s.Client.Customer.Get(ctx, customerID)
	if err != nil {
		return nil, "", time.Time{}, apperr.NotFoundAs(err, "customer", customerID)
	}
	return s.newPortalUser(ctx, c, email, name)
}

func (s *Service) newPortalUser(ctx context.Context, c *ent.Customer, email, name string) (*ent.User, string, time.Time, error) {
	e, err := NormalizeEmail(email)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	name = strings.TrimSpace(name)
	if len(name) > 255 {
		return nil, "", time.Time{}, apperr.Field(apperr.Invalid, "name", "a name has at most 255 characters")
	}
	return s.invite(ctx, s.Client.User.Create().SetEmail(e).SetName(name).SetKind(user.KindPortal).SetCustomerID(c.ID),
		PortalLinkTTL, "staff and other portal users cannot share it, so use another address")
}

// SetPortalUserDisabled stops a portal user signing in, ending their
// sessions at once, or lets them sign in again. Admin and billing staff
// may; only portal users are changed here (staff through UpdateStaff).
func (s *Service) SetPortalUserDisabled(ctx context.Context, id int, disabled bool) (*ent.User, error) {
	if v, ok := viewer.FromContext(ctx); !ok || !v.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "only admin and billing staff may change portal users")
	}
	sys := viewer.System(ctx)
	u, err := s.Client.User.Query().Where(user.ID(id), user.KindEQ(user.KindPortal)).Only(sys)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "portal user", id)
	}
	if u, err = s.Client.User.UpdateOne(u).SetDisabled(disabled).Save(sys); err != nil {
		return nil, err
	}
	if disabled {
		if err := s.EndSessionsOf(ctx, id); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// PortalUsers lists the portal users of a customer the caller may see.
func (s *Service) PortalUsers(ctx context.Context, customerID int) ([]*ent.User, error) {
	if v, ok := viewer.FromContext(ctx); !ok || !v.CanRead() {
		return nil, apperr.New(apperr.Forbidden, "only staff see a customer's portal users")
	}
	return s.Client.User.Query().Where(user.KindEQ(user.KindPortal), user.HasCustomerWith(customer.ID(customerID))).
		Order(ent.Asc(user.FieldEmail)).All(viewer.System(ctx))
}

// Register lets a customer's own people sign themselves up to its portal:
// a customer reference and the number of one of its invoices prove they
// hold its paperwork. When both match (and the email has no account), a
// portal user is made and its activation link returned, for the caller to
// email to that address — so only the mailbox's owner can use it. Anything
// else returns no user and no error: the answer must not tell a stranger
// which references or numbers exist. Failed tries count against the
// address and the IP like failed sign-ins, so guessing is throttled.
func (s *Service) Register(ctx context.Context, reference string, number int64, email string, o Origin) (*ent.User, string, time.Time, error) {
	e, err := NormalizeEmail(email)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	sys := viewer.System(ctx)
	keys := []string{"register:ip:" + o.IP, "register:ref:" + strings.ToUpper(strings.TrimSpace(reference))}
	if wait, err := s.lockedFor(sys, keys); err != nil {
		return nil, "", time.Time{}, err
	} else if wait > 0 {
		return nil, "", time.Time{}, &Refused{Code: "RATE_LIMITED", RetryAfter: wait, Email: e,
			Message: "too many registrations that did not match from this address: try again in " + roundWait(wait)}
	}
	c, err := s.Client.Customer.Query().Where(customer.ReferenceEqualFold(strings.TrimSpace(reference)),
		customer.HasInvoicesWith(invoice.Number(number), invoice.StatusNEQ(invoice.StatusDeleted))).Only(sys)
	if ent.IsNotFound(err) || ent.IsNotSingular(err) {
		return nil, "", time.Time{}, s.fail(sys, keys)
	}
	if err != nil {
		return nil, "", time.Time{}, err
	}
	u, secret, exp, err := s.newPortalUser(ctx, c, e, "")
	if apperr.CodeOf(err) == apperr.Conflict {
		// The email has an account: nothing to make, and nothing to say.
		return nil, "", time.Time{}, nil
	}
	return u, secret, exp, err
}

package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/ent"
)

// LinkURL is the address of the SPA's page for a one-time link.
func (a *App) LinkURL(secret string) string {
	return strings.TrimRight(a.Config.PublicURL, "/") + "/welcome?link=" + secret
}

// AnnounceAuth says, when the API starts, how people get in. With sign-in
// and no users yet it makes the first admin's one-time set-up link and
// prints it to out; with the development viewer it warns, loudly, that
// everyone who reaches the server is an admin.
func (a *App) AnnounceAuth(ctx context.Context, out io.Writer) error {
	switch a.Config.AuthMode {
	case "dev":
		a.Log.Warn("TOLLGATE_AUTH=dev: every request without an API token is an ADMIN, with no sign-in; use this on your own machine only, never where others can reach it")
		fmt.Fprintln(out, "\n  !! TOLLGATE_AUTH=dev: no sign-in, everyone who reaches this server is an admin. Your own machine only. !!")
	case "none":
		a.Log.Warn("TOLLGATE_AUTH=none: nobody can sign in; only API tokens reach the API")
	case "session":
		has, err := a.Sessions.HasUsers(ctx)
		if err != nil || has {
			return err
		}
		secret, exp, err := a.Sessions.SetupLink(ctx)
		if err != nil {
			return err
		}
		a.Log.Warn("Tollgate has no users yet: the first admin sets up with the one-time link printed below", "expires", exp.Format(time.RFC3339))
		fmt.Fprintf(out, "\n  Tollgate has no users yet. Open this link to choose the first admin's email and password\n  (it works once, until %s; a restart prints a new one):\n\n    %s\n\n",
			a.until(exp), a.LinkURL(secret))
	}
	return nil
}

// CreateStaff makes a staff user and returns the one-time link with which
// they choose a password (the command line's `tollgate user create`).
func (a *App) CreateStaff(ctx context.Context, email string, role viewer.Role) (string, time.Time, error) {
	_, secret, exp, err := a.Sessions.CreateStaff(viewer.System(ctx), email, role)
	if err != nil {
		return "", time.Time{}, err
	}
	return a.LinkURL(secret), exp, nil
}

// ResetLink returns a one-time password reset link for the user of email.
func (a *App) ResetLink(ctx context.Context, email string) (string, time.Time, error) {
	u, secret, exp, err := a.Sessions.ResetLink(ctx, email)
	if err != nil {
		return "", time.Time{}, err
	}
	if u == nil {
		return "", time.Time{}, fmt.Errorf("no user has the email %q (or the account is disabled)", strings.TrimSpace(email))
	}
	return a.LinkURL(secret), exp, nil
}

// EmailPasswordReset sends the account of email a one-hour reset link, at
// once, through the same mail transport as invoices (the outbox directory
// in embedded mode). An unknown or disabled email sends nothing and is no
// error: the sign-in page answers the same either way, so nobody learns
// which addresses have accounts.
func (a *App) EmailPasswordReset(ctx context.Context, email string) error {
	u, secret, exp, err := a.Sessions.ResetLink(ctx, email)
	if err != nil || u == nil {
		return err
	}
	return a.sendAccountEmail(ctx, "password-reset", u.Email, func(settings.Company) (string, string) {
		return "Reset your Tollgate password", fmt.Sprintf("Someone (we hope you) asked to reset the password of %s on Tollgate.\n\n"+
			"Choose a new password with this link. It works once, until %s:\n\n%s\n\n"+
			"If it was not you, ignore this email: your password stays as it is.\n",
			u.Email, a.until(exp), a.LinkURL(secret))
	})
}

// until is when a link stops working, as its email and the console say it.
func (a *App) until(exp time.Time) string {
	return exp.In(a.Config.Location()).Format("2 Jan 2006 15:04 MST")
}

// sendAccountEmail sends an email about a person's account (a reset or
// activation link) from the company's sender, straight through the
// delivery sender: these are not invoices, so not in the outbox's table.
// write gives the subject and text, knowing the company.
func (a *App) sendAccountEmail(ctx context.Context, kind, to string, write func(settings.Company) (subject, text string)) error {
	c, err := a.Company.Get(viewer.System(ctx))
	if err != nil {
		return err
	}
	from := c.EmailSenderAddress
	if from == "" {
		from = "tollgate@localhost"
	}
	name := c.EmailSenderName
	if name == "" {
		name = c.Name
	}
	if name == "" {
		name = "Tollgate"
	}
	subject, text := write(c)
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return a.Delivery.Sender.Send(ctx, &mail.Message{
		ID:      kind + "-" + hex.EncodeToString(b),
		From:    mail.Address{Name: name, Email: from},
		To:      []mail.Address{{Email: to}},
		Subject: subject,
		Text:    text,
	})
}

// emailPortalLink emails a portal user the link with which they choose a
// password: an invitation from staff, or a registration they asked for.
func (a *App) emailPortalLink(ctx context.Context, u *ent.User, link string, exp time.Time, registered bool) error {
	err := a.sendAccountEmail(ctx, "portal-invite", u.Email, func(c settings.Company) (string, string) {
		seller := c.Name
		if seller == "" {
			seller = "your telephone service provider"
		}
		why := seller + " has invited you to its customer portal, where you can see your invoices and calls and download them."
		if registered {
			why = "You (we hope) asked to use the customer portal of " + seller + ", where you can see your invoices and calls."
		}
		return "Your customer portal at " + seller, fmt.Sprintf("%s\n\nChoose your password with this link. It works once, until %s:\n\n%s\n\n"+
			"Your email address, %s, is your sign-in name. If you did not expect this email, ignore it.\n", why, a.until(exp), link, u.Email)
	})
	if err != nil {
		a.Log.ErrorContext(ctx, "send a portal activation email", "user", u.Email, "err", err)
	}
	return err
}

// registerPortalUser is the portal's self-registration when the deployment
// allows it (TOLLGATE_PORTAL_REGISTRATION), else nil: a match makes the
// portal user and emails the activation link at once.
func (a *App) registerPortalUser() func(ctx context.Context, reference string, number int64, email string, o session.Origin) error {
	if !a.Config.PortalRegistration {
		return nil
	}
	return func(ctx context.Context, reference string, number int64, email string, o session.Origin) error {
		u, secret, exp, err := a.Sessions.Register(ctx, reference, number, email, o)
		if err != nil || u == nil {
			return err
		}
		_ = a.emailPortalLink(ctx, u, a.LinkURL(secret), exp, true)
		return nil
	}
}

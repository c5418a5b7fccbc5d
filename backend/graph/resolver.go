// Package graph is the GraphQL layer: thin resolvers that parse input, call
// one domain function and map the result. Access is enforced below, by the
// Ent privacy policies reading the viewer in the context.
package graph

import (
	"context"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/tokens"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/dashboard"
	"github.com/tollgate/tollgate/backend/delivery"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/backend/phone"
	"github.com/tollgate/tollgate/backend/portal"
	"github.com/tollgate/tollgate/backend/providers"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
)

// Resolver is the root resolver; it holds the services resolvers call.
// It knows no queue and no event bus of its own: the services queue their
// work, and subscriptions read the domains' events through Events.
type Resolver struct {
	Client      *ent.Client
	Customers   *customers.Service
	Providers   *providers.Service
	Billing     *billing.Service
	Pricing     *tariffs.Service
	Analysis    *analysis.Service
	Events      events.Subscriber
	MaxPageSize int
	// Company keeps the company's settings and knows the deployment's.
	Company *company.Service
	// Invoicing previews and starts billing runs.
	Invoicing *invoicing.Service
	// Dashboards computes the dashboard's cards.
	Dashboards *dashboard.Service
	// InvoiceActions settles and deletes issued invoices.
	InvoiceActions *invoicing.Invoices
	// Mail is the outbox of invoice emails: resend, send to, retry.
	Mail *delivery.Service
	// Tokens makes and revokes API tokens.
	Tokens *tokens.Service
	// Sessions invites staff users and makes their one-time links;
	// LinkURL turns a link's secret into the address to give them.
	Sessions *session.Service
	LinkURL  func(secret string) string
	// Audit reads the audit log.
	Audit *audit.Log
	// Portal reads a customer's own data for its portal.
	Portals *portal.Service
	// SendPortalInvite emails a new portal user their activation link.
	SendPortalInvite func(ctx context.Context, u *ent.User, link string, expires time.Time) error
}

// settingsAfter answers a settings mutation with the whole settings, as
// the settings query would.
func (r *Resolver) settingsAfter(c settings.Company, err error) (*settings.Settings, error) {
	if err != nil {
		return nil, err
	}
	s := r.Company.Deployment
	s.Company = &c
	return &s, nil
}

// numbers writes numbers as the deployment's country does (docs/rating.md, Numbers).
func (r *Resolver) numbers() phone.Formatter { return phone.New(r.Company.Deployment.CountryCode) }

// DefaultPageSize is the page size when a query asks for none.
const DefaultPageSize = 25

// page applies the default page size and the server's maximum: entgql
// pagination has no limit of its own.
func (r *Resolver) page(first, last *int) (*int, *int, error) {
	max := r.MaxPageSize
	if max <= 0 {
		max = 100
	}
	if first == nil && last == nil {
		n := DefaultPageSize
		return &n, nil, nil
	}
	for _, p := range []struct {
		name string
		v    *int
	}{{"first", first}, {"last", last}} {
		if p.v == nil {
			continue
		}
		if *p.v < 0 {
			return nil, nil, apperr.Field(apperr.Invalid, p.name, "%s must not be negative", p.name)
		}
		if *p.v > max {
			return nil, nil, apperr.Field(apperr.Invalid, p.name, "%s may be at most %d; page through the rest with after/before", p.name, max)
		}
	}
	return first, last, nil
}

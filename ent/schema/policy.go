package schema

import (
	"context"

	entgo "entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/schema/mixin"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/privacy"
	"github.com/tollgate/tollgate/ent/user"
)

// AccessMixin attaches Tollgate's access policy to every entity: nothing is
// read or written without a viewer in the context. Staff, API tokens and the
// system read everything; only admin and billing roles (and the system)
// write, and only admins when AdminWrites is set (the company's settings).
// A portal viewer (a customer's portal user or token) reads only the
// entities with a Portal filter, and of those only the rows of its own
// customers (viewer.Customers): every query it makes is narrowed here,
// whichever resolver, edge or download made it.
type AccessMixin struct {
	mixin.Schema
	// AdminWrites keeps changes to the admin role (and the system).
	AdminWrites bool
	// Portal narrows a query to the rows of the customers ids; nil: a
	// portal viewer reads none of the entity.
	Portal func(f privacy.Filter, ids []int)
}

// The portal filters of the entities a customer sees.
var (
	portalCustomer = func(f privacy.Filter, ids []int) { f.Where(entql.FieldIn(customer.FieldID, anys(ids)...)) }
	portalSite     = func(f privacy.Filter, ids []int) { f.(*ent.SiteFilter).WhereHasCustomerWith(customer.IDIn(ids...)) }
	portalCli      = func(f privacy.Filter, ids []int) { f.(*ent.CliFilter).WhereHasCustomerWith(customer.IDIn(ids...)) }
	portalCall     = func(f privacy.Filter, ids []int) {
		cf := f.(*ent.CallFilter)
		cf.Where(entql.FieldIn(call.FieldCustomerID, anys(ids)...))
		cf.WhereStatus(entql.StringEQ(call.StatusPriced.String()))
	}
	// A deleted invoice is gone for the customer (its number stays on the
	// reseller's record).
	portalInvoice = func(f privacy.Filter, ids []int) {
		inv := f.(*ent.InvoiceFilter)
		inv.WhereHasCustomerWith(customer.IDIn(ids...))
		inv.WhereStatus(entql.StringNEQ(invoice.StatusDeleted.String()))
	}
	portalInvoiceLine = func(f privacy.Filter, ids []int) {
		f.(*ent.InvoiceLineFilter).WhereHasInvoiceWith(invoice.HasCustomerWith(customer.IDIn(ids...)), invoice.StatusNEQ(invoice.StatusDeleted))
	}
)

func (m AccessMixin) Policy() entgo.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.QueryRuleFunc(func(ctx context.Context, _ entgo.Query) error {
				if v, ok := viewer.FromContext(ctx); ok && v.CanRead() {
					return privacy.Allow
				}
				return privacy.Skip
			}),
			privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
				if v, ok := viewer.FromContext(ctx); ok && v.Portal() && m.Portal != nil && len(v.Customers) > 0 {
					m.Portal(f, v.Customers)
					return privacy.Allow
				}
				return privacy.Denyf("you are not allowed to read this: sign in as staff or use an API token")
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.MutationRuleFunc(func(ctx context.Context, _ entgo.Mutation) error {
				v, ok := viewer.FromContext(ctx)
				switch {
				case m.AdminWrites && ok && v.CanAdminister():
					return privacy.Allow
				case m.AdminWrites:
					return privacy.Denyf("you are not allowed to change this: only an admin may")
				case ok && v.CanWrite():
					return privacy.Allow
				}
				return privacy.Denyf("you are not allowed to change this: an admin or billing role is needed")
			}),
		},
	}
}

func anys(ids []int) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// userPolicy lets admins (and the system) read and change every user;
// any other signed-in person reads only their own user and changes none —
// a password is changed through backend/auth, as the system.
func userPolicy() entgo.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
				v, ok := viewer.FromContext(ctx)
				switch {
				case !ok:
					return privacy.Denyf("you are not allowed to read users: sign in first")
				case v.CanAdminister():
					return privacy.Allow
				case v.UserID != 0:
					q.Where(user.ID(v.UserID))
					return privacy.Allow
				}
				return privacy.Denyf("you are not allowed to read users: only an admin may")
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.MutationRuleFunc(func(ctx context.Context, _ entgo.Mutation) error {
				if v, ok := viewer.FromContext(ctx); ok && v.CanAdminister() {
					return privacy.Allow
				}
				return privacy.Denyf("you are not allowed to change users: only an admin may")
			}),
		},
	}
}

// adminOnly is the policy of what only admins (and the system) read and
// write: API tokens, the audit log's reading.
func adminOnly(what string) entgo.Policy {
	rule := func(ctx context.Context) error {
		if v, ok := viewer.FromContext(ctx); ok && v.CanAdminister() {
			return privacy.Allow
		}
		return privacy.Denyf("only an admin may see or change %s", what)
	}
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.QueryRuleFunc(func(ctx context.Context, _ entgo.Query) error { return rule(ctx) })},
		Mutation: privacy.MutationPolicy{privacy.MutationRuleFunc(func(ctx context.Context, _ entgo.Mutation) error { return rule(ctx) })},
	}
}

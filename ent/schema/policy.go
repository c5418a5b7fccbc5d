package schema

import (
	"context"

	entgo "entgo.io/ent"
	"entgo.io/ent/schema/mixin"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/privacy"
	"github.com/tollgate/tollgate/ent/user"
)

// AccessMixin attaches Tollgate's access policy to every entity: nothing is
// read or written without a viewer in the context. Staff, API tokens and the
// system read everything; only admin and billing roles (and the system)
// write, and only admins when AdminWrites is set (the company's settings).
// Portal users get narrower, customer-filtered rules per entity as the
// portal is built; until then they are denied here.
type AccessMixin struct {
	mixin.Schema
	// AdminWrites keeps changes to the admin role (and the system).
	AdminWrites bool
}

func (m AccessMixin) Policy() entgo.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.QueryRuleFunc(func(ctx context.Context, _ entgo.Query) error {
				if v, ok := viewer.FromContext(ctx); ok && v.CanRead() {
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

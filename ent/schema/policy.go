package schema

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/schema/mixin"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent/privacy"
)

// AccessMixin attaches Tollgate's access policy to every entity: nothing is
// read or written without a viewer in the context. Staff, API tokens and the
// system read everything; only admin and billing roles (and the system)
// write. Portal users get narrower, customer-filtered rules per entity as
// the portal is built; until then they are denied here.
type AccessMixin struct{ mixin.Schema }

func (AccessMixin) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.QueryRuleFunc(func(ctx context.Context, _ ent.Query) error {
				if v, ok := viewer.FromContext(ctx); ok && v.CanRead() {
					return privacy.Allow
				}
				return privacy.Denyf("you are not allowed to read this: sign in as staff or use an API token")
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
				if v, ok := viewer.FromContext(ctx); ok && v.CanWrite() {
					return privacy.Allow
				}
				return privacy.Denyf("you are not allowed to change this: an admin or billing role is needed")
			}),
		},
	}
}

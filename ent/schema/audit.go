package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent/hook"
	"github.com/tollgate/tollgate/ent/privacy"
)

// AuditEntry is one line of the audit log: a mutation, a sign-in attempt
// or a refused request. Entries are only ever added (by backend/audit,
// acting as the system); nobody may change or delete one, not even an
// admin or the system itself. Only admins read them.
type AuditEntry struct{ ent.Schema }

func (AuditEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("at").SchemaType(datetime6).Immutable().Default(now).
			Annotations(entgql.OrderField("AT")),
		field.Enum("viewer_kind").NamedValues(
			"Anonymous", "ANONYMOUS", "Staff", "STAFF", "Portal", "PORTAL", "Token", "TOKEN", "System", "SYSTEM",
		).Immutable().Comment("Who acted: nobody signed in, a staff or portal user, an API token, Tollgate"),
		field.Int("user_id").Optional().Nillable().Immutable().Comment("The staff or portal user, if any"),
		field.Int("token_id").Optional().Nillable().Immutable().Comment("The API token, if any"),
		field.String("who").MaxLen(255).Default("").Immutable().Comment("The user's or token's name as it was then"),
		field.String("action").MaxLen(255).Immutable().
			Comment("What was done: a mutation's field names (createCustomer), signIn, or refused:<reason>"),
		field.String("operation").MaxLen(255).Default("").Immutable().Comment("The GraphQL operation's name, if any"),
		field.String("ids").MaxLen(1024).Default("").Immutable().Comment("The ids named in the request's variables"),
		field.String("ip").MaxLen(64).Default("").Immutable(),
		field.String("user_agent").MaxLen(512).Default("").Immutable(),
		field.String("outcome").MaxLen(64).Immutable().Comment("OK, or the error code (FORBIDDEN, INVALID, RATE_LIMITED...)"),
		field.String("message").MaxLen(1024).Default("").Immutable().Comment("What went wrong, when it did"),
	}
}

func (AuditEntry) Indexes() []ent.Index {
	return []ent.Index{index.Fields("at"), index.Fields("who", "at"), index.Fields("action", "at")}
}

func (AuditEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)}
}

// Hooks refuse every update and delete below the privacy layer too, so a
// context that skips privacy (privacy.DecisionContext) cannot edit the log.
func (AuditEntry) Hooks() []ent.Hook {
	return []ent.Hook{hook.Reject(ent.OpUpdate | ent.OpUpdateOne | ent.OpDelete | ent.OpDeleteOne)}
}

func (AuditEntry) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.QueryRuleFunc(func(ctx context.Context, _ ent.Query) error {
				if v, ok := viewer.FromContext(ctx); ok && v.CanAdminister() {
					return privacy.Allow
				}
				return privacy.Denyf("only an admin may read the audit log")
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.OnMutationOperation(
				privacy.MutationRuleFunc(func(context.Context, ent.Mutation) error {
					return privacy.Denyf("the audit log is never changed: entries may only be added")
				}),
				ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne,
			),
			privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
				if v, ok := viewer.FromContext(ctx); ok && v.Kind == viewer.KindSystem {
					return privacy.Allow
				}
				return privacy.Denyf("audit entries are written by Tollgate itself")
			}),
		},
	}
}

package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent/privacy"
)

// SystemOnlyMixin keeps an entity to Tollgate itself: backend/auth reads
// and writes sessions, one-time links and sign-in throttles as the system
// viewer; no request's viewer reaches them, and the API has no type for
// them.
type SystemOnlyMixin struct{ mixin.Schema }

func (SystemOnlyMixin) Policy() ent.Policy {
	system := func(ctx context.Context) error {
		if v, ok := viewer.FromContext(ctx); ok && v.Kind == viewer.KindSystem {
			return privacy.Allow
		}
		return privacy.Denyf("only Tollgate itself handles sign-in records")
	}
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.QueryRuleFunc(func(ctx context.Context, _ ent.Query) error { return system(ctx) })},
		Mutation: privacy.MutationPolicy{privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error { return system(ctx) })},
	}
}

// Session is one signed-in browser. The cookie holds a random 256-bit
// secret; only its SHA-256 is stored, so a copy of the database signs no
// one in. A session ends at expires_at (absolute), after the idle limit
// since last_seen_at, or when revoked (sign-out, user disabled).
type Session struct{ ent.Schema }

func (Session) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, SystemOnlyMixin{}} }

func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("secret_hash").NotEmpty().MaxLen(64).Unique().Immutable().Sensitive(),
		field.Time("last_seen_at").SchemaType(datetime6),
		field.Time("expires_at").SchemaType(datetime6).Immutable(),
		field.Time("revoked_at").SchemaType(datetime6).Optional().Nillable(),
		field.String("ip").Optional().MaxLen(64),
		field.String("user_agent").Optional().MaxLen(255),
	}
}

func (Session) Edges() []ent.Edge {
	return []ent.Edge{edge.From("user", User.Type).Ref("sessions").Unique().Required().Immutable()}
}

func (Session) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// AuthLink is a one-time link sent or printed to a person: the first
// admin's set-up, an invitation to set a password, a password reset. Only
// the SHA-256 of its secret is stored; using it sets used_at with a
// guarded update, so a link works once.
type AuthLink struct{ ent.Schema }

func (AuthLink) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, SystemOnlyMixin{}} }

func (AuthLink) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("purpose").NamedValues("Setup", "SETUP", "Invite", "INVITE", "Reset", "RESET").Immutable(),
		field.String("secret_hash").NotEmpty().MaxLen(64).Unique().Immutable().Sensitive(),
		field.Time("expires_at").SchemaType(datetime6).Immutable(),
		field.Time("used_at").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (AuthLink) Edges() []ent.Edge {
	return []ent.Edge{edge.From("user", User.Type).Ref("auth_links").Unique().Immutable().Comment("Empty for the first admin's set-up link")}
}

func (AuthLink) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// SignInThrottle counts failed sign-ins of one key ("email:…" or "ip:…")
// and how long it is locked out: 5 failures lock it for a minute, each
// further failure doubles that up to an hour; a success clears it.
type SignInThrottle struct{ ent.Schema }

func (SignInThrottle) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, SystemOnlyMixin{}} }

func (SignInThrottle) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").NotEmpty().MaxLen(320).Unique(),
		field.Int("failures").Default(0).NonNegative(),
		field.Time("locked_until").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (SignInThrottle) Indexes() []ent.Index {
	return []ent.Index{index.Fields("updated_at")}
}

func (SignInThrottle) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

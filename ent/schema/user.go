package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// User signs in to the staff SPA (with a role) or to one customer's portal.
type User struct{ ent.Schema }

func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (User) Policy() ent.Policy { return userPolicy() }

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").NotEmpty().MaxLen(255).Unique(),
		field.String("name").Optional().MaxLen(255),
		field.Enum("kind").NamedValues("Staff", "STAFF", "Portal", "PORTAL").Default("STAFF"),
		field.Enum("role").NamedValues("Admin", "ADMIN", "Billing", "BILLING", "ReadOnly", "READONLY").Default("BILLING"),
		field.String("password_hash").Optional().Sensitive().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Bool("disabled").Default(false),
		field.Time("last_sign_in_at").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("portal_users").Unique().Comment("Portal users only"),
		edge.To("api_tokens", ApiToken.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("sessions", Session.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("auth_links", AuthLink.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// ApiToken lets an integration call the API, either with a staff role or,
// scoped to one customer, as that customer's portal. Only a SHA-256 hash of
// the secret is stored; the secret is shown once, when the token is made.
type ApiToken struct{ ent.Schema }

func (ApiToken) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Policy keeps tokens to admins (and Tollgate itself, which looks a token
// up when a request presents it): a billing or read-only user sees none.
func (ApiToken) Policy() ent.Policy { return adminOnly("API tokens") }

func (ApiToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128),
		field.String("token_hash").Unique().Sensitive().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("prefix").MaxLen(16).Comment("First characters of the token, to recognise it in lists"),
		field.Enum("role").NamedValues("Admin", "ADMIN", "Billing", "BILLING", "ReadOnly", "READONLY").Default("READONLY"),
		field.Time("expires_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("last_used_at").SchemaType(datetime6).Optional().Nillable().
			Comment("Recorded at most once a minute"),
		field.Time("revoked_at").SchemaType(datetime6).Optional().Nillable().
			Comment("Set once, when an admin revokes the token; a revoked token is refused"),
		field.Enum("scope").NamedValues("Role", "ROLE", "Customer", "CUSTOMER").Default("ROLE").Immutable().
			Comment("ROLE: staff data with the token's role; CUSTOMER: one customer's portal. A CUSTOMER token whose customer is gone is refused"),
		field.Int("customer_id").Optional().Nillable().Immutable().
			Comment("A customer-scoped token acts as that customer's portal; its role is then unused"),
		field.String("created_by").MaxLen(255).Default("").Immutable().
			Comment("The name of the admin who created it"),
	}
}

func (ApiToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("api_tokens").Unique().Comment("The staff user who created it, if signed in"),
		edge.From("customer", Customer.Type).Ref("api_tokens").Field("customer_id").Unique().Immutable(),
	}
}

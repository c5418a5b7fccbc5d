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

// ApiToken lets an integration call the API as its user's role. Only a hash
// of the secret is stored.
type ApiToken struct{ ent.Schema }

func (ApiToken) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (ApiToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128),
		field.String("token_hash").Unique().Sensitive().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("prefix").MaxLen(16).Comment("First characters of the token, to recognise it in lists"),
		field.Enum("role").NamedValues("Admin", "ADMIN", "Billing", "BILLING", "ReadOnly", "READONLY").Default("READONLY"),
		field.Time("expires_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("last_used_at").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (ApiToken) Edges() []ent.Edge {
	return []ent.Edge{edge.From("user", User.Type).Ref("api_tokens").Unique().Required()}
}

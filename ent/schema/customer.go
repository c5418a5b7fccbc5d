package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/shopspring/decimal"
)

// Customer is the pivot of every charge and invoice.
type Customer struct{ ent.Schema }

func (Customer) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{Portal: portalCustomer}} }

func (Customer) Fields() []ent.Field {
	return []ent.Field{
		field.String("reference").NotEmpty().MaxLen(64).Unique().
			Comment("The reseller's own account reference, unique").
			Annotations(entgql.OrderField("REFERENCE")),
		field.String("name").NotEmpty().MaxLen(255).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("billing_type").NamedValues("Direct", "DIRECT", "Parent", "PARENT").Default("DIRECT").
			Comment("DIRECT: invoiced itself; PARENT: its charges appear on the parent's invoice under its own heading"),
		field.Bool("tax_exempt").Default(false),
		field.Enum("status").NamedValues("Active", "ACTIVE", "Suspended", "SUSPENDED", "Cancelled", "CANCELLED").Default("ACTIVE").
			Annotations(entgql.OrderField("STATUS")),
		field.Enum("invoice_delivery").NamedValues("Email", "EMAIL", "None", "NONE").Default("NONE"),
		field.String("delivery_email").Optional().MaxLen(255),
		field.Enum("call_statement_format").NamedValues("Csv", "CSV", "Pdf", "PDF", "None", "NONE").Default("CSV"),
		field.String("payment_terms").Optional().MaxLen(1000),
		field.Text("postal_address").Optional(),
		field.Other("unbilled_total", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")).
			Comment("Sum of the prices of processed calls not yet on a charge; recomputed by the recompute-unbilled task").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput), entgql.OrderField("UNBILLED_TOTAL")),
	}
}

func (Customer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Customer.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			From("parent").Unique().Comment("Parent billing: this customer's charges go on the parent's invoice"),
		edge.From("tariff", Tariff.Type).Ref("customers").Unique().
			Comment("Empty means the default tariff"),
		edge.From("schedule", BillingSchedule.Type).Ref("customers").Unique(),
		edge.To("sites", Site.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("clis", Cli.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("charges", Charge.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("invoices", Invoice.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("portal_users", User.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("api_tokens", ApiToken.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Customer) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name")}
}

func (Customer) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// Site is a location of a customer; a CLI can belong to a site and site
// charges are shown separately on the invoice.
type Site struct{ ent.Schema }

func (Site) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{Portal: portalSite}} }

func (Site) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(255),
		field.Text("address").Optional(),
	}
}

func (Site) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("sites").Unique().Required(),
		edge.To("clis", Cli.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (Site) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name").Edges("customer").Unique()}
}

func (Site) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// Cli is a calling line identity a customer owns for a period: a DDI, a DDI
// range (stored as its prefix with is_range set) or an account / SIP-trunk
// code. Calls are matched to customers by CLI at the call's start time.
type Cli struct{ ent.Schema }

func (Cli) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{Portal: portalCli}} }

func (Cli) Fields() []ent.Field {
	return []ent.Field{
		field.String("value").NotEmpty().MaxLen(64).
			Comment("Normalised as docs/rating.md says: digits with country code, or an upper-cased account code").
			Annotations(entgql.OrderField("VALUE")),
		field.Bool("is_range").Default(false).
			Comment("A DDI block: matches every number it is a prefix of (longest range wins)").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Bool("is_account").Default(false).
			Comment("An account or trunk code: matched exactly, never by prefix").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("valid_from").SchemaType(datetime6).Default(cliAlways).
			Comment("Inclusive; by default since always, so past calls match").
			Annotations(entgql.OrderField("VALID_FROM")),
		field.Time("valid_to").SchemaType(datetime6).Optional().Nillable().Comment("Exclusive; empty means open-ended"),
		field.String("description").Optional().MaxLen(255),
	}
}

// cliAlways is the valid-from of a CLI given no start date.
func cliAlways() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

func (Cli) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("clis").Unique().Required(),
		edge.From("site", Site.Type).Ref("clis").Unique(),
	}
}

func (Cli) Indexes() []ent.Index {
	return []ent.Index{index.Fields("value", "valid_from")}
}

func (Cli) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"github.com/shopspring/decimal"
)

// CompanySettings is the reseller's own settings: one row, read and
// written by backend/company. The GraphQL Settings type serves it, so Ent
// generates no API for it.
type CompanySettings struct{ ent.Schema }

func (CompanySettings) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, AccessMixin{AdminWrites: true}}
}

func (CompanySettings) Fields() []ent.Field {
	return []ent.Field{
		// singleton is always "company" (set by the service: a unique
		// field may have no default); its unique index keeps the table to
		// one row when two processes save the first settings at once.
		field.String("singleton").Immutable().Unique().MaxLen(16),
		field.String("company_name").Optional().MaxLen(255),
		field.Text("address").Optional(),
		field.String("vat_number").Optional().MaxLen(32),
		field.String("logo_blob_key").Optional().MaxLen(255),
		field.String("logo_content_type").Optional().MaxLen(32),
		field.Other("default_tax_rate", decimal.Decimal{}).SchemaType(dec("decimal(7,4)")).Default(decimal.NewFromInt(20)).Comment("Percent, e.g. 20 for UK standard VAT"),
		field.Int("payment_terms_days").Default(30),
		field.String("email_sender_name").Optional().MaxLen(255),
		field.String("email_sender_address").Optional().MaxLen(255),
		field.String("invoice_email_subject").Optional().MaxLen(255),
		field.Text("invoice_email_body").Optional(),
		field.Int64("next_invoice_number").Default(1).Positive(),
	}
}

func (CompanySettings) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

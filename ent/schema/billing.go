package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/shopspring/decimal"
)

// Product is something a reseller sells besides calls: one-off or recurring.
// Its sell price is per tariff (ProductPrice); a customer on a tariff with
// no price of its own pays the default tariff's.
type Product struct{ ent.Schema }

func (Product) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (Product) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(255).Annotations(entgql.OrderField("NAME")),
		field.String("reference").NotEmpty().MaxLen(64).Unique().Annotations(entgql.OrderField("REFERENCE")),
		field.String("category").Optional().MaxLen(128),
		field.String("accounting_code").Optional().MaxLen(64),
		field.Text("description").Optional(),
		field.Enum("recurrence").NamedValues("OneOff", "ONE_OFF", "Monthly", "MONTHLY", "Quarterly", "QUARTERLY", "Yearly", "YEARLY").Default("ONE_OFF"),
		field.Other("tax_rate", decimal.Decimal{}).SchemaType(dec("decimal(7,4)")).Optional().Nillable().Annotations(entgql.Type("Decimal")).
			Comment("Percent, e.g. 20 for UK standard VAT; empty takes the deployment's default rate"),
		field.Other("cost_price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
	}
}

func (Product) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("prices", ProductPrice.Type),
		edge.To("charges", Charge.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Product) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// ProductPrice is a product's sell price on one tariff.
type ProductPrice struct{ ent.Schema }

func (ProductPrice) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (ProductPrice) Fields() []ent.Field {
	return []ent.Field{
		field.Int("product_id"),
		field.Int("tariff_id"),
		field.Other("price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
	}
}

func (ProductPrice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("prices").Field("product_id").Unique().Required(),
		edge.From("tariff", Tariff.Type).Ref("product_prices").Field("tariff_id").Unique().Required(),
	}
}

func (ProductPrice) Indexes() []ent.Index {
	return []ent.Index{index.Fields("product_id", "tariff_id").Unique()}
}

// Charge is an amount owed by a customer: "Call Charges" for a batch of
// calls, a product, or an adjustment. Pending until an invoice takes it.
// A one-off charge has a date; a recurring one runs from start_date to an
// optional end_date and is billed in advance up to billed_through.
// Dates are calendar days stored as their midnight in UTC.
type Charge struct{ ent.Schema }

func (Charge) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (Charge) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").NamedValues("Calls", "CALLS", "Product", "PRODUCT", "Adjustment", "ADJUSTMENT"),
		field.String("description").NotEmpty().MaxLen(255),
		field.Enum("recurrence").NamedValues("OneOff", "ONE_OFF", "Monthly", "MONTHLY", "Quarterly", "QUARTERLY", "Yearly", "YEARLY").Default("ONE_OFF"),
		field.Other("quantity", decimal.Decimal{}).SchemaType(dec("decimal(18,4)")).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("unit_price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("amount", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("tax_rate", decimal.Decimal{}).SchemaType(dec("decimal(7,4)")).Optional().Nillable().Annotations(entgql.Type("Decimal")).
			Comment("Percent; empty takes the deployment's default rate when billed"),
		field.Enum("status").NamedValues("Pending", "PENDING", "Invoiced", "INVOICED").Default("PENDING"),
		field.Time("date").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("A one-off charge's date"),
		field.Time("start_date").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("A recurring charge's first day of service"),
		field.Time("end_date").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("A recurring charge's last day of service; empty while it runs on"),
		field.Time("billed_through").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).
			Comment("The last day of service already billed, here or by the system before Tollgate"),
		field.Time("period_start").SchemaType(datetime6).Optional().Nillable(),
		field.Time("period_end").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (Charge) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("charges").Unique().Required(),
		edge.From("product", Product.Type).Ref("charges").Unique(),
		edge.From("invoice", Invoice.Type).Ref("charges").Unique(),
	}
}

func (Charge) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// BillingSchedule says how often its customers are invoiced.
type BillingSchedule struct{ ent.Schema }

func (BillingSchedule) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (BillingSchedule) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).Unique(),
		field.Enum("frequency").NamedValues("Manual", "MANUAL", "Weekly", "WEEKLY", "Monthly", "MONTHLY", "Quarterly", "QUARTERLY").Default("MONTHLY"),
		field.Int("anchor_day").Range(1, 28).Default(1).Comment("Day of month (or weekday 1-7 for weekly) the schedule triggers"),
		field.Time("next_run_at").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (BillingSchedule) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("customers", Customer.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("runs", BillingRun.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (BillingSchedule) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// BillingRun is one run of the billing wizard for a schedule.
type BillingRun struct{ ent.Schema }

func (BillingRun) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (BillingRun) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").NamedValues("Draft", "DRAFT", "Running", "RUNNING", "Completed", "COMPLETED", "Failed", "FAILED").Default("DRAFT"),
		field.Time("issue_date").SchemaType(datetime6),
		field.Time("calls_up_to").SchemaType(datetime6).Optional().Nillable(),
		field.Int64("starting_number").Optional().Nillable(),
		field.Other("minimum_amount", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Bool("send_emails").Default(true),
		field.Int("invoice_count").NonNegative().Default(0),
		field.Text("failure_reason").Optional(),
	}
}

func (BillingRun) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("schedule", BillingSchedule.Type).Ref("runs").Unique(),
		edge.To("invoices", Invoice.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (BillingRun) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Invoice is numbered sequentially with no gaps or repeats.
type Invoice struct{ ent.Schema }

func (Invoice) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (Invoice) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("number").Positive().Unique().Annotations(entgql.OrderField("NUMBER")),
		field.Time("issue_date").SchemaType(datetime6).Annotations(entgql.OrderField("ISSUE_DATE")),
		field.Time("due_date").SchemaType(datetime6).Optional().Nillable(),
		field.Enum("status").NamedValues("Issued", "ISSUED", "Settled", "SETTLED").Default("ISSUED"),
		field.Other("net_total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("tax_total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Time("sent_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("settled_at").SchemaType(datetime6).Optional().Nillable(),
		field.String("pdf_blob_key").Optional().MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Invoice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("invoices").Unique().Required(),
		edge.From("billing_run", BillingRun.Type).Ref("invoices").Unique(),
		edge.To("lines", InvoiceLine.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("charges", Charge.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Invoice) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// InvoiceLine is one printed line of an invoice, made from one charge.
type InvoiceLine struct{ ent.Schema }

func (InvoiceLine) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (InvoiceLine) Fields() []ent.Field {
	return []ent.Field{
		field.Int("position").NonNegative(),
		field.String("heading").Optional().MaxLen(255).Comment("Child customer or site name under parent billing"),
		field.String("description").MaxLen(255),
		field.Other("quantity", decimal.Decimal{}).SchemaType(dec("decimal(18,4)")).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("unit_price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("amount", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("tax_rate", decimal.Decimal{}).SchemaType(dec("decimal(7,4)")).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
	}
}

func (InvoiceLine) Edges() []ent.Edge {
	return []ent.Edge{edge.From("invoice", Invoice.Type).Ref("lines").Unique().Required()}
}

func (InvoiceLine) Indexes() []ent.Index {
	return []ent.Index{index.Fields("position").Edges("invoice")}
}

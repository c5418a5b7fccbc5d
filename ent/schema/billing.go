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
		field.Int("site_id").Optional().Nillable().Annotations(globalID).
			Comment("The site of a Call Charges charge; empty for calls on CLIs with no site"),
		field.Int64("calls").NonNegative().Default(0).Comment("The number of calls of a Call Charges charge"),
		field.Other("call_total", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")).
			Comment("The exact sum of a Call Charges charge's call prices, before rounding; its statement's rows add up to it"),
	}
}

func (Charge) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("charges").Unique().Required(),
		edge.From("product", Product.Type).Ref("charges").Unique(),
		edge.From("invoice", Invoice.Type).Ref("charges").Unique(),
		edge.To("lines", InvoiceLine.Type).Annotations(entgql.Skip(entgql.SkipAll)),
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
		field.String("run_key").Optional().Nillable().MaxLen(190).Unique().Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("billing-run:<schedule>:<period> for a schedule's run; at most one run holds it, so a period is never billed twice"),
		field.String("period_name").Optional().MaxLen(64).Comment("The period in the schedule's words, e.g. 2026-06"),
		field.Time("period_start").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("The period's first day"),
		field.Time("period_end").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("The day after the period's last"),
		field.JSON("customer_ids", []int{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("A run for chosen customers rather than a whole schedule"),
		field.Int("customers_total").NonNegative().Default(0),
		field.Int("customers_done").NonNegative().Default(0),
		field.Int64("first_number").Optional().Nillable(),
		field.Int64("last_number").Optional().Nillable(),
		field.Other("net_total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Int("documents_done").NonNegative().Default(0).Comment("Invoices whose PDF and statement are rendered and stored"),
		field.Time("started_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("finished_at").SchemaType(datetime6).Optional().Nillable(),
		field.String("lease_owner").Optional().MaxLen(64).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("lease_until").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
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

func (Invoice) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{Portal: portalInvoice}} }

func (Invoice) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("number").Positive().Unique().Annotations(entgql.OrderField("NUMBER")),
		field.Time("issue_date").SchemaType(datetime6).Annotations(entgql.OrderField("ISSUE_DATE")),
		field.Time("due_date").SchemaType(datetime6).Optional().Nillable(),
		field.Enum("status").NamedValues("Issued", "ISSUED", "Settled", "SETTLED", "Deleted", "DELETED").Default("ISSUED").
			Comment("A deleted invoice keeps its number on record, so the sequence has no unexplained gap"),
		field.String("customer_reference").Optional().MaxLen(64).Comment("The customer's reference when the invoice was issued"),
		field.String("customer_name").Optional().MaxLen(255).Comment("The customer's name when the invoice was issued"),
		field.Text("customer_address").Optional(),
		field.String("currency").Optional().MaxLen(3),
		field.Bool("tax_exempt").Default(false),
		field.Time("period_start").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")),
		field.Time("period_end").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("The day after the period's last"),
		field.Other("net_total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("tax_total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("total", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Time("sent_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("settled_at").SchemaType(datetime6).Optional().Nillable(),
		field.Text("settle_comment").Optional(),
		field.Time("deleted_at").SchemaType(datetime6).Optional().Nillable(),
		field.Text("delete_reason").Optional(),
		field.String("pdf_blob_key").Optional().MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("statement_blob_key").Optional().MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("statement_format").NamedValues("Csv", "CSV", "Pdf", "PDF", "None", "NONE").Default("NONE"),
		field.Time("documents_at").SchemaType(datetime6).Optional().Nillable().Comment("When the PDF and statement were rendered and stored"),
	}
}

func (Invoice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("invoices").Unique().Required(),
		edge.From("billing_run", BillingRun.Type).Ref("invoices").Unique(),
		edge.To("lines", InvoiceLine.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("charges", Charge.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("deliveries", Delivery.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func (Invoice) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "due_date")}
}

func (Invoice) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// InvoiceLine is one printed line of an invoice, made from one charge.
type InvoiceLine struct{ ent.Schema }

func (InvoiceLine) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{Portal: portalInvoiceLine}} }

func (InvoiceLine) Fields() []ent.Field {
	return []ent.Field{
		field.Int("position").NonNegative(),
		field.Enum("kind").NamedValues("Calls", "CALLS", "Charge", "CHARGE").Default("CHARGE"),
		field.String("heading").Optional().MaxLen(255).Comment("Child customer or site name under parent billing"),
		field.String("category").Optional().MaxLen(128).Comment("The product's category; lines are grouped by it"),
		field.Int("customer_id").Optional().Nillable().Annotations(globalID).Comment("Whose calls or charge: a child's on its parent's invoice"),
		field.Int64("calls").NonNegative().Default(0),
		field.Other("call_total", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Time("service_from").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")),
		field.Time("service_to").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Type("Date")).Comment("The last day of service the line pays for"),
		field.Bool("pro_rata").Default(false),
		field.String("description").MaxLen(255),
		field.Other("quantity", decimal.Decimal{}).SchemaType(dec("decimal(18,4)")).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("unit_price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("amount", decimal.Decimal{}).SchemaType(dec(scaleInvoice)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("tax_rate", decimal.Decimal{}).SchemaType(dec("decimal(7,4)")).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
	}
}

func (InvoiceLine) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("invoice", Invoice.Type).Ref("lines").Unique().Required(),
		edge.From("charge", Charge.Type).Ref("lines").Unique(),
	}
}

func (InvoiceLine) Indexes() []ent.Index {
	return []ent.Index{index.Fields("position").Edges("invoice")}
}

// Delivery is one email of an invoice to one address: the outbox. It is
// queued in the billing run's transaction, claimed by a worker with a
// lease, retried with back-off, and marked sent once; a resend is a new
// delivery.
type Delivery struct{ ent.Schema }

func (Delivery) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (Delivery) Fields() []ent.Field {
	return []ent.Field{
		field.String("recipient").NotEmpty().MaxLen(255),
		field.Enum("status").NamedValues("Queued", "QUEUED", "Sending", "SENDING", "Sent", "SENT", "Failed", "FAILED", "Cancelled", "CANCELLED").Default("QUEUED"),
		field.Int("attempts").NonNegative().Default(0),
		field.Time("next_attempt_at").SchemaType(datetime6).Optional().Nillable(),
		field.Text("last_error").Optional(),
		field.Time("sent_at").SchemaType(datetime6).Optional().Nillable(),
		field.String("message_id").Optional().MaxLen(255).Comment("The Message-ID header, fixed when queued so a retry is recognisable"),
		field.String("outbox_file").Optional().MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)).Comment("Embedded mode: the .eml written to the outbox"),
		field.String("lease_owner").Optional().MaxLen(64).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("lease_until").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Delivery) Edges() []ent.Edge {
	return []ent.Edge{edge.From("invoice", Invoice.Type).Ref("deliveries").Unique().Required()}
}

func (Delivery) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "next_attempt_at")}
}

func (Delivery) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

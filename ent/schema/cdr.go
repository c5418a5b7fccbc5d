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

// CdrUpload is one CDR file from a provider, one direction per file. Its row
// holds the whole state of its analysis and processing, so any process can
// pick the work up again after a restart.
type CdrUpload struct{ ent.Schema }

func (CdrUpload) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (CdrUpload) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("direction").NamedValues("Outbound", "OUTBOUND", "Inbound", "INBOUND").Default("OUTBOUND"),
		field.String("file_name").MaxLen(255),
		field.String("sha256").MaxLen(64).Unique().Comment("The same file twice is refused"),
		field.Int64("size_bytes").NonNegative().Default(0),
		field.String("blob_key").MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("status").
			NamedValues("Uploaded", "UPLOADED", "Analysing", "ANALYSING", "Ready", "READY",
				"Processing", "PROCESSING", "Processed", "PROCESSED", "Failed", "FAILED").
			Default("UPLOADED").Annotations(entgql.OrderField("STATUS")),
		field.Text("failure_reason").Optional(),
		field.Int("analysis_run").NonNegative().Default(0).Comment("Bumped by each (re-)analysis; calls carry it"),
		field.String("phase").Optional().MaxLen(32),
		field.Int64("lines_done").NonNegative().Default(0),
		field.Int64("lines_read").NonNegative().Default(0),
		field.Int64("priced").NonNegative().Default(0),
		field.Int64("without_customer").NonNegative().Default(0),
		field.Int64("without_rate").NonNegative().Default(0),
		field.Int64("zero_duration").NonNegative().Default(0),
		field.Int64("duplicates").NonNegative().Default(0),
		field.Int64("unreadable").NonNegative().Default(0),
		field.Other("total_price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("total_cost", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Time("analysed_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("processed_at").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (CdrUpload) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("provider", Provider.Type).Ref("uploads").Unique().Required(),
		edge.To("calls", Call.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("line_errors", CdrLineError.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (CdrUpload) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField("cdrUploads"), entgql.RelayConnection()}
}

// Call is one call line of an upload after analysis. Every line of a file is
// counted exactly once (CDR-FORMATS.md, Counting). Kept lean: every index on
// this table costs bulk-load throughput.
type Call struct{ ent.Schema }

func (Call) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (Call) Fields() []ent.Field {
	return []ent.Field{
		field.Int("line").Positive().Comment("1-based physical line in the CDR file"),
		field.Int("analysis_run").NonNegative().Default(0).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("status").NamedValues("Priced", "PRICED", "NoCustomer", "NO_CUSTOMER", "NoRate", "NO_RATE",
			"ZeroDuration", "ZERO_DURATION", "Duplicate", "DUPLICATE"),
		field.Enum("direction").NamedValues("Outbound", "OUTBOUND", "Inbound", "INBOUND").Default("OUTBOUND"),
		field.String("source").MaxLen(64),
		field.String("destination").MaxLen(64),
		field.String("account").Optional().MaxLen(64),
		field.String("charge_code").Optional().MaxLen(64),
		field.Time("start").SchemaType(datetime6).Annotations(entgql.OrderField("START")),
		field.Int("duration").NonNegative(),
		field.Int("billable_seconds").NonNegative().Default(0),
		field.Enum("band").NamedValues("Peak", "PEAK", "Offpeak", "OFFPEAK", "Weekend", "WEEKEND").Optional(),
		field.String("rate_destination").Optional().MaxLen(64),
		field.Other("price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")).Annotations(entgql.OrderField("PRICE")),
		field.Bool("cost_known").Default(false),
		field.Other("cost", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.String("unique_key").MaxLen(64).Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("SHA-256 of the duplicate key: provider + unique_id, else provider + source + destination + start + duration"),
		field.Bool("processed").Default(false).Comment("Applied to its customer: an unbilled call until a charge takes it"),
	}
}

func (Call) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("upload", CdrUpload.Type).Ref("calls").Unique().Required(),
		edge.From("customer", Customer.Type).Ref("calls").Unique(),
		edge.From("charge", Charge.Type).Ref("calls").Unique().Comment("The Call Charges charge that billed it"),
	}
}

func (Call) Indexes() []ent.Index {
	return []ent.Index{
		index.Edges("upload"),
		index.Fields("unique_key"),
		index.Fields("processed", "start").Edges("customer"),
	}
}

func (Call) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// CdrLineError is an unreadable line of an upload, with the reason.
type CdrLineError struct{ ent.Schema }

func (CdrLineError) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (CdrLineError) Fields() []ent.Field {
	return []ent.Field{
		field.Int("analysis_run").NonNegative().Default(0).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("line").Positive(),
		field.String("reason").MaxLen(512),
		field.String("excerpt").Optional().MaxLen(256).Comment("The start of the line as read"),
	}
}

func (CdrLineError) Edges() []ent.Edge {
	return []ent.Edge{edge.From("upload", CdrUpload.Type).Ref("line_errors").Unique().Required()}
}

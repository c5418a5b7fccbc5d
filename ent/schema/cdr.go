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
		field.String("file_name").MaxLen(255).Annotations(entgql.OrderField("FILE_NAME")),
		field.String("sha256").MaxLen(64).Unique().Comment("The same file twice is refused"),
		field.Int64("size_bytes").NonNegative().Default(0),
		field.String("blob_key").MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("status").
			NamedValues("Uploaded", "UPLOADED", "Analysing", "ANALYSING", "Ready", "READY",
				"Processing", "PROCESSING", "Processed", "PROCESSED", "Failed", "FAILED").
			Default("UPLOADED").Annotations(entgql.OrderField("STATUS")),
		field.Text("failure_reason").Optional(),
		field.Int("analysis_run").NonNegative().Default(0).Comment("Bumped by each (re-)analysis; its task id carries it"),
		field.Int("processing_run").NonNegative().Default(0).Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("Bumped by each processing request; its task id carries it, so a retained old task never blocks a new one"),
		field.Bool("calls_to_clear").Default(false).Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("A failed analysis left calls to delete; the re-drive finishes the clean-up"),
		field.String("phase").Optional().MaxLen(32),
		field.Int64("lines_done").NonNegative().Default(0),
		field.Int64("lines_read").NonNegative().Default(0),
		field.Int64("priced").NonNegative().Default(0),
		field.Int64("without_customer").NonNegative().Default(0),
		field.Int64("without_rate").NonNegative().Default(0),
		field.Int64("zero_duration").NonNegative().Default(0),
		field.Int64("duplicates").NonNegative().Default(0),
		field.Int64("unreadable").NonNegative().Default(0),
		field.Int("customers").NonNegative().Default(0).Comment("Customers with priced calls in this upload"),
		field.Int64("not_voice").NonNegative().Default(0).Comment("Lines that are not voice calls (FCS data, SMS): not calls, not counted in lines read"),
		field.Int64("bytes_total").NonNegative().Default(0).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int64("bytes_done").NonNegative().Default(0),
		field.Int64("lines_per_second").NonNegative().Default(0),
		field.Int("price_decimals").Default(4).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("phase_started_at").SchemaType(datetime6).Optional().Nillable(),
		field.Other("total_price", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("total_cost", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")).
			Comment("Cost of the priced calls whose cost is known"),
		field.Other("total_margin", decimal.Decimal{}).SchemaType(dec(scaleCall)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")).
			Comment("Price minus cost over the priced calls whose cost is known"),
		field.String("lease_owner").Optional().MaxLen(64).Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("The analysis run holding the upload; a crashed worker's lease lapses and another run takes over"),
		field.Time("lease_until").SchemaType(datetime6).Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("calls_from").SchemaType(datetime6).Optional().Nillable().Comment("Start of the earliest call: uploads whose calls do not overlap in time cannot share a duplicate"),
		field.Time("calls_to").SchemaType(datetime6).Optional().Nillable().Comment("Start of the latest call"),
		field.Time("analysed_at").SchemaType(datetime6).Optional().Nillable(),
		field.Time("processed_at").SchemaType(datetime6).Optional().Nillable(),
	}
}

func (CdrUpload) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("provider", Provider.Type).Ref("uploads").Unique().Required(),
		edge.To("line_errors", CdrLineError.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (CdrUpload) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField("cdrUploads"), entgql.RelayConnection()}
}

// Call is one call line of an upload after analysis. Every line of a file is
// counted exactly once (docs/analysis.md, Every line counted once).
//
// Calls are bulk-loaded a million at a time, so the table is lean: plain id
// columns instead of foreign keys (no per-row constraint checks), money as
// integer units of 10^-decimals major (exact on every database, and cheap to
// load and sum), and only the indexes analysis, billing and browsing need —
// every index costs load throughput. A call is an unbilled call of its
// customer while its upload is PROCESSED and no charge has taken it.
type Call struct{ ent.Schema }

func (Call) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{Portal: portalCall}} }

func (Call) Fields() []ent.Field {
	return []ent.Field{
		field.Int("upload_id").Immutable().Annotations(globalID),
		field.Int("line").Positive().Comment("1-based physical line in the CDR file"),
		field.Enum("status").NamedValues("Priced", "PRICED", "NoCustomer", "NO_CUSTOMER", "NoRate", "NO_RATE",
			"ZeroDuration", "ZERO_DURATION", "Duplicate", "DUPLICATE").Annotations(entgql.OrderField("STATUS")),
		field.String("source").MaxLen(64),
		field.String("destination").MaxLen(64),
		field.String("account").Optional().MaxLen(64),
		field.String("charge_code").Optional().MaxLen(64),
		field.Time("start").SchemaType(datetime6).Annotations(entgql.OrderField("START")),
		field.Int("duration").NonNegative().Annotations(entgql.OrderField("DURATION")),
		field.Int("billable_seconds").NonNegative().Default(0),
		field.Enum("band").NamedValues("Peak", "PEAK", "Offpeak", "OFFPEAK", "Weekend", "WEEKEND").Optional(),
		field.String("rate_destination").Optional().MaxLen(64),
		field.Int64("price_units").Default(0).Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("Sell price in 10^-price_decimals major units; for a call without a customer, its value at the default tariff"),
		field.Int64("cost_units").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)).Comment("Empty when the cost is unknown"),
		field.Int("price_decimals").Default(4).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int64("dup_key").Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("64-bit hash of provider + unique id, else provider + source + destination + start + duration"),
		field.Int("customer_id").Optional().Nillable().Annotations(globalID),
		field.Int("rate_sheet_id").Optional().Nillable().Annotations(globalID).Comment("The version that priced it"),
		field.Int("charge_id").Optional().Nillable().Annotations(globalID).Comment("The Call Charges charge that billed it"),
		field.Int("site_id").Optional().Nillable().Annotations(globalID).Comment("The site of the CLI that matched the call, if it has one"),
	}
}

// globalID makes a field holding another entity's id a GraphQL ID: Ent's
// global ids exceed 2^31, which the GraphQL spec's 32-bit Int forbids.
var globalID = entgql.Type("ID")

func (Call) Indexes() []ent.Index {
	return []ent.Index{
		// Calls are loaded in line order, so (upload_id, line) grows at its
		// end like the primary key and costs the load almost nothing; a
		// customer's calls are reached through the few uploads of a period.
		// The duplicate key's index is the one random-order index the load
		// pays for (measured: each random-order index adds ~3-4 s per
		// million calls on MariaDB).
		index.Fields("upload_id", "line"),
		index.Fields("dup_key"),
		// A charge's calls, for its statement, a page at a time in id
		// order (InnoDB keeps the primary key in the index). A call is
		// loaded with no charge, and NULLs sort by id, so the load only
		// appends to this index; a customer's unbilled calls are reached
		// through the uploads, set-based for a whole run (README
		// Performance compares the index that would serve them directly).
		index.Fields("charge_id"),
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

// UploadCustomerTotal is what an upload's priced calls come to for one
// customer, counted by its analysis: processing adds it to the customer's
// unbilled total without reading the calls again.
type UploadCustomerTotal struct{ ent.Schema }

func (UploadCustomerTotal) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (UploadCustomerTotal) Fields() []ent.Field {
	return []ent.Field{
		field.Int("upload_id"),
		field.Int("customer_id"),
		field.Int64("calls").NonNegative(),
		field.Int64("price_units"),
		field.Int("price_decimals"),
	}
}

func (UploadCustomerTotal) Indexes() []ent.Index {
	return []ent.Index{index.Fields("upload_id", "customer_id").Unique()}
}

func (UploadCustomerTotal) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

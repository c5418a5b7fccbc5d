package schema

import (
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/shopspring/decimal"
	"github.com/tollgate/tollgate/backend/cdr"
)

// Tariff groups the rate sheets a customer is priced with.
type Tariff struct{ ent.Schema }

func (Tariff) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (Tariff) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).Unique().Annotations(entgql.OrderField("NAME")),
		field.Bool("is_default").Default(false).
			Comment("Prices customers without a tariff, and unmatched calls for reconciliation"),
		field.Enum("band_mode").NamedValues("Start", "START", "Split", "SPLIT").Default("START").
			Comment("START: the band at the call's start prices it all; SPLIT: each second at its own band"),
		field.Text("description").Optional(),
	}
}

func (Tariff) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("customers", Customer.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("product_prices", ProductPrice.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("rate_sheets", RateSheet.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("peak_times", PeakTimes.Type).Ref("tariffs").Unique().
			Comment("Empty means the default peak-times schedule"),
	}
}

func (Tariff) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// PeakTimes is a schedule of band blocks. Time covered by no block is peak.
type PeakTimes struct{ ent.Schema }

func (PeakTimes) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (PeakTimes) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).Unique(),
		field.Bool("is_default").Default(false),
	}
}

func (PeakTimes) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("blocks", PeakTimeBlock.Type).Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("tariffs", Tariff.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (PeakTimes) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField("peakTimesList"), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// PeakTimeBlock is one row of a peak-times schedule: a band on some weekdays
// from start (inclusive) to end (exclusive), in local wall-clock time.
type PeakTimeBlock struct{ ent.Schema }

func (PeakTimeBlock) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (PeakTimeBlock) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("band").NamedValues("Peak", "PEAK", "Offpeak", "OFFPEAK", "Weekend", "WEEKEND"),
		field.Int("weekdays").Range(1, 127).Comment("A set of days: bit i is Go's time.Weekday(i), so bit 0 is Sunday"),
		field.Int("start_minute").Range(0, 1439).Comment("Minutes after local midnight, inclusive"),
		field.Int("end_minute").Range(1, 1440).Comment("Exclusive; 1440 is 24:00"),
	}
}

func (PeakTimeBlock) Edges() []ent.Edge {
	return []ent.Edge{edge.From("peak_times", PeakTimes.Type).Ref("blocks").Unique().Required()}
}

// Provider is a VoIP / SIP provider the reseller buys from; it fixes the CDR
// format and the time zone of the file's timestamps.
type Provider struct{ ent.Schema }

func (Provider) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (Provider) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).Unique().Annotations(entgql.OrderField("NAME")),
		// The formats are declared in backend/cdr; a new one there is a new value here.
		field.Enum("cdr_format").NamedValues(cdrFormatValues()...),
		field.String("time_zone").Default("Europe/London").MaxLen(64).
			Comment("IANA zone the provider's CDR timestamps are written in"),
		field.JSON("column_mapping", &cdr.Mapping{}).Optional().
			Comment("For the generic csv format: which column holds each record field, the time layouts, zone and duration unit").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// cdrFormatValues are the (Go name, value) pairs of the provider's format
// enum, one per declared CDR format: "Asterisk", "ASTERISK", ...
func cdrFormatValues() []string {
	var pairs []string
	for _, f := range cdr.ProviderFormats() {
		pairs = append(pairs, strings.ToUpper(f.Name[:1])+f.Name[1:], f.Value())
	}
	return pairs
}

func (Provider) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("rate_sheets", RateSheet.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("uploads", CdrUpload.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Provider) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// RateSheet is one version of the prices of a tariff for a provider (or any
// provider) and a direction. Versions are never changed once uploaded; the
// version in force at a call's start prices it.
type RateSheet struct{ ent.Schema }

func (RateSheet) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AccessMixin{}} }

func (RateSheet) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("direction").NamedValues("Outbound", "OUTBOUND", "Inbound", "INBOUND").Default("OUTBOUND"),
		field.Int("version").Positive().Immutable().Annotations(entgql.OrderField("VERSION")),
		field.Time("effective_from").SchemaType(datetime6).Annotations(entgql.OrderField("EFFECTIVE_FROM")),
		field.String("file_name").Optional().MaxLen(255),
		field.String("file_sha256").Optional().MaxLen(64),
		field.Enum("units").NamedValues("Minor", "MINOR", "Major", "MAJOR").Default("MINOR").Comment("Units of the uploaded file; rows are stored in minor units"),
		field.String("blob_key").Optional().MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("row_count").NonNegative().Default(0),
	}
}

func (RateSheet) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("tariff", Tariff.Type).Ref("rate_sheets").Unique().Required(),
		edge.From("provider", Provider.Type).Ref("rate_sheets").Unique().Comment("Empty means any provider"),
		edge.To("rates", Rate.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (RateSheet) Indexes() []ent.Index {
	return []ent.Index{index.Fields("direction", "effective_from").Edges("tariff")}
}

func (RateSheet) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// Rate is one destination row of a rate sheet version. Money is in minor
// units per minute, exactly as the sheet gave it.
type Rate struct{ ent.Schema }

func (Rate) Mixin() []ent.Mixin { return []ent.Mixin{AccessMixin{}} }

func (Rate) Fields() []ent.Field {
	return []ent.Field{
		field.String("destination").NotEmpty().MaxLen(64).
			Comment("As written in the sheet: a number prefix (+44113) or a charge code").Annotations(entgql.OrderField("DESTINATION")),
		field.String("prefix").MaxLen(64).Comment("The normalised prefix digits, or the upper-cased charge code"),
		field.Bool("is_code").Default(false),
		field.String("description").Optional().MaxLen(255),
		field.Other("minimum_charge", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("connection_fee", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("peak", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("offpeak", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("weekend", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Type("Decimal")),
		field.Other("peak_cost", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Other("offpeak_cost", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Other("weekend_cost", decimal.Decimal{}).SchemaType(dec(scaleRate)).Default(decimal.Zero).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Uint8("costs_known").Default(0).Comment("Bit 0 peak, 1 offpeak, 2 weekend: which cost columns the sheet gave").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("block_first").NonNegative().Default(0).Comment("A of an A/B duration block; 0 for the plain form B"),
		field.Int("block_next").Positive().Default(1).Comment("B of an A/B duration block"),
		field.Int("line").NonNegative().Default(0).Comment("Line of the uploaded file").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Rate) Edges() []ent.Edge {
	return []ent.Edge{edge.From("rate_sheet", RateSheet.Type).Ref("rates").Unique().Required()}
}

func (Rate) Indexes() []ent.Index {
	return []ent.Index{index.Fields("prefix").Edges("rate_sheet").Unique()}
}

func (Rate) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin adds created_at and updated_at, kept in UTC with microseconds.
type TimeMixin struct{ mixin.Schema }

func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").SchemaType(datetime6).Immutable().Default(now).
			Annotations(entgql.OrderField("CREATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("updated_at").SchemaType(datetime6).Default(now).UpdateDefault(now).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

func now() time.Time { return time.Now().UTC() }

// datetime6 makes timestamp columns datetime(6) on MySQL so sub-second CDR
// times survive; every time is stored and compared in UTC.
var datetime6 = map[string]string{dialect.MySQL: "datetime(6)"}

// Money scales. Rates carry up to 6 decimal places of minor units; a call's
// price is major units at 4 dp (call_price_decimals); charges, invoices and
// tax are 2 dp (docs/rating.md, Money).
const (
	scaleRate    = "decimal(20,6)"
	scaleCall    = "decimal(18,4)"
	scaleInvoice = "decimal(18,2)"
)

// dec is the column type of an exact decimal: DECIMAL on MySQL; text on
// SQLite, which has no exact decimal type, so every sum is made in Go and
// never by SQL there.
func dec(mysqlType string) map[string]string {
	return map[string]string{dialect.MySQL: mysqlType, dialect.SQLite: "text"}
}

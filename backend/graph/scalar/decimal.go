// Package scalar holds the custom GraphQL scalars.
package scalar

import (
	"io"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/shopspring/decimal"
)

// Decimal is exact money and rates on the wire: always a JSON string, so no
// client ever parses it into a binary float by accident.
type Decimal = decimal.Decimal

// MarshalDecimal writes d as a quoted string in canonical form, without
// trailing zeros ("0.008", "12.3"): the same value reads the same whatever
// the database or column it came from. Clients pad for display (a call
// price to call_price_decimals places, an invoice amount to 2).
func MarshalDecimal(d decimal.Decimal) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(d.String())) })
}

// The widest decimal the money and rate columns store: decimal(20,6) holds
// 14 digits before the point and 6 after.
const (
	MaxDecimalIntegerDigits = 14
	MaxDecimalPlaces        = 6
)

// UnmarshalDecimal reads a string (or, leniently, an integer) into a decimal
// the database columns can hold. A JSON float is refused: it may already
// have lost exactness.
func UnmarshalDecimal(v any) (decimal.Decimal, error) {
	var d decimal.Decimal
	switch x := v.(type) {
	case string:
		var err error
		if d, err = decimal.NewFromString(x); err != nil || strings.ContainsAny(x, "eE") {
			return decimal.Decimal{}, invalid("%q is not a decimal number such as \"12.50\" (a point, not a comma, and no exponent)", x)
		}
	case int:
		d = decimal.NewFromInt(int64(x))
	case int64:
		d = decimal.NewFromInt(x)
	default:
		return decimal.Decimal{}, invalid("a Decimal must be sent as a string such as \"12.50\"")
	}
	if -d.Exponent() > MaxDecimalPlaces && !d.Equal(d.Truncate(MaxDecimalPlaces)) {
		return decimal.Decimal{}, invalid("%s has more than %d decimal places", d, MaxDecimalPlaces)
	}
	if d.Abs().GreaterThanOrEqual(decimal.New(1, MaxDecimalIntegerDigits)) {
		return decimal.Decimal{}, invalid("%s is too large: at most %d digits before the decimal point", d, MaxDecimalIntegerDigits)
	}
	return d, nil
}

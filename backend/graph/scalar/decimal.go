// Package scalar holds the custom GraphQL scalars.
package scalar

import (
	"fmt"
	"io"
	"strconv"

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

// UnmarshalDecimal reads a string (or, leniently, an integer) into a decimal.
// A JSON float is refused: it may already have lost exactness.
func UnmarshalDecimal(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case string:
		d, err := decimal.NewFromString(x)
		if err != nil {
			return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number", x)
		}
		return d, nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	default:
		return decimal.Decimal{}, fmt.Errorf("a Decimal must be sent as a string such as \"12.50\"")
	}
}

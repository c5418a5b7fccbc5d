package scalar

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/tollgate/tollgate/backend/apperr"
)

// The range of times every supported database stores as written: MariaDB's
// DATETIME holds years 1000 to 9999, and turns an earlier time into
// 0000-00-00, which no later read can parse.
var (
	MinTime = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxTime = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// MarshalTime writes RFC 3339 with the offset kept; the zero time is null.
func MarshalTime(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(t.Format(time.RFC3339Nano))) })
}

// UnmarshalTime reads an RFC 3339 time within the range the databases
// store. An empty string is refused rather than read as the zero time
// (year 1), which the databases cannot store either.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, invalid("a time must be a string such as \"2026-07-01T00:00:00Z\"")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, invalid("%q is not a date and time such as \"2026-07-01T00:00:00Z\" (RFC 3339, with Z or an offset)", s)
	}
	if t.Before(MinTime) || t.After(MaxTime) {
		return time.Time{}, invalid("%s is outside the dates Tollgate can store (years 1000 to 9999)", s)
	}
	return t, nil
}

// MarshalID writes an id as a string, as GraphQL's ID is.
func MarshalID(id int) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(strconv.Itoa(id))) })
}

// UnmarshalID reads an id: a positive whole number the databases' 64-bit
// keys can hold, sent as a string or a number.
func UnmarshalID(v any) (int, error) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = string(x)
	case int:
		s = strconv.Itoa(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	default:
		return 0, invalid("an id must be a string such as \"42\"")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 || n > math.MaxInt {
		return 0, invalid("%q is not an id: ids are whole numbers from 1 to %d", s, int64(math.MaxInt64))
	}
	return int(n), nil
}

// ErrBadValue marks the errors of the scalars: a value sent that cannot be
// read, which the error presenter reports on the argument's path.
var ErrBadValue = errors.New("bad scalar value")

func invalid(format string, args ...any) error {
	e := apperr.New(apperr.Invalid, format, args...)
	e.Err = ErrBadValue
	return e
}

package scalar

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalDate writes a calendar day, 2026-06-30. Days are stored as their
// midnight in UTC, so the day is read in UTC whatever the server's zone.
func MarshalDate(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(time.DateOnly))) })
}

// UnmarshalDate reads a calendar day written 2026-06-30 as its midnight in
// UTC.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, invalid("a date must be a string such as \"2026-06-30\"")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, invalid("%q is not a date such as \"2026-06-30\"", s)
	}
	if t.Before(MinTime) || t.After(MaxTime) {
		return time.Time{}, invalid("%s is outside the dates Tollgate can store (years 1000 to 9999)", s)
	}
	return t, nil
}

package apperr

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/privacy"
)

// Classified is what a person is told about an error, whichever door (the
// GraphQL API or a file download) it came through.
type Classified struct {
	Code    Code
	Field   string // the input field at fault, if any
	Message string
	Details map[string]any // extra facts for API consumers (see Error)
}

// Status is the HTTP status of the classification's code.
func (c Classified) Status() int {
	switch c.Code {
	case Invalid:
		return http.StatusBadRequest
	case Conflict:
		return http.StatusConflict
	case NotFound:
		return http.StatusNotFound
	case Unauthenticated:
		return http.StatusUnauthorized
	case Forbidden:
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// Classify maps an error to its code, field and message: an *Error keeps
// its own; Ent's validation, constraint, not-found and privacy errors get
// the code they mean; anything else is Internal with no message (the
// cause is for the logs only; see Report). Only Ent's "not found" and a
// NotFound *Error become NOT_FOUND.
func Classify(err error) Classified {
	if e, ok := As(err); ok {
		return Classified{Code: e.Code, Field: e.Field, Message: e.Message, Details: e.Details}
	}
	var ve *ent.ValidationError
	if errors.As(err, &ve) {
		return Classified{Code: Invalid, Field: camel(ve.Name), Message: validationMessage(ve)}
	}
	if ent.IsConstraintError(err) {
		return Classified{Code: Conflict, Message: "this clashes with existing data (a duplicate, or a record still in use)"}
	}
	if ent.IsNotFound(err) {
		return Classified{Code: NotFound, Message: "not found: it does not exist or you cannot see it"}
	}
	if errors.Is(err, privacy.Deny) {
		msg := err.Error()
		if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "ent/privacy") {
			msg = msg[i+2:]
		}
		return Classified{Code: Forbidden, Message: msg}
	}
	return Classified{Code: Internal}
}

// Report classifies err for the person who caused it. An internal error is
// logged with a fresh reference, and the person is given that reference
// instead of the cause: no SQL or stack trace leaves the server. A request
// the client gave up on is logged at debug level only.
func Report(ctx context.Context, log *slog.Logger, err error, attrs ...any) Classified {
	c := Classify(err)
	if c.Code != Internal {
		return c
	}
	if errors.Is(err, context.Canceled) {
		log.DebugContext(ctx, "request cancelled", attrs...)
		c.Message = "the request was cancelled"
		return c
	}
	ref := Reference()
	log.ErrorContext(ctx, "internal error", append([]any{"ref", ref, "err", err}, attrs...)...)
	c.Message = "something went wrong on our side (reference " + ref + "); nothing was changed"
	return c
}

func validationMessage(ve *ent.ValidationError) string {
	name := strings.ReplaceAll(ve.Name, "_", " ")
	inner := errors.Unwrap(ve)
	if inner == nil {
		return name + " is not valid"
	}
	msg := inner.Error()
	switch {
	case strings.Contains(msg, "empty"):
		return name + " is required"
	case strings.Contains(msg, "too long"):
		return name + " is too long"
	}
	return name + ": " + msg
}

// camel turns a column name into the GraphQL input field name.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// Reference returns a short random reference that ties a message shown to
// a person to the log line holding the technical details.
func Reference() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/privacy"
)

// ErrorPresenter gives every error an extensions.code and a message a person
// can act on. Internal errors are logged with a reference and shown only as
// that reference: no stack traces or SQL reach a client.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
			return gerr // already classified (parse and validation errors)
		}
		code, field, msg := classify(err)
		if e, ok := apperr.As(err); ok {
			for k, v := range e.Details {
				if gerr.Extensions == nil {
					gerr.Extensions = map[string]any{}
				}
				gerr.Extensions[k] = v
			}
		}
		if code == apperr.Internal && errors.Is(err, context.Canceled) {
			// The client went away mid-request: nothing to report.
			log.DebugContext(ctx, "request cancelled", "path", gerr.Path.String())
			msg = "the request was cancelled"
		} else if code == apperr.Internal {
			ref := reference()
			log.ErrorContext(ctx, "internal error", "ref", ref, "path", gerr.Path.String(), "err", err)
			msg = "something went wrong on our side (reference " + ref + "); nothing was changed"
		}
		gerr.Message = msg
		if gerr.Extensions == nil {
			gerr.Extensions = map[string]any{}
		}
		gerr.Extensions["code"] = string(code)
		if field != "" {
			gerr.Extensions["field"] = field
		}
		return gerr
	}
}

func classify(err error) (apperr.Code, string, string) {
	if e, ok := apperr.As(err); ok {
		return e.Code, e.Field, e.Message
	}
	var ve *ent.ValidationError
	if errors.As(err, &ve) {
		return apperr.Invalid, camel(ve.Name), validationMessage(ve)
	}
	if ent.IsConstraintError(err) {
		return apperr.Conflict, "", "this clashes with existing data (a duplicate, or a record still in use)"
	}
	if ent.IsNotFound(err) {
		return apperr.NotFound, "", "not found: it does not exist or you cannot see it"
	}
	if errors.Is(err, privacy.Deny) {
		msg := err.Error()
		if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "ent/privacy") {
			msg = msg[i+2:]
		}
		return apperr.Forbidden, "", msg
	}
	// A GraphQL error of gqlgen's own making (a bad argument) wraps nothing.
	var gq *gqlerror.Error
	if errors.As(err, &gq) && gq.Err == nil {
		return apperr.Invalid, "", gq.Message
	}
	return apperr.Internal, "", ""
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

func reference() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

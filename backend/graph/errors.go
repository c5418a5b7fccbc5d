package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tollgate/tollgate/backend/apperr"
)

// ErrorPresenter gives every error an extensions.code and a message a person
// can act on, as apperr classifies it (the downloads use the same
// classification). Internal errors are logged with a reference and shown
// only as that reference: no stack traces or SQL reach a client.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
			return gerr // already classified (parse and validation errors)
		}
		var c apperr.Classified
		// A GraphQL error of gqlgen's own making (a bad argument) wraps nothing.
		if gq := (*gqlerror.Error)(nil); errors.As(err, &gq) && gq.Err == nil {
			c = apperr.Classified{Code: apperr.Invalid, Message: gq.Message}
		} else {
			c = apperr.Report(ctx, log, err, "path", gerr.Path.String())
		}
		gerr.Message = c.Message
		if gerr.Extensions == nil {
			gerr.Extensions = map[string]any{}
		}
		for k, v := range c.Details {
			gerr.Extensions[k] = v
		}
		gerr.Extensions["code"] = string(c.Code)
		if c.Field != "" {
			gerr.Extensions["field"] = c.Field
		}
		return gerr
	}
}

package graph

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/graph/scalar"
)

// ErrorPresenter gives every error an extensions.code and a message a person
// can act on, as apperr classifies it (the downloads use the same
// classification). Internal errors are logged with a reference and shown
// only as that reference: no stack traces or SQL reach a client.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions != nil && gerr.Extensions["code"] == complexityCode {
			// gqlgen's own words name numbers but not what to do.
			gerr.Message += "; ask for fewer rows at once (a smaller first:) or fewer nested lists and totals, in several queries if need be"
			gerr.Extensions["limit"] = "complexity"
			return gerr
		}
		if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
			return gerr // already classified (parse and validation errors)
		}
		var c apperr.Classified
		// A GraphQL error of gqlgen's own making (a bad argument) wraps nothing.
		if gq := (*gqlerror.Error)(nil); errors.As(err, &gq) && gq.Err == nil {
			c = apperr.Classified{Code: apperr.Invalid, Message: gq.Message}
		} else if m, ok := timedOut(ctx); ok && apperr.Classify(err).Code == apperr.Internal {
			c = apperr.Classified{Code: apperr.Invalid, Message: m}
		} else {
			c = apperr.Report(ctx, log, err, "path", gerr.Path.String())
		}
		if c.Field == "" && errors.Is(err, scalar.ErrBadValue) {
			c.Field = argumentPath(gerr.Path)
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

// argumentPath names the input of a value gqlgen could not read from the
// path it reports (createCli.input.validFrom): the argument's path below
// the field, without the "input" wrapper every mutation has, as the
// services name fields.
func argumentPath(p ast.Path) string {
	var parts []string
	for i, el := range p {
		if i == 0 {
			continue
		}
		switch v := el.(type) {
		case ast.PathName:
			if i == 1 && v == "input" && len(p) > 2 {
				continue
			}
			parts = append(parts, string(v))
		case ast.PathIndex:
			parts = append(parts, strconv.Itoa(int(v)))
		}
	}
	return strings.Join(parts, ".")
}

// complexityCode is the code gqlgen gives an operation over the complexity
// limit.
const complexityCode = "COMPLEXITY_LIMIT_EXCEEDED"

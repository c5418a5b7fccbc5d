package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/tollgate/tollgate/backend/audit"
)

// AuditMutations records every mutation in the audit log, once the
// response is known (outcome OK or the first error's code), and every
// operation refused for its cost (depth, aggregates, complexity) or before
// it could run. Only the ids in the variables are written (audit.IDsIn).
type AuditMutations struct{ Log *audit.Log }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = AuditMutations{}

func (AuditMutations) ExtensionName() string                   { return "AuditMutations" }
func (AuditMutations) Validate(graphql.ExecutableSchema) error { return nil }

func (a AuditMutations) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if a.Log == nil || resp == nil || !graphql.HasOperationContext(ctx) {
		return resp
	}
	oc := graphql.GetOperationContext(ctx)
	outcome, message, limit := audit.OK, "", ""
	if len(resp.Errors) > 0 {
		e := resp.Errors[0]
		outcome, message = "ERROR", e.Message
		if c, ok := e.Extensions["code"].(string); ok {
			outcome = c
		}
		if l, ok := e.Extensions["limit"].(string); ok {
			limit = "refused:" + l
		}
	}
	var action string
	switch {
	case oc.Operation != nil && oc.Operation.Operation == ast.Mutation:
		action = strings.Join(topFields(oc.Operation.SelectionSet), ",")
		if limit != "" {
			action = limit + " " + action
		}
	case limit != "":
		action = limit
	default:
		return resp // queries and subscriptions that ran are not audited
	}
	name := oc.OperationName
	if name == "" && oc.Operation != nil {
		name = oc.Operation.Name
	}
	_ = a.Log.Record(ctx, audit.OriginFrom(ctx), audit.Entry{
		Action: action, Operation: name, IDs: audit.IDsIn(oc.Variables),
		Outcome: outcome, Message: message,
	})
	return resp
}

// topFields are the names of a mutation's fields (not their aliases),
// sorted, fragments included.
func topFields(set ast.SelectionSet) []string {
	seen := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				seen[s.Name] = true
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if s.Definition != nil {
					walk(s.Definition.SelectionSet)
				}
			}
		}
	}
	walk(set)
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

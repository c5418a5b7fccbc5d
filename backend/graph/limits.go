package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/graph/generated"
	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/ent"
)

// What a query costs in the complexity model. gqlgen's default counts one
// per field, so a list of a thousand rows cost the same as one row and an
// aggregate over every call the same as a name: 900 aliased totals or six
// levels of customer → CLIs → customer fitted the limit. These weights make
// the cost follow the rows a query makes the database read.
const (
	// manyRows and fewRows are what an edge without pagination is assumed
	// to return: a customer may have hundreds of CLIs, a tariff has a
	// handful of rate sheet versions.
	manyRows = 50
	fewRows  = 10
	// countCost is one COUNT over a filtered table (totalCount).
	countCost = 10
	// aggregateCost is a sum or grouping over calls (callTotals, an
	// upload's unmatched CLIs): a scan of up to millions of rows.
	aggregateCost = 200
)

// Complexity returns the cost model of the schema's expensive fields; every
// other field costs one plus its selection. A page larger than maxPage
// costs as much as maxPage: the resolver refuses it with a clearer message.
func Complexity(maxPage int) generated.ComplexityRoot {
	var c generated.ComplexityRoot
	if maxPage <= 0 {
		maxPage = 100
	}
	page := func(n int, first, last *int) int {
		rows := DefaultPageSize
		if first != nil {
			rows = *first
		} else if last != nil {
			rows = *last
		}
		return 1 + min(max(rows, 1), maxPage)*n
	}

	// Connections cost their page size times what each row selects.
	c.Query.BillingRuns = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.BillingRunOrder, _ *ent.BillingRunWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Calls = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.CallOrder, _ *ent.CallWhereInput) int {
		return page(n, first, last)
	}
	c.Query.CdrUploads = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.CdrUploadOrder, _ *ent.CdrUploadWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Clis = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.CliOrder, _ *ent.CliWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Customers = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.CustomerOrder, _ *ent.CustomerWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Invoices = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.InvoiceOrder, _ *ent.InvoiceWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Products = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.ProductOrder, _ *ent.ProductWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Providers = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.ProviderOrder, _ *ent.ProviderWhereInput) int {
		return page(n, first, last)
	}
	c.Query.RateSheets = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.RateSheetOrder, _ *ent.RateSheetWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Tariffs = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.TariffOrder, _ *ent.TariffWhereInput) int {
		return page(n, first, last)
	}
	c.Query.Users = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *ent.UserOrder, _ *ent.UserWhereInput) int {
		return page(n, first, last)
	}
	c.RateSheet.Rows = func(n int, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int, _ *string) int {
		return page(n, first, last)
	}
	c.Customer.Charges = func(n int, _ model.ChargeView, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int) int {
		return page(n, first, last)
	}
	c.Customer.InvoiceList = func(n int, _ model.InvoiceView, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int) int {
		return page(n, first, last)
	}
	c.Query.InvoiceList = func(n int, _ model.InvoiceView, _ *string, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int) int {
		return page(n, first, last)
	}
	c.Customer.InvoiceList = func(n int, _ model.InvoiceView, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int) int {
		return page(n, first, last)
	}
	c.Query.InvoiceList = func(n int, _ model.InvoiceView, _ *string, _ *entgql.Cursor[int], first *int, _ *entgql.Cursor[int], last *int) int {
		return page(n, first, last)
	}
	c.Query.Nodes = func(n int, ids []int) int { return 1 + min(len(ids), maxPage)*n }

	// Every connection's totalCount is a COUNT query of its own.
	count := func(int) int { return countCost }
	c.BillingRunConnection.TotalCount = count
	c.CallConnection.TotalCount = count
	c.CdrUploadConnection.TotalCount = count
	c.ChargeConnection.TotalCount = count
	c.CliConnection.TotalCount = count
	c.CustomerConnection.TotalCount = count
	c.InvoiceConnection.TotalCount = count
	c.ProductConnection.TotalCount = count
	c.ProviderConnection.TotalCount = count
	c.RateConnection.TotalCount = count
	c.RateSheetConnection.TotalCount = count
	c.TariffConnection.TotalCount = count
	c.UserConnection.TotalCount = count

	// Edges without pagination return every related row.
	many := func(n int) int { return 1 + manyRows*n }
	few := func(n int) int { return 1 + fewRows*n }
	c.Customer.Clis = many
	c.Customer.Invoices = many
	c.Invoice.Lines = many
	c.Site.Clis = many
	c.Customer.Children = few
	c.Customer.Sites = few
	c.PeakTimes.Blocks = few
	c.Tariff.RateSheets = few
	c.Product.Prices = few
	c.Query.BillingSchedules = few
	c.Query.PeakTimesList = few

	// Aggregates over calls.
	c.Query.CallTotals = func(n int, _ *ent.CallWhereInput) int { return aggregateCost + n }
	grouped := func(n int, first *int) int { return aggregateCost + limit(first)*n }
	c.CdrUpload.UnmatchedClis = grouped
	c.CdrUpload.UnratedDestinations = grouped
	c.CdrUpload.LineProblems = grouped
	c.Dashboard.CallsPerDay = func(n int, _ int) int { return aggregateCost + n }
	c.Dashboard.TopDestinations = func(n int, _, _ int) int { return aggregateCost + n }
	return c
}

// OperationLimits refuses operations whose shape alone makes them costly,
// whatever their complexity: deeper than MaxDepth fields, or asking for
// more than MaxAggregates aggregates over calls.
type OperationLimits struct {
	MaxDepth      int
	MaxAggregates int
}

// aggregateFields are the fields that scan calls.
var aggregateFields = map[string]bool{
	"Query.callTotals": true, "CdrUpload.unmatchedClis": true,
	"CdrUpload.unratedDestinations": true, "CdrUpload.lineProblems": true,
	"Dashboard.callsPerDay": true, "Dashboard.topDestinations": true,
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = OperationLimits{}

func (OperationLimits) ExtensionName() string                   { return "OperationLimits" }
func (OperationLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the chosen operation before it runs.
func (l OperationLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	depth, aggregates := measure(oc.Operation.SelectionSet, map[string]bool{})
	if l.MaxDepth > 0 && depth > l.MaxDepth {
		return limitError("depth", fmt.Sprintf("this query nests %d levels deep and at most %d are allowed; ask for the nested records in a query of their own", depth, l.MaxDepth))
	}
	if l.MaxAggregates > 0 && aggregates > l.MaxAggregates {
		return limitError("aggregates", fmt.Sprintf("this query asks for %d call totals or upload summaries and at most %d are allowed in one query; send the rest in further queries", aggregates, l.MaxAggregates))
	}
	return nil
}

// limitError refuses an operation for its shape; extensions.limit names
// the limit (depth, aggregates) for clients and the audit log.
func limitError(limit, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(apperr.Invalid), "limit": limit}}
}

// measure returns the depth of a selection set (introspection not
// counted: its depth is the schema's) and how many aggregate fields it
// holds, fragments included. seen guards against a fragment that spreads
// itself, which validation refuses anyway.
func measure(set ast.SelectionSet, seen map[string]bool) (depth, aggregates int) {
	for _, sel := range set {
		var d, a int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			if s.ObjectDefinition != nil && aggregateFields[s.ObjectDefinition.Name+"."+s.Name] {
				a = 1
			}
			cd, ca := measure(s.SelectionSet, seen)
			d, a = cd+1, a+ca
		case *ast.InlineFragment:
			d, a = measure(s.SelectionSet, seen)
		case *ast.FragmentSpread:
			if s.Definition == nil || seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			d, a = measure(s.Definition.SelectionSet, seen)
			delete(seen, s.Name)
		}
		depth = max(depth, d)
		aggregates += a
	}
	return depth, aggregates
}

// QueryTimeout bounds how long a query (not a mutation, which may stream a
// file, nor a subscription) may run: its context ends after the duration,
// which stops the database statements it waits on.
type QueryTimeout time.Duration

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = QueryTimeout(0)

func (QueryTimeout) ExtensionName() string                   { return "QueryTimeout" }
func (QueryTimeout) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse runs a query under the deadline.
func (t QueryTimeout) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if t <= 0 || !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	if op := graphql.GetOperationContext(ctx).Operation; op == nil || op.Operation != ast.Query {
		return next(ctx)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, time.Duration(t), errQueryTimeout{time.Duration(t)})
	defer cancel()
	return next(ctx)
}

// errQueryTimeout is why a query's context ended.
type errQueryTimeout struct{ after time.Duration }

func (e errQueryTimeout) Error() string {
	return fmt.Sprintf("this query ran for more than %s and was stopped; ask for less at once (a shorter date range, smaller pages, fewer totals)", e.after)
}

// timedOut reports a query stopped by QueryTimeout, with its message.
func timedOut(ctx context.Context) (string, bool) {
	var e errQueryTimeout
	if ctx.Err() != nil && errors.As(context.Cause(ctx), &e) {
		return e.Error(), true
	}
	return "", false
}

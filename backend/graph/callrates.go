package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/tollgate/tollgate/ent"
)

// CallRates keeps the rate rows one operation has looked up, so that a
// page of calls reads each (rate sheet, destination) once: Call.rate and
// Call.ratePerMinute both ask, and the calls of a page share their
// destinations.
type CallRates struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = CallRates{}

func (CallRates) ExtensionName() string                   { return "CallRates" }
func (CallRates) Validate(graphql.ExecutableSchema) error { return nil }

func (CallRates) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, callRatesKey{}, &callRates{m: map[callRateKey]*callRate{}}))
}

type callRatesKey struct{}

type callRateKey struct {
	sheet       int
	destination string
}

type callRate struct {
	once sync.Once
	rate *ent.Rate
	err  error
}

type callRates struct {
	mu sync.Mutex
	m  map[callRateKey]*callRate
	// The portal viewer's customers' names, read once for a page of calls.
	namesOnce sync.Once
	names     map[int]string
	namesErr  error
}

// rateOf is the rate row a call was priced at, read once per operation
// (fields resolve concurrently: the first asks, the others wait for it).
func (r *Resolver) rateOf(ctx context.Context, c *ent.Call) (*ent.Rate, error) {
	cache, _ := ctx.Value(callRatesKey{}).(*callRates)
	if cache == nil || c.RateSheetID == nil {
		return r.Pricing.RateOf(ctx, c)
	}
	k := callRateKey{*c.RateSheetID, c.RateDestination}
	cache.mu.Lock()
	e := cache.m[k]
	if e == nil {
		e = &callRate{}
		cache.m[k] = e
	}
	cache.mu.Unlock()
	e.once.Do(func() { e.rate, e.err = r.Pricing.RateOf(ctx, c) })
	return e.rate, e.err
}

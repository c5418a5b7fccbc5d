package graph

import (
	"context"

	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/backend/portal"
)

// orInt is *p, or def when the argument was left out.
func orInt(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

// portalFilter is the portal's call filter from its GraphQL input.
func portalFilter(in *model.PortalCallFilter) portal.CallFilter {
	if in == nil {
		return portal.CallFilter{}
	}
	return portal.CallFilter{CustomerID: deref(in.CustomerID), From: in.From, To: in.To, Number: deref(in.Number)}
}

// portalNames are the names of the portal viewer's customers by id, read
// once per operation (a page of calls names its customer on every row).
func (r *Resolver) portalNames(ctx context.Context) (map[int]string, error) {
	load := func() (map[int]string, error) {
		cs, err := r.Portals.Customers(ctx)
		if err != nil {
			return nil, err
		}
		names := make(map[int]string, len(cs))
		for _, c := range cs {
			names[c.ID] = c.Name
		}
		return names, nil
	}
	cache, _ := ctx.Value(callRatesKey{}).(*callRates)
	if cache == nil {
		return load()
	}
	cache.namesOnce.Do(func() { cache.names, cache.namesErr = load() })
	return cache.names, cache.namesErr
}

package graph

import (
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

// Package viewer says who is making a request. Every request and every
// background job carries a Viewer in its context; the Ent privacy rules read
// it, so nothing reaches the database without one.
package viewer

import (
	"context"
	"slices"
)

// Kind is the sort of principal behind a request.
type Kind int

const (
	// KindStaff is a user of the reseller's staff SPA.
	KindStaff Kind = iota + 1
	// KindPortal is a user of one customer's self-service portal.
	KindPortal
	// KindToken is an API token used by an integration.
	KindToken
	// KindSystem is Tollgate itself: task handlers, the scheduler, migrations.
	KindSystem
)

// Role is a staff user's (or API token's) permission level.
type Role string

const (
	RoleAdmin    Role = "ADMIN"    // everything, including users and settings
	RoleBilling  Role = "BILLING"  // customers, rates, uploads, billing runs
	RoleReadOnly Role = "READONLY" // sees everything, changes nothing
)

// Viewer is the principal of one request.
type Viewer struct {
	Kind       Kind
	Role       Role
	UserID     int    // staff or portal user; 0 for tokens and the system
	CustomerID int    // the portal user's (or customer token's) customer
	TokenID    int    // the API token the request presented, if any
	Name       string // for audit trails and logs
	// Dev marks the development-only staff viewer used until sign-in exists.
	Dev bool
	// Customers are the customers a portal viewer sees: CustomerID and,
	// when it is a parent, its children. Empty for everyone else; a portal
	// viewer with none sees nothing.
	Customers []int
}

// CanRead reports whether the viewer may read staff-wide data.
func (v Viewer) CanRead() bool {
	switch v.Kind {
	case KindSystem, KindStaff, KindToken:
		return true
	}
	return false
}

// CanWrite reports whether the viewer may change staff-wide data.
func (v Viewer) CanWrite() bool {
	switch v.Kind {
	case KindSystem:
		return true
	case KindStaff, KindToken:
		return v.Role == RoleAdmin || v.Role == RoleBilling
	}
	return false
}

// CanAdminister reports whether the viewer may change users and the
// company's settings: the admin role, or the system.
func (v Viewer) CanAdminister() bool {
	switch v.Kind {
	case KindSystem:
		return true
	case KindStaff, KindToken:
		return v.Role == RoleAdmin
	}
	return false
}

// Portal reports whether the viewer is a customer's portal user or token.
func (v Viewer) Portal() bool { return v.Kind == KindPortal }

// Sees reports whether a portal viewer may see the customer id's data.
func (v Viewer) Sees(id int) bool { return id != 0 && slices.Contains(v.Customers, id) }

// Family is the customer set of a portal viewer of customer id whose
// children are children: the customer first, then its children.
func Family(id int, children []int) []int {
	if id == 0 {
		return nil
	}
	return append([]int{id}, children...)
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of ctx, if any.
func FromContext(ctx context.Context) (Viewer, bool) {
	v, ok := ctx.Value(ctxKey{}).(Viewer)
	return v, ok
}

// System returns ctx acting as Tollgate itself (task handlers, CLI tools).
func System(ctx context.Context) context.Context {
	return NewContext(ctx, Viewer{Kind: KindSystem, Name: "system"})
}

// DevStaff is the development-only staff viewer used until sign-in exists.
func DevStaff() Viewer {
	return Viewer{Kind: KindStaff, Role: RoleAdmin, Name: "developer", Dev: true}
}

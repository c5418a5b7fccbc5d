package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
)

// Access is who may call a root field of the API.
type Access int

const (
	// Anyone signed in (staff of any role, any token, a portal user).
	Anyone Access = iota + 1
	// Staff of any role and role-scoped tokens: reading the reseller's data.
	Staff
	// The admin and billing roles: changing the reseller's data.
	Writers
	// The admin role: users, tokens, the audit log, the company's settings.
	Admins
	// A customer's portal user or customer-scoped token: the portal's
	// own fields, which answer for its customers only.
	Customers
)

// Rules is the access of every root field of the schema, by operation
// type. A field without a rule is refused to everyone (and the schema test
// fails), so a new field cannot be forgotten. The Ent privacy policies
// below still filter and refuse what each entity allows; this gate decides
// first, so a read-only user is told FORBIDDEN before any input is looked
// at, and a portal user reaches no staff field at all.
var Rules = map[string]map[string]Access{
	"Query": {
		"viewer": Anyone,
		"node":   Staff, "nodes": Staff,
		"billingRuns": Staff, "billingSchedules": Staff, "calls": Staff, "cdrUploads": Staff, "clis": Staff,
		"customers": Staff, "deliveries": Staff, "invoices": Staff, "peakTimesList": Staff, "products": Staff,
		"providers": Staff, "rateSheets": Staff, "tariffs": Staff, "customer": Staff, "peakTimes": Staff,
		"quoteCall": Staff, "rateSheetUncoveredCalls": Staff, "callTotals": Staff, "cdrFormats": Staff,
		"csvMappingPresets": Staff, "settings": Staff, "productPrice": Staff, "billingRunPreview": Staff,
		"invoiceList": Staff, "invoiceTotals": Staff, "mailTransport": Staff, "outbox": Staff, "dashboard": Staff,
		// A read-only or billing user sees their own user only (Ent's policy).
		"users":     Staff,
		"apiTokens": Admins, "auditLog": Admins,
		"portal": Customers,
	},
	"Mutation": {
		"createCustomer": Writers, "updateCustomer": Writers, "deleteCustomer": Writers, "setCustomersTariff": Writers,
		"createSite": Writers, "updateSite": Writers, "deleteSite": Writers,
		"createCli": Writers, "updateCli": Writers, "deleteCli": Writers,
		"createTariff": Writers, "updateTariff": Writers, "deleteTariff": Writers,
		"createProvider": Writers, "updateProvider": Writers, "deleteProvider": Writers,
		"createProduct": Writers, "updateProduct": Writers, "deleteProduct": Writers,
		"addCharge": Writers, "updateCharge": Writers, "deleteCharge": Writers, "recomputeUnbilledTotal": Writers,
		"uploadRateSheet": Writers, "replacePeakTimes": Writers, "importPeakTimes": Writers,
		"uploadCdr": Writers, "reanalyseUpload": Writers, "processUpload": Writers, "deleteUpload": Writers,
		"setProviderCsvMapping": Writers, "previewCdrMapping": Writers,
		"createBillingSchedule": Writers, "updateBillingSchedule": Writers, "deleteBillingSchedule": Writers,
		"startBillingRun": Writers, "settleInvoice": Writers, "settleInvoices": Writers, "deleteInvoice": Writers,
		"resendInvoice": Writers, "sendInvoiceTo": Writers, "retryDelivery": Writers,
		"updateSettings": Admins, "uploadLogo": Admins, "removeLogo": Admins, "setNextInvoiceNumber": Admins,
		"createApiToken": Admins, "revokeApiToken": Admins,
		"inviteUser": Admins, "resetUserPassword": Admins, "updateUser": Admins,
		"invitePortalUser": Writers, "setPortalUserDisabled": Writers,
	},
	"Subscription": {
		"customerChanged": Staff, "uploadChanged": Staff, "billingRunProgress": Staff,
	},
}

// Allowed reports whether v may call a root field with access a, and if
// not, the refusal to give.
func Allowed(v viewer.Viewer, signedIn bool, a Access) error {
	switch {
	case !signedIn:
		return apperr.New(apperr.Unauthenticated, "sign in first, or send an API token")
	case a == Anyone:
		return nil
	case a == Staff && v.CanRead():
		return nil
	case a == Writers && v.CanWrite():
		return nil
	case a == Admins && v.CanAdminister():
		return nil
	case a == Customers && v.Portal():
		return nil
	case a == Customers:
		return apperr.New(apperr.Forbidden, "the portal is a customer's own view: sign in as the customer's portal user or use its token")
	case !v.CanRead():
		return apperr.New(apperr.Forbidden, "this is staff data; a customer's portal or token does not reach it")
	case a == Admins:
		return apperr.New(apperr.Forbidden, "only an admin may do this")
	}
	return apperr.New(apperr.Forbidden, "your role (%s) reads but does not change anything; an admin or billing user can", roleName(v))
}

func roleName(v viewer.Viewer) string {
	if v.Role == "" {
		return "none"
	}
	return string(v.Role)
}

// Authorize is the gate on every root field: the field's rule against
// the request's viewer, before its arguments are used or its resolver runs.
type Authorize struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.FieldInterceptor
} = Authorize{}

func (Authorize) ExtensionName() string { return "Authorize" }

// Validate fails the server's start when a root field has no rule.
func (Authorize) Validate(s graphql.ExecutableSchema) error {
	for _, op := range []string{"Query", "Mutation", "Subscription"} {
		d := s.Schema().Types[op]
		if d == nil {
			continue
		}
		for _, f := range d.Fields {
			if f.Name[0] == '_' {
				continue
			}
			if _, ok := Rules[op][f.Name]; !ok {
				return apperr.New(apperr.Internal, "%s.%s has no access rule in backend/graph/access.go", op, f.Name)
			}
		}
	}
	return nil
}

func (Authorize) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return next(ctx)
	}
	rules, root := Rules[fc.Object]
	if !root || fc.Field.Name[0] == '_' {
		return next(ctx)
	}
	a, ok := rules[fc.Field.Name]
	if !ok {
		return nil, apperr.New(apperr.Forbidden, "%s.%s has no access rule yet, so nobody may call it", fc.Object, fc.Field.Name)
	}
	v, signedIn := viewer.FromContext(ctx)
	if err := Allowed(v, signedIn, a); err != nil {
		return nil, err
	}
	return next(ctx)
}

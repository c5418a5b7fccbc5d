package graph

import (
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/graph/model"
)

// productInput is the billing service's reading of the API's product.
func productInput(in model.ProductInput) billing.ProductInput {
	out := billing.ProductInput{
		Name: in.Name, Reference: in.Reference, Recurrence: in.Recurrence,
		TaxRate: in.TaxRate, CostPrice: in.CostPrice,
		Category: deref(in.Category), AccountingCode: deref(in.AccountingCode), Description: deref(in.Description),
	}
	for _, p := range in.Prices {
		out.Prices = append(out.Prices, billing.PriceInput{TariffID: p.TariffID, Price: p.Price})
	}
	return out
}

// chargeInput is the billing service's reading of the API's charge.
func chargeInput(customerID int, in model.ChargeInput) billing.ChargeInput {
	out := billing.ChargeInput{
		CustomerID: customerID, Description: deref(in.Description), Quantity: in.Quantity, UnitPrice: in.UnitPrice,
		Date: billing.DateOfDay(in.Date), Start: billing.DateOfDay(in.StartDate),
		End: billing.DateOfDay(in.EndDate), BilledThrough: billing.DateOfDay(in.BilledThrough),
	}
	if in.ProductID != nil {
		out.ProductID = *in.ProductID
	}
	if in.Recurrence != nil {
		out.Recurrence = *in.Recurrence
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

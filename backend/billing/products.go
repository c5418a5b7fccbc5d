package billing

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/charge"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/product"
	"github.com/tollgate/tollgate/ent/productprice"
	"github.com/tollgate/tollgate/ent/tariff"
)

// PriceInput is a product's sell price on one tariff.
type PriceInput struct {
	TariffID int
	Price    decimal.Decimal
}

// ProductInput is everything a product is; an update replaces it whole,
// prices included.
type ProductInput struct {
	Name, Reference, Category, AccountingCode, Description string
	Recurrence                                             product.Recurrence
	// TaxRate overrides the deployment's default rate; nil keeps the default.
	TaxRate   *decimal.Decimal
	CostPrice decimal.Decimal
	Prices    []PriceInput
}

// CreateProduct adds a product and its prices.
func (s *Service) CreateProduct(ctx context.Context, in ProductInput) (*ent.Product, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Product, error) {
		if err := s.validateProduct(ctx, c, &in, 0); err != nil {
			return nil, err
		}
		p, err := c.Product.Create().
			SetName(in.Name).SetReference(in.Reference).SetCategory(in.Category).
			SetAccountingCode(in.AccountingCode).SetDescription(in.Description).
			SetRecurrence(in.Recurrence).SetNillableTaxRate(in.TaxRate).SetCostPrice(in.CostPrice).
			Save(ctx)
		if err != nil {
			return nil, err
		}
		return p, setPrices(ctx, c, p.ID, in.Prices)
	})
}

// UpdateProduct replaces a product's details and prices. Its recurrence
// stays while charges use it: their periods were set by it.
func (s *Service) UpdateProduct(ctx context.Context, id int, in ProductInput) (*ent.Product, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Product, error) {
		cur, err := c.Product.Get(ctx, id)
		if err != nil {
			return nil, apperr.NotFoundAs(err, "product", id)
		}
		if err := s.validateProduct(ctx, c, &in, id); err != nil {
			return nil, err
		}
		if in.Recurrence != cur.Recurrence {
			if n, err := cur.QueryCharges().Count(ctx); err != nil {
				return nil, err
			} else if n > 0 {
				return nil, apperr.Field(apperr.Conflict, "recurrence", "%s is on %d charge(s), so it stays %s; make a new product instead", cur.Name, n, recurrenceWord(string(cur.Recurrence)))
			}
		}
		u := c.Product.UpdateOneID(id).
			SetName(in.Name).SetReference(in.Reference).SetCategory(in.Category).
			SetAccountingCode(in.AccountingCode).SetDescription(in.Description).
			SetRecurrence(in.Recurrence).SetCostPrice(in.CostPrice)
		if in.TaxRate != nil {
			u.SetTaxRate(*in.TaxRate)
		} else {
			u.ClearTaxRate()
		}
		p, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := c.ProductPrice.Delete().Where(productprice.ProductID(id)).Exec(ctx); err != nil {
			return nil, err
		}
		return p, setPrices(ctx, c, id, in.Prices)
	})
}

// DeleteProduct removes a product no charge uses, with its prices.
func (s *Service) DeleteProduct(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		p, err := c.Product.Get(ctx, id)
		if err != nil {
			return apperr.NotFoundAs(err, "product", id)
		}
		if n, err := p.QueryCharges().Count(ctx); err != nil {
			return err
		} else if n > 0 {
			return apperr.New(apperr.Conflict, "%s is on %d charge(s) and cannot be deleted; end its recurring charges instead", p.Name, n)
		}
		if _, err := c.ProductPrice.Delete().Where(productprice.ProductID(id)).Exec(ctx); err != nil {
			return err
		}
		return c.Product.DeleteOneID(id).Exec(ctx)
	})
}

// ProductPriceFor is what customerID pays for one of productID: the price
// on the customer's tariff, else the default tariff's.
func (s *Service) ProductPriceFor(ctx context.Context, productID, customerID int) (decimal.Decimal, error) {
	c := txn.Client(ctx, s.Client)
	p, err := c.Product.Get(ctx, productID)
	if err != nil {
		return decimal.Zero, apperr.NotFoundAs(err, "product", productID)
	}
	cu, err := c.Customer.Get(ctx, customerID)
	if err != nil {
		return decimal.Zero, apperr.NotFoundAs(err, "customer", customerID)
	}
	return priceFor(ctx, c, p, cu)
}

func priceFor(ctx context.Context, c *ent.Client, p *ent.Product, cu *ent.Customer) (decimal.Decimal, error) {
	if t, err := cu.QueryTariff().OnlyID(ctx); err == nil {
		pp, err := c.ProductPrice.Query().Where(productprice.ProductID(p.ID), productprice.TariffID(t)).Only(ctx)
		if err == nil {
			return pp.Price, nil
		} else if !ent.IsNotFound(err) {
			return decimal.Zero, err
		}
	} else if !ent.IsNotFound(err) {
		return decimal.Zero, err
	}
	pp, err := c.ProductPrice.Query().Where(productprice.ProductID(p.ID), productprice.HasTariffWith(tariff.IsDefault(true))).Only(ctx)
	if ent.IsNotFound(err) {
		return decimal.Zero, apperr.Field(apperr.Invalid, "unitPrice", "%s has no price for %s's tariff or the default tariff; set one on the product or type the unit price", p.Name, cu.Name)
	}
	if err != nil {
		return decimal.Zero, err
	}
	return pp.Price, nil
}

func setPrices(ctx context.Context, c *ent.Client, productID int, prices []PriceInput) error {
	for _, pr := range prices {
		if err := c.ProductPrice.Create().SetProductID(productID).SetTariffID(pr.TariffID).SetPrice(pr.Price).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) money() rules.Money { return rules.Money{Places: s.PricePlaces} }

func (s *Service) validateProduct(ctx context.Context, c *ent.Client, in *ProductInput, id int) error {
	in.Name, in.Reference = strings.TrimSpace(in.Name), strings.TrimSpace(in.Reference)
	in.Category, in.AccountingCode = strings.TrimSpace(in.Category), strings.TrimSpace(in.AccountingCode)
	if in.Name == "" {
		return apperr.Field(apperr.Invalid, "name", "name is required")
	}
	if in.Reference == "" {
		return apperr.Field(apperr.Invalid, "reference", "reference is required")
	}
	if in.Recurrence == "" {
		in.Recurrence = product.RecurrenceOneOff
	}
	if err := product.RecurrenceValidator(in.Recurrence); err != nil {
		return apperr.Field(apperr.Invalid, "recurrence", "a product is one-off, monthly, quarterly or yearly, not %q", in.Recurrence)
	}
	if in.TaxRate != nil && (in.TaxRate.Sign() < 0 || in.TaxRate.GreaterThan(decimal.NewFromInt(100))) {
		return apperr.Field(apperr.Invalid, "taxRate", "the tax rate is %s%%; a tax rate is a percentage from 0 to 100, or empty for the default rate", in.TaxRate)
	}
	if err := s.checkPrice("costPrice", "the cost price", in.CostPrice); err != nil {
		return err
	}
	if other, err := c.Product.Query().Where(product.Reference(in.Reference), product.IDNEQ(id)).Only(ctx); err == nil {
		return apperr.Field(apperr.Conflict, "reference", "reference %s is already used by %s", in.Reference, other.Name)
	} else if !ent.IsNotFound(err) {
		return err
	}
	seen := map[int]bool{}
	for i, pr := range in.Prices {
		f := "prices." + strconv.Itoa(i)
		t, err := c.Tariff.Get(ctx, pr.TariffID)
		if err != nil {
			if ent.IsNotFound(err) {
				return apperr.Field(apperr.Invalid, f+".tariffID", "tariff %d does not exist", pr.TariffID)
			}
			return err
		}
		if seen[pr.TariffID] {
			return apperr.Field(apperr.Invalid, f+".tariffID", "%s has two prices; keep one", t.Name)
		}
		seen[pr.TariffID] = true
		if err := s.checkPrice(f+".price", "the price on "+t.Name, pr.Price); err != nil {
			return err
		}
	}
	def, err := c.Tariff.Query().Where(tariff.IsDefault(true)).First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return err
	}
	if def != nil && !seen[def.ID] {
		return apperr.Field(apperr.Invalid, "prices", "set a price on the default tariff, %s: customers on tariffs without a price of their own pay it", def.Name)
	}
	return nil
}

// checkPrice refuses a negative price or one with more places than
// invoices carry.
func (s *Service) checkPrice(field, what string, p decimal.Decimal) error {
	if p.Sign() < 0 {
		return apperr.Field(apperr.Invalid, field, "%s is %s; a price cannot be negative", what, p)
	}
	if !p.Equal(p.Truncate(s.PricePlaces)) {
		return apperr.Field(apperr.Invalid, field, "%s is %s; prices have at most %d decimal places", what, p, s.PricePlaces)
	}
	return nil
}

// ChargeInput is a charge on a customer; an update replaces it whole.
// Dates are calendar days; a zero Date is not set.
type ChargeInput struct {
	CustomerID int
	// ProductID names what is sold; 0 makes an adjustment with its own
	// description and price.
	ProductID int
	// Description defaults to the product's name.
	Description string
	// Recurrence defaults to the product's, and must be it.
	Recurrence charge.Recurrence
	Quantity   decimal.Decimal
	// UnitPrice nil takes the product's price for the customer's tariff.
	UnitPrice                       *decimal.Decimal
	Date, Start, End, BilledThrough rules.Date
}

// AddCharge puts a pending charge on a customer.
func (s *Service) AddCharge(ctx context.Context, in ChargeInput) (*ent.Charge, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Charge, error) {
		r, err := s.prepareCharge(ctx, c, &in)
		if err != nil {
			return nil, err
		}
		cr := c.Charge.Create().SetCustomerID(in.CustomerID).SetKind(r.kind).
			SetDescription(in.Description).SetRecurrence(in.Recurrence).
			SetQuantity(in.Quantity).SetUnitPrice(*in.UnitPrice).SetAmount(r.amount).
			SetNillableTaxRate(r.taxRate).SetNillableDate(DayOf(in.Date)).SetNillableStartDate(DayOf(in.Start)).
			SetNillableEndDate(DayOf(in.End)).SetNillableBilledThrough(DayOf(in.BilledThrough))
		if in.ProductID != 0 {
			cr.SetProductID(in.ProductID)
		}
		return cr.Save(ctx)
	})
}

// UpdateCharge replaces a pending charge; an invoiced one is history and
// stays as billed.
func (s *Service) UpdateCharge(ctx context.Context, id int, in ChargeInput) (*ent.Charge, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Charge, error) {
		cur, err := c.Charge.Query().Where(charge.ID(id)).WithCustomer().Only(ctx)
		if err != nil {
			return nil, apperr.NotFoundAs(err, "charge", id)
		}
		in.CustomerID = cur.Edges.Customer.ID
		r, err := s.prepareCharge(ctx, c, &in)
		if err != nil {
			return nil, err
		}
		u := c.Charge.Update().Where(charge.ID(id), charge.StatusEQ(charge.StatusPending)).SetKind(r.kind).
			SetDescription(in.Description).SetRecurrence(in.Recurrence).
			SetQuantity(in.Quantity).SetUnitPrice(*in.UnitPrice).SetAmount(r.amount).
			ClearProduct()
		if in.ProductID != 0 {
			u.SetProductID(in.ProductID)
		}
		// An update either sets a column or clears it, never both in one
		// statement.
		setOrClear(u.SetTaxRate, u.ClearTaxRate, r.taxRate)
		setOrClear(u.SetDate, u.ClearDate, DayOf(in.Date))
		setOrClear(u.SetStartDate, u.ClearStartDate, DayOf(in.Start))
		setOrClear(u.SetEndDate, u.ClearEndDate, DayOf(in.End))
		setOrClear(u.SetBilledThrough, u.ClearBilledThrough, DayOf(in.BilledThrough))
		// One guarded write: a charge a run invoiced meanwhile is not changed.
		n, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, notPending(cur)
		}
		return c.Charge.Get(ctx, id)
	})
}

// DeleteCharge removes a pending charge.
func (s *Service) DeleteCharge(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		cur, err := c.Charge.Get(ctx, id)
		if err != nil {
			return apperr.NotFoundAs(err, "charge", id)
		}
		n, err := c.Charge.Delete().Where(charge.ID(id), charge.StatusEQ(charge.StatusPending)).Exec(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return notPending(cur)
		}
		return nil
	})
}

func setOrClear[T any](set func(T) *ent.ChargeUpdate, clear func() *ent.ChargeUpdate, v *T) {
	if v != nil {
		set(*v)
	} else {
		clear()
	}
}

func notPending(cur *ent.Charge) error {
	return apperr.New(apperr.Conflict, "“%s” is already invoiced and stays as billed; add an adjustment instead", cur.Description)
}

// preparedCharge is what a valid input adds to itself to be stored.
type preparedCharge struct {
	kind    charge.Kind
	amount  decimal.Decimal
	taxRate *decimal.Decimal
}

// prepareCharge fills in's defaults from its product and validates it.
func (s *Service) prepareCharge(ctx context.Context, c *ent.Client, in *ChargeInput) (preparedCharge, error) {
	r := preparedCharge{kind: charge.KindAdjustment}
	cu, err := c.Customer.Get(ctx, in.CustomerID)
	if err != nil {
		return r, apperr.NotFoundAs(err, "customer", in.CustomerID)
	}
	in.Description = strings.TrimSpace(in.Description)
	if in.ProductID != 0 {
		p, err := c.Product.Get(ctx, in.ProductID)
		if err != nil {
			if ent.IsNotFound(err) {
				return r, apperr.Field(apperr.Invalid, "productID", "product %d does not exist", in.ProductID)
			}
			return r, err
		}
		r.kind, r.taxRate = charge.KindProduct, p.TaxRate
		if in.Description == "" {
			in.Description = p.Name
		}
		if in.Recurrence == "" {
			in.Recurrence = charge.Recurrence(p.Recurrence)
		}
		if string(in.Recurrence) != string(p.Recurrence) {
			if p.Recurrence == product.RecurrenceOneOff {
				return r, apperr.Field(apperr.Invalid, "recurrence", "%s is a one-off product and cannot be charged %s; choose a recurring product", p.Name, recurrenceWord(string(in.Recurrence)))
			}
			return r, apperr.Field(apperr.Invalid, "recurrence", "%s renews %s, so its charges do too", p.Name, recurrenceWord(string(p.Recurrence)))
		}
		if in.UnitPrice == nil {
			price, err := priceFor(ctx, c, p, cu)
			if err != nil {
				return r, err
			}
			in.UnitPrice = &price
		}
	}
	if in.Recurrence == "" {
		in.Recurrence = charge.RecurrenceOneOff
	}
	if in.Description == "" {
		return r, apperr.Field(apperr.Invalid, "description", "a charge without a product needs a description")
	}
	if in.UnitPrice == nil {
		return r, apperr.Field(apperr.Invalid, "unitPrice", "a charge without a product needs a unit price")
	}
	rc := rules.Charge{
		Description: in.Description, Recurrence: ruleRecurrence[in.Recurrence],
		Quantity: in.Quantity, UnitPrice: *in.UnitPrice, TaxRate: r.taxRate,
		Date: in.Date, Start: in.Start, End: in.End, BilledThrough: in.BilledThrough,
	}
	if rc.Recurrence == "" {
		return r, apperr.Field(apperr.Invalid, "recurrence", "a charge is one-off, monthly, quarterly or yearly, not %q", in.Recurrence)
	}
	if err := chargeDates(rc); err != nil {
		return r, err
	}
	if err := rc.Validate(s.money()); err != nil {
		var re *rules.Error
		if errors.As(err, &re) {
			return r, apperr.Field(apperr.Invalid, re.Field, "%s", re.Message)
		}
		return r, err
	}
	r.amount = s.money().Round(in.Quantity.Mul(*in.UnitPrice))
	return r, nil
}

// chargeDates refuses the dates that do not belong to the charge's kind,
// which the rules would silently ignore.
func chargeDates(c rules.Charge) error {
	if c.Recurrence == rules.OneOff {
		if !c.Start.IsZero() || !c.End.IsZero() || !c.BilledThrough.IsZero() {
			return apperr.Field(apperr.Invalid, "startDate", "“%s” is a one-off charge: give it a date, not a start, end or billed-through date", c.Description)
		}
		return nil
	}
	if !c.Date.IsZero() {
		return apperr.Field(apperr.Invalid, "date", "“%s” is recurring: give it a start date, not a one-off date", c.Description)
	}
	if !c.BilledThrough.IsZero() && !c.Start.IsZero() && c.BilledThrough.Before(c.Start) {
		return apperr.Field(apperr.Invalid, "billedThrough", "“%s” is billed through %s, before it starts on %s; leave it empty if nothing is billed yet", c.Description, c.BilledThrough, c.Start)
	}
	if !c.BilledThrough.IsZero() && !c.End.IsZero() && c.BilledThrough.After(c.End) {
		return apperr.Field(apperr.Invalid, "billedThrough", "“%s” is billed through %s, after it ends on %s", c.Description, c.BilledThrough, c.End)
	}
	return nil
}

var ruleRecurrence = map[charge.Recurrence]rules.Recurrence{
	charge.RecurrenceOneOff: rules.OneOff, charge.RecurrenceMonthly: rules.EveryMonth,
	charge.RecurrenceQuarterly: rules.EveryQuarter, charge.RecurrenceYearly: rules.EveryYear,
}

func recurrenceWord(r string) string {
	if r == string(product.RecurrenceOneOff) {
		return "one-off"
	}
	return strings.ToLower(r)
}

// DateOfDay is the calendar day a stored charge date holds.
func DateOfDay(t *time.Time) rules.Date {
	if t == nil {
		return rules.Date{}
	}
	return rules.DateOf(t.UTC())
}

// DayOf stores a calendar day as its midnight in UTC, so the day read back
// is the day written whatever the zone of the server.
func DayOf(d rules.Date) *time.Time {
	if d.IsZero() {
		return nil
	}
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return &t
}

// ChargeView is a tab of a customer's charges.
type ChargeView string

// The tabs: one-off charges waiting for a run, recurring charges (which
// stay pending while they renew), and what is invoiced.
const (
	PendingCharges   ChargeView = "PENDING"
	RecurringCharges ChargeView = "RECURRING"
	ChargeHistory    ChargeView = "HISTORY"
)

// ChargesOf is the query of a customer's charges in view, for the caller
// to page.
func (s *Service) ChargesOf(ctx context.Context, customerID int, view ChargeView) *ent.ChargeQuery {
	q := txn.Client(ctx, s.Client).Charge.Query().Where(charge.HasCustomerWith(entcustomer.ID(customerID)))
	switch view {
	case RecurringCharges:
		return q.Where(charge.StatusEQ(charge.StatusPending), charge.RecurrenceNEQ(charge.RecurrenceOneOff))
	case ChargeHistory:
		return q.Where(charge.StatusEQ(charge.StatusInvoiced))
	}
	return q.Where(charge.StatusEQ(charge.StatusPending), charge.RecurrenceEQ(charge.RecurrenceOneOff))
}

package rules

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// CallCharges is the description of a customer's Call Charges line; a
// site's line adds " — " and the site's name.
const CallCharges = "Call Charges"

// CallGroup is the calls of one customer a run bills on one site, or on
// CLIs with no site (SiteID 0).
type CallGroup struct {
	SiteID   int
	SiteName string
	Calls    int64           // how many
	Total    decimal.Decimal // Σ of their prices, exact (call_price_decimals places each)
}

// Add counts one more call of the given price.
func (g *CallGroup) Add(price decimal.Decimal) {
	g.Calls++
	g.Total = g.Total.Add(price)
}

// CallState is what a run needs to know of a call to tell whether it
// bills it.
type CallState struct {
	Start     time.Time // when the call started
	Priced    bool      // it has a price
	Processed bool      // its upload was processed
	OnCharge  bool      // an earlier run billed it
}

// DueBy says a run billing calls up to upTo (by default its period's end)
// bills the call: priced, processed, not yet billed, started before upTo.
// A call processed after a run is left for the next one, so no call is
// skipped or billed twice.
func (c CallState) DueBy(upTo time.Time) bool {
	return c.Priced && c.Processed && !c.OnCharge && c.Start.Before(upTo)
}

// callLines are a customer's Call Charges: one for calls on no site, then
// one per site with calls in site-name order; none where there are no
// calls. They carry the deployment's tax rate.
func callLines(groups []CallGroup, m Money, rate decimal.Decimal) []Line {
	bySite := map[int]*CallGroup{}
	var sites []*CallGroup
	for _, g := range groups {
		if g.Calls == 0 {
			continue
		}
		if s, ok := bySite[g.SiteID]; ok {
			s.Calls += g.Calls
			s.Total = s.Total.Add(g.Total)
			continue
		}
		g := g
		bySite[g.SiteID] = &g
		sites = append(sites, &g)
	}
	slices.SortStableFunc(sites, func(a, b *CallGroup) int {
		if (a.SiteID == 0) != (b.SiteID == 0) {
			if a.SiteID == 0 {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.SiteName, b.SiteName), cmp.Compare(a.SiteID, b.SiteID))
	})
	lines := make([]Line, 0, len(sites))
	for _, g := range sites {
		l := Line{
			Kind: CallChargesLine, SiteID: g.SiteID, Description: CallCharges,
			Quantity: decimal.NewFromInt(g.Calls), Calls: g.Calls, CallTotal: g.Total,
			Amount: m.Round(g.Total), TaxRate: rate,
		}
		if g.SiteID != 0 {
			l.Description += " — " + g.SiteName
		}
		lines = append(lines, l)
	}
	return lines
}

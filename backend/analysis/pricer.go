package analysis

import (
	"context"
	"fmt"
	"strconv"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// pricer matches and prices the calls of one upload: who owned each number
// when, which tariff each customer is on, and the tariffs' price books.
// Built once per run (the match step); pricing a call then reads memory
// only, except the first time a rate sheet version is needed.
type pricer struct {
	countryCode   string
	providerID    int
	direction     rating.Direction
	clis          *cliIndex
	custTariff    map[int]int // customer → tariff, for customers with one
	defaultTariff int         // 0: none
	books         *priceBooks
	keyBuf        []byte
}

func directionOf(d cdrupload.Direction) rating.Direction {
	if d == cdrupload.DirectionInbound {
		return rating.Inbound
	}
	return rating.Outbound
}

// newPricer loads what matching and pricing an upload's calls needs.
func (s *Service) newPricer(ctx context.Context, u *ent.CdrUpload) (*pricer, error) {
	p := u.Edges.Provider
	clis, err := loadCliIndex(ctx, s.Client, s.CountryCode)
	if err != nil {
		return nil, err
	}
	custTariff, defaultTariff, err := s.customerTariffs(ctx)
	if err != nil {
		return nil, err
	}
	sheetDir := entratesheet.DirectionOutbound
	if u.Direction == cdrupload.DirectionInbound {
		sheetDir = entratesheet.DirectionInbound
	}
	return &pricer{
		countryCode: s.CountryCode, providerID: p.ID, direction: directionOf(u.Direction),
		clis: clis, custTariff: custTariff, defaultTariff: defaultTariff,
		books: &priceBooks{ctx: ctx, c: s.Client, pricing: s.Pricing, providerID: p.ID, direction: sheetDir, books: map[int]*book{}},
	}, nil
}

// customerTariffs maps each customer with a tariff to it, and returns the
// default tariff.
func (s *Service) customerTariffs(ctx context.Context) (map[int]int, int, error) {
	var rows []struct {
		ID     int  `json:"id"`
		Tariff *int `json:"tariff_customers"`
	}
	if err := s.Client.Customer.Query().Where(customer.HasTariff()).
		Select(customer.FieldID, "tariff_customers").Scan(ctx, &rows); err != nil {
		return nil, 0, err
	}
	m := make(map[int]int, len(rows))
	for _, r := range rows {
		if r.Tariff != nil {
			m[r.ID] = *r.Tariff
		}
	}
	def, err := s.Pricing.DefaultTariff(ctx)
	if err != nil {
		return m, 0, nil // no default tariff: customers without one get no rate
	}
	return m, def.ID, nil
}

// price fills row from a CDR record: normalise, match the customer at the
// call's start, choose the rate sheet version in force then, price. It is
// the hot loop's body: no allocation beyond the normalised numbers.
func (p *pricer) price(row *pricedRow, rec *cdr.Record) {
	*row = pricedRow{}
	src, _ := rating.Normalize(rec.Source, p.countryCode)
	dst, _ := rating.Normalize(rec.Destination, p.countryCode)
	row.line, row.source, row.destination = rec.Line, src, dst
	// The reader keeps every field within its column; a national number
	// grows by the country code, which may take it past.
	if row.unreadable = normalisedTooLong("source", rec.Source, src); row.unreadable == "" {
		row.unreadable = normalisedTooLong("destination", rec.Destination, dst)
	}
	if row.unreadable != "" {
		return
	}
	row.account, row.chargeCode = rec.Account, rec.ChargeCode
	row.start, row.duration = rec.Start, rec.Duration

	p.keyBuf, row.dupKey = dupKey(p.keyBuf, p.providerID, rec, src, dst)

	// The account code stands in when the number matches no one.
	own, rated := p.direction.Numbers(src, dst)
	m := p.clis.match(own, rec.Start)
	if m.customer == 0 && rec.Account != "" {
		m = p.clis.matchRaw(rec.Account, rec.Start)
	}
	cust := m.customer
	tariffID := p.defaultTariff
	if cust != 0 {
		row.customerID, row.siteID = cust, m.site
		if t, ok := p.custTariff[cust]; ok {
			tariffID = t
		}
	}
	switch {
	case rec.Duration == 0:
		row.status = call.StatusZeroDuration
	case cust == 0:
		row.status = call.StatusNoCustomer
	default:
		row.status = call.StatusNoRate
	}
	if tariffID == 0 {
		return
	}
	b, err := p.books.book(tariffID)
	if err != nil {
		row.err = err
		return
	}
	sheet, rater, err := p.books.at(b, rec.Start)
	if err != nil {
		row.err = err
		return
	}
	if sheet == nil {
		return
	}
	res := rater.Rate(rating.Call{ChargeCode: rec.ChargeCode, Number: rated, Start: rec.Start, Duration: rec.Duration})
	row.band = tariffs.BandCode[string](res.Band)
	if res.Status != rating.Rated {
		return
	}
	row.rateSheetID = sheet.ID
	row.billableSeconds = res.BillableSeconds
	row.rateDestination = res.Rate.RateDestination()
	row.priceUnits = res.Price
	row.costUnits, row.costKnown = res.Cost, res.CostKnown
	if row.status == call.StatusNoRate {
		row.status = call.StatusPriced
	}
}

// pricedRow is the scratch space of one call in the hot loop.
type pricedRow struct {
	callRow
	err error
	// unreadable is why the line cannot be stored after all; it is
	// counted as an unreadable line.
	unreadable string
}

// normalisedTooLong says why a number that fit as written no longer fits
// its column once normalised, or "".
func normalisedTooLong(name, raw, norm string) string {
	if n := textChars(norm); n > cdr.MaxTextChars {
		return fmt.Sprintf("%s %q is %d characters once the country code is added; at most %d fit", name, raw, n, cdr.MaxTextChars)
	}
	return ""
}

// dupKey is the 64-bit FNV-1a hash of the duplicate key of docs/cdr-formats.md:
// provider + unique id when the format has one, else provider + source +
// destination + start + duration.
func dupKey(buf []byte, providerID int, rec *cdr.Record, src, dst string) ([]byte, int64) {
	b := strconv.AppendInt(buf[:0], int64(providerID), 10)
	if rec.UniqueID != "" {
		b = append(append(b, "|id|"...), rec.UniqueID...)
	} else {
		b = append(append(b, '|'), src...)
		b = append(append(b, '|'), dst...)
		b = append(b, '|')
		b = strconv.AppendInt(b, rec.Start.Unix(), 10)
		b = append(b, '|')
		b = strconv.AppendInt(b, rec.Duration, 10)
	}
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return b, int64(h)
}

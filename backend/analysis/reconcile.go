package analysis

import (
	"context"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/csvcell"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent/call"
)

// CliGroup is the calls of an upload from one number that matched no
// customer, with their value at the default tariff ("value at stake").
type CliGroup struct {
	Source  string // the number a customer would own: caller (outbound) or number dialled (inbound)
	Account string
	Calls   int64
	Value   decimal.Decimal // of the calls the default tariff has a rate for
	// Unvalued is how many of the calls the default tariff has no rate for
	// (or there is no default tariff): their value is unknown, not zero.
	Unvalued int64
	First    time.Time
	Last     time.Time
}

// DestinationGroup is the calls of an upload to one destination prefix that
// no rate sheet row matched.
type DestinationGroup struct {
	Prefix  string
	Example string
	Calls   int64
	// Tariffs are the ids of the tariffs these calls were priced against:
	// each customer's own, or the default for a customer without one. The
	// missing rates go in a new version of these.
	Tariffs []int
}

// NoRatePrefixLength groups calls without rates by their first digits:
// enough for a country and an area or mobile range.
const NoRatePrefixLength = 6

// NoCustomerGroups groups an upload's calls without a customer by the
// number a customer would own — the caller for outbound calls, the number
// dialled for inbound ones — largest value first.
func (s *Service) NoCustomerGroups(ctx context.Context, uploadID, limit int) ([]CliGroup, error) {
	u, err := txn.Client(ctx, s.Client).CdrUpload.Get(ctx, uploadID)
	if err != nil {
		return nil, err
	}
	own, _ := directionOf(u.Direction).Numbers("source", "destination")
	return s.calls().noCustomerGroups(ctx, uploadID, own, limit)
}

// NoRateGroups groups an upload's calls without a rate by destination
// prefix, most calls first.
func (s *Service) NoRateGroups(ctx context.Context, uploadID, limit int) ([]DestinationGroup, error) {
	groups, err := s.calls().noRateGroups(ctx, uploadID, limit)
	if err != nil || len(groups) == 0 {
		return groups, err
	}
	byPrefix, err := s.calls().noRateCustomers(ctx, uploadID)
	if err != nil {
		return nil, err
	}
	custTariff, def, err := s.customerTariffs(ctx)
	if err != nil {
		return nil, err
	}
	for i := range groups {
		for _, cust := range byPrefix[groups[i].Prefix] {
			t, ok := custTariff[cust]
			if !ok {
				t = def
			}
			if t != 0 && !slices.Contains(groups[i].Tariffs, t) {
				groups[i].Tariffs = append(groups[i].Tariffs, t)
			}
		}
		slices.Sort(groups[i].Tariffs)
	}
	return groups, nil
}

// CallsCSVHeader is the header of call exports.
var CallsCSVHeader = []string{"line", "status", "customer_id", "source", "destination", "account", "charge_code", "start",
	"duration", "billable_seconds", "band", "rate_destination", "price", "cost"}

// CallFilter selects calls for an export: the calls list's filters.
type CallFilter struct {
	UploadID   int
	CustomerID int
	Status     call.Status // "": any
	From, To   *time.Time
	Unbilled   bool
	// Processed keeps the calls of processed uploads only: a customer's
	// calls, as its Calls tab shows them.
	Processed bool
	// SourceContains, DestinationPrefix and DestinationContains match the
	// normalised numbers (docs/rating.md, Numbers), as the calls list's
	// sourceContains, destinationHasPrefix and destinationContains do.
	SourceContains, DestinationPrefix, DestinationContains string
}

// WriteReport writes one CSV report of an upload.
func (s *Service) WriteReport(ctx context.Context, w io.Writer, uploadID int, r Report, zone *time.Location) error {
	if r == ReportUnreadable {
		return s.WriteLineErrorsCSV(ctx, w, uploadID)
	}
	return s.WriteCallsCSV(ctx, w, CallFilter{UploadID: uploadID, Status: reportStatus[r]}, zone)
}

// WriteCallsCSV streams calls as CSV: one query, rows written as read, so
// an export of millions of calls uses constant memory.
func (s *Service) WriteCallsCSV(ctx context.Context, w io.Writer, f CallFilter, zone *time.Location) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CallsCSVHeader); err != nil {
		return err
	}
	rec := make([]string, len(CallsCSVHeader))
	err := s.calls().eachCall(ctx, f, func(c *exportedCall) error {
		rec[0], rec[1] = strconv.FormatInt(c.line, 10), string(c.status)
		rec[2] = ""
		if c.customer != 0 {
			rec[2] = strconv.FormatInt(c.customer, 10)
		}
		// Numbers and codes come from providers' files: no cell may run as a formula.
		rec[3], rec[4], rec[5], rec[6] = csvcell.Text(c.source), csvcell.Text(c.destination), csvcell.Text(c.account), csvcell.Text(c.chargeCode)
		rec[7] = c.start.t.In(zone).Format("2006-01-02T15:04:05-07:00")
		rec[8], rec[9], rec[10], rec[11] = strconv.FormatInt(c.duration, 10), strconv.FormatInt(c.billable, 10), c.band, csvcell.Text(c.rateDestination)
		rec[12], rec[13] = "", ""
		// A call without a customer shows its value at the default tariff.
		if c.status == call.StatusPriced || c.status == call.StatusNoCustomer {
			rec[12] = decimal.New(c.price, int32(-c.decimals)).StringFixed(int32(c.decimals))
			if c.cost != nil {
				rec[13] = decimal.New(*c.cost, int32(-c.decimals)).StringFixed(int32(c.decimals))
			}
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteLineErrorsCSV writes an upload's unreadable lines with reasons.
func (s *Service) WriteLineErrorsCSV(ctx context.Context, w io.Writer, uploadID int) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"line", "reason"}); err != nil {
		return err
	}
	err := s.calls().eachLineError(ctx, uploadID, func(line int64, reason string) error {
		return cw.Write([]string{strconv.FormatInt(line, 10), csvcell.Text(reason)})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

package analysis

import (
	"context"
	"errors"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/txn"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// counters are an analysis's figures. Every line is counted exactly once:
// lines read = unreadable + duplicates + zero duration + without customer
// + without rate + priced (docs/analysis.md, Every line counted once). Lines that are not
// voice calls (FCS data, SMS) are not calls and are counted apart.
type counters struct {
	linesRead, unreadable, notVoice                      int64
	priced, noCustomer, noRate, zeroDuration, duplicates int64
	priceUnits, costUnits, marginUnits                   int64
	decimals, customers                                  int
}

func (c *counters) apply(m *ent.CdrUploadMutation) {
	d := int32(-c.decimals)
	m.SetLinesRead(c.linesRead)
	m.SetUnreadable(c.unreadable)
	m.SetNotVoice(c.notVoice)
	m.SetPriced(c.priced)
	m.SetWithoutCustomer(c.noCustomer)
	m.SetWithoutRate(c.noRate)
	m.SetZeroDuration(c.zeroDuration)
	m.SetDuplicates(c.duplicates)
	m.SetLinesDone(c.linesRead + c.notVoice)
	m.SetTotalPrice(decimal.New(c.priceUnits, d))
	m.SetTotalCost(decimal.New(c.costUnits, d))
	m.SetTotalMargin(decimal.New(c.marginUnits, d))
	m.SetCustomers(c.customers)
}

// count reads the calls' statuses and sums back from the database, after
// duplicates are flagged, and records what the priced calls come to for
// each customer (processing adds those). Sums are of integer units: exact
// on any database.
func (s *Service) count(ctx context.Context, uploadID int, c *counters) error {
	c.decimals = s.Pricing.Decimals
	tallies, err := s.calls().tallies(ctx, uploadID)
	if err != nil {
		return err
	}
	type sums struct{ calls, units int64 }
	perCustomer := map[int]*sums{}
	var order []int
	for _, t := range tallies {
		// Every customer with calls here gets a row (it is how a customer's
		// calls are found without an index on the calls' customer); only
		// priced calls add to what processing bills.
		if t.customer != 0 {
			if perCustomer[t.customer] == nil {
				perCustomer[t.customer] = &sums{}
				order = append(order, t.customer)
			}
			if t.status == call.StatusPriced {
				perCustomer[t.customer].calls += t.calls
				perCustomer[t.customer].units += t.price
			}
		}
		switch t.status {
		case call.StatusPriced:
			c.priced += t.calls
			c.priceUnits += t.price
			c.costUnits += t.cost
			c.marginUnits += t.pricedSales - t.cost
		case call.StatusNoCustomer:
			c.noCustomer += t.calls
		case call.StatusNoRate:
			c.noRate += t.calls
		case call.StatusZeroDuration:
			c.zeroDuration += t.calls
		case call.StatusDuplicate:
			c.duplicates += t.calls
		default:
			return fmt.Errorf("unexpected call status %q", t.status)
		}
	}
	c.linesRead = c.unreadable + c.duplicates + c.zeroDuration + c.noCustomer + c.noRate + c.priced
	for _, id := range order {
		if perCustomer[id].calls > 0 {
			c.customers++
		}
	}
	// The totals are written under the customers' row locks, which
	// customers.Delete takes too: a customer deleted since the CLIs were
	// loaded is found here, and the run starts again without it, rather
	// than pricing calls to nobody.
	return txn.Do(ctx, s.Client, func(ctx context.Context, tc *ent.Client) error {
		if gone, err := lockCustomers(ctx, tc, s.Dialect == dialect.MySQL, order); err != nil || len(gone) > 0 {
			return errors.Join(err, gone.err())
		}
		if _, err := tc.UploadCustomerTotal.Delete().Where(uploadcustomertotal.UploadID(uploadID)).Exec(ctx); err != nil {
			return err
		}
		creates := make([]*ent.UploadCustomerTotalCreate, 0, len(order))
		for _, id := range order {
			t := perCustomer[id]
			creates = append(creates, tc.UploadCustomerTotal.Create().SetUploadID(uploadID).
				SetCustomerID(id).SetCalls(t.calls).SetPriceUnits(t.units).SetPriceDecimals(c.decimals))
		}
		for lo := 0; lo < len(creates); lo += 1000 {
			if err := tc.UploadCustomerTotal.CreateBulk(creates[lo:min(lo+1000, len(creates))]...).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

// flagDuplicates marks the calls of an upload that repeat a call of another
// upload (of any provider's key space: the key holds the provider) that is
// not itself a duplicate, and — when the file was too long for the
// in-memory check — an earlier line of the same file. Duplicates are listed
// and never charged.
//
// A duplicate call has the same start as the call it repeats, so only
// uploads whose calls overlap this one's in time are joined: the usual
// monthly file, overlapping none, skips the join entirely.
func (s *Service) flagDuplicates(ctx context.Context, uploadID, providerID int, from, to time.Time, inFile bool) error {
	var others []int
	if !from.IsZero() {
		err := s.Client.CdrUpload.Query().Where(
			cdrupload.IDNEQ(uploadID),
			cdrupload.HasProviderWith(provider.ID(providerID)),
			cdrupload.StatusIn(cdrupload.StatusReady, cdrupload.StatusProcessing, cdrupload.StatusProcessed, cdrupload.StatusAnalysing),
			cdrupload.CallsFromLTE(to.UTC()), cdrupload.CallsToGTE(from.UTC()),
		).Select(cdrupload.FieldID).Scan(ctx, &others)
		if err != nil {
			return err
		}
	}
	if len(others) == 0 && !inFile {
		return nil
	}
	return s.calls().flagDuplicates(ctx, uploadID, providerID, others, inFile)
}

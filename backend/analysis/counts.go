package analysis

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// counters are an analysis's figures. Every line is counted exactly once:
// lines read = unreadable + duplicates + zero duration + without customer
// + without rate + priced (CDR-FORMATS.md, Counting). Lines that are not
// voice calls (FCS data, SMS) are not calls and are counted apart.
type counters struct {
	linesRead, unreadable, notVoice                      int64
	priced, noCustomer, noRate, zeroDuration, duplicates int64
	priceUnits, costUnits, marginUnits                   int64
	decimals, customers                                  int
}

func (c *counters) apply(u *ent.CdrUploadUpdateOne) {
	d := int32(-c.decimals)
	u.SetLinesRead(c.linesRead).SetUnreadable(c.unreadable).SetNotVoice(c.notVoice).
		SetPriced(c.priced).SetWithoutCustomer(c.noCustomer).SetWithoutRate(c.noRate).
		SetZeroDuration(c.zeroDuration).SetDuplicates(c.duplicates).SetLinesDone(c.linesRead + c.notVoice).
		SetTotalPrice(decimal.New(c.priceUnits, d)).SetTotalCost(decimal.New(c.costUnits, d)).
		SetTotalMargin(decimal.New(c.marginUnits, d)).SetCustomers(c.customers)
}

// count reads the calls' statuses and sums back from the database, after
// duplicates are flagged, and records what the priced calls come to for
// each customer (processing adds those). Sums are of integer units: exact
// on any database.
func (s *Service) count(ctx context.Context, uploadID int, c *counters) error {
	c.decimals = s.Pricing.Decimals
	rows, err := s.SQL.QueryContext(ctx, `SELECT status, COALESCE(customer_id, 0), COUNT(*),
		COALESCE(SUM(price_units), 0),
		COALESCE(SUM(CASE WHEN cost_units IS NULL THEN 0 ELSE cost_units END), 0),
		COALESCE(SUM(CASE WHEN cost_units IS NULL THEN 0 ELSE price_units - cost_units END), 0)
		FROM calls WHERE upload_id = ? GROUP BY status, customer_id`, uploadID)
	if err != nil {
		return err
	}
	defer rows.Close()
	type sums struct{ calls, units int64 }
	perCustomer := map[int]*sums{}
	var order []int
	for rows.Next() {
		var (
			status           string
			customer         int
			n, p, cost, marg int64
		)
		if err := rows.Scan(&status, &customer, &n, &p, &cost, &marg); err != nil {
			return err
		}
		// Every customer with calls here gets a row (it is how a customer's
		// calls are found without an index on the calls' customer); only
		// priced calls add to what processing bills.
		if customer != 0 {
			if perCustomer[customer] == nil {
				perCustomer[customer] = &sums{}
				order = append(order, customer)
			}
			if status == "PRICED" {
				perCustomer[customer].calls += n
				perCustomer[customer].units += p
			}
		}
		switch status {
		case "PRICED":
			c.priced += n
			c.priceUnits += p
			c.costUnits += cost
			c.marginUnits += marg
		case "NO_CUSTOMER":
			c.noCustomer += n
		case "NO_RATE":
			c.noRate += n
		case "ZERO_DURATION":
			c.zeroDuration += n
		case "DUPLICATE":
			c.duplicates += n
		default:
			return fmt.Errorf("unexpected call status %q", status)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.linesRead = c.unreadable + c.duplicates + c.zeroDuration + c.noCustomer + c.noRate + c.priced
	if _, err := s.Client.UploadCustomerTotal.Delete().Where(uploadcustomertotal.UploadID(uploadID)).Exec(ctx); err != nil {
		return err
	}
	creates := make([]*ent.UploadCustomerTotalCreate, 0, len(order))
	for _, id := range order {
		t := perCustomer[id]
		if t.calls > 0 {
			c.customers++
		}
		creates = append(creates, s.Client.UploadCustomerTotal.Create().SetUploadID(uploadID).
			SetCustomerID(id).SetCalls(t.calls).SetPriceUnits(t.units).SetPriceDecimals(c.decimals))
	}
	for lo := 0; lo < len(creates); lo += 1000 {
		if err := s.Client.UploadCustomerTotal.CreateBulk(creates[lo:min(lo+1000, len(creates))]...).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
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
	in := "NULL"
	if len(others) > 0 {
		ids := make([]string, len(others))
		for i, id := range others {
			ids[i] = strconv.Itoa(id)
		}
		in = strings.Join(ids, ",")
	}
	sameFile := "FALSE"
	if inFile {
		sameFile = "TRUE"
	}
	var q string
	if s.mysql() {
		q = `UPDATE calls c JOIN calls e ON e.dup_key = c.dup_key AND (
			(` + sameFile + ` AND e.upload_id = c.upload_id AND e.line < c.line) OR
			(e.upload_id IN (` + in + `) AND e.status <> 'DUPLICATE'))
			SET c.status = 'DUPLICATE' WHERE c.upload_id = ? AND c.status <> 'DUPLICATE'`
	} else {
		q = `UPDATE calls SET status = 'DUPLICATE' WHERE upload_id = ? AND status <> 'DUPLICATE' AND EXISTS (
			SELECT 1 FROM calls e WHERE e.dup_key = calls.dup_key AND (
			(` + sameFile + ` AND e.upload_id = calls.upload_id AND e.line < calls.line) OR
			(e.upload_id IN (` + in + `) AND e.status <> 'DUPLICATE')))`
	}
	_, err := s.SQL.ExecContext(ctx, q, uploadID)
	return err
}

// deleteCalls removes an upload's calls, in slices on MySQL so a big file
// never holds one huge transaction.
func (s *Service) deleteCalls(ctx context.Context, uploadID int) (int64, error) {
	if !s.mysql() {
		res, err := s.SQL.ExecContext(ctx, `DELETE FROM calls WHERE upload_id = ?`, uploadID)
		return affected(res, err)
	}
	var total int64
	for {
		n, err := affected(s.SQL.ExecContext(ctx, `DELETE FROM calls WHERE upload_id = ? LIMIT 100000`, uploadID))
		total += n
		if err != nil || n < 100000 {
			return total, err
		}
	}
}

func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

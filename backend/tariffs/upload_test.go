package tariffs_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

// sheetCSV is a valid rate sheet of n distinct prefixes; its rows are on
// lines 2 to n+1.
func sheetCSV(n int) string {
	var b strings.Builder
	b.WriteString("Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate,Peak Rate Cost,Offpeak Rate Cost,Weekend Rate Cost,Description\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "4411%07d,0,0.5,2.25,1.5,0.75,1,0.5,,Leeds %d\n", i, i)
	}
	return b.String()
}

func blobKeys(t *testing.T, ctx context.Context, b *blob.Bucket) []string {
	t.Helper()
	var keys []string
	it := b.List(&blob.ListOptions{Prefix: "rate-sheets/"})
	for {
		o, err := it.Next(ctx)
		if err == io.EOF {
			return keys
		}
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, o.Key)
	}
}

// A rejected rate sheet, whether the file is bad or the database fails
// half-way through loading it, leaves no version and no file in blob
// storage; the versions that were accepted keep theirs.
func TestRejectedRateSheetLeavesNoFile(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			def, err := env.App.Pricing.DefaultTariff(ctx)
			if err != nil {
				t.Fatal(err)
			}
			upload := func(file string) error {
				_, err := env.App.Pricing.Upload(ctx, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
					FileName: "rates.csv", File: strings.NewReader(file)})
				return err
			}
			if err := upload(sheetCSV(10)); err != nil {
				t.Fatal(err)
			}
			kept := blobKeys(t, ctx, env.App.Pricing.Blobs)
			if len(kept) != 1 {
				t.Fatalf("an accepted sheet keeps one file; the bucket has %q", kept)
			}
			check := func(what string) {
				t.Helper()
				if keys := blobKeys(t, ctx, env.App.Pricing.Blobs); strings.Join(keys, " ") != strings.Join(kept, " ") {
					t.Errorf("after %s the bucket holds %q; want only %q", what, keys, kept)
				}
				n, err := env.App.DB.Client.RateSheet.Query().Where(entratesheet.HasTariffWith(tariff.ID(def.ID))).Count(ctx)
				if err != nil || n != 1 {
					t.Errorf("after %s the tariff has %d versions (%v); want the accepted one", what, n, err)
				}
			}

			if err := upload(sheetCSV(10) + "44119999999,0,0,abc,1,1\n"); err == nil {
				t.Fatal("a sheet with a bad rate was accepted")
			}
			check("a bad sheet")

			// The database refuses a row half-way through the load.
			trigger := `CREATE TRIGGER refuse_rate BEFORE INSERT ON rates FOR EACH ROW BEGIN
				IF NEW.line >= 2000 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END`
			if mode == testenv.Embedded {
				trigger = `CREATE TRIGGER refuse_rate BEFORE INSERT ON rates WHEN NEW.line >= 2000 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`
			}
			if _, err := env.App.DB.DB.ExecContext(ctx, trigger); err != nil {
				t.Fatal(err)
			}
			if err := upload(sheetCSV(2500)); err == nil || !strings.Contains(err.Error(), "refused by the test") {
				t.Fatalf("load with a refused row: %v", err)
			}
			check("a database failure mid-load")
		})
	}
}

// On SQLite a big sheet is stored a batch per transaction: another writer
// gets in within a couple of seconds while it loads, nothing sees the
// version until its last row is in, and a sheet that fails at its last row
// leaves nothing usable behind.
func TestBigSheetLetsOtherWritersIn(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	def, err := env.App.Pricing.DefaultTariff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const rows = 200_000
	file := sheetCSV(rows)
	type result struct {
		sheet *ent.RateSheet
		err   error
	}
	done := make(chan result, 1)
	go func() {
		sheet, err := env.App.Pricing.Upload(ctx, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
			FileName: "big.csv", File: strings.NewReader(file)})
		done <- result{sheet, err}
	}()
	loading := func() int {
		var n int
		if err := env.App.DB.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM rate_sheets WHERE row_count = 0`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// Other writes go on the whole time; each must get in promptly, and
	// some while the unusable version exists, between its batches.
	var res *result
	writes, during := 0, 0
	for res == nil {
		if n, err := env.App.DB.Client.RateSheet.Query().Count(ctx); err != nil || n != 0 {
			t.Fatalf("while loading, queries see %d versions (%v)", n, err)
		}
		if loading() > 0 {
			during++
		}
		began := time.Now()
		if _, err := env.App.Customers.Create(ctx, ent.CreateCustomerInput{Reference: fmt.Sprintf("C%d", writes), Name: "Meanwhile Ltd"}, nil); err != nil {
			t.Fatalf("creating a customer while the sheet loads: %v", err)
		}
		if took := time.Since(began); took > 2*time.Second {
			t.Fatalf("creating a customer waited %s for the sheet's load", took)
		}
		writes++
		select {
		case r := <-done:
			res = &r
		default:
		}
	}
	if res.err != nil {
		t.Fatal(res.err)
	}
	if during < 2 {
		t.Fatalf("only %d of %d writes got in while the rows were being stored", during, writes)
	}
	t.Logf("%d customers created while %d rows loaded, %d of them while the rows were stored", writes, rows, during)
	if n, err := env.App.DB.Client.Rate.Query().Count(ctx); err != nil || n != rows || res.sheet.RowCount != rows {
		t.Fatalf("stored %d rows (%v), row count %d; want %d", n, err, res.sheet.RowCount, rows)
	}
	tl, err := env.App.Pricing.Timeline(ctx, def.ID, nil, entratesheet.DirectionOutbound)
	if err != nil {
		t.Fatal(err)
	}
	if !tl.InForce(res.sheet, time.Now()) {
		t.Fatal("the loaded version is not in force")
	}

	// The same size of sheet, refused by the database at its last row.
	if _, err := env.App.DB.DB.ExecContext(ctx, fmt.Sprintf(
		`CREATE TRIGGER refuse_last BEFORE INSERT ON rates WHEN NEW.line = %d BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`, rows+1)); err != nil {
		t.Fatal(err)
	}
	if _, err := env.App.Pricing.Upload(ctx, tariffs.UploadInput{TariffID: def.ID, Direction: entratesheet.DirectionOutbound,
		FileName: "big2.csv", File: strings.NewReader(strings.ReplaceAll(file, "Leeds", "York"))}); err == nil {
		t.Fatal("a sheet the database refused at its last row was accepted")
	}
	var sheets, rates int
	if err := env.App.DB.DB.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM rate_sheets), (SELECT COUNT(*) FROM rates)`).Scan(&sheets, &rates); err != nil {
		t.Fatal(err)
	}
	if sheets != 1 || rates != rows {
		t.Fatalf("after the refused sheet: %d versions and %d rows stored; want only the first sheet's 1 and %d", sheets, rates, rows)
	}
	if keys := blobKeys(t, ctx, env.App.Pricing.Blobs); len(keys) != 1 || keys[0] != res.sheet.BlobKey {
		t.Fatalf("blob storage holds %q; want only %s", keys, res.sheet.BlobKey)
	}
}

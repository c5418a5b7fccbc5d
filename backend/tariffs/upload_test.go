package tariffs_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/tariffs"
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

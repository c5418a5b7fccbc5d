package analysis_test

import (
	"bytes"
	"testing"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// Issue 10, item 1: nothing an upload's page shows may be partial while its
// analysis is under way, and once it is Ready every figure is final. Paused
// after its calls are loaded and flagged but before its totals, the run's
// upload is not Ready, shows no totals, and its reconciliation lists are
// empty; once Ready, the lists hold exactly the calls the counters count.
func TestFiguresArePartialNowhereBeforeReady(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "june.csv",
				File: bytes.NewReader(fixtures.Read(t, "cdr/asterisk-sample.csv"))})
			if err != nil {
				t.Fatal(err)
			}
			checked := false
			analysis.SetTestHook(f.svc, func(point string) error {
				if point != "totals" {
					return nil
				}
				checked = true
				mid := f.upload(t, u.ID)
				if mid.Status == cdrupload.StatusReady || !mid.TotalPrice.IsZero() || mid.WithoutCustomer != 0 {
					t.Errorf("before its totals the upload is %s with total %s and %d without customer", mid.Status, mid.TotalPrice, mid.WithoutCustomer)
				}
				if g, err := f.svc.NoCustomerGroups(f.ctx, u.ID, 100); err != nil || len(g) != 0 {
					t.Errorf("calls without a customer listed before the analysis is Ready: %v %v", g, err)
				}
				if g, err := f.svc.NoRateGroups(f.ctx, u.ID, 100); err != nil || len(g) != 0 {
					t.Errorf("calls without a rate listed before the analysis is Ready: %v %v", g, err)
				}
				return nil
			})
			got := f.reanalyse(t, u.ID)
			if !checked {
				t.Fatal("the analysis never reached its totals")
			}
			if got.Status != cdrupload.StatusReady {
				t.Fatalf("the analysis ended %s", got.Status)
			}
			groups, err := f.svc.NoCustomerGroups(f.ctx, u.ID, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var listed int64
			for _, g := range groups {
				listed += g.Calls
			}
			if got.WithoutCustomer == 0 || listed != got.WithoutCustomer {
				t.Errorf("Ready shows %d calls without a customer but lists %d", got.WithoutCustomer, listed)
			}
			rated, err := f.svc.NoRateGroups(f.ctx, u.ID, 1000)
			if err != nil {
				t.Fatal(err)
			}
			listed = 0
			for _, g := range rated {
				listed += g.Calls
			}
			if listed != got.WithoutRate {
				t.Errorf("Ready shows %d calls without a rate but lists %d", got.WithoutRate, listed)
			}
		})
	}
}

package customers_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/provider"
)

// The service owns its transaction: a customer whose second CLI is refused
// is not created at all, and the refusal names the CLI at fault.
func TestCreateWritesNothingWhenACliIsRefused(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			svc := env.App.Customers

			_, err := svc.Create(ctx, ent.CreateCustomerInput{Reference: "ACME01", Name: "Acme Ltd"},
				[]customers.CliInput{{Value: "01134960000"}, {Value: "  "}})
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.Invalid || e.Field != "clis.1.value" {
				t.Fatalf("err = %v (%+v); want INVALID on clis.1.value", err, e)
			}
			n, err := env.App.DB.Client.Customer.Query().Where(entcustomer.Reference("ACME01")).Count(ctx)
			if err != nil || n != 0 {
				t.Fatalf("customers after the refusal: %d (%v); want 0", n, err)
			}
			if n, err := env.App.DB.Client.Cli.Query().Count(ctx); err != nil || n != 0 {
				t.Fatalf("CLIs after the refusal: %d (%v); want 0", n, err)
			}
		})
	}
}

// A service called inside another's transaction joins it: when the outer
// work fails, what the customers and providers services wrote goes too.
func TestServicesJoinTheCallersTransaction(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			ctx := viewer.System(context.Background())
			c := env.App.DB.Client
			abort := errors.New("the clerk's batch failed later")

			err := txn.Do(ctx, c, func(ctx context.Context, _ *ent.Client) error {
				if _, err := env.App.Customers.Create(ctx, ent.CreateCustomerInput{Reference: "LEEDS1", Name: "Leeds Office Ltd"},
					[]customers.CliInput{{Value: "01134960001"}}); err != nil {
					return err
				}
				if _, err := env.App.Providers.Create(ctx, ent.CreateProviderInput{Name: "Gamma", CdrFormat: provider.CdrFormatFcs}); err != nil {
					return err
				}
				// Inside the transaction the new customer is visible.
				if n, err := txn.Client(ctx, c).Customer.Query().Where(entcustomer.Reference("LEEDS1")).Count(ctx); err != nil || n != 1 {
					t.Errorf("customer inside the transaction: %d (%v); want 1", n, err)
				}
				return abort
			})
			if !errors.Is(err, abort) {
				t.Fatalf("err = %v; want the outer failure", err)
			}
			if n, err := c.Customer.Query().Count(ctx); err != nil || n != 0 {
				t.Errorf("customers after the rollback: %d (%v); want 0", n, err)
			}
			if n, err := c.Provider.Query().Where(provider.Name("Gamma")).Count(ctx); err != nil || n != 0 {
				t.Errorf("providers after the rollback: %d (%v); want 0", n, err)
			}

			// On its own the same call commits.
			cu, err := env.App.Customers.Create(ctx, ent.CreateCustomerInput{Reference: "LEEDS1", Name: "Leeds Office Ltd"},
				[]customers.CliInput{{Value: "01134960001"}})
			if err != nil {
				t.Fatal(err)
			}
			if n, err := cu.QueryClis().Count(ctx); err != nil || n != 1 {
				t.Errorf("CLIs of the committed customer: %d (%v); want 1", n, err)
			}
		})
	}
}

// Clerks adding different numbers at the same moment on MariaDB each get
// their CLI: the clash check's locks on numbers nobody holds yet (gap
// locks) made concurrent inserts deadlock, and the clerk read INTERNAL.
// Two clerks adding the same number still get one CLI and one CONFLICT.
func TestConcurrentClisAreAllAddedWithoutDeadlocks(t *testing.T) {
	env := testenv.StartMode(t, testenv.MySQL)
	ctx := viewer.System(context.Background())
	svc := env.App.Customers
	var owners []int
	for i := range 4 {
		cu, err := svc.Create(ctx, ent.CreateCustomerInput{Reference: fmt.Sprintf("GAP%02d", i), Name: fmt.Sprintf("Gap %d Ltd", i)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		owners = append(owners, cu.ID)
	}
	const clerks, rounds = 8, 6
	// atOnce has every clerk add a CLI at the same moment, the value
	// clerk k adds being value(k), and returns their errors.
	atOnce := func(value func(k int) string) []error {
		var wg sync.WaitGroup
		errs := make([]error, clerks)
		for k := range clerks {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[k] = svc.CreateCli(ctx, customers.CliInput{CustomerID: owners[k%len(owners)], Value: value(k)})
			}()
		}
		wg.Wait()
		return errs
	}
	for round := range rounds {
		// Neighbouring numbers: one gap of the value index.
		for k, err := range atOnce(func(k int) string { return fmt.Sprintf("0113496%02d%02d", round, k) }) {
			if err != nil {
				t.Errorf("round %d, clerk %d: %v", round, k, err)
			}
		}
	}
	if n, err := env.App.DB.Client.Cli.Query().Count(ctx); err != nil || n != clerks*rounds {
		t.Errorf("%d CLIs (%v); want %d", n, err, clerks*rounds)
	}

	errs := atOnce(func(int) string { return "0113 496 9999" })
	added := 0
	for k, err := range errs {
		switch {
		case err == nil:
			added++
		case apperr.CodeOf(err) == apperr.Conflict:
		default:
			t.Errorf("clerk %d adding a number another clerk adds: %v; want success or CONFLICT", k, err)
		}
	}
	if added != 1 {
		t.Errorf("the same number was added %d times; want once", added)
	}
}

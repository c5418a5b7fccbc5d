package platform_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/privacy"
)

// The checked-in migrations produce exactly the schema Ent describes: after
// applying them, Ent has nothing left to change. A schema edit without
// `make migration` fails here.
func TestMigrationsMatchSchema(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			ctx := context.Background()
			cfg := testenv.Config(t, mode)
			db, err := platform.OpenDatabase(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := platform.Migrate(ctx, db, testenv.Logger()); err != nil {
				t.Fatal(err)
			}
			// Applying again is a no-op.
			if err := platform.Migrate(ctx, db, testenv.Logger()); err != nil {
				t.Fatalf("second run: %v", err)
			}
			var buf bytes.Buffer
			if err := db.Client.Schema.WriteTo(ctx, &buf); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(buf.String(), "\n") {
				l := strings.TrimSpace(line)
				if l == "" || l == "BEGIN;" || l == "COMMIT;" || strings.HasPrefix(l, "--") {
					continue
				}
				t.Errorf("migrations drift from the Ent schema; run `make migration name=...`:\n%s", buf.String())
				break
			}
		})
	}
}

// Nothing reaches the database without a viewer, portal users see no staff
// data, and read-only staff change nothing.
func TestPrivacyPolicies(t *testing.T) {
	ctx := context.Background()
	cfg := testenv.Config(t, testenv.Embedded)
	db, err := platform.OpenDatabase(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := platform.Migrate(ctx, db, testenv.Logger()); err != nil {
		t.Fatal(err)
	}
	c := db.Client
	if _, err := c.Customer.Create().SetReference("P1").SetName("Policy Ltd").Save(viewer.System(ctx)); err != nil {
		t.Fatalf("system viewer may write: %v", err)
	}
	cases := []struct {
		name        string
		ctx         context.Context
		read, write bool
	}{
		{"no viewer", ctx, false, false},
		{"portal user", viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindPortal, CustomerID: 1}), false, false},
		{"read-only staff", viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleReadOnly}), true, false},
		{"billing staff", viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleBilling}), true, true},
		{"read-only token", viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindToken, Role: viewer.RoleReadOnly}), true, false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Customer.Query().All(tc.ctx)
			if got := err == nil; got != tc.read {
				t.Errorf("read allowed = %v, want %v (err %v)", got, tc.read, err)
			}
			if err != nil && !errors.Is(err, privacy.Deny) {
				t.Errorf("read refused with %v, want a privacy denial", err)
			}
			_, err = c.Customer.Create().SetReference("W" + string(rune('0'+i))).SetName("Written").Save(tc.ctx)
			if got := err == nil; got != tc.write {
				t.Errorf("write allowed = %v, want %v (err %v)", got, tc.write, err)
			}
		})
	}
}

// The embedded default keeps its data across a restart.
func TestEmbeddedDataSurvivesRestart(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	const q = `mutation { createCustomer(input: {reference: "KEEP", name: "Kept Ltd"}, clis: [{value: "01134960000"}, {value: "01134960001"}]) { id } }`
	first := testenv.Start(t, cfg)
	first.MustDo(t, q, nil, nil)
	first.Stop()
	// Started again on the same data directory.
	env := testenv.Start(t, cfg)
	var out struct {
		Customers struct {
			Edges []struct {
				Node struct {
					Reference string
					Clis      []struct{ Value string }
				}
			}
		}
	}
	env.MustDo(t, `{ customers { edges { node { reference clis { value } } } } }`, nil, &out)
	if len(out.Customers.Edges) != 1 || out.Customers.Edges[0].Node.Reference != "KEEP" || len(out.Customers.Edges[0].Node.Clis) != 2 {
		t.Fatalf("after restart: %+v", out)
	}
}

// The embedded queue server listens on loopback and refuses a client that
// does not know this process's password; Tollgate's own clients know it.
func TestEmbeddedRedisNeedsItsPassword(t *testing.T) {
	ctx := context.Background()
	r, err := platform.OpenRedis(ctx, platform.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if host, _, _ := net.SplitHostPort(r.Addr); host != "127.0.0.1" {
		t.Fatalf("listens on %s", r.Addr)
	}
	if err := r.Client.Ping(ctx).Err(); err != nil {
		t.Fatalf("own client: %v", err)
	}
	stranger := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer stranger.Close()
	if err := stranger.Set(ctx, "k", "v", 0).Err(); err == nil || !strings.Contains(err.Error(), "NOAUTH") {
		t.Fatalf("a client without the password got %v", err)
	}
}

// Users and the company's settings are the admin's: billing staff change
// neither, read-only staff and billing staff read only their own user, and
// no request's viewer reaches sessions or one-time links.
func TestAdminOnlyPolicies(t *testing.T) {
	ctx := context.Background()
	cfg := testenv.Config(t, testenv.Embedded)
	db, err := platform.OpenDatabase(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := platform.Migrate(ctx, db, testenv.Logger()); err != nil {
		t.Fatal(err)
	}
	c := db.Client
	sys := viewer.System(ctx)
	admin := c.User.Create().SetEmail("admin@example.com").SetRole("ADMIN").SaveX(sys)
	clerk := c.User.Create().SetEmail("clerk@example.com").SetRole("BILLING").SaveX(sys)
	as := func(u *ent.User) context.Context {
		return viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.Role(u.Role), UserID: u.ID})
	}
	cases := []struct {
		name      string
		ctx       context.Context
		seesUsers int
		write     bool
	}{
		{"admin", as(admin), 2, true},
		{"billing staff", as(clerk), 1, false},
		{"read-only staff", viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleReadOnly, UserID: clerk.ID}), 1, false},
		{"billing token", viewer.NewContext(ctx, viewer.Viewer{Kind: viewer.KindToken, Role: viewer.RoleBilling}), -1, false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			users, err := c.User.Query().All(tc.ctx)
			if tc.seesUsers < 0 {
				if !errors.Is(err, privacy.Deny) {
					t.Errorf("users read: got %d users, err %v; want a privacy denial", len(users), err)
				}
			} else if err != nil || len(users) != tc.seesUsers {
				t.Errorf("users read: got %d users, err %v; want %d", len(users), err, tc.seesUsers)
			} else if tc.seesUsers == 1 && users[0].ID != clerk.ID {
				t.Errorf("a non-admin sees user %s, not their own", users[0].Email)
			}
			_, err = c.User.UpdateOneID(clerk.ID).SetRole("ADMIN").Save(tc.ctx)
			if got := err == nil; got != tc.write {
				t.Errorf("promote a user allowed = %v, want %v (err %v)", got, tc.write, err)
			}
			if err != nil && !errors.Is(err, privacy.Deny) {
				t.Errorf("promotion refused with %v, want a privacy denial", err)
			}
			_, err = c.CompanySettings.Create().SetSingleton("company").SetCompanyName("Try " + string(rune('0'+i))).Save(tc.ctx)
			if !tc.write && !errors.Is(err, privacy.Deny) {
				t.Errorf("company settings written by %s: err %v, want a privacy denial", tc.name, err)
			}
			if _, err := c.Session.Query().All(tc.ctx); !errors.Is(err, privacy.Deny) {
				t.Errorf("sessions read by %s: err %v, want a privacy denial", tc.name, err)
			}
			if _, err := c.AuthLink.Query().All(tc.ctx); !errors.Is(err, privacy.Deny) {
				t.Errorf("one-time links read by %s: err %v, want a privacy denial", tc.name, err)
			}
			// Put the clerk back for the next case.
			c.User.UpdateOneID(clerk.ID).SetRole("BILLING").ExecX(sys)
		})
	}
}

package app_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/tokens"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/auditentry"
)

// readmeExample is the shell block of the README's "API with a token"
// section, as a reader would copy it.
func readmeExample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## API with a token\n")
	if !ok {
		t.Fatal(`README.md has no "## API with a token" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "```sh\n")
	if !ok {
		t.Fatal("the section has no ```sh block")
	}
	block, _, ok = strings.Cut(block, "```")
	if !ok {
		t.Fatal("the section's ```sh block does not end")
	}
	return block
}

// The README's curl examples work as written against a real Tollgate with
// a BILLING token: a customer, a rate sheet, a CDR file followed until
// processed, a billing run followed until its invoice is rendered, and the
// invoice's PDF. Only the first line, which names the server and the
// token, is given this test's values. The audit log shows each change as
// the token's.
func TestReadmeTokenExamplesWork(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the README's examples need %s: %v", tool, err)
		}
	}
	env := testenv.StartMode(t, testenv.MySQL)
	admin := viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleAdmin, Name: "readme admin"})
	tok, err := env.App.Tokens.Create(admin, tokens.Input{Name: "README", Role: viewer.RoleBilling})
	if err != nil {
		t.Fatal(err)
	}

	script := readmeExample(t)
	const first = "export TOLLGATE=http://localhost:8080 TOKEN=tg_…"
	if !strings.HasPrefix(script, first) {
		t.Fatalf("the example no longer starts with %q:\n%s", first, script)
	}
	script = "export TOLLGATE=" + env.Server.URL + " TOKEN=" + tok.Secret + script[strings.Index(script, "\n"):]

	dir := t.TempDir()
	for name, fixture := range map[string]string{"rates.csv": "rates/sample.csv", "calls.csv": "cdr/asterisk-sample.csv"} {
		if err := os.WriteFile(filepath.Join(dir, name), fixtures.Read(t, fixture), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the README's example failed: %v\n%s", err, out.String())
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "invoice.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("invoice.pdf: %v, starts %q; want a PDF\n%s", err, pdf[:min(len(pdf), 16)], out.String())
	}

	sys := viewer.System(context.Background())
	for _, action := range []string{"createCustomer", "uploadRateSheet", "createProvider", "uploadCdr", "processUpload", "startBillingRun"} {
		e, err := env.App.DB.Client.AuditEntry.Query().Where(auditentry.Action(action)).Only(sys)
		if err != nil {
			t.Errorf("audit of %s: %v", action, err)
			continue
		}
		if e.ViewerKind != auditentry.ViewerKindToken || e.Who != "token README" || e.Outcome != "OK" {
			t.Errorf("audit of %s: %+v; want the README token, OK", action, e)
		}
	}
}

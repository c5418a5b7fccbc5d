package audit

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/auditentry"
	"github.com/tollgate/tollgate/ent/predicate"
)

// Filter narrows the audit log. Who and Action match a part of the name
// (case as stored); From and To bound the time (To exclusive); Outcome is
// OK, an error code, or "ERROR" for anything but OK.
type Filter struct {
	Who     string
	Action  string
	From    *time.Time
	To      *time.Time
	Outcome string
}

// Query returns the entries the filter selects, for the caller to page
// newest first. Only admins read the log (the schema's policy says so
// too; this says it in words).
func (l *Log) Query(ctx context.Context, f Filter) (*ent.AuditEntryQuery, error) {
	if v, ok := viewer.FromContext(ctx); !ok || !v.CanAdminister() {
		return nil, apperr.New(apperr.Forbidden, "only an admin may read the audit log")
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		return nil, apperr.Field(apperr.Invalid, "to", "the end of the period (%s) must come after its start (%s)", f.To.UTC().Format(time.RFC3339), f.From.UTC().Format(time.RFC3339))
	}
	var ps []predicate.AuditEntry
	if w := strings.TrimSpace(f.Who); w != "" {
		ps = append(ps, auditentry.WhoContainsFold(w))
	}
	if a := strings.TrimSpace(f.Action); a != "" {
		ps = append(ps, auditentry.ActionContainsFold(a))
	}
	if f.From != nil {
		ps = append(ps, auditentry.AtGTE(f.From.UTC()))
	}
	if f.To != nil {
		ps = append(ps, auditentry.AtLT(f.To.UTC()))
	}
	switch o := strings.ToUpper(strings.TrimSpace(f.Outcome)); o {
	case "":
	case "ERROR":
		ps = append(ps, auditentry.OutcomeNEQ(OK))
	default:
		ps = append(ps, auditentry.Outcome(o))
	}
	return l.Client.AuditEntry.Query().Where(ps...), nil
}

// IDsIn returns the ids a request's variables name: every string or number
// under a key "id", "...ID", "...Id" or "...IDs", at any depth, sorted and
// without repeats. Nothing else of the variables is kept, so passwords,
// secrets and file contents never reach the log.
func IDsIn(vars map[string]any) []string {
	seen := map[string]bool{}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string, float64, int, int64:
			if isIDKey(key) {
				seen[fmt.Sprint(x)] = true
			}
		}
	}
	walk("", vars)
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func isIDKey(k string) bool {
	return k == "id" || k == "ids" || strings.HasSuffix(k, "ID") || strings.HasSuffix(k, "Id") ||
		strings.HasSuffix(k, "IDs") || strings.HasSuffix(k, "Ids")
}

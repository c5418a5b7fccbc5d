package soak_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// upload is a file the API accepted.
type upload struct {
	id      int
	lines   int64 // lines of calls written to the file
	content []byte
}

type cliRef struct{ id, customer int }

// world is what the clerks know of the data, shared between them. It is
// a hint for choosing what to act on, never an expectation: other clerks
// change things at any moment, and a refusal for a stale choice is fine.
type world struct {
	mu         sync.Mutex
	provider   int
	uploads    []*upload
	byID       map[int]*upload
	customers  []int
	clis       []cliRef
	unmatched  []string // numbers seen without a customer, to give to one
	files, ref int
}

func (w *world) addUpload(u *upload) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.uploads = append(w.uploads, u)
	w.byID[u.id] = u
}

func (w *world) anyUpload(r *rand.Rand) *upload {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.uploads) == 0 {
		return nil
	}
	return w.uploads[r.IntN(len(w.uploads))]
}

func (w *world) anyCustomer(r *rand.Rand) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.customers) == 0 {
		return 0
	}
	return w.customers[r.IntN(len(w.customers))]
}

func (w *world) anyCli(r *rand.Rand) cliRef {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.clis) == 0 {
		return cliRef{}
	}
	return w.clis[r.IntN(len(w.clis))]
}

func (w *world) takeUnmatched(r *rand.Rand) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.unmatched) == 0 {
		return ""
	}
	i := r.IntN(len(w.unmatched))
	v := w.unmatched[i]
	w.unmatched = slices.Delete(w.unmatched, i, i+1)
	return v
}

func (w *world) removeCustomer(id int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.customers = slices.DeleteFunc(w.customers, func(c int) bool { return c == id })
	w.clis = slices.DeleteFunc(w.clis, func(c cliRef) bool { return c.customer == id })
}

// outcome of one request, as the soak counts it.
type outcome int

const (
	accepted outcome = iota
	refused          // CONFLICT, INVALID, NOT_FOUND: a clerk-facing refusal
	failed           // INTERNAL, 5xx, no code, a transport error: a bug
)

type opCount struct{ accepted, refused, failed int }

// tally counts the operations and keeps the failures to print.
type tally struct {
	mu       sync.Mutex
	ops      map[string]*opCount
	refusals map[string]int // by code
	failures []string
	seen     map[string]int // failures by text: each is shown once, with its count
}

func newTally() *tally {
	return &tally{ops: map[string]*opCount{}, refusals: map[string]int{}, seen: map[string]int{}}
}

func (t *tally) add(kind string, o outcome, detail string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.ops[kind]
	if c == nil {
		c = &opCount{}
		t.ops[kind] = c
	}
	switch o {
	case accepted:
		c.accepted++
	case refused:
		c.refused++
		t.refusals[detail]++
	case failed:
		c.failed++
		msg := kind + ": " + detail
		if t.seen[msg]++; t.seen[msg] == 1 {
			t.failures = append(t.failures, msg)
		}
	}
}

// fail records a failure that is not one request's answer.
func (t *tally) fail(msg string) { t.add("soak", failed, msg) }

func (t *tally) summary() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	kinds := make([]string, 0, len(t.ops))
	for k := range t.ops {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var b strings.Builder
	var all opCount
	fmt.Fprintf(&b, "  %-18s %8s %8s %8s\n", "operation", "accepted", "refused", "failed")
	for _, k := range kinds {
		c := t.ops[k]
		all.accepted, all.refused, all.failed = all.accepted+c.accepted, all.refused+c.refused, all.failed+c.failed
		fmt.Fprintf(&b, "  %-18s %8d %8d %8d\n", k, c.accepted, c.refused, c.failed)
	}
	fmt.Fprintf(&b, "  %-18s %8d %8d %8d\n", "all", all.accepted, all.refused, all.failed)
	codes := make([]string, 0, len(t.refusals))
	for code, n := range t.refusals {
		codes = append(codes, fmt.Sprintf("%s %d", code, n))
	}
	sort.Strings(codes)
	fmt.Fprintf(&b, "  refusals by code: %s", strings.Join(codes, ", "))
	return b.String()
}

// failureList is every distinct failure, with how often it happened.
func (t *tally) failureList() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]string, len(t.failures))
	for i, f := range t.failures {
		out[i] = f
		if n := t.seen[f]; n > 1 {
			out[i] = fmt.Sprintf("%s (%d times)", f, n)
		}
	}
	return out
}

// driverText is what a clerk must never be shown: a driver's or a
// server's own words (issue 11, items 5 and 15).
var driverText = regexp.MustCompile(`(?i)error \d{4}|sql:|\bent:|mysql|mariadb|dial tcp|redis|deadlock|lock wait|duplicate entry|127\.0\.0\.1`)

// clerk is one person at the staff app, acting on random API processes.
type clerk struct {
	name  string
	r     *rand.Rand
	cl    *cluster
	w     *world
	src   *cdrSource
	tally *tally
	http  *http.Client
	// maxUploads bounds the files all clerks upload, so the soak's database
	// stays small enough for its time.
	maxUploads int
}

// do sends one operation to a random API process and counts the outcome.
func (k *clerk) do(ctx context.Context, kind, query string, vars map[string]any, out any) outcome {
	return k.count(ctx, kind, func(url string) (testenv.Response, int, error) {
		return testenv.Post(ctx, k.http, url, query, vars)
	}, out)
}

func (k *clerk) count(ctx context.Context, kind string, send func(url string) (testenv.Response, int, error), out any) outcome {
	api := k.cl.api(k.r)
	res, status, err := send(api.url)
	where := api.name
	switch {
	case err != nil && ctx.Err() != nil:
		return refused // the soak's time is up; not counted
	case err != nil:
		k.tally.add(kind, failed, where+": "+err.Error())
		return failed
	case status >= 500:
		k.tally.add(kind, failed, fmt.Sprintf("%s: HTTP %d %+v", where, status, res.Errors))
		return failed
	case len(res.Errors) > 0:
		o := refused
		for _, e := range res.Errors {
			switch code := e.Code(); {
			case code != "CONFLICT" && code != "INVALID" && code != "NOT_FOUND":
				o = failed
				k.tally.add(kind, failed, fmt.Sprintf("%s: %s %q %v", where, code, e.Message, e.Extensions))
			case driverText.MatchString(e.Message):
				o = failed
				k.tally.add(kind, failed, fmt.Sprintf("%s: %s shows the clerk a driver's text: %q", where, code, e.Message))
			}
		}
		if o == refused {
			k.tally.add(kind, refused, res.Errors[0].Code())
		}
		return o
	case status != http.StatusOK:
		k.tally.add(kind, failed, fmt.Sprintf("%s: HTTP %d with no error", where, status))
		return failed
	}
	if out != nil {
		if err := json.Unmarshal(res.Data, out); err != nil {
			k.tally.add(kind, failed, fmt.Sprintf("%s: decode %s: %v", where, res.Data, err))
			return failed
		}
	}
	k.tally.add(kind, accepted, "")
	return accepted
}

// op is one kind of thing a clerk does, with how often.
type op struct {
	kind   string
	weight int
	run    func(k *clerk, ctx context.Context)
}

var ops = []op{
	{"upload", 12, (*clerk).upload},
	{"upload-same-file", 2, (*clerk).uploadSameFile},
	{"reanalyse", 14, (*clerk).reanalyse},
	{"process", 12, (*clerk).process},
	{"recompute", 10, (*clerk).recompute},
	{"cli-add", 9, (*clerk).addCli},
	{"cli-edit", 8, (*clerk).editCli},
	{"cli-delete", 5, (*clerk).deleteCli},
	{"customer-create", 4, (*clerk).createCustomer},
	{"customer-delete", 9, (*clerk).deleteCustomer},
	{"read-upload", 6, (*clerk).readUpload},
}

// run acts until ctx ends, with a clerk's pauses between actions.
func (k *clerk) run(ctx context.Context) {
	total := 0
	for _, o := range ops {
		total += o.weight
	}
	for ctx.Err() == nil {
		n := k.r.IntN(total)
		for _, o := range ops {
			if n -= o.weight; n < 0 {
				o.run(k, ctx)
				break
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(20+k.r.IntN(300)) * time.Millisecond):
		}
	}
}

const uploadMutation = `mutation($p: ID!, $f: Upload!) { uploadCdr(input: {providerID: $p, file: $f}) { id status } }`

func (k *clerk) upload(ctx context.Context) {
	k.w.mu.Lock()
	if k.w.files >= k.maxUploads {
		k.w.mu.Unlock()
		k.reanalyse(ctx)
		return
	}
	k.w.files++
	seq, provider := k.w.files, k.w.provider
	k.w.mu.Unlock()
	content, lines := k.src.file(k.r, seq)
	var out struct {
		UploadCdr struct{ ID string } `json:"uploadCdr"`
	}
	if k.send(ctx, "upload", provider, fmt.Sprintf("month-%d.csv", seq), content, &out) == accepted {
		id, _ := strconv.Atoi(out.UploadCdr.ID)
		k.w.addUpload(&upload{id: id, lines: lines, content: content})
	}
}

func (k *clerk) send(ctx context.Context, kind string, provider int, name string, content []byte, out any) outcome {
	return k.count(ctx, kind, func(url string) (testenv.Response, int, error) {
		return testenv.PostUpload(ctx, k.http, url, uploadMutation, map[string]any{"p": strconv.Itoa(provider), "f": nil},
			"variables.f", name, content)
	}, out)
}

// uploadSameFile sends an accepted file again under another name: it must
// be refused, naming the earlier upload.
func (k *clerk) uploadSameFile(ctx context.Context) {
	u := k.w.anyUpload(k.r)
	if u == nil {
		return
	}
	if k.send(ctx, "upload-same-file", k.w.provider, "again.csv", u.content, nil) == accepted {
		k.tally.fail(fmt.Sprintf("the file of upload %d was accepted a second time", u.id))
	}
}

func (k *clerk) reanalyse(ctx context.Context) {
	if u := k.w.anyUpload(k.r); u != nil {
		k.do(ctx, "reanalyse", `mutation($id: ID!) { reanalyseUpload(id: $id) { id status } }`, map[string]any{"id": strconv.Itoa(u.id)}, nil)
	}
}

func (k *clerk) process(ctx context.Context) {
	if u := k.w.anyUpload(k.r); u != nil {
		k.do(ctx, "process", `mutation($id: ID!) { processUpload(id: $id) { id status } }`, map[string]any{"id": strconv.Itoa(u.id)}, nil)
	}
}

func (k *clerk) recompute(ctx context.Context) {
	if c := k.w.anyCustomer(k.r); c != 0 {
		k.do(ctx, "recompute", `mutation($id: ID!) { recomputeUnbilledTotal(customerID: $id) { id } }`, map[string]any{"id": strconv.Itoa(c)}, nil)
	}
}

// octoberDay is a moment in the calls' month, so that CLI dates move calls
// in and out of a customer.
func (k *clerk) octoberDay() string {
	return time.Date(2026, 10, 1+k.r.IntN(31), k.r.IntN(24), 0, 0, 0, time.UTC).Format(time.RFC3339)
}

func (k *clerk) addCli(ctx context.Context) {
	value := k.w.takeUnmatched(k.r)
	c := k.w.anyCustomer(k.r)
	if value == "" || c == 0 {
		k.readUpload(ctx)
		return
	}
	in := map[string]any{"value": "+" + value, "customerID": strconv.Itoa(c)}
	if k.r.IntN(3) == 0 {
		in["validFrom"] = k.octoberDay()
	}
	var out struct {
		CreateCli struct{ ID string } `json:"createCli"`
	}
	if k.do(ctx, "cli-add", `mutation($in: CreateCliInput!) { createCli(input: $in) { id } }`, map[string]any{"in": in}, &out) == accepted {
		id, _ := strconv.Atoi(out.CreateCli.ID)
		k.w.mu.Lock()
		k.w.clis = append(k.w.clis, cliRef{id: id, customer: c})
		k.w.mu.Unlock()
	}
}

func (k *clerk) editCli(ctx context.Context) {
	cli := k.w.anyCli(k.r)
	if cli.id == 0 {
		return
	}
	in := map[string]any{}
	to := 0
	switch k.r.IntN(3) {
	case 0:
		to = k.w.anyCustomer(k.r)
		in["customerID"] = strconv.Itoa(to)
	case 1:
		in["validFrom"] = k.octoberDay()
	default:
		in["validTo"] = k.octoberDay()
	}
	if k.do(ctx, "cli-edit", `mutation($id: ID!, $in: UpdateCliInput!) { updateCli(id: $id, input: $in) { id } }`,
		map[string]any{"id": strconv.Itoa(cli.id), "in": in}, nil) == accepted && to != 0 {
		k.w.mu.Lock()
		for i := range k.w.clis {
			if k.w.clis[i].id == cli.id {
				k.w.clis[i].customer = to
			}
		}
		k.w.mu.Unlock()
	}
}

func (k *clerk) deleteCli(ctx context.Context) {
	cli := k.w.anyCli(k.r)
	if cli.id == 0 {
		return
	}
	if k.do(ctx, "cli-delete", `mutation($id: ID!) { deleteCli(id: $id) }`, map[string]any{"id": strconv.Itoa(cli.id)}, nil) == accepted {
		k.w.mu.Lock()
		k.w.clis = slices.DeleteFunc(k.w.clis, func(c cliRef) bool { return c.id == cli.id })
		k.w.mu.Unlock()
	}
}

func (k *clerk) createCustomer(ctx context.Context) {
	k.w.mu.Lock()
	k.w.ref++
	ref := k.w.ref
	k.w.mu.Unlock()
	var clis []map[string]any
	for range k.r.IntN(3) {
		if v := k.w.takeUnmatched(k.r); v != "" {
			clis = append(clis, map[string]any{"value": "+" + v})
		}
	}
	var out struct {
		CreateCustomer struct {
			ID   string
			Clis []struct{ ID string }
		} `json:"createCustomer"`
	}
	if k.do(ctx, "customer-create", `mutation($in: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) {
		createCustomer(input: $in, clis: $clis) { id clis { id } } }`,
		map[string]any{"in": map[string]any{"reference": fmt.Sprintf("SOAK%04d", ref), "name": fmt.Sprintf("Soak Customer %d Ltd", ref)}, "clis": clis},
		&out) == accepted {
		id, _ := strconv.Atoi(out.CreateCustomer.ID)
		k.w.mu.Lock()
		k.w.customers = append(k.w.customers, id)
		for _, c := range out.CreateCustomer.Clis {
			cid, _ := strconv.Atoi(c.ID)
			k.w.clis = append(k.w.clis, cliRef{id: cid, customer: id})
		}
		k.w.mu.Unlock()
	}
}

func (k *clerk) deleteCustomer(ctx context.Context) {
	c := k.w.anyCustomer(k.r)
	if c == 0 {
		return
	}
	if k.do(ctx, "customer-delete", `mutation($id: ID!) { deleteCustomer(id: $id) }`, map[string]any{"id": strconv.Itoa(c)}, nil) == accepted {
		k.w.removeCustomer(c)
	}
}

// readUpload looks at an upload as the upload page does: its counters must
// add up whenever it is analysed, and its calls without a customer are the
// numbers a clerk assigns next.
func (k *clerk) readUpload(ctx context.Context) {
	u := k.w.anyUpload(k.r)
	if u == nil {
		return
	}
	var out struct {
		Node *struct {
			Status        string
			LinesRead     int64                     `json:"linesRead"`
			CountsAddUp   bool                      `json:"countsAddUp"`
			UnmatchedClis []struct{ Source string } `json:"unmatchedClis"`
		}
	}
	if k.do(ctx, "read-upload", `query($id: ID!) { node(id: $id) { ... on CdrUpload { status linesRead countsAddUp unmatchedClis(first: 8) { source } } } }`,
		map[string]any{"id": strconv.Itoa(u.id)}, &out) != accepted || out.Node == nil {
		return
	}
	if (out.Node.Status == "READY" || out.Node.Status == "PROCESSED") && (!out.Node.CountsAddUp || out.Node.LinesRead != u.lines) {
		k.tally.fail(fmt.Sprintf("upload %d is %s with countsAddUp %v and %d lines read; the file holds %d",
			u.id, out.Node.Status, out.Node.CountsAddUp, out.Node.LinesRead, u.lines))
	}
	k.w.mu.Lock()
	for _, c := range out.Node.UnmatchedClis {
		if !slices.Contains(k.w.unmatched, c.Source) && len(k.w.unmatched) < 200 {
			k.w.unmatched = append(k.w.unmatched, c.Source)
		}
	}
	k.w.mu.Unlock()
}

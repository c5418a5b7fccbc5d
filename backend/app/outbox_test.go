package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/internal/testbill"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/delivery"
)

const outboxQuery = `query($status: DeliveryStatus) { mailTransport outbox(status: $status, first: 50) { totalCount edges { node {
  id recipient status attempts lastError sentAt invoice { number }
  message { messageID from to subject text downloadURL attachments { name contentType size downloadURL } } } } } }`

type outboxMessage struct {
	MessageID, From, Subject, Text, DownloadURL string
	To                                          []string
	Attachments                                 []struct {
		Name, ContentType, DownloadURL string
		Size                           int
	}
}

type outboxData struct {
	MailTransport string
	Outbox        struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				ID, Recipient, Status, LastError string
				Attempts                         int
				SentAt                           *time.Time
				Invoice                          struct{ Number int }
				Message                          *outboxMessage
			}
		}
	}
}

type emailsData struct {
	Node struct {
		Emails []struct{ ID, Recipient, Status string }
	}
}

const emailsQuery = `query($id: ID!) { node(id: $id) { ... on Invoice { emails { id recipient status } } } }`

// waitEmails polls the invoice's emails until every one is in a final
// state (sent or failed) and there are want of them.
func waitEmails(t *testing.T, env *testenv.Env, invoiceID string, want int) emailsData {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var got emailsData
		env.MustDo(t, emailsQuery, map[string]any{"id": invoiceID}, &got)
		done := len(got.Node.Emails) == want
		for _, e := range got.Node.Emails {
			done = done && (e.Status == "SENT" || e.Status == "FAILED")
		}
		if done {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("invoice %s's emails %+v; want %d sent or failed", invoiceID, got.Node.Emails, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// In embedded mode the worker writes the invoice email to the outbox; the
// outbox query lists it newest first with its status, and reads it back as
// sent: headers, text and both attachments, which download byte for byte
// as the invoice's documents. Send-to, resend and retry make or re-queue
// emails the worker sends, each refused with a reason when it cannot be.
func TestTheOutboxOverGraphQL(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	db := env.App.DB.Client
	name, sender := "Northern Voice Ltd", "billing@northernvoice.example"
	if _, err := env.App.Company.Update(ctx, company.Input{CompanyName: &name, EmailSenderAddress: &sender}); err != nil {
		t.Fatal(err)
	}
	is := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 321, Reference: "OB1", Name: "Oak Barn Ltd", Email: "ap@oakbarn.example",
		Format: customer.CallStatementFormatCsv, Calls: 4})
	inv := strconv.Itoa(is.Invoice.ID)

	// Before the documents are stored the email waits, and has no message.
	var before outboxData
	env.MustDo(t, outboxQuery, map[string]any{"status": "QUEUED"}, &before)
	if before.MailTransport != "OUTBOX" || before.Outbox.TotalCount != 1 || before.Outbox.Edges[0].Node.Message != nil {
		t.Fatalf("outbox before the documents: %+v; want one queued email without a message, transport OUTBOX", before)
	}
	first := before.Outbox.Edges[0].Node.ID
	if status, body := env.Get(t, "/download/outbox/"+first+"/message.eml"); status != 404 ||
		!strings.Contains(string(body), "the email of invoice 321 to ap@oakbarn.example is queued, and not written to the outbox") {
		t.Errorf("the .eml of a queued email: %d %q", status, body)
	}
	if _, err := env.App.Documents.RenderInvoice(ctx, is.Invoice.ID); err != nil {
		t.Fatal(err)
	}
	waitEmails(t, env, inv, 1)

	var sent outboxData
	env.MustDo(t, outboxQuery, map[string]any{"status": "SENT"}, &sent)
	if sent.Outbox.TotalCount != 1 {
		t.Fatalf("sent emails: %+v", sent.Outbox)
	}
	n := sent.Outbox.Edges[0].Node
	m := n.Message
	if n.ID != first || n.Attempts != 1 || n.SentAt == nil || n.Invoice.Number != 321 || m == nil {
		t.Fatalf("the sent email: %+v", n)
	}
	if !strings.Contains(m.From, sender) || len(m.To) != 1 || m.To[0] != "ap@oakbarn.example" ||
		!strings.Contains(m.Subject, "321") || !strings.Contains(m.Text, "Oak Barn Ltd") || m.MessageID == "" {
		t.Errorf("the message as sent: %+v", m)
	}
	if len(m.Attachments) != 2 || m.Attachments[0].Name != "Invoice 321.pdf" || m.Attachments[0].ContentType != "application/pdf" ||
		m.Attachments[1].Name != "Call statement 321.csv" || m.Attachments[1].ContentType != "text/csv" {
		t.Fatalf("attachments %+v; want the invoice PDF and the CSV statement", m.Attachments)
	}
	for i, doc := range []string{"pdf", "statement"} {
		a := m.Attachments[i]
		res, got := env.Fetch(t, a.DownloadURL+"?download=1")
		_, stored := env.Get(t, fmt.Sprintf("/download/invoices/%s/%s", inv, doc))
		if res.StatusCode != 200 || !bytes.Equal(got, stored) || len(got) != a.Size ||
			!strings.Contains(res.Header.Get("Content-Disposition"), `filename="`+a.Name+`"`) {
			t.Errorf("attachment %s: %d, %d bytes (%s); want the stored %s, %d bytes", a.Name, res.StatusCode, len(got),
				res.Header.Get("Content-Disposition"), doc, len(stored))
		}
	}
	if status, eml := env.Get(t, m.DownloadURL); status != 200 || !strings.Contains(string(eml), "Message-ID: <"+m.MessageID+">") {
		t.Errorf("the .eml: %d %.300q", status, eml)
	}
	if status, body := env.Get(t, strings.TrimSuffix(m.Attachments[0].DownloadURL, "1")+"3"); status != 404 || !strings.Contains(string(body), "has 2 attachments") {
		t.Errorf("a third attachment: %d %q", status, body)
	}

	// Send to another address: a bad one is refused and nothing is queued.
	sendTo := `mutation($id: ID!, $a: String!) { sendInvoiceTo(id: $id, address: $a) { id recipient status } }`
	r := env.Do(t, sendTo, map[string]any{"id": inv, "a": "Accounts <accounts@oakbarn>"})
	if len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" || r.Errors[0].Field() != "address" ||
		!strings.Contains(r.Errors[0].Message, "is not an email address") {
		t.Errorf("send to a bad address: %+v", r.Errors)
	}
	var to struct {
		SendInvoiceTo struct{ ID, Recipient, Status string }
	}
	env.MustDo(t, sendTo, map[string]any{"id": inv, "a": " accounts@oakbarn.example "}, &to)
	if to.SendInvoiceTo.Recipient != "accounts@oakbarn.example" || to.SendInvoiceTo.Status != "QUEUED" {
		t.Errorf("sent to another address: %+v", to.SendInvoiceTo)
	}
	var re struct {
		ResendInvoice struct{ ID, Recipient string }
	}
	env.MustDo(t, `mutation($id: ID!) { resendInvoice(id: $id) { id recipient } }`, map[string]any{"id": inv}, &re)
	emails := waitEmails(t, env, inv, 3).Node.Emails
	if emails[0].ID != re.ResendInvoice.ID || emails[0].Recipient != "ap@oakbarn.example" ||
		emails[1].ID != to.SendInvoiceTo.ID || emails[2].ID != first {
		t.Errorf("the invoice's emails %+v; want the resend, the send-to, then the run's email", emails)
	}
	for _, e := range emails {
		if e.Status != "SENT" {
			t.Errorf("email %+v not sent", e)
		}
	}
	var all outboxData
	env.MustDo(t, outboxQuery, nil, &all)
	if all.Outbox.TotalCount != 3 || all.Outbox.Edges[0].Node.ID != re.ResendInvoice.ID || all.Outbox.Edges[2].Node.ID != first {
		t.Errorf("the whole outbox, newest first: %+v", all.Outbox)
	}

	// Retry: refused for a sent email; a failed one goes out again.
	retry := `mutation($id: ID!) { retryDelivery(id: $id) { id status attempts lastError } }`
	if r := env.Do(t, retry, map[string]any{"id": first}); len(r.Errors) != 1 || r.Errors[0].Code() != "CONFLICT" ||
		!strings.Contains(r.Errors[0].Message, "is sent; only a failed email can be retried") {
		t.Errorf("retry of a sent email: %+v", r.Errors)
	}
	failedID, _ := strconv.Atoi(to.SendInvoiceTo.ID)
	if err := db.Delivery.UpdateOneID(failedID).SetStatus(delivery.StatusFailed).SetAttempts(8).
		SetLastError("Mailbox busy, try later").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	// The worker writes a message once; the failed one is written, so the
	// retry finds it there and it counts as sent.
	var failed outboxData
	env.MustDo(t, outboxQuery, map[string]any{"status": "FAILED"}, &failed)
	if failed.Outbox.TotalCount != 1 || failed.Outbox.Edges[0].Node.LastError != "Mailbox busy, try later" {
		t.Errorf("failed emails: %+v", failed.Outbox)
	}
	var rt struct {
		RetryDelivery struct {
			Status   string
			Attempts int
		}
	}
	env.MustDo(t, retry, map[string]any{"id": to.SendInvoiceTo.ID}, &rt)
	if rt.RetryDelivery.Status != "QUEUED" || rt.RetryDelivery.Attempts != 0 {
		t.Errorf("retried: %+v; want queued with no attempts", rt.RetryDelivery)
	}
	waitEmails(t, env, inv, 3)

	// What cannot be sent says why.
	bare := testbill.Issue(t, ctx, db, nil, testbill.Spec{Number: 322, Reference: "OB2", Name: "Oast House"})
	for _, tc := range []struct {
		query string
		vars  map[string]any
		code  string
		says  string
	}{
		{`mutation($id: ID!) { resendInvoice(id: $id) { id } }`, map[string]any{"id": strconv.Itoa(bare.Invoice.ID)}, "INVALID",
			"Oast House (OB2) has no delivery email address"},
		{`mutation($id: ID!) { resendInvoice(id: $id) { id } }`, map[string]any{"id": "987654"}, "NOT_FOUND", "invoice 987654 does not exist"},
		{retry, map[string]any{"id": "987654"}, "NOT_FOUND", "delivery 987654 does not exist"},
	} {
		if r := env.Do(t, tc.query, tc.vars); len(r.Errors) != 1 || r.Errors[0].Code() != tc.code || !strings.Contains(r.Errors[0].Message, tc.says) {
			t.Errorf("%s %v: %+v; want %s saying %q", tc.query, tc.vars, r.Errors, tc.code, tc.says)
		}
	}
	env.MustDo(t, `mutation($id: ID!) { deleteInvoice(id: $id, withCharges: false) { status } }`, map[string]any{"id": inv}, nil)
	if r := env.Do(t, sendTo, map[string]any{"id": inv, "a": "accounts@oakbarn.example"}); len(r.Errors) != 1 ||
		r.Errors[0].Code() != "CONFLICT" || !strings.Contains(r.Errors[0].Message, "invoice 321 is deleted, so it is not sent") {
		t.Errorf("send a deleted invoice: %+v", r.Errors)
	}
	if got := waitEmails(t, env, inv, 3); len(got.Node.Emails) != 3 {
		t.Errorf("emails after the refused sends: %+v", got.Node.Emails)
	}
}

// Over SMTP no copy is kept: the transport says so, a message is null,
// and its download says where the email went instead.
func TestTheOutboxOverSMTPShowsNoMessage(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	cfg.SMTPURL = "smtp://127.0.0.1:1?starttls=none"
	env := testenv.Start(t, cfg)
	ctx := viewer.System(context.Background())
	is := testbill.Issue(t, ctx, env.App.DB.Client, nil, testbill.Spec{Number: 401, Reference: "SM1", Name: "Smith & Co", Email: "ap@smith.example"})
	var got outboxData
	env.MustDo(t, outboxQuery, nil, &got)
	if got.MailTransport != "SMTP" || got.Outbox.TotalCount != 1 || got.Outbox.Edges[0].Node.Message != nil ||
		got.Outbox.Edges[0].Node.ID != strconv.Itoa(is.Delivery.ID) {
		t.Fatalf("outbox over SMTP: %+v", got)
	}
	if status, body := env.Get(t, "/download/outbox/"+strconv.Itoa(is.Delivery.ID)+"/message.eml"); status != 404 ||
		!strings.Contains(string(body), "emails go to the mail server named by SMTP_URL") {
		t.Errorf("the .eml over SMTP: %d %q", status, body)
	}
}

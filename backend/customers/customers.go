// Package customers keeps customers, their sites and their CLIs: the
// pivot of every charge. Every write runs in one transaction (the caller's,
// when there is one), so a failed call writes nothing.
package customers

import (
	"context"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/cli"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
	"github.com/tollgate/tollgate/ent/site"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// Service keeps customers, sites and CLIs in the database, with the
// deployment settings customer rules depend on.
type Service struct {
	Client *ent.Client
	// CountryCode turns national numbers (01134960000) into international
	// ones (441134960000), as docs/rating.md's Numbers section says.
	CountryCode string
	// RowLocks takes row locks (SELECT ... FOR UPDATE) while checking that a
	// CLI is free. MySQL needs them; SQLite has none, and needs none because
	// its write transactions run one at a time.
	RowLocks bool
	// Zone is the deployment's time zone: dates in messages are its days
	// (UTC when nil).
	Zone *time.Location
}

// NewService returns the customers service on client.
func NewService(client *ent.Client, countryCode string, rowLocks bool) *Service {
	return &Service{Client: client, CountryCode: countryCode, RowLocks: rowLocks}
}

// Create adds a customer and, in the same transaction, its first CLIs.
func (s *Service) Create(ctx context.Context, in ent.CreateCustomerInput, clis []CliInput) (*ent.Customer, error) {
	return txn.GetRetrying(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Customer, error) {
		return s.create(ctx, c, in, clis)
	})
}

func (s *Service) create(ctx context.Context, c *ent.Client, in ent.CreateCustomerInput, clis []CliInput) (*ent.Customer, error) {
	in.Reference = strings.TrimSpace(in.Reference)
	in.Name = strings.TrimSpace(in.Name)
	if err := validateCustomer(in.Reference, in.Name, in.BillingType, in.ParentID, in.InvoiceDelivery, in.DeliveryEmail); err != nil {
		return nil, err
	}
	if err := referenceFree(ctx, c, in.Reference, 0); err != nil {
		return nil, err
	}
	cu, err := c.Customer.Create().SetInput(in).Save(ctx)
	if err != nil {
		return nil, err
	}
	for i, ci := range clis {
		ci.CustomerID = cu.ID
		if _, err := s.createCli(ctx, c, ci); err != nil {
			if e, ok := apperr.As(err); ok && e.Field != "" {
				e.Field = "clis." + strconv.Itoa(i) + "." + e.Field
			}
			return nil, err
		}
	}
	return cu, nil
}

// Update changes a customer's details.
func (s *Service) Update(ctx context.Context, id int, in ent.UpdateCustomerInput) (*ent.Customer, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Customer, error) {
		return s.update(ctx, c, id, in)
	})
}

func (s *Service) update(ctx context.Context, c *ent.Client, id int, in ent.UpdateCustomerInput) (*ent.Customer, error) {
	cur, err := c.Customer.Get(ctx, id)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "customer", id)
	}
	ref, name := cur.Reference, cur.Name
	if in.Reference != nil {
		ref = strings.TrimSpace(*in.Reference)
		in.Reference = &ref
	}
	if in.Name != nil {
		name = strings.TrimSpace(*in.Name)
		in.Name = &name
	}
	bt := cur.BillingType
	if in.BillingType != nil {
		bt = *in.BillingType
	}
	var parent *int
	if !in.ClearParent {
		if in.ParentID != nil {
			parent = in.ParentID
		} else if p, err := cur.QueryParent().OnlyID(ctx); err == nil {
			parent = &p
		}
	}
	if parent != nil && *parent == id {
		return nil, apperr.Field(apperr.Invalid, "parentID", "a customer cannot be its own parent")
	}
	del := cur.InvoiceDelivery
	if in.InvoiceDelivery != nil {
		del = *in.InvoiceDelivery
	}
	email := &cur.DeliveryEmail
	if in.ClearDeliveryEmail {
		email = nil
	} else if in.DeliveryEmail != nil {
		email = in.DeliveryEmail
	}
	if err := validateCustomer(ref, name, &bt, parent, &del, email); err != nil {
		return nil, err
	}
	if ref != cur.Reference {
		if err := referenceFree(ctx, c, ref, id); err != nil {
			return nil, err
		}
	}
	return c.Customer.UpdateOneID(id).SetInput(in).Save(ctx)
}

// Delete removes a customer that has never been billed: no calls, charges or
// invoices. Its CLIs and sites go with it. It is refused while an analysis
// is queued or running, since that analysis may be pricing calls to the
// customer (it matched them against the CLIs as they were when it began).
func (s *Service) Delete(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error { return s.delete(ctx, c, id) })
}

func (s *Service) delete(ctx context.Context, c *ent.Client, id int) error {
	// The row lock comes before any other read. An analysis records what it
	// priced to each customer under a lock on the same rows, so it comes
	// either wholly before this delete — and the checks below see its
	// totals, because InnoDB takes the transaction's snapshot at its first
	// plain read, after the lock is granted — or after it, and finds the
	// customer gone (analysis.lockCustomers).
	q := c.Customer.Query().Where(entcustomer.ID(id))
	if s.RowLocks {
		q = q.ForUpdate()
	}
	cu, err := q.Only(ctx)
	if err != nil {
		return apperr.NotFoundAs(err, "customer", id)
	}
	if err := s.deletable(ctx, c, cu); err != nil {
		return err
	}
	if _, err := c.Cli.Delete().Where(cli.HasCustomerWith(entcustomer.ID(id))).Exec(ctx); err != nil {
		return err
	}
	if _, err := c.Site.Delete().Where(site.HasCustomerWith(entcustomer.ID(id))).Exec(ctx); err != nil {
		return err
	}
	return c.Customer.DeleteOneID(id).Exec(ctx)
}

// deletable refuses to delete a customer whose calls have been or may be
// priced: the unbilled totals must always add up to the priced calls
// (docs/analysis.md, Processing).
func (s *Service) deletable(ctx context.Context, c *ent.Client, cu *ent.Customer) error {
	var withCalls []int
	if err := c.UploadCustomerTotal.Query().Where(uploadcustomertotal.CustomerID(cu.ID)).
		Select(uploadcustomertotal.FieldUploadID).Scan(ctx, &withCalls); err != nil {
		return err
	}
	if len(withCalls) > 0 {
		pending, err := c.CdrUpload.Query().Where(cdrupload.IDIn(withCalls...), cdrupload.StatusNEQ(cdrupload.StatusProcessed)).
			Order(ent.Asc(cdrupload.FieldID)).All(ctx)
		if err != nil {
			return err
		}
		if len(pending) > 0 {
			return apperr.New(apperr.Conflict, "%s has calls in %s, not processed yet, and cannot be deleted; remove its CLIs and analyse %s again first, or set its status to Cancelled instead",
				cu.Name, uploadNames(pending), them(len(pending)))
		}
		return apperr.New(apperr.Conflict, "%s has calls and cannot be deleted; set its status to Cancelled instead", cu.Name)
	}
	if n, err := c.Charge.Query().Where(charge.HasCustomerWith(entcustomer.ID(cu.ID))).Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return apperr.New(apperr.Conflict, "%s has charges and cannot be deleted; set its status to Cancelled instead", cu.Name)
	}
	if n, err := c.Invoice.Query().Where(invoice.HasCustomerWith(entcustomer.ID(cu.ID))).Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return apperr.New(apperr.Conflict, "%s has invoices and cannot be deleted; set its status to Cancelled instead", cu.Name)
	}
	if n, err := cu.QueryChildren().Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return apperr.New(apperr.Conflict, "%s is the parent of %d customer(s); move them first", cu.Name, n)
	}
	analysing, err := c.CdrUpload.Query().Where(cdrupload.StatusIn(cdrupload.StatusUploaded, cdrupload.StatusAnalysing)).
		Order(ent.Asc(cdrupload.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	if len(analysing) > 0 {
		return apperr.New(apperr.Conflict, "%s cannot be deleted while %s %s being analysed: the analysis may be pricing calls to it; try again when it has finished",
			cu.Name, uploadNames(analysing), isAre(len(analysing)))
	}
	return nil
}

// uploadNames names uploads for a clerk: "upload june.csv", "uploads
// a.csv, b.csv and 3 more".
func uploadNames(us []*ent.CdrUpload) string {
	const most = 3
	names := make([]string, 0, most)
	for _, u := range us[:min(len(us), most)] {
		names = append(names, u.FileName)
	}
	list := strings.Join(names, ", ")
	if len(us) > most {
		list += " and " + strconv.Itoa(len(us)-most) + " more"
	}
	if len(us) == 1 {
		return "upload " + list
	}
	return "uploads " + list
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func validateCustomer(ref, name string, bt *entcustomer.BillingType, parent *int, del *entcustomer.InvoiceDelivery, email *string) error {
	if ref == "" {
		return apperr.Field(apperr.Invalid, "reference", "reference is required")
	}
	if name == "" {
		return apperr.Field(apperr.Invalid, "name", "name is required")
	}
	if bt != nil && *bt == entcustomer.BillingTypeParent && parent == nil {
		return apperr.Field(apperr.Invalid, "parentID", "parent billing needs a parent customer")
	}
	if bt != nil && *bt == entcustomer.BillingTypeDirect && parent != nil {
		return apperr.Field(apperr.Invalid, "parentID", "a directly billed customer has no parent; choose parent billing or clear the parent")
	}
	if del != nil && *del == entcustomer.InvoiceDeliveryEmail {
		if email == nil || strings.TrimSpace(*email) == "" {
			return apperr.Field(apperr.Invalid, "deliveryEmail", "email delivery needs a delivery email address")
		}
	}
	if email != nil && strings.TrimSpace(*email) != "" {
		if _, err := mail.ParseAddress(*email); err != nil {
			return apperr.Field(apperr.Invalid, "deliveryEmail", "%q is not an email address", *email)
		}
	}
	return nil
}

func referenceFree(ctx context.Context, c *ent.Client, ref string, except int) error {
	other, err := c.Customer.Query().Where(entcustomer.Reference(ref), entcustomer.IDNEQ(except)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return apperr.Field(apperr.Conflict, "reference", "reference %s is already used by %s", ref, other.Name)
}

// SetTariff puts the customers ids on one tariff (nil: the default tariff)
// in one transaction: an id that names no customer, or a tariff that does
// not exist, changes none of them. It answers the customers in the order
// of ids.
func (s *Service) SetTariff(ctx context.Context, ids []int, tariffID *int) ([]*ent.Customer, error) {
	out, err := txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) ([]*ent.Customer, error) {
		return s.setTariff(ctx, c, ids, tariffID)
	})
	// Loaded in a transaction of our own, now over: their edges are read
	// (GraphQL asks for the tariff) with the plain client. txn.Get does this
	// for one entity; a slice it cannot.
	if err == nil && ent.TxFromContext(ctx) == nil {
		for i, cu := range out {
			out[i] = cu.Unwrap()
		}
	}
	return out, err
}

func (s *Service) setTariff(ctx context.Context, c *ent.Client, ids []int, tariffID *int) ([]*ent.Customer, error) {
	if len(ids) == 0 {
		return nil, apperr.Field(apperr.Invalid, "ids", "choose at least one customer")
	}
	if tariffID != nil {
		if _, err := c.Tariff.Get(ctx, *tariffID); ent.IsNotFound(err) {
			return nil, apperr.Field(apperr.NotFound, "tariffID", "that tariff no longer exists: choose another one; nothing was changed")
		} else if err != nil {
			return nil, err
		}
	}
	found, err := c.Customer.Query().Where(entcustomer.IDIn(ids...)).IDs(ctx)
	if err != nil {
		return nil, err
	}
	if missing := missingIDs(ids, found); len(missing) > 0 {
		return nil, apperr.Field(apperr.NotFound, "ids", "%s: nothing was changed; reload the list and choose again", describeMissing(missing))
	}
	u := c.Customer.Update().Where(entcustomer.IDIn(ids...))
	if tariffID != nil {
		u.SetTariffID(*tariffID)
	} else {
		u.ClearTariff()
	}
	if err := u.Exec(ctx); err != nil {
		return nil, err
	}
	got, err := c.Customer.Query().Where(entcustomer.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]*ent.Customer, len(got))
	for _, cu := range got {
		byID[cu.ID] = cu
	}
	out := make([]*ent.Customer, 0, len(ids))
	for _, id := range ids {
		if cu, ok := byID[id]; ok {
			out = append(out, cu)
			delete(byID, id) // an id given twice is answered once
		}
	}
	return out, nil
}

// missingIDs are the ids of want not in found, each once.
func missingIDs(want, found []int) []int {
	have := make(map[int]bool, len(found))
	for _, id := range found {
		have[id] = true
	}
	var out []int
	for _, id := range want {
		if !have[id] {
			have[id] = true
			out = append(out, id)
		}
	}
	return out
}

func describeMissing(ids []int) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.Itoa(id)
	}
	if len(ids) == 1 {
		return "customer " + parts[0] + " does not exist (deleted meanwhile?)"
	}
	return "customers " + strings.Join(parts, ", ") + " do not exist (deleted meanwhile?)"
}

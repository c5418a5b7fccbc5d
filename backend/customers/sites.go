package customers

import (
	"context"
	"strings"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/site"
)

// CreateSite adds a site to a customer; names are unique per customer.
func (s *Service) CreateSite(ctx context.Context, in ent.CreateSiteInput) (*ent.Site, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Site, error) {
		return s.createSite(ctx, c, in)
	})
}

func (s *Service) createSite(ctx context.Context, c *ent.Client, in ent.CreateSiteInput) (*ent.Site, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return nil, apperr.Field(apperr.Invalid, "name", "site name is required")
	}
	if _, err := c.Customer.Get(ctx, in.CustomerID); err != nil {
		return nil, apperr.NotFoundAs(err, "customer", in.CustomerID)
	}
	if err := siteNameFree(ctx, c, in.CustomerID, in.Name, 0); err != nil {
		return nil, err
	}
	return c.Site.Create().SetInput(in).Save(ctx)
}

// UpdateSite renames or re-addresses a site.
func (s *Service) UpdateSite(ctx context.Context, id int, in ent.UpdateSiteInput) (*ent.Site, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Site, error) {
		return s.updateSite(ctx, c, id, in)
	})
}

func (s *Service) updateSite(ctx context.Context, c *ent.Client, id int, in ent.UpdateSiteInput) (*ent.Site, error) {
	cur, err := c.Site.Query().Where(site.ID(id)).WithCustomer().Only(ctx)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "site", id)
	}
	if in.Name != nil {
		n := strings.TrimSpace(*in.Name)
		if n == "" {
			return nil, apperr.Field(apperr.Invalid, "name", "site name is required")
		}
		in.Name = &n
		if err := siteNameFree(ctx, c, cur.Edges.Customer.ID, n, id); err != nil {
			return nil, err
		}
	}
	return c.Site.UpdateOneID(id).SetInput(in).Save(ctx)
}

// DeleteSite removes a site; its CLIs stay with the customer, site-less.
func (s *Service) DeleteSite(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		if err := c.Site.UpdateOneID(id).ClearClis().Exec(ctx); err != nil {
			return apperr.NotFoundAs(err, "site", id)
		}
		return c.Site.DeleteOneID(id).Exec(ctx)
	})
}

func siteNameFree(ctx context.Context, c *ent.Client, customerID int, name string, except int) error {
	ok, err := c.Site.Query().Where(site.Name(name), site.IDNEQ(except), site.HasCustomerWith(entcustomer.ID(customerID))).Exist(ctx)
	if err != nil {
		return err
	}
	if ok {
		return apperr.Field(apperr.Conflict, "name", "this customer already has a site called %s", name)
	}
	return nil
}

// Package tariffs keeps tariffs: the price lists customers are put on, each
// with rate sheet versions per provider and direction, and a peak-times
// schedule.
package tariffs

import (
	"context"
	"strings"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/tariff"
)

// Create adds a tariff. Making it the default takes that role from any other.
func (s *Service) Create(ctx context.Context, in ent.CreateTariffInput) (*ent.Tariff, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Tariff, error) { return create(ctx, c, in) })
}

func create(ctx context.Context, c *ent.Client, in ent.CreateTariffInput) (*ent.Tariff, error) {
	in.Name = strings.TrimSpace(in.Name)
	if err := nameFree(ctx, c, in.Name, 0); err != nil {
		return nil, err
	}
	if in.IsDefault != nil && *in.IsDefault {
		if err := c.Tariff.Update().Where(tariff.IsDefault(true)).SetIsDefault(false).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return c.Tariff.Create().SetInput(in).Save(ctx)
}

// Update changes a tariff.
func (s *Service) Update(ctx context.Context, id int, in ent.UpdateTariffInput) (*ent.Tariff, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Tariff, error) { return update(ctx, c, id, in) })
}

func update(ctx context.Context, c *ent.Client, id int, in ent.UpdateTariffInput) (*ent.Tariff, error) {
	if _, err := c.Tariff.Get(ctx, id); err != nil {
		return nil, apperr.NotFoundAs(err, "tariff", id)
	}
	if in.Name != nil {
		n := strings.TrimSpace(*in.Name)
		in.Name = &n
		if err := nameFree(ctx, c, n, id); err != nil {
			return nil, err
		}
	}
	if in.IsDefault != nil && *in.IsDefault {
		if err := c.Tariff.Update().Where(tariff.IsDefault(true), tariff.IDNEQ(id)).SetIsDefault(false).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return c.Tariff.UpdateOneID(id).SetInput(in).Save(ctx)
}

// Delete removes a tariff no customer uses and no rate sheet belongs to.
func (s *Service) Delete(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error { return remove(ctx, c, id) })
}

func remove(ctx context.Context, c *ent.Client, id int) error {
	t, err := c.Tariff.Get(ctx, id)
	if err != nil {
		return apperr.NotFoundAs(err, "tariff", id)
	}
	if n, err := t.QueryCustomers().Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return apperr.New(apperr.Conflict, "tariff %s is used by %d customer(s); move them to another tariff first", t.Name, n)
	}
	if n, err := t.QueryRateSheets().Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return apperr.New(apperr.Conflict, "tariff %s has %d rate sheet version(s), kept for re-rating past calls; it cannot be deleted", t.Name, n)
	}
	return c.Tariff.DeleteOneID(id).Exec(ctx)
}

func nameFree(ctx context.Context, c *ent.Client, name string, except int) error {
	if name == "" {
		return apperr.Field(apperr.Invalid, "name", "tariff name is required")
	}
	ok, err := c.Tariff.Query().Where(tariff.Name(name), tariff.IDNEQ(except)).Exist(ctx)
	if err != nil {
		return err
	}
	if ok {
		return apperr.Field(apperr.Conflict, "name", "a tariff called %s already exists", name)
	}
	return nil
}

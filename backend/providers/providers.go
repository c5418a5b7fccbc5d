// Package providers keeps the VoIP / SIP providers whose CDR files are
// uploaded: each fixes a CDR format and the time zone of its timestamps.
// Every write runs in one transaction (the caller's, when there is one).
package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/provider"
)

// Service keeps the providers in the database.
type Service struct {
	Client *ent.Client
}

// NewService returns the providers service on client.
func NewService(client *ent.Client) *Service { return &Service{Client: client} }

// Create adds a provider.
func (s *Service) Create(ctx context.Context, in ent.CreateProviderInput) (*ent.Provider, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Provider, error) {
		in.Name = strings.TrimSpace(in.Name)
		if err := nameFree(ctx, c, in.Name, 0); err != nil {
			return nil, err
		}
		if err := checkZone(in.TimeZone); err != nil {
			return nil, err
		}
		return c.Provider.Create().SetInput(in).Save(ctx)
	})
}

// Update changes a provider. Its format and zone apply to later analyses.
func (s *Service) Update(ctx context.Context, id int, in ent.UpdateProviderInput) (*ent.Provider, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Provider, error) {
		if _, err := c.Provider.Get(ctx, id); err != nil {
			return nil, apperr.NotFoundAs(err, "provider", id)
		}
		if in.Name != nil {
			n := strings.TrimSpace(*in.Name)
			in.Name = &n
			if err := nameFree(ctx, c, n, id); err != nil {
				return nil, err
			}
		}
		if err := checkZone(in.TimeZone); err != nil {
			return nil, err
		}
		return c.Provider.UpdateOneID(id).SetInput(in).Save(ctx)
	})
}

// Delete removes a provider with no uploads and no rate sheets.
func (s *Service) Delete(ctx context.Context, id int) error {
	return txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		p, err := c.Provider.Get(ctx, id)
		if err != nil {
			return apperr.NotFoundAs(err, "provider", id)
		}
		if n, err := p.QueryUploads().Count(ctx); err != nil {
			return err
		} else if n > 0 {
			return apperr.New(apperr.Conflict, "provider %s has %d CDR upload(s) and cannot be deleted", p.Name, n)
		}
		if n, err := p.QueryRateSheets().Count(ctx); err != nil {
			return err
		} else if n > 0 {
			return apperr.New(apperr.Conflict, "provider %s has %d rate sheet version(s) and cannot be deleted", p.Name, n)
		}
		return c.Provider.DeleteOneID(id).Exec(ctx)
	})
}

// checkZone accepts a missing zone (the field is left as it is).
func checkZone(zone *string) error {
	if zone == nil {
		return nil
	}
	z := *zone
	if _, err := time.LoadLocation(z); err != nil || z == "" || z == "Local" {
		return apperr.Field(apperr.Invalid, "timeZone", "%q is not a time zone name such as Europe/London or UTC", z)
	}
	return nil
}

func nameFree(ctx context.Context, c *ent.Client, name string, except int) error {
	if name == "" {
		return apperr.Field(apperr.Invalid, "name", "provider name is required")
	}
	ok, err := c.Provider.Query().Where(provider.Name(name), provider.IDNEQ(except)).Exist(ctx)
	if err != nil {
		return err
	}
	if ok {
		return apperr.Field(apperr.Conflict, "name", "a provider called %s already exists", name)
	}
	return nil
}

// SetCsvMapping saves a csv-format provider's column mapping after checking
// it whole: every problem is listed and nothing is saved.
func (s *Service) SetCsvMapping(ctx context.Context, id int, m cdr.Mapping) (*ent.Provider, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Provider, error) {
		p, err := c.Provider.Get(ctx, id)
		if err != nil {
			return nil, apperr.NotFoundAs(err, "provider", id)
		}
		if p.CdrFormat != provider.CdrFormatCsv {
			return nil, apperr.Field(apperr.Invalid, "providerID", "%s reads the built-in %s format; set its CDR format to CSV to give it a column mapping",
				p.Name, strings.ToLower(string(p.CdrFormat)))
		}
		if err := mappingProblems(m); err != nil {
			return nil, err
		}
		return c.Provider.UpdateOneID(id).SetColumnMapping(&m).Save(ctx)
	})
}

// Preview reads the first lines of a file with a mapping; nothing is stored.
func (s *Service) Preview(m cdr.Mapping, file io.Reader, zone string, lines int) (cdr.PreviewResult, error) {
	if err := mappingProblems(m); err != nil {
		return cdr.PreviewResult{}, err
	}
	z, err := rating.LoadZone(zone)
	if err != nil {
		return cdr.PreviewResult{}, apperr.Field(apperr.Invalid, "timeZone", "%q is not a time zone name such as Europe/London or UTC", zone)
	}
	res, err := cdr.Preview(file, m, z, lines)
	if err != nil {
		return res, apperr.Field(apperr.Invalid, "file", "%v", err)
	}
	return res, nil
}

func mappingProblems(m cdr.Mapping) error {
	err := m.Validate()
	if err == nil {
		return nil
	}
	var me *cdr.MappingError
	if !errors.As(err, &me) {
		return apperr.Field(apperr.Invalid, "mapping", "%v", err)
	}
	problems := make([]map[string]any, len(me.Problems))
	for i, p := range me.Problems {
		problems[i] = map[string]any{"field": p.Field, "reason": p.Message}
	}
	return &apperr.Error{Code: apperr.Invalid, Field: "mapping", Err: err,
		Message: fmt.Sprintf("the column mapping has %d problem(s); nothing was saved", len(me.Problems)),
		Details: map[string]any{"problems": problems}}
}

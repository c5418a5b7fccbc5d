package customers

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/phone"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cli"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/site"
)

// Always is the valid-from of a CLI given no start date: calls of any date
// in the past match it.
var Always = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// CliInput is a CLI to add to a customer.
type CliInput struct {
	CustomerID  int
	Value       string // a number, a range ending in *, or an account code
	ValidFrom   *time.Time
	ValidTo     *time.Time
	SiteID      *int
	Description *string
}

// ParsedCli is a CLI value as stored.
type ParsedCli struct {
	Value   string
	Range   bool
	Account bool
}

// ParseCli normalises a CLI as docs/rating.md's Numbers section says: national
// and international spellings of a number become one value; a trailing *
// makes a DDI range; anything else that is not a number is an account code.
func (s *Service) ParseCli(raw string) (ParsedCli, error) {
	v := strings.TrimSpace(raw)
	if v == "" {
		return ParsedCli{}, apperr.Field(apperr.Invalid, "value", "the CLI is empty: enter a number such as 01134960000, a range such as 0113496*, or an account code")
	}
	rng := strings.HasSuffix(v, "*")
	if rng {
		v = strings.TrimSpace(strings.TrimSuffix(v, "*"))
	}
	norm, account := rating.Normalize(v, s.CountryCode)
	if norm == "" {
		return ParsedCli{}, apperr.Field(apperr.Invalid, "value", "%q has no digits or letters to match calls by", raw)
	}
	if rng && account {
		return ParsedCli{}, apperr.Field(apperr.Invalid, "value", "%q: only numbers can be ranges; an account code is matched exactly", raw)
	}
	if len(norm) > 64 {
		return ParsedCli{}, apperr.Field(apperr.Invalid, "value", "a CLI may have at most 64 characters")
	}
	if account {
		if err := checkAccountCode(raw, norm); err != nil {
			return ParsedCli{}, err
		}
	} else if err := s.checkNumber(raw, norm, rng); err != nil {
		return ParsedCli{}, err
	}
	return ParsedCli{Value: norm, Range: rng, Account: account}, nil
}

// MinNationalDigits is how many digits a CLI number or range needs after
// its country code. A shorter range (44*, 1*) would take every otherwise
// unmatched caller of a whole country, and a shorter number ("0", "00") is
// no telephone number a call can come from.
const MinNationalDigits = 4

// maxCountryCodeDigits is the longest country calling code (ITU E.164).
const maxCountryCodeDigits = 3

// checkNumber refuses numbers and ranges too short to name one line or one
// block of lines. For the deployment's own country the national part is
// counted; for a foreign number, whose country code may be up to three
// digits long, the whole number needs three digits more.
func (s Service) checkNumber(raw, norm string, rng bool) error {
	need := maxCountryCodeDigits + MinNationalDigits
	if s.CountryCode != "" && strings.HasPrefix(norm, s.CountryCode) {
		need = len(s.CountryCode) + MinNationalDigits
	}
	if len(norm) >= need {
		return nil
	}
	what := "number"
	if rng {
		what = "range"
	}
	return apperr.Field(apperr.Invalid, "value",
		"%q is too short to be a CLI %s: after the country code it needs at least %d digits (such as 0113 496 0000, or 0113496* for a range), so that it cannot match the calls of a whole country or none at all",
		raw, what, MinNationalDigits)
}

// accountCodePunctuation is what an account code may hold besides letters
// and digits (spaces, '-', '.', '(' and ')' are dropped by normalising).
const accountCodePunctuation = "_:@+/#"

// checkAccountCode refuses account codes no trunk id or SIP account looks
// like: punctuation alone ("+", "!!!") or characters CDR account codes do
// not carry.
func checkAccountCode(raw, norm string) error {
	letters := false
	for _, r := range norm {
		switch {
		case unicode.IsLetter(r):
			letters = true
		case unicode.IsDigit(r), strings.ContainsRune(accountCodePunctuation, r):
		default:
			return apperr.Field(apperr.Invalid, "value",
				"%q cannot be an account code: %q is not allowed; account codes hold letters, digits and %s",
				raw, string(r), strings.Join(strings.Split(accountCodePunctuation, ""), " "))
		}
	}
	if !letters {
		return apperr.Field(apperr.Invalid, "value",
			"%q is neither a number nor an account code: an account code needs at least one letter", raw)
	}
	return nil
}

// CreateCli adds a CLI to a customer. The same number (or range, or account
// code) may not belong to two assignments over overlapping dates.
func (s *Service) CreateCli(ctx context.Context, in CliInput) (*ent.Cli, error) {
	return txn.GetRetrying(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Cli, error) {
		return s.createCli(ctx, c, in)
	})
}

func (s *Service) createCli(ctx context.Context, c *ent.Client, in CliInput) (*ent.Cli, error) {
	p, err := s.ParseCli(in.Value)
	if err != nil {
		return nil, err
	}
	if _, err := c.Customer.Get(ctx, in.CustomerID); err != nil {
		return nil, apperr.NotFoundAs(err, "customer", in.CustomerID)
	}
	from := Always
	if in.ValidFrom != nil {
		from = in.ValidFrom.UTC()
	}
	var to *time.Time
	if in.ValidTo != nil {
		t := in.ValidTo.UTC()
		to = &t
	}
	if err := s.checkCli(ctx, c, p, from, to, in.CustomerID, in.SiteID, 0); err != nil {
		return nil, err
	}
	q := c.Cli.Create().
		SetValue(p.Value).SetIsRange(p.Range).SetIsAccount(p.Account).
		SetValidFrom(from).SetNillableValidTo(to).
		SetCustomerID(in.CustomerID).SetNillableSiteID(in.SiteID)
	if in.Description != nil {
		q.SetDescription(strings.TrimSpace(*in.Description))
	}
	return q.Save(ctx)
}

// UpdateCli changes a CLI's value, dates, site or description.
func (s *Service) UpdateCli(ctx context.Context, id int, in ent.UpdateCliInput) (*ent.Cli, error) {
	return txn.GetRetrying(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.Cli, error) {
		return s.updateCli(ctx, c, id, in)
	})
}

func (s *Service) updateCli(ctx context.Context, c *ent.Client, id int, in ent.UpdateCliInput) (*ent.Cli, error) {
	cur, err := c.Cli.Query().Where(cli.ID(id)).WithCustomer().WithSite().Only(ctx)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "CLI", id)
	}
	p := ParsedCli{Value: cur.Value, Range: cur.IsRange, Account: cur.IsAccount}
	if in.Value != nil {
		raw := *in.Value
		if p, err = s.ParseCli(raw); err != nil {
			return nil, err
		}
		in.Value = &p.Value
	}
	from, to := cur.ValidFrom, cur.ValidTo
	if in.ValidFrom != nil {
		from = in.ValidFrom.UTC()
	}
	if in.ClearValidTo {
		to = nil
	} else if in.ValidTo != nil {
		t := in.ValidTo.UTC()
		to = &t
	}
	customerID := cur.Edges.Customer.ID
	if in.CustomerID != nil {
		customerID = *in.CustomerID
	}
	var siteID *int
	if cur.Edges.Site != nil {
		siteID = &cur.Edges.Site.ID
	}
	if in.ClearSite {
		siteID = nil
	} else if in.SiteID != nil {
		siteID = in.SiteID
	}
	if err := s.checkCli(ctx, c, p, from, to, customerID, siteID, id); err != nil {
		return nil, err
	}
	return c.Cli.UpdateOneID(id).SetInput(in).SetIsRange(p.Range).SetIsAccount(p.Account).Save(ctx)
}

// DeleteCli removes a CLI. Calls already matched keep their customer.
func (s *Service) DeleteCli(ctx context.Context, id int) error {
	if err := s.Client.Cli.DeleteOneID(id).Exec(ctx); err != nil {
		return apperr.NotFoundAs(err, "CLI", id)
	}
	return nil
}

func (s *Service) checkCli(ctx context.Context, c *ent.Client, p ParsedCli, from time.Time, to *time.Time, customerID int, siteID *int, self int) error {
	if to != nil && !to.After(from) {
		return apperr.Field(apperr.Invalid, "validTo", "valid to (%s) must be after valid from (%s)", s.day(*to), s.day(from))
	}
	if siteID != nil {
		ok, err := c.Site.Query().Where(site.ID(*siteID), site.HasCustomerWith(entcustomer.ID(customerID))).Exist(ctx)
		if err != nil {
			return err
		}
		if !ok {
			what := "the site chosen"
			if st, err := c.Site.Get(ctx, *siteID); err == nil {
				what = "site " + st.Name
			}
			return apperr.Field(apperr.Invalid, "siteID", "%s is not a site of this customer; choose one of its own sites, or none", what)
		}
	}
	// Lock the rows of this value so two clerks cannot both take the number.
	q := c.Cli.Query().Where(cli.Value(p.Value), cli.IsRange(p.Range), cli.IDNEQ(self), cli.ValidFromLT(farFuture(to)),
		cli.Or(cli.ValidToIsNil(), cli.ValidToGT(from))).WithCustomer()
	if s.RowLocks {
		q = q.ForUpdate()
	}
	clash, err := q.First(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	owner := "another customer"
	if cu := clash.Edges.Customer; cu != nil {
		owner = cu.Name + " (" + cu.Reference + ")"
		if cu.ID == customerID {
			owner = "this customer"
		}
	}
	since := "from the start"
	if clash.ValidFrom.After(Always) {
		since = "from " + s.day(clash.ValidFrom)
	}
	until := "with no end date"
	if clash.ValidTo != nil {
		until = "until " + s.day(*clash.ValidTo)
	}
	what := phone.New(s.CountryCode).Display(p.Value, p.Range)
	return apperr.Field(apperr.Conflict, "value", "%s already belongs to %s %s %s; end that assignment or choose dates that do not overlap",
		what, owner, since, until)
}

// day names the day of t in the deployment's zone for a clerk: "1 Jun
// 2026"; Always, a CLI with no start date, is "the start".
func (s *Service) day(t time.Time) string {
	if !t.After(Always) {
		return "the start"
	}
	loc := s.Zone
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2 Jan 2006")
}

func farFuture(t *time.Time) time.Time {
	if t == nil {
		return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return *t
}

package graph

import (
	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/graph/model"
)

func optColumn(c cdr.Column) *string {
	if c == "" {
		return nil
	}
	s := string(c)
	return &s
}

func col(s *string) cdr.Column {
	if s == nil {
		return ""
	}
	return cdr.Column(*s)
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func mappingOf(in model.CSVMappingInput) cdr.Mapping {
	return cdr.Mapping{
		Delimiter: in.Delimiter, Header: in.Header,
		Source: col(in.Source), Destination: cdr.Column(in.Destination), Account: col(in.Account), ChargeCode: col(in.ChargeCode),
		Start: col(in.Start), Date: col(in.Date), Time: col(in.Time), Answer: col(in.Answer),
		Duration: cdr.Column(in.Duration), UniqueID: col(in.UniqueID), ProviderPrice: col(in.ProviderPrice),
		NegativePrices: in.NegativePrices, Layouts: in.Layouts, TimeZone: str(in.TimeZone), DurationUnit: in.DurationUnit,
	}
}

func previewModel(res cdr.PreviewResult) *model.CdrPreview {
	out := &model.CdrPreview{Header: res.Header, Lines: make([]*model.CdrPreviewLine, len(res.Lines))}
	for i, l := range res.Lines {
		pl := &model.CdrPreviewLine{Line: l.Line, Fields: l.Fields}
		if l.Fields == nil {
			pl.Fields = []string{}
		}
		if l.Record != nil {
			rec := l.Record
			d := int(rec.Duration)
			start := rec.Start
			pl.Source, pl.Destination, pl.Start, pl.DurationSeconds = &rec.Source, &rec.Destination, &start, &d
			if rec.UniqueID != "" {
				pl.UniqueID = &rec.UniqueID
			}
		}
		if l.Problem != "" {
			p := l.Problem
			pl.Problem = &p
		}
		out.Lines[i] = pl
	}
	return out
}

// ref is a service's value answer as the pointer gqlgen wants.
func ref[T any](v T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}

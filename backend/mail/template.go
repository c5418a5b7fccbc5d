package mail

import (
	"fmt"
	"html"
	"strings"
	"text/template/parse"
)

// Placeholders a clerk can type in a subject or a body, each written in
// double braces: {{customer_name}}. Spaces inside the braces are allowed;
// nothing else of Go's template language is (no if, no range, no pipes), so a
// template is plain text with holes and a settings page can say exactly what
// is wrong with one.
const (
	PhRecipient     = "recipient"      // the address the email goes to
	PhCompanyName   = "company_name"   // our company, from the settings
	PhCustomerName  = "customer_name"  // the customer billed
	PhInvoiceNumber = "invoice_number" // "INV-1042"
	PhPortalLink    = "portal_link"    // the customer's portal address
	PhAmountDue     = "amount_due"     // the invoice total, as printed on it: "£1,234.50"
	PhDueDate       = "due_date"       // as printed on the invoice: "31 July 2026"
)

// Placeholders lists them in the order a settings page shows them.
var Placeholders = []string{PhRecipient, PhCompanyName, PhCustomerName, PhInvoiceNumber, PhPortalLink, PhAmountDue, PhDueDate}

// Fields are the values placed in a template. Billing formats the amount and
// the date exactly as the invoice prints them, so the email and the PDF agree.
type Fields struct {
	Recipient, CompanyName, CustomerName, InvoiceNumber, PortalLink, AmountDue, DueDate string
}

func (f Fields) value(name string) string {
	switch name {
	case PhRecipient:
		return f.Recipient
	case PhCompanyName:
		return f.CompanyName
	case PhCustomerName:
		return f.CustomerName
	case PhInvoiceNumber:
		return f.InvoiceNumber
	case PhPortalLink:
		return f.PortalLink
	case PhAmountDue:
		return f.AmountDue
	case PhDueDate:
		return f.DueDate
	}
	panic("mail: unchecked placeholder " + name)
}

// Templates are the subject and the plain-text body of the invoice email,
// as the clerk wrote them in the settings. The HTML alternative is made from
// the filled body, so there is one text to write.
type Templates struct {
	Subject string
	Body    string
}

// DefaultTemplates is what a new company sends until a clerk changes it.
var DefaultTemplates = Templates{
	Subject: "Invoice {{invoice_number}} from {{company_name}}",
	Body: `Dear {{customer_name}},

Your invoice {{invoice_number}} for {{amount_due}} is attached, with the statement of your calls. Payment is due by {{due_date}}.

Your invoices and calls are also waiting for you at {{portal_link}}.

If anything on the invoice looks wrong, reply to this email and we will look into it.

Kind regards,
{{company_name}}
`,
}

// TemplateError says what is wrong with a template, naming the field
// ("subject" or "body") and the unknown placeholder if there is one, so a
// settings page can refuse it next to the right input.
type TemplateError struct {
	Field       string
	Placeholder string // the unknown name as typed, empty for other faults
	Message     string
}

func (e *TemplateError) Error() string { return e.Message }

// piece is a run of text or one placeholder.
type piece struct {
	text, placeholder string
}

// compile parses src with text/template's parser (so {{ }} means what Go
// developers expect) and keeps only text and bare placeholders.
func compile(field, src string) ([]piece, error) {
	t := parse.New(field)
	t.Mode = parse.SkipFuncCheck
	if _, err := t.Parse(src, "{{", "}}", map[string]*parse.Tree{}); err != nil {
		return nil, &TemplateError{Field: field, Message: fmt.Sprintf(
			"The %s has a {{ without a matching }} or something else between the braces that is not a placeholder; write placeholders as {{customer_name}}.", field)}
	}
	var out []piece
	for _, n := range t.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			out = append(out, piece{text: string(n.Text)})
		case *parse.ActionNode:
			name, ok := bareIdentifier(n)
			if !ok {
				return nil, &TemplateError{Field: field, Message: fmt.Sprintf(
					"The %s has %s, which is not a placeholder; write one name between the braces, such as {{customer_name}}.", field, n.String())}
			}
			if !known(name) {
				return nil, &TemplateError{Field: field, Placeholder: name, Message: fmt.Sprintf(
					"The %s uses {{%s}}, which is not a placeholder; the placeholders are %s.", field, name, placeholderList())}
			}
			out = append(out, piece{placeholder: name})
		default:
			return nil, &TemplateError{Field: field, Message: fmt.Sprintf(
				"The %s has %s, which is not a placeholder; templates take placeholders only, such as {{customer_name}}.", field, n.String())}
		}
	}
	return out, nil
}

func bareIdentifier(n *parse.ActionNode) (string, bool) {
	if n.Pipe == nil || len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
		return "", false
	}
	id, ok := n.Pipe.Cmds[0].Args[0].(*parse.IdentifierNode)
	if !ok {
		return "", false
	}
	return id.Ident, true
}

func known(name string) bool {
	for _, p := range Placeholders {
		if p == name {
			return true
		}
	}
	return false
}

func placeholderList() string {
	names := make([]string, len(Placeholders))
	for i, p := range Placeholders {
		names[i] = "{{" + p + "}}"
	}
	return strings.Join(names, ", ")
}

// Validate checks both templates; the settings mutation calls it before
// storing them.
func (t Templates) Validate() error {
	if strings.TrimSpace(t.Subject) == "" {
		return &TemplateError{Field: "subject", Message: "The subject is empty; write one, such as the default."}
	}
	if strings.TrimSpace(t.Body) == "" {
		return &TemplateError{Field: "body", Message: "The body is empty; write one, such as the default."}
	}
	if _, err := compile("subject", t.Subject); err != nil {
		return err
	}
	_, err := compile("body", t.Body)
	return err
}

// Rendered is a filled template: the subject and both bodies.
type Rendered struct {
	Subject, Text, HTML string
}

// Render fills the templates with f.
func (t Templates) Render(f Fields) (Rendered, error) {
	if err := t.Validate(); err != nil {
		return Rendered{}, err
	}
	subj, _ := compile("subject", t.Subject)
	body, _ := compile("body", t.Body)
	// A subject is one header line, whatever a value holds.
	subject := strings.Join(strings.Fields(fill(subj, f)), " ")
	text := fill(body, f)
	return Rendered{Subject: subject, Text: text, HTML: toHTML(text, f.PortalLink)}, nil
}

func fill(pieces []piece, f Fields) string {
	var b strings.Builder
	for _, p := range pieces {
		if p.placeholder != "" {
			b.WriteString(f.value(p.placeholder))
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// toHTML is the simple HTML alternative: the text escaped, blank lines as
// paragraphs, line breaks kept and the portal link made a link.
func toHTML(text, portal string) string {
	link := ""
	if strings.HasPrefix(portal, "https://") || strings.HasPrefix(portal, "http://") {
		e := html.EscapeString(portal)
		link = `<a href="` + e + `">` + e + `</a>`
		portal = e
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; line-height: 1.4\">\n")
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		para = strings.Trim(para, "\n")
		if para == "" {
			continue
		}
		lines := strings.Split(para, "\n")
		for i, l := range lines {
			l = html.EscapeString(l)
			if link != "" {
				l = strings.ReplaceAll(l, portal, link)
			}
			lines[i] = l
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>\n") + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// Fill sets m's subject and both bodies from t filled with f; the recipient
// placeholder is m's first To address unless f names one.
func (t Templates) Fill(m *Message, f Fields) error {
	if f.Recipient == "" && len(m.To) > 0 {
		f.Recipient = m.To[0].Email
	}
	r, err := t.Render(f)
	if err != nil {
		return err
	}
	m.Subject, m.Text, m.HTML = r.Subject, r.Text, r.HTML
	return nil
}

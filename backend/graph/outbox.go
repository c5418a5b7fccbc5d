package graph

import (
	"fmt"

	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/backend/mail"
)

// outboxMessage maps an email read back from the outbox, with the
// download addresses of the message and its attachments (backend/app).
func outboxMessage(deliveryID int, p *mail.Parsed) *model.OutboxMessage {
	m := &model.OutboxMessage{
		MessageID: p.MessageID, From: p.From, To: p.To, Subject: p.Subject, Text: p.Text,
		DownloadURL: fmt.Sprintf("/download/outbox/%d/message.eml", deliveryID),
		Attachments: []*model.OutboxAttachment{},
	}
	if m.To == nil {
		m.To = []string{}
	}
	if !p.Date.IsZero() {
		m.Date = &p.Date
	}
	for i, a := range p.Attachments {
		m.Attachments = append(m.Attachments, &model.OutboxAttachment{
			Name: a.Name, ContentType: a.ContentType, Size: len(a.Data),
			DownloadURL: fmt.Sprintf("/download/outbox/%d/attachments/%d", deliveryID, i+1),
		})
	}
	return m
}

package graph

import (
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/ent/user"
)

func viewerModel(v viewer.Viewer) *model.Viewer {
	m := &model.Viewer{Name: v.Name, Development: v.Dev}
	switch v.Kind {
	case viewer.KindStaff:
		m.Kind = model.ViewerKindStaff
	case viewer.KindPortal:
		m.Kind = model.ViewerKindPortal
	case viewer.KindToken:
		m.Kind = model.ViewerKindToken
	default:
		m.Kind = model.ViewerKindSystem
	}
	if v.Role != "" {
		r := user.Role(v.Role)
		m.Role = &r
	}
	return m
}

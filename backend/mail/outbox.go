package mail

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Outbox is the Sender of embedded mode: each message becomes <ID>.eml in a
// directory (./data/outbox), where the Outbox page reads it. A message is
// written at most once: a second Send of the same ID finds the file and
// leaves it, so a retried delivery never shows up twice.
type Outbox struct {
	Dir string
}

// ErrNotInOutbox is Read's answer for an ID with no message.
var ErrNotInOutbox = errors.New("no message with that id is in the outbox")

const emlExt = ".eml"

// tmpPrefix marks files still being written; List never shows them.
const tmpPrefix = ".writing-"

// staleAfter is how old a temporary file must be before NewOutbox takes it
// for the leftover of a crashed write rather than another process's write
// in progress.
const staleAfter = time.Hour

// NewOutbox creates the directory if needed and removes what crashed
// writes left behind.
func NewOutbox(dir string) (*Outbox, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("the outbox directory %s cannot be created: %w", dir, err)
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("the outbox directory %s cannot be read: %w", dir, err)
	}
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), tmpPrefix) {
			continue
		}
		if info, err := de.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			_ = os.Remove(filepath.Join(dir, de.Name()))
		}
	}
	return &Outbox{Dir: dir}, nil
}

// Send writes m; a message already in the outbox counts as sent.
func (o *Outbox) Send(_ context.Context, m *Message) error {
	_, err := o.Write(m)
	return err
}

// Write stores m as <ID>.eml and reports whether it wrote it (false: it was
// there already). The file is written under a temporary name, synced, then
// hard-linked to its final name: the link appears whole or not at all, and
// unlike a rename it fails when the name exists, so of two writers racing
// on one ID exactly one wins and the other leaves the first file alone.
func (o *Outbox) Write(m *Message) (written bool, err error) {
	if err := m.check(); err != nil {
		return false, err
	}
	final := filepath.Join(o.Dir, m.ID+emlExt)
	if _, err := os.Lstat(final); err == nil {
		return false, nil
	}
	tmp, err := os.CreateTemp(o.Dir, tmpPrefix+"*")
	if err != nil {
		return false, o.failed(err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := m.WriteEML(w); err != nil {
		tmp.Close()
		if _, ours := err.(*DeliveryError); !ours {
			err = o.failed(err)
		}
		return false, err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return false, o.failed(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return false, o.failed(err)
	}
	if err := tmp.Close(); err != nil {
		return false, o.failed(err)
	}
	if err := os.Link(tmp.Name(), final); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		return false, o.failed(err)
	}
	if d, err := os.Open(o.Dir); err == nil {
		_ = d.Sync() // the new name survives a crash
		d.Close()
	}
	return true, nil
}

func (o *Outbox) failed(err error) error {
	return temporary(fmt.Sprintf("The message could not be written to the outbox %s; check the disk and its permissions.", o.Dir), 0, err)
}

// Entry is one message in the outbox list.
type Entry struct {
	ID      string // the file name without .eml: the delivery's id
	Written time.Time
	Size    int64
	Envelope
}

// List returns up to limit messages (all if limit <= 0), newest written
// first, with their headers.
func (o *Outbox) List(limit int) ([]Entry, error) {
	des, err := os.ReadDir(o.Dir)
	if err != nil {
		return nil, fmt.Errorf("the outbox %s cannot be read: %w", o.Dir, err)
	}
	var out []Entry
	for _, de := range des {
		name := de.Name()
		id, ok := strings.CutSuffix(name, emlExt)
		if !ok || !de.Type().IsRegular() || !validID(id) {
			continue
		}
		info, err := de.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, Entry{ID: id, Written: info.ModTime(), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Written.Equal(out[j].Written) {
			return out[i].Written.After(out[j].Written)
		}
		return out[i].ID > out[j].ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	for i := range out {
		env, err := o.envelope(out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Envelope = env
	}
	return out, nil
}

func (o *Outbox) open(id string) (*os.File, error) {
	if !validID(id) {
		return nil, ErrNotInOutbox
	}
	f, err := os.Open(filepath.Join(o.Dir, id+emlExt))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotInOutbox
	}
	return f, err
}

func (o *Outbox) envelope(id string) (Envelope, error) {
	f, err := o.open(id)
	if err != nil {
		return Envelope{}, err
	}
	defer f.Close()
	msg, err := mail.ReadMessage(f)
	if err != nil {
		return Envelope{}, fmt.Errorf("outbox message %s is not an email: %w", id, err)
	}
	return readEnvelope(msg.Header), nil
}

// Read returns one message with its bodies and attachments decoded.
func (o *Outbox) Read(id string) (*Parsed, error) {
	f, err := o.open(id)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseEML(f)
}

// Raw returns the message file as written, for downloading the .eml.
func (o *Outbox) Raw(id string) ([]byte, error) {
	f, err := o.open(id)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	_, err = b.ReadFrom(f)
	return b.Bytes(), err
}

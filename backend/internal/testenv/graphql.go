package testenv

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// GraphQLError is one error of a GraphQL response.
type GraphQLError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e GraphQLError) Code() string { s, _ := e.Extensions["code"].(string); return s }

// Field returns extensions.field.
func (e GraphQLError) Field() string { s, _ := e.Extensions["field"].(string); return s }

// Response is a GraphQL response with raw data.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []GraphQLError  `json:"errors"`
}

// Do posts a GraphQL operation and decodes the response.
func (e *Env) Do(t testing.TB, query string, vars map[string]any) Response {
	t.Helper()
	r, _, err := Post(context.Background(), http.DefaultClient, e.Server.URL, query, vars)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Post sends a GraphQL operation to the Tollgate at baseURL and returns the
// decoded response with the HTTP status. It fails only when no GraphQL
// response came back, so that tests driving servers from many goroutines
// (where t.Fatal may not be called) can count what they got.
func Post(ctx context.Context, c *http.Client, baseURL, query string, vars map[string]any) (Response, int, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/graphql", bytes.NewReader(body))
	if err != nil {
		return Response{}, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	return send(c, req)
}

// PostUpload sends a GraphQL multipart request (graphql-multipart-request-spec)
// with one file bound to the variable at path (e.g. "variables.input.file"),
// as Post does.
func PostUpload(ctx context.Context, c *http.Client, baseURL, query string, vars map[string]any, path, filename string, content []byte) (Response, int, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	_ = mw.WriteField("operations", string(ops))
	m, _ := json.Marshal(map[string][]string{"0": {path}})
	_ = mw.WriteField("map", string(m))
	fw, err := mw.CreateFormFile("0", filename)
	if err != nil {
		return Response{}, 0, err
	}
	_, _ = fw.Write(content)
	_ = mw.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/graphql", &body)
	if err != nil {
		return Response{}, 0, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return send(c, req)
}

func send(c *http.Client, req *http.Request) (Response, int, error) {
	res, err := c.Do(req)
	if err != nil {
		return Response{}, 0, err
	}
	defer res.Body.Close()
	var r Response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		return Response{}, res.StatusCode, fmt.Errorf("decode GraphQL response (HTTP %d): %w", res.StatusCode, err)
	}
	return r, res.StatusCode, nil
}

// MustDo posts an operation, fails on any error, and decodes data into out.
func (e *Env) MustDo(t testing.TB, query string, vars map[string]any, out any) {
	t.Helper()
	r := e.Do(t, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("GraphQL errors: %+v", r.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatalf("decode data %s: %v", r.Data, err)
		}
	}
}

// Subscription is a live graphql-transport-ws subscription.
type Subscription struct {
	conn *websocket.Conn
	ctx  context.Context
}

// Subscribe opens a WebSocket with the graphql-transport-ws protocol and
// starts one subscription.
func (e *Env) Subscribe(t testing.TB, ctx context.Context, query string, vars map[string]any) *Subscription {
	t.Helper()
	url := "ws" + strings.TrimPrefix(e.Server.URL, "http") + "/graphql"
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("websocket: %v", err)
	}
	t.Cleanup(func() { conn.Close(websocket.StatusNormalClosure, "") })
	must := func(err error) {
		if err != nil {
			t.Helper()
			t.Fatal(err)
		}
	}
	must(wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"}))
	var ack map[string]any
	must(wsjson.Read(ctx, conn, &ack))
	if ack["type"] != "connection_ack" {
		t.Fatalf("expected connection_ack, got %v", ack)
	}
	must(wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": query, "variables": vars}}))
	return &Subscription{conn: conn, ctx: ctx}
}

// Next waits for the next "next" message and decodes its data into out.
func (s *Subscription) Next(t testing.TB, timeout time.Duration, out any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, timeout)
	defer cancel()
	for {
		var msg struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		if err := wsjson.Read(ctx, s.conn, &msg); err != nil {
			t.Fatalf("subscription: %v", err)
		}
		switch msg.Type {
		case "ping":
			_ = wsjson.Write(ctx, s.conn, map[string]any{"type": "pong"})
		case "next":
			var r Response
			if err := json.Unmarshal(msg.Payload, &r); err != nil {
				t.Fatal(err)
			}
			if len(r.Errors) > 0 {
				t.Fatalf("subscription errors: %+v", r.Errors)
			}
			if err := json.Unmarshal(r.Data, out); err != nil {
				t.Fatal(err)
			}
			return
		case "error", "complete":
			t.Fatalf("subscription ended: %s %s", msg.Type, msg.Payload)
		default:
			t.Logf("ignoring a %q message", msg.Type)
		}
	}
}

// Upload posts a GraphQL multipart request with one file bound to the
// variable at path (e.g. "variables.input.file").
func (e *Env) Upload(t testing.TB, query string, vars map[string]any, path, filename string, content []byte) Response {
	t.Helper()
	r, _, err := PostUpload(context.Background(), http.DefaultClient, e.Server.URL, query, vars, path, filename, content)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Get fetches a path of the server and returns status and body.
func (e *Env) Get(t testing.TB, path string) (int, []byte) {
	t.Helper()
	res, b := e.Fetch(t, path)
	return res.StatusCode, b
}

// Fetch fetches a path of the server and returns the response (its body
// closed) with the body read.
func (e *Env) Fetch(t testing.TB, path string) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(e.Server.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

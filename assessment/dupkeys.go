package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// maxJSONDepth bounds the nesting the duplicate-key pass follows, as
// encoding/json bounds its own.
const maxJSONDepth = 10000

// errTooDeep stops the duplicate-key pass on a document nested deeper
// than maxJSONDepth.
var errTooDeep = errors.New("json: exceeded max depth")

// jsonFrame is one open object or array of the duplicate-key pass.
type jsonFrame struct {
	object    bool
	keys      map[string]struct{}
	key       string // the object's current member
	index     int    // the array's next element
	expectKey bool
}

// duplicateKey returns the path of the first member named twice in one
// object of the JSON document data, such as "schemaVersion" or
// "answers.c1.q1.value" ("" when every name is once). encoding/json keeps
// the last of two members silently; the file format allows one. Unknown
// members are checked as well.
func duplicateKey(data []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*jsonFrame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		var top *jsonFrame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if s, ok := tok.(string); ok && top != nil && top.object && top.expectKey {
			if _, seen := top.keys[s]; seen {
				top.key = s
				return framePath(stack), nil
			}
			top.keys[s], top.key, top.expectKey = struct{}{}, s, false
			continue
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if len(stack) >= maxJSONDepth {
				return "", errTooDeep
			}
			stack = append(stack, &jsonFrame{object: tok == json.Delim('{'), keys: map[string]struct{}{}, expectKey: true})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return "", nil
			}
			top = stack[len(stack)-1]
		}
		valueDone(top)
	}
}

// valueDone records that a value of the open object or array ended.
func valueDone(f *jsonFrame) {
	if f == nil {
		return
	}
	if f.object {
		f.expectKey = true
		return
	}
	f.index++
}

// framePath names the current member of the innermost object: its keys
// from the document's root joined by dots, array elements as [i].
func framePath(stack []*jsonFrame) string {
	var b strings.Builder
	for _, f := range stack {
		if !f.object {
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(f.key)
	}
	return b.String()
}

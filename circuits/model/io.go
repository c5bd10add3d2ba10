package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
)

// ErrBadInput is wrapped by every error about a malformed input file.
var ErrBadInput = errors.New("bad input")

// ReadInput reads an EZKL-style input file: {"input_data": [[...], ...]}, one
// flat list of numbers per model input (nested lists are flattened).
func ReadInput(path string) ([][]float64, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	in, err := ParseInput(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return in, nil
}

// ParseInput parses the contents of an input file.
func ParseInput(raw []byte) ([][]float64, error) {
	var f struct {
		InputData []json.RawMessage `json:"input_data"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: not valid JSON of the form {\"input_data\": [[...]]}: %v", ErrBadInput, err)
	}
	if len(f.InputData) == 0 {
		return nil, fmt.Errorf("%w: input_data is missing or empty", ErrBadInput)
	}
	out := make([][]float64, len(f.InputData))
	for i, r := range f.InputData {
		d := json.NewDecoder(bytes.NewReader(r))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			return nil, fmt.Errorf("%w: input_data[%d]: %v", ErrBadInput, i, err)
		}
		if err := flatten(v, fmt.Sprintf("input_data[%d]", i), &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func flatten(v any, where string, out *[]float64) error {
	switch x := v.(type) {
	case []any:
		for j, e := range x {
			if err := flatten(e, fmt.Sprintf("%s[%d]", where, j), out); err != nil {
				return err
			}
		}
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return fmt.Errorf("%w: %s = %s is not a finite number", ErrBadInput, where, x)
		}
		*out = append(*out, f)
	case string:
		return fmt.Errorf("%w: %s = %q is a string, not a number (NaN and Inf cannot be proved)", ErrBadInput, where, x)
	default:
		return fmt.Errorf("%w: %s is %v, not a number", ErrBadInput, where, v)
	}
	return nil
}

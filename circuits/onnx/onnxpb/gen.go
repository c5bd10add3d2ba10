// Package onnxpb holds the Go types generated from onnx.proto (ONNX IR, Apache-2.0,
// from the onnx project, release 1.12). Regenerate with `go generate ./...`; the
// drift check in .ci/run fails when the committed file differs from a fresh one.
package onnxpb

//go:generate sh -c "go build -o \"${TMPDIR:-/tmp}/zkml-protoc-gen-go\" google.golang.org/protobuf/cmd/protoc-gen-go && protoc --plugin=protoc-gen-go=\"${TMPDIR:-/tmp}/zkml-protoc-gen-go\" --go_out=. --go_opt=paths=source_relative --go_opt=Monnx.proto=github.com/zkml/zkml/circuits/onnx/onnxpb onnx.proto"

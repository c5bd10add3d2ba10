// Package api holds the Go types and gRPC stubs generated from farm.proto, the
// proving farm's wire API. Regenerate with `go generate ./...`; scripts/test
// fails when the committed files differ from fresh ones. Nothing else lives here.
package api

//go:generate sh -c "go build -o \"${TMPDIR:-/tmp}/zkml-protoc-gen-go\" google.golang.org/protobuf/cmd/protoc-gen-go && go build -o \"${TMPDIR:-/tmp}/zkml-protoc-gen-go-grpc\" google.golang.org/grpc/cmd/protoc-gen-go-grpc && protoc --plugin=protoc-gen-go=\"${TMPDIR:-/tmp}/zkml-protoc-gen-go\" --plugin=protoc-gen-go-grpc=\"${TMPDIR:-/tmp}/zkml-protoc-gen-go-grpc\" --go_out=. --go_opt=paths=source_relative --go-grpc_out=. --go-grpc_opt=paths=source_relative farm.proto"

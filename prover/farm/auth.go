package farm

import (
	"context"
	"crypto/subtle"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/prover/api"
)

// tokens lists the tokens a method accepts; nil means no check (health,
// reflection). An empty configured token admits anyone (loopback only, see
// CheckListen).
func (c *Coordinator) tokens(method string) []string {
	switch {
	case method == api.Models_FetchModel_FullMethodName:
		return []string{c.cfg.WorkerToken, c.cfg.RequesterToken}
	case strings.HasPrefix(method, "/"+api.Worker_ServiceDesc.ServiceName+"/"):
		return []string{c.cfg.WorkerToken}
	case method == api.Ceremony_OpenCeremony_FullMethodName, method == api.Ceremony_FinalizeCeremony_FullMethodName,
		method == api.Models_PushModel_FullMethodName:
		return []string{c.ownerToken()}
	case strings.HasPrefix(method, "/"+api.Ceremony_ServiceDesc.ServiceName+"/"):
		return nil // contributors send the ceremony's own tokens
	case strings.HasPrefix(method, "/"+api.Requester_ServiceDesc.ServiceName+"/"),
		strings.HasPrefix(method, "/"+api.Models_ServiceDesc.ServiceName+"/"):
		return []string{c.cfg.RequesterToken}
	}
	return nil
}

// ownerToken is the token of the model owners' calls.
func (c *Coordinator) ownerToken() string {
	if c.cfg.OwnerToken != "" {
		return c.cfg.OwnerToken
	}
	return c.cfg.RequesterToken
}

func (c *Coordinator) authorize(ctx context.Context, method string) error {
	want := c.tokens(method)
	if want == nil {
		return nil
	}
	for _, w := range want {
		if w == "" {
			return nil
		}
	}
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return status.Errorf(codes.Unauthenticated, "%s needs a token: send authorization: Bearer TOKEN (%s)", method, tokenHint(method))
	}
	got, ok := strings.CutPrefix(vals[0], "Bearer ")
	if !ok {
		return status.Error(codes.Unauthenticated, "the authorization header must be \"Bearer TOKEN\"")
	}
	for _, w := range want {
		if subtle.ConstantTimeCompare([]byte(got), []byte(w)) == 1 {
			return nil
		}
	}
	c.metrics.authFailures.Inc()
	return status.Errorf(codes.Unauthenticated, "wrong token for %s (%s)", method, tokenHint(method))
}

// tokenHint names the flag and variable a caller of method sets its token with.
func tokenHint(method string) string {
	switch {
	case strings.HasPrefix(method, "/"+api.Worker_ServiceDesc.ServiceName+"/"), method == api.Models_FetchModel_FullMethodName:
		return "workers: --token or ZKML_WORKER_TOKEN"
	case method == api.Models_PushModel_FullMethodName, method == api.Ceremony_OpenCeremony_FullMethodName, method == api.Ceremony_FinalizeCeremony_FullMethodName:
		return "model owners: --token or ZKML_OWNER_TOKEN, the coordinator's --owner-token"
	}
	return "requesters: --token or ZKML_TOKEN"
}

func (c *Coordinator) unaryInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if err := c.authorize(ctx, info.FullMethod); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func (c *Coordinator) streamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	if err := c.authorize(ss.Context(), info.FullMethod); err != nil {
		return err
	}
	return h(srv, ss)
}

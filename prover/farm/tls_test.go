package farm_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
)

// selfSigned makes a certificate for 127.0.0.1 and returns the server's TLS
// config and the path of the PEM certificate a client trusts.
func selfSigned(t *testing.T) (*tls.Config, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "zkml test coordinator"},
		NotBefore:    time.Now().Add(-time.Minute),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	pair, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}))
	if err != nil {
		t.Fatal(err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}, ca
}

// TestTLS serves the requester API over TLS with tokens: a client trusting
// the certificate with the right token is served, a wrong token is refused,
// and a plaintext client cannot talk to it.
func TestTLS(t *testing.T) {
	serverTLS, ca := selfSigned(t)
	addr, _ := coordinator(t, func(c *farm.Config) {
		c.TLS = serverTLS
		c.RequesterToken, c.WorkerToken = "req-secret", "wk-secret"
	})
	clientTLS, err := client.TLSConfig(ca)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	good, err := client.Dial(addr, client.Options{TLS: clientTLS, Token: "req-secret"})
	if err != nil {
		t.Fatal(err)
	}
	defer good.Close()
	if _, err := good.ListModels(ctx); err != nil {
		t.Fatalf("TLS client with the right token: %v", err)
	}

	wrong, err := client.Dial(addr, client.Options{TLS: clientTLS, Token: "guess"})
	if err != nil {
		t.Fatal(err)
	}
	defer wrong.Close()
	if _, err := wrong.ListModels(ctx); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("wrong token over TLS: %v, want Unauthenticated", err)
	}

	plain, err := client.Dial(addr, client.Options{Token: "req-secret"})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	short, cancelShort := context.WithTimeout(ctx, 2*time.Second)
	defer cancelShort()
	if _, err := plain.ListModels(short); err == nil {
		t.Fatal("a plaintext client was served by a TLS coordinator")
	}
}

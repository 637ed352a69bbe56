package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crewjam/saml"
	"github.com/google/go-cmp/cmp"

	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
)

// syncBuffer collects the log that the server writes from its goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestRun_ServesMetadataWithItsOwnKeyAndStopsWhenCancelled(t *testing.T) {
	data := filepath.Join(t.TempDir(), "devidp")
	addr := freeAddr(t)
	env := map[string]string{"DEVIDP_ADDR": addr, "DEVIDP_DATA": data}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, &log) }()

	var md saml.EntityDescriptor
	deadline := time.Now().Add(30 * time.Second) // the first start makes an RSA-3072 key
	for {
		resp, err := http.Get("http://" + addr + "/metadata")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err := xml.Unmarshal(body, &md); err != nil {
				t.Fatalf("metadata: %v\n%s", err, body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("IdP did not start: %v\nlog:\n%s", err, log.buf.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if want := "http://" + addr + "/metadata"; md.EntityID != want {
		t.Errorf("entity ID %q, want %q (base URL follows DEVIDP_ADDR)", md.EntityID, want)
	}

	key, cert, err := keypair.LoadOrCreate(data, "idp", devidpCertName)
	if err != nil {
		t.Fatal(err)
	}
	if key.N.BitLen() != keypair.Bits {
		t.Errorf("key has %d bits, want %d", key.N.BitLen(), keypair.Bits)
	}
	published := md.IDPSSODescriptors[0].KeyDescriptors[0].KeyInfo.X509Data.X509Certificates[0].Data
	if diff := cmp.Diff(cert.Raw, mustBase64(t, published)); diff != "" {
		t.Error("published certificate is not the one in the data folder")
	}
	if fi, err := os.Stat(filepath.Join(data, "idp-key.pem")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancel")
	}
}

func TestLoadConfig_FlagsOverrideEnvironmentAndDefaultsFollowTheBrief(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want config
	}{
		{
			name: "defaults",
			want: config{addr: "localhost:8081", baseURL: "http://localhost:8081", dataDir: ".data/devidp",
				spMetadata: []string{"http://localhost:8080/saml/metadata"}},
		},
		{
			name: "environment",
			env: map[string]string{"DEVIDP_ADDR": ":9000", "DEVIDP_URL": "http://idp.test:9000", "DEVIDP_DATA": "/tmp/x",
				"DEVIDP_SP_METADATA": "http://a/md, sp.xml"},
			want: config{addr: ":9000", baseURL: "http://idp.test:9000", dataDir: "/tmp/x", spMetadata: []string{"http://a/md", "sp.xml"}},
		},
		{
			name: "flags win",
			args: []string{"-addr", "127.0.0.1:7000", "-sp-metadata", "f.xml"},
			env:  map[string]string{"DEVIDP_ADDR": ":9000", "DEVIDP_SP_METADATA": "http://a/md"},
			want: config{addr: "127.0.0.1:7000", baseURL: "http://127.0.0.1:7000", dataDir: ".data/devidp", spMetadata: []string{"f.xml"}},
		},
		{
			name: "bench caseworkers",
			args: []string{"-bench-caseworkers", "64"},
			env:  map[string]string{"DEVIDP_BENCH_CASEWORKERS": "3"},
			want: config{addr: "localhost:8081", baseURL: "http://localhost:8081", dataDir: ".data/devidp",
				spMetadata: []string{"http://localhost:8080/saml/metadata"}, bench: 64},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := loadConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(config{})); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadConfig_RefusesANumberOfBenchCaseworkersItCannotName(t *testing.T) {
	for _, v := range []string{"-1", "1000", "mange"} {
		if _, err := loadConfig([]string{"-bench-caseworkers", v}, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("-bench-caseworkers %s was accepted", v)
		}
	}
}

func mustBase64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Node `jose` against Steadfast's encrypted session cookie (docs/spec.md ENC-1 to ENC-4), for NodeJoseInteropTest.
// Reads one JSON object from stdin: { "kek": <base64url of the 32-byte derived key>, "cookie": <Steadfast's cookie>,
// "claims": <claims JSON text to encrypt> }. Writes one JSON object to stdout: the header and plaintext jose
// decrypted from "cookie", and "cookie", a value jose encrypted from "claims" in Steadfast's header.
import { compactDecrypt, CompactEncrypt, base64url } from 'jose';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const kek = base64url.decode(input.kek);

// Only the format's algorithms: jose refuses anything else, as Steadfast does.
const opened = await compactDecrypt(input.cookie, kek, {
  keyManagementAlgorithms: ['A256KW'],
  contentEncryptionAlgorithms: ['A256GCM'],
});

const sealed = await new CompactEncrypt(new TextEncoder().encode(input.claims))
  .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', kid: input.kid, typ: 'steadfast-session+jwe' })
  .encrypt(kek);

process.stdout.write(JSON.stringify({
  header: opened.protectedHeader,
  plaintext: new TextDecoder().decode(opened.plaintext),
  cookie: sealed,
}));

// A software passkey (an ES256 key pair) that answers WebAuthn ceremonies as a browser and an
// authenticator would: the JSON a page gets from navigator.credentials.create() / .get(), built
// byte by byte per the WebAuthn spec (client data, authenticator data, "none" attestation), so the
// server's real verification (@simplewebauthn/server) is what the tests exercise.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

const b64url = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest();

export type SoftPasskey = {
  credentialId: Buffer;
  privateKey: KeyObject;
  /** The COSE form of the public key. */
  cose: Uint8Array;
  signCount: number;
};

export function newSoftPasskey(): SoftPasskey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const cose = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
  return { credentialId: randomBytes(16), privateKey, cose, signCount: 0 };
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

function authData(rpId: string, flags: number, signCount: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(signCount);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

const UP = 0x01; // user present
const UV = 0x04; // user verified
const AT = 0x40; // attested credential data included

/** What navigator.credentials.create() gives a page for these options (challenge, rp id). */
export function softRegistration(
  key: SoftPasskey,
  options: { challenge: string; rp: { id?: string } },
  origin: string,
) {
  const rpId = options.rp.id!;
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(key.credentialId.length);
  const attested = Buffer.concat([Buffer.alloc(16) /* aaguid */, idLength, key.credentialId, Buffer.from(key.cose)]);
  const attestationObject = isoCBOR.encode(
    new Map<string, unknown>([
      ["fmt", "none"],
      ["attStmt", new Map()],
      ["authData", authData(rpId, UP | UV | AT, key.signCount, attested)],
    ]) as never,
  );
  return {
    id: b64url(key.credentialId),
    rawId: b64url(key.credentialId),
    type: "public-key" as const,
    response: {
      clientDataJSON: b64url(clientData("webauthn.create", options.challenge, origin)),
      attestationObject: b64url(attestationObject),
      transports: ["internal"],
    },
    clientExtensionResults: {},
  };
}

/** What navigator.credentials.get() gives a page: a signature over the challenge, count moved on. */
export function softAssertion(key: SoftPasskey, options: { challenge: string; rpId?: string }, origin: string) {
  key.signCount += 1;
  const data = authData(options.rpId!, UP | UV, key.signCount);
  const client = clientData("webauthn.get", options.challenge, origin);
  const signature = sign("sha256", Buffer.concat([data, sha256(client)]), key.privateKey);
  return {
    id: b64url(key.credentialId),
    rawId: b64url(key.credentialId),
    type: "public-key" as const,
    response: {
      clientDataJSON: b64url(client),
      authenticatorData: b64url(data),
      signature: b64url(signature),
    },
    clientExtensionResults: {},
  };
}

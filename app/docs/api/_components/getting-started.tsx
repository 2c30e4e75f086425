import Link from "next/link";
import styles from "../api.module.css";

const CALL = `curl "https://clinic.example/api/v1/staff/cases?level=EMERGENCY" \\
  -H "Authorization: Bearer btk_…"`;

const FHIR = `curl https://clinic.example/api/v1/fhir/Patient/<patient id>/\\$everything \\
  -H "Authorization: Bearer btk_…" \\
  -H "Accept: application/fhir+json" -o patient.json`;

const VERIFY = `import { Webhook } from "standardwebhooks";

// The endpoint's secret ("whsec_…"), shown once when it was added.
const webhook = new Webhook(process.env.BACKTRACK_WEBHOOK_SECRET);

// rawBody: the request body exactly as received, before any JSON parsing.
// Throws when the signature is wrong or the timestamp is more than 5 minutes away.
const event = webhook.verify(rawBody, {
  "webhook-id": request.headers["webhook-id"],
  "webhook-timestamp": request.headers["webhook-timestamp"],
  "webhook-signature": request.headers["webhook-signature"],
});`;

/** The four steps an integrator takes first: a key, a call, a FHIR bundle, a verified webhook. */
export function GettingStarted() {
  return (
    <section id="getting-started" className={styles.section} aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">Getting started</h2>
      <ol className={styles.steps}>
        <li>
          <h3>Create a key</h3>
          <p>
            An admin signs in and opens <Link href="/staff/settings#api-keys">Settings, Integration keys</Link>. Give
            the key a name (the system that will use it) and only the scopes it needs. The key (<code>btk_…</code>) is
            shown once: store it as a secret. Revoking it takes effect at once.
          </p>
        </li>
        <li>
          <h3>Call the API with it</h3>
          <p>
            Send the key as a bearer token. A missing or revoked key answers <code>401</code>, a key without the
            route&apos;s scope <code>403 insufficient_scope</code>, more than 600 requests a minute <code>429</code>{" "}
            with <code>Retry-After</code>. Every use is recorded in the audit trail.
          </p>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="A call with a key">
            <code>{CALL}</code>
          </pre>
        </li>
        <li>
          <h3>Fetch a patient as FHIR</h3>
          <p>
            With the <code>fhir:read</code> scope, <code>$everything</code> returns a FHIR R4 <code>Bundle</code> (type{" "}
            <code>collection</code>) that a FHIR server can validate and import. Its QuestionnaireResponses point to the
            intake Questionnaire, served by version.
          </p>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="Fetching a FHIR bundle">
            <code>{FHIR}</code>
          </pre>
        </li>
        <li>
          <h3>Verify a webhook</h3>
          <p>
            Deliveries are signed as{" "}
            <a href="https://www.standardwebhooks.com" rel="noreferrer">
              Standard Webhooks
            </a>{" "}
            describes: <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> (
            <code>v1,</code> and the base64 HMAC-SHA256 of <code>id.timestamp.body</code>, keyed with the secret&apos;s
            decoded bytes). A payload names the case by id and link only, never answers or contact details: fetch the
            details with a key. Answer 2xx quickly; other answers are retried.
          </p>
          <pre className={styles.code} tabIndex={0} role="region" aria-label="Verifying a webhook in Node.js">
            <code>{VERIFY}</code>
          </pre>
        </li>
      </ol>
      <h3>Errors</h3>
      <p>
        Every JSON error is <code>{`{ "error": "<code>", "message": "<sentence>" }`}</code>: match on <code>error</code>
        , show or log <code>message</code>. Validation errors add <code>fieldErrors</code> by dotted field path. A{" "}
        <code>503 unavailable</code> with <code>Retry-After</code> means the database is briefly out of reach: try
        again. FHIR routes answer a missing patient as an <code>OperationOutcome</code>.
      </p>
    </section>
  );
}

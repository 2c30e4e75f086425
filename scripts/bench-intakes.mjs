// HTTP benchmark of POST /api/v1/intakes against a running server (see bench-intakes.sh).
// Usage: node scripts/bench-intakes.mjs <baseUrl> [connections=50] [seconds=20]
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [base = "http://127.0.0.1:3199", connections = "50", seconds = "20"] = process.argv.slice(2);
const vignettes = JSON.parse(readFileSync("tests/fixtures/clinical/vignettes-public.json", "utf8"));
const today = new Date();
// A mix of every level and of early submissions (the 52 public vignettes of ruleset 2026.12).
const bodies = vignettes.map((v) => {
  const intake = structuredClone(v.intake);
  // Exactly that age (the birthday two days ago, so the clinic's calendar day agrees), as the
  // vignette's cross-field answers (pregnancy at 12–59, onset age) expect.
  const dob = new Date(Date.UTC(today.getUTCFullYear() - v.ageAtGrading, today.getUTCMonth(), today.getUTCDate() - 2));
  intake.contact.dateOfBirth = dob.toISOString().slice(0, 10);
  return JSON.stringify(intake);
});

const latencies = [];
// Prebuilt requests (cheap for the load generator, which shares the machine's 2 cores): each
// vignette from its own client address, so each has its own rate-limit bucket.
const instance = autocannon({
  url: `${base}/api/v1/intakes`,
  connections: Number(connections),
  duration: Number(seconds),
  method: "POST",
  requests: bodies.map((body, i) => ({
    body,
    headers: { "content-type": "application/json", "x-forwarded-for": `198.18.0.${i + 1}` },
  })),
});
instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
const result = await instance;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);

const status = result.statusCodeStats ?? {};
const line = (k, v) => console.log(`| ${k} | ${v} |`);
console.log(`\nPOST /api/v1/intakes, ${connections} connections, ${seconds} s`);
console.log("| measure | value |\n|---|---|");
line("requests/s (mean)", Math.round(result.requests.average));
line("latency p50", `${pct(50)} ms`);
line("latency p95", `${pct(95)} ms`);
line("latency p99", `${pct(99)} ms`);
line(
  "responses",
  Object.entries(status)
    .map(([code, s]) => `${code}: ${s.count}`)
    .join(", "),
);
line("errors / timeouts", `${result.errors} / ${result.timeouts}`);

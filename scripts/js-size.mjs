// Compressed JavaScript a page ships to a current browser: every <script src> of the
// server-rendered HTML except noModule polyfills (which modern browsers skip), gzipped.
// Usage: node scripts/js-size.mjs http://127.0.0.1:3000 /intake/about-you ...
import { gzipSync } from "node:zlib";

const [base = "http://127.0.0.1:3000", ...paths] = process.argv.slice(2);
console.log("| page | scripts | JavaScript (gzip) |\n|---|---:|---:|");
for (const path of paths.length ? paths : ["/intake/about-you"]) {
  const html = await (await fetch(base + path)).text();
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const srcs = [...new Set(tags.map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).filter(Boolean))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  console.log(`| ${path} | ${srcs.length} | ${(total / 1024).toFixed(1)} KB |`);
}

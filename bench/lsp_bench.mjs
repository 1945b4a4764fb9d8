// The language server's latency as a policy owner types: a new exception is
// typed into the bundled repository's returns.toml a character at a time
// (with its typos and their corrections); after each keystroke the client
// sends the change and a hover, and the time until the hover's answer (the
// server handles messages in order, so that includes recompiling the whole
// repository) is one sample. Prints the machine and the percentiles.
// Usage: node bench/lsp_bench.mjs LEEWAY POLICIES_DIR   (after ci/setup.sh: tests/lsp/node_modules)
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { startServer, after } from "../tests/lsp/client.mjs";

const [leeway, folder] = process.argv.slice(2);
const s = await startServer(leeway, folder);
const uri = s.uri("returns.toml");
const text = readFileSync(join(folder, "returns.toml"), "utf8");
await s.open(uri, text);
const typed = `
[[exception]]
id = "rain-check"
title = "A rain check"
bends = "after-windw"
when = { days_since_purchase = "31..45", customer_tier = "gold" }
then = "store_credit"
granted_by = "associat"
max_cost = 25
`;
const fixes = [["after-windw", "after-window"], ["associat", "associate"]];
const samples = [];
let current = text;
const keystroke = async (next) => {
  current = next;
  const t0 = process.hrtime.bigint();
  await s.change(uri, current);
  await s.request("textDocument/hover", { textDocument: { uri }, position: after(text, 'granted_by = "s') });
  samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
};
for (let round = 0; round < 3; round++) {
  current = text;
  for (let i = 1; i <= typed.length; i++) await keystroke(text + typed.slice(0, i));
  for (const [wrong, right] of fixes) await keystroke(current.replace(wrong, right));
}
await s.stop();
samples.sort((a, b) => a - b);
const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(1);
console.log(`machine: ${cpus()[0].model}, ${cpus().length} cores`);
console.log(`leeway lsp, ${samples.length} keystrokes on the bundled repository (change + hover, whole repository recompiled each time):`);
console.log(`  p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${samples[samples.length - 1].toFixed(1)} ms (goal: under 50 ms)`);

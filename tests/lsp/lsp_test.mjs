// `leeway lsp` driven by a real client through a policy owner's session on
// the bundled repository: diagnostics as they type (from unsaved text),
// hover, definition, references, completion, quick fixes, broken input, and a
// clean shutdown; nothing in the repository is written.
// Usage: node lsp_test.mjs LEEWAY POLICIES_DIR
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { startServer, after } from "./client.mjs";

const [leeway, folder] = process.argv.slice(2);
let failures = 0;
const check = (ok, what, detail = "") => {
  if (!ok) { failures++; console.log(`FAIL: ${what} ${detail}`); } else console.log(`ok: ${what}`);
};

function snapshot(dir) {
  const out = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, snapshot(p));
    else out[p] = createHash("sha256").update(readFileSync(p)).digest("hex") + statSync(p).mtimeMs;
  }
  return out;
}
const before = JSON.stringify(snapshot(folder));

const s = await startServer(leeway, folder);
check(s.init.capabilities.hoverProvider && s.init.capabilities.completionProvider && s.init.serverInfo.name === "leeway", "initialize answers with leeway's capabilities");

const uri = s.uri("returns.toml");
const text = readFileSync(join(folder, "returns.toml"), "utf8");
await s.open(uri, text);
const at = (t, needle, nth = 0) => ({ textDocument: { uri }, position: after(t, needle, nth) });

// Hover: a role, an exception, a rule named by `bends`, a dimension, an outcome.
const role = await s.request("textDocument/hover", at(text, 'granted_by = "s'));
check(/Shift supervisor/.test(role?.contents?.value) && /ceiling/.test(role.contents.value), "hover on granted_by names the role and its ceiling", JSON.stringify(role));
console.log("hover on `granted_by = \"supervisor\"`, as the client received it:\n" + JSON.stringify(role, null, 2));
const exc = await s.request("textDocument/hover", at(text, 'id = "grace-p'));
const ev = exc?.contents?.value ?? "";
check(/where:/.test(ev) && /granted by:/.test(ev) && /up to:/.test(ev) && /bends:/.test(ev) && /days since purchase/.test(ev), "hover on an exception: where, who grants it, up to how much, what it bends", ev);
console.log("hover on exception `grace-period`:\n" + ev);
const bent = await s.request("textDocument/hover", at(text, 'bends = "after-w'));
check(/rule/.test(bent?.contents?.value) && /after-window/.test(bent.contents.value), "hover on bends shows the rule it bends");
const dim = await s.request("textDocument/hover", at(text, "when = { days_since"));
check(/dimension/.test(dim?.contents?.value ?? "") && /integer/.test(dim.contents.value) && dim.contents.value.includes("`days_since_purchase`"),
  "hover on a dimension in a condition (names as code, not escaped)", JSON.stringify(dim));
const outcome = await s.request("textDocument/hover", at(text, 'then = "ref'));
check(/outcome/.test(outcome?.contents?.value ?? ""), "hover on an outcome");

// Definition and references.
const def = await s.request("textDocument/definition", at(text, 'bends = "after-w'));
const ruleLine = after(text, 'id = "after-window').line;
check(def.length === 1 && def[0].uri === uri && def[0].range.start.line === ruleLine, "definition of bends is the rule's id", JSON.stringify(def));
const roleDef = await s.request("textDocument/definition", at(text, 'granted_by = "s'));
check(roleDef.length === 1 && roleDef[0].uri.endsWith("/leeway.toml"), "definition of granted_by is the role in the manifest");
const refs = await s.request("textDocument/references", { ...at(text, 'granted_by = "s'), context: { includeDeclaration: true } });
const files = new Set(refs.map((r) => r.uri.split("/").pop()));
check(refs.length >= 3 && files.has("leeway.toml") && files.has("returns.toml"), "references to a role span the manifest and the policies", JSON.stringify([...files]));
const dimDef = await s.request("textDocument/definition", at(text, "when = { days_since"));
check(dimDef.length === 1 && dimDef[0].uri.endsWith("/leeway.toml"), "definition of a dimension is its table in the manifest");

// Completion where names are expected.
const labels = async (t, needle) => (await s.request("textDocument/completion", at(t, needle))).items.map((i) => i.label);
const roles = await labels(text, 'granted_by = "');
check(roles.includes("supervisor") && roles.includes("associate"), "completion after granted_by offers role ids", JSON.stringify(roles));
const outcomes = await labels(text, 'then = "');
check(outcomes.includes("refund") && outcomes.includes("decline"), "completion after then offers the policy's outcomes", JSON.stringify(outcomes));
const dims = await labels(text, "when = { ");
check(dims.includes("days_since_purchase") && !dims.includes("order_value"), "completion in a condition offers the policy's dimensions only", JSON.stringify(dims));
const tierText = text.replace('when = { days_since_purchase = "0..30"', 'when = { customer_tier = "g');
await s.change(uri, tierText);
const tiers = await labels(tierText, 'customer_tier = "');
check(tiers.includes("gold") && tiers.includes("standard"), "completion of an enum dimension's values", JSON.stringify(tiers));

// Typing mistakes: each reported from the unsaved text, with a quick fix where there is one.
const typo = text.replace('granted_by = "supervisor"', 'granted_by = "supervisr"');
await s.change(uri, typo);
let diags = await s.diagnosticsWhen(uri, (l) => l.some((d) => d.code === "LW305"));
const unknownRole = diags.find((d) => d.code === "LW305");
check(unknownRole && unknownRole.range.start.line === after(typo, 'granted_by = "s').line, "a misspelt role is reported where it is typed", JSON.stringify(diags));
console.log("diagnostic for `granted_by = \"supervisr\"`, as the client received it:\n" + JSON.stringify(unknownRole, null, 2));
const actions = await s.request("textDocument/codeAction", { textDocument: { uri }, range: unknownRole.range, context: { diagnostics: [unknownRole] } });
const fix = actions.find((a) => a.kind === "quickfix");
check(fix && /supervisor/.test(fix.title), "the quick fix offers the right role", JSON.stringify(actions));
// Apply the fix as an editor does: the file checks clean again.
const edit = fix.edit.changes[uri][0];
const lines = typo.split("\n");
const l = lines[edit.range.start.line];
lines[edit.range.start.line] = l.slice(0, edit.range.start.character) + edit.newText + l.slice(edit.range.end.character);
await s.change(uri, lines.join("\n"));
check((await s.diagnosticsWhen(uri, (l) => l.length === 0)).length === 0, "after the quick fix the file checks clean");

const key = text.replace('then = "refund"', 'than = "refund"');
await s.change(uri, key);
diags = await s.diagnosticsWhen(uri, (l) => l.some((d) => d.code === "LW103"));
const unknownKey = diags.find((d) => d.code === "LW103");
const keyFix = unknownKey && (await s.request("textDocument/codeAction", { textDocument: { uri }, range: unknownKey.range, context: { diagnostics: [unknownKey] } }));
check(keyFix && keyFix.length === 1 && keyFix[0].edit.changes[uri][0].newText === "then", "an unknown key offers the known one", JSON.stringify(keyFix));

// Half-typed TOML at every step of typing a line: the server answers each time.
let alive = true;
const partial = 'when = { days_since_purchase = "0..';
for (let n = 1; n <= partial.length; n += 3) {
  const t = text.replace("[[rule]]", `[[rule]]\n${partial.slice(0, n)}`);
  await s.change(uri, t);
  const h = await s.request("textDocument/hover", at(t, 'granted_by = "s')).catch(() => null);
  alive = alive && h !== undefined;
}
await s.change(uri, text.replace("[[rule]]", `[[rule]]\n${partial}`));
const syntax = await s.diagnosticsWhen(uri, (l) => l.some((d) => d.data?.kind === "toml-syntax"));
check(alive && syntax.some((d) => d.data?.kind === "toml-syntax"), "half-typed TOML: a syntax diagnostic, and the server keeps answering");
await s.change(uri, text);

// Every keystroke is a broken file: random edits, each followed by requests
// at random places. The server must answer every one (seeded, so repeatable).
let seed = 42;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const pieces = ['"', "'", "=", "[", "]", "[[", "{", "}", ",", "\n", " ", "..", "é", "𝄞", "\\", "#", "0", "days_since_purchase", "gold", "supervisor", "x"];
let fuzzed = text, answered = 0;
for (let n = 0; n < 150; n++) {
  const at = rand(fuzzed.length + 1);
  fuzzed = rand(3) === 0 ? fuzzed.slice(0, at) + fuzzed.slice(at + 1 + rand(8)) : fuzzed.slice(0, at) + pieces[rand(pieces.length)] + fuzzed.slice(at);
  await s.change(uri, fuzzed);
  const lines = fuzzed.split("\n");
  const line = rand(lines.length + 2), character = rand(60);
  const position = { textDocument: { uri }, position: { line, character } };
  const results = await Promise.all(["textDocument/hover", "textDocument/completion", "textDocument/definition"].map((m) => s.request(m, position).then(() => 1, (e) => (e.code === -32603 ? 0 : 1))));
  answered += results.reduce((a, b) => a + b, 0);
}
check(answered === 450, "150 random edits, 450 requests at random places: every one answered without an internal error", `${answered}/450`);
await s.change(uri, text);

// Requests it does not know, and places that name nothing.
const unknown = await s.request("textDocument/formatting", { textDocument: { uri }, options: {} }).then(() => "answered", (e) => e.code);
check(unknown === -32601, "an unknown request is answered MethodNotFound", String(unknown));
const nothing = await s.request("textDocument/hover", { textDocument: { uri: s.uri("no-such.toml") }, position: { line: 0, character: 0 } });
check(nothing === null, "hover on a file outside the repository is null");

const code = await s.stop();
check(code === 0, "shutdown then exit: exit code 0", String(code));

// Bytes that are not JSON, then a normal session: the server replies ParseError and goes on.
const raw = spawn(leeway, ["lsp"], { stdio: ["pipe", "pipe", "pipe"] });
let out = "";
raw.stdout.on("data", (d) => { out += d; });
const init = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { rootUri: null, capabilities: {} } });
raw.stdin.write("Content-Length: 9\r\n\r\nnot json!");
raw.stdin.write(`Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
raw.stdin.end();
const rawCode = await new Promise((resolve) => raw.on("exit", resolve));
check(/-32700/.test(out) && /"id":1/.test(out) && /capabilities/.test(out) && rawCode === 1, "garbage then initialize: ParseError, an answer, exit 1 without shutdown", out.slice(0, 200));

check(JSON.stringify(snapshot(folder)) === before, "nothing in the repository was written");
console.log(failures ? `${failures} failures` : "all LSP checks passed");
process.exit(failures ? 1 : 0);

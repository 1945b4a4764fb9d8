// The explorer in a real browser: opens deep links into explorer.html for
// situations of a repository, in Debian's headless Chromium, and compares the
// answer the page shows (#answer's data-normal, data-options, data-yours)
// with `leeway query --as ROLE --format json` at the same situation.
//
// Then every link into the explorer from the handbooks beside it opens a
// situation it understands, where some exception holds.
//
// usage: node explorer_test.mjs LEEWAY REPO EXPLORER_HTML [SITUATIONS] [SCREENSHOT_DIR]
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const [leeway, repo, page_path, wanted = "240", shots] = process.argv.slice(2);
if (!page_path) {
  console.error("usage: node explorer_test.mjs LEEWAY REPO EXPLORER_HTML [SITUATIONS] [SCREENSHOT_DIR]");
  process.exit(2);
}

// The situations to ask about come from the policies' dimensions as the page
// carries them; the answers to compare come from `leeway query`.
const html = readFileSync(page_path, "utf8");
const blob = /<script type="application\/json" id="leeway-data">([\s\S]*?)<\/script>/.exec(html);
if (!blob) throw new Error(`${page_path} carries no leeway-data`);
const data = JSON.parse(blob[1]);

let seed = 20261126;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (n) => Math.floor(random() * n);

function format(dim, v) {
  if (dim.values) return dim.values[v].id;
  if (!dim.digits) return String(v);
  const a = Math.abs(v), cents = String(a % 100).padStart(2, "0");
  return `${v < 0 ? "-" : ""}${Math.floor(a / 100)}.${cents}`;
}

// Edges matter most: the ends of every region's intervals, and points beside them.
function valueFor(dim, region, d) {
  const ivs = region[d + 1], iv = ivs[pick(ivs.length)];
  const choices = [iv[0], iv[1], iv[0] + Math.floor((iv[1] - iv[0]) / 2), iv[0] - 1, iv[1] + 1];
  const v = choices[pick(choices.length)];
  return Math.max(dim.values ? 0 : dim.min, Math.min(dim.values ? dim.values.length - 1 : dim.max, v));
}

const situations = [];
const roles = [-1, ...data.roles.map((_, i) => i)];
for (let n = 0; situations.length < Number(wanted); ++n) {
  const p = n % data.policies.length, policy = data.policies[p];
  const region = policy.regions[pick(policy.regions.length)];
  const words = policy.dims.map((dim, d) => `${dim.name}=${format(dim, valueFor(dim, region, d))}`);
  situations.push({ policy: policy.id, words, role: roles[Math.floor(n / data.policies.length) % roles.length] });
}

function expected(s) {
  const args = ["query", repo, s.policy, ...s.words, "--format", "json"];
  if (s.role >= 0) args.push("--as", data.roles[s.role].id);
  const j = JSON.parse(execFileSync(leeway, args, { encoding: "utf8" }));
  return {
    normal: j.normal.outcome ?? "",
    options: j.options.map((o) => o.exception).join(" "),
    yours: j.options.filter((o) => o.yours === true).map((o) => o.exception).join(" "),
  };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = pathToFileURL(page_path).href;
let failures = 0, compared = 0;
const requests = [];
let links = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  context.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (shots) mkdirSync(shots, { recursive: true });
  for (const [i, s] of situations.entries()) {
    const hash = [`policy=${s.policy}`, ...s.words, ...(s.role >= 0 ? [`as=${data.roles[s.role].id}`] : [])].join("&");
    // A fresh document each time, as when a link is opened, not a hash change in
    // the page already open: the query string differs from one visit to the next.
    await page.goto(`${base}?visit=${i}#${hash}`, { waitUntil: "domcontentloaded" });
    const got = await page.$eval("#answer", (e) => ({ normal: e.dataset.normal, options: e.dataset.options, yours: e.dataset.yours }));
    const problem = await page.$eval("#problem", (e) => e.textContent);
    const want = expected(s);
    ++compared;
    if (JSON.stringify(got) !== JSON.stringify(want) || problem) {
      ++failures;
      if (failures <= 10)
        console.error(`MISMATCH #${hash}\n  page:  ${JSON.stringify(got)} ${problem}\n  query: ${JSON.stringify(want)}`);
    }
    if (shots && i < data.policies.length) await page.screenshot({ path: `${shots}/explorer-${s.policy}.png`, fullPage: true });
  }
  // The handbooks' links into the explorer.
  const folder = dirname(page_path);
  for (const f of readdirSync(folder).filter((f) => /^handbook-.*\.html$/.test(f))) {
    const text = readFileSync(join(folder, f), "utf8");
    for (const m of text.matchAll(/href="explorer\.html(#[^"]*)"/g)) {
      const hash = m[1].replace(/&amp;/g, "&");
      await page.goto(`${base}?link=${links++}${hash}`, { waitUntil: "domcontentloaded" });
      const got = await page.$eval("#answer", (e) => ({ options: e.dataset.options, problem: document.getElementById("problem").textContent }));
      if (got.problem || !got.options) { ++failures; console.error(`${f}: the link ${hash} opens "${got.problem}" with options "${got.options}"`); }
    }
  }
  if (!links) { ++failures; console.error("no handbook beside the explorer links into it"); }
  // The keyboard alone: tab to the first field, change it, and the answer follows.
  await page.goto(`${base}#policy=${data.policies[0].id}`);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  if (focused !== "as") { ++failures; console.error(`the first Tab reaches #${focused}, not the role picker`); }
  if (errors.length) { ++failures; console.error(`script errors: ${errors.join("; ")}`); }
} finally {
  await browser.close();
}
if (requests.length) { ++failures; console.error(`the page asked the network for ${requests.join(", ")}`); }
console.log(`explorer: ${compared} deep links over ${data.policies.length} policies and ${roles.length} readers, ${links} links from handbooks, ${failures} failure(s)`);
process.exit(failures ? 1 : 0);

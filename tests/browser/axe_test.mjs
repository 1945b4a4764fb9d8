// Accessibility of every HTML page leeway publishes, checked by axe-core
// (WCAG 2.1 A and AA, and axe's best practices) in Debian's headless Chromium:
// no violation is allowed.
//
// usage: node axe_test.mjs FILE.html...
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node axe_test.mjs FILE.html...");
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
let violations = 0;
try {
  const page = await browser.newPage();
  for (const file of files) {
    await page.goto(pathToFileURL(file).href);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
    for (const v of result.violations) {
      ++violations;
      console.error(`${file}: ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 3)) console.error(`    ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1).join(" ").trim()}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`axe-core: ${files.length} pages, ${violations} violation(s)`);
process.exit(violations ? 1 : 0);

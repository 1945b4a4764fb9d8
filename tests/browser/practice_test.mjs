// Practice in the HTML handbooks, in Debian's headless Chromium: every
// handbook with drills has a Practice section linked from its contents; a
// round played with the keyboard alone scores each right answer, and the
// right answer of every question is the one the handbook prints for that
// drill at the back; "Show the answer" reveals without scoring; nothing is
// fetched from the network.
//
// usage: node practice_test.mjs HANDBOOK.html...
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node practice_test.mjs HANDBOOK.html...");
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
let failures = 0, questions = 0;
const fail = (m) => { ++failures; console.error(m); };
try {
  for (const file of files) {
    const context = await browser.newContext();
    const requests = [], errors = [];
    context.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    if (!(await page.$("#practice"))) { fail(`${file}: no Practice section`); continue; }
    if (!(await page.$('nav#TOC a[href="#practice"]'))) fail(`${file}: the contents do not link to the practice`);
    // What the handbook prints at the back, by drill number.
    const printed = await page.$$eval("[id^=answer-]", (spans) =>
      Object.fromEntries(spans.map((s) => [s.id.slice(7), s.closest("p").textContent.replace(/\s+/g, " ").trim()])));
    const data = JSON.parse(await page.$eval("#practice-data", (e) => e.textContent));
    const bySituation = new Map(data.map((q) => [`${q.policy}. A customer comes to you. ${q.situation}.`, q]));
    const round = await page.$eval("#practice .status", (e) => Number(/of (\d+)\./.exec(e.textContent)[1]));
    if (round !== Math.min(10, data.length)) fail(`${file}: a round of ${round} questions, expected ${Math.min(10, data.length)}`);
    // A round with the keyboard: focus the first choice, press the right number.
    for (let i = 0; i < round; ++i) {
      const text = await page.$eval("#practice .question", (e) => e.textContent);
      const q = [...bySituation.entries()].find(([k]) => text.startsWith(k))?.[1];
      if (!q) { fail(`${file}: question not in the data: ${text}`); break; }
      ++questions;
      // The right choice is what the handbook prints for that drill.
      const back = printed[q.number] || "";
      const label = q.choices[q.correct];
      const agrees = label.startsWith("Ask the ") ? back.includes("ask your " + label.slice(8))
                   : label.startsWith("Ask ") ? /silent|contradicts/.test(back)
                   : back.startsWith(`Drill ${q.number}. ${label}.`);
      if (!agrees) fail(`${file}: drill ${q.number}: practice says "${label}", the handbook says "${back}"`);
      await page.focus("#practice .choices button");
      await page.keyboard.press(String(q.correct + 1));
      const verdict = await page.$eval("#practice .verdict", (e) => e.textContent);
      if (!verdict.startsWith("Right")) fail(`${file}: choosing ${label} gave "${verdict}"`);
      await page.keyboard.press("Enter");  // the focus is on "Next question"
    }
    const score = await page.$eval("#practice .status", (e) => e.textContent);
    if (score !== `Round over: ${round} right of ${round}.`) fail(`${file}: after a perfect round: "${score}"`);
    // A new round (Enter on "Play a new round"): showing the answer first scores nothing.
    await page.keyboard.press("Enter");
    await page.click("#practice .actions button");
    const shown = await page.$eval("#practice .verdict", (e) => e.textContent);
    const status = await page.$eval("#practice .status", (e) => e.textContent);
    if (!shown.startsWith("The answer: ") || !status.includes("Score: 0 right of 1 answered")) fail(`${file}: show the answer: "${shown}" / "${status}"`);
    if (errors.length) fail(`${file}: script errors: ${errors.join("; ")}`);
    if (requests.length) fail(`${file}: asked the network for ${requests.join(", ")}`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`practice: ${files.length} handbooks, ${questions} questions played, ${failures} failure(s)`);
process.exit(failures ? 1 : 0);

// A helper for people: screenshots of a page after a few key presses.
// usage: node look.mjs URL OUT.png [keys...]
import { chromium } from "playwright-core";
const [url, out, ...keys] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
page.on("pageerror", (e) => console.error("page error:", String(e)));
page.on("console", (m) => console.error("console:", m.text()));
await page.goto(url);
for (const k of keys) {
  if (k.startsWith("click:")) await page.click(k.slice(6));
  else if (k.startsWith("scroll:")) await page.locator(k.slice(7)).scrollIntoViewIfNeeded();
  else await page.keyboard.press(k);
}
await page.screenshot({ path: out });
await browser.close();

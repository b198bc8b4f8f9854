// Shared Playwright fixtures for Trinvis specs: import { test, expect } from "./fixtures.mjs".
//
// - sameOriginOnly (automatic): records every request made in the test's browser context,
//   pages and service workers alike, and fails the test if any goes to another origin than
//   the app's (data: and blob: URLs are allowed). Trinvis promises that nothing leaves the
//   phone; this makes every spec check it.
// - expectNoAxeViolations(page, label): axe-core, WCAG 2.0/2.1/2.2 A and AA rules; fails on
//   serious or critical violations and prints each with its rule, help URL and targets.
// - noHorizontalScroll(page): the page must not scroll sideways (reflow, WCAG 1.4.10).
// - textsComplete (automatic): fails the test if the app shows a text before its table
//   arrived (src/i18n/apart.rs says so on the console).
// - waitForController(page): the service worker is active and controls the page.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const APP_ORIGIN = `http://127.0.0.1:${process.env.TRINVIS_PORT || "4173"}`;
// The built app (repo root dist/), as served by the webServer of playwright.config.mjs.
export const DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  process.env.TRINVIS_DIST || "../../dist",
);

export const test = base.extend({
  // Specs that serve the app elsewhere (e.g. the update spec on another port) override this.
  allowedOrigins: [[APP_ORIGIN], { option: true }],

  sameOriginOnly: [
    async ({ context, allowedOrigins }, use, testInfo) => {
      const foreign = [];
      const seen = new Set();
      const check = (request) => {
        const url = request.url();
        let protocol, origin;
        try {
          ({ protocol, origin } = new URL(url));
        } catch {
          foreign.push(url);
          return;
        }
        if (protocol === "data:" || protocol === "blob:") return;
        if (!allowedOrigins.includes(origin) && !seen.has(url)) {
          seen.add(url);
          foreign.push(url);
        }
      };
      // context.on("request") covers every page of the context and, in Chromium, the
      // requests made by its service workers; serviceworker is hooked too for safety.
      context.on("request", check);
      const hookWorker = (worker) => worker.on?.("request", check);
      context.serviceWorkers().forEach(hookWorker);
      context.on("serviceworker", hookWorker);
      await use();
      context.off("request", check);
      if (foreign.length) {
        await testInfo.attach("foreign-requests", { body: foreign.join("\n"), contentType: "text/plain" });
      }
      expect(foreign, `requests to other origins than ${allowedOrigins.join(", ")}`).toEqual([]);
    },
    { auto: true },
  ],

  // Automatic: the release build keeps most texts apart from the wasm and fetches them with
  // the first part that needs them (src/i18n/apart.rs); a text shown before its table has
  // arrived would be blank. The app says so on the console: fail the test on it.
  textsComplete: [
    async ({ context }, use) => {
      const missing = [];
      const check = (msg) => {
        if (msg.text().includes("trinvis: texts missing")) missing.push(msg.text());
      };
      context.on("console", check);
      await use();
      context.off("console", check);
      expect(missing, "texts shown before their table arrived").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoAxeViolations(page, label = "page") {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(" ")}\n        ${(n.failureSummary || "").replace(/\n/g, "\n        ")}`)
        .join("\n");
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : "";
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
  if (bad.length) console.log(`axe (${label}): ${bad.length} serious/critical violation(s)\n${report}`);
  expect(bad.length, `axe violations (${label}):\n${report}`).toBe(0);
}

export async function noHorizontalScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page scrolls sideways: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`)
    .toBeLessThanOrEqual(innerWidth);
}

/** Waits until the service worker is active and controls this page (reloads once if needed). */
export async function waitForController(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  // The worker's clients.claim() takes the page over shortly after activation; reload only
  // if that does not happen (a reload also restarts public/shell.js and its listeners).
  try {
    await expect.poll(controlled, { timeout: 3_000 }).toBe(true);
    return;
  } catch {
    await page.reload({ waitUntil: "load" });
  }
  await expect.poll(controlled, { message: "a service worker controls the page" }).toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/**
 * Switches the language as a patient does: with the top bar's button while the tabs are
 * hidden (welcome, plan link), otherwise under "Mere", then back to the screen before.
 */
export async function switchLanguage(page, name = "Switch to English") {
  const direct = page.getByRole("banner").getByRole("button", { name });
  if (await direct.isVisible()) {
    await direct.click();
    return;
  }
  const before = await page.evaluate(() => location.hash);
  await page.getByRole("navigation", { name: /^(Hovedmenu|Main menu)$/ }).getByRole("link", { name: /^(Mere|More)$/ }).click();
  await page.getByRole("button", { name }).click();
  if (before !== "#/more") {
    await page.evaluate(() => history.back());
    await page.waitForFunction((h) => location.hash === h, before);
  }
}

// Full-page screenshots of each screen as a patient with six weeks of data sees it.
// SCREENS=today,progress limits the set; out/<screen>-<width>-<scheme>[-en].png.
import { test } from "@playwright/test";
import { realisticDocs, seedOnce } from "../pages/seed.mjs";
import config from "../playwright.config.mjs";

const NOW = "2026-11-23T08:30:00+01:00";
const ALL = {
  today: "#/",
  "today-why": "#/",
  "today-log": "#/",
  progress: "#/progress",
  diary: "#/diary",
  "diary-edit": "#/diary",
  learn: "#/learn",
  "learn-page": "#/learn/flare-ups",
  more: "#/more",
  summary: "#/summary",
  check: "#/check",
  physio: "#/physio",
  // A lazily loaded part still on its way ("Henter …") and one that failed ("Prøv igen").
  "part-wait": "#/summary",
  "part-failed": "#/summary",
};
const only = process.env.SCREENS ? process.env.SCREENS.split(",") : Object.keys(ALL);
const sizes = [[390, 844], [320, 640]];
const schemes = (process.env.SCHEMES || "light,dark").split(",");
const langs = (process.env.LANGS || "da").split(",");

for (const name of only) {
  for (const [width, height] of sizes) {
    for (const scheme of schemes) {
      for (const lang of langs) {
        test(`${name} ${width} ${scheme} ${lang}`, async ({ page: shared, browser }) => {
          // page.route sees a part's request only without the worker.
          const part = name.startsWith("part-");
          const page = part ? await (await browser.newContext({ ...config.use, serviceWorkers: "block" })).newPage() : shared;
          await page.setViewportSize({ width, height });
          await page.emulateMedia({ colorScheme: scheme });
          await page.clock.setFixedTime(new Date(NOW));
          const docs = realisticDocs({ clearedSign: process.env.SIGN === "cleared" });
          if (lang === "en") {
            docs["trinvis.settings"] = JSON.stringify({ kind: "trinvis.settings", schema_version: 2, app_version: "0.2.0", lang: "en" });
          }
          await seedOnce(page, docs);
          if (part) {
            await page.goto("/#/");
            await page.getByRole("heading").first().waitFor();
            await page.route(/\/split_summary\.wasm$/, (route) => (name === "part-failed" ? route.abort() : new Promise(() => {})));
            await page.goto("/" + ALL[name]);
            await page.getByRole(name === "part-failed" ? "alert" : "status").filter({ hasText: /Henter|Loading|hentes|loaded/ }).waitFor();
            const suffix = lang === "en" ? "-en" : "";
            await page.screenshot({ path: `shots/out/${name}-${width}-${scheme}${suffix}-first.png` });
            return;
          }
          await page.goto("/" + ALL[name]);
          await page.waitForLoadState("networkidle");
          await page.getByRole("heading").first().waitFor();
          if (name === "today-why") await page.getByRole("button", { name: /: (Hvorfor\? Trappen|Why\? The ladder)$/ }).first().click();
          if (name === "diary-edit") {
            await page.getByLabel(/^(Flere valg|More choices): /).first().click();
            await page.getByRole("button", { name: /^(Ret check-in|Edit check-in): / }).first().click();
            await page.getByText(/Du retter dette check-in|you are editing this check-in/).waitFor();
          }
          if (name === "today-log") await page.getByRole("button", { name: /^(Skriv ind|Log)$/ }).first().click();
          const suffix = lang === "en" ? "-en" : "";
          await page.screenshot({ path: `shots/out/${name}-${width}-${scheme}${suffix}.png`, fullPage: true });
          await page.screenshot({ path: `shots/out/${name}-${width}-${scheme}${suffix}-first.png` });
          // The opened panel on its own (the tab bar covers part of a full-page picture).
          if (name === "today-why" || name === "today-log") {
            await page.getByRole("article").first().screenshot({ path: `shots/out/${name}-${width}-${scheme}${suffix}-panel.png` });
          }
        });
      }
    }
  }
}

// Nothing is lost: two tabs, unreadable data, a full quota, blocked storage, newer data,
// and a start-up failure.
import { test, expect, switchLanguage } from "./fixtures.mjs";
import { TodayPage, tab } from "./pages/today.mjs";
import fs from "node:fs";

const NOW = "2026-11-23T10:00:00+01:00";

test("two open tabs keep each other's check-ins", async ({ context }) => {
  const a = new TodayPage(await context.newPage());
  const b = new TodayPage(await context.newPage());
  // The clock belongs to the browser context, so both tabs share it.
  await a.page.clock.setFixedTime(new Date(NOW));
  await a.open();
  await b.open();
  await a.checkIn(3);
  // Tab B was opened before A saved; it saves a minute later without reloading.
  await b.setTime("2026-11-23T10:01:00+01:00");
  await b.checkIn(7);
  // B sees A's entry through the storage event, and A sees B's.
  await b.openDiary();
  await a.openDiary();
  await expect(b.recent().getByText("Smerte 3")).toBeVisible();
  await expect(a.recent().getByText("Smerte 7")).toBeVisible();
  await a.page.reload();
  await expect(a.recent().getByText(/^Smerte \d$/)).toHaveText(["Smerte 7", "Smerte 3"]);
  const months = await a.storedMonths();
  expect(months).toHaveLength(1);
});

test("unreadable stored data is put aside, the patient is told and can download it", async ({ page }) => {
  const today = new TodayPage(page);
  const raw = '{"kind":"trinvis.checkins","schema_version":1,"month":"2026-10","entries":[["a1",36';
  await page.clock.setFixedTime(new Date(NOW));
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("trinvis.checkins.2026-10", raw);
    }
  }, raw);
  await today.open();
  const alert = page.getByRole("alert").filter({ hasText: "kunne ikke læses" });
  await expect(alert).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("trinvis.")));
  const q = keys.filter((k) => k.startsWith("trinvis.quarantine.trinvis.checkins.2026-10."));
  expect(q).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), q[0])).toBe(raw);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Hent den ulæselige tekst" }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(Object.values(file.items)).toEqual([raw]);

  // Check-ins go on, and the put-aside text stays after a reload.
  await today.checkIn(4);
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "kunne ikke læses" })).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), q[0])).toBe(raw);
});

test("a full quota says so, keeps the entry on screen and saves on retry", async ({ page }) => {
  const today = new TodayPage(page);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    window.__quotaFull = true;
    Storage.prototype.setItem = function (k, v) {
      if (window.__quotaFull && k.startsWith("trinvis.checkins.")) {
        throw new DOMException("full", "QuotaExceededError");
      }
      return real.call(this, k, v);
    };
  });
  await today.open(NOW);
  await today.choosePain(5);
  await today.save();
  await expect(today.alert()).toContainText("Ikke gemt: der er ikke mere plads");
  await expect(today.alert()).toContainText("Dit check-in står stadig her");
  await expect(today.painButton(5)).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: "Gemt" })).toHaveCount(0);
  expect(await today.storedMonths()).toEqual([]);
  await page.evaluate(() => (window.__quotaFull = false));
  await today.save();
  await expect(today.status()).toHaveText(/Gemt kl\. 10\.00/);
  expect(await today.storedMonths()).toHaveLength(1);
});

test("blocked storage does not crash the app and says nothing will be saved", async ({ page }) => {
  const today = new TodayPage(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await today.open(NOW);
  await expect(page.getByRole("alert").filter({ hasText: "tillader ikke, at Trinvis gemmer" })).toBeVisible();
  await today.choosePain(2);
  await today.save();
  await expect(today.alert().filter({ hasText: /^Ikke gemt: browseren tillader ikke/ })).toBeVisible();
  await expect(today.painButton(2)).toHaveAttribute("aria-pressed", "true");
});

test("data from a newer version is never written over", async ({ page }) => {
  const today = new TodayPage(page);
  const newer = JSON.stringify({
    kind: "trinvis.checkins", schema_version: 99, app_version: "9.0.0", month: "2026-11",
    entries: [{ future: "shape" }],
  });
  await page.addInitScript((newer) => {
    if (!localStorage.getItem("trinvis.checkins.2026-11")) localStorage.setItem("trinvis.checkins.2026-11", newer);
  }, newer);
  await today.open(NOW);
  const notice = page.getByRole("alert").filter({ hasText: "nyere version af Trinvis" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("button", { name: "Genindlæs" })).toBeVisible();
  await today.choosePain(5);
  await today.save();
  await expect(today.alert().filter({ hasText: /^Ikke gemt: en nyere version/ })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("trinvis.checkins.2026-11"))).toBe(newer);
  const quarantined = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("quarantine")));
  expect(quarantined).toEqual([]);
});

test("if the app cannot start, a plain screen offers reload and the data", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem("trinvis.checkins.2026-11", "precious diary text");
  });
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 500, body: "broken" }));
  await page.goto("/#/");
  await expect(page.getByRole("heading", { name: "Trinvis kunne ikke starte" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Genindlæs" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Hent mine data" }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(file.items["trinvis.checkins.2026-11"]).toBe("precious diary text");
});

test("a crash after start (the panic hook's path) shows the rescue screen in the chosen language", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open(NOW);
  await switchLanguage(page);
  await today.painGroup(/Pain right now/).getByRole("button", { name: "4", exact: true }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // The Rust panic hook calls this function with the panic message.
  await page.evaluate(() => window.trinvisRescue("panicked at src/example.rs:1:1"));
  await expect(page.getByRole("heading", { name: "Trinvis ran into a fault" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download my data" }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(Object.keys(file.items)).toContain("trinvis.checkins.2026-11");
});

test("the app asks the browser to keep the data and shows its answer", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open(NOW);
  await tab(page, "Mere");
  const data = page.getByRole("region", { name: "Dine data" });
  await expect(data.getByRole("status")).toHaveText(/Browseren har (ikke )?lovet/);
});

// Update flow: a new build's worker waits until the patient chooses "Opdater nu".
//
// Serves a copy of dist/ from a temp dir on port 4174 (our own python http.server), so
// the test can change sw.js like a new deploy would, without touching dist/.
import { test, expect, DIST, waitForController } from "./fixtures.mjs";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PORT = 4174;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let dir;
let server;

test.use({ allowedOrigins: [ORIGIN] });

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trinvis-update-"));
  fs.cpSync(DIST, dir, { recursive: true });
  server = spawn("python3", ["-m", "http.server", String(PORT), "--bind", "127.0.0.1", "--directory", dir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  for (let attempt = 0; attempt < 50; attempt++) {
    if (server.exitCode !== null) throw new Error(`http.server on ${PORT} exited: ${stderr}`);
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`http.server on ${PORT} did not answer after 50 attempts: ${stderr}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill();
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("a new version waits until the patient chooses to update; another open tab is told and still opens its screens", async ({ page, context }) => {
  await page.goto(`${ORIGIN}/#/`);
  await expect(page.getByRole("heading", { level: 1, name: /Trinvis/ })).toBeVisible();
  await waitForController(page);
  // A second tab of the same app, started under the same worker.
  const other = await context.newPage();
  await other.goto(`${ORIGIN}/#/`);
  await expect(other.getByRole("button", { name: "5", exact: true }).first()).toBeVisible();
  await waitForController(other);
  const cacheNames = () => page.evaluate(() => caches.keys());
  const oldCaches = await cacheNames();

  // A new deploy: same files, new version string, so a new worker and a new cache.
  const swPath = path.join(dir, "sw.js");
  const sw = fs.readFileSync(swPath, "utf8");
  const match = sw.match(/"trinvis-([0-9a-f]+)"/);
  expect(match, "sw.js carries its build version").not.toBeNull();
  const oldCache = `trinvis-${match[1]}`;
  const newCache = `trinvis-${match[1] === "0123456789abcdef" ? "fedcba9876543210" : "0123456789abcdef"}`;
  expect(oldCaches).toEqual([oldCache]);
  fs.writeFileSync(swPath, sw.replace(`"${oldCache}"`, `"${newCache}"`));

  // registration.update() is coalesced with an update check already running (the browser
  // checks after every navigation, maybe still with the old sw.js), and on a loaded machine
  // the new worker's precache can fail and leave it redundant; so ask again until a new
  // worker has installed, a bounded number of times.
  const found = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const settled = (w) =>
      new Promise((resolve) => {
        if (w.state !== "installing") return resolve(w.state);
        w.addEventListener("statechange", () => w.state !== "installing" && resolve(w.state));
      });
    for (let attempt = 0; attempt < 40; attempt++) {
      await registration.update().catch(() => {});
      if (registration.waiting) return true;
      if (registration.installing && (await settled(registration.installing)) !== "redundant") return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  });
  expect(found, "the browser found the new sw.js").toBe(true);

  const banner = page
    .getByRole("status")
    .or(page.getByRole("alert"))
    .filter({ hasText: /ny version|new version/i });
  await expect(banner).toBeVisible();
  // Still the old worker until the patient says so.
  expect(await cacheNames()).toContain(oldCache);

  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: /Opdater|Update/ }).click();
  await reloaded;

  await expect(page.getByRole("heading", { level: 1, name: /Trinvis/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe("activated");
  await expect.poll(cacheNames, { message: "only the new build's cache is left" }).toEqual([newCache]);
  await expect(banner).toHaveCount(0);

  // The other tab was not reloaded under the patient's hands: it says what happened and
  // offers to reload. A screen it had not opened yet (a lazily loaded part, its old cache
  // dropped by the new worker) still opens: the host still has the files.
  const elsewhere = other.getByRole("status").filter({ hasText: "Trinvis er opdateret i en anden fane. Genindlæs, når det passer dig." });
  await expect(elsewhere).toBeVisible();
  await other.goto(`${ORIGIN}/#/summary`);
  await expect(other.getByRole("heading", { name: "Oversigt til din fysioterapeut" })).toBeVisible();
  await expect(other.getByRole("button", { name: "Prøv igen" })).toHaveCount(0);
  const reloadedOther = other.waitForEvent("load");
  await elsewhere.getByRole("button", { name: "Genindlæs" }).click();
  await reloadedOther;
  await expect(other.getByRole("status").filter({ hasText: /anden fane/ })).toHaveCount(0);
});

// The release build (issue 15): the rare screens are wasm parts fetched when first opened.
// Skipped on the one-wasm build of Trunk.plain.toml (no pkg-<hash>/ directory in the dist).
import fs from "node:fs";
import path from "node:path";
import { test, expect, DIST, waitForController, switchLanguage } from "./fixtures.mjs";

const split = fs.existsSync(DIST) && fs.readdirSync(DIST).some((f) => /^pkg-[0-9a-f]{16}$/.test(f));
test.skip(!split, "not a split build");

// The coach section of the today screen is a part with the cargo feature split-coach (the
// release build's default), merged with every chunk it shares (scripts/merge_coach.py).
const coachPart = split && fs.readdirSync(DIST).some((f) => /^pkg-/.test(f) && fs.existsSync(path.join(DIST, f, "split_coach.wasm")));

const chunk = (name) => new RegExp(`/pkg-[0-9a-f]{16}/split_${name}\\.wasm$`);

test("the today screen loads no rare screen's part; opening the physio page fetches its part and texts, and its buttons work", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  // "#/": a first visit to "/" opens the welcome, itself a part.
  await page.goto("/#/");
  await expect(page.getByRole("button", { name: "5" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();
  const names = (re) => fetched.filter((p) => re.test(p)).map((p) => p.replace(/.*\//, ""));
  expect(names(/split_/)).toEqual(coachPart ? ["split_coach.wasm"] : []);
  // The coach part holds every chunk it shares: one request, no chunk of its own.
  expect(names(/chunk_/)).toEqual([]);
  // The today screen's Danish is in the wasm; the texts kept apart come with the first part.
  expect(names(/texts-/)).toEqual([]);
  // The styles of the coach and the rare screens (style/screens.css) are not the first
  // screen's either: they come with the coach's part, after the first paint.
  expect(names(/screens\.css$/)).toEqual(coachPart ? ["screens.css"] : []);
  // The main wasm carries the today screen's Danish, not the physio page's nor any English.
  const pkg = fs.readdirSync(DIST).find((f) => /^pkg-[0-9a-f]{16}$/.test(f));
  const wasm = fs.readFileSync(path.join(DIST, pkg, "trinvis_bg.wasm")).toString("utf8");
  expect(wasm).toContain("Hvordan har du det?");
  expect(wasm).not.toContain("Tilføj en aktivitet mere");
  expect(wasm).not.toContain("How are you doing?");

  const physio = page.waitForRequest(chunk("physio"));
  await page.goto("/#/physio");
  await physio;
  const form = page.getByRole("form", { name: "Til fysioterapeuter" });
  await expect(form).toBeVisible();
  // With the first rare screen come the Danish texts kept apart; the English stay away.
  expect(names(/texts-/)).toEqual(["texts-da.json"]);
  // ... and the rare screens' styles, in place before the page is drawn: an activity's group
  // has the physio page's thin frame, not the browser's grooved one.
  expect(names(/screens\.css$/)).toEqual(["screens.css"]);
  await expect(form.getByRole("group", { name: "Aktivitet 1" })).toHaveCSS("border-top-style", "solid");
  await expect(form).toBeVisible();
  await form.getByRole("button", { name: "Tilføj en aktivitet mere" }).click();
  await expect(form.getByRole("group", { name: "Aktivitet 2" })).toBeVisible();
  const first = form.getByRole("group", { name: "Aktivitet 1" });
  await first.getByRole("textbox", { name: "Navn" }).fill("Gåtur");
  await first.getByRole("textbox", { name: "Udgangspunkt" }).fill("10");
  await form.getByRole("group", { name: "Aktivitet 2" }).getByRole("textbox", { name: "Navn" }).fill("Squat");
  await form.getByRole("group", { name: "Aktivitet 2" }).getByRole("textbox", { name: "Udgangspunkt" }).fill("8");
  await form.getByRole("button", { name: "Lav link" }).click();
  await expect(page.getByRole("textbox", { name: "Link til patienten" })).toHaveValue(/#plan=v1\./);
});

test.describe("without the worker", () => {
  // page.route does not see the requests a service worker answers.
  test.use({ serviceWorkers: "block" });
  test("when the styles of the coach and the rare screens cannot be fetched, each still opens in the plain styles, and the next screen asks again", async ({ page }) => {
    let fail = true;
    const asked = [];
    await page.route(/\/screens\.css$/, (route) => {
      asked.push(fail);
      return fail ? route.abort() : route.continue();
    });
    await page.goto("/#/");
    await expect(page.getByRole("button", { name: "5" }).first()).toBeVisible();
    // The coach's part asks for them first (after the first paint) and shows without them.
    await expect(page.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();
    const first = coachPart ? [true] : [];
    expect(asked).toEqual(first);
    await page.goto("/#/physio");
    const form = page.getByRole("form", { name: "Til fysioterapeuter" });
    await expect(form.getByRole("group", { name: "Aktivitet 1" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Prøv igen" })).toHaveCount(0);
    expect(asked).toEqual([...first, true]);
    fail = false;
    await page.goto("/#/summary");
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    await page.goto("/#/physio");
    await expect(form.getByRole("group", { name: "Aktivitet 1" })).toHaveCSS("border-top-style", "solid");
    expect(asked).toEqual([...first, true, false]);
  });
  test("a chunk that fails to load shows Prøv igen, and Prøv igen loads it", async ({ page }) => {
  await page.goto("/#/");
  await expect(page.getByRole("button", { name: "5" }).first()).toBeVisible();
  let fail = true;
  await page.route(chunk("summary"), (route) => (fail ? route.abort() : route.continue()));
  await page.goto("/#/summary");
  const again = page.getByRole("button", { name: "Prøv igen" });
  await expect(again).toBeVisible();
  const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Siden kunne ikke hentes" }) });
  await expect(alert).toContainText("Tjek forbindelsen, og prøv igen. Dine data er ikke berørt.");
  fail = false;
  await again.click();
  await expect(again).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  // The pain buttons of the today screen still work (no panic, the app lives).
  await page.goto("/#/");
  await expect(page.getByRole("button", { name: "5" }).first()).toBeEnabled();
  });

  test("the pain buttons work before the coach part arrives; a coach part that fails says so in its card", async ({ page }) => {
    test.skip(!coachPart, "the coach section is in the main module (feature split-coach off)");
    let release;
    const held = new Promise((r) => (release = r));
    let fail = false;
    await page.route(chunk("coach"), async (route) => {
      if (fail) return route.abort();
      await held;
      await route.continue();
    });
    await page.goto("/#/");
    // The coach's card and heading are there at once; its content is on its way.
    const coach = page.getByRole("region", { name: "Dine aktiviteter i dag" });
    await expect(coach).toBeVisible();
    await expect(coach.getByRole("status").filter({ hasText: /^Henter …$/ })).toBeVisible();
    // A check-in is saved while the part is held back.
    await page.getByRole("group", { name: /Smerte lige nu/ }).getByRole("button", { name: "4", exact: true }).click();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Gemt kl\. \d\d\.\d\d/ }).first()).toBeVisible();
    release();
    await expect(coach.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();

    // Next start, the part cannot be fetched: the card says so, the check-in still works.
    fail = true;
    await page.reload();
    const alert = coach.getByRole("alert").filter({ hasText: "Dine aktiviteter kunne ikke hentes lige nu." });
    await expect(alert).toContainText("Tjek forbindelsen, og prøv igen. Dine data er ikke berørt.");
    await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeVisible();
    await expect(page.getByRole("group", { name: /Smerte lige nu/ }).getByRole("button", { name: "5", exact: true })).toBeEnabled();
    fail = false;
    await alert.getByRole("button", { name: "Prøv igen" }).click();
    await expect(coach.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();
    await expect(coach.getByRole("alert").filter({ hasText: "kunne ikke hentes" })).toHaveCount(0);
  });

  test("the check-in's optional fields come with the coach's part: while it cannot be fetched they say so, the pain is saved without them, and Prøv igen brings them", async ({ page }) => {
    test.skip(!coachPart, "the optional fields are in the main module (feature split-coach off)");
    let fail = true;
    await page.route(chunk("coach"), (route) => (fail ? route.abort() : route.continue()));
    await page.goto("/#/");
    const card = page.getByRole("region", { name: "Hvordan har du det?" });
    await card.getByText("Mere (valgfrit)").click();
    const alert = card.getByRole("alert").filter({ hasText: "Felterne kunne ikke hentes lige nu." });
    await expect(alert).toContainText("Dit check-in kan gemmes uden dem.");
    // The pain scale above works meanwhile.
    await expect(card.getByRole("group", { name: /Smerte lige nu/ }).getByRole("button", { name: "6", exact: true })).toBeEnabled();
    fail = false;
    await alert.getByRole("button", { name: "Prøv igen" }).click();
    const sleep = card.getByRole("group", { name: /Hvor godt sov du/ });
    await sleep.getByRole("button", { name: "7", exact: true }).click();
    await card.getByRole("textbox", { name: /Note/ }).fill("Gik tidligt i seng");
    await card.getByRole("group", { name: /Smerte lige nu/ }).getByRole("button", { name: "6", exact: true }).click();
    await card.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Gemt kl\. \d\d\.\d\d · smerte 6/ }).first()).toBeVisible();
    await expect(card.getByRole("alert").filter({ hasText: "kunne ikke hentes" })).toHaveCount(0);
    // What was chosen is in the diary.
    await page.goto("/#/diary");
    await expect(page.getByText("Søvn 7")).toBeVisible();
    await expect(page.getByText("Gik tidligt i seng")).toBeVisible();
  });

  test("texts that fail to arrive: the today screen works, a rare screen says so, Prøv igen fetches them", async ({ page }) => {
    let fail = true;
    await page.route(/\/texts-da\.json$/, (route) => (fail ? route.abort() : route.continue()));
    await page.goto("/#/");
    await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeVisible();
    await page.getByRole("group", { name: /Smerte lige nu/ }).getByRole("button", { name: "3", exact: true }).click();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Gemt kl\. \d\d\.\d\d/ }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();
    await page.goto("/#/progress");
    const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Siden kunne ikke hentes" }) });
    await expect(alert).toContainText("Tjek forbindelsen, og prøv igen. Dine data er ikke berørt.");
    fail = false;
    await alert.getByRole("button", { name: "Prøv igen" }).click();
    await expect(page.getByRole("heading", { name: "Dine mål" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Prøv igen" })).toHaveCount(0);
  });

  test("a part that is slow to arrive shows Henter … until it is there", async ({ page }) => {
    await page.goto("/#/");
    await expect(page.getByRole("button", { name: "5" }).first()).toBeVisible();
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(chunk("check"), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/#/check");
    const wait = page.getByRole("status").filter({ hasText: /^Henter …$/ });
    // Hidden for its first 400 ms (so a cached part never flashes it), then shown.
    await expect(wait).toBeVisible();
    release();
    await expect(page.getByRole("heading", { name: "Tjek for advarselstegn" })).toBeVisible();
    await expect(wait).toHaveCount(0);
  });
});

test("offline after the first visit, every lazily loaded screen opens from the worker's cache", async ({ page, context }) => {
  await page.goto("/#/");
  await waitForController(page);
  await context.setOffline(true);
  for (const [hash, name] of [
    ["#/physio", "physio"], ["#/summary", "summary"], ["#/progress", "progress"], ["#/learn", "learn"],
    ["#/welcome", "welcome"], ["#/check", "check"], ["#/more", "more"], ["#/diary", "diary"],
  ]) {
    await page.goto(`/${hash}`);
    await expect(page.locator("main#main > *").first(), name).toBeVisible();
    await expect(page.getByRole("button", { name: "Prøv igen" }), name).toHaveCount(0);
  }
});

test("a patient who reads English: the texts arrive before the first screen, every screen reads English offline, and Danish comes back", async ({ page, context }) => {
  await page.goto("/#/");
  await expect(page.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();
  await waitForController(page);
  await switchLanguage(page);
  await expect(page.getByRole("heading", { name: "How are you doing?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "This is a bad day" })).toBeVisible();

  // The next start is offline: English from the first screen, from the worker's cache.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "How are you doing?" })).toBeVisible();
  await expect(page.getByRole("group", { name: /Pain right now/ }).getByRole("button", { name: "5", exact: true })).toBeEnabled();
  await expect(page.getByRole("button", { name: "This is a bad day" })).toBeVisible();
  for (const [hash, heading] of [
    ["#/progress", "How is it going over time?"],
    ["#/progress", "Your goals"],
    ["#/physio", "For physiotherapists"],
    ["#/more", "Language"],
    ["#/check", "Check for warning signs"],
  ]) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole("heading", { name: heading }), hash).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);

  // Back to Danish, still offline: the Danish texts of "Mere" and the rest come from the cache.
  await page.goto("/#/more");
  await page.getByRole("button", { name: "Skift til dansk" }).click();
  await expect(page.getByRole("heading", { name: "Sprog" })).toBeVisible();
  await page.goto("/#/progress");
  await expect(page.getByRole("heading", { name: "Dine mål" })).toBeVisible();
  await page.goto("/#/");
  await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Det er en dårlig dag" })).toBeVisible();
});

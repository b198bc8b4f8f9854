// Moving to a new phone (issue 11): a full diary (5 weeks of check-ins, 3 activities with
// sessions, chosen conditions, a SMART goal, 5 weekly reviews, a warning sign ticked and
// cleared) is backed up, then restored in a new browser with "Erstat" and in another with
// "Flet". The today, progress, check and summary screens must read the same there as on
// the old phone, word for word. Everything the patient does is done by role and name.
import fs from "node:fs";
import { test, expect, expectNoAxeViolations, noHorizontalScroll, APP_ORIGIN } from "./fixtures.mjs";

const START = "2026-10-19"; // a Monday; 35 days of history up to Sunday 22 November
const TODAY = "2026-11-23T10:00:00+01:00";
const ACTIVITIES = [
  ["walk", "Gåtur", "minutes", 10000],
  ["bike", "Cykling", "km", 2500],
  ["squat", "Knæbøjninger", "repetitions", 8000],
];

/** Month documents: a check-in every day at 09:00, a session every other day at 17:00
 * (the three activities in turn), each answered "okay later" the next morning. */
function history() {
  const months = {};
  const d = new Date(`${START}T12:00:00Z`);
  for (let i = 0; i < 35; i++) {
    const month = d.toISOString().slice(0, 7);
    const day = d.getUTCDate();
    const doc = (months[month] ??= { entries: [], sessions: [] });
    const base = (day - 1) * 86400;
    doc.entries.push([`c${i}`, base + 9 * 3600, 60, 6 - Math.floor(i / 10), 5, 4, 5, "lb"]);
    if (i % 2 === 0) {
      const [id, , , amount] = ACTIVITIES[(i / 2) % 3];
      doc.sessions.push([`s${i}`, id, day, base + 17 * 3600, 60, amount, 2, 1, 1, base + 86400 + 8 * 3600, 60]);
    }
    d.setUTCDate(day + 1);
  }
  const docs = {};
  let sessions = 0;
  for (const [month, { entries, sessions: s }] of Object.entries(months)) {
    sessions += s.length;
    docs[`trinvis.checkins.${month}`] = JSON.stringify({
      kind: "trinvis.checkins", schema_version: 2, app_version: "0.2.0", month, entries, sessions: s,
    });
  }
  docs["trinvis.activities"] = JSON.stringify({
    kind: "trinvis.activities", schema_version: 2, app_version: "0.2.0",
    activities: ACTIVITIES.map(([id, name, unit, baseline]) => ({ id, name, unit, baseline, per_week: 3, plan_b: "fraction", created: [1792400000, 120] })),
  });
  // The first visit was done with two conditions chosen (the welcome is another test's).
  docs["trinvis.profile"] = JSON.stringify({
    kind: "trinvis.profile", schema_version: 1, app_version: "0.2.0", conditions: ["sciatica", "low-back-pain"], first_visit_done: true,
  });
  return { docs, sessions };
}

async function seed(page, docs) {
  await page.addInitScript((docs) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    for (const [k, v] of Object.entries(docs)) localStorage.setItem(k, v);
  }, docs);
}

async function at(page, when, route) {
  await page.clock.setFixedTime(new Date(when));
  await page.goto(`/${route}`);
  await page.reload();
}

function nav(page, name) {
  return page.getByRole("navigation").getByRole("link", { name, exact: true });
}

/** Answers the week's review on the progress screen. */
async function answerReview(page, when, answer) {
  await at(page, when, "#/progress");
  const review = page.getByRole("region", { name: "Ugentlig opfølgning" });
  const b = review.getByRole("group", { name: "Smerten", exact: true }).getByRole("button", { name: answer, exact: true });
  await b.click();
  await expect(b).toHaveAttribute("aria-pressed", "true");
  await review.getByRole("button", { name: "Gem ugens svar" }).click();
  await expect(review.getByRole("status")).toHaveText("Tak. Dine svar er gemt.");
}

async function setGoal(page) {
  await at(page, TODAY, "#/progress");
  const goals = page.getByRole("region", { name: "Dine mål" });
  await goals.getByText("Sæt et nyt mål", { exact: true }).click();
  const form = goals.getByRole("form", { name: "Sæt et nyt mål" });
  await form.getByRole("combobox", { name: "Hvad vil du gerne kunne gøre mere af?" }).selectOption({ label: "Gåtur" });
  await form.getByRole("textbox", { name: "Hvad forhindrer smerten dig i nu?" }).fill("Gå til bageren med børnebørnene");
  await form.getByRole("textbox", { name: "Hvor meget vil du kunne?" }).fill("30");
  await form.getByRole("textbox", { name: "Hvorfor betyder det noget for dig?" }).fill("Så kan jeg hente rundstykker");
  await form.getByLabel("Hvornår vil du have nået det?").fill("2027-02-15");
  await form.getByRole("group", { name: "Hvor sikker er du på at nå målet?" }).getByRole("button", { name: "8", exact: true }).click();
  await form.getByRole("button", { name: "Gem målet" }).click();
  await expect(goals.getByRole("status")).toHaveText("Målet er gemt.");
}

/** Ticks the accident sign on the check screen, then clears it. */
async function tickAndClear(page) {
  await at(page, TODAY, "#/check");
  const sign = page.getByRole("group", { name: /ulykke/ });
  await sign.getByRole("button", { name: "Ja" }).click();
  await sign.getByRole("button", { name: "Det er gået over" }).click();
  await expect(sign.getByText("Du har sagt, at det er gået over.")).toBeVisible();
}

/** What the patient reads on each screen, as text. */
async function screens(page) {
  const out = {};
  for (const [name, route] of [["today", "#/"], ["progress", "#/progress"], ["check", "#/check"], ["summary", "#/summary"]]) {
    await at(page, TODAY, route);
    const main = page.locator("main");
    await expect(main).toBeVisible();
    // The screen is drawn when its first heading is.
    await expect(main.getByRole("heading").first()).toBeVisible();
    // The today screen's activities arrive a moment after its first paint (their own part).
    if (name === "today") await expect(main.getByText("Tilføj en aktivitet", { exact: true })).toBeVisible();
    out[name] = (await main.innerText()).replace(/[ \t]+/g, " ").trim();
  }
  return out;
}

async function newPhone(browser) {
  const context = await browser.newContext({ baseURL: APP_ORIGIN, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto("/#/more");
  return { context, page };
}

function dataPanel(page) {
  return page.getByRole("region", { name: "Dine data" });
}

test("a full diary moves to a new phone with Erstat and with Flet, and every screen reads the same", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { docs, sessions } = history();
  await seed(page, docs);
  for (const [i, when] of ["2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"].entries()) {
    await answerReview(page, `${when}T18:00:00+01:00`, i % 2 ? "Uændret" : "Bedre");
  }
  await setGoal(page);
  await tickAndClear(page);
  await at(page, TODAY, "#/");
  const painNow = page.getByRole("group", { name: /Smerte lige nu/ });
  await painNow.getByRole("button", { name: "3", exact: true }).click();
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Gemt kl\./ }).first()).toBeVisible();

  await page.goto("/#/more");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    dataPanel(page).getByRole("button", { name: "Hent sikkerhedskopi" }).click(),
  ]);
  const path = await file.path();
  await expect(dataPanel(page).getByText(/^Sikkerhedskopien er hentet\./)).toBeVisible();
  const json = JSON.parse(fs.readFileSync(path, "utf8"));
  for (const key of ["trinvis.settings", "trinvis.activities", "trinvis.profile", "trinvis.goals", "trinvis.reviews"]) {
    expect(Object.keys(json.documents), key).toContain(key);
  }
  const before = await screens(page);
  expect(before.summary).toContain("Gå til bageren med børnebørnene");
  expect(before.summary).not.toContain("Ingen mål");

  for (const mode of ["Erstat", "Flet"]) {
    const phone = await newPhone(browser);
    const p2 = phone.page;
    await dataPanel(p2).getByLabel("Vælg en sikkerhedskopi").setInputFiles(path);
    const preview = dataPanel(p2).getByRole("group", { name: "Det er der i filen" });
    await expect(preview.getByText(
      `Filen indeholder 36 check-ins, ${sessions} træninger, 3 aktiviteter, 1 mål, 5 ugentlige opfølgninger, dine valgte tilstande og tjek for advarselstegn.`,
    )).toBeVisible();
    await expect(preview.getByText(/ældre version/)).toHaveCount(0);
    await preview.getByRole("button", { name: mode }).click();
    await expect(dataPanel(p2).getByText("Færdig. Sikkerhedskopien er lagt ind.")).toBeVisible();
    const after = await screens(p2);
    for (const name of Object.keys(before)) {
      expect(after[name], `${mode}: ${name} screen`).toBe(before[name]);
    }
    await phone.context.close();
  }
});

test("a backup from the release before the register imports with a note that it holds no goals", async ({ page }, testInfo) => {
  const { docs } = history();
  const documents = {};
  for (const [k, v] of Object.entries(docs)) if (k !== "trinvis.profile") documents[k] = JSON.parse(v);
  const old = testInfo.outputPath("old-backup.json");
  fs.writeFileSync(old, JSON.stringify({ kind: "trinvis-backup", schema_version: 1, app_version: "0.1.0", exported_at: "2026-11-22T20:00:00+01:00", documents }));
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto("/#/more");
  await dataPanel(page).getByLabel("Vælg en sikkerhedskopi").setInputFiles(old);
  const preview = dataPanel(page).getByRole("group", { name: "Det er der i filen" });
  await expect(preview.getByText(/^Filen indeholder 35 check-ins, \d+ træninger, 3 aktiviteter, 0 mål og 0 ugentlige opfølgninger\.$/)).toBeVisible();
  await expect(preview.getByText(
    "Filen er lavet af en ældre version af Trinvis. Den indeholder ikke dine mål, dine ugentlige opfølgninger, dine valgte tilstande og dit tjek for advarselstegn. Vælg Flet for at beholde dem, du har her.",
  )).toBeVisible();
  await expectNoAxeViolations(page, "import preview of an older file");
  await page.setViewportSize({ width: 320, height: 800 });
  await noHorizontalScroll(page);
  await preview.getByRole("button", { name: "Flet" }).click();
  await expect(dataPanel(page).getByText("Færdig. Sikkerhedskopien er lagt ind.")).toBeVisible();
  await nav(page, "Fremgang").click();
  await expect(page.getByRole("region", { name: "Dine mål" })).toBeVisible();
});

test("a backup made while a document is from a newer version says what it lacks", async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("trinvis.goals", JSON.stringify({ kind: "trinvis.goals", schema_version: 9, goals: [] }));
  });
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto("/#/more");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    dataPanel(page).getByRole("button", { name: "Hent sikkerhedskopi" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("trinvis-backup-2026-11-23.json");
  await expect(dataPanel(page).getByText(
    "Sikkerhedskopien er hentet, men den mangler dine mål (gemt af en nyere version af Trinvis). Hent en kopi af mine data under Dine data, så alt er gemt.",
  )).toBeVisible();
  await expect(dataPanel(page).getByText(/^Sikkerhedskopien er hentet\. Gem filen/)).toHaveCount(0);
});

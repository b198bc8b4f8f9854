// The app shell (issue 13) as a patient meets it on a phone: a slim top bar with the
// shield, four tabs at the bottom, today's check-in inside the first screen with six weeks
// of data, a check-in in two taps, errors next to their field, "Mere", the welcome's one
// primary button per step, and the manifest.
import { test, expect, expectNoAxeViolations, noHorizontalScroll, switchLanguage } from "./fixtures.mjs";
import { TodayPage, tab, tabs } from "./pages/today.mjs";
import { realisticDocs, seedOnce } from "./pages/seed.mjs";

const NOW = "2026-11-23T08:30:00+01:00";

/** Top and bottom (px, page coordinates) of a locator's box. */
async function box(locator) {
  const b = await locator.boundingBox();
  return { top: b.y, bottom: b.y + b.height };
}

/** Opens today with six weeks of data at the given size. */
async function openWithData(page, width, height) {
  await page.setViewportSize({ width, height });
  await seedOnce(page, realisticDocs());
  const today = new TodayPage(page);
  await today.open(NOW);
  return today;
}

for (const [width, height] of [[390, 844], [320, 640]]) {
  test(`with six weeks of data the pain buttons and "Gem" are in the first screen at ${width}x${height}: a check-in in 2 taps, no scroll`, async ({ page }) => {
    const today = await openWithData(page, width, height);
    // The backup reminder and yesterday's "okay later?" show, and still nothing sits above
    // the check-in's buttons.
    await expect(page.getByRole("region", { name: "Tid til en sikkerhedskopi" })).toBeVisible();
    await expect(page.getByRole("group", { name: /Okay senere\?/ }).first()).toBeVisible();
    const bar = await box(tabs(page));
    expect(bar.bottom).toBeLessThanOrEqual(height + 1);
    const ten = await box(today.painButton(10));
    const save = await box(page.getByRole("button", { name: "Gem", exact: true }));
    expect(ten.bottom, "the last pain button is above the tab bar").toBeLessThanOrEqual(bar.top);
    expect(save.bottom, "Gem is above the tab bar").toBeLessThanOrEqual(bar.top);
    await noHorizontalScroll(page);
    // Two taps from opening, no scroll: a score, then "Gem".
    await today.painButton(4).click();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(today.status()).toHaveText("✓ Gemt kl. 08.30 · smerte 4");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  // Three activities, each with yesterday's "okay later?" waiting in its row, and the
  // backup reminder: still at most two screens.
  test(`today is at most 2 screens long with six weeks of data at ${width}x${height}`, async ({ page }) => {
    await openWithData(page, width, height);
    const coach = page.getByRole("region", { name: "Dine aktiviteter i dag" });
    await expect(coach.getByRole("article")).toHaveCount(3);
    await expect(coach.getByRole("group", { name: /Okay senere\?/ })).toHaveCount(3);
    await expect(page.getByRole("region", { name: "Tid til en sikkerhedskopi" })).toBeVisible();
    await noHorizontalScroll(page);
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeLessThanOrEqual(2 * height);
  });
}

test("the top bar is slim with a shield to the check; four tabs mark the current screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const today = new TodayPage(page);
  await today.open(NOW);
  const banner = page.getByRole("banner");
  expect((await banner.boundingBox()).height).toBeLessThanOrEqual(60);
  await expect(tabs(page).getByRole("link")).toHaveText(["I dag", "Fremgang", "Lær", "Mere"]);
  await expect(tabs(page).getByRole("link", { name: "I dag" })).toHaveAttribute("aria-current", "page");
  await tab(page, "Lær");
  await expect(tabs(page).getByRole("link", { name: "Lær" })).toHaveAttribute("aria-current", "page");
  await expect(tabs(page).getByRole("link", { name: "I dag" })).not.toHaveAttribute("aria-current", "page");
  await banner.getByRole("link", { name: "Tjek for advarselstegn" }).click();
  await expect(page.getByRole("heading", { name: "Tjek for advarselstegn", level: 2 })).toBeVisible();
  await expect(banner.getByRole("link", { name: "Tjek for advarselstegn" })).toHaveAttribute("aria-current", "page");
  // The language is under "Mere", with "Dine data", the diary, the summary, the physio page
  // and the welcome.
  await expect(banner.getByRole("button", { name: "Switch to English" })).toHaveCount(0);
  await tab(page, "Mere");
  await expect(tabs(page).getByRole("link", { name: "Mere" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Dine data" })).toBeVisible();
  for (const name of ["Dine check-ins, dag for dag", "Oversigt til din fysioterapeut", "Til fysioterapeuter: lav en plan", "Se velkomsten igen"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(tabs(page).getByRole("link")).toHaveText(["Today", "Progress", "Learn", "More"]);
  await expectNoAxeViolations(page, "more en");
  // The welcome hides the tabs; the language is in the top bar there.
  await page.getByRole("link", { name: "See the welcome again" }).click();
  await expect(tabs(page)).toHaveCount(0);
  await expect(banner.getByRole("button", { name: "Skift til dansk" })).toBeVisible();
});

test("the header is dark in dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const today = new TodayPage(page);
  await today.open(NOW);
  const bg = await page.getByRole("banner").evaluate((e) => getComputedStyle(e).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  expect(r + g + b, `header background ${bg}`).toBeLessThan(120);
});

test("an error sits next to its field, takes the focus and goes on the next choice; a save leaves one line with Ret", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open(NOW);
  await today.save();
  const error = today.painGroup().getByRole("alert");
  await expect(error).toHaveText("Vælg først, hvor ondt det gør lige nu (0 til 10).");
  const errorId = await error.getAttribute("id");
  await expect(today.painGroup()).toHaveAttribute("aria-describedby", new RegExp(`\\b${errorId}\\b`));
  await expect(today.painButton(0)).toBeFocused();
  await today.painButton(3).click();
  await expect(error).toHaveCount(0);
  await today.save();
  await expect(today.status()).toHaveText("✓ Gemt kl. 08.30 · smerte 3");
  // "Ret" opens the same check-in again; nothing was inserted above it.
  await page.getByRole("button", { name: "Ret det check-in, du lige har gemt" }).click();
  await expect(page.getByText("I dag 08.30: Du retter dette check-in.")).toBeVisible();
  await expect(today.painButton(3)).toHaveAttribute("aria-pressed", "true");
  await today.painButton(5).click();
  await today.save("Gem ændringer");
  await expect(today.status()).toHaveText("✓ Ændringen er gemt · smerte 5");
  await today.openDiary();
  await expect(today.recent().getByText(/^Smerte \d$/)).toHaveText(["Smerte 5"]);
});

test("the diary keeps Ret and Slet in one menu per check-in", async ({ page }) => {
  await seedOnce(page, realisticDocs());
  const today = new TodayPage(page);
  await today.open(NOW);
  await today.openDiary();
  const menu = page.getByLabel("Flere valg: I går, 20.15", { exact: true });
  await expect(page.getByRole("button", { name: "Ret check-in: I går, 20.15" })).toBeHidden();
  await menu.click();
  await expect(page.getByRole("button", { name: "Ret check-in: I går, 20.15" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Slet check-in: I går, 20.15" })).toBeVisible();
  await expectNoAxeViolations(page, "diary");
  // "Ret" opens the check-in in the form above the list, scrolled so that the line that
  // says which check-in is being changed is in sight below the top bar, not under it.
  await page.getByRole("button", { name: "Ret check-in: I går, 20.15" }).click();
  const notice = page.getByText("I går 20.15: Du retter dette check-in.");
  await expect(notice).toBeInViewport();
  const bar = await page.getByRole("banner").boundingBox();
  const line = await notice.boundingBox();
  expect(line.y).toBeGreaterThanOrEqual(bar.y + bar.height);
});

test("welcome: one primary button per step that saves it, and a visible Spring over", async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Velkommen til Trinvis" })).toBeVisible();
  await expect(tabs(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Næste" }).click();
  for (let step = 2; step <= 5; step++) {
    await expect(page.getByText(`Trin ${step} af 5`)).toBeVisible();
    await expect(page.locator("section.welcome button.primary").filter({ visible: true })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Spring over" })).toBeVisible();
    if (step === 4) {
      await new TodayPage(page).choosePain(6);
      await page.getByRole("button", { name: "Gem og fortsæt" }).click();
    } else if (step < 4) {
      await page.getByRole("button", { name: "Gem og fortsæt" }).click();
    }
  }
  // The score chosen on step 4 was saved by its button.
  const months = await new TodayPage(page).storedMonths();
  expect(months).toHaveLength(1);
  expect(months[0][1]).toContain(",6]");
  await page.getByRole("button", { name: "Spring over" }).click();
  await expect(tabs(page)).toBeVisible();
});

test("the manifest has a dark theme colour, a maskable 192 px icon and a Nyt check-in shortcut", async ({ page }) => {
  await page.goto("/#/");
  const manifest = await page.evaluate(() => fetch("manifest.webmanifest").then((r) => r.json()));
  expect(manifest.theme_color).toBe("#0b1110");
  const maskable = manifest.icons.find((i) => i.purpose === "maskable" && i.sizes === "192x192");
  expect(maskable).toBeTruthy();
  const icon = await page.evaluate((src) => fetch(src).then((r) => r.status), maskable.src);
  expect(icon).toBe(200);
  expect(manifest.shortcuts.map((s) => s.name)).toEqual(["Nyt check-in"]);
});

for (const scheme of ["light", "dark"]) {
  test(`today with six weeks of data is axe clean (${scheme}, 320 px)`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.emulateMedia({ colorScheme: scheme });
    await seedOnce(page, realisticDocs());
    const today = new TodayPage(page);
    await today.open(NOW);
    await expectNoAxeViolations(page, `today ${scheme}`);
    await tab(page, "Mere");
    await noHorizontalScroll(page);
    await expectNoAxeViolations(page, `more ${scheme}`);
  });
}

/** Number of pages in a PDF made by Chromium. */
function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}

for (const [weeks, activities, period] of [[5, 3, "4 uger"], [12, 6, "12 uger"]]) {
  test(`the summary prints on exactly one A4 page with ${weeks} weeks and ${activities} activities, in Danish and English`, async ({ page }) => {
    test.setTimeout(90_000);
    await seedOnce(page, realisticDocs({ weeks, activities, clearedSign: true }));
    const today = new TodayPage(page);
    await today.open(NOW);
    await tab(page, "Mere");
    await page.getByRole("link", { name: "Oversigt til din fysioterapeut" }).click();
    const summary = page.getByRole("region", { name: "Oversigt til din fysioterapeut" });
    await summary.getByRole("button", { name: period }).click();
    await expect(summary.getByText(/^Navn:/)).toBeVisible();
    await expect(summary.getByText("Advarselstegn, patienten har svaret ja til")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    expect(pdfPages(await page.pdf({ format: "A4" })), "Danish").toBe(1);
    await page.emulateMedia({ media: "screen" });
    await switchLanguage(page);
    const en = page.getByRole("region", { name: "Summary for your physiotherapist" });
    await en.getByRole("button", { name: period.replace("uger", "weeks") }).click();
    await page.emulateMedia({ media: "print" });
    expect(pdfPages(await page.pdf({ format: "A4" })), "English").toBe(1);
  });
}

test("the summary says when the check found no warning sign, and when it was never taken", async ({ page }) => {
  await seedOnce(page, realisticDocs());
  const today = new TodayPage(page);
  await today.open(NOW);
  await page.goto("/#/summary");
  await expect(page.getByText("Advarselstegn: tjekket 12.10.2026: ingen")).toBeVisible();
  await page.evaluate(() => {
    const p = JSON.parse(localStorage.getItem("trinvis.profile"));
    delete p.answers;
    delete p.answered;
    localStorage.setItem("trinvis.profile", JSON.stringify(p));
  });
  await page.reload();
  await expect(page.getByText("Advarselstegn: ikke tjekket endnu")).toBeVisible();
});

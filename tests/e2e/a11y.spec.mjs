// Accessibility: axe in both languages and both colour schemes, 320 px, touch targets,
// keyboard use.
import { test, expect, expectNoAxeViolations, noHorizontalScroll, switchLanguage } from "./fixtures.mjs";
import { TodayPage } from "./pages/today.mjs";
import { Coach } from "./pages/coach.mjs";

// A check-in, an activity with its ladder, and yesterday's session waiting for "okay later?".
async function withData(page) {
  const coach = new Coach(page);
  await coach.today.open("2026-11-22T10:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "10", goal: "30" });
  await coach.logSession("Gåtur", { pain: 2, okayNow: true });
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:00:00+01:00");
  await expect(coach.section().getByRole("group", { name: /Okay senere\?/ })).toBeVisible();
  await today.checkIn(4, { note: "En god dag" });
  return today;
}

// Opens every closed part of the page so axe and the size checks see it all.
async function openAll(page) {
  const closed = page.locator("details:not([open]) > summary").filter({ visible: true });
  for (let i = 0; i < 50 && (await closed.count()) > 0; i++) await closed.first().click();
  await expect(closed).toHaveCount(0);
}

for (const scheme of ["light", "dark"]) {
  for (const lang of ["da", "en"]) {
    test(`axe finds no serious violation (${lang}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await withData(page);
      if (lang === "en") await switchLanguage(page);
      await openAll(page);
      await expectNoAxeViolations(page, `${lang} ${scheme}`);
    });
  }
}

test("at 320 px nothing scrolls sideways and every button is at least 44 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await withData(page);
  await openAll(page);
  await noHorizontalScroll(page);
  const small = await page.getByRole("button").evaluateAll((els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ name: e.textContent.trim(), ...e.getBoundingClientRect().toJSON() }))
      .filter((r) => r.width < 44 || r.height < 44),
  );
  expect(small).toEqual([]);
});

test("a check-in can be made with the keyboard alone", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:00:00+01:00");
  await today.painButton(6).focus();
  await page.keyboard.press("Enter");
  await expect(today.painButton(6)).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Gem", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(today.status()).toHaveText(/Gemt kl\. 10\.00/);
});

test("print shows the diary without the form, the tabs or buttons", async ({ page }) => {
  const today = await withData(page);
  await page.getByRole("button", { name: "Nyt check-in" }).click();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Gem", exact: true })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeVisible();
  await today.openDiary();
  await page.emulateMedia({ media: "print" });
  await expect(today.recent().getByText("Smerte 4")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Trinvis", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeHidden();
  await expect(page.getByLabel("Flere valg: I dag, 10.00")).toBeHidden();
});

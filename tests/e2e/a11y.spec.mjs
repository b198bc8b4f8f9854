// Accessibility: axe in both languages and both colour schemes, 320 px, touch targets,
// keyboard use.
import { test, expect, expectNoAxeViolations, noHorizontalScroll } from "./fixtures.mjs";
import { TodayPage } from "./pages/today.mjs";

async function withData(page) {
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:00:00+01:00");
  await today.checkIn(4, { note: "En god dag" });
  return today;
}

for (const scheme of ["light", "dark"]) {
  for (const lang of ["da", "en"]) {
    test(`axe finds no serious violation (${lang}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await withData(page);
      if (lang === "en") await page.getByRole("button", { name: "Switch to English" }).click();
      await page.getByText(/Mere, hvis du har lyst|More, if you like/).click();
      await expectNoAxeViolations(page, `${lang} ${scheme}`);
    });
  }
}

test("at 320 px nothing scrolls sideways and every button is at least 44 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const today = await withData(page);
  await today.openMore();
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

test("print shows the diary without the form or buttons", async ({ page }) => {
  const today = await withData(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Gem", exact: true })).toBeHidden();
  await expect(today.recent().getByText("Smerte 4")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Trinvis", level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("heading", { name: "Hvordan har du det?" })).toBeVisible();
});

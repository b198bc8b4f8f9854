// The one-page summary for the physiotherapist: what it shows, and that it prints on one A4
// page in Danish and in English.
import { test, expect, expectNoAxeViolations, switchLanguage } from "./fixtures.mjs";
import { TodayPage, tab } from "./pages/today.mjs";
import { Coach } from "./pages/coach.mjs";

/** Check-ins on ten days, an activity with three sessions, and a ticked warning sign. */
async function withHistory(page) {
  const coach = new Coach(page);
  for (let day = 10; day <= 19; day++) {
    await coach.today.open(`2026-11-${day}T09:00:00+01:00`);
    await coach.today.checkIn(day < 17 ? 6 : 4, { note: "<script>alert(1)</script>" });
    if (day === 10) await coach.addActivity({ name: "Gåtur", baseline: "10", goal: "30" });
    if (day >= 17) await coach.logSession("Gåtur", { pain: 2, okayNow: true });
  }
  await coach.today.open("2026-11-20T09:00:00+01:00");
  await coach.answerOkayLater(/I går: Gåtur, 10 minutter/, true);
  await page.goto("/#/check");
  await page.getByRole("group", { name: /ulykke/ }).getByRole("button", { name: "Ja" }).click();
}

/** Number of pages in a PDF made by Chromium. */
function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test("the summary shows the period, warning signs, pain, activities and prints on one A4 page in both languages", async ({ page }) => {
  test.setTimeout(90_000);
  await withHistory(page);
  await tab(page, "Mere");
  await page.getByRole("link", { name: "Oversigt til din fysioterapeut" }).click();
  const summary = page.getByRole("region", { name: "Oversigt til din fysioterapeut" });
  await expect(summary.getByText(/^Periode: .+ – .+2026$/)).toBeVisible();
  await expect(summary.getByText("Advarselstegn, patienten har svaret ja til")).toBeVisible();
  await expect(summary.getByText(/Begyndte smerterne med et fald/)).toBeVisible();
  await expect(summary.getByRole("img").first()).toBeVisible();
  const row = summary.getByRole("row", { name: /Gåtur/ });
  // Start | Nu | Mål | Gjort | Ja + ja | Nej.
  await expect(row.getByRole("cell")).toHaveText(["10", "10", "30", "3", "1", "0"]);
  await expect(summary.getByText("Udgangspunkt", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "summary da");
  // The period can be chosen.
  await summary.getByRole("button", { name: "12 uger" }).click();
  await expect(summary.getByRole("button", { name: "12 uger" })).toHaveAttribute("aria-pressed", "true");

  await page.emulateMedia({ media: "print" });
  await expect(summary.getByRole("button", { name: "Print eller gem som PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeHidden();
  expect(pdfPages(await page.pdf({ format: "A4" }))).toBe(1);

  await page.emulateMedia({ media: "screen" });
  await switchLanguage(page);
  const en = page.getByRole("region", { name: "Summary for your physiotherapist" });
  await expect(en.getByText("Warning signs the patient answered yes to")).toBeVisible();
  await expectNoAxeViolations(page, "summary en");
  await page.emulateMedia({ media: "print" });
  expect(pdfPages(await page.pdf({ format: "A4" }))).toBe(1);
});

// The progress screen as a patient uses it: a SMART goal with the realistic check, the
// responder rule after weeks of check-ins, the charts with their text and tables, the
// weekly review, and accessibility in both languages and themes. Storage is seeded with
// month documents (ARCHITECTURE.md, Storage layout) so weeks of diary take no time.
import { test, expect, expectNoAxeViolations, noHorizontalScroll, switchLanguage } from "./fixtures.mjs";
import { ProgressPage, diaryDocs, WALK } from "./pages/progress.mjs";

const SUNDAY = "2026-11-22T20:00:00+01:00";

// Six weeks ending today: a baseline week at 6, then pain falling to 3 in the last week.
const FALLING = [
  ...Array(7).fill(6),
  ...Array(7).fill(5), ...Array(7).fill(5), ...Array(7).fill(4), ...Array(7).fill(4),
  ...Array(7).fill(3),
];

test("a goal with confidence 5 gets a smaller goal in one tap, and shows its progress", async ({ page }) => {
  const p = new ProgressPage(page);
  await p.seed({ "trinvis.activities": WALK });
  await p.open("2026-11-23T10:00:00+01:00");
  const form = p.goalForm();
  await p.goals().getByText("Sæt et nyt mål", { exact: true }).click();
  await expect(form.getByText(/Hvad forhindrer smerten mig i\?/)).toBeVisible();

  // Nothing filled in: the first problem, in plain words.
  await form.getByRole("button", { name: "Gem målet" }).click();
  await expect(form.getByRole("alert")).toHaveText("Vælg den aktivitet, målet handler om.");

  await form.getByRole("combobox", { name: "Hvad vil du gerne kunne gøre mere af?" }).selectOption({ label: "Gåtur" });
  await form.getByRole("textbox", { name: "Hvad forhindrer smerten dig i nu?" }).fill("Gå til bageren med børnebørnene");
  await form.getByRole("textbox", { name: "Hvor meget vil du kunne?" }).fill("30");
  await form.getByRole("textbox", { name: "Hvorfor betyder det noget for dig?" }).fill("Så kan jeg hente rundstykker");
  await form.getByLabel("Hvornår vil du have nået det?").fill("2027-01-15");
  await form.getByRole("group", { name: "Hvor sikker er du på at nå målet?" }).getByRole("button", { name: "5", exact: true }).click();

  // Below 7: a smaller goal and more time, each one tap.
  await expect(form.getByText(/Et mål, du tror på, er lettere at nå/)).toBeVisible();
  const smaller = form.getByRole("button", { name: /^Mindre mål: \d+ minutter$/ });
  await expect(form.getByRole("button", { name: /^Mere tid: til / })).toBeVisible();
  const label = await smaller.textContent();
  const amount = label.match(/(\d+) minutter/)[1];
  await smaller.click();
  await expect(form.getByRole("textbox", { name: "Hvor meget vil du kunne?" })).toHaveValue(amount);
  await expect(p.goals().getByRole("status")).toHaveText(`Målet er nu ${amount} minutter.`);

  // Too soon a date is refused with a clear sentence.
  await form.getByLabel("Hvornår vil du have nået det?").fill("2026-11-25");
  await form.getByRole("button", { name: "Gem målet" }).click();
  await expect(form.getByRole("alert")).toHaveText(/mindst 7 dage frem/);
  await form.getByLabel("Hvornår vil du have nået det?").fill("2027-01-15");
  await form.getByRole("button", { name: "Gem målet" }).click();
  await expect(p.goals().getByRole("status")).toHaveText("Målet er gemt.");

  const card = p.goals().getByRole("article", { name: "Gåtur: Gå til bageren med børnebørnene" });
  await expect(card.getByText(`Start: 10 minutter. Nu: 10 minutter. Mål: ${amount} minutter senest fredag 15. januar 2027.`)).toBeVisible();
  await expect(card.getByText(/Trin tilbage på trappen: \d+\./)).toBeVisible();
  await expect(card.getByText(/Det er for tidligt at sige/)).toBeVisible();
  // The amount chart draws the goal.
  await expect(p.chart("Mængde: Gåtur, i minutter")).toBeVisible();

  // Put away: kept in the history.
  await card.getByRole("button", { name: "Læg målet til side" }).click();
  await expect(p.goals().getByRole("status")).toHaveText(/Målet er lagt til side/);
  await expect(card).toHaveCount(0);
  await p.goals().getByText("Tidligere mål", { exact: true }).click();
  await expect(p.goals().getByRole("listitem").filter({ hasText: /lagt til side mandag 23\. november 2026/ })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("trinvis.goals")));
  expect(stored.goals[0]).toMatchObject({ activity: "walk", confidence: 5, due: "2027-01-15", dropped: "2026-11-23" });
});

test("six weeks of check-ins that fall by 3 points: a meaningful improvement, charts with text and tables", async ({ page }) => {
  const p = new ProgressPage(page);
  await p.seed(diaryDocs("2026-10-12", FALLING));
  await p.open(SUNDAY);
  await expect(p.responder()).toContainText("Din smerte er 3,0 point lavere end ved start (cirka 50 %): i gennemsnit fra 6,0 til 3,0. Det er en mærkbar bedring.");
  await expect(p.responder()).toContainText("Mere behandling er ikke automatisk bedre");

  const pain = p.chart("Smerte pr. dag");
  await expect(pain).toBeVisible();
  // The first card answers "is it getting better?" from the responder's own numbers.
  await expect(page.getByRole("region", { name: "Bliver det bedre?" })).toContainText("Smerten er faldet 3,0 point (50 %) siden start: 6,0 → 3,0");
  // Since the start by default, from the same baseline as the responder card.
  await expect(p.charts().getByText(/^Gennemsnitlig smerte faldt fra 6,0 til 3,0 over 6 uger$/)).toBeVisible();
  await p.range("4 uger");
  await expect(p.charts().getByText(/^Gennemsnitlig smerte faldt fra 5,0 til 3,0 over 4 uger$/)).toBeVisible();
  await p.range("Alt");
  // The table equivalent, a real table with a caption.
  await p.charts().getByText("Vis som tabel").first().click();
  const table = p.charts().getByRole("table", { name: "Smerte pr. dag" });
  await expect(table.getByRole("columnheader", { name: "Smerte" })).toBeVisible();
  expect(await table.getByRole("row").count()).toBeGreaterThan(2);
  await expect(p.charts().getByText("Ingen svar om bedring i perioden")).toBeVisible();
});

test("five flat weeks: the tailored-plan suggestion, without blame", async ({ page }) => {
  const p = new ProgressPage(page);
  await p.seed(diaryDocs("2026-10-19", Array(35).fill(5)));
  await p.open(SUNDAY);
  await expect(p.responder()).toContainText("Efter 4 uger er din smerte den samme som ved start.");
  await expect(p.responder()).toContainText("Det er ikke din skyld.");
  await expect(p.responder()).toContainText("Tal med din fysioterapeut om en plan, der er lagt til rette for netop dig.");
  await expect(p.charts().getByText(/^Gennemsnitlig smerte lå stabilt omkring 5,0/)).toBeVisible();
});

test("a new diary explains the missing starting point kindly", async ({ page }) => {
  const p = new ProgressPage(page);
  await p.open(SUNDAY);
  await expect(p.responder()).toContainText("Tjek ind på 7 dage mere.");
  await expect(p.goals().getByText(/Tilføj først en aktivitet under I dag/)).toBeVisible();
  await expect(p.charts().getByText("Ingen check-ins i perioden")).toBeVisible();
});

test("the weekly review is answered once a week and shown over time", async ({ page }) => {
  const p = new ProgressPage(page);
  await p.open(SUNDAY);
  const review = p.review();
  await review.getByRole("button", { name: "Gem ugens svar" }).click();
  await expect(review.getByRole("alert")).toHaveText(/Svar på mindst ét spørgsmål/);
  const answer = async (face, a) => {
    const b = review.getByRole("group", { name: face, exact: true }).getByRole("button", { name: a, exact: true });
    await b.click();
    await expect(b).toHaveAttribute("aria-pressed", "true");
  };
  await answer("Smerten", "Bedre");
  await answer("Min styrke", "Bedre");
  await answer("Min form", "Uændret");
  await answer("Hvor meget smerten fylder", "Værre");
  await review.getByRole("button", { name: "Gem ugens svar" }).click();
  await expect(review.getByRole("status")).toHaveText("Tak. Dine svar er gemt.");
  await expect(review.getByText("Den ugentlige opfølgning er klaret. Næste gang er på mandag.")).toBeVisible();
  await expect(review.getByRole("button", { name: "Gem ugens svar" })).toBeHidden();
  // The grid: one column per week, one row per face, the answer in words for screen readers.
  const grid = p.charts().getByRole("table", { name: "Ugentlige opfølgninger" }).first();
  await expect(grid.getByRole("row", { name: /^Smerte/ })).toContainText("bedre");
  await expect(grid.getByRole("row", { name: /^Fylder/ })).toContainText("værre");
  await expect(p.charts().getByText("Oftest bedre: Smerte, 1 af 1 uge")).toBeVisible();

  // Next Monday it is offered again; skipping counts as done.
  await p.open("2026-11-23T09:00:00+01:00");
  await review.getByRole("button", { name: "Spring over i denne uge" }).click();
  await expect(review.getByRole("status")).toHaveText("Sprunget over. Vi spørger igen i næste uge.");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("trinvis.reviews")).reviews);
  expect(stored).toEqual([["2026-11-16", "b-wsb-"], ["2026-11-23", "------"]]);
});

for (const scheme of ["light", "dark"]) {
  test(`the progress screen is axe clean in Danish and English (${scheme}) and fits 320 px`, async ({ page }) => {
    const p = new ProgressPage(page);
    await page.emulateMedia({ colorScheme: scheme });
    await p.seed({ "trinvis.activities": WALK, ...diaryDocs("2026-10-12", FALLING) });
    await page.setViewportSize({ width: 320, height: 800 });
    await p.open(SUNDAY);
    await p.goals().getByText("Sæt et nyt mål", { exact: true }).click();
    await p.goalForm().getByRole("group", { name: "Hvor sikker er du på at nå målet?" }).getByRole("button", { name: "5", exact: true }).click();
    await p.charts().getByText("Vis som tabel").first().click();
    await noHorizontalScroll(page);
    await expectNoAxeViolations(page, `progress da ${scheme}`);
    await switchLanguage(page);
    await expect(p.responder()).toContainText("3.0 points lower than at the start (about 50 %)");
    await expect(p.charts().getByText(/^Average pain fell from/)).toBeVisible();
    await noHorizontalScroll(page);
    await expectNoAxeViolations(page, `progress en ${scheme}`);
  });
}

// The coach as a patient uses it: an activity, sessions, "okay now / okay later", the
// ladder, a "no", a bad day and plan B. The clock is set for every visit; each visit is a
// new page load, as when a patient opens the app on a new day.
import { test, expect } from "./fixtures.mjs";
import { Coach } from "./pages/coach.mjs";

test("two good sessions step up, a 'no' later holds, and a bad day offers plan B", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  await expect(coach.section().getByText(/Du har ingen aktiviteter endnu/)).toBeVisible();
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await expect(coach.card("Gåtur").getByText("Vi begynder ved dit udgangspunkt, 10 minutter.")).toBeVisible();
  // The ladder is a list with the current step marked for screen readers too.
  const ladder = coach.card("Gåtur").getByRole("list", { name: "Trappen fra udgangspunkt til mål" });
  await expect(ladder.getByRole("listitem").first()).toHaveAttribute("aria-current", "step");

  await coach.logSession("Gåtur", { pain: 2, okayNow: true });
  await expect(coach.card("Gåtur").getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();
  // No verdict yet: the plan keeps the amount until "okay later?" is answered.
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await expect(coach.section().getByRole("group", { name: /Okay senere\?/ })).toHaveCount(0);

  // Next morning: "okay later?" is waiting, one tap to answer.
  await coach.today.open("2026-11-17T09:00:00+01:00");
  await coach.answerOkayLater(/I går: Gåtur, 10 minutter\. Okay senere\?/, true);
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await coach.logSession("Gåtur", { pain: 3, okayNow: true });

  // Two yes + yes in a row at 10 minutes: one step up, 10 % rounded to whole minutes.
  await coach.today.open("2026-11-18T09:00:00+01:00");
  await coach.answerOkayLater(/I går: Gåtur, 10 minutter\. Okay senere\?/, true);
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 11 minutter");
  await expect(coach.card("Gåtur").getByText(/Prøv et lille trin op til 11 minutter/)).toBeVisible();
  await coach.logSession("Gåtur", { pain: 4, okayNow: true });

  // "No" to okay later: hold at the last amount that went well.
  await coach.today.open("2026-11-19T09:00:00+01:00");
  await coach.answerOkayLater(/I går: Gåtur, 11 minutter\. Okay senere\?/, false);
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await expect(coach.card("Gåtur").getByText(/Hold dig til 10 minutter, det sidste, der gik godt/)).toBeVisible();

  // A bad day: plan B, half the amount, and the words say why.
  const bad = coach.section().getByRole("button", { name: "Det er en dårlig dag" });
  await bad.click();
  await expect(bad).toHaveAttribute("aria-pressed", "true");
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 5 minutter");
  await expect(coach.section().getByText(/At holde sig i gang i det små er bedre end at stoppe helt/)).toBeVisible();
  await bad.click();
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
});

test("bad input changes nothing and says what is wrong", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  const form = coach.section().getByRole("form", { name: "Tilføj en aktivitet" });
  await form.getByRole("combobox", { name: "Navn" }).fill("Cykling");
  await form.getByRole("textbox", { name: "Udgangspunkt" }).fill("ti");
  await form.getByRole("button", { name: "Tilføj aktivitet" }).click();
  await expect(form.getByRole("alert")).toContainText("Udgangspunkt");
  await form.getByRole("textbox", { name: "Udgangspunkt" }).fill("0");
  await form.getByRole("button", { name: "Tilføj aktivitet" }).click();
  await expect(form.getByRole("alert")).toContainText("Udgangspunkt");
  expect(await page.evaluate(() => localStorage.getItem("trinvis.activities"))).toBeNull();

  await form.getByRole("textbox", { name: "Udgangspunkt" }).fill("2,5");
  await form.getByRole("combobox", { name: "Enhed" }).selectOption({ label: "km" });
  await form.getByRole("button", { name: "Tilføj aktivitet" }).click();
  await expect(coach.todayLine("Cykling")).toHaveText("I dag: 2,5 km");

  // A big jump above the plan asks first; nothing is saved until the patient confirms.
  await coach.logSession("Cykling", { amount: "10", pain: 1, okayNow: true });
  const card = coach.card("Cykling");
  await expect(card.getByRole("alert")).toContainText(/spring/);
  await card.getByRole("button", { name: "Ja, gem alligevel" }).click();
  await expect(card.getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();

  // With a session logged, the unit cannot change, and deleting archives instead.
  await card.getByText("Ret aktiviteten", { exact: true }).click();
  const edit = card.getByRole("form", { name: "Ret aktiviteten" });
  await edit.getByRole("combobox", { name: "Enhed" }).selectOption({ label: "minutter" });
  await edit.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(edit.getByRole("alert")).toContainText("Enheden kan ikke ændres");
  await card.getByText("Arkivér eller slet", { exact: true }).click();
  await card.getByRole("button", { name: "Slet" }).click();
  await expect(coach.section().getByRole("status").filter({ hasText: /arkiveres i stedet/ })).toBeVisible();
  await expect(coach.card("Cykling")).toHaveCount(0);
  const stored = await page.evaluate(() => localStorage.getItem("trinvis.activities"));
  expect(stored).toContain("Cykling");
});

test("a day well above the past week is noticed: flare-up plan and plan B without asking", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T09:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "20" });
  for (let day = 16; day <= 22; day++) {
    await coach.today.open(`2026-11-${day}T09:00:00+01:00`);
    await coach.today.checkIn(3);
  }
  await coach.today.open("2026-11-23T09:00:00+01:00");
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 20 minutter");
  // 5 is exactly BAD_DAY_DELTA (2) above the 7-day mean of 3.
  await coach.today.checkIn(5);
  await expect(coach.section().getByText(/Din smerte i dag ligger et godt stykke over den seneste uge/)).toBeVisible();
  await expect(coach.section().getByText(/En opblussen er en midlertidig forværring/)).toBeVisible();
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  // The bad-day button was not pressed: the app noticed by itself.
  await expect(coach.section().getByRole("button", { name: "Det er en dårlig dag" })).toHaveAttribute("aria-pressed", "false");
});

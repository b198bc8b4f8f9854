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
  await coach.why("Gåtur");
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
  await coach.why("Gåtur");
  await expect(coach.card("Gåtur").getByText(/Prøv et lille trin op til 11 minutter/)).toBeVisible();
  await coach.logSession("Gåtur", { pain: 4, okayNow: true });

  // "No" to okay later: hold at the last amount that went well.
  await coach.today.open("2026-11-19T09:00:00+01:00");
  await coach.answerOkayLater(/I går: Gåtur, 11 minutter\. Okay senere\?/, false);
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await coach.why("Gåtur");
  await expect(coach.card("Gåtur").getByText(/Hold dig til 10 minutter, det sidste, der gik godt/)).toBeVisible();

  // A bad day: plan B, half the amount, and the words say why.
  const bad = coach.section().getByRole("button", { name: "Det er en dårlig dag" });
  await bad.click();
  await expect(bad).toHaveAttribute("aria-pressed", "true");
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: plan B, 5 minutter");
  await expect(coach.section().getByText(/At holde sig i gang i det små er bedre end at stoppe helt/)).toBeVisible();
  await bad.click();
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
});

test("bad input changes nothing and says what is wrong", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  const form = await coach.openAdd();
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
  await coach.why("Cykling");
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

test("a session without its pain or its 'okay now?' names what is missing and saves nothing", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  const form = await coach.openLog("Gåtur");
  const card = coach.card("Gåtur");
  await form.getByRole("button", { name: "Gem træning" }).click();
  await expect(card.getByRole("alert")).toContainText("Vælg, hvor ondt det gjorde under aktiviteten");
  await form.getByRole("group", { name: "Smerte under aktiviteten" }).getByRole("button", { name: "2", exact: true }).click();
  await form.getByRole("button", { name: "Gem træning" }).click();
  await expect(card.getByRole("alert")).toContainText("Svar ja eller nej til “Okay nu?”.");
  // An amount that is not a number is named before anything else.
  await form.getByRole("textbox", { name: /Hvor meget\?/ }).fill("ti");
  await form.getByRole("button", { name: "Gem træning" }).click();
  await expect(card.getByRole("alert")).not.toContainText("Okay nu?");
  const months = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("trinvis.checkins.")));
  expect(months).toEqual([]);
  // With both answered it is saved, and the entries typed stay until then.
  await form.getByRole("textbox", { name: /Hvor meget\?/ }).fill("10");
  await form.getByRole("group", { name: /^Okay nu\?/ }).getByRole("button", { name: "Ja" }).click();
  await form.getByRole("button", { name: "Gem træning" }).click();
  await expect(card.getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();
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
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: plan B, 10 minutter");
  await expect(coach.card("Gåtur").getByText("Den fulde plan er 20 minutter. Den venter, til det går bedre.")).toBeVisible();
  // The bad-day button was not pressed: the app noticed by itself.
  await expect(coach.section().getByRole("button", { name: "Det er en dårlig dag" })).toHaveAttribute("aria-pressed", "false");
});

/** Logs `amount` today with "okay now" as given; answers "okay later?" the next morning. */
async function climbDay(coach, day, { amount, okayNow = true, later = true, pain = 2 } = {}) {
  await coach.today.open(`2026-11-${day}T10:00:00+01:00`);
  const waiting = coach.section().getByRole("group", { name: /Okay senere\?/ });
  if (await waiting.count()) await coach.answerOkayLater(/Okay senere\?/, later);
  if (amount !== null) await coach.logSession("Gåtur", { amount, pain, okayNow });
}

test("a bad day in the middle of a climb resumes at the reached step", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  await climbDay(coach, 16, { amount: "10" });
  // Right after logging, the card says when "okay later?" comes, not "you have not answered".
  const card = coach.card("Gåtur");
  await expect(card.getByRole("status").filter({ hasText: "Gemt. Vi spørger “Okay senere?” i morgen kl. 8." })).toBeVisible();
  await coach.why("Gåtur");
  await expect(card.getByText(/Vi spørger “Okay senere\?” i morgen kl\. 8\. Indtil da: hold dig til 10 minutter\./)).toBeVisible();
  await expect(card.getByText(/Du har ikke svaret/)).toHaveCount(0);
  await climbDay(coach, 17, { amount: "10" });
  await climbDay(coach, 18, { amount: null });
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 11 minutter");

  // A bad day: the headline is plan B, the full plan a quiet line, the form matches.
  await coach.section().getByRole("button", { name: "Det er en dårlig dag" }).click();
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: plan B, 5 minutter");
  await expect(card.getByText("Den fulde plan er 11 minutter. Den venter, til det går bedre.")).toBeVisible();
  const form = await coach.openLog("Gåtur");
  await expect(form.getByRole("textbox", { name: /Hvor meget\?/ })).toHaveValue("5");
  await expect(form.getByRole("checkbox", { name: "Det var plan B" })).toBeChecked();
  await coach.logSession("Gåtur", { pain: 2, okayNow: true });
  await expect(card.getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();

  // The next day, plan B answered yes + yes: the climb resumes at 11, not at 6.
  await climbDay(coach, 19, { amount: null });
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 11 minutter");
  await coach.why("Gåtur");
  await expect(card.getByText(/Prøv et lille trin op til 11 minutter/)).toBeVisible();
});

test("two 'no' in a row make the headline plan B, and a 'no' now gets advice at once", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  await climbDay(coach, 16, { amount: "10" });
  await climbDay(coach, 17, { amount: "10", okayNow: false, pain: 8 });
  const card = coach.card("Gåtur");
  // Not "Godt gået", not only "tomorrow we ask": what to do now.
  const status = card.getByRole("status").filter({ hasText: /Gemt\./ });
  await expect(status).toContainText("gør mindre, gør noget lettere, eller lad det være nok for i dag");
  await expect(status).not.toContainText("Godt gået");
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await climbDay(coach, 18, { amount: "10", okayNow: false });
  // Two "no" in a row: plan B is the headline, the full plan below it, and the form matches.
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: plan B, 5 minutter");
  await expect(card.getByText("Den fulde plan er 10 minutter. Den venter, til det går bedre.")).toBeVisible();
  await coach.why("Gåtur");
  await expect(card.getByText(/2 gange i træk blev det for meget/)).toBeVisible();
  const form = await coach.openLog("Gåtur");
  await expect(form.getByRole("textbox", { name: /Hvor meget\?/ })).toHaveValue("5");
  await expect(form.getByRole("checkbox", { name: "Det var plan B" })).toBeChecked();
});

test("while an urgent warning sign is ticked the ladder holds and says why", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  await climbDay(coach, 16, { amount: "10" });
  await climbDay(coach, 17, { amount: "10" });
  await climbDay(coach, 18, { amount: null });
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 11 minutter");

  await page.goto("/#/check");
  await page.getByRole("group", { name: /skridtet/ }).getByRole("button", { name: "Ja" }).click();
  await coach.today.open();
  const card = coach.card("Gåtur");
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await coach.why("Gåtur");
  await expect(card.getByText(/Du har svaret ja til et advarselstegn\. Så længe det ikke er afklaret, går vi ikke op ad trappen: hold dig til 10 minutter\./)).toBeVisible();
  await expect(card.getByRole("link", { name: "Se tjekket for advarselstegn" })).toHaveAttribute("href", "#/check");
  await expect(card.getByText(/Prøv et lille trin op/)).toHaveCount(0);
});

test("the session form keeps what the patient typed when the plan changes", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  const card = coach.card("Gåtur");
  const form = await coach.openLog("Gåtur");
  const amount = form.getByRole("textbox", { name: /Hvor meget\?/ });
  await expect(amount).toHaveValue("10");
  await amount.fill("13");
  // The plan changes under the form (here the bad-day toggle; another tab's save does the same).
  await coach.section().getByRole("button", { name: "Det er en dårlig dag" }).click();
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: plan B, 5 minutter");
  await expect(amount).toHaveValue("13");
  await coach.logSession("Gåtur", { pain: 3, okayNow: true });
  await expect(card.getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();
  const month = await page.evaluate(() => localStorage.getItem("trinvis.checkins.2026-11"));
  expect(month).toContain(",13000,3,1");
  expect(month).not.toContain(",10000,3,1");
});

test("unsure? start a step below is a choice in the activity form", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  const form = await coach.openAdd();
  await form.getByRole("combobox", { name: "Navn" }).fill("Gåtur");
  await form.getByRole("textbox", { name: "Udgangspunkt" }).fill("10");
  await form.getByRole("checkbox", { name: "Jeg er usikker: start et trin under" }).check();
  await form.getByRole("button", { name: "Tilføj aktivitet" }).click();
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 9 minutter");
});

test("the add form, an activity's session form and its reason, ladder and edit form are built when first opened", async ({ page }) => {
  const coach = new Coach(page);
  await coach.today.open("2026-11-16T10:00:00+01:00");
  // No activity yet: the card says what to add, and "Tilføj en aktivitet" is closed and
  // holds nothing until it is opened.
  await expect(coach.section().getByText(/Du har ingen aktiviteter endnu/)).toBeVisible();
  const add = coach.section().getByRole("form", { name: "Tilføj en aktivitet", includeHidden: true });
  await expect(add).toHaveCount(0);
  await coach.section().getByText("Tilføj en aktivitet", { exact: true }).click();
  await expect(add.getByRole("combobox", { name: "Navn" })).toBeVisible();
  await coach.addActivity({ name: "Gåtur", baseline: "10" });
  await coach.addActivity({ name: "Cykling", baseline: "5" });
  // A new page load, as on the next visit: the cards show their line for today, and the
  // closed panels hold nothing yet, not even hidden.
  await coach.today.open("2026-11-16T18:00:00+01:00");
  const card = coach.card("Gåtur");
  const log = card.getByRole("form", { name: "Skriv en træning ind", includeHidden: true });
  const edit = card.getByRole("form", { name: "Ret aktiviteten", includeHidden: true });
  const ladder = card.getByRole("list", { name: "Trappen fra udgangspunkt til mål", includeHidden: true });
  await expect(coach.todayLine("Gåtur")).toHaveText("I dag: 10 minutter");
  await expect(log).toHaveCount(0);
  await expect(ladder).toHaveCount(0);
  await expect(edit).toHaveCount(0);
  await expect(coach.section().getByRole("form", { name: "Tilføj en aktivitet", includeHidden: true })).toHaveCount(0);

  // "Skriv ind" builds the form, starting at today's amount; closing keeps what was typed.
  await coach.openLog("Gåtur");
  const amount = log.getByRole("textbox", { name: /Hvor meget\?/ });
  await expect(amount).toHaveValue("10");
  await amount.fill("8");
  await card.getByRole("button", { name: "Skriv ind", exact: true }).click();
  await expect(log).toBeHidden();
  await coach.openLog("Gåtur");
  await expect(amount).toHaveValue("8");
  await coach.logSession("Gåtur", { pain: 2, okayNow: true });
  await expect(card.getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();

  // The name opens the reason and the ladder, with the edit form closed inside.
  await coach.why("Gåtur");
  await expect(ladder).toBeVisible();
  await expect(ladder.getByRole("listitem").first()).toHaveText("10 minutter");
  await expect(edit).toHaveCount(0);
  await card.getByText("Ret aktiviteten", { exact: true }).click();
  await expect(edit.getByLabel("Navn", { exact: true })).toHaveValue("Gåtur");
  // The other card was never opened: still nothing built there.
  await expect(coach.card("Cykling").getByRole("form", { name: "Skriv en træning ind", includeHidden: true })).toHaveCount(0);
});

// The daily check-in as a patient uses it.
import { test, expect, switchLanguage } from "./fixtures.mjs";
import { TodayPage, DA, tab } from "./pages/today.mjs";

test("a check-in is saved, listed under today and still there after a reload", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:05:00+01:00");
  await today.choosePain(6);
  await today.openMore();
  await page.getByRole("group", { name: /Hvor godt sov du/ }).getByRole("button", { name: "7", exact: true }).click();
  await page.getByRole("checkbox", { name: "Ben, venstre" }).check();
  await page.getByRole("checkbox", { name: "Lænd" }).check();
  await page.getByRole("textbox", { name: /Note/ }).fill("Gik 20 min <b>uden</b> pause");
  await today.save();
  // The card shrinks to one line; "Nyt check-in" opens an empty form.
  await expect(today.status()).toHaveText("✓ Gemt kl. 10.05 · smerte 6");
  await expect(today.painGroup()).toHaveCount(0);
  await page.getByRole("button", { name: "Nyt check-in" }).click();
  await expect(today.painButton(6)).toHaveAttribute("aria-pressed", "false");

  await today.openDiary();
  const list = today.recent();
  await expect(list.getByRole("heading", { name: "I dag" })).toBeVisible();
  await expect(list.getByText("Smerte 6")).toBeVisible();
  await expect(list.getByText("Søvn 7")).toBeVisible();
  await expect(list.getByText("Lænd · Ben, venstre")).toBeVisible();
  // User text is shown as text, never as markup.
  await expect(list.getByText("Gik 20 min <b>uden</b> pause")).toBeVisible();

  await page.reload();
  await expect(today.recent().getByText("Smerte 6")).toBeVisible();
  await expect(today.recent().getByText("Gik 20 min <b>uden</b> pause")).toBeVisible();
});

test("several check-ins a day are listed newest first with Danish day names", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-21T23:59:00+01:00");
  await today.checkIn(2);
  await today.setTime("2026-11-22T00:01:00+01:00");
  await today.checkIn(3);
  await today.setTime("2026-11-23T08:00:00+01:00");
  await today.checkIn(4);
  await today.setTime("2026-11-23T20:30:00+01:00");
  await today.checkIn(5);
  await page.reload();
  await today.openDiary();
  const headings = today.recent().getByRole("heading", { level: 3 });
  await expect(headings).toHaveText(["I dag", "I går", "lørdag 21. november"]);
  await expect(today.recent().getByText(/^Smerte \d$/)).toHaveText(["Smerte 5", "Smerte 4", "Smerte 3", "Smerte 2"]);
});

test("saving without a pain score asks for one and stores nothing", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:00:00+01:00");
  await today.save();
  await expect(today.alert()).toHaveText(/Vælg først, hvor ondt det gør/);
  expect(await today.storedMonths()).toEqual([]);
});

test("a check-in can be edited, and its time stays as recorded", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T09:15:00+01:00");
  await today.checkIn(7);
  await today.setTime("2026-11-23T18:00:00+01:00");
  await today.openDiary();
  await today.entryMenu("I dag, 09.15");
  await page.getByRole("button", { name: "Ret check-in: I dag, 09.15" }).click();
  await expect(page.getByText("I dag 09.15: Du retter dette check-in.")).toBeVisible();
  await expect(today.painButton(7)).toHaveAttribute("aria-pressed", "true");
  await today.painButton(4).click();
  await today.save(DA.saveChanges);
  await expect(page.getByRole("status").filter({ hasText: "Ændringen er gemt" })).toBeVisible();
  await page.reload();
  await expect(today.recent().getByText("Smerte 4")).toBeVisible();
  await expect(today.recent().getByText("09.15")).toBeVisible();
  await expect(today.recent().getByText("Smerte 7")).toHaveCount(0);
});

test("a deleted check-in can be brought back with undo", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T09:15:00+01:00");
  await today.checkIn(3, { note: "morgen" });
  await today.openDiary();
  await today.entryMenu("I dag, 09.15");
  await page.getByRole("button", { name: "Slet check-in: I dag, 09.15" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dit check-in er slettet." })).toBeVisible();
  await expect(today.recent().getByText("Smerte 3")).toHaveCount(0);
  expect(await today.storedMonths()).toEqual([]);
  await page.getByRole("button", { name: "Fortryd" }).click();
  await expect(today.recent().getByText("Smerte 3")).toBeVisible();
  await page.reload();
  await expect(today.recent().getByText("morgen")).toBeVisible();
});

test("the baseline profile counts down the days, then shows mean and range", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-10T09:00:00+01:00");
  await expect(today.baseline()).toContainText("Når du har tjekket ind på 7 forskellige dage");
  const pains = [4, 6, 5, 3, 5, 6, 2];
  for (let i = 0; i < pains.length; i++) {
    const day = String(10 + 2 * i).padStart(2, "0"); // a gap day between check-in days
    await today.setTime(`2026-11-${day}T09:00:00+01:00`);
    await today.checkIn(pains[i]);
    if (i === 2) await expect(today.baseline()).toContainText("3 af 7 dage. 4 dage mere");
    // One day left is "1 dag", never "1 dage".
    if (i === 5) await expect(today.baseline()).toContainText("6 af 7 dage. 1 dag mere, så er dit udgangspunkt klar.");
  }
  // A second check-in on the last day: the day's pain is the mean of its check-ins (2 and 4 -> 3).
  await today.setTime("2026-11-22T20:00:00+01:00");
  await today.checkIn(4);
  await page.reload();
  // Ready: the profile has left the today screen for "Fremgang".
  await expect(today.baseline()).toHaveCount(0);
  await tab(page, "Fremgang");
  // Daily means 4, 6, 5, 3, 5, 6, 3 -> 32/7 = 4.57 -> "4,6"; single scores 2 to 6.
  await expect(today.baseline()).toContainText("10.11.2026 til 22.11.2026: gennemsnitlig smerte 4,6, fra 2 til 6.");
});

test("the English switch is remembered across visits", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:00:00+01:00");
  await switchLanguage(page);
  await expect(page.getByRole("heading", { name: "How are you doing?" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: "How are you doing?" })).toBeVisible();
  await today.painGroup(/Pain right now/).getByRole("button", { name: "3", exact: true }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "✓ Saved at 10:00 · pain 3" })).toBeVisible();
  await today.openDiary({ lang: "en" });
  await expect(
    page.getByRole("region", { name: "Your recent check-ins" }).getByRole("heading", { name: "Today" }),
  ).toBeVisible();
});

test("the optional questions are built when first opened and keep what was typed when closed", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open("2026-11-23T10:05:00+01:00");
  // A closed "Mere (valgfrit)" holds nothing yet, not even hidden (the first screen builds
  // only what shows).
  const sleep = page.getByRole("group", { name: /Hvor godt sov du/, includeHidden: true });
  const note = page.getByRole("textbox", { name: /Note/, includeHidden: true });
  await expect(sleep).toHaveCount(0);
  await expect(note).toHaveCount(0);
  await today.choosePain(4);
  await today.openMore();
  await sleep.getByRole("button", { name: "3", exact: true }).click();
  await note.fill("Sov uroligt");
  // Closed and opened again: the same answers, the pain untouched.
  await page.getByText(DA.more).click();
  await expect(sleep).toBeHidden();
  await page.getByText(DA.more).click();
  await expect(sleep.getByRole("button", { name: "3", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(note).toHaveValue("Sov uroligt");
  await expect(today.painButton(4)).toHaveAttribute("aria-pressed", "true");
  await today.save();
  await expect(today.status()).toHaveText("✓ Gemt kl. 10.05 · smerte 4");
  await today.openDiary();
  await expect(today.recent().getByText("Søvn 3")).toBeVisible();
  await expect(today.recent().getByText("Sov uroligt")).toBeVisible();
});

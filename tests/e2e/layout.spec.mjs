// The layout check on every screen at 320 and 390 px (issue 12): no text squeezed
// narrower than its longest word, nothing scrolls sideways, every control at least
// 44 x 44 px. axe passed the broken warning-sign check; this would not have.
import { test, expect, expectNoAxeViolations } from "./fixtures.mjs";
import { layoutProblems } from "./pages/layout.mjs";
import { SEVEN_WEEKS, seed, profile } from "./data/seven-weeks.mjs";

const NOW = "2026-11-23T10:00:00+01:00";

/** Opens `hash`, waits for `ready` (a locator), and records the page's layout problems. */
async function look(page, found, label, hash, ready) {
  if (hash !== null) await page.goto(`/${hash}`);
  await expect(ready(page)).toBeVisible();
  // Open every closed part so its content is checked too.
  const closed = page.locator("details:not([open]) > summary").filter({ visible: true });
  for (let i = 0; i < 30 && (await closed.count()) > 0; i++) await closed.first().click();
  const problems = await layoutProblems(page);
  if (problems.length) found[label] = problems;
  if (found.axe) await expectNoAxeViolations(page, label);
}

const heading = (name) => (page) => page.getByRole("heading", { name }).first();
// The today screen is ready when its coach section (a part fetched after the check-in) is.
const today = () => (page) => page.getByRole("button", { name: /^(Det er en dårlig dag|This is a bad day)$/ });

for (const width of [320, 390]) {
  test(`the first visit and an empty today screen are readable at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.clock.setFixedTime(new Date(NOW));
    const found = {};
    await page.goto("/");
    await look(page, found, "welcome 1", null, (p) => p.getByText("Trin 1 af 5"));
    await page.getByRole("button", { name: "Næste" }).click();
    await look(page, found, "welcome 2", null, (p) => p.getByText("Trin 2 af 5"));
    await page.getByRole("group", { name: /Hvad drejer det sig om\?/ }).getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Gem og fortsæt" }).click();
    await look(page, found, "welcome 3 (the check)", null, (p) => p.getByText("Trin 3 af 5"));
    await page.getByRole("group", { name: /skridtet/ }).getByRole("button", { name: "Ja" }).click();
    await look(page, found, "welcome 3 with a sign ticked", null, (p) => p.getByRole("alert").filter({ hasText: "Kontakt en læge nu" }));
    await page.getByRole("group", { name: /skridtet/ }).getByRole("button", { name: "Nej" }).click();
    await page.getByRole("button", { name: "Gem og fortsæt" }).click();
    await look(page, found, "welcome 4", null, (p) => p.getByText("Trin 4 af 5"));
    await page.getByRole("button", { name: "Spring over" }).click();
    await look(page, found, "welcome 5", null, (p) => p.getByText("Trin 5 af 5"));
    await page.getByRole("button", { name: "Spring over" }).click();
    await look(page, found, "today, empty", "#/", today());
    expect(found).toEqual({});
  });

  test(`every screen with seven weeks of data and a ticked sign is readable at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.clock.setFixedTime(new Date(NOW));
    await seed(page, { ...SEVEN_WEEKS, "trinvis.profile": profile(["sciatica", "neck-pain"]) });
    const found = {};
    await look(page, found, "today with data", "#/", today());
    await look(page, found, "progress", "#/progress", heading("Dine mål"));
    await look(page, found, "learn", "#/learn", heading("Lær om smerter"));
    await look(page, found, "learn page", "#/learn/sciatica", heading(/Iskias/));
    await look(page, found, "summary", "#/summary", heading("Oversigt til din fysioterapeut"));
    await look(page, found, "physio", "#/physio", heading("Til fysioterapeuter"));

    await look(page, found, "check", "#/check", heading("Tjek for advarselstegn"));
    await page.getByRole("group", { name: /Har du pludselig mistet kraft/ }).getByRole("button", { name: "Ja" }).click();
    await look(page, found, "check with an urgent sign ticked", null, (p) => p.getByRole("alert").filter({ hasText: "Kontakt en læge nu" }));
    await look(page, found, "today with a sign ticked", "#/", today());
    await look(page, found, "summary with a sign ticked", "#/summary", heading("Oversigt til din fysioterapeut"));

    // The plan offer: a link made on the physio page, opened.
    await page.goto("/#/physio");
    const form = page.getByRole("form", { name: "Til fysioterapeuter" });
    const first = form.getByRole("group", { name: "Aktivitet 1" });
    await first.getByRole("textbox", { name: "Navn" }).fill("Trappegang");
    await first.getByRole("textbox", { name: "Udgangspunkt" }).fill("4");
    await form.getByRole("button", { name: "Lav link" }).click();
    const url = await page.getByRole("textbox", { name: "Link til patienten" }).inputValue();
    await look(page, found, "physio with a link", null, (p) => p.getByRole("img", { name: /QR-kode til planen/ }));
    await page.goto(url);
    await look(page, found, "plan offer", null, (p) => p.getByRole("region", { name: "En plan fra din fysioterapeut" }));
    expect(found).toEqual({});
  });
}

// Every screen and state in both languages (English texts are longer in places): the
// coach with its panels open and a bad day, Mere, the diary, and a ticked sign.
const WORDS = {
  da: {
    today: "Hvordan har du det?", progress: "Dine mål", learn: "Lær om smerter", summary: "Oversigt til din fysioterapeut",
    physio: "Til fysioterapeuter", check: "Tjek for advarselstegn", more: "Mere", diary: "Dine seneste check-ins",
    why: /: Hvorfor\? Trappen$/, log: "Skriv ind", bad: "Det er en dårlig dag", strength: /Har du pludselig mistet kraft/, yes: "Ja",
  },
  en: {
    today: "How are you doing?", progress: "Your goals", learn: "Learn about pain", summary: "Summary for your physiotherapist",
    physio: "For physiotherapists", check: "Check for warning signs", more: "More", diary: "Your recent check-ins",
    why: /: Why\? The ladder$/, log: "Log", bad: "This is a bad day", strength: /Have you suddenly lost strength/, yes: "Yes",
  },
};

for (const lang of ["da", "en"]) {
  for (const width of [320, 390]) {
    // axe on each state too: dark at 320 px, light at 390 px.
    const scheme = width === 320 ? "dark" : "light";
    test(`every state of every screen is readable and axe clean in ${lang === "da" ? "Danish" : "English"} at ${width} px, ${scheme}`, async ({ page }) => {
      // Fourteen screens and states, each with the layout check and axe: about 20 s alone,
      // more while another worker runs.
      test.slow();
      const w = WORDS[lang];
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 800 });
      await page.clock.setFixedTime(new Date(NOW));
      const settings = JSON.stringify({ kind: "trinvis.settings", schema_version: 2, app_version: "0.2.0", lang });
      await seed(page, { ...SEVEN_WEEKS, "trinvis.profile": profile(["low-back-pain"]), "trinvis.settings": settings });
      // `axe` is a flag for look(), not a problem; it is taken out before the comparison.
      const found = { axe: true };
      await look(page, found, "today", "#/", today());
      const coach = page.getByRole("main");
      await coach.getByRole("button", { name: w.why }).first().click();
      await look(page, found, "today, why and the ladder open", null, today());
      await coach.getByRole("button", { name: w.log, exact: true }).first().click();
      await look(page, found, "today, the session form open", null, today());
      await coach.getByRole("button", { name: w.bad }).click();
      await look(page, found, "today, a bad day", null, today());
      await look(page, found, "progress", "#/progress", heading(w.progress));
      await look(page, found, "diary", "#/diary", heading(w.diary));
      await look(page, found, "learn", "#/learn", heading(w.learn));
      await look(page, found, "more", "#/more", heading(w.more));
      await look(page, found, "summary", "#/summary", heading(w.summary));
      await look(page, found, "physio", "#/physio", heading(w.physio));
      await look(page, found, "check", "#/check", heading(w.check));
      await page.getByRole("group", { name: w.strength }).getByRole("button", { name: w.yes }).click();
      await look(page, found, "today with a sign ticked", "#/", today());
      delete found.axe;
      expect(found).toEqual({});
    });
  }
}

// At 200 % text (the browser's text size, as a patient with poor sight sets it) nothing
// makes the page scroll sideways on a 320 px phone: tables scroll inside their own box.
test("at 320 px and 200 % text no screen scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.clock.setFixedTime(new Date(NOW));
  await seed(page, { ...SEVEN_WEEKS, "trinvis.profile": profile(["low-back-pain"]) });
  // The browser's own text size (as the patient sets it), so rem-based media queries follow.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  const wide = {};
  for (const hash of ["#/", "#/progress", "#/diary", "#/learn", "#/learn/flare-ups", "#/more", "#/summary", "#/physio", "#/check"]) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole("main")).toBeVisible();
    // The app sets 112.5 % of the browser size: 36 px here, twice the usual 18 px.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("36px");
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    if (sw > 320) wide[hash] = sw;
  }
  expect(wide).toEqual({});
});

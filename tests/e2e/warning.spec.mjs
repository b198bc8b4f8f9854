// The warning-sign check as a frightened patient meets it (issue 12 §1-§2, domain.md §8):
// a ticked urgent sign hides every reassuring text on every screen, an urgent sign is
// cleared only by "a doctor has looked at it", and a yes changed to no stays on the
// physiotherapist's summary with its date.
import { test, expect } from "./fixtures.mjs";
import { SEVEN_WEEKS, seed, profile } from "./data/seven-weeks.mjs";
import { TodayPage } from "./pages/today.mjs";

const NOW = "2026-11-23T10:00:00+01:00";
// Whole words that call symptoms harmless, normal, safe or passing (Danish and English).
const REASSURING = /(?<![\p{L}])(normalt?|normale|ufarlig[te]?|sikker|sikkert|sikre|harmless|safe|normal)(?![\p{L}])|går (som regel )?over/iu;

function sign(page, name) {
  return page.getByRole("group", { name });
}

// Texts with such a word that do not reassure about symptoms (as in i18n/reassure_test.rs).
// The learn pages mark theirs `plain` (checked by a person).
const CHECKED = [/De bliver normalt liggende/g, /Lev så normalt/g, /Det er normalt at være forsigtig/g,
  /ikke sikkert, at/g, /dit normale niveau/g, /Hvor sikker er du/g, /slet ikke sikker, 10 er helt sikker/g, /hvor sikker du er/g];

/** The visible text of the page, without the checked exceptions. */
async function shownText(page) {
  let text = await page.locator("body").innerText();
  for (const c of CHECKED) text = text.replace(c, "");
  return text;
}

async function openAll(page) {
  const closed = page.locator("details:not([open]) > summary").filter({ visible: true });
  for (let i = 0; i < 30 && (await closed.count()) > 0; i++) await closed.first().click();
}

test("an urgent sign hides every reassuring text on every screen until a doctor has looked at it", async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await seed(page, { ...SEVEN_WEEKS, "trinvis.profile": profile(["neck-pain"]) });
  // Before: the guide calls low pain safe, the learn pages say it is normal.
  await page.goto("/#/");
  await new TodayPage(page).coachReady();
  await openAll(page);
  await page.getByRole("button", { name: "Skriv ind", exact: true }).first().click();
  await expect(page.getByText(/smerte 0-3 under aktiviteten er sikker/).first()).toBeVisible();
  await page.goto("/#/learn/flare-ups");
  await expect(page.getByRole("heading", { level: 2, name: "Når smerten blusser op" })).toBeVisible();

  await page.goto("/#/check");
  await sign(page, /mistet kraft, .*armen eller hånden/).getByRole("button", { name: "Ja" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Kontakt en læge nu" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("link", { name: /Ring 112/ })).toHaveAttribute("href", "tel:112");
  await expect(alert.getByRole("link", { name: /1813/ })).toHaveAttribute("href", "tel:1813");

  const screens = ["#/", "#/progress", "#/learn", "#/learn/neck-pain", "#/learn/flare-ups",
    "#/learn/training-may-hurt", "#/learn/warning-signs", "#/summary", "#/check"];
  for (const hash of screens) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole("main")).toBeVisible();
    if (hash === "#/") await new TodayPage(page).coachReady();
    await openAll(page);
    const reassures = async (where) => {
      const text = await shownText(page);
      const m = text.match(REASSURING);
      const context = m ? text.slice(Math.max(0, m.index - 80), m.index + 40) : null;
      expect(context, `${where} reassures while a sign is ticked`).toBeNull();
    };
    await reassures(hash);
    // The coach's panels open one at a time ("Skriv ind", and the name for why and the
    // ladder): each is read open.
    const panels = page.getByRole("main").locator("button[aria-expanded]");
    const n = await panels.count();
    for (let i = 0; i < n; i++) {
      const button = panels.nth(i);
      if ((await button.getAttribute("aria-expanded")) === "false") await button.click();
      await openAll(page);
      await reassures(`${hash}, ${await button.innerText()} open`);
    }
  }
  // The traffic light after a low pain says "low", not "safe".
  await page.goto("/#/");
  await page.getByRole("button", { name: "Skriv ind", exact: true }).first().click();
  const log = page.getByRole("form", { name: "Skriv en træning ind" }).first();
  await log.getByRole("group", { name: "Smerte under aktiviteten" }).getByRole("button", { name: "2", exact: true }).click();
  await expect(log.getByText("Smerte 2: lav.")).toBeVisible();

  // Cleared by a doctor: the calm words come back.
  await page.goto("/#/check");
  await sign(page, /mistet kraft/).getByRole("button", { name: "En læge har set på det" }).click();
  await expect(alert).toHaveCount(0);
  await page.goto("/#/learn/flare-ups");
  await expect(page.getByRole("heading", { level: 2, name: "Når smerten blusser op" })).toBeVisible();
});

test("an urgent sign cannot be cleared as passed; the others can", async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await seed(page, { ...SEVEN_WEEKS, "trinvis.profile": profile(["sciatica"]) });
  await page.goto("/#/check");
  const saddle = sign(page, /skridtet/);
  await saddle.getByRole("button", { name: "Ja" }).click();
  await expect(saddle.getByRole("button", { name: "En læge har set på det" })).toBeVisible();
  await expect(saddle.getByRole("button", { name: "Det er gået over" })).toHaveCount(0);
  await expect(saddle.getByText(/kan kun fjernes, når en læge har set på det/)).toBeVisible();

  const fever = sign(page, /feber/);
  await fever.getByRole("button", { name: "Ja" }).click();
  await expect(fever.getByRole("button", { name: "Det er gået over" })).toBeVisible();
  await fever.getByRole("button", { name: "Det er gået over" }).click();
  await expect(fever.getByText("Du har sagt, at det er gået over.")).toBeVisible();
  // The urgent one still holds the alert.
  await expect(page.getByRole("alert").filter({ hasText: "Kontakt en læge nu" })).toBeVisible();
  // The neck question is not asked for sciatica.
  await expect(sign(page, /klodsede/)).toHaveCount(0);
});

test("a yes changed to no stays on the summary with its date", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-20T09:00:00+01:00"));
  await seed(page, { ...SEVEN_WEEKS, "trinvis.profile": profile(["sciatica"]) });
  await page.goto("/#/check");
  await sign(page, /ulykke/).getByRole("button", { name: "Ja" }).click();
  await page.clock.setFixedTime(new Date(NOW));
  await page.reload();
  await sign(page, /ulykke/).getByRole("button", { name: "Nej" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Kontakt/ })).toHaveCount(0);

  await page.goto("/#/summary");
  const signs = page.getByText("Advarselstegn, patienten har svaret ja til").locator("..");
  await expect(signs).toContainText(/ulykke/);
  await expect(signs).toContainText("Ja den 20.11.2026.");
  await expect(signs).toContainText("Ændret til nej (23.11.2026).");
});

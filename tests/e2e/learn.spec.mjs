// The first visit, the warning-sign check and the learn pages, as a patient uses them.
import { test, expect, expectNoAxeViolations, noHorizontalScroll, switchLanguage } from "./fixtures.mjs";
import { TodayPage } from "./pages/today.mjs";

const NOW = "2026-11-23T10:00:00+01:00";
const FLARE_CALM = /som regel ufarlig/;

function nav(page, name) {
  return page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name });
}

/** The shield in the top bar: the warning-sign check, one tap from every screen. */
function shield(page) {
  return page.getByRole("banner").getByRole("link", { name: "Tjek for advarselstegn" });
}

function sign(page, name) {
  return page.getByRole("group", { name });
}

test("the first visit goes from an empty browser to the first check-in, every step by name", async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Velkommen til Trinvis" })).toBeVisible();
  await expect(page.getByText("Trin 1 af 5")).toBeVisible();
  await expect(page.getByText(/stiller ingen diagnose og er ikke en læge/)).toBeVisible();
  await page.getByRole("button", { name: "Næste" }).click();

  const conditions = page.getByRole("group", { name: /Hvad drejer det sig om\?/ });
  await conditions.getByRole("checkbox", { name: "Iskias eller nerverodssmerter fra lænden" }).check();
  // One primary button per step, and a visible way past it.
  await expect(page.getByRole("button", { name: "Spring over" })).toBeVisible();
  await page.getByRole("button", { name: "Gem og fortsæt" }).click();

  await expect(page.getByText("Trin 3 af 5")).toBeVisible();
  for (const q of await page.getByRole("group", { name: /\?$/ }).all()) {
    await q.getByRole("button", { name: "Nej" }).click();
  }
  await expect(page.getByText(/Du har ikke svaret ja til nogen af tegnene/)).toBeVisible();
  await page.getByRole("button", { name: "Gem og fortsæt" }).click();

  // The check-in's own button saves the step and moves on: the score is never lost.
  const today = new TodayPage(page);
  await today.choosePain(5);
  await page.getByRole("button", { name: "Gem og fortsæt" }).click();
  await expect(page.getByText("Trin 5 af 5")).toBeVisible();
  await expect(page.getByRole("form", { name: "Tilføj en aktivitet" })).toBeVisible();
  await page.getByRole("button", { name: "Spring over" }).click();

  await expect(today.painGroup()).toBeVisible();
  await today.openDiary();
  await expect(today.recent().getByText("Smerte 5")).toBeVisible();
  // The welcome is done: the next visit opens the today screen.
  await page.goto("/");
  await expect(today.painGroup()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Velkommen til Trinvis" })).toHaveCount(0);
  // The chosen condition's page comes first.
  await nav(page, "Lær").click();
  const list = page.getByRole("region", { name: "Lær om smerter" });
  await expect(list.getByRole("link").first()).toHaveText("Iskias: smerter ned i benet");
});

test("every welcome step can be skipped, and the welcome can be opened again", async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto("/");
  await page.getByRole("button", { name: "Spring velkomsten over" }).click();
  await expect(new TodayPage(page).painGroup()).toBeVisible();
  await nav(page, "Lær").click();
  await page.getByRole("link", { name: "Velkomst og valg af tilstand" }).click();
  await expect(page.getByRole("heading", { name: "Velkommen til Trinvis" })).toBeVisible();
  await page.getByRole("button", { name: "Næste" }).click();
  for (const n of [3, 4, 5]) {
    await page.getByRole("button", { name: "Spring over" }).click();
    await expect(page.getByText(`Trin ${n} af 5`)).toBeVisible();
  }
});

test("a ticked warning sign is unmistakable everywhere and hides every 'harmless' line until cleared", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open(NOW);
  await page.goto("/#/learn/flare-ups");
  await expect(page.getByRole("heading", { level: 2, name: "Når smerten blusser op" })).toBeVisible();
  await expect(page.getByText(FLARE_CALM)).toBeVisible();

  await shield(page).click();
  await expect(page.getByRole("heading", { name: "Tjek for advarselstegn" })).toBeVisible();
  await sign(page, /skridtet/).getByRole("button", { name: "Ja" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Kontakt en læge nu" });
  await expect(alert).toContainText("lægevagten");
  await expect(alert).toContainText("112");

  // Every other screen says so too, one tap from the check.
  await nav(page, "I dag").click();
  const banner = page.getByRole("region", { name: "Advarselstegn", exact: true });
  await expect(banner).toContainText("kontakt en læge nu");
  await expect(banner.getByRole("link", { name: "Se, hvad du skal gøre" })).toBeVisible();

  // A page whose title reassures is not shown at all.
  await page.goto("/#/learn/flare-ups");
  await expect(page.getByRole("heading", { name: "Siden vises ikke lige nu" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Når smerten blusser op" })).toHaveCount(0);
  await expect(page.getByText(FLARE_CALM)).toHaveCount(0);
  await expect(page.getByText(/beroligende afsnit er skjult/)).toBeVisible();
  await page.goto("/#/learn/training-may-hurt");
  await expect(page.getByText(/ufarlig/)).toHaveCount(0);

  // A non-urgent sign alone says: contact your doctor soon.
  await shield(page).click();
  await sign(page, /skridtet/).getByRole("button", { name: "Nej" }).click();
  await sign(page, /feber/).getByRole("button", { name: "Ja" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kontakt din egen læge snart" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Kontakt en læge nu" })).toHaveCount(0);

  // Cleared: kept on record, the calm words come back.
  await sign(page, /feber/).getByRole("button", { name: "Det er gået over" }).click();
  await expect(page.getByRole("region", { name: "Advarselstegn", exact: true })).toHaveCount(0);
  const stored = await page.evaluate(() => localStorage.getItem("trinvis.profile"));
  expect(stored).toContain("fever_weight_loss");
  await page.goto("/#/learn/flare-ups");
  await expect(page.getByText(FLARE_CALM)).toBeVisible();
});

test("the check is offered again when today's pain jumps", async ({ page }) => {
  const today = new TodayPage(page);
  for (let day = 16; day <= 22; day++) {
    await today.open(`2026-11-${day}T09:00:00+01:00`);
    await today.checkIn(3);
  }
  await today.open("2026-11-23T09:00:00+01:00");
  await expect(page.getByText(/tag gerne tjekket for advarselstegn/i)).toHaveCount(0);
  await today.checkIn(6);
  await expect(page.getByText(/Din smerte er steget meget i dag/)).toBeVisible();
  await page.getByRole("link", { name: "Tag tjekket" }).click();
  await expect(page.getByRole("heading", { name: "Tjek for advarselstegn" })).toBeVisible();
  // Answered today: not offered again today.
  await sign(page, /ulykke/).getByRole("button", { name: "Nej" }).click();
  await nav(page, "I dag").click();
  await expect(page.getByText(/Din smerte er steget meget i dag/)).toHaveCount(0);
});

for (const lang of ["da", "en"]) {
  test(`axe finds no serious violation on the learn pages, the check and the welcome (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const today = new TodayPage(page);
    await today.open(NOW);
    if (lang === "en") await switchLanguage(page);
    const learnName = lang === "da" ? "Lær om smerter" : "Learn about pain";
    await page.goto("/#/learn");
    const list = page.getByRole("region", { name: learnName });
    await expect(list.getByRole("link").first()).toBeVisible();
    const hrefs = await list.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.filter((h) => h.startsWith("#/learn/")).length).toBe(14);
    await expectNoAxeViolations(page, `learn list ${lang}`);
    for (const href of hrefs.filter((h) => h.startsWith("#/learn/"))) {
      await page.goto(`/${href}`);
      await expect(page.getByRole("article")).toBeVisible();
      await expect(page.getByText(lang === "da" ? /^Kilde: / : /^Source: /)).toBeVisible();
      await expectNoAxeViolations(page, `${href} ${lang}`);
    }
    await page.goto("/#/check");
    await sign(page, /skridtet|saddle/).getByRole("button", { name: lang === "da" ? "Ja" : "Yes" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /112/ })).toBeVisible();
    await expectNoAxeViolations(page, `check ${lang}`);
    await page.goto("/#/welcome");
    await page.getByRole("button", { name: lang === "da" ? "Næste" : "Next" }).click();
    await expectNoAxeViolations(page, `welcome ${lang}`);
  });
}

test("a condition page links to the shared advice written once, and says how long it takes to read", async ({ page }) => {
  const today = new TodayPage(page);
  await today.open(NOW);
  await page.goto("/#/learn/sciatica");
  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 2, name: "Iskias: smerter ned i benet" })).toBeVisible();
  await expect(article.getByText(/^Læsetid: ca\. \d+ min\.$/)).toBeVisible();
  // The sciatica page says that a few get worse and need a closer look.
  await expect(article.getByText(/Nogle få får det gradvist værre/)).toBeVisible();
  // Advice shared by every condition page is on one page, one tap away.
  await article.getByRole("link", { name: "Det kan du selv gøre i hverdagen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Det kan du selv gøre i hverdagen" })).toBeVisible();
  await expect(page.getByText(/Smertestillende piller kan hjælpe i korte perioder/)).toBeVisible();
  await page.getByRole("article").getByRole("link", { name: "Advarselstegn: hvornår skal du til læge?" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Advarselstegn: hvornår skal du til læge?" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 2, name: "Det kan du selv gøre i hverdagen" })).toBeVisible();
});

test("a learn page reads at 320 px in dark mode and prints without navigation", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.emulateMedia({ colorScheme: "dark" });
  const today = new TodayPage(page);
  await today.open(NOW);
  await page.goto("/#/learn/osteoarthritis");
  await expect(page.getByText(/2 kg/).first()).toBeVisible();
  await noHorizontalScroll(page);
  await expectNoAxeViolations(page, "learn page dark 320");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Alle sider" })).toBeHidden();
  await expect(page.getByText(/^Kilde: /)).toBeVisible();
});

// Two tabs never lose a write (issue 11). Two pages of one browser context, both forms
// filled, both save buttons pressed within a millisecond; and one page busy for 400 ms of
// main-thread work (a slow phone drawing charts) while the other saves, its own save made
// at the end of that work, from a copy of storage that has not yet seen the other's
// write. 20 trials each, for every kind of document. Both pages must say "Gemt" (or the
// kind's own saved message) and storage must end up holding both entries, in both pages.
import { test, expect } from "./fixtures.mjs";
import { WALK } from "./pages/progress.mjs";

const NOW = "2026-11-23T10:00:00+01:00";
const TRIALS = 20;
const BUSY_MS = 400;

/** Opens two pages of one context on `hash`, storage seeded once with `docs`. */
async function twoPages(context, hash, docs = {}) {
  await context.addInitScript((docs) => {
    if (localStorage.getItem("trinvis.e2e-seeded")) return;
    localStorage.setItem("trinvis.e2e-seeded", "1");
    for (const [k, v] of Object.entries(docs)) localStorage.setItem(k, v);
  }, docs);
  const a = await context.newPage();
  await a.clock.setFixedTime(new Date(NOW));
  const b = await context.newPage();
  for (const p of [a, b]) {
    await p.goto(`/${hash}`);
    await expect(p.getByRole("main")).toBeVisible();
  }
  const starter = await context.newPage();
  await starter.goto("/manifest.webmanifest");
  return [a, b, starter];
}

/**
 * Presses `buttonA` in page a and `buttonB` in page b.
 * "together": both pages listen on one BroadcastChannel, and a third page of the context
 * (a static file of the app's origin, so no third app) sends one message: each page
 * clicks the moment it hears it, so both saves happen before either page can have seen
 * the other's write (the clocks of the pages are fake, so this is not measured in ms).
 * "busy": page b announces that it is busy, works for BUSY_MS on its main thread, and
 * clicks at the end of that work; page a clicks as soon as it hears b is busy.
 */
async function press(mode, a, buttonA, b, buttonB, starter) {
  // Each page says when its listener is in place, so no message is sent before.
  const listening = async (p) => expect.poll(() => p.evaluate(() => window.__e2eListening === true)).toBe(true);
  const listen = (el, channel) =>
    new Promise((resolve) => {
      const ch = new BroadcastChannel(channel);
      ch.onmessage = () => {
        el.click();
        ch.close();
        window.__e2eListening = false;
        resolve();
      };
      window.__e2eListening = true;
    });
  if (mode === "together") {
    const clicked = Promise.all([buttonA.evaluate(listen, "trinvis-e2e-go"), buttonB.evaluate(listen, "trinvis-e2e-go")]);
    await listening(a);
    await listening(b);
    await starter.evaluate(() => new BroadcastChannel("trinvis-e2e-go").postMessage("go"));
    await clicked;
    return;
  }
  const heard = buttonA.evaluate(listen, "trinvis-e2e-busy");
  await listening(a);
  const worked = buttonB.evaluate((el, ms) => {
    new BroadcastChannel("trinvis-e2e-busy").postMessage("busy");
    // The fake clock leaves event time stamps alone: they measure the work.
    const t0 = new Event("t").timeStamp;
    while (new Event("t").timeStamp - t0 < ms) {}
    el.click();
  }, BUSY_MS);
  await Promise.all([heard, worked]);
}

/** A stored document, parsed, as page `p` reads it. */
function stored(p, key) {
  return p.evaluate((key) => JSON.parse(localStorage.getItem(key) || "null"), key);
}

/** Waits until both pages read storage as `check` wants it. */
async function bothSee(a, b, check, what) {
  for (const [name, p] of [["a", a], ["b", b]]) {
    try {
      await expect.poll(() => check(p), { message: `${what} (page ${name})`, timeout: 5_000 }).toBe(true);
    } catch (e) {
      const dump = await p.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("trinvis.")));
      console.log(`page ${name} storage:`, JSON.stringify(dump));
      throw e;
    }
  }
}

const MODES = ["together", "busy"];

// Each test has its own context and takes minutes: let the workers share them.
test.describe.configure({ mode: "parallel" });

// ---------------------------------------------------------------------------------------

for (const mode of MODES) {
  test(`check-ins: two pages saving ${mode === "busy" ? "while one is busy" : "within 1 ms"} keep both, ${TRIALS} times`, async ({ context }) => {
    // Each trial opens the form again with "Nyt check-in" in both pages: about 6 s a trial.
    test.setTimeout(400_000);
    const [a, b, starter] = await twoPages(context, "#/");
    const month = "trinvis.checkins.2026-11";
    const count = async (p) => ((await stored(p, month))?.entries ?? []).length;
    for (let i = 0; i < TRIALS; i++) {
      const buttons = [];
      for (const [p, pain] of [[a, i % 11], [b, (i + 5) % 11]]) {
        // After a save the check-in card is one line; "Nyt check-in" opens the form again.
        const again = p.getByRole("button", { name: "Nyt check-in" });
        if (await again.isVisible()) await again.click();
        const group = p.getByRole("group", { name: /Smerte lige nu/ });
        await group.getByRole("button", { name: String(pain), exact: true }).click();
        buttons.push(p.getByRole("button", { name: "Gem", exact: true }));
      }
      await press(mode, a, buttons[0], b, buttons[1], starter);
      for (const p of [a, b]) {
        await expect(p.getByRole("status").filter({ hasText: /Gemt kl\. \d\d\.\d\d/ }).first()).toBeVisible();
      }
      await bothSee(a, b, async (p) => (await count(p)) === 2 * (i + 1), `trial ${i}: ${2 * (i + 1)} check-ins`);
    }
    // A new page load (the diary) reads every one.
    await a.goto("/#/diary");
    await expect(a.getByRole("region", { name: "Dine seneste check-ins" })).toBeVisible();
    expect(await count(a)).toBe(2 * TRIALS);
  });

  test(`sessions: two pages logging ${mode === "busy" ? "while one is busy" : "within 1 ms"} keep both, ${TRIALS} times`, async ({ context }) => {
    // The coach card redraws its plan after every session: about 8 s a trial here.
    test.setTimeout(400_000);
    const [a, b, starter] = await twoPages(context, "#/", { "trinvis.activities": WALK });
    const month = "trinvis.checkins.2026-11";
    const count = async (p) => ((await stored(p, month))?.sessions ?? []).length;
    for (let i = 0; i < TRIALS; i++) {
      const buttons = [];
      for (const p of [a, b]) {
        const card = p.getByRole("region", { name: "Dine aktiviteter i dag" }).getByRole("article", { name: "Gåtur" });
        const form = card.getByRole("form", { name: "Skriv en træning ind" });
        if (!(await form.isVisible())) await card.getByRole("button", { name: "Skriv ind", exact: true }).click();
        await form.getByRole("textbox", { name: /Hvor meget\?/ }).fill("10");
        await form.getByRole("group", { name: "Smerte under aktiviteten" }).getByRole("button", { name: "2", exact: true }).click();
        await form.getByRole("group", { name: /^Okay nu\?/ }).getByRole("button", { name: "Ja" }).click();
        buttons.push(form.getByRole("button", { name: "Gem træning" }));
      }
      await press(mode, a, buttons[0], b, buttons[1], starter);
      for (const p of [a, b]) {
        await expect(p.getByRole("status").filter({ hasText: /^Gemt\. Vi spørger “Okay senere\?”/ }).first()).toBeVisible();
      }
      await bothSee(a, b, async (p) => (await count(p)) === 2 * (i + 1), `trial ${i}: ${2 * (i + 1)} sessions`);
    }
  });

  test(`activities: two pages adding ${mode === "busy" ? "while one is busy" : "within 1 ms"} keep both, ${TRIALS} times`, async ({ context }) => {
    test.setTimeout(150_000);
    const [a, b, starter] = await twoPages(context, "#/");
    const count = async (p) => ((await stored(p, "trinvis.activities"))?.activities ?? []).length;
    for (let i = 0; i < TRIALS; i++) {
      const buttons = [];
      for (const [p, name] of [[a, `Gåtur ${i}`], [b, `Cykling ${i}`]]) {
        const section = p.getByRole("region", { name: "Dine aktiviteter i dag" });
        const form = section.getByRole("form", { name: "Tilføj en aktivitet" });
        if (!(await form.isVisible())) await section.getByText("Tilføj en aktivitet", { exact: true }).click();
        await form.getByRole("combobox", { name: "Navn" }).fill(name);
        await form.getByRole("textbox", { name: "Udgangspunkt" }).fill("10");
        buttons.push(form.getByRole("button", { name: "Tilføj aktivitet" }));
      }
      await press(mode, a, buttons[0], b, buttons[1], starter);
      for (const p of [a, b]) {
        await expect(p.getByRole("status").filter({ hasText: "Aktiviteten er tilføjet." }).first()).toBeVisible();
      }
      await bothSee(a, b, async (p) => (await count(p)) === 2 * (i + 1), `trial ${i}: ${2 * (i + 1)} activities`);
    }
  });

  test(`goals: two pages saving ${mode === "busy" ? "while one is busy" : "within 1 ms"} keep both, ${TRIALS} times`, async ({ context }) => {
    test.setTimeout(180_000);
    const [a, b, starter] = await twoPages(context, "#/progress", { "trinvis.activities": WALK });
    const count = async (p) => ((await stored(p, "trinvis.goals"))?.goals ?? []).length;
    for (let i = 0; i < TRIALS; i++) {
      const buttons = [];
      for (const [p, what] of [[a, `Gå til bageren ${i}`], [b, `Gå i skoven ${i}`]]) {
        const goals = p.getByRole("region", { name: "Dine mål" });
        const form = goals.getByRole("form", { name: "Sæt et nyt mål" });
        if (!(await form.isVisible())) await goals.getByText("Sæt et nyt mål", { exact: true }).click();
        await form.getByRole("combobox", { name: "Hvad vil du gerne kunne gøre mere af?" }).selectOption({ label: "Gåtur" });
        await form.getByRole("textbox", { name: "Hvad forhindrer smerten dig i nu?" }).fill(what);
        await form.getByRole("textbox", { name: "Hvor meget vil du kunne?" }).fill("20");
        await form.getByRole("textbox", { name: "Hvorfor betyder det noget for dig?" }).fill("Det er godt for mig");
        await form.getByLabel("Hvornår vil du have nået det?").fill("2027-01-15");
        await form.getByRole("group", { name: "Hvor sikker er du på at nå målet?" }).getByRole("button", { name: "8", exact: true }).click();
        buttons.push(form.getByRole("button", { name: "Gem målet" }));
      }
      await press(mode, a, buttons[0], b, buttons[1], starter);
      for (const p of [a, b]) {
        await expect(p.getByRole("region", { name: "Dine mål" }).getByRole("status")).toHaveText("Målet er gemt.");
      }
      await bothSee(a, b, async (p) => (await count(p)) === 2 * (i + 1), `trial ${i}: ${2 * (i + 1)} goals`);
    }
  });

  test(`weekly reviews: two pages answering ${mode === "busy" ? "while one is busy" : "within 1 ms"} lose no week, ${TRIALS} weeks`, async ({ context }) => {
    test.setTimeout(180_000);
    // The clock belongs to the context: both pages answer the same week, one answer wins
    // that week, and no earlier week is lost.
    const [a, b, starter] = await twoPages(context, "#/progress");
    const weeks = async (p) => ((await stored(p, "trinvis.reviews"))?.reviews ?? []).map((r) => r[0]);
    const monday = new Date("2026-11-23T10:00:00+01:00");
    for (let i = 0; i < TRIALS; i++) {
      const when = new Date(monday.getTime() + i * 7 * 86400_000);
      await a.clock.setFixedTime(when);
      const buttons = [];
      for (const [p, face] of [[a, "Bedre"], [b, "Værre"]]) {
        await p.reload();
        const review = p.getByRole("region", { name: "Ugentlig opfølgning" });
        await review.getByRole("group", { name: "Smerten", exact: true }).getByRole("button", { name: face, exact: true }).click();
        buttons.push(review.getByRole("button", { name: "Gem ugens svar" }));
      }
      await press(mode, a, buttons[0], b, buttons[1], starter);
      for (const p of [a, b]) {
        await expect(p.getByRole("region", { name: "Ugentlig opfølgning" }).getByRole("status")).toHaveText("Tak. Dine svar er gemt.");
      }
      await bothSee(a, b, async (p) => (await weeks(p)).length === i + 1, `trial ${i}: ${i + 1} weeks`);
    }
  });

  test(`the profile: two pages answering warning signs ${mode === "busy" ? "while one is busy" : "within 1 ms"} keep both answers, ${TRIALS} times`, async ({ context }) => {
    test.setTimeout(150_000);
    const [a, b, starter] = await twoPages(context, "#/check");
    // What each page shows pressed, sign by sign ("Ja", "Nej" or null).
    const shown = (p) =>
      p.getByRole("main").evaluate((main) =>
        [...main.querySelectorAll("fieldset")].map((f) => f.querySelector('button[aria-pressed="true"]')?.textContent ?? null),
      );
    const legends = await a.getByRole("main").evaluate((main) => [...main.querySelectorAll("fieldset legend")].map((l) => l.textContent));
    expect(legends.length).toBe(7);
    const expected = legends.map(() => null);
    for (let i = 0; i < TRIALS; i++) {
      // Page a answers one sign, page b the next one; the answers change every trial.
      const [sa, sb] = [i % 7, (i + 1) % 7];
      const answer = i % 2 === 0 ? "Ja" : "Nej";
      const buttons = [];
      for (const [p, s] of [[a, sa], [b, sb]]) {
        buttons.push(p.getByRole("group", { name: legends[s], exact: true }).getByRole("button", { name: answer, exact: true }));
      }
      await press(mode, a, buttons[0], b, buttons[1], starter);
      expected[sa] = answer;
      expected[sb] = answer;
      const want = JSON.stringify(expected);
      await bothSee(a, b, async (p) => JSON.stringify(await shown(p)) === want, `trial ${i}: ${want}`);
    }
    // A new page load shows the same answers: they are what is stored.
    await b.reload();
    await expect.poll(async () => JSON.stringify(await shown(b))).toBe(JSON.stringify(expected));
  });

  test(`the settings: a language switch and a backup ${mode === "busy" ? "while one is busy" : "within 1 ms"} are both kept, ${TRIALS} times`, async ({ context }) => {
    test.setTimeout(150_000);
    // The language switch and "Dine data" both live under "Mere".
    const [a, b, starter] = await twoPages(context, "#/more");
    const settings = (p) => stored(p, "trinvis.settings");
    for (let i = 0; i < TRIALS; i++) {
      const when = new Date(new Date(NOW).getTime() + i * 60_000);
      await a.clock.setFixedTime(when);
      const expectLang = i % 2 === 0 ? "en" : "da";
      const langButton = a.getByRole("button", { name: expectLang === "en" ? "Switch to English" : "Skift til dansk" });
      const backup = b.getByRole("button", { name: /^(Hent sikkerhedskopi|Download a backup)$/ });
      await backup.scrollIntoViewIfNeeded();
      const download = b.waitForEvent("download");
      await press(mode, a, langButton, b, backup, starter);
      await download;
      await bothSee(
        a,
        b,
        async (p) => {
          const s = await settings(p);
          return s?.lang === expectLang && typeof s?.last_backup_at === "string" && new Date(s.last_backup_at).getTime() === when.getTime();
        },
        `trial ${i}: language ${expectLang} and the backup time`,
      );
      await expect(a.locator("html")).toHaveAttribute("lang", expectLang);
    }
  });
}

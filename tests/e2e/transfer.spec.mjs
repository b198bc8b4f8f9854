// Moving data (issue 7): the backup and CSV downloads, importing a backup into an empty
// browser (replace or merge, twice without duplicates), a bad file, and the plan link from
// the physio page opened in a second browser. Everything by role and accessible name.
import fs from "node:fs";
import { test, expect, expectNoAxeViolations, noHorizontalScroll, APP_ORIGIN, switchLanguage } from "./fixtures.mjs";
import { Coach } from "./pages/coach.mjs";
import { tab } from "./pages/today.mjs";

const NOW = "2026-11-23T10:00:00+01:00";

/** A second, empty browser (another phone): same app, same clock, nothing stored. */
async function freshPage(browser, when = NOW) {
  const context = await browser.newContext({ baseURL: APP_ORIGIN, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(when));
  return { context, page };
}

function dataPanel(page) {
  return page.getByRole("region", { name: "Dine data" });
}

async function download(page, buttonName) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    dataPanel(page).getByRole("button", { name: buttonName }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()), path: await file.path() };
}

async function stored(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("trinvis."))
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
  );
}

async function chooseBackup(page, file) {
  await dataPanel(page).getByLabel("Vælg en sikkerhedskopi").setInputFiles(file);
}

/** A diary with a check-in (with a note) and an activity in km with one session. */
async function makeDiary(page) {
  const coach = new Coach(page);
  await coach.today.open(NOW);
  await coach.today.checkIn(4, { note: "Ondt i <b>knæet</b>; gik alligevel" });
  const form = await coach.openAdd();
  await form.getByRole("combobox", { name: "Navn" }).fill("Cykling");
  await form.getByRole("combobox", { name: "Enhed" }).selectOption("km");
  await form.getByRole("textbox", { name: "Udgangspunkt" }).fill("2,5");
  await form.getByRole("button", { name: "Tilføj aktivitet" }).click();
  await expect(coach.section().getByRole("status").filter({ hasText: "Aktiviteten er tilføjet." })).toBeVisible();
  await coach.logSession("Cykling", { pain: 2, okayNow: true });
  await expect(coach.card("Cykling").getByRole("status").filter({ hasText: /Gemt\./ })).toBeVisible();
  // "Dine data" lives under "Mere".
  await tab(page, "Mere");
  return coach;
}

test("backup and CSV download, then the backup moves the diary to an empty browser", async ({ page, browser }) => {
  await makeDiary(page);
  await expect(dataPanel(page).getByText("Du har ikke hentet en sikkerhedskopi endnu.")).toBeVisible();

  const backup = await download(page, "Hent sikkerhedskopi");
  expect(backup.name).toBe("trinvis-backup-2026-11-23.json");
  const json = JSON.parse(backup.bytes.toString("utf8"));
  expect(json.kind).toBe("trinvis-backup");
  await expect(dataPanel(page).getByText("Sikkerhedskopien er hentet.")).toBeVisible();
  await expect(dataPanel(page).getByText("Din seneste sikkerhedskopi: 23. november 2026.")).toBeVisible();

  const checkins = await download(page, "Hent check-ins som regneark (CSV)");
  expect(checkins.name).toBe("trinvis-indtjek-2026-11-23.csv");
  expect([...checkins.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = checkins.bytes.toString("utf8").slice(1).split("\r\n");
  expect(rows[0]).toContain(";");
  expect(rows[1]).toContain("2026-11-23");
  expect(rows[1]).toContain("Ondt i <b>knæet</b>; gik alligevel");

  const sessions = await download(page, "Hent træninger som regneark (CSV)");
  expect(sessions.name).toBe("trinvis-sessioner-2026-11-23.csv");
  expect([...sessions.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const srows = sessions.bytes.toString("utf8").split("\r\n");
  expect(srows[1].split(";")).toContain("2,5");
  expect(srows[1]).toContain("Cykling");

  // Another phone: empty, then the backup, merged. The same check-in and activity appear.
  const other = await freshPage(browser);
  const p2 = other.page;
  await p2.goto("/#/");
  await tab(p2, "Mere");
  await chooseBackup(p2, backup.path);
  const preview = dataPanel(p2).getByRole("group", { name: "Det er der i filen" });
  await expect(preview.getByText("Fra 23. november 2026 til 23. november 2026.")).toBeVisible();
  await expect(preview.getByText(/^Filen indeholder 1 check-in, 1 træning, 1 aktivitet, 0 mål og 0 ugentlige opfølgninger/)).toBeVisible();
  await expect(preview.getByText(/Erstat: alt på denne enhed bliver slettet/)).toBeVisible();
  await preview.getByRole("button", { name: "Flet" }).click();
  await expect(dataPanel(p2).getByText("Færdig. Sikkerhedskopien er lagt ind.")).toBeVisible();
  const coach2 = new Coach(p2);
  await tab(p2, "I dag");
  await expect(coach2.card("Cykling")).toBeVisible();
  await expect(coach2.todayLine("Cykling")).toHaveText("I dag: 2,5 km");
  await coach2.today.openDiary();
  const recent = p2.getByRole("region", { name: "Dine seneste check-ins" });
  await expect(recent.getByText("Ondt i <b>knæet</b>; gik alligevel")).toBeVisible();
  const before = await stored(p2);

  // The same file merged again: nothing new, nothing twice.
  await tab(p2, "Mere");
  await chooseBackup(p2, backup.path);
  await dataPanel(p2).getByRole("button", { name: "Flet" }).click();
  await expect(dataPanel(p2).getByText("Der var intet nyt i filen.")).toBeVisible();
  expect(await stored(p2)).toEqual(before);
  await tab(p2, "I dag");
  await expect(coach2.section().getByRole("article")).toHaveCount(1);

  // Replace: the device ends up holding exactly the backup (and survives a reload).
  await tab(p2, "Mere");
  await chooseBackup(p2, backup.path);
  await dataPanel(p2).getByRole("button", { name: "Erstat" }).click();
  await expect(dataPanel(p2).getByText(/Færdig|intet nyt/)).toBeVisible();
  await tab(p2, "I dag");
  await p2.reload();
  await expect(coach2.card("Cykling")).toBeVisible();
  await coach2.today.openDiary();
  await expect(recent.getByText("Ondt i <b>knæet</b>; gik alligevel")).toBeVisible();
  await other.context.close();
});

test("a CSV or a broken file given as a backup says what is wrong and changes nothing", async ({ page }, testInfo) => {
  await makeDiary(page);
  const csv = await download(page, "Hent check-ins som regneark (CSV)");
  const before = await stored(page);

  await chooseBackup(page, csv.path);
  const alert = dataPanel(page).getByRole("alert");
  await expect(alert).toContainText("Det er et regneark (CSV).");
  await expect(alert).toContainText("Intet er ændret.");
  await expect(dataPanel(page).getByRole("group", { name: "Det er der i filen" })).toHaveCount(0);
  expect(await stored(page)).toEqual(before);

  const cut = testInfo.outputPath("cut.json");
  fs.writeFileSync(cut, '{"kind":"trinvis-backup","schema_version":1,"documents":{');
  await chooseBackup(page, cut);
  await expect(alert).toContainText("Filen slutter midt i.");
  expect(await stored(page)).toEqual(before);
});

async function composePlan(page) {
  await page.goto("/#/physio");
  const form = page.getByRole("form", { name: "Til fysioterapeuter" });
  const first = form.getByRole("group", { name: "Aktivitet 1" });
  await first.getByRole("textbox", { name: "Navn" }).fill("Gåtur");
  await first.getByRole("textbox", { name: "Udgangspunkt" }).fill("10");
  await first.getByRole("textbox", { name: "Trin op (valgfrit)" }).fill("2");
  await form.getByRole("button", { name: "Tilføj en aktivitet mere" }).click();
  const second = form.getByRole("group", { name: "Aktivitet 2" });
  await second.getByRole("textbox", { name: "Navn" }).fill("Squat");
  await second.getByRole("combobox", { name: "Enhed" }).selectOption("repetitions");
  await second.getByRole("textbox", { name: "Udgangspunkt" }).fill("8");
  await second.getByRole("radio", { name: "En lettere aktivitet" }).check();
  await second.getByRole("textbox", { name: "Lettere aktivitet" }).fill("Rejse-sætte-sig");
  await second.getByRole("textbox", { name: "Hvor meget af den?" }).fill("4");
  await form.getByRole("textbox", { name: "Mål i ord (valgfrit)" }).fill("Gå til bageren");
  await form.getByRole("checkbox", { name: "Andre smertegrænser end 3 og 5" }).check();
  await form.getByRole("textbox", { name: "Sikkert op til (0-10)" }).fill("4");
  await form.getByRole("textbox", { name: "Acceptabelt op til (0-10)" }).fill("6");
  await form.getByRole("textbox", { name: /Besked til patienten/ }).fill("Gå hver dag. <script>alert(1)</script>");
  await form.getByRole("button", { name: "Lav link" }).click();
  const link = page.getByRole("textbox", { name: "Link til patienten" });
  await expect(link).toHaveValue(/#plan=v1\./);
  await expect(page.getByRole("img", { name: /QR-kode til planen/ })).toBeVisible();
  return link.inputValue();
}

test("the physio page names the activity and the field it cannot read, and makes the link once all can be read", async ({ page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto("/#/physio");
  const form = page.getByRole("form", { name: "Til fysioterapeuter" });
  const alert = form.getByRole("alert");
  const make = form.getByRole("button", { name: "Lav link" });
  const link = page.getByRole("textbox", { name: "Link til patienten" });
  await make.click();
  await expect(alert).toHaveText("Aktivitet 1: Udgangspunkt: Skriv et tal.");
  await expect(link).toHaveCount(0);

  const first = form.getByRole("group", { name: "Aktivitet 1" });
  await first.getByRole("textbox", { name: "Navn" }).fill("Gåtur");
  await first.getByRole("textbox", { name: "Udgangspunkt" }).fill("10");
  await form.getByRole("button", { name: "Tilføj en aktivitet mere" }).click();
  const second = form.getByRole("group", { name: "Aktivitet 2" });
  await second.getByRole("textbox", { name: "Udgangspunkt" }).fill("8");
  await second.getByRole("textbox", { name: "Trin op (valgfrit)" }).fill("x");
  await make.click();
  await expect(alert).toHaveText("Aktivitet 2: Trin op (valgfrit): Det er ikke et tal. Skriv fx 10 eller 2,5.");
  await second.getByRole("textbox", { name: "Trin op (valgfrit)" }).fill("");
  await second.getByRole("radio", { name: "En lettere aktivitet" }).check();
  await second.getByRole("textbox", { name: "Lettere aktivitet" }).fill("Cykel");
  await make.click();
  await expect(alert).toHaveText("Aktivitet 2: Hvor meget af den?: Skriv et tal.");
  await second.getByRole("radio", { name: "Halvdelen" }).check();
  await make.click();
  // The amounts can be read; now the plan's rules: the second activity has no name.
  await expect(alert).toHaveText("Aktivitet 2: Giv aktiviteten et navn.");
  await second.getByRole("textbox", { name: "Navn" }).fill("Squat");

  await form.getByRole("checkbox", { name: "Andre smertegrænser end 3 og 5" }).check();
  await form.getByRole("textbox", { name: "Sikkert op til (0-10)" }).fill("6");
  await form.getByRole("textbox", { name: "Acceptabelt op til (0-10)" }).fill("4");
  await make.click();
  await expect(alert).toHaveText(
    "Smertegrænserne skal være hele tal fra 0 til 10, og sikkert må ikke være højere end acceptabelt.",
  );
  await form.getByRole("textbox", { name: "Acceptabelt op til (0-10)" }).fill("fem");
  await make.click();
  await expect(alert).toHaveText(/^Smertegrænserne skal være hele tal/);
  await form.getByRole("textbox", { name: "Acceptabelt op til (0-10)" }).fill("7");
  await make.click();
  await expect(alert).toHaveText("");
  await expect(link).toHaveValue(/#plan=v1\./);

  // In English the same sentences (the form may be fresh after the switch: activity 1 is
  // the first one read either way).
  await switchLanguage(page);
  const en = page.getByRole("form", { name: "For physiotherapists" });
  await en.getByRole("group", { name: "Activity 1" }).getByRole("textbox", { name: "Baseline" }).fill("0");
  await en.getByRole("button", { name: "Make link" }).click();
  await expect(en.getByRole("alert")).toHaveText("Activity 1: Baseline: The amount must be more than 0.");
});

test("the physio page makes a link; another browser sees the plan, confirms, and has the activities", async ({ page, browser }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const url = await composePlan(page);
  expect(url.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  await expectNoAxeViolations(page, "physio page (da)");
  await page.setViewportSize({ width: 320, height: 800 });
  await noHorizontalScroll(page);
  await switchLanguage(page);
  await expect(page.getByRole("heading", { name: "For physiotherapists" })).toBeVisible();
  await expectNoAxeViolations(page, "physio page (en)");

  // The patient's phone already has a "Gåtur": it is kept, and the clash is named.
  const patient = await freshPage(browser);
  const p2 = patient.page;
  const coach = new Coach(p2);
  await coach.today.open(NOW);
  await coach.addActivity({ name: "Gåtur", baseline: "20" });
  await p2.goto(url);
  const screen = p2.getByRole("region", { name: "En plan fra din fysioterapeut" });
  await expect(screen).toBeVisible();
  await expect(screen.getByText("Gå hver dag. <script>alert(1)</script>")).toBeVisible();
  await expect(screen.getByText("Start med 10 minutter, 3 gange om ugen.")).toBeVisible();
  await expect(screen.getByText("Gå op med 2 minutter ad gangen.")).toBeVisible();
  await expect(screen.getByText("På en dårlig dag: Rejse-sætte-sig, 4 gentagelser.")).toBeVisible();
  await expect(screen.getByText("Dit mål: Gå til bageren")).toBeVisible();
  await expect(screen.getByText(/op til 4 er sikkert, op til 6 er acceptabelt/)).toBeVisible();
  await expect(screen.getByText(/Du har allerede en aktivitet, der hedder Gåtur/)).toBeVisible();
  await expectNoAxeViolations(p2, "plan screen (da)");
  await p2.getByRole("button", { name: "Switch to English" }).click();
  await expect(p2.getByRole("region", { name: "A plan from your physiotherapist" })).toBeVisible();
  await expectNoAxeViolations(p2, "plan screen (en)");
  await p2.getByRole("button", { name: "Skift til dansk" }).click();
  // Nothing is added before the patient says yes.
  expect((await stored(p2)).find(([k]) => k === "trinvis.activities")[1]).not.toContain("Squat");

  await screen.getByRole("button", { name: "Tilføj planen" }).click();
  // Never welcomed on this phone: a short welcome asks for the conditions and the check.
  await expect(p2.getByRole("heading", { name: "Planen er lagt ind" })).toBeVisible();
  await expect(p2.getByText("Trin 1 af 2")).toBeVisible();
  await p2.getByRole("button", { name: "Spring over" }).click();
  await expect(p2.getByRole("heading", { name: "Tjek for advarselstegn" })).toBeVisible();
  await p2.getByRole("button", { name: "Spring over" }).click();
  await expect(p2.getByRole("status").filter({ hasText: "Planen er lagt ind." })).toBeVisible();
  await expect.poll(() => p2.evaluate(() => location.hash)).toBe("#/");
  await expect(coach.section().getByRole("article", { name: "Gåtur" })).toHaveCount(2);
  await expect(coach.todayLine("Squat")).toHaveText("I dag: 8 gentagelser");
  await expect(coach.section().getByRole("heading", { name: "Fra din fysioterapeut" })).toBeVisible();
  await expect(coach.section().getByText("Gå hver dag. <script>alert(1)</script>")).toBeVisible();
  // The old "Gåtur" is unchanged: still 20 minutes.
  await expect(coach.section().getByText("I dag: 20 minutter")).toBeVisible();
  // The physio's pain limits (4 and 6) steer the guide beside "okay now?".
  const squat = coach.card("Squat");
  await squat.getByRole("button", { name: "Skriv ind", exact: true }).click();
  const log = squat.getByRole("form", { name: "Skriv en træning ind" });
  await expect(log.getByText(/op til 4 er sikker, op til 6 er acceptabel/)).toBeVisible();
  await log.getByRole("group", { name: "Smerte under aktiviteten" }).getByRole("button", { name: "5", exact: true }).click();
  await expect(log.getByText("Smerte 5: acceptabel.")).toBeVisible();
  await patient.context.close();
});

test("a tampered plan link shows the message and adds nothing; 'Nej tak' adds nothing", async ({ page, browser }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const url = await composePlan(page);
  const [base, checksum] = [url.slice(0, url.lastIndexOf(".")), url.slice(url.lastIndexOf(".") + 1)];
  const payload = base.slice(base.indexOf("v1.") + 3);
  // One character of the payload changed, the checksum kept.
  const i = Math.floor(payload.length / 2);
  const changed = payload.slice(0, i) + (payload[i] === "A" ? "B" : "A") + payload.slice(i + 1);
  const tampered = `${base.slice(0, base.indexOf("v1.") + 3)}${changed}.${checksum}`;

  const patient = await freshPage(browser);
  const p2 = patient.page;
  await p2.goto(tampered);
  const screen = p2.getByRole("region", { name: "Linket kan ikke bruges" });
  await expect(screen.getByRole("alert")).toContainText("Linket er blevet ændret undervejs");
  await screen.getByRole("button", { name: "Til forsiden" }).click();
  await expect(p2.getByRole("status").filter({ hasText: "Planen er ikke lagt ind." })).toBeVisible();
  expect((await stored(p2)).filter(([k]) => k === "trinvis.activities")).toEqual([]);

  await p2.goto(url);
  await p2.getByRole("button", { name: "Nej tak" }).click();
  await expect(p2.getByRole("status").filter({ hasText: "Planen er ikke lagt ind. Intet er ændret." })).toBeVisible();
  expect((await stored(p2)).filter(([k]) => k === "trinvis.activities")).toEqual([]);
  await patient.context.close();
});

test("the reminder comes after a week of check-ins without a backup, and says where the data lives", async ({ page }) => {
  const coach = new Coach(page);
  for (let day = 10; day <= 16; day++) {
    await coach.today.open(`2026-11-${day}T09:00:00+01:00`);
    await expect(page.getByRole("region", { name: "Tid til en sikkerhedskopi" })).toHaveCount(0);
    await coach.today.checkIn(3);
  }
  await coach.today.open("2026-11-17T09:00:00+01:00");
  const reminder = page.getByRole("region", { name: "Tid til en sikkerhedskopi" });
  await expect(reminder).toContainText("kun på denne enhed, i denne browser");
  await expect(reminder).toContainText("Hvis du sletter browserens data");
  await Promise.all([page.waitForEvent("download"), reminder.getByRole("button", { name: "Hent sikkerhedskopi" }).click()]);
  await expect(reminder).toHaveCount(0);
  await expectNoAxeViolations(page, "today with data panel");
});

// Page object for the progress screen: everything by role and accessible name.
import { expect } from "@playwright/test";

/** A month document of check-ins, one a day at 09:00 local time: `pains` maps day -> pain. */
export function monthDoc(month, pains) {
  const entries = Object.entries(pains).map(([day, pain]) => [`e${day}`, (Number(day) - 1) * 86400 + 9 * 3600, 60, pain]);
  return JSON.stringify({ kind: "trinvis.checkins", schema_version: 2, app_version: "0.2.0", month, entries, sessions: [] });
}

/** One daily pain per day from `start` (YYYY-MM-DD) on, as month documents by storage key. */
export function diaryDocs(start, pains) {
  const byMonth = {};
  const d = new Date(`${start}T12:00:00Z`);
  for (const pain of pains) {
    const month = d.toISOString().slice(0, 7);
    (byMonth[month] ??= {})[d.getUTCDate()] = pain;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return Object.fromEntries(Object.entries(byMonth).map(([m, p]) => [`trinvis.checkins.${m}`, monthDoc(m, p)]));
}

export const WALK = JSON.stringify({
  kind: "trinvis.activities", schema_version: 2, app_version: "0.2.0",
  activities: [{ id: "walk", name: "Gåtur", unit: "minutes", baseline: 10000, per_week: 5, plan_b: "fraction", created: [1795420800, 60] }],
});

export class ProgressPage {
  constructor(page) {
    this.page = page;
  }

  /** Seeds storage (key -> text) before the app loads, once per test. */
  async seed(docs) {
    await this.page.addInitScript((docs) => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      for (const [k, v] of Object.entries(docs)) localStorage.setItem(k, v);
    }, docs);
  }

  /** Opens the progress screen with the clock fixed at `when`, through the navigation. */
  async open(when) {
    if (when) await this.page.clock.setFixedTime(new Date(when));
    await this.page.goto("/#/");
    await this.page.getByRole("navigation").getByRole("link", { name: /^(Fremgang|Progress)$/ }).click();
    await expect(this.page.getByRole("heading", { level: 2, name: /Hvordan går det over tid\?|How is it going over time\?/ })).toBeVisible();
  }

  responder() {
    return this.page.getByRole("region", { name: /Hvordan går det over tid\?|How is it going over time\?/ });
  }

  goals() {
    return this.page.getByRole("region", { name: /^(Dine mål|Your goals)$/ });
  }

  review() {
    return this.page.getByRole("region", { name: /^(Ugentlig opfølgning|Weekly review)$/ });
  }

  charts() {
    return this.page.getByRole("region", { name: /^(Over tid|Over time)$/ });
  }

  chart(name) {
    return this.charts().getByRole("img", { name });
  }

  async range(name) {
    const b = this.charts().getByRole("group", { name: /Vis periode|Show period/ }).getByRole("button", { name, exact: true });
    await b.click();
    await expect(b).toHaveAttribute("aria-pressed", "true");
  }

  goalForm() {
    return this.goals().getByRole("form", { name: "Sæt et nyt mål" });
  }
}

// Page object for the today screen: everything by role and accessible name.
import { expect } from "@playwright/test";

export const DA = {
  painGroup: /Smerte lige nu/,
  more: /^Mere \(valgfrit\)$/,
  save: "Gem",
  saveChanges: "Gem ændringer",
  saved: /Gemt kl\. \d\d\.\d\d/,
  recent: "Dine seneste check-ins",
  newCheckIn: "Nyt check-in",
};

/** The bottom tab bar (Hovedmenu / Main menu). */
export function tabs(page) {
  return page.getByRole("navigation", { name: /^(Hovedmenu|Main menu)$/ });
}

/** Taps a tab of the bottom bar by its name (I dag, Fremgang, Lær, Mere). */
export async function tab(page, name) {
  await tabs(page).getByRole("link", { name, exact: true }).click();
}

export class TodayPage {
  constructor(page) {
    this.page = page;
  }

  /** Opens the app with the clock fixed at `when` (an ISO string with offset). */
  async open(when) {
    if (when) await this.page.clock.setFixedTime(new Date(when));
    // A new page load, as when the patient opens the app (going to the same "#/" address
    // again would only be a fragment change).
    if (new URL(this.page.url(), "http://x").hash === "#/") await this.page.reload();
    else await this.page.goto("/#/");
    await expect(this.painGroup()).toBeVisible();
    await this.coachReady();
  }

  /** The coach section is a part fetched right after the check-in draws: wait for it
   * (its bad-day toggle is there in every state). */
  async coachReady() {
    await expect(this.page.getByRole("button", { name: /^(Det er en dårlig dag|This is a bad day)$/ })).toBeVisible();
  }

  async setTime(when) {
    await this.page.clock.setFixedTime(new Date(when));
  }

  painGroup(name = DA.painGroup) {
    return this.page.getByRole("group", { name });
  }

  painButton(n, group = DA.painGroup) {
    return this.painGroup(group).getByRole("button", { name: String(n), exact: true });
  }

  async choosePain(n) {
    await this.painButton(n).click();
    await expect(this.painButton(n)).toHaveAttribute("aria-pressed", "true");
  }

  async openMore() {
    const summary = this.page.getByText(DA.more);
    const details = this.page.locator("details").filter({ has: summary });
    if (!(await details.evaluate((d) => d.open))) await summary.click();
  }

  async save(name = DA.save) {
    await this.page.getByRole("button", { name, exact: true }).click();
  }

  /** After a save the card is one line; "Nyt check-in" opens the form again. */
  async newCheckIn() {
    const again = this.page.getByRole("button", { name: /^(Nyt check-in|New check-in)$/ });
    if (await again.isVisible()) await again.click();
  }

  /** Checks in with pain `n` and waits for the saved message. */
  async checkIn(n, { note } = {}) {
    await this.newCheckIn();
    await this.choosePain(n);
    if (note !== undefined) {
      await this.openMore();
      await this.page.getByRole("textbox", { name: /Note/ }).fill(note);
    }
    await this.save();
    await expect(this.status()).toHaveText(DA.saved);
  }

  status() {
    return this.page.getByRole("status").filter({ hasText: /Gemt|Saved|ændringen|change/i }).first();
  }

  alert() {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }

  recent(name = DA.recent) {
    return this.page.getByRole("region", { name });
  }

  /** Opens the diary as a patient does: the "Fremgang" tab, then its link. */
  async openDiary({ lang = "da" } = {}) {
    await tab(this.page, lang === "da" ? "Fremgang" : "Progress");
    await this.page.getByRole("link", { name: lang === "da" ? "Se og ret dine check-ins" : "See and edit your check-ins" }).click();
    await expect(this.recent(lang === "da" ? DA.recent : "Your recent check-ins")).toBeVisible();
  }

  /** Opens the "⋯" menu of a check-in in the diary ("I dag, 09.15"). */
  async entryMenu(when) {
    await this.page.getByLabel(`Flere valg: ${when}`, { exact: true }).click();
  }

  baseline() {
    return this.page.getByRole("region", { name: /Dit udgangspunkt|Your baseline/ });
  }

  /** The stored check-in documents, raw. */
  async storedMonths() {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("trinvis.checkins."))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    );
  }
}

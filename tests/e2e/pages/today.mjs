// Page object for the today screen: everything by role and accessible name.
import { expect } from "@playwright/test";

export const DA = {
  painGroup: /Smerte lige nu/,
  more: /Mere, hvis du har lyst/,
  save: "Gem",
  saveChanges: "Gem ændringer",
  saved: /Gemt kl\. \d\d\.\d\d/,
  recent: "Dine seneste check-ins",
};

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

  /** Checks in with pain `n` and waits for the saved message. */
  async checkIn(n, { note } = {}) {
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

  recent() {
    return this.page.getByRole("region", { name: DA.recent });
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

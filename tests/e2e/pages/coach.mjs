// Page object for the coach section of the today screen: by role and accessible name.
import { expect } from "@playwright/test";
import { TodayPage } from "./today.mjs";

export class Coach {
  constructor(page) {
    this.page = page;
    this.today = new TodayPage(page);
  }

  section() {
    return this.page.getByRole("region", { name: "Dine aktiviteter i dag" });
  }

  card(name) {
    return this.section().getByRole("article", { name });
  }

  /** Opens "Tilføj en aktivitet" (closed on the today screen) and returns its form. */
  async openAdd() {
    const form = this.section().getByRole("form", { name: "Tilføj en aktivitet" });
    if (!(await form.isVisible())) await this.section().getByText("Tilføj en aktivitet", { exact: true }).click();
    await expect(form).toBeVisible();
    return form;
  }

  async addActivity({ name, baseline, goal }) {
    const form = await this.openAdd();
    await form.getByRole("combobox", { name: "Navn" }).fill(name);
    await form.getByRole("textbox", { name: "Udgangspunkt" }).fill(baseline);
    if (goal) await form.getByRole("textbox", { name: "Mål (valgfrit)" }).fill(goal);
    await form.getByRole("button", { name: "Tilføj aktivitet" }).click();
    await expect(this.section().getByRole("status").filter({ hasText: "Aktiviteten er tilføjet." })).toBeVisible();
  }

  async logSession(name, { amount, pain, okayNow }) {
    const card = this.card(name);
    const form = card.getByRole("form", { name: "Skriv en træning ind" });
    await this.openLog(name);
    if (amount !== undefined) await form.getByRole("textbox", { name: /Hvor meget\?/ }).fill(amount);
    await form.getByRole("group", { name: "Smerte under aktiviteten" }).getByRole("button", { name: String(pain), exact: true }).click();
    await form.getByRole("group", { name: /^Okay nu\?/ }).getByRole("button", { name: okayNow ? "Ja" : "Nej" }).click();
    await form.getByRole("button", { name: "Gem træning" }).click();
  }

  async answerOkayLater(legend, yes) {
    const group = this.section().getByRole("group", { name: legend });
    await group.getByRole("button", { name: yes ? "Ja" : "Nej" }).click();
    await expect(this.section().getByRole("status").filter({ hasText: "Tak, dit svar er gemt." })).toBeVisible();
  }

  /** Opens the activity's session form (one form open at a time) and returns it. */
  async openLog(name) {
    const card = this.card(name);
    const form = card.getByRole("form", { name: "Skriv en træning ind" });
    if (!(await form.isVisible())) await card.getByRole("button", { name: "Skriv ind", exact: true }).click();
    return form;
  }

  /** Opens "Hvorfor? Trappen" (the reason, the ladder, edit and archive) and returns the card. */
  async why(name) {
    const card = this.card(name);
    const button = card.getByRole("button", { name: /: Hvorfor\? Trappen$/ });
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    return card;
  }

  todayLine(name) {
    return this.card(name).getByText(/^I dag: /);
  }
}


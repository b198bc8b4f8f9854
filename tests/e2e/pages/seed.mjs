// Realistic stored data for layout tests: six weeks of check-ins (two a day, pain falling
// from about 6 to about 3.5, some with sleep and stress), three activities with five
// sessions a week each (yesterday's walk still waiting for "okay later?"), a SMART goal,
// five weekly reviews and a profile with a condition. Never backed up, so the backup
// reminder shows. Documents as in ARCHITECTURE.md, "Storage layout".

const V = "0.2.0";
const DAY = 86400;

/** Local UTC offset in minutes for Copenhagen on a date (summer time until 25 Oct 2026). */
function offsetOn(y, m, d) {
  if (y === 2026 && (m < 10 || (m === 10 && d < 25))) return 120;
  return 60;
}

function* days(start, count) {
  const d = new Date(`${start}T12:00:00Z`);
  for (let i = 0; i < count; i++) {
    yield { i, y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

const monthKey = ({ y, m }) => `${y}-${String(m).padStart(2, "0")}`;
const iso = ({ y, m, d }) => `${monthKey({ y, m })}-${String(d).padStart(2, "0")}`;

/**
 * Storage items (key -> text) for `weeks` weeks of diary ending the day before `today`
 * (YYYY-MM-DD), with `activities` activities (at most 6).
 */
export function realisticDocs({ today = "2026-11-23", weeks = 6, activities = 3, clearedSign = false } = {}) {
  const count = weeks * 7;
  const startDate = new Date(`${today}T12:00:00Z`);
  startDate.setUTCDate(startDate.getUTCDate() - count);
  const start = startDate.toISOString().slice(0, 10);
  const months = {};
  const doc = (day) => (months[monthKey(day)] ??= { entries: [], sessions: [] });
  const acts = [
    { id: "walk", name: "Gåtur", unit: "minutes", baseline: 10000, goal: 30000, grow: 1000 },
    { id: "bike", name: "Cykling", unit: "km", baseline: 3000, goal: 8000, grow: 250 },
    { id: "squat", name: "Rejse-sætte-sig", unit: "repetitions", baseline: 6000, goal: 15000, grow: 500 },
    { id: "stairs", name: "Trapper", unit: "minutes", baseline: 3000, goal: 10000, grow: 250 },
    { id: "swim", name: "Svømning", unit: "minutes", baseline: 10000, goal: 30000, grow: 1000 },
    { id: "bridge", name: "Bækkenløft", unit: "repetitions", baseline: 8000, goal: 20000, grow: 500 },
  ].slice(0, activities);
  const all = [...days(start, count)];
  for (const day of all) {
    const off = offsetOn(day.y, day.m, day.d);
    const base = (day.d - 1) * DAY;
    // Pain falls over the weeks with a small wave; a bad day now and then.
    const trend = 6.2 - (2.7 * day.i) / (count - 1);
    const wave = [0, 1, 0, -1, 0, 1, -1][day.i % 7];
    const bad = day.i % 11 === 5 ? 2 : 0;
    const pain = (x) => Math.max(0, Math.min(10, Math.round(x)));
    const m = doc(day);
    m.entries.push(
      day.i % 3 === 0
        ? [`m${day.i}`, base + 9 * 3600, off, pain(trend + wave + bad), 6 + (day.i % 3), 4, 5]
        : [`m${day.i}`, base + 9 * 3600, off, pain(trend + wave + bad)],
    );
    m.entries.push([`e${day.i}`, base + 20 * 3600 + 15 * 60, off, pain(trend + bad)]);
    // Sessions on five days a week (not Wednesday and Saturday), yesterday's included.
    if (day.i % 7 === 2 || day.i % 7 === 5) continue;
    const week = Math.floor(day.i / 7);
    acts.forEach((a, k) => {
      const amount = Math.min(a.goal, a.baseline + week * a.grow);
      const row = [`s${day.i}-${a.id}`, a.id, day.d, base + (11 + k) * 3600, off, amount, 2 + (day.i % 3), 1];
      if (day.i < count - 1) row.push(1, base + DAY + 9 * 3600, off);
      m.sessions.push(row);
    });
  }
  const items = {};
  for (const [month, m] of Object.entries(months)) {
    items[`trinvis.checkins.${month}`] = JSON.stringify({
      kind: "trinvis.checkins", schema_version: 2, app_version: V, month, entries: m.entries, sessions: m.sessions,
    });
  }
  const created = Math.floor(Date.parse(`${start}T08:00:00Z`) / 1000);
  items["trinvis.activities"] = JSON.stringify({
    kind: "trinvis.activities", schema_version: 2, app_version: V,
    activities: acts.map((a) => ({
      id: a.id, name: a.name, unit: a.unit, baseline: a.baseline, per_week: 5, goal: a.goal, plan_b: "fraction",
      created: [created, offsetOn(...start.split("-").map(Number))],
    })),
  });
  items["trinvis.goals"] = JSON.stringify({
    kind: "trinvis.goals", schema_version: 2, app_version: V,
    goals: [{ id: "g1", activity: "walk", situation: "Gå til bageren og hjem igen", target: 30000, why: "Så jeg selv kan hente brød", confidence: 8, due: "2027-02-01", created: start }],
  });
  // Five weekly reviews (Mondays), oldest first.
  const mondays = all.filter((d) => d.i % 7 === 0).map(iso).slice(-6, -1);
  const faces = ["ssssss", "bsssws", "bsbsss", "bbbsss", "bbbbsb"];
  items["trinvis.reviews"] = JSON.stringify({
    kind: "trinvis.reviews", schema_version: 2, app_version: V, reviews: mondays.map((m, k) => [m, faces[k % faces.length]]),
  });
  items["trinvis.profile"] = JSON.stringify({
    kind: "trinvis.profile", schema_version: 1, app_version: V, conditions: ["low-back-pain"], first_visit_done: true,
    answers: Object.fromEntries(["saddle_numbness", "bladder_bowel", "strength_loss", "severe_pain", "spreading_numbness", "fever_weight_loss", "accident"].map((s) => [s, false])),
    answered: [created, 120],
  });
  if (clearedSign) {
    // "Loss of strength" was ticked, then cleared (seen by a doctor): kept on record.
    const p = JSON.parse(items["trinvis.profile"]);
    p.answers.strength_loss = true;
    p.cleared = ["strength_loss"];
    items["trinvis.profile"] = JSON.stringify(p);
  }
  return items;
}

/** Seeds storage before the app loads, once per test (a reload keeps what the test did). */
export async function seedOnce(page, docs) {
  await page.addInitScript((docs) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    for (const [k, v] of Object.entries(docs)) localStorage.setItem(k, v);
  }, docs);
}

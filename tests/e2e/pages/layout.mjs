// Layout checks that axe does not make (issue 12): a screen can pass axe and still be
// unreadable. expectReadableLayout(page, label) fails when, on the visible page,
//
// - the page scrolls sideways (scrollWidth > innerWidth);
// - an element's text is squeezed narrower than its longest word, so words break letter
//   by letter (the warning-sign check once sat in seven 40 px columns);
// - a control (button, link outside running text, input, select, summary) is smaller than
//   44 x 44 px; a checkbox or radio counts by its label row, a visually hidden input by
//   its label.
//
// Each problem is reported with a short description of the element and its size.
import { expect } from "@playwright/test";

export const TARGET_PX = 44;

/** Runs in the page: returns a list of problems (strings). */
function findProblems(target) {
  const problems = [];
  const visible = (el) => {
    if (!(el instanceof Element)) return false;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !srOnly(el);
  };
  // Text for screen readers only (clipped to a 1 px box) is not laid out for the eye.
  const srOnly = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && s.overflow === "hidden" && s.position === "absolute") return true;
    }
    return false;
  };
  const describe = (el) => {
    const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
    return `<${el.tagName.toLowerCase()}> "${name.slice(0, 50)}"`;
  };

  // Sideways scroll.
  const sw = document.documentElement.scrollWidth;
  if (sw > window.innerWidth) problems.push(`page scrolls sideways: ${sw} > ${window.innerWidth}`);

  // Squeezed text: measure each word in its element's font.
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;left:-9999px;top:0";
  document.body.appendChild(probe);
  const widths = new Map();
  const wordWidth = (word, style) => {
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}|${style.letterSpacing}|${style.textTransform}`;
    const key = `${font}|${word}`;
    if (!widths.has(key)) {
      probe.style.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      probe.style.letterSpacing = style.letterSpacing;
      probe.style.textTransform = style.textTransform;
      probe.textContent = word;
      widths.set(key, probe.getBoundingClientRect().width);
    }
    return widths.get(key);
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || el === probe || !visible(el)) continue;
    if (["SCRIPT", "STYLE", "TEXTAREA", "OPTION", "TITLE"].includes(el.tagName)) continue;
    if (el.closest("svg")) continue;
    const words = node.textContent.split(/\s+/).filter((w) => w.length > 1);
    if (!words.length) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    // The width the text may use: the nearest block-level box's content width.
    let box = el;
    while (box.parentElement && getComputedStyle(box).display.startsWith("inline")) box = box.parentElement;
    const bs = getComputedStyle(box);
    const room = box.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
    // A word wider than the whole screen may break (a long link); that is not squeezing.
    const longest = words
      .map((w) => [w, wordWidth(w, style)])
      .filter(([, w]) => w < window.innerWidth * 0.8)
      .sort((a, b) => b[1] - a[1])[0];
    if (longest && longest[1] > room + 1) {
      problems.push(`text squeezed: ${describe(box)} is ${Math.round(room)} px wide, the word "${longest[0]}" needs ${Math.round(longest[1])} px`);
    }
  }
  probe.remove();

  // Target sizes.
  const inRunningText = (a) => {
    const p = a.parentElement;
    if (!p) return false;
    const own = a.textContent.trim().length;
    return p.textContent.trim().length > own + 1;
  };
  const controls = document.querySelectorAll("button, a[href], input, select, summary, textarea, [role=button]");
  for (const el of controls) {
    let box = el;
    if (el.tagName === "INPUT" && ["checkbox", "radio"].includes(el.type)) {
      const label = el.closest("label") || (el.labels && el.labels[0]);
      const hidden = getComputedStyle(el).opacity === "0" || el.getBoundingClientRect().width <= 2;
      box = hidden && label ? label : el.parentElement;
    } else if (!visible(el)) continue;
    if (!visible(box)) continue;
    if (el.tagName === "A" && inRunningText(el)) continue;
    const r = box.getBoundingClientRect();
    if (r.width + 0.5 < target || r.height + 0.5 < target) {
      problems.push(`target too small: ${describe(el)} is ${Math.round(r.width)} x ${Math.round(r.height)} px`);
    }
  }
  return problems;
}

/** Every layout problem of the page as it is now (an empty list when all is well). */
export async function layoutProblems(page) {
  return page.evaluate(findProblems, TARGET_PX);
}

/** Fails with every layout problem of the page as it is now. */
export async function expectReadableLayout(page, label = "page") {
  const problems = await layoutProblems(page);
  expect(problems, `layout problems (${label}, ${page.viewportSize()?.width} px)`).toEqual([]);
}

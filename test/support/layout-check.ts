import type { Page } from 'playwright-core';

/**
 * What a person would see wrong at a glance, found in the page as it is drawn: text cut or spilling out of its
 * box, a word broken in the middle where it had room, a dialog or confirmation outside the visible popover, axis
 * labels that repeat or overlap, a select whose chosen text is cut, a "light" page that is dark. Each problem is a
 * line naming the text and where it is.
 *
 * A name may end in "…" only from its 25th character on: below that it is meant to be shown whole. The check runs
 * as a string in the page (the test's TypeScript has no DOM types); it reads layout only, and changes nothing.
 */
const CHECK = `(() => {
  const problems = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const where = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + cls;
  };
  const quoted = (text) => JSON.stringify(text.replace(/\\s+/g, ' ').trim().slice(0, 60));
  const shown = (el) => {
    if (el.closest('.visually-hidden, [hidden], [aria-hidden="true"] .visually-hidden')) return false;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const html = [...document.querySelectorAll('body *')].filter((el) => !(el instanceof SVGElement) && shown(el));

  // The page never scrolls sideways.
  if (document.scrollingElement.scrollWidth > vw + 1)
    problems.push('the page is wider than the popover: ' + document.scrollingElement.scrollWidth + ' px');

  // Text that spills out of its box, or is cut: reported at the innermost box it spills from.
  const spilling = html.filter((el) => {
    if (el.clientWidth === 0 || !el.textContent.trim()) return false;
    if (el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return false;
    if (el.scrollWidth <= el.clientWidth + 1) return false;
    const style = getComputedStyle(el);
    // Cut on purpose with an ellipsis: only a text of 25 characters or more may be.
    if (style.textOverflow === 'ellipsis') return [...el.textContent.trim()].length < 25;
    // A box that scrolls on purpose (a table in a scroller) shows the rest when scrolled.
    return style.overflowX !== 'auto' && style.overflowX !== 'scroll';
  });
  for (const el of spilling) {
    if (spilling.some((other) => other !== el && el.contains(other))) continue;
    const cut = getComputedStyle(el).textOverflow === 'ellipsis';
    problems.push((cut ? 'cut to an ellipsis: ' : 'spills out of its box: ') + quoted(el.textContent) + ' in ' + where(el));
  }

  // Nothing off the popover's sides.
  for (const el of html) {
    if (!el.textContent.trim() || el.children.length > 0) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1) problems.push('off the side: ' + quoted(el.textContent) + ' in ' + where(el));
  }

  // A word broken in the middle although the line had room for it whole.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent instanceof SVGElement || !html.includes(parent)) continue;
    let block = parent;
    while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const room = block.clientWidth - parseFloat(getComputedStyle(block).paddingLeft) - parseFloat(getComputedStyle(block).paddingRight);
    // Words as spaces bound them; Chinese and Japanese break between any two characters, so their runs are none.
    // In running text a line may also break after a hyphen or a slash (a host, a path); in a table cell, where a
    // word or a number is read as one, never.
    const inCell = parent.closest('td, th') !== null;
    const words = inCell
      ? /[^\\s\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+/g
      : /[^-\\s\\/\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+/g;
    for (const match of node.textContent.matchAll(words)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const tops = new Set(rects.map((r) => Math.round(r.top)));
      if (tops.size < 2) continue;
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (inCell || width < room)
        problems.push('a word broken in the middle: ' + quoted(match[0]) + ' in ' + where(parent));
    }
  }

  // Dialogs and confirmations where the person is looking: inside the popover as it is scrolled now.
  for (const el of document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog[open]')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.top < -1 || r.bottom > vh + 1 || r.left < -1 || r.right > vw + 1)
      problems.push('a dialog outside the visible popover: ' + quoted(el.textContent) + ' (' + Math.round(r.top) + ' to ' + Math.round(r.bottom) + ' of ' + vh + ' px)');
  }

  // Axis labels: each says something new, none overlaps the next, all inside their chart.
  for (const axis of document.querySelectorAll('[data-axis]')) {
    const labels = [...axis.querySelectorAll('.tick-label')].filter((el) => el.textContent.trim());
    const texts = labels.map((el) => el.textContent.trim());
    const twice = texts.filter((text, i) => texts.indexOf(text) !== i);
    if (twice.length) problems.push('axis labels repeat in ' + axis.dataset.axis + ': ' + quoted(twice.join(', ')));
    const box = axis.getBoundingClientRect();
    const rects = labels.map((el) => el.getBoundingClientRect());
    rects.forEach((r, i) => {
      if (r.left < box.left - 1 || r.right > box.right + 1)
        problems.push('an axis label outside its chart in ' + axis.dataset.axis + ': ' + quoted(texts[i]));
      const next = rects[i + 1];
      if (next && Math.abs(next.top - r.top) < r.height && next.left < r.right + 2 && next.right > r.left)
        problems.push('axis labels overlap in ' + axis.dataset.axis + ': ' + quoted(texts[i] + ' / ' + texts[i + 1]));
    });
  }

  // A select shows its chosen option whole.
  const measure = document.createElement('canvas').getContext('2d');
  for (const select of document.querySelectorAll('select')) {
    if (!shown(select)) continue;
    const style = getComputedStyle(select);
    measure.font = style.font;
    const text = select.options[select.selectedIndex]?.text ?? '';
    // The arrow takes about 20 px of the box.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    if (measure.measureText(text).width > room) problems.push('a select cuts its choice: ' + quoted(text));
  }
  return problems;
})()`;

/** Every layout problem in the page as it is drawn now (see CHECK). */
export async function layoutProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(CHECK)) as string[];
}

/** Whether the page is drawn in the scheme asked for: a "light" shot must not be a dark page. */
export async function drawnScheme(page: Page): Promise<'light' | 'dark'> {
  const rgb = (await page.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3 > 128 ? 'light' : 'dark';
}

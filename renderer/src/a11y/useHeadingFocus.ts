import { useEffect, useRef } from 'react';
import { PAGE_HEADING_ATTRIBUTE } from './PageTitle';

const HEADING = `[${PAGE_HEADING_ATTRIBUTE}]`;
// A page that is still loading gets its heading this long after the address changed.
const WAIT_FOR_HEADING_MS = 10_000;

/** Moves focus to the page heading: the start of the new page for screen readers and Tab. */
export function focusPageHeading(root: ParentNode = document): boolean {
  const heading = root.querySelector<HTMLElement>(HEADING);
  if (!heading) return false;
  heading.focus();
  return true;
}

/**
 * Focus was left behind by the navigation: on <body> (the control that was clicked is gone) or in
 * the menu or header. Focus still inside the page (a step tab moved with the arrow keys, a field
 * the page focused itself) stays where it is.
 */
function focusLeftBehind(main: HTMLElement): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !main.contains(active);
}

/**
 * After each change of address (not the first page), focus goes to the new page's <h1> once it
 * is there: a page that loads its data shows the heading a moment later.
 */
export function useHeadingFocus(path: string, mainId: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(mainId);
    if (!main || !focusLeftBehind(main)) return;
    if (focusPageHeading(main)) return;
    const observer = new MutationObserver(() => {
      if (!focusLeftBehind(main)) stop();
      else if (focusPageHeading(main)) stop();
    });
    const timer = window.setTimeout(() => stop(), WAIT_FOR_HEADING_MS);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
    }
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [path, mainId]);
}

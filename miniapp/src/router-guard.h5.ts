// H5: the page on top of Taro's router is never hidden. Taro 4.2's router hides the page it leaves on a timer (the
// slide-in's length, ~300 ms) and showing that page again does not cancel the timer: a back tap before the timer
// fires leaves the page it returns to hidden (`taro_page_shade`, display: none), a blank screen until the next
// navigation. Seen in a browser test that went back from 拼团专区 quickly (issue 22). The guard takes the class off
// whenever it lands on the page the address names; every other page is still hidden as before.
const SHADE = 'taro_page_shade';

/**
 * The page the address names: the last page of that route in the router. Not simply the router's last child: tab
 * pages stay in the DOM in the order they were first opened, so after a switch to an older tab the last child is
 * the tab just left (un-hiding it covered the tab shown).
 */
function currentPage(router: Element): Element | undefined {
  const all = Array.from(router.querySelectorAll(':scope > .taro_page'));
  const routeOf = (p: Element | undefined) => p?.id.split('?')[0] ?? '';
  // no route in the address (the shop opened at `/`, and a back to that entry): the entry page, the router's first
  const route = location.hash.replace(/^#/, '').split('?')[0] || routeOf(all[0]);
  const pages = all.filter((p) => routeOf(p) === route);
  return pages[pages.length - 1];
}

function unshadeTop(router: Element): void {
  const top = currentPage(router);
  if (top?.classList.contains(SHADE)) top.classList.remove(SHADE);
}

function guard(router: Element): void {
  // pages come and go as the router's children; their classes change on the children themselves
  const concerns = (r: MutationRecord) => r.type === 'childList' || r.target.parentElement === router;
  new MutationObserver((records) => {
    if (records.some(concerns)) unshadeTop(router);
  }).observe(router, {
    subtree: true,
    childList: true,
    attributeFilter: ['class'],
  });
}

/** Starts the guard on Taro's router; false when the router's frame is not drawn yet. */
function guardRouter(): boolean {
  const router = document.querySelector('.taro_router');
  if (router) guard(router);
  return !!router;
}

// the router's frame is drawn right after the app's modules run (as for the landmarks), else by the page's load
void Promise.resolve().then(() => {
  if (!guardRouter()) window.addEventListener('load', () => guardRouter(), { once: true });
});

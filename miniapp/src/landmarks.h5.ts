// H5: the landmarks a screen reader jumps between. Taro's H5 router draws the page frame itself: its navigation
// bar (the page title) and tab bar get their roles here; the pages' container, #app, is the main region (its role
// is in index.html, and the router keeps it when it moves #app into its frame).
function markLandmarks(): boolean {
  const bar = document.getElementById('taro-navigation-bar');
  bar?.setAttribute('role', 'banner');
  const tabs = document.querySelector('taro-tabbar');
  if (tabs) {
    tabs.setAttribute('role', 'navigation');
    tabs.setAttribute('aria-label', '主导航');
  }
  return !!bar && !!tabs;
}

// The router draws the frame right after this module runs, in the same task: it is there one microtask later.
// (If it is not, e.g. on a page without a tab bar, the roles are set once everything has loaded.)
void Promise.resolve().then(() => {
  if (!markLandmarks()) window.addEventListener('load', () => markLandmarks(), { once: true });
});

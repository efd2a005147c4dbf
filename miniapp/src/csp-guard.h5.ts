// H5: Taro's tab bar draws its items as `<a href="javascript:;">`. Our Content-Security-Policy (script-src 'self')
// rightly refuses to run a `javascript:` URL, so every tap on a tab logged a CSP violation ("Running the JavaScript
// URL violates … The action has been blocked", issue 25). The tab's own click handler does the navigation; this
// stops the browser from also following the link, before the CSP is asked.
document.addEventListener(
  'click',
  (e) => {
    const link = (e.target as Element | null)?.closest?.('a[href]');
    if (link && /^\s*javascript:/i.test(link.getAttribute('href') ?? '')) e.preventDefault();
  },
  { capture: true },
);

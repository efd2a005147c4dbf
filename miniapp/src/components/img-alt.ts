/**
 * An `alt` for Taro's `<Image>`. On H5 it is a web component wrapping an `<img>`, and only `nativeProps` reach
 * that inner element; mini-programs' image has no alt, so nothing is passed there. `''` marks a decorative
 * image (its text is next to it), which screen readers skip.
 */
export function imageAlt(alt: string, opts: { priority?: boolean } = {}): { nativeProps?: Record<string, unknown> } {
  if (process.env.TARO_ENV !== 'h5') return {};
  // `fetchpriority`: the browser fetches a first-screen picture (the page's largest paint) ahead of the rest
  return { nativeProps: opts.priority ? { alt, fetchpriority: 'high' } : { alt } };
}

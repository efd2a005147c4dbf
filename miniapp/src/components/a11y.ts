// What screen readers and keyboards get on H5, where Taro's components are web components and our props land on
// them as attributes. Mini-programs have their own (`aria-role`, `aria-label` on a few components): nothing is
// passed there from these helpers unless said otherwise.

type Attributes = Record<string, string | number>;

const h5 = process.env.TARO_ENV === 'h5';

/**
 * A region that scrolls on its own (a swipeable row, a scrolling list): reachable with the keyboard, so it can be
 * scrolled without a pointer, and named for what it holds.
 */
export function scrollRegion(label: string): Attributes {
  return h5 ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
}

/** A label for the native element inside a Taro component that takes `nativeProps` (Switch, Input, Image). */
export function nativeLabel(label: string): { nativeProps?: Attributes } {
  return h5 ? { nativeProps: { 'aria-label': label } } : {};
}

/** Space and Enter do what a tap does (H5: for an element given a role and a tab stop above). */
export function keyActivates(activate: () => void): Record<string, (e: KeyboardEvent) => void> {
  if (!h5) return {};
  return {
    onKeyDown: (e) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      e.preventDefault();
      activate();
    },
  };
}

/**
 * A custom checkbox: its role, state and name on H5; on mini-programs WeChat's `aria-role`/`aria-checked` (given
 * as Taro's camel-cased props, as NutUI does).
 */
export function checkboxRole(checked: boolean, disabled: boolean, label: string): Attributes {
  if (!h5) return { ariaRole: 'checkbox', ariaChecked: String(checked), ariaLabel: label };
  return {
    role: 'checkbox',
    'aria-checked': String(checked),
    'aria-disabled': String(disabled),
    'aria-label': label,
    tabIndex: disabled ? -1 : 0,
  };
}

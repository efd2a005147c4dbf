import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { checkboxRole, keyActivates } from './a11y';
import './SelectCheck.css';

interface Props {
  checked: boolean;
  disabled?: boolean;
  /** what is being selected, for screen readers (the visible text, if any, is `children`) */
  label: string;
  className?: string;
  children?: ReactNode;
  onChange: (checked: boolean) => void;
}

/**
 * A round select mark (the cart's lines and 全选). NutUI's Checkbox puts WeChat's `aria-role` on H5, where it is
 * no attribute at all, and `aria-checked` on an element without a role: screen readers heard a plain group.
 * This one is a checkbox on both: it says its state and name and toggles with Space or Enter on H5.
 */
export default function SelectCheck({ checked, disabled = false, label, className = '', children, onChange }: Props) {
  const toggle = () => {
    if (!disabled) onChange(!checked);
  };
  const state = `${checked ? 'select-check--checked' : ''} ${disabled ? 'select-check--disabled' : ''}`;
  return (
    <View
      className={`select-check ${state} ${className}`}
      {...checkboxRole(checked, disabled, label)}
      {...keyActivates(toggle)}
      onClick={toggle}
    >
      <View className="select-check__mark" />
      {children ? <Text className="select-check__label">{children}</Text> : null}
    </View>
  );
}

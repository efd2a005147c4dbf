import { useEffect, useRef } from 'react';
import { View } from '@tarojs/components';
import { InputNumber } from '@nutui/nutui-react-taro';
import type { QuantityStepperProps } from './QuantityStepper';
import './QuantityStepper.css';

/**
 * NutUI's stepper with names for screen readers. Its `<input>` takes no props from us, and its −/+ are plain
 * boxes: a screen reader announced an unnamed text field between two unnamed things. The names are set on the
 * elements once drawn (NutUI never rewrites those attributes).
 */
export default function QuantityStepper({ label, ...props }: QuantityStepperProps) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    root.querySelector('input')?.setAttribute('aria-label', label);
    for (const [selector, name] of [
      ['.nut-inputnumber-minus', `减少${label}`],
      ['.nut-inputnumber-add', `增加${label}`],
    ] as const) {
      const button = root.querySelector(selector);
      button?.setAttribute('role', 'button');
      button?.setAttribute('aria-label', name);
    }
  }, [label]);
  return (
    <View ref={box} className="quantity-stepper">
      <InputNumber {...props} />
    </View>
  );
}

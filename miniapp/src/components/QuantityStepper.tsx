import type { ComponentProps } from 'react';
import { InputNumber } from '@nutui/nutui-react-taro';

export type QuantityStepperProps = ComponentProps<typeof InputNumber> & {
  /** what the number counts, for screen readers (H5: QuantityStepper.h5.tsx) */
  label: string;
};

/** NutUI's stepper. Mini-programs: as it is; H5 names its field and buttons (QuantityStepper.h5.tsx). */
export default function QuantityStepper({ label, ...props }: QuantityStepperProps) {
  void label; // WeChat's stepper has no place for it
  return <InputNumber {...props} />;
}

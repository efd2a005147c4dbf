// Every error code the address book answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `AddressErrors.ADDRESS_NOT_FOUND()` and listed in the routes' `errors`, which document them. Orders and group
// buy answer it too (they read the user's address through this module's API) and import it from its index.
import { defineErrors } from '../../kernel/errors';

export const AddressErrors = defineErrors('address', {
  ADDRESS_NOT_FOUND: { kind: 'not_found', message: '收货地址不存在' },
});

// The after-sale settings operators edit in the admin (GET/PUT /api/admin/v1/settings/after-sale): where returned
// goods go. Stored and audited by the platform's settings store.
import { AfterSaleSettingsDoc } from '../../../contracts/after-sale';
import type { SettingDefinition } from '../../../platform/settings/settings-store';

export const AFTER_SALE_SETTINGS: SettingDefinition<typeof AfterSaleSettingsDoc> = {
  key: 'after_sale',
  schema: AfterSaleSettingsDoc,
  defaults: { returnAddress: null },
};

/** The `storage.local` keys of the store's settings and sync status (zod-free, for the popup). */
export const SETTINGS_KEY = 'storeSettings';
export const STATUS_KEY = 'storeSync';

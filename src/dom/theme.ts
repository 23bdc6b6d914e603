/**
 * The theme contract: `<html data-theme="light|dark">` (resolved) and `data-theme-pref="auto|light|dark"`
 * (the reader's choice, stored under this key). Without JavaScript the CSS follows the system.
 */
export const THEME_STORAGE_KEY = 'notes-theme';
export const THEME_PREFERENCES = ['auto', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

import { createTheme, darken, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import type { ProfileKind } from '../shared/ui-format/profile';

// The one theme of EmDia (LOOK.md): calm petrol blue for actions, a warm clay for late amounts, Inter for
// everything. Screens take colours and sizes from here, never one-off values.

const brand: MantineColorsTuple = ['#e7f3f7', '#d2e5ec', '#a3cad9', '#72aec6', '#4a97b6', '#318aad', '#2283a9', '#127194', '#006585', '#005875'];

// Late money must be noticed without alarming a customer who may be watching the screen.
const clay: MantineColorsTuple = ['#fcf2eb', '#f3e2d6', '#e8c3a9', '#dda378', '#d4874f', '#cf7634', '#cd6d26', '#b55c19', '#a15113', '#8c440b'];

/** One fixed colour per debtor profile, used by every badge (LOOK.md "Profiles at a glance"). */
export const PROFILE_COLORS: Record<ProfileKind, string> = {
  novo: 'blue',
  em_dia: 'teal',
  ocasional: 'cyan',
  cronico: 'orange',
  negligente: 'grape',
  mau_pagador: 'red',
};

/** Text of something just done ("Registrado", "Enviado às 10:32"): green that reads on white and gray.0. */
export const DONE_COLOR = 'teal.9';

/** Text colour of an amount that is late. */
export const LATE_COLOR = 'clay.8';

/** The sidebar's width; the work area gets the rest of 1366 px without horizontal scrolling. */
export const SIDEBAR_WIDTH = 248;

/** Height of a row in long lists (customers, parcelas): big enough for a tired hand with a mouse. */
export const LIST_ROW_HEIGHT = 52;

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand, clay },
  fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", Consolas, monospace',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  autoContrast: true,
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    // The options scroll in the listbox itself, not in a ScrollArea inside it: screen readers and axe then see
    // a combobox popup that the arrow keys drive, not a scrollable region no key can reach.
    Select: { defaultProps: { size: 'md', withScrollArea: false }, styles: { options: { maxHeight: 280, overflowY: 'auto' } } },
    Textarea: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Badge: { defaultProps: { size: 'lg', radius: 'sm', variant: 'light' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 250, multiline: true, maw: 280 } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    // Mantine's close button has no name of its own; screen readers would announce only "botão".
    Notification: { defaultProps: { radius: 'md', closeButtonProps: { 'aria-label': 'Fechar o aviso' } } },
  },
});

/**
 * Secondary ("dimmed") text. Mantine's default grey (#868e96) reads 3.3:1 on white, below WCAG AA's 4.5:1 for
 * normal text, and clerks read these lines on a bright counter screen: this grey keeps the calm look at 5.5:1
 * on the light panels (gray.0) too. Checked by axe in every end-to-end test.
 */
export const DIMMED_TEXT = '#5f666d';

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * Text of the "light" variant (badges, alerts, light buttons): Mantine paints shade 9 on shade 1, which for
 * teal, orange, green, yellow and others stays under 4.5:1 (the profile badges "em dia" and "crônico" among
 * them). The same hue, darkened just enough to read on shade 1 and on its hover (shade 2).
 */
function readableLightText(shades: readonly string[]): string {
  let text = shades[9];
  for (let k = 0.05; k <= 0.6 && Math.min(contrast(text, shades[1]), contrast(text, shades[2])) < 4.5; k += 0.05) text = darken(shades[9], k);
  return text;
}

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED_TEXT,
    // Field errors: Mantine's red.6 reads 3.3:1 on white; red.9 keeps the alert and reads 5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, readableLightText(shades)])),
  },
  dark: {},
});

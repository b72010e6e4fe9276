import { createTheme, type MantineColorsTuple } from '@mantine/core';
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
    Select: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Badge: { defaultProps: { size: 'lg', radius: 'sm', variant: 'light' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 250, multiline: true, maw: 280 } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    Notification: { defaultProps: { radius: 'md' } },
  },
});

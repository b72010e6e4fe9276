import { Text } from '@mantine/core';

/**
 * The printed shortcut on a button or menu entry: "Salvar (F10)" (CONVENTIONS.md: never rely on a key nobody
 * can see). The parentheses stay in the text so the accessible name reads the same as the screen.
 */
export function Shortcut({ keys }: { keys: string }) {
  return (
    // white-space: pre keeps the leading space even inside a flex button label. A lighter weight, not a lower
    // opacity, sets it apart: faded text on a filled button fell below WCAG AA contrast (axe, e2e tests).
    <Text component="span" inherit fw={400} style={{ whiteSpace: 'pre' }}>
      {` (${keys})`}
    </Text>
  );
}

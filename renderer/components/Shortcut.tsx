import { Text } from '@mantine/core';

/**
 * The printed shortcut on a button or menu entry: "Salvar (F10)" (CONVENTIONS.md: never rely on a key nobody
 * can see). The parentheses stay in the text so the accessible name reads the same as the screen.
 */
export function Shortcut({ keys }: { keys: string }) {
  return (
    // white-space: pre keeps the leading space even inside a flex button label.
    <Text component="span" inherit fw={400} opacity={0.72} style={{ whiteSpace: 'pre' }}>
      {` (${keys})`}
    </Text>
  );
}

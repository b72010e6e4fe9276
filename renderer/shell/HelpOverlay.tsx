import { Kbd, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { GLOBAL_HELP, areasFor, type AreaShortcutHelp } from '../areas';
import { useSession } from '../store/session';
import { useNavigation } from '../store/navigation';
import { useShortcuts } from './keys';

function KeyTable({ rows }: { rows: AreaShortcutHelp[] }) {
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" withRowBorders={false}>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.keys + r.label}>
            <Table.Td w={90}>
              <Kbd size="md">{r.keys}</Kbd>
            </Table.Td>
            <Table.Td>{r.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** F1: every shortcut in one place, so no key is a secret (CONVENTIONS.md). */
export function HelpOverlay() {
  const open = useNavigation((s) => s.helpOpen);
  const setOpen = useNavigation((s) => s.setHelpOpen);
  const close = () => setOpen(false);
  useShortcuts({ Escape: close, F1: close }, { enabled: open, exclusive: true });

  const areas = areasFor(useSession((s) => s.user?.role));
  const areaKeys = areas.map((a) => ({ keys: a.shortcut, label: a.label }));
  const withHelp = areas.filter((a) => a.help?.length);
  return (
    <Modal opened={open} onClose={close} closeOnEscape={false} size="xl" title="Atalhos do teclado" styles={{ title: { fontSize: "var(--mantine-font-size-xl)", fontWeight: 600 } }} closeButtonProps={{ 'aria-label': 'Fechar a ajuda' }}>
      <SimpleGrid cols={2} spacing="xl">
        <Stack gap="xs">
          <Text fw={600}>Em qualquer tela</Text>
          <KeyTable rows={GLOBAL_HELP} />
          <Text fw={600} mt="sm">
            Ir para
          </Text>
          <KeyTable rows={areaKeys} />
        </Stack>
        <Stack gap="xs">
          {withHelp.map((a) => (
            <Stack key={a.id} gap="xs">
              <Text fw={600}>{a.label}</Text>
              <KeyTable rows={a.help!} />
            </Stack>
          ))}
          <Text size="sm" c="dimmed" mt="md">
            Cada atalho também aparece escrito no botão que ele aciona. Tecle Esc ou F1 para fechar.
          </Text>
        </Stack>
      </SimpleGrid>
    </Modal>
  );
}

import { AppShell, Avatar, Box, Button, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { areaById, areasFor, type AreaDef } from '../areas';
import { IconKeyboard, IconLogout, IconStore } from '../components/icons';
import { Shortcut } from '../components/Shortcut';
import { ROLE_LABELS, initials } from '../components/people';
import { formatDateBR } from '../../shared/dates';
import { useNavigation } from '../store/navigation';
import { useSession } from '../store/session';
import { useCustomers } from '../store/customers';
import { SIDEBAR_WIDTH } from '../theme';
import { ComingSoon } from './ComingSoon';
import { HelpOverlay } from './HelpOverlay';
import { useShortcuts, type KeyMap } from './keys';

function openArea(area: AreaDef) {
  useNavigation.getState().go(area.id);
  area.onOpen?.();
}

/** The logged-in app: sidebar with the store, the areas and the person; the chosen area on the right. */
export function AppLayout() {
  const { user, storeName, today, logout } = useSession();
  // Owner-only areas (Painel) are neither listed nor reachable by key for a clerk; should one still be chosen
  // (the owner left it open and a clerk logged in), the clerk lands on the first area instead.
  const areas = areasFor(user?.role);
  const chosen = areaById(useNavigation((s) => s.area));
  const area = areas.includes(chosen) ? chosen : areas[0];
  const setHelpOpen = useNavigation((s) => s.setHelpOpen);

  const keys: KeyMap = {
    F1: () => setHelpOpen(!useNavigation.getState().helpOpen),
    F3: () => {
      useNavigation.getState().go('clientes');
      useCustomers.getState().showNew();
    },
  };
  for (const a of areas) keys[a.shortcut] = () => openArea(a);
  useShortcuts(keys);

  const Screen = area.component;
  return (
    <AppShell navbar={{ width: SIDEBAR_WIDTH, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar component="aside" aria-label="Menu lateral" p="md" bg="gray.0">
        <Group gap="sm" wrap="nowrap" mb="lg" px={4}>
          <ThemeIcon size={40} radius="md" variant="light">
            <IconStore size={22} />
          </ThemeIcon>
          <Box miw={0}>
            <Text size="xs" c="dimmed" fw={500}>
              EmDia
            </Text>
            <Text fw={600} lh={1.25} lineClamp={2} title={storeName ?? ''}>
              {storeName}
            </Text>
          </Box>
        </Group>

        <nav aria-label="Áreas">
          <Stack gap={4}>
            {areas.map((a) => {
              const Icon = a.icon;
              return (
                <NavLink
                  key={a.id}
                  component="button"
                  active={a.id === area.id}
                  aria-current={a.id === area.id ? 'page' : undefined}
                  onClick={() => openArea(a)}
                  leftSection={<Icon size={20} />}
                  variant="light"
                  h={44}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  label={
                    <Text component="span" inherit fw={a.id === area.id ? 600 : 500}>
                      {a.label}
                      <Shortcut keys={a.shortcut} />
                    </Text>
                  }
                />
              );
            })}
          </Stack>
        </nav>

        <Stack gap="sm" mt="auto">
          <NavLink
            component="button"
            onClick={() => setHelpOpen(true)}
            leftSection={<IconKeyboard size={20} />}
            h={44}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            label={
              <Text component="span" inherit fw={500}>
                Ajuda
                <Shortcut keys="F1" />
              </Text>
            }
          />
          <Box style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} pt="md">
            <Group gap="sm" wrap="nowrap" px={4}>
              <Avatar color="brand" radius="xl" size={40}>
                {user ? initials(user.name) : ''}
              </Avatar>
              <Box miw={0}>
                <Text fw={600} truncate="end">
                  {user?.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {user ? ROLE_LABELS[user.role] : ''}
                  {today ? ` · ${formatDateBR(today)}` : ''}
                </Text>
              </Box>
            </Group>
            <Button mt="sm" fullWidth variant="default" leftSection={<IconLogout size={18} />} onClick={() => void logout()}>
              Sair
            </Button>
          </Box>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        {Screen ? <Screen /> : <ComingSoon area={area} />}
      </AppShell.Main>
      <HelpOverlay />
    </AppShell>
  );
}

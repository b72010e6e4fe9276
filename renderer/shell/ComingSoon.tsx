import { Button, Center, EmptyState } from '@mantine/core';
import type { AreaDef } from '../areas';
import { Shortcut } from '../components/Shortcut';
import { useNavigation } from '../store/navigation';

/** The calm panel of an area that is not built yet: what it will do, and where to go meanwhile. */
export function ComingSoon({ area }: { area: AreaDef }) {
  const go = useNavigation((s) => s.go);
  const Icon = area.icon;
  return (
    <Center h="100%">
      <EmptyState
        maw={520}
        size="lg"
        variant="light"
        icon={<Icon size={34} />}
        title={`${area.label}: em breve`}
        description={area.soon}
      >
        <EmptyState.Actions>
          <Button variant="light" onClick={() => go('clientes')}>
            Ir para Clientes
            <Shortcut keys="F2" />
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}

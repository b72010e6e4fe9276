import { lazy, Suspense, useState } from 'react';
import { Center, Loader, Tabs } from '@mantine/core';
import classes from './Dashboard.module.css';

// Everything behind these tabs loads only when Painel opens (issue 8 item 7): the charts library alone is
// larger than the rest of the app's screens, and a clerk never needs it. Each import() is a chunk of its own.
const WeeklyScreen = lazy(() => import('./WeeklyScreen').then((m) => ({ default: m.WeeklyScreen })));
const FormalScreen = lazy(() => import('../formal/FormalScreen').then((m) => ({ default: m.FormalScreen })));
const AuditScreen = lazy(() => import('../audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));

type Tab = 'semana' | 'formal' | 'auditoria';

const loading = (
  <Center py="xl">
    <Loader aria-label="Abrindo o painel" />
  </Center>
);

/** Painel (F7), owner only: the weekly review, the formal path (negativação) and the audit trail. */
export function PainelArea() {
  const [tab, setTab] = useState<Tab>('semana');
  return (
    <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} className={classes.area} classNames={{ list: classes.tabs, panel: classes.panel }}>
      <Tabs.List aria-label="Partes do painel">
        <Tabs.Tab value="semana">Semana a semana</Tabs.Tab>
        <Tabs.Tab value="formal">Cobrança formal</Tabs.Tab>
        <Tabs.Tab value="auditoria">Auditoria</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="semana">
        <Suspense fallback={loading}>
          <WeeklyScreen />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="formal">
        <Suspense fallback={loading}>
          <FormalScreen />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="auditoria">
        <Suspense fallback={loading}>
          <AuditScreen />
        </Suspense>
      </Tabs.Panel>
    </Tabs>
  );
}

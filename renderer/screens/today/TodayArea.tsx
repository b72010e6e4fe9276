import { useEffect, useState } from 'react';
import { Alert, Box, Button, Center, EmptyState, Group, Loader, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import { IconToday } from '../../components/icons';
import { Shortcut } from '../../components/Shortcut';
import { ShortSheetPrint } from '../../print/today/ShortSheetPrint';
import { useShortcuts } from '../../shell/keys';
import { CallScreen } from '../call/CallScreen';
import { useCall } from '../call/call-store';
import { PracticeScreen } from '../call/PracticeScreen';
import { SessionSummary } from '../call/SessionSummary';
import { useSession } from '../../store/session';
import { CallList } from './CallList';
import { OutcomeDialog } from './OutcomeDialog';
import { PromisesPanel } from './PromisesPanel';
import { RemindersSection, ThankYousSection } from './RemindersPanel';
import { SectionTitle } from './SectionTitle';
import { callingLine, longDate, type CallingTone } from './today-text';
import { useToday } from './today-store';
import type { QueueResult } from './today-types';
import classes from './Today.module.css';
import { TodayRemovals } from '../formal/RemovalTasks';

const TONE_COLOR: Record<CallingTone, string> = { open: 'teal', later: 'yellow', closed: 'gray' };

/** The Hoje area (F4): the day's list, or the guided calling session started from it, or Treino. */
export function TodayArea() {
  const mode = useCall((s) => s.mode);
  if (mode === 'call') return <CallScreen />;
  if (mode === 'summary') return <SessionSummary />;
  if (mode === 'practice') return <PracticeScreen />;
  return <TodayList />;
}

/** Who to call today and why, the promises of the day, and the messages to send. */
function TodayList() {
  const { status, error, queue, recording, printing, timeZone, recorded, load, closeRecord, markRecorded, setPrinting } = useToday();
  const storeName = useSession((s) => s.storeName) ?? '';
  const sessionToday = useSession((s) => s.today);

  useEffect(() => {
    void load();
  }, [load]);

  const today = queue?.asOf ?? sessionToday ?? '';
  const calling = queue ? callingLine(queue.calling, today) : null;
  const canPrint = !!queue && queue.items.length > 0;

  useShortcuts({ F9: () => canPrint && setPrinting(true) }, { enabled: !printing && !recording });

  return (
    <Box className={classes.screen}>
      <header className={classes.header}>
        <div>
          <Title order={2}>Hoje</Title>
          {today && (
            <Text c="dimmed" size="md">
              {longDate(today)}
            </Text>
          )}
        </div>
        <Group gap="sm" wrap="nowrap">
          <Button variant="subtle" onClick={() => useCall.getState().practice()}>
            Treino
          </Button>
          <Button onClick={() => queue && useCall.getState().start(queue.items.filter((i) => !recorded[i.customerId]))} disabled={!queue || queue.items.length === 0}>
            Iniciar ligações
          </Button>
          <Button variant="default" onClick={() => void load()} disabled={status === 'loading' && !queue}>
            Atualizar a lista
            <Shortcut keys="F4" />
          </Button>
          <Button variant="default" onClick={() => setPrinting(true)} disabled={!canPrint}>
            Imprimir folha curta
            <Shortcut keys="F9" />
          </Button>
        </Group>
      </header>

      {calling && (
        <Alert color={TONE_COLOR[calling.tone]} variant="light" mb="md" py="xs" role="status" icon={<IconPhone size={20} />} title={calling.title}>
          {calling.detail && <Text size="sm">{calling.detail}</Text>}
        </Alert>
      )}

      {/* The owner's bureau removals (STJ Súmula 548) stay here until done. */}
      <TodayRemovals />

      {status === 'loading' && !queue && (
        <Center flex={1}>
          <Loader aria-label="Montando a lista de hoje" />
        </Center>
      )}
      {status === 'error' && (
        <Alert color="clay" title="Não foi possível montar a lista de hoje" role="alert">
          {error}
          <Button mt="sm" variant="light" onClick={() => void load()} display="block">
            Tentar de novo
          </Button>
        </Alert>
      )}

      {queue && (
        <div className={classes.columns}>
          <section className={classes.column} aria-labelledby="today-calls-title">
            <SectionTitle id="today-calls-title" title="Para ligar hoje" count={queue.items.length ? countText(queue.items.length) : undefined} />
            <div className={classes.scroll}>
              {queue.items.length === 0 ? (
                <NoCalls queue={queue} />
              ) : (
                <CallList items={queue.items} callingAllowed={queue.calling.allowed} callingNote={calling?.title ?? ''} />
              )}
            </div>
          </section>
          <aside className={classes.column} aria-label="Promessas e lembretes">
            <SideTabs queue={queue} />
          </aside>
        </div>
      )}

      {recording && today && (
        <OutcomeDialog
          key={recording.customerId}
          item={recording}
          today={today}
          timeZone={timeZone}
          onClose={closeRecord}
          onSaved={(label) => {
            markRecorded(recording.customerId, label);
            closeRecord();
          }}
        />
      )}
      {printing && queue && <ShortSheetPrint storeName={storeName} date={today} callingTitle={calling?.title ?? ''} items={queue.items} onClose={() => setPrinting(false)} />}
    </Box>
  );
}

type SideTab = 'lembretes' | 'promessas' | 'agradecer';

/**
 * The right column: messages to send, promises of the day, thank-yous — one tab each with its count, so a
 * morning with 20 promises does not push the reminders out of sight. It opens on whatever still needs doing.
 */
function SideTabs({ queue }: { queue: QueueResult }) {
  const { reminders, remindersError, remindersLoading } = useToday();
  const messages = reminders?.reminders.filter((r) => r.channel !== 'phone') ?? [];
  const pending = messages.filter((r) => !r.sentAt).length;
  const thanks = reminders?.thankYous.length ?? 0;
  const promises = queue.promisesDueToday.length + (queue.remindersTomorrow?.length ?? 0);
  const [tab, setTab] = useState<SideTab>(() => (pending ? 'lembretes' : promises ? 'promessas' : thanks ? 'agradecer' : 'lembretes'));
  const count = (n: number) => (
    <Text component="span" inherit fw={400} className={classes.figures}>
      {` (${n})`}
    </Text>
  );
  return (
    <Tabs value={tab} onChange={(v) => v && setTab(v as SideTab)} className={classes.tabs} keepMounted={false}>
      <Tabs.List grow>
        <Tabs.Tab value="lembretes" px="xs">
          Lembretes{count(pending)}
        </Tabs.Tab>
        <Tabs.Tab value="promessas" px="xs">
          Promessas{count(promises)}
        </Tabs.Tab>
        <Tabs.Tab value="agradecer" px="xs">
          Agradecer{count(thanks)}
        </Tabs.Tab>
      </Tabs.List>
      {/* The panels scroll: tabIndex lets the keyboard reach them even before they hold a button (WCAG 2.1.1). */}
      <Tabs.Panel value="lembretes" className={classes.tabPanel} tabIndex={0}>
        <RemindersSection data={reminders} error={remindersError} loading={remindersLoading} />
      </Tabs.Panel>
      <Tabs.Panel value="promessas" className={classes.tabPanel} tabIndex={0}>
        <PromisesPanel today={queue.promisesDueToday} tomorrow={queue.remindersTomorrow ?? []} reminders={reminders?.reminders ?? []} />
      </Tabs.Panel>
      <Tabs.Panel value="agradecer" className={classes.tabPanel} tabIndex={0}>
        <ThankYousSection data={reminders} />
      </Tabs.Panel>
    </Tabs>
  );
}

const countText = (n: number) => (n === 1 ? '1 cliente' : `${n} clientes`);

/** The empty list says why and what to do meanwhile (LOOK.md: empty screens say what to do first). */
function NoCalls({ queue }: { queue: QueueResult }) {
  const closed = !!queue.calling.closedReason;
  return (
    <Center py={40}>
      <EmptyState
        maw={460}
        variant="light"
        icon={
          <ThemeIcon size={56} radius="xl" variant="light" color={closed ? 'gray' : 'teal'}>
            <IconToday size={30} />
          </ThemeIcon>
        }
        title={closed ? 'Hoje não ligamos para clientes.' : 'Ninguém para ligar agora.'}
        description={
          closed
            ? 'Aproveite para conferir as promessas e enviar os lembretes ao lado. A lista volta no próximo dia de ligações.'
            : 'Os clientes em atraso já receberam contato, estão no prazo de carência ou pediram para ligar outro dia. Confira as promessas e os lembretes ao lado.'
        }
      />
    </Center>
  );
}

function IconPhone({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
    </svg>
  );
}

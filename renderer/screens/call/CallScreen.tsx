import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { CONVERSATION_OUTCOMES } from '../../../shared/contract/collection';
import type { StoreIdentity } from '../../../shared/collection/templates';
import type { ObjectionId } from '../../../shared/collection/objections';
import type { Stage } from '../../../shared/collection/talking-points-catalog';
import { DEFAULT_TIME_ZONE, formatDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { OUTCOME_LABELS, type CallOutcome, type DisputeKind } from '../today/outcomes';
import { telHref } from '../today/today-text';
import type { QueueItem } from '../today/today-types';
import { AgreementTermPrint } from './AgreementTermPrint';
import { useCall } from './call-store';
import { agreementRecap, promiseRecap } from './call-text';
import type { AgreementTerm, CallContext } from './call-types';
import { CustomerFile } from './CustomerFile';
import { OffersPanel, type AgreementMade } from './OffersPanel';
import { PixNow } from './PixNow';
import { OutcomeBar, type OutcomeInput } from './OutcomeBar';
import { RecapBox } from './RecapBox';
import { FeedbackAsk } from './FeedbackAsk';
import { TalkingPanel } from './TalkingPanel';
import classes from './Call.module.css';

interface StoreInfo extends StoreIdentity {
  timeZone: string;
}

/** The calling session over the day's list: one customer at a time, "Próximo (F8)", "Encerrar". */
export function CallScreen() {
  const { items, index, next, end } = useCall();
  const [store, setStore] = useState<StoreInfo | null>(null);
  useEffect(() => {
    call<{ store: StoreInfo }>('settings.get', {})
      .then((s) => setStore({ ...s.store, timeZone: s.store.timeZone || DEFAULT_TIME_ZONE }))
      .catch(() => setStore({ name: useSession.getState().storeName ?? '', cnpj: '', address: '', city: '', pixKey: '', timeZone: DEFAULT_TIME_ZONE }));
  }, []);
  const item = items[index];
  if (!item) return null;
  return (
    <Box className={classes.screen}>
      <header className={classes.header}>
        <div>
          <Title order={1} size="h2">
            Ligações de hoje
          </Title>
          <Text c="dimmed" size="sm" className={classes.figures}>
            Cliente {index + 1} de {items.length}
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" onClick={end}>
            Encerrar ligações
          </Button>
          <Button onClick={next}>
            {index + 1 < items.length ? 'Próximo' : 'Terminar'}
            <Shortcut keys="F8" />
          </Button>
        </Group>
      </header>
      {store ? <CustomerCall key={item.customerId} item={item} store={store} /> : <Center flex={1}><Loader aria-label="Preparando a ligação" /></Center>}
    </Box>
  );
}

const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

type Step = { kind: 'none' } | { kind: 'offers' } | { kind: 'pix' } | { kind: 'hint'; text: string };

function CustomerCall({ item, store }: { item: QueueItem; store: StoreInfo }) {
  const { next, record } = useCall();
  const recorded = useCall((s) => s.recorded[item.customerId]);
  const clerk = useSession((s) => s.user?.name ?? '');
  const [ctx, setCtx] = useState<CallContext | null>(null);
  const [loadError, setLoadError] = useState('');
  const [stage, setStage] = useState<Stage>('prepare');
  const [heard, setHeard] = useState<ObjectionId[]>([]);
  const [current, setCurrent] = useState<ObjectionId | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'none' });
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [disputeKind, setDisputeKind] = useState<DisputeKind | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [agreement, setAgreement] = useState<AgreementMade | null>(null);
  const [term, setTerm] = useState<AgreementTerm | null>(null);
  const [printing, setPrinting] = useState(false);
  const [recap, setRecap] = useState<string | null>(null);
  // the contact after which the customer is asked "como foi o atendimento?" (an agreement or a payment)
  const [feedbackContact, setFeedbackContact] = useState<{ id: string } | null>(null);
  const telRef = useRef<HTMLAnchorElement>(null);

  // The policy is asked again as each call starts (issue 7 §7): calls.context says whether calling is allowed now.
  useEffect(() => {
    call<CallContext>('calls.context', { customerId: item.customerId })
      .then(setCtx)
      .catch((e: unknown) => setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir a ficha do cliente.'));
  }, [item.customerId]);

  useEffect(() => {
    if (startedAt === null || recorded) return;
    const t = setInterval(() => setElapsed(Math.round((Date.now() - startedAt) / 1000)), 1000);
    return () => clearInterval(t);
  }, [startedAt, recorded]);

  const canCall = !!ctx?.calling.allowed && !!ctx.phoneToUse && !recorded;
  useShortcuts(
    {
      l: (e) => (e.altKey && canCall ? void telRef.current?.click() : false),
      L: (e) => (e.altKey && canCall ? void telRef.current?.click() : false),
      F8: () => next(),
      F9: () => (agreement ? setPrinting(true) : false),
    },
    { enabled: !printing },
  );

  const objection = (id: ObjectionId) => {
    const o = ctx!.objections.find((x) => x.id === id)!;
    setCurrent(id);
    setHeard((h) => (h.includes(id) ? h : [...h, id]));
    setStage('objections');
    const n = o.next;
    if (n.outcome) setOutcome(n.outcome);
    if (n.disputeKind) setDisputeKind(n.disputeKind);
    if (n.kind === 'partial_and_promise' || n.kind === 'promise') setOutcome('promise');
    setStep(n.kind === 'offers' ? { kind: 'offers' } : n.kind === 'second_copy_pix' ? { kind: 'pix' } : { kind: 'hint', text: n.hint });
  };

  const contact = async (o: CallOutcome | 'agreement', extra: Partial<OutcomeInput> = {}) => {
    const r = await call<{ id: string }>('contacts.record', {
      customerId: item.customerId,
      channel: 'phone',
      outcome: o,
      ...(ctx?.phoneToUse ? { phone: ctx.phoneToUse.number } : {}),
      ...(heard.length ? { objectionIds: heard } : {}),
      ...(o === 'dispute' && extra.disputeKind ? { disputeKind: extra.disputeKind } : {}),
      ...(o === 'callback' && extra.callbackAt ? { callbackAt: extra.callbackAt, callbackChannel: 'phone' as const } : {}),
    });
    return r.id;
  };

  const conversation = (o: CallOutcome | 'agreement') => ((CONVERSATION_OUTCOMES as readonly string[]).includes(o) ? 1 : 0);

  const submitOutcome = async (input: OutcomeInput) => {
    setSaving(true);
    setSaveError('');
    try {
      const id = await contact(input.outcome, input);
      if (input.outcome === 'paid') setFeedbackContact({ id });
      let label = OUTCOME_LABELS[input.outcome];
      if (input.promise) {
        await call('promises.create', { customerId: item.customerId, date: input.promise.date, amountCents: input.promise.amountCents, contactId: id });
        label = `Prometeu ${formatBRL(input.promise.amountCents)} para ${formatDateBR(input.promise.date)}`;
        setRecap(promiseRecap(store, item.name, clerk, input.promise.date, input.promise.amountCents));
      }
      record(item.customerId, label, { calls: 1, conversations: conversation(input.outcome), ...(input.promise ? { promises: 1, promisedCents: input.promise.amountCents } : {}) });
      setStage('record');
      notifications.show({ message: `Resultado registrado: ${label}.`, color: 'teal', autoClose: 3000 });
    } catch (e) {
      setSaveError(e instanceof ApiCallError ? e.message : 'Não foi possível registrar. Tente de novo.');
    } finally {
      setSaving(false);
    }
  };

  // An agreement is the call's outcome: it is recorded with the objections heard as soon as it is made.
  const made = async (a: AgreementMade) => {
    setAgreement(a);
    setStep({ kind: 'none' });
    setPrinting(true);
    try {
      setFeedbackContact({ id: await contact('agreement') });
      record(item.customerId, `Fez acordo ${a.number}`, { calls: 1, conversations: 1, agreements: 1, discountCents: a.offer.discountCents });
    } catch (e) {
      setSaveError(e instanceof ApiCallError ? e.message : 'O acordo foi feito, mas a ligação não foi registrada.');
    }
  };

  if (loadError) return <Alert color="clay" title="Não foi possível abrir a ficha" role="alert">{loadError}</Alert>;
  if (!ctx) return <Center flex={1}><Loader aria-label="Abrindo a ficha do cliente" /></Center>;

  return (
    <div className={classes.columns}>
      <div className={classes.column}>
        <CustomerFile ctx={ctx} />
      </div>
      <div className={classes.column}>
        <TalkingPanel stages={ctx.stages} points={ctx.talkingPoints} avoid={ctx.avoid} objections={ctx.objections} stage={stage} onStage={setStage} heard={heard} current={current} onObjection={objection} />
      </div>
      <div className={classes.column}>
        <Stack gap="sm">
          <div className={classes.panel}>
            <Group justify="space-between" wrap="nowrap">
              {canCall ? (
                <Button
                  ref={telRef}
                  component="a"
                  href={telHref(ctx.phoneToUse!.number)}
                  target="_blank"
                  rel="noopener noreferrer"
                  onClick={() => {
                    if (startedAt === null) setStartedAt(Date.now());
                    setStage((s) => (s === 'prepare' ? 'open' : s));
                  }}
                  aria-label={`Ligar para ${ctx.customer.name}, ${ctx.phoneToUse!.label} (Alt+L)`}
                >
                  Ligar
                  <Shortcut keys="Alt+L" />
                </Button>
              ) : (
                <Tooltip label={recorded ? 'Resultado já registrado' : (ctx.calling.reasons[0] ?? 'Sem telefone para ligar')}>
                  <Button data-disabled aria-disabled="true" onClick={(e) => e.preventDefault()}>
                    Ligar
                    <Shortcut keys="Alt+L" />
                  </Button>
                </Tooltip>
              )}
              {startedAt !== null && (
                <Text size="sm" className={classes.figures} role="timer" aria-label="Tempo de ligação">
                  Em ligação: {clock(elapsed)}
                </Text>
              )}
            </Group>
            {!agreement && step.kind !== 'offers' && !recorded && (
              <Button variant="light" mt="xs" fullWidth onClick={() => setStep({ kind: 'offers' })}>
                Propor acordo
              </Button>
            )}
          </div>

          {step.kind === 'offers' && !agreement && (
            <div className={classes.panel}>
              <OffersPanel customerId={item.customerId} onMade={(a) => void made(a)} onCancel={() => setStep({ kind: 'none' })} />
            </div>
          )}
          {step.kind === 'pix' && <PixNow store={store} amountCents={ctx.facts.overdueCents} customerName={ctx.customer.name} />}
          {step.kind === 'hint' && !recorded && (
            <Alert color="gray" variant="light" py="xs" title="Próximo passo">
              {step.text}
            </Alert>
          )}

          {agreement && (
            <div className={classes.panel} role="region" aria-label="Acordo feito">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>Acordo {agreement.number} feito</Text>
                <Button size="xs" variant="light" onClick={() => setPrinting(true)}>
                  Imprimir termo
                  <Shortcut keys="F9" />
                </Button>
              </Group>
              {term && <RecapBox text={agreementRecap(store, term, clerk)} phone={ctx.phoneToUse} whatsappOptIn={ctx.facts.whatsappOptIn} />}
              {feedbackContact && <FeedbackAsk customerId={item.customerId} contactId={feedbackContact.id} />}
            </div>
          )}

          {/* While the offers are open they are the next step; "Voltar" brings the outcome buttons back. */}
          {(recorded || !(step.kind === 'offers' && !agreement)) && (
          <div className={classes.panel}>
            {recorded ? (
              <Stack gap="xs">
                <Text fw={600} role="status">
                  Registrado: {recorded}
                </Text>
                {recap && <RecapBox text={recap} phone={ctx.phoneToUse} whatsappOptIn={ctx.facts.whatsappOptIn} />}
                {feedbackContact && !agreement && <FeedbackAsk customerId={item.customerId} contactId={feedbackContact.id} />}
              </Stack>
            ) : (
              !agreement && (
                <OutcomeBar
                  today={ctx.asOf}
                  timeZone={store.timeZone}
                  overdueCents={ctx.facts.overdueCents}
                  outcome={outcome}
                  onOutcome={setOutcome}
                  disputeKind={disputeKind}
                  onDisputeKind={setDisputeKind}
                  saving={saving}
                  error={saveError}
                  onSubmit={(i) => void submitOutcome(i)}
                />
              )
            )}
            {agreement && !recorded && saveError && (
              <Alert color="clay" role="alert" py="xs">
                {saveError}
              </Alert>
            )}
          </div>
          )}
        </Stack>
      </div>
      {printing && agreement && <AgreementTermPrint agreementId={agreement.id} onLoaded={setTerm} onClose={() => setPrinting(false)} />}
    </div>
  );
}

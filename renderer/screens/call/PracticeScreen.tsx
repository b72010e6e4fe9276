import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { ObjectionId } from '../../../shared/collection/objections';
import type { Stage } from '../../../shared/collection/talking-points-catalog';
import { formatBRL } from '../../../shared/money';
import { PROFILE_KINDS, PROFILE_LABELS, type ProfileKind } from '../../../shared/ui-format/profile';
import { ProfileBadge } from '../../components/ProfileBadge';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { useCall } from './call-store';
import { customerLine, nextObjection, practiceCustomer, STAGES } from './practice';
import { TalkingPanel } from './TalkingPanel';
import classes from './Call.module.css';

/**
 * Treino: the trainee picks a profile, a simulated customer raises objections from the same catalog, and the
 * trainee answers with the same talking points. Nothing is sent to the backend (practice.ts is pure).
 */
export function PracticeScreen() {
  const close = useCall((s) => s.close);
  const storeName = useSession((s) => s.storeName) ?? '';
  const clerk = useSession((s) => s.user?.name ?? '');
  const today = useSession((s) => s.today) ?? new Date().toISOString().slice(0, 10);
  const [profile, setProfile] = useState<ProfileKind>('ocasional');
  const sim = useMemo(() => practiceCustomer(profile, today, storeName, clerk), [profile, today, storeName, clerk]);
  const [raised, setRaised] = useState<ObjectionId[]>([]);
  const [heard, setHeard] = useState<ObjectionId[]>([]);
  const [current, setCurrent] = useState<ObjectionId | null>(null);
  const [stage, setStage] = useState<Stage>('prepare');
  const said = raised.length ? sim.objections.find((o) => o.id === raised[raised.length - 1])! : null;
  const right = said && current === said.id;

  const raise = () => {
    const o = nextObjection(raised);
    if (o) setRaised((r) => [...r, o.id]);
    setCurrent(null);
    setStage('objections');
  };
  const restart = (p: ProfileKind) => {
    setProfile(p);
    setRaised([]);
    setHeard([]);
    setCurrent(null);
    setStage('prepare');
  };

  useShortcuts({ Escape: close, F8: raise });

  return (
    <Box className={classes.screen}>
      <header className={classes.header}>
        <div>
          <Title order={1} size="h2">
            Treino de ligação
          </Title>
          <Text c="dimmed" size="sm">
            Um cliente simulado, para ensaiar. Nada aqui é gravado.
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <Select label="Perfil do cliente" data={PROFILE_KINDS.map((k) => ({ value: k, label: PROFILE_LABELS[k] }))} value={profile} onChange={(v) => v && restart(v as ProfileKind)} allowDeselect={false} w={180} comboboxProps={{ withinPortal: true }} />
          <Button variant="default" onClick={close}>
            Sair do treino
            <Shortcut keys="Esc" />
          </Button>
        </Group>
      </header>
      <div className={classes.columns}>
        <div className={classes.column}>
          <section aria-labelledby="practice-name">
            <Title order={2} size="h3" id="practice-name" mb={4}>
              {sim.name}
            </Title>
            <Group gap="xs" mb="sm">
              <ProfileBadge profile={sim.profile} reasons={[sim.profileReason]} />
            </Group>
            <dl className={classes.facts}>
              <dt>Em atraso</dt>
              <dd>{formatBRL(sim.facts.overdueCents)}</dd>
              <dt>Atraso</dt>
              <dd>{sim.facts.daysLate} dias</dd>
              <dt>Parcelas</dt>
              <dd>{sim.facts.overdueCount === 1 ? '1 em atraso' : `${sim.facts.overdueCount} em atraso`}</dd>
              <dt>Em dia</dt>
              <dd>{sim.facts.onTimePaidCount === 1 ? '1 parcela paga' : `${sim.facts.onTimePaidCount} parcelas pagas`} em dia</dd>
              <dt>Comprou</dt>
              <dd>{sim.facts.purchase}</dd>
            </dl>
            <Text size="sm" c="dimmed" mt="md">
              Como treinar: siga as etapas, do "Preparar" ao "Registrar". Quando o cliente falar, escolha em "O cliente disse…" a objeção que ouviu e responda com uma das falas sugeridas.
            </Text>
          </section>
        </div>
        <div className={classes.column}>
          <TalkingPanel
            stages={STAGES}
            points={sim.points}
            avoid={sim.avoid}
            objections={sim.objections}
            stage={stage}
            onStage={setStage}
            heard={heard}
            current={current}
            onObjection={(id) => {
              setCurrent(id);
              setHeard((h) => (h.includes(id) ? h : [...h, id]));
              setStage('objections');
            }}
          />
        </div>
        <div className={classes.column}>
          <Stack gap="sm">
            <div className={classes.panel} role="region" aria-label="Cliente simulado">
              <Text fw={600} size="sm" mb={4}>
                O cliente diz
              </Text>
              {said ? (
                <Text size="lg" data-testid="practice-line" data-objection={said.id}>
                  {customerLine(said)}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Siga as etapas ao lado. Quando estiver pronto, peça a primeira objeção.
                </Text>
              )}
              <Button mt="sm" fullWidth onClick={raise} disabled={raised.length >= sim.objections.length}>
                {said ? 'Próxima objeção' : 'Começar: o cliente fala'}
                <Shortcut keys="F8" />
              </Button>
            </div>
            {said && current && (
              <Alert color={right ? 'teal' : 'yellow'} variant="light" role="status" title={right ? 'Isso mesmo' : 'Não era bem isso'}>
                {right ? `Responda com uma das falas sugeridas. ${said.next.hint}` : `Ouça de novo: o cliente disse "${said.label}". Escolha essa objeção na lista.`}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              Objeções treinadas: {raised.length} de {sim.objections.length}
            </Text>
          </Stack>
        </div>
      </div>
    </Box>
  );
}

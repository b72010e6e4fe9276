import { useEffect, useRef } from 'react';
import { Alert, Button, List, Tabs, Text } from '@mantine/core';
import type { Objection, ObjectionId } from '../../../shared/collection/objections';
import type { Stage } from '../../../shared/collection/talking-points-catalog';
import type { TalkingPoint } from '../../../shared/collection/talking-points';
import classes from './Call.module.css';

/** Short tab labels for the ten stages of CALLS.md (the catalog's own label is the tab's title). */
export const STAGE_TABS: Record<Stage, string> = {
  prepare: 'Preparar',
  open: 'Abrir',
  say_why: 'Motivo',
  listen: 'Ouvir',
  propose: 'Propor',
  objections: 'Objeções',
  commit: 'Compromisso',
  recap: 'Recapitular',
  close: 'Encerrar',
  record: 'Registrar',
};

export interface TalkingPanelProps {
  stages: readonly { id: Stage; label: string }[];
  points: TalkingPoint[];
  avoid: string[];
  objections: Objection[];
  stage: Stage;
  onStage(stage: Stage): void;
  /** the objections heard so far in this call, in order */
  heard: ObjectionId[];
  current: ObjectionId | null;
  onObjection(id: ObjectionId): void;
}

/**
 * The center of the call: what to say at each stage (tabs), the eleven objections as buttons — clicking the
 * one heard shows its answers and moves the screen to its next step — and what to avoid saying.
 */
export function TalkingPanel({ stages, points, avoid, objections, stage, onStage, heard, current, onObjection }: TalkingPanelProps) {
  const selected = objections.find((o) => o.id === current) ?? null;
  const answers = useRef<HTMLDivElement>(null);
  // The answers show where the clerk's eyes are, above the buttons, as soon as an objection is picked.
  useEffect(() => {
    if (current) answers.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  return (
    <section aria-label="O que dizer">
      <Tabs value={stage} onChange={(v) => v && onStage(v as Stage)} variant="pills" keepMounted={false}>
        <Tabs.List mb="sm" style={{ gap: 4 }}>
          {stages.map((s, i) => (
            <Tabs.Tab key={s.id} value={s.id} px="xs" py={4} title={s.label}>
              {i + 1}. {STAGE_TABS[s.id]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {stages.map((s) => {
          const list = points.filter((p) => p.stage === s.id);
          return (
            <Tabs.Panel key={s.id} value={s.id}>
              <Text fw={600} mb={6}>
                {s.label}
              </Text>
              {list.length > 0 && (
                <ul className={classes.points}>
                  {list.map((p) => (
                    <li key={p.id} className={p.note ? classes.note : undefined}>
                      {p.text}
                    </li>
                  ))}
                </ul>
              )}
            </Tabs.Panel>
          );
        })}
      </Tabs>

      {selected && (
        <Alert ref={answers} color="brand" variant="light" mt="md" title={`Como responder: ${selected.label}`} role="region" aria-label="Como responder">
          <List size="sm" spacing={4} mb="xs">
            {selected.responses.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={500}>
            Próximo passo: {selected.next.hint}
          </Text>
        </Alert>
      )}
      <Text component="h3" fw={600} size="md" mt="md" mb={6} id="call-objections-title">
        O cliente disse…
      </Text>
      <div className={classes.objections} role="group" aria-labelledby="call-objections-title">
        {objections.map((o) => (
          <Button
            key={o.id}
            size="sm"
            variant={o.id === current ? 'filled' : heard.includes(o.id) ? 'light' : 'default'}
            aria-pressed={o.id === current}
            onClick={() => onObjection(o.id)}
          >
            {o.label}
          </Button>
        ))}
      </div>


      <Alert color="gray" variant="light" mt="md" title="Evitar" role="region" aria-label="Evitar">
        <List size="sm" spacing={2}>
          {avoid.map((a) => (
            <List.Item key={a}>{a}</List.Item>
          ))}
        </List>
      </Alert>
    </section>
  );
}

import { THANK_YOU_STEP_ID, type ReguaStep, type Settings, type SettingsPatch } from '../../../shared/contract/settings';
import { PROFILE_KINDS, type ProfileKind } from '../../../shared/ui-format/profile';
import { checkPatch, toNumber, FILL_IN, type FieldErrors, type Num, type SectionResult } from './settings-draft';

/**
 * The régua de cobrança as the owner edits it (Configurações → Régua): one line per step, the offset typed as
 * "3 dias depois" instead of +3, and profiles as checkboxes where none ticked means everyone. The whole list
 * is sent on save (settings.update replaces arrays, API.md); a step keeps its id for life, because the
 * messages already sent point to it (one message per step and parcela, ever).
 */

export type Channel = ReguaStep['channel'];
export type Trigger = ReguaStep['trigger'];
export type When = 'before' | 'on' | 'after';

export interface StepDraft {
  id: string;
  label: string;
  trigger: Trigger;
  when: When;
  /** days before or after, always typed as a positive number ('' while empty) */
  days: Num;
  channel: Channel;
  /** none = every profile */
  profiles: ProfileKind[];
  template: string;
  active: boolean;
}

export interface ReguaDraft {
  steps: StepDraft[];
}

export const CHANNEL_LABELS: Record<Channel, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail', phone: 'Ligação' };
export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];
export const TRIGGER_LABELS: Record<Trigger, string> = { due: 'Vencimento da parcela', promise: 'Data da promessa' };

export function stepDraft(s: ReguaStep): StepDraft {
  return {
    id: s.id,
    label: s.label,
    trigger: s.trigger,
    when: s.offsetDays < 0 ? 'before' : s.offsetDays === 0 ? 'on' : 'after',
    days: Math.abs(s.offsetDays),
    channel: s.channel,
    profiles: s.profiles ? PROFILE_KINDS.filter((p) => s.profiles!.includes(p)) : [],
    template: s.template,
    active: s.active,
  };
}

export function reguaDraft(s: Settings): ReguaDraft {
  return { steps: s.regua.steps.map(stepDraft) };
}

/** −3, 0, +10 from what the owner picked; NaN when the days are not a number (the schema then refuses it). */
export function offsetOf(step: Pick<StepDraft, 'when' | 'days'>): number | undefined {
  if (step.when === 'on') return 0;
  const n = toNumber(step.days);
  if (n === undefined) return undefined;
  return step.when === 'before' ? -n : n;
}

/** "3 dias antes do vencimento", "No dia da promessa", "1 dia depois do vencimento". */
export function describeOffset(trigger: Trigger, offset: number): string {
  const of = trigger === 'due' ? 'do vencimento' : 'da promessa';
  if (offset === 0) return `No dia ${of}`;
  const n = Math.abs(offset);
  return `${n} ${n === 1 ? 'dia' : 'dias'} ${offset < 0 ? 'antes' : 'depois'} ${of}`;
}

/** A fresh id for a new step: `passo-1`, `passo-2`… never one in use nor the thank-you's. */
export function newStepId(steps: Pick<StepDraft, 'id'>[]): string {
  const used = new Set([...steps.map((s) => s.id), THANK_YOU_STEP_ID]);
  let n = 1;
  while (used.has(`passo-${n}`)) n++;
  return `passo-${n}`;
}

export function newStep(steps: StepDraft[], template: string): StepDraft {
  return { id: newStepId(steps), label: 'Novo passo', trigger: 'due', when: 'after', days: 5, channel: 'whatsapp', profiles: [], template, active: true };
}

export const stepPath = (index: number, field: string) => `regua.steps.${index}.${field}`;

/** The step a field error belongs to (`regua.steps.2.template` → 2). */
export function stepOfPath(path: string): number | null {
  const m = /^regua\.steps\.(\d+)\./.exec(path);
  return m ? Number(m[1]) : null;
}

export function reguaPatch(d: ReguaDraft): SectionResult {
  const errors: FieldErrors = {};
  const steps = d.steps.map((s, i) => {
    const offsetDays = offsetOf(s);
    if (offsetDays === undefined) errors[stepPath(i, 'offsetDays')] = FILL_IN;
    return {
      id: s.id,
      label: s.label.trim(),
      trigger: s.trigger,
      offsetDays: offsetDays ?? 0,
      channel: s.channel,
      ...(s.profiles.length ? { profiles: s.profiles } : {}),
      template: s.template,
      active: s.active,
    };
  });
  const patch: SettingsPatch = { regua: { steps } };
  // The step's name is already on screen: the field shows the problem itself, without the "Passo "…": " prefix.
  return checkPatch(patch, errors, (p) => p, (message) => message.replace(/^Passo "[^"]*": /, ''));
}

import { useEffect, useState } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import type { Settings } from '../../../shared/contract/settings';
import { useSession } from '../../store/session';
import { MarginsSection, MARGINS_ORDER } from './MarginsSection';
import { PolicySection, POLICY_ORDER } from './PolicySection';
import { PrintingSection } from './PrintingSection';
import { SectionForm } from './SectionForm';
import { StoreSection, STORE_ORDER } from './StoreSection';
import { UsersSection } from './UsersSection';
import { BackupSection } from './BackupSection';
import { ReguaSection } from './ReguaSection';
import { EmailSection, EMAIL_ORDER } from './EmailSection';
import { reguaPatch } from './regua-draft';
import { emailPatch } from './email-draft';
import classes from './Settings.module.css';
import {
  SECTION_DRAFT,
  draftFromSettings,
  errorsFromIssues,
  fieldId,
  firstErrorPath,
  marginsPatch,
  policyPatch,
  printingPatch,
  sameDraft,
  storePatch,
  type FieldErrors,
  type SectionId,
  type SectionResult,
  type SettingsDraft,
} from './settings-draft';

type TabId = SectionId | 'users' | 'backup';

const SECTIONS: { id: SectionId; tab: string; form: string; saved: string; order: string[]; ownerOnly?: boolean }[] = [
  { id: 'store', tab: 'Loja', form: 'Dados da loja', saved: 'Dados da loja salvos.', order: STORE_ORDER },
  { id: 'policy', tab: 'Cobrança', form: 'Regras de cobrança', saved: 'Regras de cobrança salvas.', order: POLICY_ORDER },
  { id: 'margins', tab: 'Margens', form: 'Margens de negociação', saved: 'Margens de negociação salvas.', order: MARGINS_ORDER },
  { id: 'regua', tab: 'Régua de cobrança', form: 'Régua de cobrança', saved: 'Régua de cobrança salva.', order: [] },
  // The account's server and user are the owner's business: a clerk does not see this tab.
  { id: 'email', tab: 'E-mail', form: 'E-mail da loja', saved: 'Conta de e-mail salva.', order: EMAIL_ORDER, ownerOnly: true },
  { id: 'printing', tab: 'Impressão', form: 'Impressão', saved: 'Preferências de impressão salvas.', order: [] },
];

const NO_ERRORS: Record<SectionId, FieldErrors> = { store: {}, policy: {}, margins: {}, regua: {}, email: {}, printing: {} };
const NO_FORM_ERRORS: Record<SectionId, string | null> = { store: null, policy: null, margins: null, regua: null, email: null, printing: null };

// The tab the owner was on, kept while they visit other areas.
let lastTab: TabId = 'store';

/** Configurações (F8): the owner edits and saves each section on its own; a clerk reads everything, changes nothing. */
export function SettingsArea() {
  const user = useSession((s) => s.user);
  const isOwner = user?.role === 'owner';
  const [settings, setSettings] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [formErrors, setFormErrors] = useState(NO_FORM_ERRORS);
  const [saving, setSaving] = useState<SectionId | null>(null);
  const [tab, setTab] = useState<TabId>(() => ((lastTab === 'users' || lastTab === 'backup' || lastTab === 'email') && !isOwner ? 'store' : lastTab));
  const sections = SECTIONS.filter((s) => isOwner || !s.ownerOnly);

  const load = () => {
    setLoadError(null);
    call<Settings>('settings.get', {})
      .then((s) => {
        setSettings(s);
        setDraft(draftFromSettings(s));
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir as configurações.'));
  };
  useEffect(load, []);

  if (!settings || !draft) {
    return (
      <Center h="100%">
        {loadError ? (
          <Stack align="center">
            <Alert color="clay" title="Não foi possível abrir as configurações">
              {loadError}
            </Alert>
            <Button variant="default" onClick={load}>
              Tentar de novo
            </Button>
          </Stack>
        ) : (
          <Loader aria-label="Carregando as configurações" />
        )}
      </Center>
    );
  }

  const dirty = (id: SectionId) => !sameDraft(draft[id], SECTION_DRAFT[id](settings));

  const setSectionErrors = (id: SectionId, found: FieldErrors) => setErrors((all) => ({ ...all, [id]: found }));
  const setError = (id: SectionId) => (path: string, message: string | null) =>
    setErrors((all) => {
      const { [path]: _old, ...rest } = all[id];
      return { ...all, [id]: message ? { ...rest, [path]: message } : rest };
    });

  const showErrors = (id: SectionId, found: FieldErrors) => {
    setSectionErrors(id, found);
    const first = firstErrorPath(found, SECTIONS.find((s) => s.id === id)!.order);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const edit = <K extends SectionId>(id: K) => (patch: Partial<SettingsDraft[K]>) => setDraft((d) => (d ? { ...d, [id]: { ...d[id], ...patch } } : d));

  const discard = (id: SectionId) => {
    setDraft((d) => (d ? { ...d, [id]: SECTION_DRAFT[id](settings) } : d));
    setSectionErrors(id, {});
    setFormErrors((f) => ({ ...f, [id]: null }));
  };

  const save = async (id: SectionId) => {
    if (saving) return;
    setFormErrors((f) => ({ ...f, [id]: null }));
    const checked: SectionResult =
      id === 'store' ? storePatch(draft.store)
      : id === 'policy' ? policyPatch(draft.policy)
      : id === 'margins' ? marginsPatch(draft.margins, settings.margins)
      : id === 'regua' ? reguaPatch(draft.regua)
      : id === 'email' ? emailPatch(draft.email)
      : printingPatch(draft.printing);
    if (!checked.patch) return showErrors(id, checked.errors);
    setSaving(id);
    try {
      const next = await call<Settings>('settings.update', checked.patch);
      setSettings(next);
      setDraft((d) => (d ? { ...d, [id]: SECTION_DRAFT[id](next) } : d));
      setSectionErrors(id, {});
      if (id === 'store') useSession.setState({ storeName: next.store.name });
      notifications.show({ message: SECTIONS.find((s) => s.id === id)!.saved, color: 'teal', autoClose: 2500, position: 'top-right' });
    } catch (err) {
      if (!(err instanceof ApiCallError)) setFormErrors((f) => ({ ...f, [id]: 'Não foi possível salvar. Tente de novo.' }));
      else {
        const found = errorsFromIssues(err.issues, id, draft);
        if (err.kind !== 'validation' || !Object.keys(found).length) setFormErrors((f) => ({ ...f, [id]: err.message }));
        showErrors(id, found);
      }
    } finally {
      setSaving(null);
    }
  };

  const pick = (value: string | null) => {
    if (!value) return;
    lastTab = value as TabId;
    setTab(value as TabId);
  };

  const sectionBody = (id: SectionId) => {
    if (id === 'store') return <StoreSection value={draft.store} onChange={edit('store')} errors={errors.store} setError={setError('store')} />;
    if (id === 'policy') return <PolicySection value={draft.policy} onChange={edit('policy')} errors={errors.policy} setError={setError('policy')} />;
    if (id === 'margins') return <MarginsSection value={draft.margins} onChange={(next) => setDraft((d) => (d ? { ...d, margins: next } : d))} errors={errors.margins} setError={setError('margins')} />;
    if (id === 'regua') return <ReguaSection value={draft.regua} onChange={(next) => setDraft((d) => (d ? { ...d, regua: next } : d))} errors={errors.regua} setError={setError('regua')} readOnly={!isOwner} />;
    if (id === 'email') return <EmailSection value={draft.email} onChange={edit('email')} errors={errors.email} setError={setError('email')} dirty={dirty('email')} saved={!!settings.smtp} />;
    return <PrintingSection value={draft.printing} onChange={edit('printing')} store={settings.store} />;
  };

  return (
    <Box className={classes.screen}>
      <Box className={classes.header}>
        <Group justify="space-between" align="flex-end" wrap="nowrap" mb="md">
          <Box>
            <Title order={2}>Configurações</Title>
            <Text c="dimmed" size="sm">
              {isOwner ? 'Cada seção é salva à parte: ajuste o que precisar e tecle Salvar (F10).' : 'Dados da loja, regras de cobrança, limites de negociação, régua de cobrança e impressão.'}
            </Text>
          </Box>
        </Group>
        {!isOwner && (
          <Alert color="brand" variant="light" title="Somente para consulta" mb="md">
            Só o dono da loja pode mudar as configurações. Você pode ver tudo aqui; se algo precisar mudar, fale com o dono.
          </Alert>
        )}
      </Box>

      <Tabs value={tab} onChange={pick} className={classes.tabs} keepMounted={false}>
        <Tabs.List className={classes.tabList}>
          {sections.map((s) => (
            <Tabs.Tab key={s.id} value={s.id} fw={500}>
              {s.tab}
              {isOwner && dirty(s.id) && (
                <>
                  <Box component="span" className={classes.dirtyDot} aria-hidden="true" />
                  <VisuallyHidden> (alterações não salvas)</VisuallyHidden>
                </>
              )}
            </Tabs.Tab>
          ))}
          {isOwner && (
            <Tabs.Tab value="users" fw={500}>
              Usuários
            </Tabs.Tab>
          )}
          {isOwner && (
            <Tabs.Tab value="backup" fw={500}>
              Cópias de segurança
            </Tabs.Tab>
          )}
        </Tabs.List>

        {/* Focusable so a clerk, whose fields are all read-only, can still scroll it by keyboard (axe). */}
        <Box className={classes.scroller} tabIndex={0} role="region" aria-label="Seção de configurações">
          {sections.map((s) => (
            <Tabs.Panel key={s.id} value={s.id}>
              <SectionForm
                label={s.form}
                readOnly={!isOwner}
                dirty={dirty(s.id)}
                saving={saving === s.id}
                formError={formErrors[s.id]}
                onSave={() => void save(s.id)}
                onDiscard={() => discard(s.id)}
              >
                {sectionBody(s.id)}
              </SectionForm>
            </Tabs.Panel>
          ))}
          {isOwner && (
            <Tabs.Panel value="users">
              <UsersSection />
            </Tabs.Panel>
          )}
          {isOwner && (
            <Tabs.Panel value="backup">
              <BackupSection />
            </Tabs.Panel>
          )}
        </Box>
      </Tabs>
    </Box>
  );
}

import { useEffect } from 'react';
import { Alert, Button, Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { DashboardWeek, DashboardWeeklyResult } from '../../../shared/contract/dashboard';
import { agingCsv, clerksCsv, collectionFactsCsv, profileMovesCsv, profilesCsv, promiseRatesCsv, totalsCsv, weeksCsv, whatWorksCsv } from '../../../shared/csv/dashboard-tables';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { PROFILE_LABELS } from '../../../shared/ui-format/profile';
import { Money } from '../../components/Money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { CategoryChart, CreditVsRecoveredChart, OverdueChart, PromisesChart, RecoveredChart } from './charts';
import { brl, count, pct, rateText, scoreText, weekLong } from './dashboard-text';
import { useDashboard, type DrillAsk } from './dashboard-store';
import { csvFileName, downloadCsv } from './download';
import { DrillPanel } from './DrillPanel';
import { Kpis } from './Kpis';
import { DrillButton, Section } from './parts';
import { PERIOD_OPTIONS, periodFor, periodText, previousPeriod, type PeriodChoice } from './period';
import { AgingTable, ClerksTable, ProfileMovesTable, ProfilesTable, PromiseRatesTable, WeeksTable, WhatWorksTable, type WeekDrill } from './tables';
import classes from './Dashboard.module.css';

/**
 * Painel → "Semana a semana" (issue 8 item 1): the owner's weekly review. One call (dashboard.weekly) for the
 * period; a click on a bar or on a figure asks dashboard.drill for the customers behind it.
 */
export function WeeklyScreen() {
  const today = useSession((s) => s.today);
  const { status, data, error, period, choice, load, drill } = useDashboard();

  // The first visit opens the last 12 weeks; coming back keeps what the owner chose.
  useEffect(() => {
    if (!period && today && choice !== 'custom') void load(periodFor(choice, today));
  }, [period, today, choice, load]);

  useShortcuts({ F9: () => printDashboard(period ? periodText(period) : '') }, { enabled: !drill });

  return (
    <div className={classes.screen}>
      <header className={classes.header}>
        <div>
          <Title order={2}>Painel</Title>
          <Text c="dimmed">
            {period ? `${periodText(period)} · comparado com ${periodText(previousPeriod(period))}` : 'Escolha o período'}
            {status === 'loading' && data && <Loader size="xs" ml="sm" aria-label="Atualizando o painel" />}
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap" className={classes.noPrint}>
          <Button variant="default" onClick={() => data && period && downloadCsv(csvFileName('resumo', period.from, period.to), totalsCsv(data.totals, data.previous))} disabled={!data}>
            Exportar resumo (CSV)
          </Button>
          <Button onClick={() => printDashboard(period ? periodText(period) : '')} disabled={!data}>
            Imprimir / salvar PDF
            <Shortcut keys="F9" />
          </Button>
        </Group>
      </header>

      <PeriodPicker />

      {status === 'error' && (
        <Alert color="clay" role="alert" title="O painel não abriu" mb="md">
          <Text size="sm">{error}</Text>
          <Button mt="sm" variant="default" onClick={() => void load()}>
            Tentar de novo
          </Button>
        </Alert>
      )}
      {!data && status === 'loading' && (
        <Center py="xl">
          <Loader aria-label="Montando o painel" />
        </Center>
      )}
      {data && <WeeklyBody data={data} />}
      <DrillPanel />
    </div>
  );
}

function PeriodPicker() {
  const today = useSession((s) => s.today);
  const { choice, choose, customFrom, customTo, setCustom, applyCustom, customError } = useDashboard();
  return (
    <div className={classes.noPrint}>
      <SegmentedControl
        value={choice}
        onChange={(v) => today && choose(v as PeriodChoice, today)}
        data={PERIOD_OPTIONS}
        size="md"
        mb="md"
        aria-label="Período"
        className={classes.period}
      />
      {choice === 'custom' && (
        <form
          className={classes.custom}
          onSubmit={(e) => {
            e.preventDefault();
            applyCustom();
          }}
        >
          <TextInput label="De" placeholder="dd/mm/aaaa" inputMode="numeric" value={customFrom} onChange={(e) => setCustom(maskDateBR(e.currentTarget.value), customTo)} error={customError?.field === 'from' ? customError.message : undefined} w={170} autoFocus />
          <TextInput label="Até" placeholder="dd/mm/aaaa" inputMode="numeric" value={customTo} onChange={(e) => setCustom(customFrom, maskDateBR(e.currentTarget.value))} error={customError?.field === 'to' ? customError.message : undefined} w={170} />
          <Button type="submit" mt={26}>
            Ver o período
          </Button>
        </form>
      )}
    </div>
  );
}

const weekAsk = (kind: DrillAsk['kind'], w: DashboardWeek): DrillAsk => ({ kind, weekStart: w.weekStart });
const WEEK_CAPTION: Record<WeekDrill | 'promises_made' | 'promises_kept', string> = {
  overdue: 'Em atraso',
  recovered: 'Recebido',
  new_credit: 'Crédito novo',
  promises_made: 'Promessas feitas',
  promises_kept: 'Promessas cumpridas',
};

/** Everything the period holds; exported for the component test with a fixture. */
export function WeeklyBody({ data }: { data: DashboardWeeklyResult }) {
  const openDrill = useDashboard((s) => s.openDrill);
  const period = { from: data.from, to: data.to };
  const csv = (what: string, text: string) => downloadCsv(csvFileName(what, period.from, period.to), text);
  const week = (kind: keyof typeof WEEK_CAPTION) => (w: DashboardWeek) => void openDrill(weekAsk(kind, w), `${WEEK_CAPTION[kind]} na ${weekLong(w.weekStart)}`);
  const labels: Record<string, string> = { ...PROFILE_LABELS, ...Object.fromEntries(data.profiles.map((p) => [p.kind, p.label])) };
  const agingTotal = data.aging.reduce((s, a) => s + a.cents, 0);
  const ww = data.whatWorks;
  const noWeeks = data.weeks.length === 0;

  return (
    <Stack gap="md" className={classes.body}>
      <Kpis now={data.totals} before={data.previous} />

      {noWeeks && (
        <Alert color="brand" variant="light" title="Ainda não há movimento neste período">
          Quando houver vendas no crediário, pagamentos e ligações registradas, os gráficos aparecem aqui semana a semana.
        </Alert>
      )}

      <SimpleGrid cols={2} spacing="md" className={classes.grid}>
        <Section id="atraso" title="Em atraso e inadimplência" sentence="Quanto estava em atraso no fim de cada semana (barras) e que parte do saldo em aberto isso era (linha). Clique numa barra para ver os clientes.">
          <OverdueChart weeks={data.weeks} onWeek={week('overdue')} />
        </Section>
        <Section id="recebido" title="Recebido por semana" sentence="Pagamentos recebidos em cada semana, já descontados os estornos. Clique numa barra para ver os pagamentos.">
          <RecoveredChart weeks={data.weeks} onWeek={week('recovered')} />
        </Section>
        <Section id="credito" title="Crédito novo e recebido" sentence="Quanto foi vendido no crediário (sem a entrada) e quanto voltou, semana a semana: se o crédito novo passa muito do recebido, o saldo em aberto cresce.">
          <CreditVsRecoveredChart weeks={data.weeks} onNewCredit={week('new_credit')} onRecovered={week('recovered')} />
        </Section>
        <Section id="promessas" title="Promessas feitas e cumpridas" sentence="Promessas de pagamento combinadas em cada semana e, das que venceram na semana, quantas foram cumpridas.">
          <PromisesChart weeks={data.weeks} onMade={week('promises_made')} onKept={week('promises_kept')} />
        </Section>

        <Section id="aging" title="Atraso por faixa de dias" sentence={`O saldo em aberto em ${periodText(period).split(' a ')[1]}, pela idade do atraso. As faixas somam ${brl(agingTotal)}.`} onCsv={() => csv('faixas-de-atraso', agingCsv(data.aging))}>
          <CategoryChart rows={data.aging.map((a) => ({ key: a.id, label: a.label, value: a.cents }))} money colors="aging" valueName="Saldo" onBar={(id) => void openDrill({ kind: 'aging', key: id }, `Em aberto: ${data.aging.find((a) => a.id === id)?.label ?? ''}`)} />
          <AgingTable aging={data.aging} openCents={data.openCents} onBucket={(id, label) => void openDrill({ kind: 'aging', key: id }, `Em aberto: ${label}`)} />
        </Section>
        <Section id="perfis" title="Clientes por perfil" sentence="Quantos clientes há em cada perfil no fim do período. Clique num perfil para ver os clientes." onCsv={() => csv('perfis', profilesCsv(data.profiles))}>
          <CategoryChart rows={data.profiles.map((p) => ({ key: p.kind, label: p.label, value: p.customers }))} money={false} colors="profile" valueName="Clientes" onBar={(kind) => void openDrill({ kind: 'profile', key: kind }, `Perfil ${labels[kind] ?? kind}`)} />
          <ProfilesTable profiles={data.profiles} onProfile={(kind, label) => void openDrill({ kind: 'profile', key: kind }, `Perfil ${label}`)} />
        </Section>

      </SimpleGrid>

      <SimpleGrid cols={2} spacing="md" className={classes.grid}>
        <Section id="mudancas" title="Mudanças de perfil" sentence="Quantos clientes passaram de um perfil a outro durante o período, do movimento maior ao menor." onCsv={() => csv('mudancas-de-perfil', profileMovesCsv(data.profileMoves, labels))}>
          <ProfileMovesTable moves={data.profileMoves} labels={labels} />
        </Section>
        <Section id="acordos" title="Contato, acordos e fidelidade" sentence="Das tentativas de contato, quantas foram atendidas; os acordos e os descontos dados, e quantos passaram da margem; quem quitou tudo e voltou a comprar." onCsv={() => csv('contato-acordos-fidelidade', collectionFactsCsv(data))}>
          <dl className={classes.facts}>
            <dt>Contato atendido</dt>
            <dd>{rateText(data.contactRate)}</dd>
            <dt>Acordos feitos</dt>
            <dd>
              <DrillButton label="Ver os acordos do período" onClick={() => void openDrill({ kind: 'agreements' }, 'Acordos do período')}>
                {count(data.agreements.count)}
              </DrillButton>
            </dd>
            <dt>Descontos nos acordos</dt>
            <dd>
              <Money cents={data.agreements.discountCents} inherit />
            </dd>
            <dt>Além da margem (com a senha do dono)</dt>
            <dd>
              {count(data.agreements.beyondMargins)} de {count(data.agreements.count)}
            </dd>
            <dt>Nota média do atendimento</dt>
            <dd>{scoreText(data.totals.feedbackAverage)}</dd>
            <dt>Quitaram tudo no período</dt>
            <dd>{count(data.loyalty.paidOff)}</dd>
            <dt>… e voltaram a comprar</dt>
            <dd>
              <DrillButton label="Ver quem quitou e voltou a comprar" onClick={() => void openDrill({ kind: 'paid_off_bought_again' }, 'Quitaram e voltaram a comprar')}>
                {count(data.loyalty.boughtAgain)}
                {data.loyalty.paidOff > 0 && ` (${pct((data.loyalty.boughtAgain / data.loyalty.paidOff) * 100, 0)})`}
              </DrillButton>
            </dd>
          </dl>
        </Section>

        <Section id="promessas-atendente" title="Promessas por atendente" sentence="Das conversas, quantas terminaram em promessa; das promessas que venceram, quantas foram cumpridas. É a medida da própria loja, sem comparação de fora." onCsv={() => csv('promessas-por-atendente', promiseRatesCsv(data.promiseRates.byUser.map((r) => ({ ...r, label: r.name })), 'atendente'))}>
          <PromiseRatesTable rows={data.promiseRates.byUser} who="Atendente" />
        </Section>
        <Section id="promessas-perfil" title="Promessas por perfil" sentence="As mesmas taxas, pelo perfil do cliente na hora da conversa." onCsv={() => csv('promessas-por-perfil', promiseRatesCsv(data.promiseRates.byProfile, 'perfil'))}>
          <PromiseRatesTable rows={data.promiseRates.byProfile} who="Perfil" />
        </Section>
      </SimpleGrid>

      <SimpleGrid cols={3} spacing="md" className={classes.grid}>
        <Section id="funciona-objecao" title="O que funciona: objeções" sentence={`Deu certo: depois da objeção ouvida veio promessa cumprida ou pagamento em 7 dias. Com menos de ${ww.minCases} casos, ainda não dá para dizer.`} onCsv={() => csv('o-que-funciona-objecoes', whatWorksCsv(ww.byObjection, 'objeção'))}>
          <WhatWorksTable rows={ww.byObjection} what="Objeção" label="O que funciona por objeção" />
        </Section>
        <Section id="funciona-perfil" title="O que funciona: perfis" sentence="Deu certo: a conversa terminou em promessa cumprida ou pagamento em 7 dias, pelo perfil do cliente." onCsv={() => csv('o-que-funciona-perfis', whatWorksCsv(ww.byProfile, 'perfil'))}>
          <WhatWorksTable rows={ww.byProfile} what="Perfil" label="O que funciona por perfil" />
        </Section>
        <Section id="funciona-regua" title="O que funciona: régua" sentence="Deu certo: depois do lembrete da régua veio promessa cumprida ou pagamento em 7 dias." onCsv={() => csv('o-que-funciona-regua', whatWorksCsv(ww.byStep, 'etapa da régua'))}>
          <WhatWorksTable rows={ww.byStep} what="Etapa" label="O que funciona por etapa da régua" />
        </Section>
      </SimpleGrid>

      <Section id="atendentes" title="Por atendente" sentence="O trabalho de cada pessoa no período: tentativas, conversas, promessas, acordos, quanto entrou e a nota que os clientes deram." onCsv={() => csv('por-atendente', clerksCsv(data.byUser))}>
        <ClerksTable rows={data.byUser} onClerk={(userId, name) => void openDrill({ kind: 'clerk', key: userId }, `Recebido por ${name}`)} />
      </Section>

      <Section id="semanas" title="Semana a semana" sentence="Os números de cada semana, da mais recente à mais antiga. Os valores abrem a lista de clientes." onCsv={() => csv('semanas', weeksCsv(data.weeks))}>
        <WeeksTable weeks={data.weeks} onWeek={(kind, w) => week(kind)(w)} />
      </Section>
    </Stack>
  );
}

/**
 * "Imprimir / salvar PDF": the browser's print of the Painel itself (its print stylesheet hides the sidebar,
 * tabs and buttons and lets the page run long), on A4 landscape — as wide as the screen's work area, so the
 * charts print as drawn. The `@page` rule lives only while printing: carnês and receipts set their own. The
 * PDF is named after the period.
 */
function printDashboard(periodLabel: string) {
  const body = document.body;
  const previousTitle = document.title;
  document.title = `Painel ${periodLabel.replace(/\//g, '-')}`;
  body.classList.add('emdia-painel-printing');
  const page = document.createElement('style');
  page.textContent = '@page { size: A4 landscape; margin: 10mm; }';
  document.head.appendChild(page);
  const done = () => {
    body.classList.remove('emdia-painel-printing');
    page.remove();
    document.title = previousTitle;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  // The class only matters under @media print, so should afterprint never come it changes nothing on screen.
  window.print();
}

import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import type { BureauRecordRow, FormalCandidate, FormalExport, NoticeView } from '../../../shared/contract/formal';
import { formatCpf } from '../../../shared/cpf';
import { formatDateBR, parseDateBR } from '../../../shared/dates';
import { earliestDeadline, NOTICE_MIN_DAYS, REMOVAL_BUSINESS_DAYS } from '../../../shared/formal/rules';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { Money } from '../../components/Money';
import { NoticePrint } from '../../print/formal/NoticePrint';
import { useSession } from '../../store/session';
import { downloadCsv } from '../dashboard/download';
import { RemovalList } from './RemovalTasks';
import classes from './Formal.module.css';

interface Candidates {
  items: FormalCandidate[];
  total: number;
  longOverdueDays: number;
}

/**
 * Painel → "Cobrança formal" (issue 8 §6), owner only: who may go the formal way, the written notice (printed),
 * the record the owner made at a bureau, and the removals due after payment. EmDia never talks to a bureau.
 */
export function FormalScreen() {
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const [records, setRecords] = useState<BureauRecordRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noticeFor, setNoticeFor] = useState<FormalCandidate | null>(null);
  const [registerFor, setRegisterFor] = useState<FormalCandidate | null>(null);
  const [printing, setPrinting] = useState<{ notice?: NoticeView; noticeId?: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, r] = await Promise.all([call<Candidates>('formal.candidates', {}), call<{ items: BureauRecordRow[] }>('formal.list', {})]);
      setCandidates(c);
      setRecords(r.items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir a cobrança formal.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async (scope: 'registered' | 'ready') => {
    try {
      const out = await call<FormalExport>('formal.export', { scope });
      downloadCsv(out.fileName, out.content);
    } catch (e) {
      notifications.show({ color: 'clay', message: e instanceof ApiCallError ? e.message : 'Não foi possível exportar.' });
    }
  };

  const ready = candidates?.items.filter((c) => c.notice?.expired).length ?? 0;
  const active = records?.filter((r) => r.status !== 'removed') ?? [];
  const removed = records?.filter((r) => r.status === 'removed') ?? [];

  return (
    <div className={classes.screen}>
      <header className={classes.header}>
        <div>
          <Title order={2}>Cobrança formal</Title>
          <Text c="dimmed" maw={820}>
            Depois das ligações, o caminho formal: primeiro uma notificação por escrito com prazo de pelo menos {NOTICE_MIN_DAYS} dias para pagar; só depois
            do prazo, o registro no birô (SPC, Serasa, Boa Vista). Com a dívida paga, a baixa é pedida em até {REMOVAL_BUSINESS_DAYS} dias úteis.
          </Text>
        </div>
      </header>

      {error && (
        <Alert color="clay" role="alert" title="A cobrança formal não abriu" mb="md">
          <Text size="sm">{error}</Text>
          <Button mt="sm" variant="default" onClick={() => void load()}>
            Tentar de novo
          </Button>
        </Alert>
      )}
      {!error && (!candidates || !records) && (
        <Center py="xl">
          <Loader aria-label="Abrindo a cobrança formal" />
        </Center>
      )}

      {records && <RemovalList records={records.filter((r) => r.status === 'removal')} onDone={() => void load()} />}

      {candidates && (
        <section className={classes.section} aria-labelledby="formal-candidates-title">
          <div className={classes.sectionHead}>
            <div>
              <Title order={3} size="h4" id="formal-candidates-title">
                Clientes para a cobrança formal
              </Title>
              <Text size="sm" c="dimmed">
                Perfil mau pagador ou mais de {candidates.longOverdueDays} dias de atraso, sem contestação em aberto e sem acordo em dia
                {candidates.total > candidates.items.length ? ` · os ${candidates.items.length} atrasos mais antigos de ${candidates.total.toLocaleString('pt-BR')}` : ''}.
              </Text>
            </div>
            <Button variant="default" onClick={() => void exportCsv('ready')} disabled={!ready}>
              Exportar CSV: prontos para registrar
            </Button>
          </div>
          {candidates.items.length === 0 ? (
            <Text c="dimmed" py="md">
              Ninguém no caminho formal agora. Quando um cliente passar de {candidates.longOverdueDays} dias de atraso ou ficar com perfil mau pagador, ele aparece aqui.
            </Text>
          ) : (
            <Table className={classes.table} verticalSpacing={6} aria-label="Clientes para a cobrança formal">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Cliente</Table.Th>
                  <Table.Th className={classes.num}>Em atraso</Table.Th>
                  <Table.Th>Por quê</Table.Th>
                  <Table.Th>Notificação</Table.Th>
                  <Table.Th className={classes.actionsHead}>
                    <span className={classes.visuallyHidden}>Ações</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.items.map((c) => (
                  <Table.Tr key={c.customerId}>
                    <Table.Td>
                      <Text fw={500}>{c.name}</Text>
                      <Text size="sm" c="dimmed" className={classes.figures}>
                        CPF {formatCpf(c.cpf)}
                      </Text>
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      <Money cents={c.overduePrincipalCents} late />
                      <Text size="sm" c="dimmed">
                        {c.overdueCount === 1 ? '1 parcela' : `${c.overdueCount} parcelas`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.reason}</Text>
                    </Table.Td>
                    <Table.Td>
                      <NoticeStatus c={c} />
                    </Table.Td>
                    <Table.Td className={classes.actions}>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        {c.notice ? (
                          <Button variant="default" onClick={() => setPrinting({ noticeId: c.notice!.id })} aria-label={`Ver notificação: ${c.name}`}>
                            Ver notificação
                          </Button>
                        ) : (
                          <Button onClick={() => setNoticeFor(c)} aria-label={`Gerar notificação para ${c.name}`}>
                            Gerar notificação
                          </Button>
                        )}
                        {c.notice && (
                          <Button onClick={() => setRegisterFor(c)} disabled={!c.notice.expired} aria-label={`Registrar no birô: ${c.name}`}>
                            Registrar no birô
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      )}

      {records && (
        <section className={classes.section} aria-labelledby="formal-records-title">
          <div className={classes.sectionHead}>
            <div>
              <Title order={3} size="h4" id="formal-records-title">
                Registros no birô
              </Title>
              <Text size="sm" c="dimmed">
                O que a loja registrou e o prazo de cada baixa. O arquivo CSV traz os dados que os birôs pedem.
              </Text>
            </div>
            <Button variant="default" onClick={() => void exportCsv('registered')} disabled={!active.length}>
              Exportar CSV: registros
            </Button>
          </div>
          {records.length === 0 ? (
            <Text c="dimmed" py="md">
              Nenhum registro feito ainda.
            </Text>
          ) : (
            <Table className={classes.table} verticalSpacing={6} aria-label="Registros no birô">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Cliente</Table.Th>
                  <Table.Th>Birô</Table.Th>
                  <Table.Th>Registrado em</Table.Th>
                  <Table.Th className={classes.num}>Valor</Table.Th>
                  <Table.Th>Situação</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...active, ...removed].map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text fw={500}>{r.name}</Text>
                      <Text size="sm" c="dimmed" className={classes.figures}>
                        CPF {formatCpf(r.cpf)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.bureau}</Table.Td>
                    <Table.Td className={classes.figures}>{formatDateBR(r.registeredOn)}</Table.Td>
                    <Table.Td className={classes.num}>
                      <Money cents={r.amountCents} />
                    </Table.Td>
                    <Table.Td>
                      <RecordStatus r={r} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      )}

      {noticeFor && (
        <NoticeDialog
          candidate={noticeFor}
          onClose={() => setNoticeFor(null)}
          onCreated={(n) => {
            setNoticeFor(null);
            setPrinting({ notice: n });
            void load();
          }}
        />
      )}
      {registerFor && (
        <RegisterDialog
          candidate={registerFor}
          onClose={() => setRegisterFor(null)}
          onDone={() => {
            setRegisterFor(null);
            void load();
          }}
        />
      )}
      {printing && <NoticePrint notice={printing.notice} noticeId={printing.noticeId} onClose={() => setPrinting(null)} />}
    </div>
  );
}

function NoticeStatus({ c }: { c: FormalCandidate }) {
  if (!c.notice) return <Text size="sm" c="dimmed">Ainda não notificado</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">Enviada em {formatDateBR(c.notice.sentOn)}</Text>
      {c.notice.expired ? (
        <Badge color="teal" variant="light" size="lg" radius="sm">
          Prazo encerrado em {formatDateBR(c.notice.deadline)}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          Prazo até {formatDateBR(c.notice.deadline)}
        </Text>
      )}
    </Stack>
  );
}

function RecordStatus({ r }: { r: BureauRecordRow }) {
  if (r.status === 'removed') return <Text size="sm">Baixa feita em {formatDateBR(r.removedOn!)}</Text>;
  if (r.status === 'removal')
    return (
      <Text size="sm" fw={600} c={r.removalLate ? 'clay.8' : undefined}>
        Quitado em {formatDateBR(r.paidOffOn!)}: pedir a baixa até {formatDateBR(r.removalDue!)}
      </Text>
    );
  return <Text size="sm">Registrado</Text>;
}

/** Confirms the notice: recorded as sent today, with its deadline (≥ 10 days); then it is printed. */
function NoticeDialog({ candidate: c, onClose, onCreated }: { candidate: FormalCandidate; onClose(): void; onCreated(n: NoticeView): void }) {
  const today = useSession((s) => s.today) ?? '';
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const minimum = today ? earliestDeadline(today) : '';

  const submit = async () => {
    const typed = deadline.trim();
    const iso = typed ? parseDateBR(typed) : null;
    if (typed && !iso) return setError('Data inválida: use dd/mm/aaaa.');
    setBusy(true);
    try {
      const n = await call<NoticeView>('formal.notice', { customerId: c.customerId, ...(iso ? { deadline: iso } : {}) });
      onCreated(n);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível gerar a notificação.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Notificação por escrito a ${c.name}`} size="lg" centered closeButtonProps={{ 'aria-label': 'Fechar sem gerar' }}>
      <Stack gap="sm">
        <Text size="sm">
          A notificação fica registrada como enviada hoje ({today ? formatDateBR(today) : ''}), com o valor em aberto detalhado (parcelas, multa e juros). Imprima e
          entregue ao cliente, ou envie por carta com aviso de recebimento.
        </Text>
        <TextInput
          label="Prazo para pagar"
          description={`Em branco: ${NOTICE_MIN_DAYS} dias, até ${minimum ? formatDateBR(minimum) : ''} (ou o dia seguinte em que a loja abrir).`}
          placeholder="dd/mm/aaaa"
          inputMode="numeric"
          value={deadline}
          onChange={(e) => {
            setDeadline(maskDateBR(e.currentTarget.value));
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            Gerar e imprimir
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The owner says the record was made at the bureau; EmDia keeps the date to remind the removal later. */
function RegisterDialog({ candidate: c, onClose, onDone }: { candidate: FormalCandidate; onClose(): void; onDone(): void }) {
  const [bureau, setBureau] = useState('SPC');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await call('formal.register', { customerId: c.customerId, bureau: bureau.trim() });
      notifications.show({ color: 'teal', message: `Registro de ${c.name} anotado.` });
      onDone();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível anotar o registro.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Registrar ${c.name} no birô`} size="lg" centered closeButtonProps={{ 'aria-label': 'Fechar sem registrar' }}>
      <Stack gap="sm">
        <Text size="sm">
          O prazo da notificação terminou em {formatDateBR(c.notice!.deadline)}. Faça o registro no site do birô e confirme aqui: o EmDia não envia nada ao birô, só
          guarda a data para lembrar a baixa quando a dívida for paga.
        </Text>
        <TextInput label="Birô" description="SPC, Serasa, Boa Vista…" value={bureau} onChange={(e) => (setBureau(e.currentTarget.value), setError(null))} error={error} data-autofocus />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancelar
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            Confirmar registro
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

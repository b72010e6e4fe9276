import { useEffect, useState } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { formatCpf } from '../../../shared/cpf';
import {
  CallingNow,
  ContactList,
  Disputes,
  FileBadges,
  FileFacts,
  FileHeading,
  OverdueList,
  OverdueTitle,
  ProfileReasons,
  PromiseList,
  PurchaseList,
} from '../../components/CustomerFileParts';
import { IconCash, IconPhone } from '../../components/icons';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import type { CallContext } from '../call/call-types';
import { accountFrom, callFrom, receiveFrom, sellFrom } from './customer-actions';
import { PrivacyExportButton } from './PrivacyExport';
import classes from './CustomerPage.module.css';

interface Props {
  customerId: string;
  onEdit(): void;
  onBack(): void;
}

/**
 * The customer's page in Clientes (issue 7 §1): the same file the call screen shows (calls.context), laid out
 * wide — who they are and why their profile, what is late today, what happened before and whether to call now —
 * with what the clerk does next: call, receive, see the extrato, edit the record. Esc goes back to the list.
 */
export function CustomerPage({ customerId, onEdit, onBack }: Props) {
  const [ctx, setCtx] = useState<CallContext | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    call<CallContext>('calls.context', { customerId })
      .then((c) => alive && setCtx(c))
      .catch((e: unknown) => alive && setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir a ficha do cliente.'));
    return () => {
      alive = false;
    };
  }, [customerId]);

  const owes = !!ctx && ctx.facts.overdueCents > 0;
  const alt = (run: () => void) => (e: KeyboardEvent) => (e.altKey ? run() : false);
  useShortcuts({
    Escape: onBack,
    ...(ctx
      ? {
          F5: () => sellFrom(ctx),
          F6: () => receiveFrom(ctx),
          e: alt(onEdit),
          E: alt(onEdit),
          x: alt(() => accountFrom(ctx)),
          X: alt(() => accountFrom(ctx)),
          l: alt(() => owes && callFrom(ctx)),
          L: alt(() => owes && callFrom(ctx)),
        }
      : {}),
  });

  if (!ctx) {
    return (
      <Center flex={1}>
        {error ? (
          <Stack align="center">
            <Alert color="clay" title="Não foi possível abrir o cliente" role="alert">
              {error}
            </Alert>
            <Button variant="default" onClick={onBack}>
              Voltar
              <Shortcut keys="Esc" />
            </Button>
          </Stack>
        ) : (
          <Loader aria-label="Abrindo a ficha do cliente" />
        )}
      </Center>
    );
  }

  return (
    <Box className={classes.screen}>
      <header className={classes.header}>
        <Box miw={0}>
          <Button variant="subtle" size="compact-sm" px={4} ml={-4} mb={2} onClick={onBack}>
            ← Clientes
            <Shortcut keys="Esc" />
          </Button>
          <Title order={2} id="customer-page-title">
            {ctx.customer.name}
          </Title>
          <Text c="dimmed" size="sm" mb={6} style={{ fontVariantNumeric: 'tabular-nums' }}>
            CPF {formatCpf(ctx.customer.cpf)}
          </Text>
          <FileBadges ctx={ctx} />
        </Box>
        <div className={classes.actions} role="group" aria-label="O que fazer com este cliente">
          {owes ? (
            <Button leftSection={<IconPhone size={18} />} onClick={() => callFrom(ctx)}>
              Ligar agora
              <Shortcut keys="Alt+L" />
            </Button>
          ) : (
            <Tooltip label="Nada em atraso: não há o que cobrar.">
              <Button leftSection={<IconPhone size={18} />} data-disabled aria-disabled="true" onClick={(e) => e.preventDefault()}>
                Ligar agora
                <Shortcut keys="Alt+L" />
              </Button>
            </Tooltip>
          )}
          <Button variant="light" leftSection={<IconCash size={18} />} onClick={() => receiveFrom(ctx)}>
            Receber
            <Shortcut keys="F6" />
          </Button>
          <Button variant="default" onClick={() => accountFrom(ctx)}>
            Extrato
            <Shortcut keys="Alt+X" />
          </Button>
          <Button variant="default" onClick={onEdit}>
            Editar cadastro
            <Shortcut keys="Alt+E" />
          </Button>
          <Button variant="default" onClick={() => sellFrom(ctx)}>
            Nova venda
            <Shortcut keys="F5" />
          </Button>
          <PrivacyExportButton customerId={ctx.customer.id} />
        </div>
      </header>

      <div className={classes.columns}>
        <section className={classes.card} aria-labelledby="customer-page-who">
          <FileHeading mt={0}>
            <span id="customer-page-who">Quem é</span>
          </FileHeading>
          <Text size="sm" fw={500} mb={2}>
            Perfil {ctx.profile.label}
            {ctx.profile.reasons.length ? ', porque:' : ''}
          </Text>
          <ProfileReasons ctx={ctx} />
          <Box mt="sm">
            <FileFacts ctx={ctx} />
          </Box>
          <FileHeading>O que comprou</FileHeading>
          <PurchaseList ctx={ctx} />
        </section>

        <section className={classes.card} aria-label="Em atraso e promessas">
          <Box mt={-8}>
            <OverdueTitle ctx={ctx} />
          </Box>
          <OverdueList ctx={ctx} />
          <Disputes ctx={ctx} all />
          <FileHeading>Promessas</FileHeading>
          {ctx.promises.length ? <PromiseList ctx={ctx} limit={10} /> : <Text size="sm" c="dimmed">Nenhuma promessa ainda.</Text>}
        </section>

        <section className={classes.card} aria-labelledby="customer-page-contacts">
          <FileHeading mt={0}>
            <span id="customer-page-contacts">Ligar e contatos</span>
          </FileHeading>
          <CallingNow ctx={ctx} />
          <FileHeading>Últimos contatos</FileHeading>
          <ContactList ctx={ctx} limit={10} notes />
        </section>
      </div>
    </Box>
  );
}

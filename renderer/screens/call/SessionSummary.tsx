import { Box, Button, Paper, Text, Title } from '@mantine/core';
import { formatBRL } from '../../../shared/money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useToday } from '../today/today-store';
import { useCall } from './call-store';
import classes from './Call.module.css';

/** The end of a calling session: what came of it (issue 7 §7). */
export function SessionSummary() {
  const { tally, close } = useCall();
  const back = () => {
    close();
    void useToday.getState().load();
  };
  useShortcuts({ Escape: back, Enter: back });
  const cards: [string, string][] = [
    ['Ligações', String(tally.calls)],
    ['Conversas', String(tally.conversations)],
    ['Promessas', String(tally.promises)],
    ['Valor prometido', formatBRL(tally.promisedCents)],
    ['Acordos', String(tally.agreements)],
    ['Descontos concedidos', formatBRL(tally.discountCents)],
  ];
  return (
    <Box className={classes.screen}>
      <Title order={1} size="h2" mb="xs">
        Resumo das ligações
      </Title>
      <Text c="dimmed" mb="lg">
        {tally.calls ? 'Bom trabalho! Veja o que saiu das ligações de hoje.' : 'Nenhuma ligação registrada nesta rodada.'}
      </Text>
      <section className={classes.summary} aria-label="Resumo das ligações">
        {cards.map(([label, value]) => (
          <Paper key={label} withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={600} className={classes.figures}>
              {value}
            </Text>
          </Paper>
        ))}
      </section>
      <Button mt="xl" onClick={back} style={{ alignSelf: 'flex-start' }}>
        Voltar para Hoje
        <Shortcut keys="Esc" />
      </Button>
    </Box>
  );
}

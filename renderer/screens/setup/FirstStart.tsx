import { useState } from 'react';
import { Box, Center, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconSparkles, IconStore } from '../../components/icons';
import { useShortcuts } from '../../shell/keys';
import { DemoStore } from './DemoStore';
import { SetupStoreForm } from './SetupStoreForm';
import classes from './FirstStart.module.css';

type Step = 'choose' | 'store' | 'demo';

/** The very first screen of a new installation: configure the real store, or open a demo to learn safely. */
export function FirstStart() {
  const [step, setStep] = useState<Step>('choose');
  const back = () => setStep('choose');

  return (
    <Center mih="100dvh" p="xl" bg="gray.0">
      <Box w="100%" maw={step === 'choose' ? 860 : 620}>
        {step === 'choose' && <Choose onPick={setStep} />}
        {step === 'store' && <SetupStoreForm onBack={back} />}
        {step === 'demo' && <DemoStore onBack={back} />}
      </Box>
    </Center>
  );
}

function Choose({ onPick }: { onPick: (s: Step) => void }) {
  useShortcuts({ '1': () => onPick('store'), '2': () => onPick('demo') });
  return (
    <Stack gap="xl">
      <Stack gap={6} align="center" ta="center">
        <Text c="brand.7" fw={600}>
          EmDia
        </Text>
        <Title order={1}>Bem-vindo! Como você quer começar?</Title>
        <Text c="dimmed" size="lg" maw={560}>
          O EmDia cuida do crediário da sua loja: carnês, recebimentos e uma lista curta de clientes para ligar a cada dia.
        </Text>
      </Stack>
      <SimpleGrid cols={2} spacing="lg">
        <ChoiceCard
          icon={<IconStore size={30} />}
          title="Configurar minha loja"
          text="Informe o nome da loja, a UF e quem é o dono. Leva um minuto."
          keyHint="1"
          onClick={() => onPick('store')}
        />
        <ChoiceCard
          icon={<IconSparkles size={30} />}
          title="Abrir a loja de demonstração"
          text="Uma loja de exemplo, com clientes e parcelas, para conhecer o EmDia sem medo de errar."
          keyHint="2"
          onClick={() => onPick('demo')}
          light
        />
      </SimpleGrid>
    </Stack>
  );
}

function ChoiceCard(props: { icon: React.ReactNode; title: string; text: string; keyHint: string; onClick: () => void; light?: boolean }) {
  // No aria-label: the button's name is everything it shows (title, key, explanation), as a screen reader
  // reads it and as voice control matches it (axe: label-content-name-mismatch).
  return (
    <UnstyledButton onClick={props.onClick} className={classes.card}>
      <Paper withBorder radius="lg" p="xl" h="100%" className={classes.paper}>
        <Stack gap="md">
          <ThemeIcon size={56} radius="md" variant={props.light ? 'light' : 'filled'}>
            {props.icon}
          </ThemeIcon>
          <Group justify="space-between" wrap="nowrap" align="baseline">
            <Title order={3}>
              {props.title}
            </Title>
            <Text c="dimmed" size="sm">
              ({props.keyHint})
            </Text>
          </Group>
          <Text c="dimmed">
            {props.text}
          </Text>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}

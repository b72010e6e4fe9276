import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { call, ApiCallError } from '../../api';

/**
 * "Como foi o atendimento?" after an agreement or a payment (issue "The guided call" item 9): the customer's
 * answer, 1 to 5, one click, kept for the owner's dashboard.
 */
export function FeedbackAsk({ customerId, contactId }: { customerId: string; contactId: string | null }) {
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState('');
  const send = async (score: number) => {
    setError('');
    try {
      await call('feedback.record', { customerId, score, ...(contactId ? { contactId } : {}) });
      setSent(score);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível guardar a nota. Tente de novo.');
    }
  };
  if (sent !== null) {
    return (
      <Text size="sm" role="status">
        Nota do atendimento guardada: {sent} de 5. Obrigado!
      </Text>
    );
  }
  return (
    <div role="group" aria-label="Como foi o atendimento?">
      <Text size="sm" fw={600} mb={4}>
        Como foi o atendimento? (pergunte ao cliente, de 1 a 5)
      </Text>
      <Group gap={6}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Button key={n} size="sm" variant="default" miw={44} aria-label={`Nota ${n} de 5`} onClick={() => void send(n)}>
            {n}
          </Button>
        ))}
      </Group>
      {error && (
        <Text size="sm" c="red.8" mt={4} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}

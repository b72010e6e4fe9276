import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { whatsappLink, smsText, isMobile } from '../../../shared/whatsapp';
import classes from './Call.module.css';

/** The recap to read aloud and send: WhatsApp only to a customer who opted in; SMS to a mobile. */
export function RecapBox({ text, phone, whatsappOptIn }: { text: string; phone: { number: string; whatsapp: boolean } | null; whatsappOptIn: boolean }) {
  const [copied, setCopied] = useState(false);
  const wa = phone && whatsappOptIn && phone.whatsapp ? whatsappLink(phone.number, text) : null;
  const sms = phone && isMobile(phone.number) ? smsText(text) : null;
  return (
    <section aria-label="Resumo do combinado">
      <Text fw={600} size="sm" mb={4}>
        Leia em voz alta e envie o resumo
      </Text>
      <pre className={classes.recap}>{text}</pre>
      <Group gap="xs" mt="xs">
        {wa && (
          <Button component="a" href={wa.url} target="_blank" rel="noopener noreferrer" size="xs" variant="light">
            Enviar por WhatsApp
          </Button>
        )}
        {sms && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              void navigator.clipboard?.writeText(sms.text).then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {copied ? 'Texto do SMS copiado' : 'Copiar para SMS'}
          </Button>
        )}
      </Group>
      {!whatsappOptIn && (
        <Text size="xs" c="dimmed" mt={4}>
          WhatsApp só para quem autorizou receber mensagens.
        </Text>
      )}
    </section>
  );
}
